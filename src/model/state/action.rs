//! What can be done to the document: the one input of `State::apply`.
use super::{Field, Snapshot, State};
use crate::model::annotation::{Annotation, Relation};
use crate::model::meta::Meta;

/// Everything a user (or a file) can do to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tag `[start, end)` (code points) with a label; the new annotation becomes selected.
    Add {
        start: usize,
        end: usize,
        label: String,
        now: String,
    },
    /// Give an annotation another label.
    Retag {
        id: String,
        label: String,
        now: String,
    },
    Delete {
        id: String,
        now: String,
    },
    /// Move an annotation's start and end (a word more or less, from the keyboard).
    Resize {
        id: String,
        start: usize,
        end: usize,
        now: String,
    },
    Select(Option<String>),
    /// Undo and redo stamp what they bring back with `now`: a copy of the document elsewhere
    /// (another tab) then takes it as the latest change.
    Undo {
        now: String,
    },
    Redo {
        now: String,
    },
    /// Give the document another title (the text never changes).
    Rename {
        title: String,
        now: String,
    },
    /// Replace the whole document (opening from storage or a file); clears history.
    Open(Box<Snapshot>),
    /// Open a document already made into a state (a stored one, with its kept history).
    Replace(Box<State>),
    /// The whole of a stored document whose first screen was shown while the rest was read
    /// (see `State::reading`): it takes the place of what was shown, and the changes held
    /// meanwhile are made on it.
    Read(Box<State>),
    /// Replace the annotations with a merged copy (another tab's work merged in); keeps the
    /// history and the selection where they still apply.
    Sync(Box<Snapshot>),
    /// Add already-validated annotations to the open document as one undoable step, with the
    /// labels, entities and orphans the file brought (`meta`, when it changes them).
    Merge {
        annotations: Vec<Annotation>,
        relations: Vec<Relation>,
        meta: Option<Box<Meta>>,
    },
    /// Place orphaned annotation `id` at `[start, end)` (it keeps its id, label and fields).
    Reattach {
        id: String,
        start: usize,
        end: usize,
        now: String,
    },
    /// Set one field of annotation `id`.
    Set {
        id: String,
        field: Field,
        now: String,
    },
    /// Put a changed version of an annotation (same id) in place of the old one.
    Update {
        after: Box<Annotation>,
        now: String,
    },
    /// Several changes as one undoable step: annotations changed (same ids) and removed, and
    /// the labels, entities and rating scale replaced.
    Commit {
        update: Vec<Annotation>,
        remove: Vec<String>,
        meta: Option<Box<Meta>>,
        now: String,
    },
    /// Tag each span with `label` (pointing to `entity`), as one undoable step.
    AddMany {
        spans: Vec<(usize, usize)>,
        label: String,
        entity: Option<String>,
        now: String,
    },
    /// Tag `[start, end)` as a new mention and make it the speaker of claim `claim`, as one
    /// undoable step.
    AddSpeaker {
        claim: String,
        start: usize,
        end: usize,
        label: String,
        now: String,
    },
}
