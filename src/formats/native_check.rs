//! The checks of a native file's records against its text: each annotation kept, moved to
//! where its quote now stands, or refused with the reason; claims made whole; imported
//! annotations merged into an open document.
use super::native::{Imported, SAID_BY};
use super::reanchor::{fill_context, reanchor, short};
use crate::model::annotation::Annotation;
use crate::model::state::{Snapshot, State};
use crate::model::text::TextIndex;
use std::collections::HashSet;

/// Check each annotation record against the document and keep those that pass; the ids kept.
pub(super) fn add_annotations(out: &mut Imported, records: Vec<Result<Annotation, String>>) -> HashSet<String> {
    out.snapshot.annotations.reserve_exact(records.len());
    let mut seen = HashSet::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        match record.and_then(|a| check_annotation(a, &out.snapshot, &out.index)) {
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
    seen
}

/// Claims made whole after reading: speakers from `said_by` relations where the claim does not
/// name one (files of other tools), cues inside the text, references to entities that exist.
pub(super) fn settle_claims(snap: &mut Snapshot, len: usize) {
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
