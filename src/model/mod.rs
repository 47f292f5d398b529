//! The pure core: document text and its offset index, annotations, labels, and the state
//! machine every edit goes through. Nothing here touches the browser.
pub mod annotation;
pub mod clusters;
pub mod history;
pub mod labels;
pub mod layout;
pub mod library;
pub mod merge;
pub mod meta;
pub mod order;
pub mod said;
pub mod seek;
pub mod snap;
pub mod speaker;
pub mod state;
pub mod text;
pub mod time;

pub use annotation::{Annotation, Attribution, Claim, Deleted, Evidence, Kind, Relation, Span, Worthiness};
pub use labels::{default_labels, Label};
pub use state::{Action, State};
pub use text::{Document, TextIndex};
