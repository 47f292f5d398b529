//! A stored document shown before the whole of it is read: its first screen's annotations
//! first, so that the first frame comes sooner, then the rest (`Action::Read`). Until then a
//! change is held, not made on the part that is there, and then made on the whole document, in
//! its order: no change is made on, and no id taken from, an incomplete list.
use super::{Action, State};
use crate::model::said::Said;
use std::cell::RefCell;
use std::rc::Rc;

/// The changes held while a document is read, in their order: one list, shared by the states
/// made from one another while it is read (only the last of them is ever used), so that no
/// action is copied or compared. (Copying, comparing and printing every kind of action cost
/// 1.2 KB of the bundle.)
#[derive(Clone, Default)]
pub(super) struct Held(Rc<RefCell<Vec<Action>>>);

impl PartialEq for Held {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.0.borrow().len() == other.0.borrow().len()
    }
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} held", self.0.borrow().len())
    }
}

impl State {
    /// This state as the first screen of a document still being read.
    pub fn reading(mut self) -> Self {
        self.reading = true;
        self
    }

    /// What `apply` is to do with `action` now: the action, or nothing when it was held or was
    /// the whole document.
    pub(super) fn while_reading(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Read(whole) => {
                if self.reading {
                    self.read(*whole);
                }
                None
            }
            action if !self.reading => Some(action),
            Action::Select(id) => Some(Action::Select(id)),
            // Another document opened: what was held was for this one.
            action @ (Action::Open(_) | Action::Replace(_)) => {
                self.reading = false;
                self.held = Held::default();
                Some(action)
            }
            action => {
                self.held.0.borrow_mut().push(action);
                self.said = Said::new("The saved annotations are still being read: this change is made when they are.");
                None
            }
        }
    }

    /// Take the whole document in place of its first screen, keeping the selection, and make
    /// the changes held meanwhile (on the same document: on another one, such as the backup's
    /// sample when it could not be read, they are dropped).
    fn read(&mut self, mut whole: State) {
        let held = std::mem::take(&mut *self.held.0.borrow_mut());
        let same = whole.doc.id == self.doc.id;
        // The text did not change: what is made of it alone is shared, so that the blocks drawn
        // compare equal at once.
        if same && whole.doc == self.doc {
            whole.doc = self.doc.clone();
            if whole.index == self.index {
                whole.index = self.index.clone();
            }
            if whole.blocks == self.blocks {
                whole.blocks = self.blocks.clone();
            }
        }
        let selected = self.selected.take();
        let revision = self.revision;
        *self = whole;
        self.revision = revision;
        self.selected = selected.filter(|id| self.get(id).is_some());
        for action in held.into_iter().filter(|_| same) {
            self.apply(action);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::state::Snapshot;
    use crate::model::{default_labels, Annotation, Document};

    fn whole() -> State {
        let doc = Document::from_text("Zoë met 李明 in Kraków 🎉.\nThe second line, about Zoë.", "t");
        let mut s = State::new(Snapshot { doc, labels: default_labels(), ..Snapshot::default() });
        s.apply(Action::Add { start: 0, end: 3, label: "PERSON".into(), now: "t0".into() });
        s.apply(Action::Add { start: 8, end: 10, label: "PERSON".into(), now: "t0".into() });
        s.apply(Action::Add { start: 14, end: 20, label: "LOC".into(), now: "t0".into() });
        State::new(s.snapshot())
    }

    /// The first screen of `whole`: its first annotation only.
    fn first_screen(whole: &State) -> State {
        let mut snap = whole.snapshot();
        snap.annotations.truncate(1);
        State::with_index(snap, whole.index.clone()).reading()
    }

    fn spans(s: &State) -> Vec<(String, usize, usize, String)> {
        s.annotations()
            .iter()
            .map(|a: &std::rc::Rc<Annotation>| (a.id.clone(), a.start, a.end, a.label.clone()))
            .collect()
    }

    #[test]
    fn changes_while_reading_are_made_on_the_whole_document_in_order() {
        let whole = whole();
        let mut s = first_screen(&whole);
        let first = s.annotations()[0].id.clone();
        s.apply(Action::Select(Some(first.clone())));
        // Tag the second line's "Zoë" (past the CJK and the emoji), retag the first.
        let at = whole.doc.text.chars().count() - 4;
        s.apply(Action::Add { start: at, end: at + 3, label: "PERSON".into(), now: "t1".into() });
        s.apply(Action::Retag { id: first.clone(), label: "ORG".into(), now: "t1".into() });
        assert_eq!(spans(&s).len(), 1, "nothing is made on the first screen's part");
        assert!(s.said.text.contains("still being read"));
        assert_eq!(s.revision, 0);

        s.apply(Action::Read(Box::new(whole.clone())));
        assert!(!s.reading);
        assert_eq!(s.selected.as_deref(), Some(first.as_str()), "the selection stays");
        let got = spans(&s);
        assert_eq!(got.len(), 4, "the three read and the one added: {got:?}");
        assert!(got.contains(&(first.clone(), 0, 3, "ORG".into())));
        let added = got.iter().find(|g| g.1 == at).expect("added");
        assert_eq!((added.2, added.3.as_str()), (at + 3, "PERSON"));
        assert!(whole.annotations().iter().all(|a| a.id != added.0), "a fresh id, none of those read");
        assert_eq!(s.revision, 2, "two changes made");
        // One undo takes back the retag, the next the tag added.
        s.apply(Action::Undo { now: "t2".into() });
        s.apply(Action::Undo { now: "t2".into() });
        assert_eq!(spans(&s), spans(&whole));
    }

    #[test]
    fn the_whole_document_shares_what_is_made_of_the_text() {
        let whole = whole();
        let mut s = first_screen(&whole);
        let (doc, blocks) = (s.doc.clone(), s.blocks.clone());
        s.apply(Action::Read(Box::new(whole)));
        assert!(std::rc::Rc::ptr_eq(&s.doc, &doc) && std::rc::Rc::ptr_eq(&s.blocks, &blocks));
        assert_eq!(s.revision, 0, "nothing to save: nothing changed");
    }

    #[test]
    fn another_document_opened_meanwhile_wins_and_drops_what_was_held() {
        let whole = whole();
        let mut s = first_screen(&whole);
        s.apply(Action::Delete { id: s.annotations()[0].id.clone(), now: "t1".into() });
        let other = Document::from_text("Another article.", "o");
        s.apply(Action::Open(Box::new(Snapshot { doc: other, labels: default_labels(), ..Snapshot::default() })));
        assert!(!s.reading);
        s.apply(Action::Read(Box::new(whole)));
        assert_eq!(s.doc.text, "Another article.", "the late read is dropped");
        assert!(s.annotations().is_empty());
    }

    #[test]
    fn held_changes_are_dropped_when_what_was_read_is_another_document() {
        let whole = whole();
        let mut s = first_screen(&whole);
        s.apply(Action::Add { start: 0, end: 3, label: "ORG".into(), now: "t1".into() });
        let sample = State::new(Snapshot {
            doc: Document::from_text("The sample.", "s"),
            labels: default_labels(),
            ..Snapshot::default()
        });
        s.apply(Action::Read(Box::new(sample)));
        assert_eq!(s.doc.text, "The sample.");
        assert!(s.annotations().is_empty() && !s.reading);
    }
}
