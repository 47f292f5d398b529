//! Edits made, recorded as steps, and taken back and made again.
use super::{Edit, History, State};
use crate::model::annotation::{Annotation, Deleted};
use crate::model::said::{self, Said};
use std::rc::Rc;

impl State {
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Note that `id` was deleted at `now` (or, with `None`, that it is back).
    pub(super) fn tomb(&mut self, id: &str, now: Option<&str>) {
        if now.is_none() && !self.deleted.iter().any(|d| d.id == id) {
            return;
        }
        let list = Rc::make_mut(&mut self.deleted);
        list.retain(|d| d.id != id);
        if let Some(at) = now {
            list.push(Deleted { id: id.to_string(), at: at.to_string() });
        }
    }

    /// Apply an edit at time `now`: a deletion is noted with it; with `stamp`, what the edit
    /// brings in is marked as modified then (undo and redo bring back older versions).
    pub(super) fn run(&mut self, edit: &Edit, now: &str, stamp: bool) {
        let fresh = |a: &Rc<Annotation>| {
            if stamp && a.modified != now {
                Rc::new(Annotation { modified: now.to_string(), ..(**a).clone() })
            } else {
                a.clone()
            }
        };
        match edit {
            Edit::Add(a) => {
                self.tomb(&a.id, None);
                self.insert(fresh(a));
            }
            Edit::Remove(a) => {
                self.remove(&a.id);
                self.tomb(&a.id, Some(now));
            }
            Edit::Change(before, after) => {
                self.remove(&before.id);
                self.insert(fresh(after));
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| self.run(e, now, stamp)),
            Edit::Meta(_, after) => {
                let labels_changed = !Rc::ptr_eq(&self.labels, &after.labels);
                self.labels = after.labels.clone();
                self.entities = after.entities.clone();
                self.scale = after.scale.clone();
                self.orphans = after.orphans.clone();
                if labels_changed {
                    self.recount();
                }
            }
        }
    }

    /// Apply a new edit, record it, forget the redo branch.
    pub(super) fn commit(&mut self, edit: Edit, now: &str) {
        self.run(&edit, now, false);
        self.record(edit);
    }

    /// Record an edit already applied (see `commit`) as one step of undo.
    pub(super) fn record(&mut self, edit: Edit) {
        self.said = Said::new(&said::done(&edit, &self.labels));
        Rc::make_mut(&mut self.history).record(edit);
        self.revision += 1;
    }

    /// The undo history, to keep for the browser session (see `restore_history`).
    pub fn history(&self) -> &Rc<History> {
        &self.history
    }

    /// Put back a history kept for this document (a reload in the same browser session).
    pub fn restore_history(&mut self, history: History) {
        self.history = Rc::new(history);
    }

    pub(super) fn step(&mut self, back: bool, now: &str) {
        // (Checked first: taking a step out of a shared history copies it.)
        if !(if back { self.can_undo() } else { self.can_redo() }) {
            return;
        }
        let Some(edit) = Rc::make_mut(&mut self.history).step(back) else { return };
        self.run(&edit, now, true);
        let made = if back { edit.inverse() } else { edit.clone() };
        self.said = Said::new(&said::stepped(&made, back, &self.labels));
        self.selected = match &edit {
            Edit::Add(a) | Edit::Change(_, a) => Some(a.id.clone()),
            _ => None,
        };
        self.revision += 1;
    }
}
