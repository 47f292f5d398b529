//! The document being annotated and every change to it: one `Action` at a time through
//! `State::apply`, each content change recorded so it can be undone and redone.
use super::annotation::{Annotation, Claim, Deleted, Kind, Relation, CONTEXT};
pub use super::history::{Edit, History};
use super::labels::{self, Label};
use super::layout::{self, Block};
use super::meta::{default_scale, Entity, Meta, Rating};
use super::said::{self, Said};
use super::text::{Document, TextIndex};
use std::rc::Rc;

mod edits;
mod reading;
pub use edits::{occurrences, Field};

/// Everything that makes up a saved document.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub doc: Document,
    pub labels: Vec<Label>,
    pub annotations: Vec<Annotation>,
    pub relations: Vec<Relation>,
    /// Annotations deleted, and when (see `Deleted`).
    pub deleted: Vec<Deleted>,
    pub entities: Vec<Entity>,
    /// The verdicts claims can get (empty: the default scale).
    pub scale: Vec<Rating>,
    /// Annotations of imported files that could not be placed (see `Meta::orphans`).
    pub orphans: Vec<Annotation>,
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

/// The open document, its annotations in document order, and the edit history.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub doc: Rc<Document>,
    pub index: Rc<TextIndex>,
    pub blocks: Rc<Vec<Block>>,
    pub labels: Rc<Vec<Label>>,
    pub entities: Rc<Vec<Entity>>,
    pub scale: Rc<Vec<Rating>>,
    pub orphans: Rc<Vec<Annotation>>,
    // Shared behind `Rc`s, so that a state change that leaves them alone (a selection) copies
    // a few pointers rather than thousands.
    anns: Rc<Vec<Rc<Annotation>>>,
    /// A hash of each annotation's id, in the order of `anns`: finding one by its id scans
    /// these, side by side in memory, instead of each id behind its own pointer (0.2 ms for a
    /// book's 20,000 natively, for every edit and selection).
    ids: Rc<Vec<u64>>,
    pub relations: Rc<Vec<Relation>>,
    /// Annotations deleted, and when.
    pub deleted: Rc<Vec<Deleted>>,
    /// Per block, the annotations touching it: lets a change re-render only its blocks.
    buckets: Rc<Vec<Rc<Vec<Rc<Annotation>>>>>,
    /// How many annotations each label has, in the order of `labels`.
    counts: Rc<Vec<usize>>,
    pub selected: Option<String>,
    history: Rc<History>,
    /// Bumped on every content change; the saver watches it.
    pub revision: u64,
    next_seq: u64,
    /// Added to new annotations' ids ("a12-k3x9"): two tabs adding to one document at once
    /// must not make the same id for different spans.
    id_tag: Rc<str>,
    /// What the last edit, undo or refusal was, in words (for the page's status region).
    pub said: Said,
    /// Only the first screen's annotations of a stored document are here yet: the rest is
    /// being read (`Action::Read` brings the whole). Changes meanwhile are held (`held`), and
    /// nothing is saved or exported.
    pub reading: bool,
    held: reading::Held,
}

impl State {
    /// Open a snapshot: index the text, order the annotations, fill the block buckets.
    pub fn new(snap: Snapshot) -> Self {
        let index = Rc::new(TextIndex::new(&snap.doc.text));
        Self::with_index(snap, index)
    }

    /// Open a snapshot whose text `index` was already built.
    pub fn with_index(snap: Snapshot, index: Rc<TextIndex>) -> Self {
        Self::unfilled(snap, index).filled()
    }

