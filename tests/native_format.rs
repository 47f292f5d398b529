//! The native JSON file: round trips, code-point offsets, and every kind of bad input.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::native::{self, parse, to_json};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};
use proptest::prelude::*;
use serde_json::{json, Value};

const TEXT: &str = "Emoji 😀 test\r\n北京 and Zoë and e\u{301}te 👩\u{200d}🔬 said prices will fall.";

fn state(text: &str) -> State {
    State::new(Snapshot {
        doc: Document::from_text(text, "t"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    })
}

fn annotated() -> State {
    let mut s = state(TEXT);
    for (a, b, l) in
        [(6, 7, "OTHER"), (13, 15, "LOC"), (20, 23, "PERSON"), (28, 31, "OTHER"), (32, 35, "EVENT"), (36, 59, "CLAIM")]
    {
        s.apply(Action::Add { start: a, end: b, label: l.into(), now: "2026-01-01T00:00:00Z".into() });
    }
    s
}

fn cp_slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn export_counts_code_points_and_round_trips() {
    let s = annotated();
    let json = to_json(&s, "2026-11-28T10:00:00Z");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "article-annotator");
    assert_eq!(v["version"], 1);
    assert_eq!(v["document"]["offset_unit"], "codepoint");
    let text = v["document"]["text"].as_str().unwrap();
    assert!(!text.contains('\r'));
    assert_eq!(v["document"]["length"], text.chars().count());
    for a in v["annotations"].as_array().unwrap() {
        let (st, en) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
        assert_eq!(cp_slice(text, st, en), a["quote"].as_str().unwrap());
    }
    assert_eq!(cp_slice(text, 6, 7), "😀");
    assert_eq!(cp_slice(text, 13, 15), "北京");
    let back = parse(&json).unwrap();
    assert!(back.failed.is_empty());
    assert_eq!(back.snapshot, s.snapshot());
}

fn file_with(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&to_json(&annotated(), "now")).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn refuses_files_that_are_not_ours_and_says_why() {
    let cases: Vec<(String, &str)> = vec![
        ("{ not json".into(), "not valid JSON"),
        ("[1, 2]".into(), "not an object"),
        (json!({"@context": "http://www.w3.org/ns/anno.jsonld"}).to_string(), "W3C"),
        (json!({"format": "brat"}).to_string(), "\"brat\""),
        (json!({"text": "x"}).to_string(), "no \"format\""),
        (file_with(|v| v["version"] = json!(99)), "newer version"),
        (file_with(|v| v["version"] = json!("one")), "version"),
        (file_with(|v| v["document"] = json!({"title": "no text"})), "document"),
        (file_with(|v| v["document"]["offset_unit"] = json!("utf16")), "utf16"),
        (file_with(|v| v["annotations"] = json!({"a": 1})), "not a list"),
        (file_with(|v| v["labels"] = json!("x")), "labels"),
    ];
    for (input, expect) in cases {
        let err = parse(&input).expect_err(&input);
        assert!(err.contains(expect), "{err:?} should mention {expect:?}");
    }
}

#[test]
fn bad_records_are_reported_one_by_one_and_the_rest_kept() {
    let json = file_with(|v| {
        let anns = v["annotations"].as_array_mut().unwrap();
        anns[0]["start"] = json!(500);
        anns[0]["end"] = json!(600);
        anns[0]["quote"] = json!("not in the text");
        anns[1]["label"] = json!("ALIEN");
        anns[2]["id"] = anns[3]["id"].clone();
        anns[4]["start"] = json!("x");
        anns.push(json!({"id": "r1", "kind": "entity", "label": "PERSON", "start": 3, "end": 2, "quote": ""}));
        v["relations"] = json!([{"id": "rel", "type": "said_by", "from": "a6", "to": "nobody"}]);
    });
    let imp = parse(&json).unwrap();
    let why = imp.failed.join("\n");
    assert_eq!(imp.failed.len(), 5, "{why}");
    // A quote found nowhere is not dropped: it is kept as orphaned, to be re-attached.
    assert_eq!(imp.snapshot.orphans.len(), 1);
    assert_eq!(imp.snapshot.orphans[0].quote, "not in the text");
    assert!(why.contains("#2: unknown label \"ALIEN\""));
    assert!(why.contains("is used twice"));
    assert!(why.contains("#5:"));
    assert!(why.contains("relation #1"));
    assert_eq!(imp.snapshot.annotations.len(), 2);
}

