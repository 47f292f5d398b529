//! The document being annotated and every change to it: one `Action` at a time through
//! `State::apply`, each content change recorded so it can be undone and redone.
use super::annotation::{Annotation, Claim, Deleted, Kind, Relation, CONTEXT};
pub use super::history::{Edit, History};
use super::labels::Label;
use super::layout::{self, Block};
use super::meta::{default_scale, Entity, Meta, Rating};
use super::said::Said;
use super::text::{Document, TextIndex};
use std::rc::Rc;

mod action;
mod edits;
mod lookup;
mod reading;
mod undo;
pub use action::Action;
pub use edits::{occurrences, Field};
use lookup::id_hash;

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
}
