//! Writing the native JSON. Each annotation's JSON is remembered, so saving a document with
//! thousands of annotations serialises only the ones that changed since the last save.
use super::native::{FORMAT, VERSION};
use crate::model::annotation::Annotation;
use crate::model::state::State;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Serialize)]
struct DocOut<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    offset_unit: &'static str,
    text_sha256: &'a str,
    length: usize,
    source: &'a str,
}

/// JSON already written: the document part (by document id) and each annotation (valid while
/// the state still holds the very same `Rc`).
#[derive(Default)]
pub struct JsonCache {
    doc: Option<(String, String)>,
    anns: HashMap<String, (Rc<Annotation>, String)>,
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

/// Serialise the open document. Relations whose ends are gone are left out.
pub fn to_json(state: &State, now: &str) -> String {
    to_json_cached(state, now, &mut JsonCache::default())
}

/// Serialise the open document, reusing what `cache` already holds and refreshing it.
pub fn to_json_cached(state: &State, now: &str, cache: &mut JsonCache) -> String {
    let doc = &state.doc;
    if cache.doc.as_ref().is_none_or(|(id, _)| *id != doc.id) {
        let out = DocOut {
            id: &doc.id,
            title: &doc.title,
            text: &doc.text,
            offset_unit: "codepoint",
            text_sha256: &doc.sha256,
            length: state.index.len(),
            source: &doc.source,
        };
        cache.doc = Some((doc.id.clone(), json(&out)));
        cache.anns.clear();
    }
    let mut parts = Vec::with_capacity(state.annotations().len());
    for a in state.annotations() {
        let text = match cache.anns.remove(&a.id) {
            Some((old, text)) if Rc::ptr_eq(&old, a) => text,
            _ => json(&**a),
        };
        parts.push(text);
    }
    let ids: HashSet<&str> = state.annotations().iter().map(|a| a.id.as_str()).collect();
    let relations: Vec<_> =
        state.relations.iter().filter(|r| ids.contains(r.from.as_str()) && ids.contains(r.to.as_str())).collect();
    let doc_json = cache.doc.as_ref().map_or("", |(_, j)| j.as_str());
    let size = doc_json.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>() + 1024;
    let mut out = String::with_capacity(size);
    out.push_str(&format!(
        "{{\"format\":{},\"version\":{VERSION},\"exported_at\":{},\"document\":",
        json(FORMAT),
        json(now)
    ));
    out.push_str(doc_json);
    out.push_str(",\"labels\":");
    out.push_str(&json(&*state.labels));
    out.push_str(",\"annotations\":[");
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(p);
    }
    out.push_str("],\"relations\":");
    out.push_str(&json(&relations));
    out.push('}');
    cache.anns = state.annotations().iter().zip(parts).map(|(a, text)| (a.id.clone(), (a.clone(), text))).collect();
    out
}