#[test]
fn moved_quotes_are_reanchored_near_their_old_place() {
    let json = file_with(|v| {
        let a = &mut v["annotations"].as_array_mut().unwrap()[2];
        a["start"] = json!(0);
        a["end"] = json!(3);
    });
    let imp = parse(&json).unwrap();
    assert!(imp.failed.is_empty());
    assert_eq!(imp.reanchored, 1);
    let a = imp.snapshot.annotations.iter().find(|a| a.quote == "Zoë").unwrap();
    assert_eq!((a.start, a.end), (20, 23));
}

#[test]
fn foreign_crlf_text_is_normalised_and_offsets_found_by_quote() {
    let crlf = json!({"format": "article-annotator", "version": 1,
        "document": {"text": "Line one\r\nXi Jinping spoke."},
        "annotations": [{"id": "x", "kind": "entity", "label": "PERSON", "start": 11, "end": 21, "quote": "Xi Jinping"}]});
    let imp = parse(&crlf.to_string()).unwrap();
    assert_eq!(imp.snapshot.doc.text, "Line one\nXi Jinping spoke.");
    let a = &imp.snapshot.annotations[0];
    assert_eq!((a.start, a.end, imp.reanchored), (9, 19, 1));
    assert_eq!(imp.snapshot.doc.title, "Line one");
}

#[test]
fn merge_skips_duplicates_and_renames_clashing_ids() {
    let s = annotated();
    let mut incoming = s.snapshot().annotations;
    let mut extra = incoming[0].clone();
    extra.start = 0;
    extra.end = 5;
    extra.quote = "Emoji".into();
    incoming.push(extra);
    let (fresh, dups) = native::merge_new(&s, incoming);
    assert_eq!(dups, 6);
    assert_eq!(fresh.len(), 1);
    assert_ne!(fresh[0].id, s.snapshot().annotations[0].id);
}

#[test]
fn merged_ids_never_clash_with_the_document_or_each_other() {
    let s = annotated();
    let taken = s.snapshot().annotations[0].id.clone();
    let moved = |id: &str, start: usize| {
        let mut a = s.snapshot().annotations[0].clone();
        (a.id, a.start, a.end) = (id.to_string(), start, start + 1);
        a
    };
    // Two new ones share the document's id; a third already is "<id>-2"; a fourth repeats it.
    let incoming = vec![
        moved(&taken, 0),
        moved(&taken, 1),
        moved(&format!("{taken}-2"), 2),
        moved(&format!("{taken}-2"), 3),
        moved("fresh", 4),
    ];
    let (fresh, dups) = native::merge_new(&s, incoming);
    assert_eq!(dups, 0);
    let ids: Vec<&str> = fresh.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [format!("{taken}-3"), format!("{taken}-4"), format!("{taken}-2"), format!("{taken}-2-2"), "fresh".into()]
    );
    let mut all: Vec<&str> = s.annotations().iter().map(|a| a.id.as_str()).chain(ids.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), s.annotations().len() + fresh.len(), "every id is used once");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Export → import is the identity, and every exported span's offsets give its quote.
    #[test]
    fn export_import_identity(text in "[a-z 😀北京é\u{301}\n]{1,60}", spans in prop::collection::vec((0usize..80, 1usize..12, 0usize..8), 0..12)) {
        let mut s = state(&text);
        let len = text.chars().count();
        for (start, width, label) in spans {
            let label = default_labels()[label].id.clone();
            s.apply(Action::Add { start: start % len, end: (start % len + width).min(len), label, now: "t".into() });
        }
        let json = to_json(&s, "now");
        let back = parse(&json).unwrap();
        prop_assert!(back.failed.is_empty());
        prop_assert_eq!(&back.snapshot, &s.snapshot());
        for a in &back.snapshot.annotations {
            prop_assert_eq!(cp_slice(&back.snapshot.doc.text, a.start, a.end), a.quote.clone());
        }
    }
}

