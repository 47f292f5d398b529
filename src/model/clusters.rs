//! Where the grapheme clusters of a line start: the question snapping asks, answered by the
//! browser's segmenter or, without one, by `Approximate`; `Remember` keeps the last answer.

/// Where the grapheme clusters (UAX #29) of a line start. The page asks the browser's own
/// segmenter, which carries the Unicode tables already; `Approximate` stands in without one.
pub trait Clusters {
    /// Byte offsets of the cluster starts in `line`, ascending, the first 0 (none if empty).
    fn starts(&self, line: &str) -> Vec<usize>;
}

/// Clusters without the Unicode tables: a code point joins the one before it when it is a
/// combining mark, a joiner, a variation selector, a skin tone or a tag (unless it follows a
/// control character), or when it is a pictograph after a pictograph and a zero width joiner;
/// regional indicators pair up into flags. Right for accents, emoji sequences and flags;
/// scripts with spacing marks or Hangul jamo may be split where UAX #29 would not.
pub struct Approximate;

impl Clusters for Approximate {
    fn starts(&self, line: &str) -> Vec<usize> {
        let pictograph = |c: char| {
            matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
                && !matches!(c as u32, 0x1F1E6..=0x1F1FF | 0x1F3FB..=0x1F3FF)
        };
        let mut out = Vec::new();
        // `emoji`: the cluster so far is a pictograph and marks; `glued`: and then a joiner.
        let (mut prev, mut flags, mut emoji, mut glued) = (None::<char>, 0, false, false);
        for (i, c) in line.char_indices() {
            let zwj = c == '\u{200d}';
            let extends = zwj
                || matches!(c as u32,
                    0x300..=0x36F | 0x483..=0x489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x20D0..=0x20FF
                    | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF);
            let flag = matches!(c as u32, 0x1F1E6..=0x1F1FF);
            flags = if flag { flags + 1 } else { 0 };
            let joins = match prev {
                None => false,
                Some(p) if p.is_control() || c.is_control() => false,
                Some(_) => extends || (glued && pictograph(c)) || (flag && flags % 2 == 0),
            };
            if !joins {
                out.push(i);
            }
            (emoji, glued) = match (joins, zwj) {
                (false, _) => (pictograph(c), false),
                (true, true) => (false, emoji),
                (true, false) if pictograph(c) => (true, false),
                (true, false) => (emoji && extends, false),
            };
            prev = Some(c);
        }
        out
    }
}

type LineStarts = ((usize, usize), Vec<usize>);

/// A `Clusters` that remembers the last line it was asked about: snapping asks about the same
/// line two or three times.
pub(super) struct Remember<'a> {
    seg: &'a dyn Clusters,
    /// The line's byte range and its cluster starts.
    last: std::cell::RefCell<Option<LineStarts>>,
}

impl<'a> Remember<'a> {
    pub(super) fn new(seg: &'a dyn Clusters) -> Self {
        Remember { seg, last: Default::default() }
    }

    /// Cluster starts of the line `text[ls..le]`.
    pub(super) fn starts(&self, text: &str, (ls, le): (usize, usize)) -> Vec<usize> {
        let mut last = self.last.borrow_mut();
        match &*last {
            Some((at, starts)) if *at == (ls, le) => starts.clone(),
            _ => {
                let starts = self.seg.starts(&text[ls..le]);
                *last = Some(((ls, le), starts.clone()));
                starts
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Approximate, Clusters};

    #[test]
    fn approximate_keeps_marks_sequences_and_flags_whole() {
        assert!(Approximate.starts("").is_empty());
        assert_eq!(Approximate.starts("e\u{301}x"), [0, 3]);
        // Two flags (two regional indicators each), then a zero width joiner sequence.
        assert_eq!(Approximate.starts("🇫🇷🇩🇪👩\u{200d}🔬 "), [0, 8, 16, 27]);
        // A mark after a control character starts a cluster of its own.
        assert_eq!(Approximate.starts("\n\u{301}"), [0, 1]);
    }
}
