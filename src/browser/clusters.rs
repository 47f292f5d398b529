//! Grapheme clusters from the browser's `Intl.Segmenter`, which carries the Unicode tables
//! the page would otherwise have to ship.
use crate::model::snap::{Approximate, Clusters};

use super::page::{cluster_starts, warm_intl};

/// Make the segmenter ready: the browser's first one costs 20–60 ms and its first long line a
/// few more, which belong in an idle moment, not in the mouse-up that ends a selection. A worker
/// makes one first (`warm_intl`), so that even that moment has no long task: the page's own
/// then costs under a millisecond.
pub fn warm() {
    warm_intl(&super::dom::once_js(Box::new(|| {
        let sample = "Minsk, 12 May — leaders’ talks 北京 café\u{301} 👩\u{200d}🔬 🇧🇾 3.5 % ";
        cluster_starts(&sample.repeat(8));
    })));
}

/// The browser's segmenter; `Approximate` where there is none.
pub struct Browser;

impl Clusters for Browser {
    fn starts(&self, line: &str) -> Vec<usize> {
        let utf16 = cluster_starts(line);
        if utf16.is_empty() && !line.is_empty() {
            return Approximate.starts(line);
        }
        let mut out = utf16_to_bytes(line, &utf16);
        out.dedup();
        out
    }
}

/// Byte offsets into `text` of ascending UTF-16 offsets (one pass over the text; an offset
/// inside a surrogate pair goes to the next character, one past the end to the end).
pub(super) fn utf16_to_bytes(text: &str, utf16: &[u32]) -> Vec<usize> {
    let mut out = Vec::with_capacity(utf16.len());
    let mut wanted = utf16.iter().map(|&u| u as usize).peekable();
    let mut u = 0;
    for (b, c) in text.char_indices() {
        while wanted.next_if(|&w| w <= u).is_some() {
            out.push(b);
        }
        u += c.len_utf16();
    }
    out.extend(wanted.map(|_| text.len()));
    out
}
