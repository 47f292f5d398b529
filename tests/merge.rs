//! Merging two copies of one document: the laws (commutative, idempotent, a copy merged with
//! itself is itself, offsets stay true) over random copies, and the cases users meet.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::model::merge::{lost, merge};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Annotation, Claim, Deleted, Document, Kind, Relation, State};
use proptest::prelude::*;

/// Emoji, CJK, a combining mark, a ZWJ sequence and a CRLF (normalised away by `from_text`).
const TEXT: &str = "Emoji 😀 test\r\n北京 and Zoë and e\u{301}te 👩\u{200d}🔬 said prices will fall.";
const IDS: [&str; 5] = ["a1", "a2", "a3", "a4", "a5"];
const STAMPS: [&str; 4] =
    ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z"];
const LABELS: [&str; 3] = ["PERSON", "LOC", "CLAIM"];

fn doc() -> Document {
    Document::from_text(TEXT, "t")
}

fn cp_slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

fn ann(id: &str, start: usize, end: usize, label: &str, created: &str, modified: &str) -> Annotation {
    let kind = if label == "CLAIM" { Kind::Claim } else { Kind::Entity };
    Annotation {
        id: id.into(),
        kind,
        label: label.into(),
        start,
        end,
        quote: cp_slice(&doc().text, start, end),
        prefix: String::new(),
        suffix: String::new(),
        note: String::new(),
        entity_ref: None,
        created: created.into(),
        modified: modified.into(),
        claim: (kind == Kind::Claim).then(Claim::default),
    }
}

fn snap(annotations: Vec<Annotation>) -> Snapshot {
    Snapshot { doc: doc(), labels: default_labels(), annotations, ..Snapshot::default() }
}

fn arb_ann() -> impl Strategy<Value = Annotation> {
    let len = doc().text.chars().count();
    (0..IDS.len(), 0..len, 1..6usize, 0..LABELS.len(), 0..STAMPS.len(), 0..STAMPS.len()).prop_map(
        move |(i, start, width, l, c, m)| {
            let end = (start + width).min(len);
            ann(IDS[i], start, end, LABELS[l], STAMPS[c.min(m)], STAMPS[c.max(m)])
        },
    )
}

fn arb_snap() -> impl Strategy<Value = Snapshot> {
    let tomb = (0..IDS.len(), 0..STAMPS.len()).prop_map(|(i, t)| Deleted { id: IDS[i].into(), at: STAMPS[t].into() });
    let rel = (0..3usize, 0..IDS.len(), 0..IDS.len()).prop_map(|(r, f, t)| Relation {
        id: format!("r{r}"),
        kind: if f < t { "said_by" } else { "cue_of" }.into(),
        from: IDS[f].into(),
        to: IDS[t].into(),
    });
    let titles = prop::sample::select(vec!["Emoji 😀 test", "北京 news", "Zoë"]);
    let renamed = prop::sample::select(vec!["", STAMPS[0], STAMPS[1]]);
    let parts = (
        prop::collection::vec(arb_ann(), 0..7),
        prop::collection::vec(tomb, 0..4),
        prop::collection::vec(rel, 0..4),
        titles,
        renamed,
    );
    parts.prop_map(|(anns, deleted, relations, title, renamed)| {
        // One copy holds each id once (as a State does).
        let mut s = snap(Vec::new());
        for a in anns {
            if !s.annotations.iter().any(|b| b.id == a.id) {
                s.annotations.push(a);
            }
        }
        for r in relations {
            if !s.relations.iter().any(|q| q.id == r.id) {
                s.relations.push(r);
            }
        }
        s.deleted = deleted;
        s.doc.title = title.into();
        s.doc.renamed = renamed.into();
        s
    })
}

