//! Turning a raw selection into a clean span: trimmed of white space, never ending inside a
//! character or grapheme cluster, and (by default) grown to whole words.
use super::text::TextIndex;
use unicode_segmentation::UnicodeSegmentation;

/// The byte range of the line holding byte `b`.
fn line_at(text: &str, b: usize) -> (usize, usize) {
    let start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let end = text[b..].find('\n').map_or(text.len(), |i| b + i);
    (start, end)
}

/// Move `b` to the start (or, with `forward`, the end) of the cluster or word holding it.
fn widen(text: &str, b: usize, forward: bool, words: bool) -> usize {
    let (ls, le) = line_at(text, b);
    let line = &text[ls..le];
    let rel = b - ls;
    let mut out = rel;
    for (i, g) in line.grapheme_indices(true) {
        if i < rel && rel < i + g.len() {
            out = if forward { i + g.len() } else { i };
        }
    }
    if words {
        for (i, w) in line.split_word_bound_indices() {
            let is_word = w.chars().any(char::is_alphanumeric);
            if is_word && i < out && out < i + w.len() {
                out = if forward { i + w.len() } else { i };
            }
        }
    }
    ls + out
}

/// Clean up a selection `[start, end)` in code points. Returns `None` when nothing but white
/// space was selected.
pub fn snap(text: &str, index: &TextIndex, start: usize, end: usize, words: bool) -> Option<(usize, usize)> {
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
    sb = widen(text, sb, false, words);
    eb = widen(text, eb, true, words);
    trim(&mut sb, &mut eb);
    // Marks sitting on white space: trimming left the start inside such a cluster, so skip it.
    loop {
        let after = widen(text, sb, true, false);
        if after == sb || sb >= eb {
            break;
        }
        sb = after.min(eb);
        trim(&mut sb, &mut eb);
    }
    (sb < eb).then(|| (index.byte_to_cp(sb), index.byte_to_cp(eb)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, s: usize, e: usize, words: bool) -> Option<String> {
        let idx = TextIndex::new(text);
        snap(text, &idx, s, e, words).map(|(a, b)| idx.slice(text, a, b).to_string())
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
    fn keeps_apostrophes_and_splits_hyphens() {
        let t = "Xi expressed China’s will at the China-Belarus Park";
        assert_eq!(run(t, 14, 16, true).as_deref(), Some("China’s"));
        assert_eq!(run(t, 36, 40, true).as_deref(), Some("China-Belarus"));
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
}