    /// `with_index` but for which annotations touch each block and how many each label has,
    /// which `filled` adds: at book length each half is a task of its own while opening.
    pub fn unfilled(snap: Snapshot, index: Rc<TextIndex>) -> Self {
        let blocks = layout::blocks(&snap.doc.text, &index);
        let mut list = snap.annotations;
        // (Stored documents keep this order: checked, not sorted again.)
        if !list.is_sorted_by(|a, b| super::annotation::document_order(a, b).is_le()) {
            list.sort_unstable_by(super::annotation::document_order);
        }
        let anns: Vec<Rc<Annotation>> = list.into_iter().map(Rc::new).collect();
        let seq = |id: &str| id.strip_prefix('a')?.split('-').next()?.parse::<u64>().ok();
        let next_seq = anns.iter().filter_map(|a| seq(&a.id)).max().unwrap_or(0) + 1;
        let ids = Rc::new(anns.iter().map(|a| id_hash(&a.id)).collect());
        State {
            doc: Rc::new(snap.doc),
            index,
            blocks: Rc::new(blocks),
            labels: Rc::new(snap.labels),
            entities: Rc::new(snap.entities),
            scale: Rc::new(if snap.scale.is_empty() { default_scale() } else { snap.scale }),
            orphans: Rc::new(snap.orphans),
            anns: Rc::new(anns),
            ids,
            relations: Rc::new(snap.relations),
            deleted: Rc::new(snap.deleted),
            buckets: Rc::default(),
            counts: Rc::default(),
            selected: None,
            history: Rc::default(),
            revision: 0,
            next_seq,
            id_tag: Rc::from(""),
            said: Said::default(),
            reading: false,
            held: reading::Held::default(),
        }
    }

    /// The state `unfilled` began: which annotations touch each block, and the counts.
    pub fn filled(mut self) -> Self {
        self.fill_buckets();
        self.recount();
        self
    }

