//! Writing the native JSON. Each annotation's JSON is remembered, so saving a document with
//! thousands of annotations serialises only the ones that changed since the last save.
use super::json_write::{self, key, number, string, text, Json};
use super::native::{FORMAT, SAID_BY, VERSION};
use crate::model::annotation::{Annotation, Relation};
use crate::model::order::{self, Names};
use crate::model::state::State;
use crate::model::text::Document;
use std::rc::Rc;

/// The document part: `length` is the text's length in code points.
fn document(d: &Document, length: usize) -> String {
    let mut out = String::with_capacity(d.text.len() + 512);
    json_write::first(&mut out, "id");
    string(&mut out, &d.id);
    text(&mut out, "title", &d.title);
    text(&mut out, "text", &d.text);
    text(&mut out, "offset_unit", "codepoint");
    text(&mut out, "text_sha256", &d.sha256);
    key(&mut out, "length");
    number(&mut out, length);
    text(&mut out, "source", &d.source);
    text(&mut out, "url", &d.url);
    key(&mut out, "authors");
    d.authors.write(&mut out);
    text(&mut out, "published", &d.published);
    if !d.renamed.is_empty() {
        text(&mut out, "renamed", &d.renamed);
    }
    out.push('}');
    out
}

/// JSON already written: the document part (by document id) and each annotation, keyed by
/// the address of its `Rc` (held here, so the address cannot be reused while cached).
#[derive(Default)]
pub struct JsonCache {
    doc: Option<(String, String)>,
    /// Sorted by address.
    anns: Vec<(usize, Rc<Annotation>, String)>,
    compact: bool,
    /// Written in one-byte characters only (the stored copy of a document in a Latin script:
    /// see `json_write::make_one_byte`).
    one_byte: bool,
}

impl JsonCache {
    /// A cache for the stored copy: what reading gives back (see `json_write::Stored`) is left
    /// out of each annotation.
    pub fn compact() -> Self {
        JsonCache { compact: true, ..JsonCache::default() }
    }
}

/// Serialise the open document. Relations whose ends are gone are left out.
pub fn to_json(state: &State, now: &str) -> String {
    to_json_cached(state, now, &mut JsonCache::default())
}

/// Filling a cache a part at a time (`warm_some`): the list of annotations it was begun on,
/// and their JSON made so far.
#[derive(Default)]
pub struct Warming {
    list: Option<Rc<Vec<Rc<Annotation>>>>,
    parts: Vec<String>,
}

impl Warming {
    /// Whether `state`'s annotations are no longer the list this was begun on.
    pub fn stale(&self, state: &State) -> bool {
        self.list.as_ref().is_some_and(|list| !Rc::ptr_eq(list, state.annotations()))
    }
}

/// Fill `cache` for the open document without writing the whole file, done while idle so that
/// the first save after opening a large document is as quick as the later ones, a part at a
/// time (at book length the whole took one task of about 50 ms): make the JSON of up to `n`
/// more annotations of `state` into `w`, and once every one is made keep them in `cache`.
/// True when there is nothing more to do: every one is kept, or `state`'s annotations are no
/// longer the list `w` was begun on (an edit in between: what was made is dropped, and the next
/// save makes what it needs; parts of two lists would be kept for the wrong annotations).
pub fn warm_some(state: &State, cache: &mut JsonCache, w: &mut Warming, n: usize) -> bool {
    if w.stale(state) {
        *w = Warming::default();
        return true;
    }
    let anns = state.annotations();
    if w.list.is_none() {
        // (The document part a step of its own: at book length, a million characters of JSON
        // and their escapes.)
        w.list = Some(anns.clone());
        doc_part(state, cache);
        return false;
    }
    let end = anns.len().min(w.parts.len() + n);
    for a in &anns[w.parts.len()..end] {
        let made = fragment(state, cache, a);
        w.parts.push(made);
    }
    if w.parts.len() < anns.len() {
        return false;
    }
    remember(state, cache, std::mem::take(&mut w.parts));
    true
}

/// Keep `parts` (one per annotation of `state`, in order) as the cache's annotation JSON.
fn remember(state: &State, cache: &mut JsonCache, parts: Vec<String>) {
    cache.anns =
        state.annotations().iter().zip(parts).map(|(a, text)| (Rc::as_ptr(a) as usize, a.clone(), text)).collect();
    order::by_key(&mut cache.anns, |(at, ..)| (*at as u64, 0));
}

