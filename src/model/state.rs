//! The document being annotated and every change to it: one `Action` at a time through
//! `State::apply`, each content change recorded so it can be undone and redone.
use super::annotation::{Annotation, Claim, Kind, Relation, CONTEXT};
use super::history::{Edit, History};
use super::labels::{self, Label};
use super::layout::{self, Block};
use super::text::{Document, TextIndex};
use std::rc::Rc;

/// Everything that makes up a saved document.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub doc: Document,
    pub labels: Vec<Label>,
    pub annotations: Vec<Annotation>,
    pub relations: Vec<Relation>,
}

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
    },
    Select(Option<String>),
    Undo,
    Redo,
    /// Replace the whole document (opening from storage or a file); clears history.
    Open(Box<Snapshot>),
    /// Add already-validated annotations to the open document as one undoable step.
    Merge {
        annotations: Vec<Annotation>,
        relations: Vec<Relation>,
    },
}

/// The open document, its annotations in document order, and the edit history.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub doc: Rc<Document>,
    pub index: Rc<TextIndex>,
    pub blocks: Rc<Vec<Block>>,
    pub labels: Rc<Vec<Label>>,
    // Shared behind `Rc`s, so that a state change that leaves them alone (a selection) copies
    // a few pointers rather than thousands.
    anns: Rc<Vec<Rc<Annotation>>>,
    pub relations: Rc<Vec<Relation>>,
    /// Per block, the annotations touching it: lets a change re-render only its blocks.
    buckets: Rc<Vec<Rc<Vec<Rc<Annotation>>>>>,
    /// How many annotations each label has, in the order of `labels`.
    counts: Rc<Vec<usize>>,
    pub selected: Option<String>,
    history: Rc<History>,
    /// Bumped on every content change; the saver watches it.
    pub revision: u64,
    next_seq: u64,
}

impl State {
    /// Open a snapshot: index the text, order the annotations, fill the block buckets.
    pub fn new(snap: Snapshot) -> Self {
        let index = Rc::new(TextIndex::new(&snap.doc.text));
        Self::with_index(snap, index)
    }

    /// Open a snapshot whose text `index` was already built.
    pub fn with_index(snap: Snapshot, index: Rc<TextIndex>) -> Self {
        let blocks = layout::blocks(&snap.doc.text, &index);
        let mut anns: Vec<Rc<Annotation>> = snap.annotations.into_iter().map(Rc::new).collect();
        anns.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let next_seq = anns.iter().filter_map(|a| a.id.strip_prefix('a')?.parse::<u64>().ok()).max().unwrap_or(0) + 1;
        let mut state = State {
            doc: Rc::new(snap.doc),
            index,
            blocks: Rc::new(blocks),
            labels: Rc::new(snap.labels),
            anns: Rc::new(anns),
            relations: Rc::new(snap.relations),
            buckets: Rc::default(),
            counts: Rc::default(),
            selected: None,
            history: Rc::default(),
            revision: 0,
            next_seq,
        };
        state.fill_buckets();
        state.counts = Rc::new(vec![0; state.labels.len()]);
        for a in state.anns.clone().iter() {
            state.count(&a.label, true);
        }
        state
    }

    /// How many annotations each label has, in the order of `labels`.
    pub fn counts(&self) -> &Rc<Vec<usize>> {
        &self.counts
    }

