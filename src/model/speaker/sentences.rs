//! Sentences, words and quotes over a slice of code points. Character classes use ASCII tests
//! and a few fixed ranges only (no Unicode tables): a non-ASCII character is a word character
//! unless it is a space or punctuation from the ranges below.

/// Space, including no-break and CJK ideographic spaces.
pub(super) fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || matches!(c, '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// Non-ASCII punctuation: Latin-1 symbols, general punctuation (curly quotes, dashes, …), CJK
/// punctuation, fullwidth punctuation, the emoji variation selector.
fn is_punct_nonascii(c: char) -> bool {
    matches!(c, '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2010}'..='\u{206f}' | '\u{3001}'..='\u{303f}'
        | '\u{fe0f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}')
}

/// A character that belongs to a word: ASCII letters and digits, and any other non-ASCII
/// character that is not a space or punctuation (accented letters, CJK, emoji).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_space(c) && !is_punct_nonascii(c))
}

/// Words whose period ends no sentence (compared lower-cased, without the period).
const ABBREVIATIONS: &str = "mr mrs ms dr prof st sr jr gen gov sen rep col lt sgt capt rev hon mt ft vs jan feb \
    mar apr jun jul aug sep sept oct nov dec approx dept fig";

/// True when a period after `word` marks an abbreviation: a single letter (an initial), a word
/// with inner periods ("U.S", "J.D", "e.g"), or one of [`ABBREVIATIONS`].
pub(super) fn is_abbreviation(word: &[char]) -> bool {
    match word {
        [] => false,
        [c] => c.is_ascii_alphabetic(),
        _ if word.contains(&'.') => true,
        _ => {
            let lower: String = word.iter().map(|c| c.to_ascii_lowercase()).collect();
            super::words::is(ABBREVIATIONS, &lower)
        }
    }
}

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»', '」', '』'];

/// True for a character that ends a sentence when followed by space.
pub(super) fn is_terminator(c: char) -> bool {
    TERMINATORS.contains(&c)
}

/// The sentences of `w` as `[start, end)` code point ranges, trimmed of surrounding space.
/// A sentence ends at a line break, or after `. ! ? …` (and closing quotes or brackets) followed
/// by space and a character that is not lower-case, a digit or `, ; :`; a period after an
/// abbreviation ends none. CJK `。！？` end a sentence without a following space.
pub(super) fn sentences(w: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let (mut s, mut e) = (s, e);
        while s < e && is_space(w[s]) {
            s += 1;
        }
        while e > s && is_space(w[e - 1]) {
            e -= 1;
        }
        if s < e {
            out.push((s, e));
        }
    };
    let (mut s, mut i) = (0, 0);
    while i < w.len() {
        let c = w[i];
        if c == '\n' {
            push(s, i);
            s = i + 1;
        } else if is_terminator(c) {
            let mut j = i + 1;
            while j < w.len() && is_terminator(w[j]) {
                j += 1;
            }
            while j < w.len() && CLOSERS.contains(&w[j]) {
                j += 1;
            }
            if ends_sentence(w, i, j) {
                push(s, j);
                s = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(s, w.len());
    out
}

/// Whether the terminator at `i`, with its run of terminators and closers ending at `j`, ends a
/// sentence.
fn ends_sentence(w: &[char], i: usize, j: usize) -> bool {
    if matches!(w[i], '。' | '！' | '？') {
        return true;
    }
    if j < w.len() && !is_space(w[j]) {
        return false;
    }
    let mut k = j;
    while k < w.len() && is_space(w[k]) && w[k] != '\n' {
        k += 1;
    }
    if k < w.len() && (w[k].is_ascii_lowercase() || w[k].is_ascii_digit() || matches!(w[k], ',' | ';' | ':')) {
        return false;
    }
    if w[i] == '.' && (i + 1 == w.len() || w[i + 1] != '.') {
        let mut b = i;
        while b > 0 && (is_word_char(w[b - 1]) || (w[b - 1] == '.' && b >= 2 && is_word_char(w[b - 2]))) {
            b -= 1;
        }
        return !is_abbreviation(&w[b..i]);
    }
    true
}

/// Whether a word starts with an ASCII capital, may be capitalised (starts with a Latin-1 or
/// Latin Extended letter, U+00C0–U+024F, whose case is not looked up), or is neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cap {
    Upper,
    Maybe,
    Lower,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// A possessive `'s` / `’s`.
    Poss,
    Punct(char),
}

/// A word, possessive or punctuation mark at `[s, e)` (code points in the slice); `lc` is the
/// word lower-cased (ASCII only) without a trailing abbreviation period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    pub lc: String,
    pub cap: Cap,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A possessive `'s` starts at `i`: an apostrophe after a word character, then `s`, then no
/// word character.
fn possessive_at(w: &[char], i: usize, to: usize) -> bool {
    i > 0
        && is_apostrophe(w[i])
        && is_word_char(w[i - 1])
        && i + 1 < to
        && matches!(w[i + 1], 's' | 'S')
        && (i + 2 >= to || !is_word_char(w[i + 2]))
}

/// The tokens of `w[from..to]`. A word keeps inner apostrophes, hyphens, periods and `&`
/// ("O'Brien", "Rolls-Royce", "U.S", "AT&T") and an abbreviation's final period ("Mr.").
pub(super) fn tokenize(w: &[char], from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let c = w[i];
        if is_space(c) {
            i += 1;
        } else if is_word_char(c) {
            let s = i;
            i += 1;
            while i < to {
                let joins = i + 1 < to && is_word_char(w[i + 1]) && matches!(w[i], '\'' | '’' | '-' | '.' | '&');
                if is_word_char(w[i]) || (joins && !possessive_at(w, i, to)) {
                    i += 1;
                } else {
                    break;
                }
            }
            let word_end = i;
            if i < to && w[i] == '.' && is_abbreviation(&w[s..i]) {
                i += 1;
            }
            let lc = w[s..word_end].iter().map(|c| c.to_ascii_lowercase()).collect();
            let cap = match c {
                'A'..='Z' => Cap::Upper,
                '\u{c0}'..='\u{24f}' if c != '\u{d7}' && c != '\u{f7}' => Cap::Maybe,
                _ => Cap::Lower,
            };
            out.push(Tok { s, e: i, kind: Kind::Word, lc, cap });
        } else if possessive_at(w, i, to) {
            out.push(Tok { s: i, e: i + 2, kind: Kind::Poss, lc: "'s".into(), cap: Cap::Lower });
            i += 2;
        } else {
            out.push(Tok { s: i, e: i + 1, kind: Kind::Punct(c), lc: String::new(), cap: Cap::Lower });
            i += 1;
        }
    }
    out
}