/// The JSON of the document part and of every annotation, from the cache where it holds them.
fn fragments(state: &State, cache: &mut JsonCache) -> Vec<String> {
    doc_part(state, cache);
    state.annotations().iter().map(|a| fragment(state, cache, a)).collect()
}

/// Make the cache's document part that of `state`'s document, unless it is.
fn doc_part(state: &State, cache: &mut JsonCache) {
    let doc = &state.doc;
    // (Keyed by id and title: a rename changes the document part.)
    let key = format!("{}\n{}", doc.id, doc.title);
    if cache.doc.as_ref().is_none_or(|(k, _)| *k != key) {
        let same_doc = cache.doc.as_ref().is_some_and(|(k, _)| k.split('\n').next() == Some(doc.id.as_str()));
        if !same_doc {
            cache.anns.clear();
            cache.one_byte = cache.compact && json_write::worth(&doc.text);
        }
        let mut part = document(doc, state.index.len());
        if cache.one_byte {
            json_write::make_one_byte(&mut part);
        }
        cache.doc = Some((key, part));
    }
}

/// The JSON of annotation `a` of `state`: taken from the cache where it holds it, else made.
fn fragment(state: &State, cache: &mut JsonCache, a: &Rc<Annotation>) -> String {
    let at = Rc::as_ptr(a) as usize;
    let cached =
        cache.anns.binary_search_by_key(&at, |(at, ..)| *at).ok().map(|i| std::mem::take(&mut cache.anns[i].2));
    cached.filter(|t| !t.is_empty()).unwrap_or_else(|| {
        let doc = &state.doc;
        let mut text = String::with_capacity(256);
        let stored = cache.compact.then(|| {
            let (before, after) = super::native::context(&doc.text, &state.index, a.start, a.end);
            json_write::Stored {
                quote: state.index.slice(&doc.text, a.start, a.end) == a.quote,
                context: a.prefix == before && a.suffix == after,
            }
        });
        json_write::annotation(&mut text, a, stored);
        if cache.one_byte {
            json_write::make_one_byte(&mut text);
        }
        text
    })
}

/// Serialise the open document, reusing what `cache` already holds and refreshing it.
pub fn to_json_cached(state: &State, now: &str, cache: &mut JsonCache) -> String {
    let parts = fragments(state, cache);
    // Borrowed ids: copying 10,000 of them on every save cost a few milliseconds.
    let speakers = state.annotations().iter().filter_map(|a| Some((a, a.claim.as_ref()?.speaker.as_ref()?)));
    let said_by: Vec<Relation> = speakers
        .map(|(a, to)| Relation { id: format!("r-{}", a.id), kind: SAID_BY.into(), from: a.id.clone(), to: to.clone() })
        .collect();
    let mut relations: Vec<&Relation> = state.relations.iter().chain(&said_by).collect();
    // Most documents have no relations: skip indexing thousands of ids for nothing.
    if !relations.is_empty() {
        let ids = Names::new(state.annotations().iter().map(|a| a.id.as_str()));
        relations.retain(|r| ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()));
    }
    let doc_json = cache.doc.as_ref().map_or("", |(_, j)| j.as_str());
    let size = doc_json.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>() + 1024;
    let mut out = String::with_capacity(size);
    json_write::first(&mut out, "format");
    string(&mut out, FORMAT);
    key(&mut out, "version");
    number(&mut out, VERSION as usize);
    text(&mut out, "exported_at", now);
    key(&mut out, "document");
    out.push_str(doc_json);
    key(&mut out, "labels");
    state.labels.write(&mut out);
    if !state.entities.is_empty() {
        key(&mut out, "entities");
        state.entities.write(&mut out);
    }
    key(&mut out, "rating_scale");
    state.scale.write(&mut out);
    out.push_str(",\"annotations\":[");
    // (The parts are one-byte already where they are to be: only what is around them is looked
    // at.)
    let head = out.len();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(p);
    }
    let list = out.len();
    out.push_str("],\"relations\":");
    relations.write(&mut out);
    if !state.orphans.is_empty() {
        key(&mut out, "orphans");
        out.push('[');
        for (i, a) in state.orphans.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_write::annotation(&mut out, a, None);
        }
        out.push(']');
    }
    if !state.deleted.is_empty() {
        key(&mut out, "deleted");
        state.deleted.write(&mut out);
    }
    out.push('}');
    remember(state, cache, parts);
    if cache.one_byte && !(json_write::is_one_byte(&out[..head]) && json_write::is_one_byte(&out[list..])) {
        json_write::make_one_byte(&mut out);
    }
    out
}
