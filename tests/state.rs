//! The state machine: adding, retagging, deleting, selecting, undo and redo.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, Kind, State};

fn state(text: &str) -> State {
    State::new(Snapshot {
        doc: Document::from_text(text, "test"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    })
}

fn add(s: &mut State, start: usize, end: usize, label: &str) -> String {
    s.apply(Action::Add { start, end, label: label.into(), now: "t".into() });
    s.selected.clone().expect("a new annotation is selected")
}

fn quotes(s: &State) -> Vec<(String, String)> {
    s.annotations().iter().map(|a| (a.label.clone(), a.quote.clone())).collect()
}

#[test]
fn add_keeps_document_order_quote_and_context() {
    let mut s = state("Title\nPresident 😀 Xi Jinping met 北京 officials.");
    let xi = add(&mut s, 18, 28, "PERSON");
    add(&mut s, 6, 15, "OTHER");
    let a = s.get(&xi).unwrap();
    assert_eq!(a.quote, "Xi Jinping");
    assert_eq!(a.prefix, "Title\nPresident 😀 ");
    assert_eq!(a.suffix, " met 北京 officials.");
    assert_eq!(quotes(&s), vec![("OTHER".into(), "President".into()), ("PERSON".into(), "Xi Jinping".into())]);
    assert_eq!(s.revision, 2);
}

#[test]
fn add_rejects_empty_out_of_range_and_unknown_labels() {
    let mut s = state("short text");
    s.apply(Action::Add { start: 3, end: 3, label: "PERSON".into(), now: "t".into() });
    s.apply(Action::Add { start: 3, end: 99, label: "PERSON".into(), now: "t".into() });
    s.apply(Action::Add { start: 0, end: 5, label: "NOPE".into(), now: "t".into() });
    assert!(s.annotations().is_empty());
    assert!(!s.can_undo());
}

#[test]
fn retag_to_claim_and_back_changes_kind() {
    let mut s = state("He said prices will fall.");
    let id = add(&mut s, 8, 24, "OTHER");
    s.apply(Action::Retag { id: id.clone(), label: "CLAIM".into(), now: "t2".into() });
    let a = s.get(&id).unwrap();
    assert_eq!((a.kind, a.claim.is_some(), a.modified.as_str()), (Kind::Claim, true, "t2"));
    s.apply(Action::Retag { id: id.clone(), label: "EVENT".into(), now: "t3".into() });
    assert_eq!(s.get(&id).unwrap().kind, Kind::Entity);
    assert!(s.get(&id).unwrap().claim.is_none());
}

#[test]
fn undo_and_redo_walk_add_retag_delete() {
    let mut s = state("Alpha Beta Gamma");
    let id = add(&mut s, 0, 5, "PERSON");
    s.apply(Action::Retag { id: id.clone(), label: "ORG".into(), now: "t".into() });
    s.apply(Action::Delete { id: id.clone(), now: "d".into() });
    assert!(s.annotations().is_empty() && s.selected.is_none());
    s.apply(Action::Undo { now: "u".into() });
    assert_eq!(quotes(&s), vec![("ORG".into(), "Alpha".into())]);
    s.apply(Action::Undo { now: "u".into() });
    assert_eq!(quotes(&s), vec![("PERSON".into(), "Alpha".into())]);
    s.apply(Action::Undo { now: "u".into() });
    assert!(s.annotations().is_empty() && !s.can_undo());
    s.apply(Action::Redo { now: "r".into() });
    s.apply(Action::Redo { now: "r".into() });
    assert_eq!(quotes(&s), vec![("ORG".into(), "Alpha".into())]);
    // A new edit drops the redo branch.
    add(&mut s, 6, 10, "LOC");
    assert!(!s.can_redo());
    s.apply(Action::Redo { now: "r".into() });
    assert_eq!(s.annotations().len(), 2);
}

#[test]
fn buckets_follow_changes_and_lookup_by_position_is_innermost_first() {
    let mut s = state("Head\nOne two three\n\nFour five");
    let outer = add(&mut s, 5, 18, "CLAIM");
    let inner = add(&mut s, 9, 12, "QUANTITY");
    let cross = add(&mut s, 14, 25, "EVENT");
    assert_eq!(s.bucket(1).len(), 3);
    assert_eq!(s.bucket(2).iter().map(|a| a.id.clone()).collect::<Vec<_>>(), vec![cross.clone()]);
    let at: Vec<String> = s.annotations_at(10).iter().map(|a| a.id.clone()).collect();
    assert_eq!(at, vec![inner.clone(), outer.clone()]);
    s.apply(Action::Delete { id: cross, now: "d".into() });
    assert!(s.bucket(2).is_empty());
    s.apply(Action::Select(Some("missing".into())));
    assert_eq!(s.selected, None);
}

#[test]
fn merge_is_one_undoable_step() {
    let mut s = state("Alpha Beta Gamma");
    let other = {
        let mut o = state("Alpha Beta Gamma");
        add(&mut o, 0, 5, "PERSON");
        add(&mut o, 6, 10, "ORG");
        o.snapshot().annotations
    };
    s.apply(Action::Merge { annotations: other, relations: vec![], meta: None });
    assert_eq!(s.annotations().len(), 2);
    s.apply(Action::Undo { now: "u".into() });
    assert!(s.annotations().is_empty());
    // Fresh ids never collide with merged ones.
    s.apply(Action::Redo { now: "r".into() });
    let id = add(&mut s, 11, 16, "LOC");
    assert_eq!(s.annotations().iter().filter(|a| a.id == id).count(), 1);
}

#[test]
fn counts_per_label_follow_every_edit() {
    let count = |s: &State, label: &str| {
        let i = s.labels.iter().position(|l| l.id == label).unwrap();
        let stored = s.annotations().iter().filter(|a| a.label == label).count();
        assert_eq!(s.counts()[i], stored, "{label}");
        stored
    };
    let mut s = state("Xi met Lukashenko in Beijing on June 4.");
    let xi = add(&mut s, 0, 2, "PERSON");
    add(&mut s, 7, 17, "PERSON");
    add(&mut s, 21, 28, "LOC");
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (2, 1));
    s.apply(Action::Retag { id: xi.clone(), label: "LOC".into(), now: "t".into() });
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (1, 2));
    s.apply(Action::Delete { id: xi, now: "d".into() });
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (1, 1));
    s.apply(Action::Undo { now: "u".into() });
    s.apply(Action::Undo { now: "u".into() });
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (2, 1));
    s.apply(Action::Redo { now: "r".into() });
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (1, 2));
}

