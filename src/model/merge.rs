//! Merging two copies of one document (two tabs, or a backup restored over what is stored):
//! the union of both, the later change winning, the same result whichever copy is "ours".
use super::annotation::{Annotation, Deleted};
use super::state::Snapshot;
use crate::formats::json_write::Json;
use std::cmp::Ordering;

/// The merge of two copies, and what the user should hear about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub snapshot: Snapshot,
    /// Ids whose two versions differed: changed differently on both sides, or deleted on one
    /// side and changed (`modified > created`) on the other. Sorted.
    pub conflicts: Vec<String>,
    /// How many annotations of the result came from `theirs` only (new to ours).
    pub added: usize,
}

fn json<T: Json>(value: &T) -> String {
    crate::formats::json_write::to_string(value)
}

/// A total order on two versions of one record: equal only when they are equal, else by
/// their JSON (no meaning, but the same answer from both sides, so merging commutes).
fn content<T: PartialEq + Json>(a: &T, b: &T) -> Ordering {
    if a == b {
        Ordering::Equal
    } else {
        json(a).cmp(&json(b))
    }
}

/// Which version of an annotation wins: the later `modified` (ISO 8601 UTC strings from one
/// clock compare as text), then the content order.
fn newer(a: &Annotation, b: &Annotation) -> Ordering {
    a.modified.cmp(&b.modified).then_with(|| content(a, b))
}

/// Both sides' items, each with `true` when it is theirs, grouped by id: sorted by id, then by
/// `order` (so the last of a group is the winner).
fn by_id<'a, T>(
    ours: &'a [T],
    theirs: &'a [T],
    id: impl Fn(&T) -> &str,
    order: impl Fn(&T, &T) -> Ordering,
) -> Vec<(&'a T, bool)> {
    let all: Vec<(&T, bool)> = ours.iter().map(|x| (x, false)).chain(theirs.iter().map(|x| (x, true))).collect();
    // Sorted through keys of one type, so every caller shares one sort in the bundle.
    let mut keys: Vec<(&str, usize)> = all.iter().enumerate().map(|(i, (x, _))| (id(x), i)).collect();
    keys.sort_unstable();
    let mut out: Vec<(&T, bool)> = keys.iter().map(|&(_, i)| all[i]).collect();
    // Within an id (a side holds each id once, so a group is small) by `order`, ours first on
    // a tie.
    let mut swapped = true;
    while swapped {
        swapped = false;
        for i in 1..out.len() {
            let (a, b) = (out[i - 1], out[i]);
            let tie_theirs_first = a.1 && !b.1;
            let wrong = match order(a.0, b.0) {
                Ordering::Greater => true,
                Ordering::Equal => tie_theirs_first,
                Ordering::Less => false,
            };
            if id(a.0) == id(b.0) && wrong {
                out.swap(i - 1, i);
                swapped = true;
            }
        }
    }
    out
}

/// The winner of a group of `by_id`: its last.
fn last<T: Copy>(group: &[(T, bool)]) -> T {
    group[group.len() - 1].0
}

/// Merge `theirs` into `ours`. `Err` when they are not copies of the same text.
///
/// Annotations are united by id, the later `modified` winning (a tie between different
/// versions goes to a fixed content order). Tombstones are united, the latest per id; an
/// annotation is dropped when its tombstone is as late or later (deletion wins ties), else it
/// stays and the tombstone goes. A conflict is counted when the two sides' versions differ, or
/// when one side deleted an annotation the other side has changed (`modified > created`):
/// whether the deleting side had seen that change cannot be known, so it is reported.
pub fn merge(ours: &Snapshot, theirs: &Snapshot) -> Result<Merged, String> {
    if ours.doc.sha256 != theirs.doc.sha256 {
        return Err("The two copies hold different texts: they are not the same article.".into());
    }
    let tombs = by_id(&ours.deleted, &theirs.deleted, |d| &d.id, |a, b| a.at.cmp(&b.at));
    let mut out = Merged { snapshot: Snapshot::default(), conflicts: Vec::new(), added: 0 };
    let mut kept = annotations(ours, theirs, &tombs, &mut out);
    // (Still in id order here: "is it kept" is a binary search.)
    let there = |id: &str| kept.binary_search_by(|a| a.id.as_str().cmp(id)).is_ok();
    let deleted: Vec<Deleted> =
        tombs.chunk_by(|a, b| a.0.id == b.0.id).map(last).filter(|d| !there(&d.id)).cloned().collect();
    let mut all = by_id(&ours.relations, &theirs.relations, |r| &r.id, content);
    all.retain(|(r, _)| there(&r.from) && there(&r.to));
    let snap = &mut out.snapshot;
    snap.relations = all.chunk_by(|a, b| a.0.id == b.0.id).map(|g| last(g).clone()).collect();
    kept.sort_unstable_by(crate::model::annotation::document_order);
    snap.annotations = kept;
    snap.deleted = deleted;
    snap.labels = ours.labels.clone();
    snap.labels.extend(theirs.labels.iter().filter(|l| !ours.labels.iter().any(|o| o.id == l.id)).cloned());
    snap.entities = ours.entities.clone();
    snap.entities.extend(theirs.entities.iter().filter(|e| !ours.entities.iter().any(|o| o.id == e.id)).cloned());
    snap.scale = if ours.scale.is_empty() { theirs.scale.clone() } else { ours.scale.clone() };
    // Orphans of both copies, less those re-attached in either (they keep their id).
    let placed = |id: &str| snap.annotations.iter().any(|a| a.id == id);
    let mut orphans: Vec<Annotation> = ours.orphans.iter().filter(|o| !placed(&o.id)).cloned().collect();
    let new = theirs.orphans.iter().filter(|o| !placed(&o.id) && !ours.orphans.iter().any(|x| x.id == o.id));
    orphans.extend(new.cloned().collect::<Vec<_>>());
    snap.orphans = orphans;
    snap.doc = document(ours, theirs);
    Ok(out)
}

