//! What one line of Markdown is: its block-quote depth and indentation, and whether it is a
//! heading, a fence, a rule, a list item, a table row or a reference definition.
use super::markdown_inline::label_key;

/// Strip up to `max` block-quote markers (`>`), giving the depth and the rest, leading tabs
/// expanded to spaces (to 4-column stops) so that indentation is counted in columns.
pub(super) fn unquote(line: &str, max: usize) -> (usize, String) {
    let (mut depth, mut rest) = (0, line);
    while depth < max {
        let t = rest.trim_start_matches(' ');
        match t.strip_prefix('>') {
            Some(r) if rest.len() - t.len() <= 3 => rest = r.strip_prefix(' ').unwrap_or(r),
            _ => break,
        }
        depth += 1;
    }
    let body = rest.trim_start_matches([' ', '\t']);
    let cols = rest[..rest.len() - body.len()].chars().fold(0, |c, ch| if ch == '\t' { c + 4 - c % 4 } else { c + 1 });
    (depth, indented(cols, body))
}

/// `line` after `cols` spaces.
pub(super) fn indented(cols: usize, line: &str) -> String {
    let mut out: String = std::iter::repeat_n(' ', cols).collect();
    out.push_str(line);
    out
}

/// Whether `t` continues a paragraph rather than starting a block of its own.
pub(super) fn plain(t: &str) -> bool {
    atx(t).is_none() && fence_open(t).is_none() && !is_hr(t) && list_item(t).is_none()
}

/// An ATX heading's content: `## Title ##` gives `Title`.
pub(super) fn atx(t: &str) -> Option<&str> {
    let n = t.bytes().take_while(|&b| b == b'#').count();
    let rest = t[n..].trim_end();
    if n == 0 || n > 6 || !(t.len() == n || t[n..].starts_with([' ', '\t'])) {
        return None;
    }
    let bare = rest.trim_end_matches('#');
    Some(if bare.is_empty() || bare.ends_with([' ', '\t']) { bare } else { rest }.trim())
}

/// An opening code fence (three or more backticks or tildes): its character and length.
pub(super) fn fence_open(t: &str) -> Option<(u8, usize)> {
    let ch = *t.as_bytes().first().filter(|&&b| b == b'`' || b == b'~')?;
    let n = t.bytes().take_while(|&b| b == ch).count();
    (n >= 3 && !(ch == b'`' && t[n..].contains('`'))).then_some((ch, n))
}

/// A setext heading's underline: `===` or `---` alone.
pub(super) fn is_underline(t: &str) -> bool {
    let t = t.trim_end();
    !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// A horizontal rule: three or more `-`, `*` or `_`, spaces allowed between.
pub(super) fn is_hr(t: &str) -> bool {
    let mut marks = t.bytes().filter(|&b| b != b' ' && b != b'\t');
    let first = marks.next();
    matches!(first, Some(b'-' | b'*' | b'_'))
        && t.bytes().filter(|&b| Some(b) == first).count() >= 3
        && marks.all(|b| Some(b) == first)
}

/// A list item: the column its content starts at, its marker (`-`, `1.`, `2)`…) and content.
pub(super) fn list_item(t: &str) -> Option<(usize, &str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match t.as_bytes().first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' if digits <= 9 && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let rest = &t[marker..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let content = rest.trim_start();
    let spaces = rest.len() - content.len();
    Some((marker + if (1..=4).contains(&spaces) { spaces } else { 1 }, &t[..marker], content))
}

/// A list item's content without its task marker (`[ ]`, `[x]`).
pub(super) fn untask(content: &str) -> &str {
    let rest = ["[ ] ", "[x] ", "[X] "].iter().find_map(|mark| content.strip_prefix(mark));
    rest.map_or(content, str::trim_start)
}

/// The normalised label of a reference definition (`[label]: url`), footnotes excepted.
pub(super) fn ref_def(t: &str) -> Option<String> {
    let end = t.strip_prefix('[')?.find(']')? + 1;
    let label = &t[1..end];
    let dest = t[end + 1..].strip_prefix(':')?;
    (!label.trim().is_empty() && !label.starts_with('^') && !dest.trim().is_empty()).then(|| label_key(label))
}

/// The cells of a table row, outer pipes dropped; `\|` stays inside its cell.
pub(super) fn cells(t: &str) -> Vec<&str> {
    let t = t.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") { &t[..t.len() - 1] } else { t };
    let (mut out, mut start, mut escaped) = (Vec::new(), 0, false);
    for (i, b) in t.bytes().enumerate() {
        if escaped {
            escaped = false;
        } else if b == b'\\' {
            escaped = true;
        } else if b == b'|' {
            out.push(t[start..i].trim());
            start = i + 1;
        }
    }
    out.push(t[start..].trim());
    out
}

/// A table's delimiter row: `| --- | :-: |`.
pub(super) fn is_delim_row(t: &str) -> bool {
    cells(t).iter().all(|c| {
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.bytes().all(|b| b == b'-')
    })
}