#[test]
fn deletions_are_noted_with_their_time_and_undo_stamps_what_it_brings_back() {
    let mut s = state("Xi met Lukashenko in 北京 😀.");
    let xi = add(&mut s, 0, 2, "PERSON");
    s.apply(Action::Retag { id: xi.clone(), label: "ORG".into(), now: "2026-01-02".into() });
    s.apply(Action::Delete { id: xi.clone(), now: "2026-01-03".into() });
    assert_eq!(s.deleted.len(), 1);
    assert_eq!((s.deleted[0].id.as_str(), s.deleted[0].at.as_str()), (xi.as_str(), "2026-01-03"));
    // Undoing the delete brings it back as a change made now, and forgets the deletion.
    s.apply(Action::Undo { now: "2026-01-04".into() });
    assert!(s.deleted.is_empty());
    let a = s.get(&xi).unwrap();
    assert_eq!((a.label.as_str(), a.modified.as_str()), ("ORG", "2026-01-04"));
    // Undoing the retag restores the old label, stamped too (so a merge takes it as newest).
    s.apply(Action::Undo { now: "2026-01-05".into() });
    let a = s.get(&xi).unwrap();
    assert_eq!((a.label.as_str(), a.modified.as_str()), ("PERSON", "2026-01-05"));
    // Undoing the add deletes it, noted at the time of the undo.
    s.apply(Action::Undo { now: "2026-01-06".into() });
    assert_eq!(s.deleted[0].at, "2026-01-06");
    assert_eq!(s.snapshot().deleted, *s.deleted);
}

#[test]
fn rename_changes_the_title_only_and_is_saved() {
    let mut s = state("Old title\nBody 😀");
    let before = s.revision;
    s.apply(Action::Rename { title: "  New 北京 title ".into(), now: "2026-02-01".into() });
    assert_eq!((s.doc.title.as_str(), s.doc.renamed.as_str()), ("New 北京 title", "2026-02-01"));
    assert_eq!(s.doc.text, "Old title\nBody 😀");
    assert!(s.revision > before);
    let r = s.revision;
    s.apply(Action::Rename { title: "   ".into(), now: "x".into() });
    assert_eq!((s.doc.title.as_str(), s.revision), ("New 北京 title", r));
}

