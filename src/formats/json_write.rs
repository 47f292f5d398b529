//! A small, fast JSON writer for the hot path of saving: strings escaped in runs, numbers
//! written directly. Used for annotations, which a document can hold by the ten thousand.
use crate::model::annotation::{Annotation, Claim, Kind};

/// Append `s` as a JSON string literal.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[run..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{b:04x}")),
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Append `,"k":` (a key after an earlier entry).
pub fn key(out: &mut String, k: &str) {
    out.push(',');
    string(out, k);
    out.push(':');
}

/// Append a whole number.
pub fn number(out: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).expect("digits are ASCII"));
}

/// What the stored copy of a record leaves out, because reading it gives it back: the quote
/// and the context when they are what the text at the span says, an empty note, no entity
/// reference, and `modified` when it equals `created`. (The benchmark preloads this same form:
/// `storedForm` in bench/lib/page.mjs; a change here belongs there too.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    pub quote: bool,
    pub context: bool,
}

/// Append one annotation as a JSON object, fields in the schema's order: every field (the
/// export form), or with `stored`, without what a reader gives back.
pub fn annotation(out: &mut String, a: &Annotation, stored: Option<Stored>) {
    let leave = stored.unwrap_or_default();
    out.push_str("{\"id\":");
    string(out, &a.id);
    key(out, "kind");
    out.push_str(if a.kind == Kind::Claim { "\"claim\"" } else { "\"entity\"" });
    key(out, "label");
    string(out, &a.label);
    key(out, "start");
    number(out, a.start);
    key(out, "end");
    number(out, a.end);
    if !leave.quote {
        key(out, "quote");
        string(out, &a.quote);
    }
    if !leave.context {
        key(out, "prefix");
        string(out, &a.prefix);
        key(out, "suffix");
        string(out, &a.suffix);
    }
    let full = stored.is_none();
    if full || !a.note.is_empty() {
        key(out, "note");
        string(out, &a.note);
    }
    match &a.entity_ref {
        Some(r) => {
            key(out, "entity_ref");
            string(out, r);
        }
        None if full => {
            key(out, "entity_ref");
            out.push_str("null");
        }
        None => {}
    }
    key(out, "created");
    string(out, &a.created);
    if full || a.modified != a.created {
        key(out, "modified");
        string(out, &a.modified);
    }
    if let Some(c) = &a.claim {
        key(out, "claim");
        claim(out, c);
    }
    out.push('}');
}

/// Append a claim's fields as the native file has them (DESIGN §4).
pub fn claim(out: &mut String, c: &Claim) {
    out.push_str(&serde_json::to_string(c).expect("plain data always serialises"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_match_serde() {
        for s in ["plain", "quo\"te \\ back", "line\nbreak\r\ttab", "\u{1}\u{1f}", "emoji 😀 北京 é\u{301}", ""] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn numbers() {
        for n in [0usize, 7, 10, 123_456_789, usize::MAX] {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