/// The annotations that survive, in id order; conflicts and additions noted in `out`.
fn annotations(ours: &Snapshot, theirs: &Snapshot, tombs: &[(&Deleted, bool)], out: &mut Merged) -> Vec<Annotation> {
    let anns = by_id(&ours.annotations, &theirs.annotations, |a| &a.id, newer);
    let mut kept: Vec<Annotation> = Vec::new();
    for group in anns.chunk_by(|a, b| a.0.id == b.0.id) {
        let id = group[0].0.id.as_str();
        let side = |theirs: bool| group.iter().find(|x| x.1 == theirs).map(|x| x.0);
        let (mine, other) = (side(false), side(true));
        let first = tombs.partition_point(|d| d.0.id.as_str() < id);
        let dead = &tombs[first..first + tombs[first..].partition_point(|d| d.0.id == id)];
        let tomb = |theirs: bool| dead.iter().any(|d| d.1 == theirs);
        let changed = |a: Option<&Annotation>| a.is_some_and(|a| a.modified > a.created);
        let differ = matches!((mine, other), (Some(m), Some(o)) if m != o);
        if differ || (tomb(false) && changed(other)) || (tomb(true) && changed(mine)) {
            out.conflicts.push(id.to_string());
        }
        let winner = last(group);
        if dead.last().is_some_and(|d| d.0.at >= winner.modified) {
            continue;
        }
        out.added += mine.is_none() as usize;
        kept.push(winner.clone());
    }
    kept
}

/// The document part: ours, with the later title (the larger on a tie) and theirs' metadata
/// where ours has none.
fn document(ours: &Snapshot, theirs: &Snapshot) -> super::text::Document {
    let (o, t) = (&ours.doc, &theirs.doc);
    let mut doc = o.clone();
    if (&t.renamed, &t.title) > (&o.renamed, &o.title) {
        doc.title = t.title.clone();
        doc.renamed = t.renamed.clone();
    }
    let or = |mine: &mut String, other: &String| {
        if mine.is_empty() {
            mine.clone_from(other);
        }
    };
    or(&mut doc.url, &t.url);
    or(&mut doc.published, &t.published);
    or(&mut doc.source, &t.source);
    if doc.authors.is_empty() {
        doc.authors.clone_from(&t.authors);
    }
    doc
}

/// The ids whose change in `ours` (relative to `base`, the copy last read from or written to
/// storage) did not survive into `merged`: the user is told their change lost to a later one.
/// A change is an annotation added or altered (it lost if `merged` lacks that very version) or
/// one deleted (it lost if `merged` has it again).
pub fn lost(base: &Snapshot, ours: &Snapshot, merged: &Snapshot) -> Vec<String> {
    // (Keyed by (id, index), the one sort the merge already carries.)
    fn index(s: &Snapshot) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = s.annotations.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        v.sort_unstable();
        v
    }
    fn at<'a>(s: &'a Snapshot, v: &[(&str, usize)], id: &str) -> Option<&'a Annotation> {
        let i = v.partition_point(|k| k.0 < id);
        v.get(i).filter(|k| k.0 == id).map(|k| &s.annotations[k.1])
    }
    let (base_ids, ours_ids, merged_ids) = (index(base), index(ours), index(merged));
    let mut out: Vec<String> = Vec::new();
    let mut note = |id: &str| {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    };
    for a in &ours.annotations {
        if at(base, &base_ids, &a.id) != Some(a) && at(merged, &merged_ids, &a.id) != Some(a) {
            note(&a.id);
        }
    }
    for b in &base.annotations {
        if at(ours, &ours_ids, &b.id).is_none() && at(merged, &merged_ids, &b.id).is_some() {
            note(&b.id);
        }
    }
    // A deletion of ours since `base` (of an annotation `base` may not have had: added and
    // deleted here since) that the merge undid.
    for d in &ours.deleted {
        if !base.deleted.contains(d) && at(merged, &merged_ids, &d.id).is_some() {
            note(&d.id);
        }
    }
    out
}