    fn count(&mut self, label: &str, up: bool) {
        if let Some(i) = self.labels.iter().position(|l| l.id == label) {
            let n = &mut Rc::make_mut(&mut self.counts)[i];
            *n = if up { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    fn fill_buckets(&mut self) {
        let mut buckets: Vec<Vec<Rc<Annotation>>> = vec![Vec::new(); self.blocks.len()];
        for a in self.anns.iter() {
            for i in layout::blocks_touching(&self.blocks, a.start, a.end) {
                buckets[i].push(a.clone());
            }
        }
        self.buckets = Rc::new(buckets.into_iter().map(Rc::new).collect());
    }

    /// Rebuild the buckets of the blocks that `[start, end)` touches.
    fn refill(&mut self, start: usize, end: usize) {
        let buckets = Rc::make_mut(&mut self.buckets);
        for i in layout::blocks_touching(&self.blocks, start, end) {
            let b = self.blocks[i];
            let list = self.anns.iter().filter(|a| a.overlaps(b.start, b.end.max(b.start + 1))).cloned().collect();
            buckets[i] = Rc::new(list);
        }
    }

    /// All annotations in document order.
    pub fn annotations(&self) -> &Rc<Vec<Rc<Annotation>>> {
        &self.anns
    }

    /// The annotations touching block `i`, in document order.
    pub fn bucket(&self, i: usize) -> Rc<Vec<Rc<Annotation>>> {
        self.buckets.get(i).cloned().unwrap_or_default()
    }

    /// The annotation with this id.
    pub fn get(&self, id: &str) -> Option<&Rc<Annotation>> {
        self.anns.iter().find(|a| a.id == id)
    }

    /// The label with this id.
    pub fn label(&self, id: &str) -> Option<&Label> {
        labels::find(&self.labels, id)
    }

    /// The annotations covering code point `cp`, innermost (shortest) first.
    pub fn annotations_at(&self, cp: usize) -> Vec<Rc<Annotation>> {
        let i = layout::blocks_touching(&self.blocks, cp, cp + 1).start;
        let mut out: Vec<_> = self.bucket(i).iter().filter(|a| a.start <= cp && cp < a.end).cloned().collect();
        out.sort_by_key(|a| (a.end - a.start, a.start));
        out
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The document as a plain snapshot (for saving and export).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            doc: (*self.doc).clone(),
            labels: (*self.labels).clone(),
            annotations: self.anns.iter().map(|a| (**a).clone()).collect(),
            relations: (*self.relations).clone(),
        }
    }

    /// A new annotation over `[start, end)` with quote and context taken from the text.
    pub fn make_annotation(&self, id: String, start: usize, end: usize, label: &Label, now: &str) -> Annotation {
        let text = &self.doc.text;
        let ctx_start = start.saturating_sub(CONTEXT);
        let ctx_end = (end + CONTEXT).min(self.index.len());
        Annotation {
            id,
            kind: label.kind,
            label: label.id.clone(),
            start,
            end,
            quote: self.index.slice(text, start, end).to_string(),
            prefix: self.index.slice(text, ctx_start, start).to_string(),
            suffix: self.index.slice(text, end, ctx_end).to_string(),
            note: String::new(),
            entity_ref: None,
            created: now.to_string(),
            modified: now.to_string(),
            claim: (label.kind == Kind::Claim).then(Claim::default),
        }
    }

    fn insert(&mut self, a: Rc<Annotation>) {
        let pos = self.anns.partition_point(|x| x.order_key() < a.order_key());
        let (s, e) = (a.start, a.end);
        self.count(&a.label, true);
        Rc::make_mut(&mut self.anns).insert(pos, a);
        self.refill(s, e);
    }

    fn remove(&mut self, id: &str) -> Option<Rc<Annotation>> {
        let pos = self.anns.iter().position(|a| a.id == id)?;
        let a = Rc::make_mut(&mut self.anns).remove(pos);
        self.count(&a.label, false);
        self.refill(a.start, a.end);
        if self.selected.as_deref() == Some(id) {
            self.selected = None;
        }
        Some(a)
    }

    fn run(&mut self, edit: &Edit) {
        match edit {
            Edit::Add(a) => self.insert(a.clone()),
            Edit::Remove(a) => {
                self.remove(&a.id);
            }
            Edit::Change(before, after) => {
                self.remove(&before.id);
                self.insert(after.clone());
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| self.run(e)),
        }
    }

    /// Apply a new edit, record it, forget the redo branch.
    fn commit(&mut self, edit: Edit) {
        self.run(&edit);
        Rc::make_mut(&mut self.history).record(edit);
        self.revision += 1;
    }

    /// The id the next new annotation gets.
    fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("a{}", self.next_seq);
            self.next_seq += 1;
            if self.get(&id).is_none() {
                return id;
            }
        }
    }

    /// The one place the document changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Add { start, end, label, now } => {
                let Some(label) = self.label(&label).cloned() else {
                    return;
                };
                if start >= end || end > self.index.len() {
                    return;
                }
                let id = self.fresh_id();
                let a = self.make_annotation(id.clone(), start, end, &label, &now);
                self.commit(Edit::Add(Rc::new(a)));
                self.selected = Some(id);
            }
            Action::Retag { id, label, now } => {
                let (Some(before), Some(label)) = (self.get(&id).cloned(), self.label(&label).cloned()) else {
                    return;
                };
                if before.label == label.id {
                    return;
                }
                let mut after = (*before).clone();
                after.label = label.id.clone();
                after.kind = label.kind;
                after.modified = now;
                after.claim = match label.kind {
                    Kind::Claim => after.claim.or_else(|| Some(Claim::default())),
                    Kind::Entity => None,
                };
                self.commit(Edit::Change(before, Rc::new(after)));
                self.selected = Some(id);
            }
            Action::Delete { id } => {
                if let Some(a) = self.get(&id).cloned() {
                    self.commit(Edit::Remove(a));
                }
            }
            Action::Select(id) => self.selected = id.filter(|id| self.get(id).is_some()),
            Action::Undo => self.step(true),
            Action::Redo => self.step(false),
            Action::Open(snap) => {
                let revision = self.revision + 1;
                *self = State::new(*snap);
                self.revision = revision;
            }
            Action::Merge { annotations, relations } => {
                let edits: Vec<Edit> = annotations.into_iter().map(|a| Edit::Add(Rc::new(a))).collect();
                Rc::make_mut(&mut self.relations).extend(relations);
                if !edits.is_empty() {
                    self.commit(Edit::Batch(edits));
                }
            }
        }
    }

    fn step(&mut self, back: bool) {
        // (Checked first: taking a step out of a shared history copies it.)
        if !(if back { self.can_undo() } else { self.can_redo() }) {
            return;
        }
        let Some(edit) = Rc::make_mut(&mut self.history).step(back) else { return };
        self.run(&edit);
        self.selected = match &edit {
            Edit::Add(a) | Edit::Change(_, a) => Some(a.id.clone()),
            _ => None,
        };
        self.revision += 1;
    }
}