#[test]
fn cached_saves_equal_fresh_ones_across_edits_and_documents() {
    let mut s = annotated();
    let mut cache = native::JsonCache::default();
    let first = native::to_json_cached(&s, "now", &mut cache);
    assert_eq!(first, to_json(&s, "now"));
    let v: Value = serde_json::from_str(&first).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 8, "{keys:?}");
    let ids: Vec<String> = s.annotations().iter().map(|a| a.id.clone()).collect();
    s.apply(Action::Retag { id: ids[0].clone(), label: "ORG".into(), now: "t".into() });
    s.apply(Action::Delete { id: ids[1].clone(), now: "d".into() });
    s.apply(Action::Add { start: 0, end: 5, label: "EVENT".into(), now: "t".into() });
    s.apply(Action::Undo { now: "u".into() });
    s.apply(Action::Redo { now: "r".into() });
    assert_eq!(native::to_json_cached(&s, "later", &mut cache), to_json(&s, "later"));
    let other = state("Another text");
    assert_eq!(native::to_json_cached(&other, "x", &mut cache), to_json(&other, "x"));
}

#[test]
fn the_saved_form_warmed_in_steps_saves_what_a_cold_save_does_even_half_warmed_or_edited_between() {
    let s = annotated();
    let cold = native::to_json_cached(&s, "now", &mut native::JsonCache::compact());
    // The document part, then two annotations a step: three steps, then the last, which keeps
    // them all.
    let (mut cache, mut w) = (native::JsonCache::compact(), native::Warming::default());
    let steps =
        std::iter::repeat_with(|| native::warm_some(&s, &mut cache, &mut w, 2)).take_while(|done| !done).count();
    assert_eq!(steps, 3);
    assert_eq!(native::to_json_cached(&s, "now", &mut cache), cold);
    // Saved half warmed, and warmed on after an edit (the warm then keeps a state no longer
    // the one to save): each save writes what a cold one does.
    let (mut cache, mut w) = (native::JsonCache::compact(), native::Warming::default());
    assert!(!native::warm_some(&s, &mut cache, &mut w, 3));
    assert!(!native::warm_some(&s, &mut cache, &mut w, 3));
    assert_eq!(native::to_json_cached(&s, "now", &mut cache), cold);
    let mut edited = s.clone();
    let id = s.annotations()[0].id.clone();
    edited.apply(Action::Retag { id, label: "ORG".into(), now: "t".into() });
    assert!(native::warm_some(&s, &mut cache, &mut w, 3));
    let fresh = native::to_json_cached(&edited, "now", &mut native::JsonCache::compact());
    assert_eq!(native::to_json_cached(&edited, "now", &mut cache), fresh);
    assert_ne!(fresh, cold);
}

#[test]
fn a_warming_handed_the_state_after_an_edit_stops_and_keeps_nothing_of_two_lists() {
    // The app's handle on its state gives the state as it is now: a warming begun before an
    // annotation was added before the step's end is handed the edited one on its next step.
    let s = annotated();
    let (mut cache, mut w) = (native::JsonCache::compact(), native::Warming::default());
    assert!(!native::warm_some(&s, &mut cache, &mut w, 3));
    assert!(!native::warm_some(&s, &mut cache, &mut w, 3));
    let mut edited = s.clone();
    edited.apply(Action::Add { start: 0, end: 3, label: "ORG".into(), now: "t".into() });
    assert!(!w.stale(&s) && w.stale(&edited));
    assert!(native::warm_some(&edited, &mut cache, &mut w, 3), "stopped: not the list it began on");
    let fresh = native::to_json_cached(&edited, "now", &mut native::JsonCache::compact());
    let saved = native::to_json_cached(&edited, "now", &mut cache);
    assert_eq!(saved, fresh, "the added annotation saved, none twice");
    let back = parse(&saved).unwrap();
    assert_eq!(back.snapshot.annotations.len(), s.annotations().len() + 1);
    // Warmed again from the start on the edited state, it keeps what a cold save makes.
    let mut w = native::Warming::default();
    while !native::warm_some(&edited, &mut cache, &mut w, 3) {}
    assert_eq!(native::to_json_cached(&edited, "now", &mut cache), fresh);
}