/// A copy as merging leaves one: annotations in document order, no tombstone for a present
/// annotation, one tombstone per id (the latest) sorted by id, relations whose ends are
/// present, one per id, sorted by id.
fn normalise(mut s: Snapshot) -> Snapshot {
    s.annotations.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let present = |s: &Snapshot, id: &str| s.annotations.iter().any(|a| a.id == id);
    // Latest first within an id, so that `dedup_by` keeps it.
    s.deleted.sort_by(|a, b| a.id.cmp(&b.id).then(b.at.cmp(&a.at)));
    s.deleted.dedup_by(|next, kept| next.id == kept.id);
    let deleted: Vec<Deleted> = s.deleted.iter().filter(|d| !present(&s, &d.id)).cloned().collect();
    s.deleted = deleted;
    let relations: Vec<Relation> =
        s.relations.iter().filter(|r| present(&s, &r.from) && present(&s, &r.to)).cloned().collect();
    s.relations = relations;
    s.relations.sort_by(|a, b| a.id.cmp(&b.id));
    s.relations.dedup_by(|a, b| a.id == b.id);
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merging_commutes(a in arb_snap(), b in arb_snap()) {
        let (ab, ba) = (merge(&a, &b).unwrap(), merge(&b, &a).unwrap());
        prop_assert_eq!(&ab.snapshot.annotations, &ba.snapshot.annotations);
        prop_assert_eq!(&ab.snapshot.deleted, &ba.snapshot.deleted);
        prop_assert_eq!(&ab.snapshot.relations, &ba.snapshot.relations);
        prop_assert_eq!(&ab.snapshot.doc.title, &ba.snapshot.doc.title);
        prop_assert_eq!(&ab.snapshot.doc.renamed, &ba.snapshot.doc.renamed);
        prop_assert_eq!(&ab.conflicts, &ba.conflicts);
    }

    #[test]
    fn merging_twice_changes_nothing(a in arb_snap(), b in arb_snap()) {
        let m = merge(&a, &b).unwrap();
        let again = merge(&m.snapshot, &b).unwrap();
        prop_assert_eq!(&again.snapshot, &m.snapshot);
        prop_assert_eq!(again.added, 0);
        prop_assert_eq!(&merge(&m.snapshot, &a).unwrap().snapshot, &m.snapshot);
    }

    #[test]
    fn a_copy_merged_with_itself_is_itself(a in arb_snap()) {
        let a = normalise(a);
        let m = merge(&a, &a).unwrap();
        prop_assert_eq!(&m.snapshot, &a);
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(m.added, 0);
    }

    #[test]
    fn merged_offsets_still_point_at_their_quotes(a in arb_snap(), b in arb_snap()) {
        let m = merge(&a, &b).unwrap().snapshot;
        let mut ids: Vec<&str> = m.annotations.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), m.annotations.len());
        for x in &m.annotations {
            prop_assert_eq!(cp_slice(&m.doc.text, x.start, x.end), x.quote.clone());
            let dead = m.deleted.iter().any(|d| d.id == x.id);
            prop_assert!(!dead, "{} is both kept and deleted", x.id);
        }
    }
}

const T1: &str = "2026-03-01T10:00:00.000Z";
const T2: &str = "2026-03-01T10:00:05.000Z";
const T3: &str = "2026-03-01T10:00:09.000Z";

/// A stored copy with "Zoë" (code points 20–23) tagged PERSON and "北京" (13–15) LOC.
fn base() -> State {
    let mut s = State::new(snap(Vec::new()));
    assert_eq!(cp_slice(&s.doc.text, 20, 23), "Zoë");
    assert_eq!(cp_slice(&s.doc.text, 13, 15), "北京");
    s.apply(Action::Add { start: 20, end: 23, label: "PERSON".into(), now: T1.into() });
    s.apply(Action::Add { start: 13, end: 15, label: "LOC".into(), now: T1.into() });
    s
}

fn retag(s: &State, id: &str, label: &str, now: &str) -> Snapshot {
    let mut s = s.clone();
    s.apply(Action::Retag { id: id.into(), label: label.into(), now: now.into() });
    s.snapshot()
}

