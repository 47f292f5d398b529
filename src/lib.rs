//! Article Annotator: entities and claims in news articles, offsets in code points.
pub mod browser;
pub mod components;
pub mod formats;
pub mod model;
