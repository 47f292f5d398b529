//! CoNLL-2003 with IOB2 tags: one token a line in the four classic columns, a blank line
//! between sentences. Words and sentences come from a `Segmenter`: the browser's
//! Intl.Segmenter, or `Plain`.
use super::foreign::Export;
use super::{label_tokens, slug, token_of};
use crate::model::annotation::Kind;
use crate::model::order::by_key;
use crate::model::state::State;

/// Cuts a text into words and sentences, as byte ranges into it, in order. Words are the
/// word-like segments and each punctuation mark or symbol, white space left out.
pub trait Segmenter {
    fn words(&self, text: &str) -> Vec<(usize, usize)>;
    fn sentences(&self, text: &str) -> Vec<(usize, usize)>;
}

/// A segmenter without language data: words are runs of letters and digits (with their
/// combining marks), any other character a token of its own (an emoji with its modifiers and
/// joined parts, a flag's two letters); sentences end after . ! ? before white space, and at
/// line breaks.
pub struct Plain;

/// Whether `c` belongs to the character before it: combining marks, the zero-width joiner,
/// variation selectors, skin tones and emoji tags.
fn joins(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}' | '\u{fe00}'..='\u{fe0f}' | '\u{200d}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
}

impl Segmenter for Plain {
    fn words(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        // The last character, whether the last token is a word, how many flag letters it has.
        let (mut prev, mut word, mut flags) = (' ', false, 0);
        for (i, c) in text.char_indices() {
            let flag = ('\u{1f1e6}'..='\u{1f1ff}').contains(&c);
            let alnum = c.is_alphanumeric();
            let glue =
                (joins(c) || prev == '\u{200d}' || alnum && word || flag && flags % 2 == 1) && !c.is_whitespace();
            match out.last_mut() {
                Some(t) if glue && t.1 == i => t.1 = i + c.len_utf8(),
                _ if c.is_whitespace() => {}
                _ => {
                    out.push((i, i + c.len_utf8()));
                    (word, flags) = (alnum, 0);
                }
            }
            flags += flag as usize;
            prev = c;
        }
        out
    }

    fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
        let (mut out, mut start) = (Vec::new(), 0);
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let spaced = it.peek().is_none_or(|&(_, n)| n.is_whitespace());
            let end = match c {
                '\n' => i,
                '.' | '!' | '?' if spaced => i + 1,
                _ => continue,
            };
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = end;
        }
        if !text[start..].trim().is_empty() {
            out.push((start, text.len()));
        }
        out
    }
}

/// The document's entities in CoNLL-2003 IOB2 (`token -X- -X- B-PERSON`). A token is in a span
/// when they share a character; of spans sharing a token the outermost (longest, then
/// earliest) is kept. Claims are left out.
pub fn export(state: &State, seg: &dyn Segmenter) -> Export {
    let (text, index) = (&state.doc.text, &state.index);
    let ok =
        |&(a, b): &(usize, usize)| a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b);
    let (mut words, mut cps) = (Vec::new(), Vec::new());
    for w in seg.words(text) {
        if ok(&w) && !text[w.0..w.1].trim().is_empty() {
            words.push(w);
            cps.push((index.byte_to_cp(w.0), index.byte_to_cp(w.1)));
        }
    }
    let types = label_tokens(state);
    let mut spans = Vec::new();
    for a in state.annotations().iter().filter(|a| a.kind == Kind::Entity) {
        spans.push(a);
    }
    let claims = state.annotations().len() - spans.len();
    by_key(&mut spans, |a| (u64::MAX - (a.end - a.start) as u64, a.start as u64));
    // The kept span (1-based, in `kept`) that owns each token.
    let (mut owner, mut kept) = (vec![0; words.len()], Vec::new());
    let (mut nested, mut empty) = (0, 0);
    for a in spans {
        let first = cps.partition_point(|t| t.1 <= a.start);
        let tokens = first..cps.partition_point(|t| t.0 < a.end).max(first);
        if tokens.is_empty() {
            empty += 1;
        } else if owner[tokens.clone()].iter().any(|&k| k > 0) {
            nested += 1;
        } else {
            kept.push(token_of(&types, &a.label));
            owner[tokens].fill(kept.len());
        }
    }
    let sentences = seg.sentences(text);
    let mut out = String::from("-DOCSTART- -X- -X- O\n\n");
    let (mut s, mut split, mut last_split) = (0, 0, 0);
    for (i, &(a, b)) in words.iter().enumerate() {
        let before = sentences.partition_point(|x| x.1 <= a).max(s);
        let new_sentence = i > 0 && before != s;
        if new_sentence {
            out.push('\n');
        }
        s = before;
        for c in text[a..b].chars() {
            out.push(if c.is_whitespace() { '_' } else { c });
        }
        out.push_str(" -X- -X- ");
        match owner[i] {
            0 => out.push('O'),
            k => {
                let inside = i > 0 && owner[i - 1] == k;
                if inside && new_sentence && last_split != k {
                    (split, last_split) = (split + 1, k);
                }
                out.push_str(if inside && !new_sentence { "I-" } else { "B-" });
                out.push_str(kept[k - 1]);
            }
        }
        out.push('\n');
    }
    if !words.is_empty() {
        out.push('\n');
    }
    let left_out = super::left_out(&[
        (nested, "overlapping span", "overlapping spans", ": CoNLL keeps the outermost of each nest"),
        (claims, "claim", "claims", ": CoNLL carries entities only"),
        (empty, "span", "spans", " over no whole word: CoNLL tags words"),
        (split, "span", "spans", " across a sentence break: tagged as one entity per sentence"),
    ]);
    Export { name: format!("{}.conll", slug(&state.doc.title)), mime: "text/plain", bytes: out.into_bytes(), left_out }
}