#[test]
fn sync_takes_a_merged_copy_keeping_history_and_selection() {
    let mut s = state("Alpha Beta Gamma Delta");
    let a = add(&mut s, 0, 5, "PERSON");
    let mut other = s.snapshot();
    let mut theirs = state("Alpha Beta Gamma Delta");
    add(&mut theirs, 11, 16, "LOC");
    let mut extra = theirs.snapshot().annotations.remove(0);
    extra.id = "t1".into();
    other.annotations.push(extra);
    s.apply(Action::Sync(Box::new(other)));
    assert_eq!(s.annotations().len(), 2);
    assert_eq!(s.selected.as_deref(), Some(a.as_str()));
    assert!(s.can_undo());
    // A copy of another text is refused.
    s.apply(Action::Sync(Box::new(state("Different text").snapshot())));
    assert_eq!(s.annotations().len(), 2);
}

#[test]
fn the_history_survives_serialisation() {
    let mut s = state("Xi met Lukashenko 😀");
    add(&mut s, 0, 2, "PERSON");
    add(&mut s, 7, 17, "PERSON");
    s.apply(Action::Undo { now: "u".into() });
    let json = serde_json::to_string(&**s.history()).unwrap();
    let mut reopened = State::new(s.snapshot());
    assert!(!reopened.can_undo());
    reopened.restore_history(article_annotator::formats::stored::history(&json).unwrap());
    assert!(reopened.can_undo() && reopened.can_redo());
    reopened.apply(Action::Redo { now: "r".into() });
    assert_eq!(reopened.annotations().len(), 2);
    reopened.apply(Action::Undo { now: "u".into() });
    reopened.apply(Action::Undo { now: "u".into() });
    assert!(reopened.annotations().is_empty());
}

proptest::proptest! {
    /// After any run of adds, retags, resizes, deletes, undos and redos, each block's bucket is
    /// exactly the annotations touching it, in document order, and each annotation is found by
    /// its id (the buckets and the id lookup are kept up by each change, not rebuilt).
    #[test]
    fn buckets_and_lookup_by_id_follow_every_change(
        ops in proptest::collection::vec((0u8..6, 0usize..60, 1usize..30, 0usize..4), 1..40)
    ) {
        let text = "Head 😀\nOne two three 北京\n\nFour five six\nSeven e\u{301}ight nine ten\n\nEleven";
        let mut s = state(text);
        let labels = ["PERSON", "ORG", "CLAIM", "EVENT"];
        let n = s.index.len();
        for (op, at, len, l) in ops {
            let ids: Vec<String> = s.annotations().iter().map(|a| a.id.clone()).collect();
            let pick = |k: usize| ids.get(k % ids.len().max(1)).cloned().unwrap_or_default();
            let (start, end) = (at % n, (at % n + len).min(n));
            let now = "t".to_string();
            s.apply(match op {
                0 | 1 => Action::Add { start, end, label: labels[l].into(), now },
                2 => Action::Retag { id: pick(at), label: labels[l].into(), now },
                3 => Action::Resize { id: pick(at), start, end, now },
                4 => Action::Delete { id: pick(at), now },
                _ if l % 2 == 0 => Action::Undo { now },
                _ => Action::Redo { now },
            });
            for i in 0..s.blocks.len() {
                let b = s.blocks[i];
                let want: Vec<&str> = s.annotations().iter().filter(|a| a.overlaps(b.start, b.end.max(b.start + 1))).map(|a| a.id.as_str()).collect();
                let bucket = s.bucket(i);
                let got: Vec<&str> = bucket.iter().map(|a| a.id.as_str()).collect();
                proptest::prop_assert_eq!(got, want, "block {}", i);
            }
            for a in s.annotations().iter() {
                proptest::prop_assert!(s.get(&a.id).is_some_and(|g| std::rc::Rc::ptr_eq(g, a)));
            }
            proptest::prop_assert!(s.get("a0-missing").is_none());
        }
    }
}
