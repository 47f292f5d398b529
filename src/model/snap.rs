//! Turning a raw selection into a clean span: trimmed of white space, never ending inside a
//! character or grapheme cluster, and (by default) grown to whole words.
use super::clusters::Remember;
pub use super::clusters::{Approximate, Clusters};
use super::text::TextIndex;

/// Lines longer than four times this many bytes are looked at only around the offset in
/// question (a paragraph pasted from a PDF can be a book long, and its clusters would cost a
/// mouse-up tens of milliseconds): from a space at least this far before it to one at least
/// this far after it.
const NEAR: usize = 1024;

/// The byte range of the line holding byte `b`; in a long line, the stretch of it around `b`
/// cut just before spaces (a boundary of clusters and of words alike).
fn line_at(text: &str, b: usize) -> (usize, usize) {
    let mut start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let mut end = text[b..].find('\n').map_or(text.len(), |i| b + i);
    if end - start > 4 * NEAR {
        let bytes = text.as_bytes();
        if b >= start + NEAR {
            if let Some(i) = bytes[start..b - NEAR].iter().rposition(|&c| c == b' ') {
                start += i;
            }
        }
        if b + NEAR < end {
            if let Some(i) = bytes[b + NEAR..end].iter().position(|&c| c == b' ') {
                end = b + NEAR + i;
            }
        }
    }
    (start, end)
}

/// How a grapheme cluster takes part in words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Letters and digits (with any marks on them).
    Word,
    /// Chinese and Japanese characters: each one is a word of its own, as in UAX #29.
    Ideograph,
    /// Apostrophes and points that join two word clusters ("China’s", "3.5", "U.S").
    Joiner,
    Other,
}

fn class(cluster: &str) -> Class {
    let c = cluster.chars().next().unwrap_or(' ');
    let ideograph =
        matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F);
    if ideograph {
        Class::Ideograph
    } else if c.is_alphanumeric() {
        Class::Word
    } else if matches!(c, '\'' | '’' | '.' | ',' | '·') {
        Class::Joiner
    } else {
        Class::Other
    }
}

/// True when the boundary between clusters `k - 1` and `k` lies inside a word.
fn inside_word(classes: &[Class], k: usize) -> bool {
    use Class::{Joiner, Word};
    let at = |i: usize| classes.get(i).copied();
    match (k.checked_sub(1).and_then(at), at(k)) {
        (Some(Word), Some(Word)) => true,
        (Some(Word), Some(Joiner)) => at(k + 1) == Some(Word),
        (Some(Joiner), Some(Word)) => k >= 2 && at(k - 2) == Some(Word),
        _ => false,
    }
}

/// Move `b` to the start (or, with `forward`, the end) of the cluster or word holding it.
fn widen(text: &str, b: usize, forward: bool, words: bool, seg: &Remember) -> usize {
    let (ls, le) = line_at(text, b);
    let line = &text[ls..le];
    let rel = b - ls;
    let starts = seg.starts(text, (ls, le));
    let ends = starts.iter().skip(1).copied().chain([line.len()]);
    let clusters: Vec<(usize, &str)> = starts.iter().zip(ends).map(|(&i, e)| (i, &line[i..e])).collect();
    // The cluster boundary at or around `rel`: k is the index of the cluster starting there.
    let mut k = clusters.partition_point(|(i, _)| *i < rel);
    if k > 0 && clusters.get(k).is_none_or(|(i, _)| *i != rel) && rel < line.len() {
        let (i, g) = clusters[k - 1];
        if rel < i + g.len() {
            k = if forward { k } else { k - 1 };
        }
    }
    if words {
        let classes: Vec<Class> = clusters.iter().map(|(_, g)| class(g)).collect();
        while k > 0 && k < clusters.len() && inside_word(&classes, k) {
            if forward {
                k += 1;
            } else {
                k -= 1;
            }
        }
    }
    ls + clusters.get(k).map_or(line.len(), |(i, _)| *i)
}