    /// Count the annotations of each label afresh.
    fn recount(&mut self) {
        let mut counts = vec![0; self.labels.len()];
        for a in self.anns.iter() {
            if let Some(i) = self.labels.iter().position(|l| l.id == a.label) {
                counts[i] += 1;
            }
        }
        self.counts = Rc::new(counts);
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

    /// Put `a` into (`put`) or take the annotation with its id out of (not `put`) the buckets
    /// of the blocks it touches: each a new list (its block is drawn anew), the others shared.
    /// A bucket's own length of work, not the document's: a book has thousands of annotations.
    fn refill(&mut self, a: &Rc<Annotation>, put: bool) {
        let buckets = Rc::make_mut(&mut self.buckets);
        let key = a.order_key();
        for i in layout::blocks_touching(&self.blocks, a.start, a.end) {
            let mut list: Vec<Rc<Annotation>> = buckets[i].iter().filter(|x| x.id != a.id).cloned().collect();
            if put {
                list.insert(list.partition_point(|x| x.order_key() < key), a.clone());
            }
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
        self.position(id).map(|i| &self.anns[i])
    }

    /// Where the annotation with this id is in `anns`.
    fn position(&self, id: &str) -> Option<usize> {
        let (h, mut from) = (id_hash(id), 0);
        while let Some(k) = self.ids[from..].iter().position(|&x| x == h) {
            if self.anns[from + k].id == id {
                return Some(from + k);
            }
            from += k + 1;
        }
        None
    }

    /// The label with this id.
    /// The annotation over exactly `[start, end)` with label `label`, if there is one.
    pub fn duplicate(&self, start: usize, end: usize, label: &str) -> Option<&Rc<Annotation>> {
        let from = self.anns.partition_point(|a| a.start < start);
        self.anns[from..].iter().take_while(|a| a.start == start).find(|a| a.end == end && a.label == label)
    }

    pub fn label(&self, id: &str) -> Option<&Label> {
        labels::find(&self.labels, id)
    }

    /// The annotations covering code point `cp`, innermost (shortest) first.
    pub fn annotations_at(&self, cp: usize) -> Vec<Rc<Annotation>> {
        let i = layout::blocks_touching(&self.blocks, cp, cp + 1).start;
        let mut out: Vec<_> = self.bucket(i).iter().filter(|a| a.start <= cp && cp < a.end).cloned().collect();
        super::order::by_key(&mut out, |a| ((a.end - a.start) as u64, a.start as u64));
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
            deleted: (*self.deleted).clone(),
            entities: (*self.entities).clone(),
            scale: (*self.scale).clone(),
            orphans: (*self.orphans).clone(),
        }
    }

    /// The labels, entities and rating scale, as one value an edit can replace.
    pub fn meta(&self) -> Meta {
        Meta {
            labels: self.labels.clone(),
            entities: self.entities.clone(),
            scale: self.scale.clone(),
            orphans: self.orphans.clone(),
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
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
        self.count(&a.label, true);
        self.refill(&a, true);
        Rc::make_mut(&mut self.ids).insert(pos, id_hash(&a.id));
        Rc::make_mut(&mut self.anns).insert(pos, a);
    }

    /// Note that `id` was deleted at `now` (or, with `None`, that it is back).
    fn tomb(&mut self, id: &str, now: Option<&str>) {
        if now.is_none() && !self.deleted.iter().any(|d| d.id == id) {
            return;
        }
        let list = Rc::make_mut(&mut self.deleted);
        list.retain(|d| d.id != id);
        if let Some(at) = now {
            list.push(Deleted { id: id.to_string(), at: at.to_string() });
        }
    }

    fn remove(&mut self, id: &str) -> Option<Rc<Annotation>> {
        let pos = self.position(id)?;
        Rc::make_mut(&mut self.ids).remove(pos);
        let a = Rc::make_mut(&mut self.anns).remove(pos);
        self.count(&a.label, false);
        self.refill(&a, false);
        if self.selected.as_deref() == Some(id) {
            self.selected = None;
        }
        Some(a)
    }

    /// Apply an edit at time `now`: a deletion is noted with it; with `stamp`, what the edit
    /// brings in is marked as modified then (undo and redo bring back older versions).
    fn run(&mut self, edit: &Edit, now: &str, stamp: bool) {
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
    fn commit(&mut self, edit: Edit, now: &str) {
        self.run(&edit, now, false);
        self.record(edit);
    }

    /// Record an edit already applied (see `commit`) as one step of undo.
    fn record(&mut self, edit: Edit) {
        self.said = Said::new(&said::done(&edit, &self.labels));
        Rc::make_mut(&mut self.history).record(edit);
        self.revision += 1;
    }

    /// Mark this copy's new annotation ids with `tag` (one per tab; see `id_tag`).
    pub fn with_id_tag(mut self, tag: &str) -> Self {
        self.id_tag = Rc::from(tag);
        self
    }

    /// The id the next new annotation gets.
    fn fresh_id(&mut self) -> String {
        loop {
            let id = if self.id_tag.is_empty() {
                format!("a{}", self.next_seq)
            } else {
                format!("a{}-{}", self.next_seq, self.id_tag)
            };
            self.next_seq += 1;
            if self.get(&id).is_none() {
                return id;
            }
        }
    }

    /// The one place the document changes.
    pub fn apply(&mut self, action: Action) {
        let Some(action) = self.while_reading(action) else { return };
        match action {
            Action::Add { start, end, label, now } => {
                let Some(label) = self.label(&label).cloned() else {
                    return;
                };
                if start >= end || end > self.index.len() {
                    return;
                }
                if let Some(same) = self.duplicate(start, end, &label.id) {
                    // The same span with the same label once is enough: that one is shown.
                    self.selected = Some(same.id.clone());
                    return;
                }
                let id = self.fresh_id();
                let a = self.new_mention(id.clone(), start, end, &label, &now);
                self.commit(Edit::Add(Rc::new(a)), &now);
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
                after.modified = now.clone();
                if after.entity_ref.as_deref().and_then(|e| self.entity(e)).is_some_and(|e| e.label != label.id) {
                    after.entity_ref = None;
                }
                after.claim = match label.kind {
                    Kind::Claim => after.claim.or_else(|| Some(Claim::default())),
                    Kind::Entity => None,
                };
                self.commit(Edit::Change(before, Rc::new(after)), &now);
                self.selected = Some(id);
            }
            Action::Resize { id, start, end, now } => {
                let Some(before) = self.get(&id) else { return };
                let Some(label) = self.label(&before.label) else { return };
                let span = self.make_annotation(id.clone(), start, end, label, &now);
                let after = Annotation {
                    start,
                    end,
                    quote: span.quote,
                    prefix: span.prefix,
                    suffix: span.suffix,
                    ..(**before).clone()
                };
                self.update(after, &now);
            }
            Action::Delete { id, now } => {
                if let Some(a) = self.get(&id).cloned() {
                    self.commit(Edit::Remove(a), &now);
                }
            }
            Action::Select(id) => self.selected = id.filter(|id| self.get(id).is_some()),
            Action::Undo { now } => self.step(true, &now),
            Action::Redo { now } => self.step(false, &now),
            Action::Rename { title, now } => {
                let title = title.trim();
                if !title.is_empty() && title != self.doc.title {
                    let doc = Rc::make_mut(&mut self.doc);
                    doc.title = title.to_string();
                    doc.renamed = now;
                    self.revision += 1;
                }
            }
            Action::Open(snap) => {
                let (revision, tag) = (self.revision + 1, self.id_tag.clone());
                *self = State::new(*snap);
                self.revision = revision;
                self.id_tag = tag;
            }
            Action::Replace(state) => {
                let (revision, tag) = (self.revision + 1, self.id_tag.clone());
                *self = *state;
                self.revision = revision;
                self.id_tag = tag;
            }
            // (Taken by `while_reading`.)
            Action::Read(_) => {}
            Action::Sync(snap) => self.sync(*snap),
            Action::Update { after, now } => self.update(*after, &now),
            Action::Set { id, field, now } => self.set(&id, field, &now),
            Action::Commit { update, remove, meta, now } => self.commit_all(update, remove, meta, &now),
            Action::AddMany { spans, label, entity, now } => self.add_many(&spans, &label, entity, &now),
            Action::AddSpeaker { claim, start, end, label, now } => self.add_speaker(&claim, start, end, &label, &now),
            Action::Reattach { id, start, end, now } => self.reattach(&id, start, end, &now),
            Action::Merge { annotations, relations, meta } => {
                let mut edits: Vec<Edit> = Vec::new();
                if let Some(meta) = meta.filter(|m| **m != self.meta()) {
                    edits.push(Edit::Meta(Rc::new(self.meta()), Rc::new(*meta)));
                }
                edits.extend(annotations.into_iter().map(|a| Edit::Add(Rc::new(a))));
                Rc::make_mut(&mut self.relations).extend(relations);
                if !edits.is_empty() {
                    // (Only additions: no deletion to date.)
                    self.commit(Edit::Batch(edits), "");
                }
            }
        }
    }

    /// Take another copy's merge of this document: same text, new annotations; the history
    /// and selection are kept (undo works by id, so it still applies to what is there).
    fn sync(&mut self, snap: Snapshot) {
        if snap.doc.sha256 != self.doc.sha256 {
            return;
        }
        let (history, selected, revision, seq) =
            (self.history.clone(), self.selected.take(), self.revision, self.next_seq);
        let tag = self.id_tag.clone();
        *self = State::with_index(snap, self.index.clone());
        self.id_tag = tag;
        self.history = history;
        self.selected = selected.filter(|id| self.get(id).is_some());
        self.revision = revision;
        self.next_seq = self.next_seq.max(seq);
    }

    /// The undo history, to keep for the browser session (see `restore_history`).
    pub fn history(&self) -> &Rc<History> {
        &self.history
    }

    /// Put back a history kept for this document (a reload in the same browser session).
    pub fn restore_history(&mut self, history: History) {
        self.history = Rc::new(history);
    }

    fn step(&mut self, back: bool, now: &str) {
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

/// FNV-1a of an annotation's id (see `State::ids`).
fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