#[test]
fn compact_storage_leaves_out_what_reading_gives_back_and_reads_back_identically() {
    let mut s = annotated();
    // An annotation whose context came from elsewhere keeps it.
    let mut foreign = s.snapshot().annotations[2].clone();
    foreign.id = "foreign".into();
    foreign.prefix = "different context".into();
    s.apply(Action::Merge { annotations: vec![foreign], relations: vec![], meta: None });
    let compact = native::to_json_cached(&s, "now", &mut native::JsonCache::compact());
    let full = to_json(&s, "now");
    assert!(compact.len() < full.len());
    assert_eq!(compact.matches("\"prefix\"").count(), 1);
    for derivable in ["\"quote\"", "\"note\"", "\"entity_ref\"", "\"modified\""] {
        assert!(!compact.contains(derivable), "{derivable} is left out of the stored copy");
    }
    let back = parse(&compact).unwrap();
    assert!(back.failed.is_empty());
    assert_eq!(back.snapshot, s.snapshot());
}

#[test]
fn hand_written_annotation_json_equals_serde() {
    let s = annotated();
    for a in s.annotations().iter() {
        let mut a = (**a).clone();
        a.note = "a \"note\"\n\twith\u{1} controls".into();
        a.entity_ref = Some("Q123".into());
        let mut out = String::new();
        article_annotator::formats::json_write::annotation(&mut out, &a, None);
        assert_eq!(out, serde_json::to_string(&a).unwrap());
    }
}

#[test]
fn values_written_by_the_first_release_still_open_and_gain_the_new_fields() {
    // The stored form of the first release: compact records, no document metadata.
    let old = r#"{"format":"article-annotator","version":1,"exported_at":"2026-11-28T10:00:00.000Z",
      "document":{"id":"doc-old","title":"Old 😀","text":"Old 😀\nXi met 北京 officials.","offset_unit":"codepoint",
                  "text_sha256":"x","length":26,"source":"china-belarus.txt"},
      "annotations":[{"id":"a1","kind":"entity","label":"PERSON","start":6,"end":8,"created":"2026-11-28T10:00:00.000Z"},
                     {"id":"a2","kind":"claim","label":"CLAIM","start":6,"end":26,"created":"2026-11-28T10:00:00.000Z",
                      "claim":{"speaker":null,"speaker_text":"","attribution":"author","check_worthy":true,"verdict":"unverified","evidence":[]}}],
      "relations":[]}"#;
    let imp = parse(old).unwrap();
    assert!(imp.failed.is_empty(), "{:?}", imp.failed);
    let s = imp.into_state();
    assert_eq!(s.doc.id, "doc-old");
    assert_eq!((s.doc.url.as_str(), s.doc.authors.len(), s.doc.published.as_str()), ("", 0, ""));
    assert_eq!(s.get("a1").unwrap().quote, "Xi");
    assert!(s.deleted.is_empty());
    // Written again, the same version with the new optional fields; read back, the same.
    let again: Value = serde_json::from_str(&to_json(&s, "2026-11-29T00:00:00Z")).unwrap();
    assert_eq!(again["version"], 1);
    assert_eq!(again["document"]["authors"], json!([]));
    assert_eq!(parse(&again.to_string()).unwrap().into_state().snapshot(), s.snapshot());
}

