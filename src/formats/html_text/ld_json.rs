//! Article metadata from a page's JSON-LD (`<script type="application/ld+json">`).
use serde_json::Value;

/// What JSON-LD blocks say about the article: its authors and publication date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LdMeta {
    pub authors: Vec<String>,
    pub published: Option<String>,
}

/// Read one JSON-LD block into `meta`: the first article-like object (`NewsArticle`,
/// `BlogPosting`, …, also inside `@graph` or `mainEntity`) gives the authors (added to those
/// already there) and the date (unless one is known); without one, any object that has them (not a comment or review).
/// A block that is not valid JSON is skipped.
pub fn ld_json(src: &str, meta: &mut LdMeta) {
    let Ok(value) = serde_json::from_str::<Value>(src.trim()) else { return };
    let mut objects = Vec::new();
    flatten(&value, &mut objects, 0);
    objects.retain(|o| o.contains_key("author") || o.contains_key("datePublished"));
    let chosen = objects
        .iter()
        .find(|o| article_like(o))
        .or_else(|| objects.iter().find(|o| !types(o).iter().any(|t| matches!(*t, "Comment" | "Review"))));
    let Some(object) = chosen else { return };
    if meta.published.is_none() {
        meta.published = object
            .get("datePublished")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(Into::into);
    }
    if let Some(author) = object.get("author") {
        authors(author, &mut meta.authors);
    }
}

/// Every object in `value`, through arrays, `@graph` and `mainEntity`, a few levels deep.
fn flatten<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(inner) = map.get(key) {
                    flatten(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn types(object: &serde_json::Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn article_like(object: &serde_json::Map<String, Value>) -> bool {
    types(object).iter().any(|t| t.ends_with("Article") || matches!(*t, "BlogPosting" | "Report" | "LiveBlogPosting"))
}

/// Names in an `author` value: a string, an object with a `name`, or a list of those.
fn authors(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => super::split_authors(s).into_iter().for_each(|n| super::push_unique(out, n)),
        Value::Object(o) => {
            if let Some(name) = o.get("name") {
                authors(name, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| authors(v, out)),
        _ => {}
    }
}
