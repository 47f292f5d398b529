//! What a document being read in slices gives the first screen before it is all read: whether
//! the annotations it shows are in, where its blocks start, its text, and what is read so far.
use super::{Past, Slices};
use crate::formats::native::Imported;
use crate::formats::native_check::keep;
use crate::model::state::Snapshot;

impl Slices {
    /// Whether every annotation that touches the text before code point `at`, to the end of
    /// its line, has been read: those so far came in document order (the order the app writes
    /// them in) and the last starts past that line. (A file whose later records turn out out of
    /// order is still read whole; only what is shown first can miss one of them.)
    pub fn read_before(&self, at: usize) -> bool {
        // (Past the list, the whole is a step or two away: it is what is shown.)
        if !self.indexed || !self.ordered || self.past != Past::No {
            return false;
        }
        self.last >= self.line_end(at)
    }

    /// Where block `n` (the `n`th line that is not blank, as the article draws them) starts, in
    /// code points (0 past the last); `None` until the text is indexed.
    pub fn block_start(&self, n: usize) -> Option<usize> {
        let text = &self.out.snapshot.doc.text;
        let blocks = self.indexed.then(|| crate::model::layout::blocks(text, &self.out.index))?;
        Some(blocks.get(n).map_or(0, |b| b.start))
    }

    /// The text and its index, once indexed.
    pub fn text(&self) -> Option<(&str, &crate::model::TextIndex)> {
        self.indexed.then_some((self.out.snapshot.doc.text.as_str(), &*self.out.index))
    }

    /// The end of the line holding code point `at` (the end of the text past it).
    pub(super) fn line_end(&self, at: usize) -> usize {
        let (text, index) = (&self.out.snapshot.doc.text, &self.out.index);
        let from = index.cp_to_byte(at);
        text[from..].find('\n').map_or(index.len(), |n| index.byte_to_cp(from + n))
    }

    /// What has been read so far, checked as the whole will be: the document, its labels,
    /// entities and scale, and the annotations read (no relations: they come after them).
    pub fn partial(&self) -> Imported {
        let o = &self.out;
        let mut out = Imported {
            snapshot: Snapshot {
                doc: o.snapshot.doc.clone(),
                labels: o.snapshot.labels.clone(),
                entities: o.snapshot.entities.clone(),
                scale: o.snapshot.scale.clone(),
                ..Snapshot::default()
            },
            failed: Vec::new(),
            reanchored: 0,
            index: o.index.clone(),
        };
        keep(&mut out, self.checked.clone());
        out
    }
}