/// Quotations as pairs of token indices (opening mark, closing mark). Curly and guillemet marks
/// pair directly; a straight `"` opens after space or the start and closes otherwise; `‘` opens,
/// and `’` or `'` closes an open single quote (an apostrophe otherwise); `'` opens only after
/// space and before a word.
pub(super) fn quotes(w: &[char], toks: &[Tok]) -> Vec<(usize, usize)> {
    let (mut double, mut single, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for (k, t) in toks.iter().enumerate() {
        let Kind::Punct(c) = t.kind else { continue };
        let after_space = t.s == 0 || is_space(w[t.s - 1]) || matches!(w[t.s - 1], '(' | '[');
        let before_word = t.s + 1 < w.len() && is_word_char(w[t.s + 1]);
        let open = match c {
            '“' | '«' | '„' => Some(true),
            '”' | '»' => Some(false),
            '"' => Some(after_space && t.s + 1 < w.len() && !is_space(w[t.s + 1])),
            '‘' => Some(true),
            '\'' if after_space && before_word => Some(true),
            '’' | '\'' => Some(false),
            _ => None,
        };
        let stack = if matches!(c, '‘' | '’' | '\'') { &mut single } else { &mut double };
        match open {
            Some(true) => stack.push(k),
            Some(false) => {
                if let Some(o) = stack.pop() {
                    out.push((o, k));
                }
            }
            None => {}
        }
    }
    crate::model::order::by_key(&mut out, |&(o, k)| (o as u64, k as u64));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let w: Vec<char> = text.chars().collect();
        sentences(&w).into_iter().map(|(s, e)| w[s..e].iter().collect()).collect()
    }

    #[test]
    fn splits_on_terminators_and_closing_quotes() {
        assert_eq!(split("One. Two! Three? Four"), ["One.", "Two!", "Three?", "Four"]);
        assert_eq!(split("“We won.” Then we left."), ["“We won.”", "Then we left."]);
        assert_eq!(split("‘Go!’ said Ann. \"No.\" Fine"), ["‘Go!’ said Ann.", "\"No.\"", "Fine"]);
        assert_eq!(split("“Why?” asked Bo. Done"), ["“Why?” asked Bo.", "Done"]);
        assert_eq!(split("Headline\nBody text."), ["Headline", "Body text."]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. It rained."),
            ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "It rained."]
        );
        assert_eq!(
            split("Growth was 5.9% in Oct. 2023. Senator J.D. Vance spoke."),
            ["Growth was 5.9% in Oct. 2023.", "Senator J.D. Vance spoke."]
        );
        assert_eq!(split("Wait... then it rained. Yes"), ["Wait... then it rained.", "Yes"]);
    }

    #[test]
    fn handles_emoji_cjk_and_accents() {
        assert_eq!(
            split("Big news 🎉🎉. Zoë Müller said so 😀! 北京很大。上海也是。Łukasz agreed."),
            ["Big news 🎉🎉.", "Zoë Müller said so 😀!", "北京很大。", "上海也是。", "Łukasz agreed."]
        );
        let w: Vec<char> = "👩\u{200d}🔬 won. Then".chars().collect();
        assert_eq!(sentences(&w), [(0, 8), (9, 13)]);
    }

    #[test]
    fn tokenizes_names_possessives_and_quotes() {
        let text = "“Hi,” said Dr. J.D. O'Brien-Smith of AT&T’s board, Łukasz’ friend.";
        let w: Vec<char> = text.chars().collect();
        let toks = tokenize(&w, 0, w.len());
        let words: Vec<&str> = toks.iter().filter(|t| t.kind != Kind::Punct(',')).map(|t| t.lc.as_str()).collect();
        assert_eq!(
            words,
            [
                "",
                "hi",
                "",
                "said",
                "dr",
                "j.d",
                "o'brien-smith",
                "of",
                "at&t",
                "'s",
                "board",
                "Łukasz",
                "",
                "friend",
                ""
            ]
        );
        let caps: Vec<Cap> = toks.iter().filter(|t| t.kind == Kind::Word).map(|t| t.cap).collect();
        assert_eq!(caps[..4], [Cap::Upper, Cap::Lower, Cap::Upper, Cap::Upper]);
        assert_eq!(caps[caps.len() - 2], Cap::Maybe);
        assert_eq!(quotes(&w, &toks), [(0, 3)]);
        let w: Vec<char> = "He said \"no\" and 'yes' to ‘it’.".chars().collect();
        let toks = tokenize(&w, 0, w.len());
        assert_eq!(quotes(&w, &toks), [(2, 4), (6, 8), (10, 12)]);
    }
}
