//! The edits of claims, entities and labels: each one undoable step.
use super::{Edit, State};
use crate::model::annotation::{Annotation, Attribution, Claim, Evidence, Kind, Span, Worthiness};
use crate::model::labels::Label;
use crate::model::meta::Meta;
use crate::model::text::TextIndex;
use std::rc::Rc;

/// One field of an annotation set to a value: applied to the annotation as it is when the
/// action runs (two quick changes in a row each keep the other's).
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// The speaker mention (if any) and the speaker's name.
    Speaker(Option<String>, String),
    Cue(Option<Span>),
    Attribution(Attribution),
    Worthiness(Option<Worthiness>),
    Verdict(String),
    Explanation(String),
    Reviewed(String),
    AddEvidence(Evidence),
    RemoveEvidence(usize),
    Note(String),
    Entity(Option<String>),
}

impl Field {
    fn apply(self, a: &mut Annotation) {
        if let Field::Note(v) = self {
            return a.note = v;
        }
        if let Field::Entity(e) = self {
            return a.entity_ref = e;
        }
        let Some(c) = a.claim.as_mut() else { return };
        match self {
            Field::Speaker(id, text) => (c.speaker, c.speaker_text) = (id, text),
            Field::Cue(span) => c.cue = span,
            Field::Attribution(x) => c.attribution = x,
            Field::Worthiness(w) => c.set_worthiness(w),
            Field::Verdict(v) => c.verdict = v,
            Field::Explanation(v) => c.explanation = v,
            Field::Reviewed(v) => c.reviewed = v,
            Field::AddEvidence(e) => c.evidence.push(e),
            Field::RemoveEvidence(i) if i < c.evidence.len() => drop(c.evidence.remove(i)),
            Field::RemoveEvidence(_) | Field::Note(_) | Field::Entity(_) => {}
        }
    }
}

impl State {
    pub(super) fn set(&mut self, id: &str, field: Field, now: &str) {
        let Some(mut after) = self.get(id).map(|a| (**a).clone()) else { return };
        field.apply(&mut after);
        self.update(after, now);
    }

    /// A new annotation over `[start, end)`, linked to the entity of its label whose name or
    /// alias is its text, if there is one.
    pub(super) fn new_mention(&self, id: String, start: usize, end: usize, label: &Label, now: &str) -> Annotation {
        let mut a = self.make_annotation(id, start, end, label, now);
        if label.kind == Kind::Entity {
            a.entity_ref =
                self.entities.iter().find(|e| e.label == label.id && e.is_named(&a.quote)).map(|e| e.id.clone());
        } else if let Some(c) = a.claim.as_mut() {
            c.reviewed = crate::model::annotation::reviewed_from(&a.quote);
        }
        a
    }

    /// `after` in place of the annotation with its id, its kind following its label; `None`
    /// when there is no such annotation or the change is not valid.
    fn changed(&self, mut after: Annotation, now: &str) -> Option<Edit> {
        let before = self.get(&after.id)?.clone();
        let label = self.label(&after.label)?;
        if after.start >= after.end || after.end > self.index.len() || *before == after {
            return None;
        }
        after.kind = label.kind;
        match after.kind {
            Kind::Entity => after.claim = None,
            Kind::Claim => {
                after.claim.get_or_insert_with(Claim::default);
            }
        }
        if (after.start, after.end) != (before.start, before.end) {
            let (prefix, suffix) = crate::formats::native::context(&self.doc.text, &self.index, after.start, after.end);
            after.quote = self.index.slice(&self.doc.text, after.start, after.end).to_string();
            (after.prefix, after.suffix) = (prefix.to_string(), suffix.to_string());
        }
        after.modified = now.to_string();
        Some(Edit::Change(before, Rc::new(after)))
    }

    pub(super) fn update(&mut self, after: Annotation, now: &str) {
        let id = after.id.clone();
        if let Some(edit) = self.changed(after, now) {
            self.commit(edit, now);
            self.selected = Some(id);
        }
    }

    pub(super) fn commit_all(
        &mut self,
        update: Vec<Annotation>,
        remove: Vec<String>,
        meta: Option<Box<Meta>>,
        now: &str,
    ) {
        let mut edits: Vec<Edit> = Vec::new();
        let selected = self.selected.clone();
        // The labels first: an update may use a label the new set brings.
        if let Some(meta) = meta.filter(|m| **m != self.meta()) {
            let edit = Edit::Meta(Rc::new(self.meta()), Rc::new(*meta));
            self.run(&edit, now, false);
            edits.push(edit);
        }
        for after in update {
            if let Some(edit) = self.changed(after, now) {
                self.run(&edit, now, false);
                edits.push(edit);
            }
        }
        for id in remove {
            if let Some(a) = self.get(&id).cloned() {
                let edit = Edit::Remove(a);
                self.run(&edit, now, false);
                edits.push(edit);
            }
        }
        self.selected = selected.filter(|id| self.get(id).is_some());
        if !edits.is_empty() {
            // (Already applied, one by one: each change needs the state the one before left.)
            let edit = if edits.len() == 1 { edits.pop().unwrap_or(Edit::Batch(vec![])) } else { Edit::Batch(edits) };
            self.record(edit);
        }
    }

