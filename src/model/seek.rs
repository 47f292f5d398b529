//! Where the keyboard moves a span's edge: a word further or back, in code points.
use super::text::TextIndex;

/// Part of a word: letters and digits, and the marks on them.
fn wordy(c: char) -> bool {
    c.is_alphanumeric() || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// A span's edge at `cp` moved by a word: `later` moves it towards the end of the text. An end
/// edge lands just after a word, a start edge just before one; at the text's edge it stays.
pub fn word_step(text: &str, index: &TextIndex, cp: usize, later: bool, end: bool) -> usize {
    let b = index.cp_to_byte(cp.min(index.len()));
    let at = if later {
        let rest = &text[b..];
        let skip = |s: &str, word: bool| s.find(|c: char| wordy(c) != word).unwrap_or(s.len());
        // An end: over the gap, then the word. A start: over the word, then the gap.
        let first = skip(rest, !end);
        b + first + skip(&rest[first..], end)
    } else {
        let head = &text[..b];
        let back = |s: &str, word: bool| {
            s.rfind(|c: char| wordy(c) != word).map_or(0, |i| i + s[i..].chars().next().map_or(0, char::len_utf8))
        };
        // A start: back over the gap, then the word. An end: back over the word, then the gap.
        let first = back(head, end);
        back(&head[..first], !end)
    };
    index.byte_to_cp(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_move_by_words() {
        let t = "Xi met Lukashenko, then Rene\u{301}e 😀 smiled.";
        let idx = TextIndex::new(t);
        let step = |cp, later, end| word_step(t, &idx, cp, later, end);
        // End of "met" (6): later → after "Lukashenko" (17); back → after "Xi" (2).
        assert_eq!(step(6, true, true), 17);
        assert_eq!(step(6, false, true), 2);
        // Start of "Lukashenko" (7): back → "met" (3); later → "then" (19).
        assert_eq!(step(7, false, false), 3);
        assert_eq!(step(7, true, false), 19);
        // A combining mark belongs to its word; an emoji is no word.
        assert_eq!(step(23, true, true), 30);
        assert_eq!(step(30, true, true), 39);
        // At the text's edges.
        assert_eq!(step(0, false, false), 0);
        assert_eq!(step(40, true, true), 40);
    }
}
