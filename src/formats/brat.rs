//! brat standoff: a ZIP of the text, its `.ann` and the `annotation.conf` that declares every
//! type written, and the reader of an `.ann` beside its `.txt`. brat counts in code points.
use super::foreign::{Export, Foreign, ForeignSpan, Unit};
use super::interchange::{ann_ids, span_ids};
use super::native::SAID_BY;
use super::native_read::{ATTRIBUTIONS, WORTHINESS};
use super::{label_tokens, slug, token, token_of, zip};
use crate::model::annotation::{Attribution, Claim, Kind, Worthiness};
use crate::model::meta::is_kb_id;
use crate::model::state::State;
use crate::model::text::{default_title, TextIndex};
use std::fmt::Write;

/// One line of a free text: tabs and line breaks become spaces (byte by byte: all are ASCII,
/// so the text stays UTF-8).
fn flat(s: &str) -> String {
    let mut b = s.as_bytes().to_vec();
    for x in &mut b {
        if matches!(*x, b'\t' | b'\n' | b'\r') {
            *x = b' ';
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

/// The brat files of the document, zipped (entries dated `now_dos`, see `zip::dos_time`).
/// Spans crossing a line break become fragments; claim fields become attributes and notes;
/// knowledge-base links become normalizations (`N` lines, Wikidata).
pub fn export(state: &State, now_dos: (u16, u16)) -> Export {
    let (text, index, anns) = (&state.doc.text, &state.index, state.annotations());
    let types = label_tokens(state);
    let ids = ann_ids(anns);
    // The T number of each annotation (0: not written).
    let mut t_of = vec![0; anns.len()];
    let (mut ann, mut t, mut blank, mut edged) = (String::new(), 0, 0, 0);
    for (i, a) in anns.iter().enumerate() {
        let quote = index.slice(text, a.start, a.end);
        let (offsets, words) = fragments(quote, a.start);
        if offsets.is_empty() {
            blank += 1;
            continue;
        }
        // A line break at an end is not written (brat marks no line break).
        edged += (quote.starts_with('\n') || quote.ends_with('\n')) as usize;
        t += 1;
        t_of[i] = t;
        let _ = writeln!(ann, "T{t}\t{} {offsets}\t{words}", token_of(&types, &a.label));
    }
    let (mut r, mut notes, mut attrs, mut norms, mut cues, mut unlinked) = (0, 0, 0, 0, 0, 0);
    let mut verdicts = Vec::new();
    for v in state.scale.iter() {
        verdicts.push(token(&v.id));
    }
    for (i, a) in anns.iter().enumerate() {
        let t = t_of[i];
        if t == 0 {
            continue;
        }
        // The note's parts, joined by " | ".
        let mut note = String::new();
        if !a.note.trim().is_empty() {
            note = flat(&a.note);
        }
        if let Some(c) = &a.claim {
            let to = c.speaker.as_deref().and_then(|s| ids.first(s)).map_or(0, |j| t_of[j]);
            if to > 0 {
                r += 1;
                let _ = writeln!(ann, "R{r}\t{SAID_BY} Arg1:T{t} Arg2:T{to}");
            } else if !c.speaker_text.trim().is_empty() {
                part(&mut note, "Speaker: ", &c.speaker_text);
            }
            let at = Attribution::ALL.iter().position(|&x| x == c.attribution).unwrap_or(0);
            let worth = c.worthiness.map(|w| WORTHINESS[Worthiness::ALL.iter().position(|&x| x == w).unwrap_or(0)]);
            let verdict = c.has_verdict().then(|| token(&c.verdict));
            if let Some(v) = verdict.as_ref().filter(|v| !verdicts.contains(v)) {
                verdicts.push(v.clone());
            }
            let fields =
                [("Attribution", Some(ATTRIBUTIONS[at])), ("Worthiness", worth), ("Verdict", verdict.as_deref())];
            for (name, value) in fields.iter().filter_map(|(n, v)| Some((n, (*v)?))) {
                attrs += 1;
                let _ = writeln!(ann, "A{attrs}\t{name} T{t} {value}");
            }
            for (head, body) in [("Claim as reviewed: ", &c.reviewed), ("Explanation: ", &c.explanation)] {
                if !body.trim().is_empty() {
                    part(&mut note, head, body);
                }
            }
            for e in &c.evidence {
                part(&mut note, "Evidence: ", &e.url);
                if !e.note.is_empty() {
                    let _ = write!(note, " ({})", flat(&e.note));
                }
            }
            cues += c.cue.is_some() as usize;
        }
        match a.entity_ref.as_deref().and_then(|e| state.entity(e)) {
            Some(e) if !e.kb_id.is_empty() => {
                norms += 1;
                let _ = writeln!(ann, "N{norms}\tReference T{t} Wikidata:{}\t{}", e.kb_id, flat(&e.name));
            }
            Some(_) => unlinked += 1,
            None => {}
        }
        if !note.is_empty() {
            notes += 1;
            let _ = writeln!(ann, "#{notes}\tAnnotatorNotes T{t}\t{note}");
        }
    }
    let mut kinds: Vec<String> = Vec::new();
    for rel in state.relations.iter().filter(|rel| rel.kind != SAID_BY) {
        let (from, to) = (ids.first(&rel.from).map_or(0, |j| t_of[j]), ids.first(&rel.to).map_or(0, |j| t_of[j]));
        if from > 0 && to > 0 {
            let kind = token(&rel.kind);
            r += 1;
            let _ = writeln!(ann, "R{r}\t{kind} Arg1:T{from} Arg2:T{to}");
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    let conf = conf(&types, &kinds, &verdicts);
    let name = slug(&state.doc.title);
    let (txt, ann_name) = (format!("{name}.txt"), format!("{name}.ann"));
    let mut files: Vec<(&str, &[u8])> = vec![
        (txt.as_str(), text.as_bytes()),
        (ann_name.as_str(), ann.as_bytes()),
        ("annotation.conf", conf.as_bytes()),
    ];
    let tools =
        "[normalization]\nWikidata\t<URL>:https://www.wikidata.org/, <URLBASE>:https://www.wikidata.org/wiki/%s\n";
    if norms > 0 {
        files.push(("tools.conf", tools.as_bytes()));
    }
    let left_out = super::left_out(&[
        (blank, "span", "spans", " holding only line breaks: brat cannot mark them"),
        (edged, "span", "spans", " starting or ending with a line break: written without it"),
        (cues, "claim cue", "claim cues", " (the reporting words): brat has no place for them"),
        (unlinked, "link", "links", " to an entity with no Wikidata id: brat keeps only knowledge-base links"),
    ]);
    Export { name: format!("{name}.brat.zip"), mime: "application/zip", bytes: zip::store(&files, now_dos), left_out }
}

/// brat's fragments of a span whose text is `quote` and that starts at `start`: its offsets
/// ("10 15;16 20", one fragment a line, empty ones left out) and their texts joined by spaces.
fn fragments(quote: &str, start: usize) -> (String, String) {
    let (mut offsets, mut words, mut at) = (String::new(), String::new(), start);
    for piece in quote.split('\n') {
        let n = piece.chars().count();
        if n > 0 {
            if !offsets.is_empty() {
                offsets.push(';');
                words.push(' ');
            }
            let _ = write!(offsets, "{at} {}", at + n);
            words.push_str(piece);
        }
        at += n + 1;
    }
    (offsets, words)
}

/// Add `head` and `body` (on one line) to a note, after its earlier parts.
fn part(note: &mut String, head: &str, body: &str) {
    if !note.is_empty() {
        note.push_str(" | ");
    }
    note.push_str(head);
    note.push_str(&flat(body));
}

/// `annotation.conf`: every span type, `said_by` from claims to entities, the other relation
/// `kinds`, and the claim attributes with their values.
fn conf(types: &[(String, String, Kind)], kinds: &[String], verdicts: &[String]) -> String {
    // The types of a kind, joined by '|' (a token is never empty).
    let of = |kind: Kind| {
        let mut out = String::new();
        for t in types.iter().filter(|t| t.2 == kind) {
            if !out.is_empty() {
                out.push('|');
            }
            out.push_str(&t.1);
        }
        out
    };
    let (claims, entities) = (of(Kind::Claim), of(Kind::Entity));
    let mut out = String::from("[entities]\n");
    for t in types {
        out.push_str(&t.1);
        out.push('\n');
    }
    out.push_str("[relations]\n");
    if !claims.is_empty() && !entities.is_empty() {
        let _ = writeln!(out, "{SAID_BY} Arg1:{claims}, Arg2:{entities}");
    }
    for k in kinds {
        let _ = writeln!(out, "{k} Arg1:<ENTITY>, Arg2:<ENTITY>");
    }
    out.push_str("[events]\n[attributes]\n");
    if !claims.is_empty() {
        for (name, values) in [
            ("Attribution", ATTRIBUTIONS.join("|")),
            ("Worthiness", WORTHINESS.join("|")),
            ("Verdict", verdicts.join("|")),
        ] {
            let _ = writeln!(out, "{name} Arg:{claims}, Value:{values}");
        }
    }
    out
}

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