/// Clean up a selection `[start, end)` in code points. Returns `None` when nothing but white
/// space was selected.
pub fn snap(
    text: &str,
    index: &TextIndex,
    (start, end): (usize, usize),
    words: bool,
    seg: &dyn Clusters,
) -> Option<(usize, usize)> {
    let (start, end) = (start.min(end), start.max(end).min(index.len()));
    let mut sb = index.cp_to_byte(start);
    let mut eb = index.cp_to_byte(end);
    let trim = |sb: &mut usize, eb: &mut usize| {
        let inner = &text[*sb..*eb];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead == inner.len() {
            *eb = *sb;
        } else {
            *sb += lead;
            *eb -= trail;
        }
    };
    trim(&mut sb, &mut eb);
    if sb >= eb {
        return None;
    }
    let seg = &Remember::new(seg);
    sb = widen(text, sb, false, words, seg);
    eb = widen(text, eb, true, words, seg);
    trim(&mut sb, &mut eb);
    // Marks sitting on white space: trimming left the start inside such a cluster, so skip it.
    loop {
        let after = widen(text, sb, true, false, seg);
        if after == sb || sb >= eb {
            break;
        }
        sb = after.min(eb);
        trim(&mut sb, &mut eb);
    }
    // Punctuation alone (a lone comma, a dash) is no span.
    let named = text[sb..eb].chars().any(|c| !punctuation(c) && !c.is_whitespace());
    (sb < eb && named).then(|| (index.byte_to_cp(sb), index.byte_to_cp(eb)))
}

