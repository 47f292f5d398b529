//! The edit history behind undo and redo: each content change is kept as an `Edit` whose
//! inverse undoes it.
use super::annotation::Annotation;
use super::meta::Meta;
use serde::Serialize;
use std::rc::Rc;

/// A recorded content change; undo applies its inverse.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Edit {
    Add(Rc<Annotation>),
    Remove(Rc<Annotation>),
    Change(Rc<Annotation>, Rc<Annotation>),
    Batch(Vec<Edit>),
    /// The labels, entities and rating scale before and after.
    Meta(Rc<Meta>, Rc<Meta>),
}

impl Edit {
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Change(before, after) => Edit::Change(after.clone(), before.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Meta(before, after) => Edit::Meta(after.clone(), before.clone()),
        }
    }
}

/// How many edits undo remembers.
const HISTORY: usize = 1000;

/// Edits that can be undone, and undone edits that can be redone. Serialisable, so that a
/// reload in the same browser session keeps it.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// A history as it was kept: the edits to undo and those to redo, oldest first.
    pub fn from_lists(undo: Vec<Edit>, redo: Vec<Edit>) -> Self {
        History { undo, redo }
    }

    /// The edits to undo and those to redo, oldest first (what `from_lists` takes).
    pub fn lists(&self) -> (&[Edit], &[Edit]) {
        (&self.undo, &self.redo)
    }

    /// Remember a new edit; it forgets the redo branch.
    pub fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The edit to apply to undo (`back`) or redo the last step, moving it to the other list.
    pub fn step(&mut self, back: bool) -> Option<Edit> {
        let (from, to) = if back { (&mut self.undo, &mut self.redo) } else { (&mut self.redo, &mut self.undo) };
        let edit = from.pop()?;
        to.push(edit.clone());
        Some(if back { edit.inverse() } else { edit })
    }
}