fn delete(s: &State, id: &str, now: &str) -> Snapshot {
    let mut s = s.clone();
    s.apply(Action::Delete { id: id.into(), now: now.into() });
    s.snapshot()
}

#[test]
fn a_later_delete_beats_a_retag_and_says_so() {
    let b = base();
    let (retagged, deleted) = (retag(&b, "a1", "ORG", T2), delete(&b, "a1", T3));
    for m in [merge(&retagged, &deleted).unwrap(), merge(&deleted, &retagged).unwrap()] {
        assert!(m.snapshot.annotations.iter().all(|a| a.id != "a1"));
        assert_eq!(m.snapshot.deleted, vec![Deleted { id: "a1".into(), at: T3.into() }]);
        assert_eq!(m.conflicts, vec!["a1".to_string()]);
        assert_eq!(m.added, 0);
    }
}

#[test]
fn a_later_retag_beats_a_delete_and_says_so() {
    let b = base();
    let (deleted, retagged) = (delete(&b, "a1", T2), retag(&b, "a1", "ORG", T3));
    for m in [merge(&retagged, &deleted).unwrap(), merge(&deleted, &retagged).unwrap()] {
        let a1 = m.snapshot.annotations.iter().find(|a| a.id == "a1").expect("the retag survives");
        assert_eq!((a1.label.as_str(), a1.modified.as_str()), ("ORG", T3));
        assert!(m.snapshot.deleted.is_empty());
        assert_eq!(m.conflicts, vec!["a1".to_string()]);
    }
    // Seen from the deleting side, the annotation is new again.
    assert_eq!(merge(&deleted, &retagged).unwrap().added, 1);
}

#[test]
fn a_delete_at_the_same_instant_as_a_retag_wins() {
    let b = base();
    let (retagged, deleted) = (retag(&b, "a1", "ORG", T2), delete(&b, "a1", T2));
    for m in [merge(&retagged, &deleted).unwrap(), merge(&deleted, &retagged).unwrap()] {
        assert!(m.snapshot.annotations.iter().all(|a| a.id != "a1"));
        assert_eq!(m.conflicts, vec!["a1".to_string()]);
    }
}

#[test]
fn an_untouched_annotation_deleted_elsewhere_is_no_conflict() {
    let b = base();
    let m = merge(&b.snapshot(), &delete(&b, "a2", T2)).unwrap();
    assert_eq!(m.snapshot.annotations.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a1"]);
    assert!(m.conflicts.is_empty());
}

#[test]
fn additions_on_both_sides_are_all_kept() {
    let b = base();
    let mut ours = b.clone();
    ours.apply(Action::Add { start: 6, end: 7, label: "OTHER".into(), now: T2.into() });
    let mut theirs = b.snapshot();
    // (Another tab would number its own: a distinct id.)
    theirs.annotations.push(ann("b9", 37, 59, "CLAIM", T3, T3));
    let m = merge(&ours.snapshot(), &theirs).unwrap();
    let quotes: Vec<&str> = m.snapshot.annotations.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, ["😀", "北京", "Zoë", &cp_slice(&b.doc.text, 37, 59)]);
    assert_eq!((m.added, m.conflicts.len()), (1, 0));
    assert_eq!(merge(&theirs, &ours.snapshot()).unwrap().added, 1);
}

#[test]
fn the_newer_of_two_changes_is_kept() {
    let b = base();
    let (older, newer) = (retag(&b, "a1", "ORG", T2), retag(&b, "a1", "OTHER", T3));
    for m in [merge(&older, &newer).unwrap(), merge(&newer, &older).unwrap()] {
        assert_eq!(m.snapshot.annotations.iter().find(|a| a.id == "a1").unwrap().label, "OTHER");
        assert_eq!(m.conflicts, vec!["a1".to_string()]);
    }
}

