//! The annotations kept in document order and found at once: by id, by the blocks they
//! touch and by label; and put in or taken out keeping all three.
use super::State;
use crate::model::annotation::Annotation;
use crate::model::labels::{self, Label};
use crate::model::layout;
use std::rc::Rc;

impl State {
    /// Count the annotations of each label afresh.
    pub(super) fn recount(&mut self) {
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

    pub(super) fn count(&mut self, label: &str, up: bool) {
        if let Some(i) = self.labels.iter().position(|l| l.id == label) {
            let n = &mut Rc::make_mut(&mut self.counts)[i];
            *n = if up { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    pub(super) fn fill_buckets(&mut self) {
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
    pub(super) fn refill(&mut self, a: &Rc<Annotation>, put: bool) {
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
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        let (h, mut from) = (id_hash(id), 0);
        while let Some(k) = self.ids[from..].iter().position(|&x| x == h) {
            if self.anns[from + k].id == id {
                return Some(from + k);
            }
            from += k + 1;
        }
        None
    }

    /// The annotation over exactly `[start, end)` with label `label`, if there is one.
    pub fn duplicate(&self, start: usize, end: usize, label: &str) -> Option<&Rc<Annotation>> {
        let from = self.anns.partition_point(|a| a.start < start);
        self.anns[from..].iter().take_while(|a| a.start == start).find(|a| a.end == end && a.label == label)
    }

    /// The label with this id.
    pub fn label(&self, id: &str) -> Option<&Label> {
        labels::find(&self.labels, id)
    }

    /// The annotations covering code point `cp`, innermost (shortest) first.
    pub fn annotations_at(&self, cp: usize) -> Vec<Rc<Annotation>> {
        let i = layout::blocks_touching(&self.blocks, cp, cp + 1).start;
        let mut out: Vec<_> = self.bucket(i).iter().filter(|a| a.start <= cp && cp < a.end).cloned().collect();
        crate::model::order::by_key(&mut out, |a| ((a.end - a.start) as u64, a.start as u64));
        out
    }

    pub(super) fn insert(&mut self, a: Rc<Annotation>) {
        let pos = self.anns.partition_point(|x| x.order_key() < a.order_key());
        self.count(&a.label, true);
        self.refill(&a, true);
        Rc::make_mut(&mut self.ids).insert(pos, id_hash(&a.id));
        Rc::make_mut(&mut self.anns).insert(pos, a);
    }

    pub(super) fn remove(&mut self, id: &str) -> Option<Rc<Annotation>> {
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
}

/// FNV-1a of an annotation's id (see `State::ids`).
pub(super) fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
