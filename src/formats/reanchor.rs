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
