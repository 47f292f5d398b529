//! What the interchange formats share: the sentences that say what a format leaves out, ids
//! written as strings or numbers, titles of files that carry their text, and the checks every
//! span read from another tool's file goes through.
use super::foreign::{Foreign, ForeignSpan, Unit};
use super::json_read::{Error, Json, Val};
use super::json_write::{key, string};
use crate::model::annotation::Annotation;
use crate::model::order::Names;
use crate::model::state::State;
use crate::model::text::{normalize_text, TextIndex};
use std::rc::Rc;

/// What a format that keeps only spans and their labels leaves out of `state`: one sentence
/// for each kind of thing the document has ("2 notes: doccano JSONL keeps only spans and their
/// labels").
pub fn left_out(state: &State, format: &str) -> Vec<String> {
    let (mut claims, mut notes, mut links, mut speakers) = (0, 0, 0, 0);
    for a in state.annotations().iter() {
        claims += usize::from(a.claim.is_some());
        notes += usize::from(!a.note.is_empty());
        links += usize::from(a.entity_ref.is_some());
        speakers += usize::from(a.claim.as_ref().is_some_and(|c| c.speaker.is_some()));
    }
    let tail = &[": ", format, " keeps only spans and their labels"].concat();
    let (one, many) = ("claim's fields (speaker, verdict, evidence…)", "claims' fields (speaker, verdict, evidence…)");
    super::left_out(&[
        (claims, one, many, tail),
        (notes, "note", "notes", tail),
        (links, "link to an entity", "links to entities", tail),
        (speakers, "speaker link", "speaker links", tail),
        (state.relations.len(), "other link between spans", "other links between spans", tail),
    ])
}

/// The set of the annotations' ids (one copy of `Names::new` serves every writer).
pub fn ann_ids(anns: &[Rc<Annotation>]) -> Names<'_> {
    Names::new(anns.iter().map(|a| a.id.as_str()))
}

/// The set of the spans' ids (one copy of `Names::new` serves every reader).
pub fn span_ids(spans: &[ForeignSpan]) -> Names<'_> {
    Names::new(spans.iter().map(|s| s.id.as_str()))
}

/// Append `,"k":"v"`.
pub fn field(out: &mut String, k: &str, v: &str) {
    key(out, k);
    string(out, v);
}

/// An id (the value of key "id"), written as a string or as a whole number.
pub fn id(v: &Json) -> Result<String, Box<Error>> {
    match v.val {
        Val::Str(_) | Val::Bad(_) => v.str("id").map(String::from),
        _ => v.whole("id", u64::MAX).map(|n| n.to_string()),
    }
}

/// The documents of a file of several (`out`), what could not be read of it (`failed`)
/// first in the first document's `failed`; `Err` when there is none: "The file is not `what`"
/// and why ("it holds no `records`" when nothing failed either).
pub fn gather(
    mut out: Vec<Foreign>,
    mut failed: Vec<String>,
    what: &str,
    records: &str,
) -> Result<Vec<Foreign>, String> {
    let Some(first) = out.first_mut() else {
        let why = failed.first().map_or_else(|| ["it holds no ", records].concat(), String::clone);
        return Err(["The file is not ", what, &why, "."].concat());
    };
    failed.append(&mut first.failed);
    first.failed = failed;
    Ok(out)
}

/// The title of a file's text: its first non-empty line, else the file's id for it.
pub fn title(text: &str, id: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(id).to_string()
}

/// Add `s` to `f`, or say in `f.failed` why it cannot be placed: its ends out of order, no
/// extent and no quote, or an end past the text (`len` long in the file's unit, when known).
pub fn add(f: &mut Foreign, s: ForeignSpan, len: Option<usize>) {
    let why = if s.start > s.end {
        format!("start {} comes after end {}", s.start, s.end)
    } else if s.start == s.end && s.quote.is_empty() {
        "the span is empty".to_string()
    } else if let Some(n) = len.filter(|&n| s.end > n) {
        format!("end {} is past the end of the text ({n} characters)", s.end)
    } else {
        f.spans.push(s);
        return;
    };
    f.failed.push(format!("{}: {why}", s.place));
}

/// Add the spans read from a file to `f` in their order (`Err`: why one could not be read),
/// each checked as `add` does, then drop repeated ids (`dedupe`).
pub fn add_all(f: &mut Foreign, spans: Vec<Result<ForeignSpan, String>>, len: Option<usize>) {
    for s in spans {
        match s {
            Ok(s) => add(f, s, len),
            Err(why) => f.failed.push(why),
        }
    }
    dedupe(f);
}

/// Drop each span whose id an earlier span of `f` already has, saying so in `f.failed`.
pub fn dedupe(f: &mut Foreign) {
    let mut keep = vec![true; f.spans.len()];
    {
        let names = span_ids(&f.spans);
        for (i, s) in f.spans.iter().enumerate() {
            let first = names.first(&s.id).unwrap_or(i);
            if first != i && !s.id.is_empty() {
                keep[i] = false;
                f.failed.push(format!("{}: the id \"{}\" is taken by {}", s.place, s.id, f.spans[first].place));
            }
        }
    }
    let mut i = 0;
    f.spans.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// The file's text as the app keeps it (`normalize_text`: no BOM, LF line ends), its spans
/// moved to match, so that their offsets hold on the text the document will have. Where the
/// unit is not known, a span whose quote stands at its offsets only as UTF-16 units is first
/// turned into code points (the placer tries code points first).
pub fn normalize(f: &mut Foreign) {
    let Some(raw) = f.text.as_deref() else { return };
    let text = normalize_text(raw);
    if text.len() == raw.len() {
        return;
    }
    let index = TextIndex::new(raw);
    // The code points normalising removes: a BOM, and the CR of each CRLF.
    let mut removed = Vec::new();
    let mut cr = false;
    for (i, c) in raw.chars().enumerate() {
        if (i == 0 && c == '\u{feff}') || (cr && c == '\n') {
            removed.push(if cr { i - 1 } else { i });
        }
        cr = c == '\r';
    }
    let moved = |x: usize| x - removed.partition_point(|&p| p < x);
    for s in &mut f.spans {
        if f.unit == Unit::Either && index.slice(raw, s.start, s.end) != s.quote {
            let (start, end) = (index.utf16_to_cp(s.start), index.utf16_to_cp(s.end));
            if index.slice(raw, start, end) == s.quote {
                (s.start, s.end) = (start, end);
            }
        }
        (s.start, s.end, s.quote) = (moved(s.start), moved(s.end), normalize_text(&s.quote));
    }
    f.text = Some(text);
}
