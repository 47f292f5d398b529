//! The checks of a native file as read: its parts in order (what the file is, its version, its
//! document, labels, entities and scale; then relations, deletions and orphans), each record
//! against the text (kept, moved to where its quote now stands, or refused with the reason);
//! claims made whole; imported annotations merged into an open document.
use super::native::{FileIn, Imported, Part, FORMAT, SAID_BY, VERSION};
use super::native_read::DocIn;
use super::reanchor::{approximate, fill_context, reanchor, short};
use crate::model::annotation::Annotation;
use crate::model::labels::default_labels;
use crate::model::order::Names;
use crate::model::state::{Snapshot, State};
use crate::model::text::{default_title, normalize_text, sha256_hex, Document, TextIndex};
use std::rc::Rc;

/// Check each annotation record against the document and keep those that pass (an id used
/// by an earlier record is refused).
pub(super) fn add_annotations(out: &mut Imported, records: Vec<Result<Annotation, String>>) {
    out.snapshot.annotations.reserve_exact(records.len());
    let checked: Vec<Checked> = records.into_iter().map(|r| check(out, r)).collect();
    keep(out, checked);
}

/// A record checked against the text (see `check_annotation`).
pub(super) type Checked = Result<(Annotation, Option<bool>), String>;

/// Check one record read (or why it could not be) against `out`'s text.
pub(super) fn check(out: &Imported, record: Result<Annotation, String>) -> Checked {
    record.and_then(|a| check_annotation(a, &out.snapshot, &out.index))
}

/// Keep the checked records in `out`, in their order: the annotations placed, the orphans, and
/// why each of the others failed (a reused id among them).
pub(super) fn keep(out: &mut Imported, checked: Vec<Checked>) {
    // (Room for all at once, as `add_annotations` makes: not grown again and again as it fills.)
    out.snapshot.annotations.reserve(checked.len());
    // (An id is never empty: the records that failed stand in as "".)
    let ids = Names::new(checked.iter().map(|r| r.as_ref().map_or("", |(a, _)| a.id.as_str())));
    let first: Vec<bool> = checked.iter().zip(ids.firsts()).map(|(r, first)| r.is_err() || first).collect();
    drop(ids);
    for (i, record) in checked.into_iter().enumerate() {
        match record {
            Ok((a, _)) if !first[i] => out.failed.push(format!("annotation #{}: id \"{}\" is used twice", i + 1, a.id)),
            Ok((a, None)) => out.snapshot.orphans.push(a),
            Ok((a, Some(moved))) => {
                out.reanchored += moved as usize;
                out.snapshot.annotations.push(a);
            }
            Err(why) => out.failed.push(format!("annotation #{}: {why}", i + 1)),
        }
    }
}

/// Claims made whole after reading: speakers from `said_by` relations where the claim does not
/// name one (files of other tools), cues inside the text, references to entities that exist.
pub(super) fn settle_claims(snap: &mut Snapshot, len: usize) {
    let said_by: Vec<(String, String)> =
        snap.relations.iter().filter(|r| r.kind == SAID_BY).map(|r| (r.from.clone(), r.to.clone())).collect();
    let entity_ids = Names::new(snap.entities.iter().map(|e| e.id.as_str()));
    let claims_said = Names::new(said_by.iter().map(|(from, _)| from.as_str()));
    for a in &mut snap.annotations {
        if a.entity_ref.as_deref().is_some_and(|e| !entity_ids.contains(e)) {
            a.entity_ref = None;
        }
        let Some(c) = a.claim.as_mut() else { continue };
        c.settle();
        if c.speaker.is_none() {
            c.speaker = claims_said.first(&a.id).map(|i| said_by[i].1.clone());
        }
        if c.cue.is_some_and(|s| s.start >= s.end || s.end > len) {
            c.cue = None;
        }
    }
    // A speaker is kept in the claim: its relation is written from there.
    snap.relations.retain(|r| r.kind != SAID_BY);
}

