//! The native JSON file (DESIGN §4): what export writes, import reads and storage keeps.
//! Import checks every record on its own, so one bad record never sinks the rest.
use crate::model::annotation::{Annotation, Relation};
use crate::model::labels::{default_labels, Label};
use crate::model::meta::{Entity, Rating};
use crate::model::state::{Snapshot, State};
use crate::model::text::{default_title, normalize_text, sha256_hex, Document, TextIndex};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::rc::Rc;

pub const FORMAT: &str = "article-annotator";
pub const VERSION: u32 = 1;

pub use super::native_write::{to_json, to_json_cached, warm, JsonCache};
pub use super::reanchor::{context, reanchor};
use super::reanchor::{fill_context, short};

#[derive(Deserialize)]
struct DocIn {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    offset_unit: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    renamed: Option<String>,
}

/// A file that was read: the document with the records that passed, and what did not.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    /// One line per rejected record: which record and why.
    pub failed: Vec<String>,
    /// Records moved to where their quote now stands.
    pub reanchored: usize,
    /// The offset index of the document's text (built for the checks; kept for the state).
    pub index: Rc<TextIndex>,
}

impl Imported {
    /// The state of the file's document, reusing the index built while reading it.
    pub fn into_state(self) -> State {
        State::with_index(self.snapshot, self.index)
    }
}

/// The top level of a file, each part left raw so that it is checked on its own.
#[derive(Deserialize)]
struct FileIn<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(rename = "@context", borrow, default)]
    context: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    document: Option<&'a RawValue>,
    #[serde(borrow, default)]
    labels: Option<&'a RawValue>,
    #[serde(borrow, default)]
    annotations: Option<&'a RawValue>,
    #[serde(borrow, default)]
    relations: Option<&'a RawValue>,
    #[serde(borrow, default)]
    deleted: Option<&'a RawValue>,
    #[serde(borrow, default)]
    entities: Option<&'a RawValue>,
    #[serde(borrow, default)]
    rating_scale: Option<&'a RawValue>,
}

/// The annotation records, each read or refused on its own; `Err` refuses the whole list.
type Records = Result<Vec<Result<Annotation, String>>, String>;

