//! Laws of the offset index and of snapping, over random mixed-script text.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::model::snap::{punctuation, snap, Approximate, Clusters};
use article_annotator::model::TextIndex;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 grapheme clusters, as the page's browser finds them.
struct Uax29;

impl Clusters for Uax29 {
    fn starts(&self, line: &str) -> Vec<usize> {
        line.grapheme_indices(true).map(|(i, _)| i).collect()
    }
}

const ALPHABET: &str = "[a-zA-Z0-9 ,.’'\\-😀👩\u{200d}🔬🇧🇪北京市é\u{301}\u{308}\n\t]{0,80}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// UTF-16 ↔ code point ↔ byte conversions agree with a naive count everywhere.
    #[test]
    fn index_agrees_with_naive_counts(text in ALPHABET) {
        let idx = TextIndex::new(&text);
        let chars: Vec<char> = text.chars().collect();
        prop_assert_eq!(idx.len(), chars.len());
        let (mut u, mut b) = (0, 0);
        for (cp, c) in chars.iter().enumerate() {
            prop_assert_eq!(idx.cp_to_utf16(cp), u);
            prop_assert_eq!(idx.utf16_to_cp(u), cp);
            prop_assert_eq!(idx.cp_to_byte(cp), b);
            prop_assert_eq!(idx.byte_to_cp(b), cp);
            u += c.len_utf16();
            b += c.len_utf8();
        }
        prop_assert_eq!(idx.utf16_len(), u);
        prop_assert_eq!(idx.cp_to_byte(chars.len()), b);
        prop_assert_eq!(idx.cp_to_utf16(chars.len() + 5), u, "past the end: the end");
        prop_assert_eq!(idx.byte_to_cp(b + 3), chars.len());
        prop_assert_eq!(idx.utf16_to_cp(u + 3), chars.len());
    }

    /// An offset inside a character (a byte of it past its first, the second unit of a
    /// surrogate pair) rounds down to that character, in long runs of ASCII (read eight bytes
    /// at a time) as in short ones.
    #[test]
    fn offsets_inside_a_character_round_down(text in "([a-z ]{0,40}[é😀北\u{301}]{1,3}){0,12}[a-z]{0,20}") {
        let idx = TextIndex::new(&text);
        let (mut u, mut b) = (0, 0);
        for (cp, c) in text.chars().enumerate() {
            for inner in 0..c.len_utf8() {
                prop_assert_eq!(idx.byte_to_cp(b + inner), cp);
            }
            for inner in 0..c.len_utf16() {
                prop_assert_eq!(idx.utf16_to_cp(u + inner), cp);
            }
            prop_assert_eq!((idx.cp_to_byte(cp), idx.cp_to_utf16(cp)), (b, u));
            u += c.len_utf16();
            b += c.len_utf8();
        }
        prop_assert_eq!((idx.len(), idx.utf16_len()), (text.chars().count(), u));
    }

    /// A snapped span is non-empty, has no outer white space, and starts and ends on
    /// grapheme boundaries; with word snapping it contains the original non-space text.
    #[test]
    fn snapped_spans_are_clean(text in ALPHABET, a in 0usize..90, b in 0usize..90, words in any::<bool>()) {
        let idx = TextIndex::new(&text);
        let (a, b) = (a.min(idx.len()), b.min(idx.len()));
        if let Some((s, e)) = snap(&text, &idx, (a, b), words, &Uax29) {
            prop_assert!(s < e);
            let quote = idx.slice(&text, s, e);
            prop_assert_eq!(quote.trim(), quote);
            let bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
            prop_assert!(bounds.contains(&idx.cp_to_byte(s)));
            prop_assert!(bounds.contains(&idx.cp_to_byte(e)));
            // Every touched cluster that is not white space lies inside the span.
            let (lo, hi) = (idx.cp_to_byte(a.min(b)), idx.cp_to_byte(a.max(b)));
            let (sb, eb) = (idx.cp_to_byte(s), idx.cp_to_byte(e));
            for (i, g) in text.grapheme_indices(true).filter(|(i, g)| *i < hi && lo < i + g.len()) {
                prop_assert!(g.starts_with(char::is_whitespace) || (sb <= i && i + g.len() <= eb), "{:?} left out", g);
            }
        } else {
            // Nothing but white space (possibly carrying combining marks) and punctuation was
            // touched (punctuation alone is no span).
            let (lo, hi) = (idx.cp_to_byte(a.min(b)), idx.cp_to_byte(a.max(b)));
            let touched = text.grapheme_indices(true).filter(|(i, g)| lo < hi && *i < hi && lo < i + g.len());
            for (_, g) in touched {
                prop_assert!(g.starts_with(|c: char| c.is_whitespace() || punctuation(c)), "{:?} was dropped", g);
            }
        }
    }

    /// Without the browser's segmenter, clusters still come out as UAX #29 has them for
    /// accents, emoji sequences and flags, line by line.
    #[test]
    fn approximate_clusters_agree_with_uax29(text in ALPHABET) {
        for line in text.split('\n') {
            prop_assert_eq!(Approximate.starts(line), Uax29.starts(line), "{:?}", line);
        }
    }
}
