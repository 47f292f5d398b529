//! Reading brat standoff: an `.ann` beside its `.txt` (see `brat` for what we write). brat
//! counts in code points.
use super::foreign::{Foreign, ForeignSpan, Unit};
use super::interchange::span_ids;
use super::native_read::{ATTRIBUTIONS, WORTHINESS};
use crate::model::annotation::{Attribution, Claim, Worthiness};
use crate::model::meta::is_kb_id;
use crate::model::text::{default_title, TextIndex};

/// What a line of the `.ann` says about a span, applied once every span is read.
enum Later<'a> {
    Note(&'a str),
    Attribute(&'a str, &'a str),
    Reference(&'a str),
}

/// Read a brat `.ann` with its `.txt`. A discontinuous span is read whole (first start to last
/// end); a span whose text column is not the text at its offsets keeps the column as its
/// quote, to be found again by it.
pub fn read(ann: &str, txt: &str) -> Result<Foreign, String> {
    let ann = ann.strip_prefix('\u{feff}').unwrap_or(ann);
    let index = TextIndex::new(txt);
    let mut f = Foreign {
        format: "brat",
        text: Some(txt.to_string()),
        title: default_title(txt),
        unit: Unit::CodePoint,
        ..Foreign::default()
    };
    let mut later: Vec<(usize, &str, Later)> = Vec::new();
    let (mut lines, mut bad) = (0, 0);
    for (n, line) in ann.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        // Up to three tab-separated columns: the id, the middle one, and the rest (if any).
        let (id, after) = line.split_once('\t').unwrap_or((line, ""));
        let (mid, rest) = after.split_once('\t').map_or((after, None), |(m, r)| (m, Some(r)));
        let words: Vec<&str> = mid.split_whitespace().collect();
        let arg = |i: usize| words.get(i).copied().unwrap_or("");
        let why = match id.chars().next() {
            Some('T') => match span(id, mid, rest, txt, &index) {
                Ok(mut s) => {
                    s.place = format!("line {n}");
                    f.spans.push(s);
                    continue;
                }
                Err(e) => e,
            },
            Some('R') => match (arg(1).strip_prefix("Arg1:"), arg(2).strip_prefix("Arg2:")) {
                (Some(from), Some(to)) => {
                    f.relations.push((arg(0).to_string(), from.to_string(), to.to_string()));
                    continue;
                }
                _ => "a relation needs Arg1: and Arg2:".to_string(),
            },
            Some('#') => {
                if arg(0) == "AnnotatorNotes" {
                    later.push((n, arg(1), Later::Note(rest.unwrap_or(""))));
                }
                continue;
            }
            Some('A' | 'M') => {
                later.push((n, arg(1), Later::Attribute(arg(0), arg(2))));
                continue;
            }
            Some('N') => {
                later.push((n, arg(1), Later::Reference(arg(2))));
                continue;
            }
            Some('E' | '*') => "brat events and equivalences are not read".to_string(),
            _ => {
                bad += 1;
                "not a brat annotation".to_string()
            }
        };
        f.failed.push(format!("line {n}: {why}"));
    }
    if lines > 0 && bad == lines {
        return Err("This is not a brat .ann file: no line of it is a brat annotation.".into());
    }
    let ids = span_ids(&f.spans);
    let mut found = Vec::with_capacity(later.len());
    for l in &later {
        found.push(ids.first(l.1));
    }
    for ((n, target, what), at) in later.into_iter().zip(found) {
        let Some(s) = at.map(|i| &mut f.spans[i]) else {
            f.failed.push(format!("line {n}: no span {target} in the file"));
            continue;
        };
        match what {
            Later::Note(note) => s.note = note.to_string(),
            Later::Reference(r) => match r.split_once(':') {
                Some((db, id)) if db.eq_ignore_ascii_case("wikidata") && is_kb_id(id) => s.kb_id = id.to_string(),
                _ => {}
            },
            Later::Attribute(name, value) => {
                // Only our attributes make a span a claim (another tool's "Negation" does not).
                let pos = |names: &[&str]| names.iter().position(|&x| x == value);
                match (name, pos(&ATTRIBUTIONS), pos(&WORTHINESS)) {
                    ("Attribution", Some(i), _) => claim(s).attribution = Attribution::ALL[i],
                    ("Worthiness", _, Some(i)) => claim(s).set_worthiness(Some(Worthiness::ALL[i])),
                    ("Verdict", ..) if !value.is_empty() => claim(s).verdict = value.to_string(),
                    ("Attribution" | "Worthiness" | "Verdict", ..) => {
                        f.failed.push(format!("line {n}: “{value}” is not a value of {name}"))
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(f)
}

/// The claim fields of `s`, made when it has none.
fn claim(s: &mut ForeignSpan) -> &mut Claim {
    s.claim.get_or_insert_with(Claim::default)
}

/// A `T` line: `T1⇥TYPE 10 15;16 20⇥text`.
fn span(id: &str, mid: &str, column: Option<&str>, txt: &str, index: &TextIndex) -> Result<ForeignSpan, String> {
    let (label, offsets) = mid.split_once(' ').ok_or("a span needs a type and offsets")?;
    let (mut start, mut end, mut words) = (usize::MAX, 0, Vec::new());
    for frag in offsets.split(';') {
        let mut it = frag.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(a)), Some(Ok(b)), None) = (it.next(), it.next(), it.next()) else {
            return Err(format!("“{frag}” is not a start and an end offset"));
        };
        if a >= b || a < end {
            return Err(format!("the offsets “{offsets}” are not in order"));
        }
        (start, end) = (start.min(a), b);
        words.push(if b <= index.len() { index.slice(txt, a, b) } else { "\u{0}" });
    }
    let quote = match column {
        Some(c) if c != words.join(" ") => c.to_string(),
        _ if end <= index.len() => index.slice(txt, start, end).to_string(),
        _ => return Err("the offsets reach past the end of the text".into()),
    };
    Ok(ForeignSpan { id: id.to_string(), label: label.to_string(), start, end, quote, ..ForeignSpan::default() })
}
