//! Finding an annotation again in its text: the context around a span, and a quote looked
//! for where it moved.
use crate::model::annotation::{Annotation, CONTEXT};
use crate::model::text::TextIndex;

/// The context an annotation at `[start, end)` has in the text: up to `CONTEXT` code points
/// on each side.
pub fn context<'t>(text: &'t str, index: &TextIndex, start: usize, end: usize) -> (&'t str, &'t str) {
    let before = index.slice(text, start.saturating_sub(CONTEXT), start);
    let after = index.slice(text, end, (end + CONTEXT).min(index.len()));
    (before, after)
}

/// Records without context (other tools' files, or compact storage) get it from the text.
pub(super) fn fill_context(a: &mut Annotation, text: &str, index: &TextIndex) {
    let (before, after) = context(text, index, a.start, a.end);
    if a.prefix.is_empty() {
        a.prefix = before.to_string();
    }
    if a.suffix.is_empty() {
        a.suffix = after.to_string();
    }
}

pub(super) fn short(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Find an annotation's quote again: prefer an occurrence with matching context, then the
/// one nearest its old position.
pub fn reanchor(text: &str, index: &TextIndex, a: &Annotation) -> Option<(usize, usize)> {
    if a.quote.is_empty() {
        return None;
    }
    let qlen = a.quote.chars().count();
    let score = |b: usize| {
        let before = text[..b].ends_with(a.prefix.as_str()) && !a.prefix.is_empty();
        let after = text[b + a.quote.len()..].starts_with(a.suffix.as_str()) && !a.suffix.is_empty();
        let start = index.byte_to_cp(b);
        (std::cmp::Reverse(before as u8 + after as u8), start.abs_diff(a.start), start)
    };
    let best = text.match_indices(a.quote.as_str()).map(|(b, _)| b).min_by_key(|&b| score(b))?;
    let start = index.byte_to_cp(best);
    Some((start, start + qlen))
}

/// Where a span of a file lands in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Landing {
    /// At the file's own position (counted in code points, or converted from UTF-16 units).
    Kept(usize, usize),
    /// Moved to where its quote (or a close match of it) stands.
    Moved(usize, usize),
    /// Nowhere: kept as orphaned.
    Lost,
}

/// Place a span of a file: at its position when the quote is the text there (positions
/// counted in code points, or in UTF-16 units when `utf16` allows), else by quote with prefix
/// and suffix nearest the old position, else by an approximate match of the quote.
pub fn land(text: &str, index: &TextIndex, a: &Annotation, utf16: Option<bool>) -> Landing {
    let len = index.len();
    let fits = |s: usize, e: usize| s < e && e <= len && (a.quote.is_empty() || index.slice(text, s, e) == a.quote);
    // `None`: code points only; `Some(false)`: either (code points first); `Some(true)`: UTF-16.
    if utf16 != Some(true) && fits(a.start, a.end) {
        return Landing::Kept(a.start, a.end);
    }
    if utf16.is_some() && a.end <= index.utf16_len() {
        let (s, e) = (index.utf16_to_cp(a.start), index.utf16_to_cp(a.end));
        if index.cp_to_utf16(s) == a.start && index.cp_to_utf16(e) == a.end && fits(s, e) {
            return Landing::Kept(s, e);
        }
    }
    if let Some((s, e)) = reanchor(text, index, a).or_else(|| approximate(text, index, a)) {
        return Landing::Moved(s, e);
    }
    Landing::Lost
}

/// The longest quote looked for approximately, in code points.
const APPROX_MAX: usize = 200;
/// How far around its old position an approximate match is looked for, in code points (the
/// whole text when it is shorter than this).
const APPROX_REACH: usize = 20_000;

/// The span of the text nearest the old position whose edit distance to the quote is
/// smallest and at most a fifth of its length (Sellers' algorithm: the match may start
/// anywhere). Quotes of fewer than 5 code points or more than `APPROX_MAX` are not matched.
pub fn approximate(text: &str, index: &TextIndex, a: &Annotation) -> Option<(usize, usize)> {
    let q: Vec<char> = a.quote.chars().collect();
    if q.len() < 5 || q.len() > APPROX_MAX {
        return None;
    }
    let limit = q.len() / 5;
    let from = a.start.min(index.len()).saturating_sub(APPROX_REACH);
    let to = (a.start + APPROX_REACH).min(index.len());
    let window: Vec<char> = index.slice(text, from, to).chars().collect();
    // col[i]: the distance between q[..i] and the best text span ending at the current char;
    // start[i]: where that span starts.
    let mut col: Vec<usize> = (0..=q.len()).collect();
    let mut start: Vec<usize> = vec![0; q.len() + 1];
    let mut best: Option<(usize, usize, usize)> = None; // (distance, start, end) in the window
    for (j, &c) in window.iter().enumerate() {
        let (mut diag, mut diag_start) = (0, j);
        col[0] = 0;
        start[0] = j + 1;
        for i in 1..=q.len() {
            let (up, up_start) = (col[i], start[i]);
            let sub = diag + usize::from(q[i - 1] != c);
            let (d, s) = if sub <= up + 1 && sub <= col[i - 1] + 1 {
                (sub, diag_start)
            } else if up <= col[i - 1] {
                (up + 1, up_start)
            } else {
                (col[i - 1] + 1, start[i - 1])
            };
            (diag, diag_start) = (up, up_start);
            col[i] = d;
            start[i] = s;
        }
        let d = col[q.len()];
        let near = |s: usize| (from + s).abs_diff(a.start);
        if d <= limit && best.is_none_or(|(bd, bs, _)| d < bd || (d == bd && near(start[q.len()]) < near(bs))) {
            best = Some((d, start[q.len()], j + 1));
        }
    }
    best.map(|(_, s, e)| (from + s, from + e)).filter(|(s, e)| s < e)
}
