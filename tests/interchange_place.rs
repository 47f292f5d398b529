//! Placing another tool's spans: label mapping, landing by position (code points or UTF-16),
//! by quote, by approximate match, orphans kept and re-attached, and format recognition.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::foreign::{Foreign, ForeignSpan, Unit};
use article_annotator::formats::native::{parse, to_json};
use article_annotator::formats::place::{self, detect, label_for, land_all, Detected};
use article_annotator::formats::reanchor::{approximate, land, Landing};
use article_annotator::model::annotation::{Annotation, Claim};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};

const TEXT: &str =
    "Emoji 😀 first. 北京 met Zoë Ångström and Rene\u{301}e on Monday.\nThe minister said prices will fall by 5 %.";

fn state() -> State {
    State::new(Snapshot { doc: Document::from_text(TEXT, "t"), labels: default_labels(), ..Snapshot::default() })
}

/// (start, end) in code points of the `nth` occurrence of `needle`.
fn cp(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn utf16(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let s = text[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

fn span(label: &str, (start, end): (usize, usize), quote: &str) -> ForeignSpan {
    ForeignSpan { label: label.into(), start, end, quote: quote.into(), ..ForeignSpan::default() }
}

fn file(unit: Unit, spans: Vec<ForeignSpan>) -> Foreign {
    Foreign { format: "test", unit, spans, ..Foreign::default() }
}

const NOW: &str = "2026-11-29T10:00:00Z";

#[test]
fn labels_map_by_id_name_and_synonyms_and_unknown_ones_are_added() {
    let mut labels = default_labels();
    let mut added = Vec::new();
    for (name, id) in [
        ("PER", "PERSON"),
        ("person", "PERSON"),
        ("Organization", "ORG"),
        ("GPE", "LOC"),
        ("misc", "OTHER"),
        ("claim", "CLAIM"),
    ] {
        let i = label_for(name, &mut labels, &mut added);
        assert_eq!(labels[i].id, id, "{name}");
    }
    assert!(added.is_empty());
    let i = label_for("Weapon type", &mut labels, &mut added);
    assert_eq!((labels[i].id.as_str(), labels[i].name.as_str()), ("WEAPON_TYPE", "Weapon type"));
    assert_eq!(added, ["Weapon type"]);
    // The same name again maps onto the label just added.
    assert_eq!(label_for("weapon type", &mut labels, &mut added), i);
    assert_eq!(added.len(), 1);
}

#[test]
fn spans_land_by_code_points_by_utf16_by_quote_or_approximately_else_orphaned() {
    let s = state();
    let text = &s.doc.text;
    let f = file(
        Unit::Either,
        vec![
            span("PER", cp(text, "Zoë Ångström"), "Zoë Ångström"),
            // UTF-16 positions after the emoji (a JavaScript tool's file).
            span("PER", utf16(text, "Rene\u{301}e"), "Rene\u{301}e"),
            // Wrong offsets: found by its quote.
            span("LOC", (0, 2), "北京"),
            // Changed a little in this copy of the text: found approximately.
            span("CLAIM", (70, 90), "prices will fal by 5 %"),
            // Nowhere in this text.
            span("ORG", (3, 9), "Completely different words"),
        ],
    );
    let landed = land_all(&f, &s, NOW);
    let got: Vec<(String, String)> = landed.annotations.iter().map(|a| (a.label.clone(), a.quote.clone())).collect();
    assert_eq!(
        got,
        [
            ("PERSON".into(), "Zoë Ångström".into()),
            ("PERSON".into(), "Rene\u{301}e".into()),
            ("LOC".into(), "北京".into()),
            ("CLAIM".into(), "prices will fall by 5 %".into()),
        ]
    );
    for a in &landed.annotations {
        assert_eq!(text.chars().skip(a.start).take(a.end - a.start).collect::<String>(), a.quote);
    }
    assert_eq!((landed.reanchored, landed.orphaned, landed.duplicates), (2, 1, 0));
    assert_eq!(landed.meta.orphans.len(), 1);
    assert_eq!(landed.meta.orphans[0].quote, "Completely different words");
    let said = place::report("test", &landed, &["line 4: no label".into()]);
    assert_eq!(
        said,
        "test: 4 annotations imported (2 re-anchored by quote), 1 orphaned (listed in the sidebar to re-attach), 1 failed (line 4: no label)."
    );
}

#[test]
fn duplicates_are_skipped_and_clashing_ids_renamed_keeping_speaker_links() {
    let mut s = state();
    let (a, b) = cp(&s.doc.text, "Zoë Ångström");
    s.apply(Action::Add { start: a, end: b, label: "PERSON".into(), now: NOW.into() });
    let taken = s.annotations()[0].id.clone();
    let mut f = file(
        Unit::CodePoint,
        vec![
            span("PERSON", (a, b), "Zoë Ångström"),
            ForeignSpan { id: taken.clone(), ..span("PERSON", cp(&s.doc.text, "The minister"), "The minister") },
            ForeignSpan { id: "c1".into(), ..span("CLAIM", cp(&s.doc.text, "prices will fall"), "prices will fall") },
        ],
    );
    f.relations.push(("said_by".into(), "c1".into(), taken.clone()));
    let landed = land_all(&f, &s, NOW);
    assert_eq!(landed.duplicates, 1);
    assert_eq!(landed.annotations.len(), 2);
    let minister = &landed.annotations[0];
    assert_ne!(minister.id, taken, "a clashing id is renamed");
    let claim = landed.annotations[1].claim.as_ref().unwrap();
    assert_eq!(claim.speaker.as_deref(), Some(minister.id.as_str()), "the speaker link follows the rename");
    assert_eq!(claim.speaker_text, "The minister");
}

#[test]
fn orphans_are_kept_in_the_file_and_reattached_as_one_undoable_step() {
    let mut s = state();
    let landed = land_all(&file(Unit::CodePoint, vec![span("PERSON", (3, 9), "Somebody else")]), &s, NOW);
    s.apply(Action::Merge { annotations: landed.annotations, relations: vec![], meta: Some(Box::new(landed.meta)) });
    assert_eq!(s.orphans.len(), 1);
    // Kept by the native file and read back.
    let back = parse(&to_json(&s, NOW)).unwrap().into_state();
    assert_eq!(back.orphans.len(), 1);
    assert_eq!(back.orphans[0].quote, "Somebody else");
    let id = s.orphans[0].id.clone();
    let (a, b) = cp(&s.doc.text, "The minister");
    s.apply(Action::Reattach { id: id.clone(), start: a, end: b, now: NOW.into() });
    assert!(s.orphans.is_empty());
    let placed = s.get(&id).expect("placed under its id");
    assert_eq!((placed.quote.as_str(), placed.label.as_str()), ("The minister", "PERSON"));
    s.apply(Action::Undo { now: NOW.into() });
    assert_eq!(s.orphans.len(), 1);
    assert!(s.get(&id).is_none());
}

#[test]
fn landing_prefers_the_position_then_utf16_then_the_quote() {
    let s = state();
    let (text, index) = (&s.doc.text, &s.index);
    let ann = |start, end, quote: &str| Annotation {
        start,
        end,
        quote: quote.into(),
        prefix: String::new(),
        suffix: String::new(),
        ..s.make_annotation("x".into(), 0, 1, &default_labels()[0], NOW)
    };
    let (a, b) = cp(text, "Rene\u{301}e");
    assert_eq!(land(text, index, &ann(a, b, "Rene\u{301}e"), None), Landing::Kept(a, b));
    let (u, v) = utf16(text, "Rene\u{301}e");
    assert_ne!((u, v), (a, b));
    assert_eq!(land(text, index, &ann(u, v, "Rene\u{301}e"), Some(true)), Landing::Kept(a, b));
    assert_eq!(land(text, index, &ann(u, v, "Rene\u{301}e"), Some(false)), Landing::Kept(a, b));
    assert_eq!(land(text, index, &ann(u, v, "Rene\u{301}e"), None), Landing::Moved(a, b));
    assert_eq!(land(text, index, &ann(0, 3, "nowhere at all"), None), Landing::Lost);
    // Approximate: one letter changed in a quote of 20 is found; five changed are not.
    let (p, q) = cp(text, "prices will fall by 5");
    assert_eq!(approximate(text, index, &ann(p, q, "prices wilk fall by 5")), Some((p, q)));
    assert_eq!(approximate(text, index, &ann(p, q, "pxixes wxll fxll bx 5")), None);
    assert!(Claim::default().speaker.is_none());
}

#[test]
fn files_are_recognised_by_their_content() {
    assert_eq!(detect("a.json", r#"{"format": "article-annotator", "version": 1}"#), Detected::Native);
    assert_eq!(detect("a.json", r#"{"format": "article-annotator-library"}"#), Detected::Library);
    assert_eq!(
        detect("a.jsonld", r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}"#),
        Detected::W3c
    );
    assert_eq!(detect("h.json", r#"{"rows": [{"target": [{"selector": []}]}]}"#), Detected::W3c);
    assert_eq!(detect("ls.json", r#"[{"id": 1, "data": {"text": "x"}, "annotations": []}]"#), Detected::LabelStudio);
    assert_eq!(detect("d.jsonl", r#"{"text": "x", "label": []}"#), Detected::Doccano);
    assert_eq!(
        detect("d.json", "{\"text\": \"x\", \"label\": []}\n{\"text\": \"y\", \"label\": []}\n"),
        Detected::Doccano
    );
}
