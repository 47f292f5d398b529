//! brat standoff: a ZIP of the text, its `.ann` and the `annotation.conf` that declares every
//! type written (`brat_read` reads an `.ann` beside its `.txt`). brat counts in code points.
use super::foreign::Export;
use super::interchange::ann_ids;
use super::native::SAID_BY;
use super::native_read::{ATTRIBUTIONS, WORTHINESS};
use super::{label_tokens, slug, token, token_of, zip};
use crate::model::annotation::{Attribution, Kind, Worthiness};
use crate::model::state::State;
use std::fmt::Write;

pub use super::brat_read::read;

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
