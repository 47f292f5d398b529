//! The state machine: adding, retagging, deleting, selecting, undo and redo.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, Kind, State};

fn state(text: &str) -> State {
    State::new(Snapshot {
        doc: Document::from_text(text, "test"),
        labels: default_labels(),
        annotations: vec![],
        relations: vec![],
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
    s.apply(Action::Delete { id: id.clone() });
    assert!(s.annotations().is_empty() && s.selected.is_none());
    s.apply(Action::Undo);
    assert_eq!(quotes(&s), vec![("ORG".into(), "Alpha".into())]);
    s.apply(Action::Undo);
    assert_eq!(quotes(&s), vec![("PERSON".into(), "Alpha".into())]);
    s.apply(Action::Undo);
    assert!(s.annotations().is_empty() && !s.can_undo());
    s.apply(Action::Redo);
    s.apply(Action::Redo);
    assert_eq!(quotes(&s), vec![("ORG".into(), "Alpha".into())]);
    // A new edit drops the redo branch.
    add(&mut s, 6, 10, "LOC");
    assert!(!s.can_redo());
    s.apply(Action::Redo);
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
    s.apply(Action::Delete { id: cross });
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
    s.apply(Action::Merge { annotations: other, relations: vec![] });
    assert_eq!(s.annotations().len(), 2);
    s.apply(Action::Undo);
    assert!(s.annotations().is_empty());
    // Fresh ids never collide with merged ones.
    s.apply(Action::Redo);
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
    s.apply(Action::Delete { id: xi });
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (1, 1));
    s.apply(Action::Undo);
    s.apply(Action::Undo);
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (2, 1));
    s.apply(Action::Redo);
    assert_eq!((count(&s, "PERSON"), count(&s, "LOC")), (1, 2));
}
