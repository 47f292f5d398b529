//! A small, fast JSON writer: strings escaped in runs, numbers written directly. It writes
//! every value the app keeps or exports in the native form (annotations, which a document can
//! hold by the ten thousand, and the records, index, settings and undo history beside them),
//! each exactly as serde_json writes the type's `Serialize` form (the tests compare them).
use super::native_read::{ATTRIBUTIONS, WORTHINESS};
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
    first(out, "speaker");
    c.speaker.write(out);
    text(out, "speaker_text", &c.speaker_text);
    if let Some(cue) = &c.cue {
        key(out, "cue");
        first(out, "start");
        number(out, cue.start);
        key(out, "end");
        number(out, cue.end);
        out.push('}');
    }
    text(out, "attribution", ATTRIBUTIONS[c.attribution as usize]);
    key(out, "check_worthy");
    c.check_worthy.write(out);
    if let Some(w) = c.worthiness {
        text(out, "worthiness", WORTHINESS[w as usize]);
    }
    text(out, "verdict", &c.verdict);
    if !c.explanation.is_empty() {
        text(out, "explanation", &c.explanation);
    }
    if !c.reviewed.is_empty() {
        text(out, "reviewed", &c.reviewed);
    }
    key(out, "evidence");
    c.evidence.write(out);
    out.push('}');
}

/// Append `{"k":` (an object's first key).
pub fn first(out: &mut String, k: &str) {
    out.push('{');
    string(out, k);
    out.push(':');
}

/// Append `,"k":"v"`.
pub fn text(out: &mut String, k: &str, v: &str) {
    key(out, k);
    string(out, v);
}

mod one_byte;
mod records;
pub use one_byte::{is_one_byte, make_one_byte, worth};
pub use records::{to_string, Json};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Deleted, Evidence, Relation};
    use crate::model::history::{Edit, History};
    use crate::model::library::{DocEntry, Library};
    use crate::model::meta::{Entity, Meta};
    use std::rc::Rc;

    #[test]
    fn strings_match_serde() {
        for s in ["plain", "quo\"te \\ back", "line\nbreak\r\ttab", "\u{1}\u{1f}", "emoji 😀 北京 é\u{301}", ""] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    fn claim_with_everything() -> Claim {
        let mut c = Claim { speaker: Some("a\"1".into()), speaker_text: "Xi".into(), ..Claim::default() };
        c.cue = Some(crate::model::annotation::Span { start: 3, end: 9 });
        c.attribution = crate::model::annotation::Attribution::AccordingTo;
        c.worthiness = Some(crate::model::annotation::Worthiness::NotFactual);
        c.explanation = "why\n".into();
        c.reviewed = "as reviewed".into();
        c.evidence = vec![Evidence { url: "https://e.org".into(), note: "n".into() }];
        c
    }

    fn annotation_with(claim: Option<Claim>) -> Annotation {
        Annotation {
            id: "a1".into(),
            kind: if claim.is_some() { Kind::Claim } else { Kind::Entity },
            label: "CLAIM".into(),
            start: 1,
            end: 4,
            quote: "q😀".into(),
            prefix: "p".into(),
            suffix: "s".into(),
            note: String::new(),
            entity_ref: Some("e1".into()),
            created: "c".into(),
            modified: "m".into(),
            claim,
        }
    }

    #[test]
    fn records_match_serde() {
        for c in [Claim::default(), claim_with_everything()] {
            let mut out = String::new();
            claim(&mut out, &c);
            assert_eq!(out, serde_json::to_string(&c).unwrap());
        }
        let labels = crate::model::labels::default_labels();
        assert_eq!(to_string(&labels), serde_json::to_string(&labels).unwrap());
        let entity = Entity {
            id: "e1".into(),
            name: "Xi".into(),
            label: "PERSON".into(),
            aliases: vec!["A".into(), "B\\".into()],
            kb_id: String::new(),
        };
        let entities = vec![entity.clone(), Entity { aliases: vec![], ..entity }];
        assert_eq!(to_string(&entities), serde_json::to_string(&entities).unwrap());
        let scale = crate::model::meta::default_scale();
        assert_eq!(to_string(&scale), serde_json::to_string(&scale).unwrap());
        let relations = vec![Relation { id: "r".into(), kind: "said_by".into(), from: "a".into(), to: "b".into() }];
        assert_eq!(to_string(&relations), serde_json::to_string(&relations).unwrap());
        let deleted = vec![Deleted { id: "d".into(), at: "t".into() }];
        assert_eq!(to_string(&deleted), serde_json::to_string(&deleted).unwrap());
        let empty: Vec<Deleted> = Vec::new();
        assert_eq!(to_string(&empty), serde_json::to_string(&empty).unwrap());
    }

    #[test]
    fn history_and_library_match_serde() {
        let a = Rc::new(annotation_with(None));
        let b = Rc::new(annotation_with(Some(claim_with_everything())));
        let meta = Rc::new(Meta {
            labels: Rc::new(crate::model::labels::default_labels()),
            entities: Rc::new(Vec::new()),
            scale: Rc::new(crate::model::meta::default_scale()),
            orphans: Rc::new(vec![annotation_with(None)]),
        });
        let undo = vec![
            Edit::Add(a.clone()),
            Edit::Remove(b.clone()),
            Edit::Change(a.clone(), b.clone()),
            Edit::Batch(vec![Edit::Add(b), Edit::Batch(Vec::new())]),
            Edit::Meta(meta.clone(), Rc::new(Meta::default())),
        ];
        let history = History::from_lists(undo, vec![Edit::Remove(a)]);
        assert_eq!(to_string(&history), serde_json::to_string(&history).unwrap());
        assert_eq!(to_string(&History::default()), serde_json::to_string(&History::default()).unwrap());
        let entry = DocEntry {
            id: "d".into(),
            title: "T \"x\"".into(),
            source: "s".into(),
            entities: 3,
            claims: 2,
            length: 12345,
            modified: "m".into(),
            exported: String::new(),
            sha256: "ab".into(),
            size: 99,
        };
        for lib in [
            Library::default(),
            Library { current: Some("d".into()), documents: vec![entry.clone(), DocEntry::default(), entry] },
        ] {
            assert_eq!(to_string(&lib), serde_json::to_string(&lib).unwrap());
        }
        for s in [
            super::super::stored::Settings::default(),
            super::super::stored::Settings { words: false, reviewer: "R \\".into(), keys: false, spoken: true },
        ] {
            assert_eq!(to_string(&s), serde_json::to_string(&s).unwrap());
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