/// Read a native file. `Err` says why the whole file was refused (and where).
pub fn parse(json: &str) -> Result<Imported, String> {
    // The file's parts are found in one pass; a file that fails it is read again only to say
    // why. (Its annotations are read once the rest has passed: in one pass more, or one by one
    // if that fails.)
    let file: FileIn = serde_json::from_str(json).map_err(|e| match serde_json::from_str::<&RawValue>(json) {
        Err(e) => format!("This is not valid JSON: {e}."),
        Ok(raw) if !raw.get().starts_with('{') => {
            "The file holds JSON, but not an object: it is not an Article Annotator file.".into()
        }
        Ok(_) => format!("The file is not an Article Annotator file: {e}."),
    })?;
    match file.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => return Err(format!("The file's format is \"{other}\", not \"{FORMAT}\".")),
        None if file.context.is_some() => {
            return Err("This looks like a W3C Web Annotation file, not an Article Annotator file.".into())
        }
        None => {
            return Err(format!("The file has no \"format\": \"{FORMAT}\" field: it is not an Article Annotator file."))
        }
    }
    let version: u64 =
        file.version.and_then(|v| serde_json::from_str(v.get()).ok()).ok_or("The file has no numeric \"version\".")?;
    if version > VERSION as u64 {
        return Err(format!(
            "The file was made by a newer version of Article Annotator (format version {version}); this one reads version {VERSION} and older."
        ));
    }
    let doc_in: DocIn = serde_json::from_str(file.document.map_or("null", RawValue::get))
        .map_err(|e| format!("The file's \"document\" is unusable: {e}."))?;
    if let Some(unit) = doc_in.offset_unit.as_deref().filter(|u| *u != "codepoint") {
        return Err(format!("The file counts offsets in \"{unit}\"; only \"codepoint\" is supported."));
    }
    let labels = match file.labels {
        Some(v) => serde_json::from_str::<Vec<Label>>(v.get())
            .map_err(|e| format!("The file's \"labels\" are unusable: {e}."))?,
        None => default_labels(),
    };
    let text = normalize_text(&doc_in.text);
    let sha256 = sha256_hex(&text);
    let doc = Document {
        id: doc_in.id.filter(|s| !s.is_empty()).unwrap_or_else(|| format!("doc-{}", &sha256[..16])),
        title: doc_in.title.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| default_title(&text)),
        source: doc_in.source.unwrap_or_default(),
        text,
        sha256,
        url: doc_in.url.unwrap_or_default(),
        authors: doc_in.authors,
        published: doc_in.published.unwrap_or_default(),
        renamed: doc_in.renamed.unwrap_or_default(),
    };
    let entities = match file.entities {
        Some(v) => serde_json::from_str::<Vec<Entity>>(v.get())
            .map_err(|e| format!("The file's \"entities\" are unusable: {e}."))?,
        None => Vec::new(),
    };
    let scale = match file.rating_scale {
        Some(v) => serde_json::from_str::<Vec<Rating>>(v.get())
            .map_err(|e| format!("The file's \"rating_scale\" is unusable: {e}."))?,
        None => Vec::new(),
    };
    let index = Rc::new(TextIndex::new(&doc.text));
    let mut out = Imported {
        snapshot: Snapshot { doc, labels, entities, scale, ..Snapshot::default() },
        failed: Vec::new(),
        reanchored: 0,
        index: index.clone(),
    };
    let records = records(file.annotations)?;
    out.snapshot.annotations.reserve_exact(records.len());
    let mut seen = HashSet::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        match record.and_then(|a| check_annotation(a, &out.snapshot, &index)) {
            Ok((a, _)) if !seen.insert(a.id.clone()) => {
                out.failed.push(format!("annotation #{}: id \"{}\" is used twice", i + 1, a.id))
            }
            Ok((a, moved)) => {
                out.reanchored += moved as usize;
                out.snapshot.annotations.push(a);
            }
            Err(why) => out.failed.push(format!("annotation #{}: {why}", i + 1)),
        }
    }
    for (i, raw) in list(file.relations, "relations")?.into_iter().enumerate() {
        match serde_json::from_str::<Relation>(raw.get()) {
            Ok(r) if seen.contains(&r.from) && seen.contains(&r.to) => out.snapshot.relations.push(r),
            Ok(r) => out.failed.push(format!(
                "relation #{}: \"{}\" or \"{}\" is not an annotation here",
                i + 1,
                r.from,
                r.to
            )),
            Err(e) => out.failed.push(format!("relation #{}: {}", i + 1, plain(&e))),
        }
    }
    settle_claims(&mut out.snapshot, index.len());
    // Deletions are bookkeeping for merging: an unreadable one is dropped, not reported.
    let deleted = list(file.deleted, "deleted").unwrap_or_default();
    out.snapshot.deleted = deleted.into_iter().filter_map(|raw| serde_json::from_str(raw.get()).ok()).collect();
    Ok(out)
}

/// Claims made whole after reading: speakers from `said_by` relations where the claim does not
/// name one (files of other tools), cues inside the text, references to entities that exist.
fn settle_claims(snap: &mut Snapshot, len: usize) {
    let said_by: Vec<(String, String)> =
        snap.relations.iter().filter(|r| r.kind == SAID_BY).map(|r| (r.from.clone(), r.to.clone())).collect();
    let entity_ids: HashSet<&str> = snap.entities.iter().map(|e| e.id.as_str()).collect();
    for a in &mut snap.annotations {
        if a.entity_ref.as_deref().is_some_and(|e| !entity_ids.contains(e)) {
            a.entity_ref = None;
        }
        let Some(c) = a.claim.as_mut() else { continue };
        c.settle();
        if c.speaker.is_none() {
            c.speaker = said_by.iter().find(|(from, _)| *from == a.id).map(|(_, to)| to.clone());
        }
        if c.cue.is_some_and(|s| s.start >= s.end || s.end > len) {
            c.cue = None;
        }
    }
    // A speaker is kept in the claim: its relation is written from there.
    snap.relations.retain(|r| r.kind != SAID_BY);
}