/// Punctuation of Unicode's P categories in the blocks news text uses: ASCII, Latin-1, general
/// and CJK punctuation, and the fullwidth forms (symbols such as `$`, `+` or `€` are not).
pub fn punctuation(c: char) -> bool {
    matches!(c, '!'..='#' | '%'..='*' | ','..='/' | ':' | ';' | '?' | '@' | '['..=']' | '_' | '{' | '}')
        || matches!(c as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003
            | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B
            | 0xFF1F | 0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

/// The word at the caret `cp` (code points), or the one just before it when the caret follows
/// a word: what a label key tags when nothing is selected.
pub fn word_at(text: &str, index: &TextIndex, cp: usize, seg: &dyn Clusters) -> Option<(usize, usize)> {
    let len = index.len();
    let around = |s: usize, e: usize| snap(text, index, (s, e), true, seg).filter(|&(s, e)| s <= cp && cp <= e);
    (cp < len).then(|| around(cp, cp + 1)).flatten().or_else(|| cp.checked_sub(1).and_then(|b| around(b, cp)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, s: usize, e: usize, words: bool) -> Option<String> {
        let idx = TextIndex::new(text);
        snap(text, &idx, (s, e), words, &Approximate).map(|(a, b)| idx.slice(text, a, b).to_string())
    }

    #[test]
    fn trims_and_grows_to_words() {
        let t = "President Xi Jinping and his counterpart";
        assert_eq!(run(t, 9, 21, true).as_deref(), Some("Xi Jinping"));
        assert_eq!(run(t, 11, 15, true).as_deref(), Some("Xi Jinping"));
        assert_eq!(run(t, 13, 16, false).as_deref(), Some("Jin"));
        assert_eq!(run(t, 9, 10, true), None);
    }

    #[test]
    fn punctuation_alone_is_refused() {
        let t = "Minsk, Belarus — «Да» 「北京」 costs $5 …";
        for (s, e) in [(5, 6), (5, 7), (14, 17), (17, 18), (20, 21), (22, 23), (25, 26), (36, 37)] {
            assert_eq!(run(t, s, e, false), None, "{s}..{e}");
        }
        assert_eq!(run(t, 33, 34, false).as_deref(), Some("$"));
        assert_eq!(run("A\t😀a😀\u{308}’\t", 6, 7, false), None, "a lone apostrophe");
        assert_eq!(run(t, 4, 6, true).as_deref(), Some("Minsk,"));
    }

    #[test]
    fn the_word_at_the_caret() {
        let t = "Xi met Lukashenko, then 北京.";
        let idx = TextIndex::new(t);
        let at = |cp| word_at(t, &idx, cp, &Approximate).map(|(a, b)| idx.slice(t, a, b).to_string());
        assert_eq!(at(9).as_deref(), Some("Lukashenko"));
        assert_eq!(at(7).as_deref(), Some("Lukashenko"));
        assert_eq!(at(17).as_deref(), Some("Lukashenko"), "right after the word");
        assert_eq!(at(24).as_deref(), Some("北"));
        assert_eq!(at(26).as_deref(), Some("京"), "on the full stop after the last word");
        assert_eq!(at(27), None, "after the full stop");
        assert_eq!(at(0).as_deref(), Some("Xi"));
    }

    #[test]
    fn keeps_apostrophes_and_splits_hyphens() {
        let t = "Xi expressed China’s will at the China-Belarus Park";
        assert_eq!(run(t, 14, 16, true).as_deref(), Some("China’s"));
        assert_eq!(run(t, 36, 40, true).as_deref(), Some("China-Belarus"));
    }

    #[test]
    fn numbers_and_abbreviations_stay_whole_and_ideographs_stand_alone() {
        let t = "GDP grew 3.5 percent in the U.S. last year, to 1,000 北京市长 said.";
        assert_eq!(run(t, 10, 11, true).as_deref(), Some("3.5"));
        assert_eq!(run(t, 29, 30, true).as_deref(), Some("U.S"));
        assert_eq!(run(t, 49, 50, true).as_deref(), Some("1,000"));
        assert_eq!(run(t, 54, 55, true).as_deref(), Some("京"));
        assert_eq!(run(t, 39, 41, true).as_deref(), Some("year"));
    }

    #[test]
    fn never_splits_emoji_or_combining_marks() {
        let t = "cafe\u{301} 👩\u{200d}🔬 北京市";
        // End between 'e' and its combining accent grows over the accent.
        assert_eq!(run(t, 0, 4, false).as_deref(), Some("cafe\u{301}"));
        // Start inside the ZWJ sequence moves back to its first code point.
        assert_eq!(run(t, 7, 9, false).as_deref(), Some("👩\u{200d}🔬"));
        assert_eq!(run(t, 10, 11, true).as_deref(), Some("北"));
    }

    #[test]
    fn skips_marks_sitting_on_white_space() {
        assert_eq!(run(" \u{301}", 0, 2, false), None);
        assert_eq!(run(" \u{301}ab", 0, 4, false).as_deref(), Some("ab"));
    }

    #[test]
    fn crosses_lines() {
        let t = "first line\nsecond line";
        assert_eq!(run(t, 7, 14, true).as_deref(), Some("line\nsecond"));
    }

    /// Counts the longest line it is asked about.
    struct Widest(std::cell::Cell<usize>);
    impl Clusters for Widest {
        fn starts(&self, line: &str) -> Vec<usize> {
            self.0.set(self.0.get().max(line.len()));
            Approximate.starts(line)
        }
    }

    #[test]
    fn a_long_line_is_looked_at_only_around_the_selection() {
        let mut t = "word ".repeat(3000);
        t.push_str("Zhongnanhai cafe\u{301} ");
        t.push_str(&"more ".repeat(3000));
        let idx = TextIndex::new(&t);
        let at = 15_000;
        let seg = Widest(std::cell::Cell::new(0));
        let got = snap(&t, &idx, (at + 2, at + 14), true, &seg).map(|(s, e)| idx.slice(&t, s, e).to_string());
        assert_eq!(got.as_deref(), Some("Zhongnanhai cafe\u{301}"));
        assert!(seg.0.get() <= 2 * NEAR + 8, "asked about {} bytes", seg.0.get());
        // The same selection in a short line snaps the same.
        let short = "word Zhongnanhai cafe\u{301} more";
        assert_eq!(run(short, 7, 19, true).as_deref(), Some("Zhongnanhai cafe\u{301}"));
    }
}