/// Check one annotation record against the text; a quote that no longer stands at its
/// offsets is looked for nearby, then approximately (`Some(true)`: it moved); one found
/// nowhere is kept as orphaned (`None`).
fn check_annotation(
    mut a: Annotation,
    snap: &Snapshot,
    index: &TextIndex,
) -> Result<(Annotation, Option<bool>), String> {
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
        return Ok((a, Some(false)));
    }
    let why = if in_range {
        format!("its quote \"{}\" is not the text at {}–{}", short(&a.quote), a.start, a.end)
    } else {
        format!("span {}–{} is outside the text (0–{len})", a.start, a.end)
    };
    let Some((start, end)) = reanchor(text, index, &a).or_else(|| approximate(text, index, &a)) else {
        return if a.quote.is_empty() { Err(why) } else { Ok((a, None)) };
    };
    a.start = start;
    a.end = end;
    fill_context(&mut a, text, index);
    Ok((a, Some(true)))
}

/// Split imported annotations into those new to `existing` (ids made unique) and a count of
/// duplicates (same span and label already there).
pub fn merge_new(existing: &State, incoming: Vec<Annotation>) -> (Vec<Annotation>, usize) {
    let span = |a: &Annotation| format!("{}:{}:{}", a.start, a.end, a.label);
    let spans: Vec<String> = existing.annotations().iter().map(|a| span(a)).collect();
    let spans = Names::new(spans.iter().map(String::as_str));
    let count = incoming.len();
    let mut fresh: Vec<Annotation> = incoming.into_iter().filter(|a| !spans.contains(&span(a))).collect();
    let dups = count - fresh.len();
    // An id the document or an earlier new annotation already has gets the first "-2", "-3", …
    // that neither the document nor any of the new ones uses.
    let ids: Vec<Option<String>> = {
        let old = existing.annotations().len();
        let all =
            Names::new(existing.annotations().iter().map(|a| a.id.as_str()).chain(fresh.iter().map(|a| a.id.as_str())));
        let mut given: Vec<String> = Vec::new();
        fresh
            .iter()
            .enumerate()
            .map(|(i, a)| {
                if all.first(&a.id) == Some(old + i) {
                    return None;
                }
                let id = (2..).map(|n| format!("{}-{n}", a.id)).find(|id| !all.contains(id) && !given.contains(id))?;
                given.push(id.clone());
                Some(id)
            })
            .collect()
    };
    // A claim whose speaker was renamed follows it (the first new annotation of that id).
    let renamed: Vec<(String, String)> =
        fresh.iter().zip(&ids).filter_map(|(a, id)| Some((a.id.clone(), id.clone()?))).collect();
    for (a, id) in fresh.iter_mut().zip(ids) {
        if let Some(id) = id {
            a.id = id;
        }
    }
    if !renamed.is_empty() {
        for c in fresh.iter_mut().filter_map(|a| a.claim.as_mut()) {
            if let Some((_, to)) = renamed.iter().find(|(from, _)| Some(from) == c.speaker.as_ref()) {
                c.speaker = Some(to.clone());
            }
        }
    }
    (fresh, dups)
}

/// A part that could not be read: "The file's "labels" are unusable (line 1, column 9: …)."
fn unusable<T>(part: Part<T>, what: &str) -> Result<T, String> {
    part.map_err(|e| unusable_why(&e, what))
}

fn unusable_why(e: &str, what: &str) -> String {
    format!("The file's {what} unusable ({e}).")
}

impl FileIn {
    /// Check the parts in order (what the file is, its version, its document, …) and then
    /// each record on its own.
    pub(super) fn import(mut self) -> Result<Imported, String> {
        let mut out = self.start()?;
        let records = self.annotations.take().ok_or("The file's \"annotations\" is not a list.")?;
        add_annotations(&mut out, records);
        self.end(out)
    }

    /// The checks before the annotations: what the file is, its version, its document, labels,
    /// entities and scale; the document read without its records, and its text indexed.
    fn start(&mut self) -> Result<Imported, String> {
        let mut out = self.unindexed()?;
        index(&mut out);
        Ok(out)
    }

    /// `start` but for the index of the text, which is left empty (see `index`).
    pub(super) fn unindexed(&mut self) -> Result<Imported, String> {
        self.check_format()?;
        let doc_in = unusable(self.document.take().ok_or("The file has no \"document\".")?, "\"document\" is")?;
        if let Some(unit) = doc_in.offset_unit.as_deref().filter(|u| *u != "codepoint") {
            return Err(format!("The file counts offsets in \"{unit}\"; only \"codepoint\" is supported."));
        }
        let labels =
            unusable(std::mem::replace(&mut self.labels, Ok(None)), "\"labels\" are")?.unwrap_or_else(default_labels);
        let (doc, given) = document(doc_in);
        self.hash_given = given;
        let entities =
            unusable(std::mem::replace(&mut self.entities, Ok(None)), "\"entities\" are")?.unwrap_or_default();
        let scale =
            unusable(std::mem::replace(&mut self.rating_scale, Ok(None)), "\"rating_scale\" is")?.unwrap_or_default();
        Ok(Imported {
            snapshot: Snapshot { doc, labels, entities, scale, ..Snapshot::default() },
            failed: Vec::new(),
            reanchored: 0,
            index: Rc::default(),
        })
    }

