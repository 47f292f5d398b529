//! Article metadata from a page's JSON-LD (`<script type="application/ld+json">`).
//! (Read through raw JSON pieces and string-keyed maps: `serde_json::Value` would cost the
//! bundle about 5 KB gzip for this one use.)
use serde_json::value::RawValue;
use std::collections::HashMap;

/// One JSON object, its values left raw until asked for.
type Object<'a> = HashMap<String, &'a RawValue>;

/// What JSON-LD blocks say about the article: its authors and publication date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LdMeta {
    pub authors: Vec<String>,
    pub published: Option<String>,
}

fn text(raw: &RawValue) -> Option<String> {
    serde_json::from_str(raw.get()).ok()
}

fn list(raw: &RawValue) -> Option<Vec<&RawValue>> {
    serde_json::from_str(raw.get()).ok()
}

fn object(raw: &RawValue) -> Option<Object<'_>> {
    serde_json::from_str(raw.get()).ok()
}

/// Read one JSON-LD block into `meta`: the first article-like object (`NewsArticle`,
/// `BlogPosting`, …, also inside `@graph` or `mainEntity`) gives the authors (added to those
/// already there) and the date (unless one is known); without one, any object that has them
/// (not a comment or review). A block that is not valid JSON is skipped.
pub fn ld_json(src: &str, meta: &mut LdMeta) {
    let Ok(value) = serde_json::from_str::<&RawValue>(src.trim()) else { return };
    let mut objects = Vec::new();
    flatten(value, &mut objects, 0);
    objects.retain(|o| o.contains_key("author") || o.contains_key("datePublished"));
    let chosen = objects
        .iter()
        .find(|o| article_like(o))
        .or_else(|| objects.iter().find(|o| !types(o).iter().any(|t| matches!(t.as_str(), "Comment" | "Review"))));
    let Some(object) = chosen else { return };
    if meta.published.is_none() {
        meta.published = object
            .get("datePublished")
            .and_then(|raw| text(raw))
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
    }
    if let Some(author) = object.get("author") {
        authors(author, &mut meta.authors);
    }
}

/// Every object in `value`, through arrays, `@graph` and `mainEntity`, a few levels deep.
fn flatten<'v>(value: &'v RawValue, out: &mut Vec<Object<'v>>, depth: usize) {
    if depth > 4 {
        return;
    }
    let raw = value.get().trim_start();
    if raw.starts_with('[') {
        list(value).unwrap_or_default().into_iter().for_each(|v| flatten(v, out, depth + 1));
    } else if let Some(map) = raw.starts_with('{').then(|| object(value)).flatten() {
        let inner: Vec<&RawValue> =
            ["@graph", "mainEntity", "mainEntityOfPage"].iter().filter_map(|k| map.get(*k).copied()).collect();
        out.push(map);
        inner.into_iter().for_each(|v| flatten(v, out, depth + 1));
    }
}

fn types(object: &Object) -> Vec<String> {
    let Some(raw) = object.get("@type") else { return vec![] };
    text(raw).map(|t| vec![t]).unwrap_or_else(|| list(raw).unwrap_or_default().into_iter().filter_map(text).collect())
}

fn article_like(object: &Object) -> bool {
    types(object)
        .iter()
        .any(|t| t.ends_with("Article") || matches!(t.as_str(), "BlogPosting" | "Report" | "LiveBlogPosting"))
}

/// Names in an `author` value: a string, an object with a `name`, or a list of those.
fn authors(value: &RawValue, out: &mut Vec<String>) {
    let raw = value.get().trim_start();
    if let Some(s) = raw.starts_with('"').then(|| text(value)).flatten() {
        super::split_authors(&s).into_iter().for_each(|n| super::push_unique(out, n));
    } else if raw.starts_with('[') {
        list(value).unwrap_or_default().into_iter().for_each(|v| authors(v, out));
    } else if let Some(name) =
        raw.starts_with('{').then(|| object(value)).flatten().and_then(|o| o.get("name").copied())
    {
        authors(name, out);
    }
}