#[test]
fn document_metadata_and_deletions_round_trip() {
    let mut s = annotated();
    let mut snap = s.snapshot();
    snap.doc.url = "https://news.example/a?x=1".into();
    snap.doc.authors = vec!["Zoë Ångström".into(), "李明".into()];
    snap.doc.published = "2026-11-28T08:00:00+01:00".into();
    s = State::new(snap);
    let id = s.annotations()[0].id.clone();
    s.apply(Action::Delete { id: id.clone(), now: "2026-11-29T01:00:00Z".into() });
    s.apply(Action::Rename { title: "Renamed 😀".into(), now: "2026-11-29T02:00:00Z".into() });
    let back = parse(&to_json(&s, "2026-11-29T03:00:00Z")).unwrap().into_state();
    assert_eq!(back.snapshot(), s.snapshot());
    assert_eq!(back.deleted[0].id, id);
    assert_eq!(back.doc.renamed, "2026-11-29T02:00:00Z");
}

#[test]
fn a_file_that_is_not_json_is_refused_with_the_line_and_column() {
    let json = "{\n  \"format\": \"article-annotator\",\n  \"version\": 1\n  \"document\": {}\n}";
    assert_eq!(parse(json).unwrap_err(), "The file is not valid JSON (line 4, column 3: expected ',' or '}').");
    // Broken anywhere, even inside one record or after a foreign format, the whole file is refused.
    let mut broken = to_json(&annotated(), "now");
    broken.insert_str(broken.find("\"end\"").unwrap(), "\"x\": [1,], ");
    assert!(parse(&broken).unwrap_err().starts_with("The file is not valid JSON (line 1, column "));
    let foreign = r#"{"format": "brat", "x": [1,]}"#;
    assert_eq!(
        parse(foreign).unwrap_err(),
        "The file is not valid JSON (line 1, column 28: a comma before ']' is not allowed)."
    );
}

#[test]
fn an_unusable_part_is_named_with_where_it_is() {
    let err = parse(&file_with(|v| v["labels"] = json!([{"id": 1}]))).unwrap_err();
    assert!(err.starts_with("The file's \"labels\" are unusable (line 1, column "), "{err}");
    assert!(err.ends_with(": \"id\" should be a string, not a number)."), "{err}");
    let err = parse(r#"{"format": 7}"#).unwrap_err();
    assert_eq!(
        err,
        "The file is not an Article Annotator file (line 1, column 12: \"format\" should be a string, not a number)."
    );
    let err = parse(r#"{"format": "article-annotator", "version": 1}"#).unwrap_err();
    assert_eq!(err, "The file has no \"document\".");
    let err = parse(&file_with(|v| v["document"].as_object_mut().unwrap().retain(|k, _| k != "text"))).unwrap_err();
    assert!(
        err.starts_with("The file's \"document\" is unusable (line 1, column ")
            && err.ends_with(": \"text\" is missing).")
    );
}

#[test]
fn a_record_of_the_wrong_shape_fails_alone_and_says_why_without_a_position() {
    let json = file_with(|v| {
        let anns = v["annotations"].as_array_mut().unwrap();
        anns[4]["start"] = json!("x");
        anns[1]["kind"] = json!(["entity"]);
        anns[2] = json!(17);
        anns[3]["quote"] = json!("MARK");
    });
    // A lone surrogate in one record's quote: that record fails, the file is still read.
    let json = json.replacen("\"MARK\"", "\"\\udc00\"", 1);
    let imp = parse(&json).unwrap();
    assert_eq!(imp.snapshot.annotations.len(), 2, "{:?}", imp.failed);
    assert_eq!(
        imp.failed,
        [
            "annotation #2: \"kind\" should be a string, not a list",
            "annotation #3: expected an object, not a number",
            "annotation #4: a \\u escape holds half of a surrogate pair without the other half",
            "annotation #5: \"start\" should be a whole number, not a string",
        ]
    );
}
