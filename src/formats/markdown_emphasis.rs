//! Emphasis in inline Markdown: which runs of `*`, `_` and `~` may open or close it, and the
//! pairing of closers with openers that drops the paired markers.
use super::markdown_inline::run;

/// Openers of emphasis kept waiting for a closer; more stay literal.
const MAX_OPENERS: usize = 256;

/// A piece of a block: text already final, or a run of `*`, `_` or `~` that may be emphasis.
pub(super) enum Tok {
    Text(String),
    Delim { c: u8, n: usize, open: bool, close: bool },
}

/// The run of `*`, `_` or `~` at byte `i` of `s`: its length, and the token it makes when it
/// can open or close emphasis (CommonMark's flanking rules: `2 * 3` neither; an `_` inside a
/// word like `snake_case` neither); `None` when it is literal text.
pub(super) fn delimiter(s: &str, i: usize) -> (usize, Option<Tok>) {
    let c = s.as_bytes()[i];
    let n = run(&s[i..], c);
    let (before, after) = (s[..i].chars().next_back(), s[i + n..].chars().next());
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let left = !space(after) && (!punct(after) || space(before) || punct(before));
    let right = !space(before) && (!punct(before) || space(after) || punct(after));
    let (open, close) = match c {
        b'_' => (left && (!right || punct(before)), right && (!left || punct(after))),
        _ => (left, right),
    };
    let tok = ((open || close) && !(c == b'~' && n > 2)).then_some(Tok::Delim { c, n, open, close });
    (n, tok)
}

/// Pair closers with the nearest opener of the same character and drop the paired markers
/// (strikethrough needs runs of equal length); what stays unpaired is literal text.
pub(super) fn emphasis(toks: &mut [Tok]) {
    let mut openers: Vec<usize> = Vec::new();
    for k in 0..toks.len() {
        let Tok::Delim { c, open, close, .. } = toks[k] else { continue };
        while close && left(&toks[k]) > 0 {
            let wanted = left(&toks[k]);
            let fits =
                |o: &usize| matches!(toks[*o], Tok::Delim { c: oc, n, .. } if oc == c && (c != b'~' || n == wanted));
            let Some(p) = openers.iter().rposition(fits) else { break };
            let o = openers[p];
            let used = match c {
                b'~' => wanted,
                _ if wanted >= 2 && left(&toks[o]) >= 2 => 2,
                _ => 1,
            };
            take(&mut toks[o], used);
            take(&mut toks[k], used);
            openers.truncate(if left(&toks[o]) > 0 { p + 1 } else { p });
        }
        if open && left(&toks[k]) > 0 && openers.len() < MAX_OPENERS {
            openers.push(k);
        }
    }
}

/// The markers left in a token (none in text).
fn left(tok: &Tok) -> usize {
    match tok {
        Tok::Delim { n, .. } => *n,
        Tok::Text(_) => 0,
    }
}

fn take(tok: &mut Tok, used: usize) {
    if let Tok::Delim { n, .. } = tok {
        *n -= used;
    }
}