    pub(super) fn add_many(&mut self, spans: &[(usize, usize)], label: &str, entity: Option<String>, now: &str) {
        let Some(label) = self.label(label).cloned() else { return };
        let mut edits = Vec::with_capacity(spans.len());
        for &(start, end) in spans {
            if start >= end || end > self.index.len() {
                continue;
            }
            let id = self.fresh_id();
            let mut a = self.new_mention(id, start, end, &label, now);
            if entity.is_some() {
                a.entity_ref = entity.clone();
            }
            let edit = Edit::Add(Rc::new(a));
            self.run(&edit, now, false);
            edits.push(edit);
        }
        if !edits.is_empty() {
            self.record(Edit::Batch(edits));
        }
    }

    pub(super) fn reattach(&mut self, id: &str, start: usize, end: usize, now: &str) {
        let Some(o) = self.orphans.iter().find(|o| o.id == id).cloned() else { return };
        if start >= end || end > self.index.len() || self.get(id).is_some() {
            return;
        }
        let Some(label) = self.label(&o.label).cloned() else { return };
        // Made as a new one is (quote and context from the text), keeping what the file gave it.
        let fresh = self.make_annotation(o.id.clone(), start, end, &label, now);
        let a = Annotation {
            quote: fresh.quote,
            prefix: fresh.prefix,
            suffix: fresh.suffix,
            start,
            end,
            modified: now.to_string(),
            ..o
        };
        let mut meta = self.meta();
        Rc::make_mut(&mut meta.orphans).retain(|o| o.id != id);
        let edit = Edit::Batch(vec![Edit::Meta(Rc::new(self.meta()), Rc::new(meta)), Edit::Add(Rc::new(a))]);
        self.commit(edit, now);
        self.selected = Some(id.to_string());
    }

    pub(super) fn add_speaker(&mut self, claim: &str, start: usize, end: usize, label: &str, now: &str) {
        let (Some(c), Some(label)) = (self.get(claim).cloned(), self.label(label).cloned()) else { return };
        if start >= end || end > self.index.len() || label.kind != Kind::Entity {
            return;
        }
        let id = self.fresh_id();
        let mention = Rc::new(self.new_mention(id.clone(), start, end, &label, now));
        let mut after = (*c).clone();
        let fields = after.claim.get_or_insert_with(Claim::default);
        fields.speaker = Some(id);
        fields.speaker_text = mention.quote.clone();
        after.modified = now.to_string();
        let edit = Edit::Batch(vec![Edit::Add(mention), Edit::Change(c, Rc::new(after))]);
        self.commit(edit, now);
        self.selected = Some(claim.to_string());
    }

    /// Every whole-word, case-sensitive occurrence of `a`'s text not yet covered by an
    /// annotation of its label, as code-point spans in document order.
    pub fn occurrences(&self, a: &Annotation) -> Vec<(usize, usize)> {
        occurrences(&self.doc.text, &self.index, self.annotations(), a)
    }

    /// The mentions pointing to entity `id`, in document order.
    pub fn mentions_of(&self, id: &str) -> Vec<Rc<Annotation>> {
        self.annotations().iter().filter(|a| a.entity_ref.as_deref() == Some(id)).cloned().collect()
    }
}

/// Every whole-word, case-sensitive occurrence of `a`'s text in `text` not yet covered by one
/// of `anns` with its label, as code-point spans in document order.
pub fn occurrences(text: &str, index: &TextIndex, anns: &[Rc<Annotation>], a: &Annotation) -> Vec<(usize, usize)> {
    let quote = index.slice(text, a.start, a.end);
    if quote.trim().is_empty() {
        return Vec::new();
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let (first, last) = (quote.chars().next(), quote.chars().next_back());
    let len = quote.chars().count();
    // The label's spans in document order, and the furthest end among the first i of them: a
    // match overlaps one iff the furthest end of those starting before its end passes its start.
    let (mut starts, mut reach) = (Vec::new(), Vec::new());
    for x in anns.iter().filter(|x| x.label == a.label) {
        starts.push(x.start);
        reach.push(reach.last().map_or(x.end, |&r: &usize| r.max(x.end)));
    }
    let mut out = Vec::new();
    // Each place its first byte is, then the rest compared: twice as fast as `match_indices`
    // (a book's whole text is searched), non-overlapping as that is.
    let (bytes, needle) = (text.as_bytes(), quote.as_bytes());
    let mut free = 0;
    let found = memchr::memchr_iter(needle[0], bytes).filter(|&b| {
        let hit = b >= free && bytes[b..].starts_with(needle);
        if hit {
            free = b + needle.len();
        }
        hit
    });
    for b in found {
        let before = text[..b].chars().next_back();
        let after = text[b + quote.len()..].chars().next();
        // A match whose own edges are word characters needs non-word neighbours.
        if (word(first) && word(before)) || (word(last) && word(after)) {
            continue;
        }
        let start = index.byte_to_cp(b);
        let before_end = starts.partition_point(|&s| s < start + len);
        if before_end == 0 || reach[before_end - 1] <= start {
            out.push((start, start + len));
        }
    }
    out
}
