//! The checks of a native file's records against its text: each annotation kept, moved to
//! where its quote now stands, or refused with the reason; claims made whole; imported
//! annotations merged into an open document.
use super::native::{Imported, SAID_BY};
use super::reanchor::{approximate, fill_context, reanchor, short};
use crate::model::annotation::Annotation;
use crate::model::order::Names;
use crate::model::state::{Snapshot, State};
use crate::model::text::TextIndex;

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