    /// The rest, once the annotations are in `out`: relations, claims made whole, deletions
    /// and orphans.
    pub(super) fn end(self, mut out: Imported) -> Result<Imported, String> {
        if self.hash_given {
            out.snapshot.doc.sha256 = sha256_hex(&out.snapshot.doc.text);
        }
        let ids = Names::new(out.snapshot.annotations.iter().map(|a| a.id.as_str()));
        let relations = self.relations.ok_or("The file's \"relations\" is not a list.")?;
        for (i, relation) in relations.into_iter().enumerate() {
            match relation {
                Ok(r) if ids.contains(&r.from) && ids.contains(&r.to) => out.snapshot.relations.push(r),
                Ok(r) => out.failed.push(format!(
                    "relation #{}: \"{}\" or \"{}\" is not an annotation here",
                    i + 1,
                    r.from,
                    r.to
                )),
                Err(why) => out.failed.push(format!("relation #{}: {why}", i + 1)),
            }
        }
        settle_claims(&mut out.snapshot, out.index.len());
        // Deletions are bookkeeping for merging: an unreadable one is dropped, not reported.
        out.snapshot.deleted = self.deleted.unwrap_or_default().into_iter().filter_map(Result::ok).collect();
        // Orphans stay as they were read (they are not in the text): unreadable ones are reported.
        for (i, o) in self.orphans.unwrap_or_default().into_iter().enumerate() {
            match o {
                Ok(a) => out.snapshot.orphans.push(a),
                Err(why) => out.failed.push(format!("orphan #{}: {why}", i + 1)),
            }
        }
        Ok(out)
    }

    /// Whether this is a native file of a version this one reads.
    fn check_format(&self) -> Result<(), String> {
        match &self.format {
            Err(e) => return Err(format!("The file is not an Article Annotator file ({e}).")),
            Ok(Some(f)) if f == FORMAT => {}
            Ok(Some(other)) => return Err(format!("The file's format is \"{other}\", not \"{FORMAT}\".")),
            Ok(None) if self.context => {
                return Err("This looks like a W3C Web Annotation file, not an Article Annotator file.".into())
            }
            Ok(None) => {
                return Err(format!(
                    "The file has no \"format\": \"{FORMAT}\" field: it is not an Article Annotator file."
                ))
            }
        }
        let version = self.version.ok_or("The file has no numeric \"version\".")?;
        if version > VERSION as u64 {
            return Err(format!(
                "The file was made by a newer version of Article Annotator (format version {version}); this one reads version {VERSION} and older."
            ));
        }
        Ok(())
    }
}

/// Index the text of `out` (which `FileIn::unindexed` left out).
pub(super) fn index(out: &mut Imported) {
    out.index = Rc::new(TextIndex::new(&out.snapshot.doc.text));
}

/// The document of a file: its text normalised, and what the file leaves out filled in; and
/// whether its hash is the one the file gives. The hash of a text at
/// book length takes a while (14 ms for a million characters, before the first screen): where
/// the file gives one beside an id, it is taken as given until `end` puts what the text gives
/// in its place.
fn document(d: DocIn) -> (Document, bool) {
    let text = normalize_text(&d.text);
    let id = d.id.filter(|s| !s.is_empty());
    let hex = |h: &String| h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let given = d.sha256.filter(|h| id.is_some() && hex(h));
    let hash_given = given.is_some();
    let sha256 = given.unwrap_or_else(|| sha256_hex(&text));
    let doc = Document {
        id: id.unwrap_or_else(|| format!("doc-{}", &sha256[..16])),
        title: d.title.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| default_title(&text)),
        source: d.source.unwrap_or_default(),
        text,
        sha256,
        url: d.url.unwrap_or_default(),
        authors: d.authors,
        published: d.published.unwrap_or_default(),
        renamed: d.renamed.unwrap_or_default(),
    };
    (doc, hash_given)
}