#[test]
fn relations_follow_their_annotations() {
    let mut ours = base().snapshot();
    ours.annotations.push(ann("c1", 36, 59, "CLAIM", T1, T1));
    ours.relations.push(Relation { id: "r1".into(), kind: "said_by".into(), from: "c1".into(), to: "a1".into() });
    let kept = merge(&ours, &base().snapshot()).unwrap().snapshot;
    assert_eq!(kept.relations, ours.relations);
    let mut theirs = ours.clone();
    theirs.annotations.retain(|a| a.id != "a1");
    theirs.deleted.push(Deleted { id: "a1".into(), at: T2.into() });
    assert!(merge(&ours, &theirs).unwrap().snapshot.relations.is_empty());
}

#[test]
fn the_later_title_and_any_known_metadata_are_kept() {
    let mut ours = base();
    ours.apply(Action::Rename { title: "北京 😀".into(), now: T3.into() });
    let mut theirs = base();
    theirs.apply(Action::Rename { title: "Older name".into(), now: T2.into() });
    let mut theirs = theirs.snapshot();
    theirs.doc.url = "https://example.com/a".into();
    theirs.doc.authors = vec!["Zoë Ångström".into()];
    for m in [merge(&ours.snapshot(), &theirs).unwrap(), merge(&theirs, &ours.snapshot()).unwrap()] {
        assert_eq!((m.snapshot.doc.title.as_str(), m.snapshot.doc.renamed.as_str()), ("北京 😀", T3));
        assert_eq!(m.snapshot.doc.url, "https://example.com/a");
        assert_eq!(m.snapshot.doc.authors, ["Zoë Ångström"]);
    }
}

#[test]
fn copies_of_different_texts_are_refused() {
    let other = Snapshot { doc: Document::from_text("北京 another text", "t"), ..Snapshot::default() };
    assert!(merge(&base().snapshot(), &other).unwrap_err().contains("different texts"));
}

#[test]
fn lost_names_a_local_change_that_lost_to_a_later_one() {
    let b = base();
    let ours = retag(&b, "a1", "ORG", T2);
    let merged = merge(&ours, &delete(&b, "a1", T3)).unwrap().snapshot;
    assert_eq!(lost(&b.snapshot(), &ours, &merged), ["a1"]);
    // A local delete undone by a later remote retag is lost too.
    let ours = delete(&b, "a2", T2);
    let merged = merge(&ours, &retag(&b, "a2", "EVENT", T3)).unwrap().snapshot;
    assert_eq!(lost(&b.snapshot(), &ours, &merged), ["a2"]);
    // A change that won is not.
    let ours = retag(&b, "a1", "ORG", T3);
    let merged = merge(&ours, &delete(&b, "a1", T2)).unwrap().snapshot;
    assert!(lost(&b.snapshot(), &ours, &merged).is_empty());
}

#[test]
fn lost_is_silent_when_ours_did_not_touch_it() {
    let b = base();
    let ours = b.snapshot();
    let merged = merge(&ours, &delete(&b, "a1", T3)).unwrap().snapshot;
    assert!(merged.annotations.iter().all(|a| a.id != "a1"));
    assert!(lost(&ours, &ours, &merged).is_empty());
}

#[test]
fn lost_names_a_deletion_of_an_annotation_added_since_the_base() {
    // `base` predates the annotation: this tab added it, saved, then deleted it; the other tab
    // retagged it later.
    let empty = State::new(snap(vec![]));
    let b = base();
    let ours = delete(&b, "a1", T2);
    let merged = merge(&ours, &retag(&b, "a1", "EVENT", T3)).unwrap().snapshot;
    assert_eq!(lost(&empty.snapshot(), &ours, &merged), ["a1"]);
    // The same deletion already known to the base (an older merge) is not reported again.
    assert!(lost(&ours, &ours, &merged).is_empty());
}