/// The relation from a claim to the mention that made it.
pub const SAID_BY: &str = "said_by";

/// The annotation records, each read on its own only when reading them all at once fails
/// (one malformed record must not sink the others, but the common case is one pass).
fn records(raw: Option<&RawValue>) -> Records {
    if let Some(Ok(all)) = raw.map(|r| serde_json::from_str::<Vec<Annotation>>(r.get())) {
        return Ok(all.into_iter().map(Ok).collect());
    }
    let each = |r: &RawValue| serde_json::from_str::<Annotation>(r.get()).map_err(|e| plain(&e));
    Ok(list(raw, "annotations")?.into_iter().map(each).collect())
}

/// The records of a list field (absent or null is an empty list).
fn list<'a>(raw: Option<&'a RawValue>, key: &str) -> Result<Vec<&'a RawValue>, String> {
    match raw.map(RawValue::get) {
        None | Some("null") => Ok(Vec::new()),
        Some(text) => serde_json::from_str(text).map_err(|_| format!("The file's \"{key}\" is not a list.")),
    }
}

/// A record-level parse error without the position inside the record's own text.
fn plain(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.split(" at line ").next().unwrap_or(&s).to_string()
}

/// Check one annotation record against the text; a quote that no longer stands at its
/// offsets is looked for nearby (the bool says it moved).
fn check_annotation(mut a: Annotation, snap: &Snapshot, index: &TextIndex) -> Result<(Annotation, bool), String> {
    if a.id.trim().is_empty() {
        return Err("empty id".into());
    }
    if a.modified.is_empty() {
        a.modified = a.created.clone();
    }
    let label =
        crate::model::labels::find(&snap.labels, &a.label).ok_or_else(|| format!("unknown label \"{}\"", a.label))?;
    a.kind = label.kind;
    if a.kind == crate::model::Kind::Entity {
        a.claim = None;
    } else if a.claim.is_none() {
        a.claim = Some(Default::default());
    }
    let text = &snap.doc.text;
    let len = index.len();
    let in_range = a.start < a.end && a.end <= len;
    if in_range && (a.quote.is_empty() || index.slice(text, a.start, a.end) == a.quote) {
        if a.quote.is_empty() {
            a.quote = index.slice(text, a.start, a.end).to_string();
        }
        fill_context(&mut a, text, index);
        return Ok((a, false));
    }
    let why = if in_range {
        format!("its quote \"{}\" is not the text at {}–{}", short(&a.quote), a.start, a.end)
    } else {
        format!("span {}–{} is outside the text (0–{len})", a.start, a.end)
    };
    let (start, end) = reanchor(text, index, &a).ok_or(why)?;
    a.start = start;
    a.end = end;
    fill_context(&mut a, text, index);
    Ok((a, true))
}

/// Split imported annotations into those new to `existing` (ids made unique) and a count of
/// duplicates (same span and label already there).
pub fn merge_new(existing: &State, incoming: Vec<Annotation>) -> (Vec<Annotation>, usize) {
    let mut taken: HashSet<String> = existing.annotations().iter().map(|a| a.id.clone()).collect();
    // (Sets of strings only: each kind of hash set costs the shipped code a few KB.)
    let span = |a: &Annotation| format!("{}:{}:{}", a.start, a.end, a.label);
    let spans: HashSet<String> = existing.annotations().iter().map(|a| span(a)).collect();
    let mut fresh = Vec::new();
    let mut dups = 0;
    for mut a in incoming {
        if spans.contains(&span(&a)) {
            dups += 1;
            continue;
        }
        let base = a.id.clone();
        let mut n = 2;
        while taken.contains(&a.id) {
            a.id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(a.id.clone());
        fresh.push(a);
    }
    (fresh, dups)
}
