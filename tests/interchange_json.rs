//! The JSON interchange formats (W3C Web Annotation, doccano JSONL, Label Studio): export →
//! read gives the spans back; every exported offset gives its quote in the format's unit, after
//! emoji, combining marks, CJK and CRLF; other tools' files read, and their faults reported.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::foreign::{ForeignSpan, Unit};
use article_annotator::formats::{doccano, label_studio, w3c};
use article_annotator::model::annotation::Relation;
use article_annotator::model::meta::Entity;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Attribution, Document, Evidence, Span, State, Worthiness};
use proptest::prelude::*;
use serde_json::Value;
use std::rc::Rc;

const NOW: &str = "2026-11-29T12:00:00Z";
/// Astral characters, a flag, a ZWJ sequence, CJK, a combining mark and a CRLF line end.
const TEXT: &str = "Talks in 🇧🇪\r\n👩\u{200d}🔬 Rene\u{301}e met 李明 😀. \"Trade grew by 40 %,\" Rene\u{301}e said.";

fn state(text: &str) -> State {
    State::new(Snapshot { doc: Document::from_text(text, "t"), labels: default_labels(), ..Snapshot::default() })
}

/// Tag the `nth` occurrence of `needle` (code points found on the normalised text).
fn add(s: &mut State, needle: &str, nth: usize, label: &str) -> String {
    let b = s.doc.text.match_indices(needle).nth(nth).expect(needle).0;
    let start = s.doc.text[..b].chars().count();
    let end = start + needle.chars().count();
    s.apply(Action::Add { start, end, label: label.into(), now: "2026-11-29T10:00:00Z".into() });
    s.selected.clone().unwrap()
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

/// The article with a linked mention, a noted mention and a claim with every field set.
fn annotated() -> (State, [String; 4]) {
    let mut s = state(TEXT);
    let place = add(&mut s, "🇧🇪", 0, "LOC");
    let li = add(&mut s, "李明", 0, "PERSON");
    let renee = add(&mut s, "Rene\u{301}e", 1, "PERSON");
    let claim = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    let mut meta = s.meta();
    Rc::make_mut(&mut meta.entities).push(Entity {
        id: "e1".into(),
        name: "Li Ming".into(),
        label: "PERSON".into(),
        aliases: vec![],
        kb_id: "Q15031".into(),
    });
    let mut mention = (**s.get(&li).unwrap()).clone();
    mention.entity_ref = Some("e1".into());
    mention.note = "not the footballer".into();
    let mut c = (**s.get(&claim).unwrap()).clone();
    let f = c.claim.as_mut().unwrap();
    f.speaker = Some(renee.clone());
    f.speaker_text = "Rene\u{301}e".into();
    f.attribution = Attribution::Direct;
    f.set_worthiness(Some(Worthiness::CheckWorthy));
    f.verdict = "mostly_true".into();
    f.explanation = "Customs data show 38 %.".into();
    f.cue = Some(Span { start: 60, end: 64 });
    f.evidence.push(Evidence { url: "https://example.org/customs".into(), note: "table 3".into() });
    s.apply(Action::Commit { update: vec![mention, c], remove: vec![], meta: Some(Box::new(meta)), now: NOW.into() });
    (s, [place, li, renee, claim])
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn w3c_export_is_a_collection_that_reads_back_whole() {
    let (s, [_, li, renee, claim]) = annotated();
    let e = w3c::export(&s, NOW);
    assert_eq!((e.name.as_str(), e.mime), ("talks-in.w3c.jsonld", "application/ld+json"));
    assert!(e.left_out.is_empty());
    let v = json(&e.bytes);
    assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["label"], "Talks in 🇧🇪");
    assert_eq!(v["total"], 4);
    assert_eq!(v["generator"]["name"], "Article Annotator");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!((v["first"]["type"].as_str(), items.len()), (Some("AnnotationPage"), 4));
    let text = &s.doc.text;
    for item in items {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["target"]["source"], format!("urn:sha256:{}", s.doc.sha256));
        let sel = item["target"]["selector"].as_array().unwrap();
        let (start, end) = (sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
        assert_eq!(cp_slice(text, start, end), sel[0]["exact"].as_str().unwrap());
        assert!(cp_slice(text, 0, start).ends_with(sel[0]["prefix"].as_str().unwrap()));
        assert!(cp_slice(text, end, usize::MAX).starts_with(sel[0]["suffix"].as_str().unwrap()));
    }
    let c = items.iter().find(|i| i["id"] == format!("urn:article-annotator:{}:{claim}", s.doc.id)).unwrap();
    assert_eq!(c["motivation"], "assessing");
    assert_eq!(c["body"][0]["value"], "Claim");
    assert_eq!(
        (c["body"][1]["purpose"].as_str(), c["body"][1]["value"].as_str()),
        (Some("assessing"), Some("Mostly true"))
    );
    assert_eq!(c["body"][1]["aa:rating"], 4);
    assert_eq!(c["body"][2]["source"], format!("urn:article-annotator:{}:{renee}", s.doc.id));
    assert_eq!(c["aa:claim"]["evidence"][0]["url"], "https://example.org/customs");
    let m = items.iter().find(|i| i["target"]["selector"][0]["exact"] == "李明").unwrap();
    assert_eq!(m["body"][1]["value"], "not the footballer");
    assert_eq!(m["body"][2]["source"], "https://www.wikidata.org/wiki/Q15031");

    let f = w3c::read(std::str::from_utf8(&e.bytes).unwrap()).unwrap();
    assert_eq!(
        (f.format, f.unit, f.text.as_deref(), f.title.as_str()),
        ("W3C Web Annotation", Unit::CodePoint, None, "Talks in 🇧🇪")
    );
    assert!(f.failed.is_empty(), "{:?}", f.failed);
    assert_eq!(f.relations, vec![("said_by".to_string(), claim.clone(), renee.clone())]);
    let want: Vec<ForeignSpan> = s
        .annotations()
        .iter()
        .enumerate()
        .map(|(i, a)| ForeignSpan {
            id: a.id.clone(),
            label: a.label.clone(),
            start: a.start,
            end: a.end,
            quote: a.quote.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            note: a.note.clone(),
            kb_id: if a.id == li { "Q15031".into() } else { String::new() },
            claim: a.claim.clone(),
            place: format!("item {}", i + 1),
        })
        .collect();
    assert_eq!(f.spans, want);
}

#[test]
fn w3c_says_which_links_it_cannot_carry() {
    let (mut s, [place, _, renee, claim]) = annotated();
    let mut meta = s.meta();
    Rc::make_mut(&mut meta.entities).push(Entity {
        id: "e2".into(),
        name: "Belgium".into(),
        label: "LOC".into(),
        aliases: vec![],
        kb_id: String::new(),
    });
    let mut a = (**s.get(&place).unwrap()).clone();
    a.entity_ref = Some("e2".into());
    s.apply(Action::Commit { update: vec![a], remove: vec![], meta: Some(Box::new(meta)), now: NOW.into() });
    let mut snap = s.snapshot();
    for (i, kind) in ["cue_of", "quotes"].iter().enumerate() {
        let id = format!("r{i}");
        snap.relations.push(Relation { id, kind: kind.to_string(), from: claim.clone(), to: renee.clone() });
    }
    let e = w3c::export(&State::new(snap), NOW);
    assert_eq!(
        e.left_out,
        [
            "1 link to an entity without a Wikidata id: W3C keeps only Wikidata links",
            "2 other links between spans: W3C keeps only speaker links"
        ]
    );
}

const LEFT_OUT: [&str; 4] = [
    "1 claim's fields (speaker, verdict, evidence…): FORMAT keeps only spans and their labels",
    "1 note: FORMAT keeps only spans and their labels",
    "1 link to an entity: FORMAT keeps only spans and their labels",
    "1 speaker link: FORMAT keeps only spans and their labels",
];

fn left_out(format: &str) -> Vec<String> {
    LEFT_OUT.iter().map(|l| l.replace("FORMAT", format)).collect()
}

#[test]
fn doccano_exports_one_line_in_code_points_and_reads_it_back() {
    let (s, _) = annotated();
    let e = doccano::export(&s);
    assert_eq!((e.name.as_str(), e.mime), ("talks-in.doccano.jsonl", "application/jsonl"));
    assert_eq!(e.left_out, left_out("doccano JSONL"));
    let body = std::str::from_utf8(&e.bytes).unwrap();
    assert_eq!(body.matches('\n').count(), 1, "one line, ended");
    let v: Value = serde_json::from_str(body.trim_end()).unwrap();
    let text = v["text"].as_str().unwrap();
    assert_eq!(text, s.doc.text);
    assert!(!text.contains('\r'));
    for (l, a) in v["label"].as_array().unwrap().iter().zip(s.annotations().iter()) {
        let (start, end) = (l[0].as_u64().unwrap() as usize, l[1].as_u64().unwrap() as usize);
        assert_eq!((cp_slice(text, start, end), l[2].as_str().unwrap()), (a.quote.clone(), a.label.as_str()));
    }
    let back = doccano::read(body).unwrap();
    assert_eq!(back.len(), 1);
    let f = &back[0];
    assert_eq!(
        (f.unit, f.text.as_deref(), f.title.as_str()),
        (Unit::CodePoint, Some(s.doc.text.as_str()), "Talks in 🇧🇪")
    );
    assert!(f.failed.is_empty(), "{:?}", f.failed);
    let got: Vec<_> =
        f.spans.iter().map(|x| (x.label.as_str(), x.start, x.end, cp_slice(text, x.start, x.end))).collect();
    let want: Vec<_> = s.annotations().iter().map(|a| (a.label.as_str(), a.start, a.end, a.quote.clone())).collect();
    assert_eq!(got, want);
}

#[test]
fn label_studio_exports_utf16_units_and_reads_them_back() {
    let (s, _) = annotated();
    let e = label_studio::export(&s, NOW);
    assert_eq!((e.name.as_str(), e.mime), ("talks-in.label-studio.json", "application/json"));
    assert_eq!(e.left_out, left_out("Label Studio"));
    let v = json(&e.bytes);
    let text = v[0]["data"]["text"].as_str().unwrap();
    assert_eq!(text, s.doc.text);
    assert_eq!(v[0]["annotations"][0]["created_at"], NOW);
    let result = v[0]["annotations"][0]["result"].as_array().unwrap();
    assert_eq!(result.len(), 4);
    for r in result {
        assert_eq!(
            (r["type"].as_str(), r["from_name"].as_str(), r["to_name"].as_str()),
            (Some("labels"), Some("label"), Some("text"))
        );
        let val = &r["value"];
        let (start, end) = (val["start"].as_u64().unwrap() as usize, val["end"].as_u64().unwrap() as usize);
        assert_eq!(utf16_slice(text, start, end), val["text"].as_str().unwrap());
    }
    // The flag is two astral code points: four UTF-16 units where Python counts two.
    assert_eq!((result[0]["value"]["start"].as_u64(), result[0]["value"]["end"].as_u64()), (Some(9), Some(13)));
    assert_eq!(result[0]["value"]["labels"][0], "Location");

    let back = label_studio::read(std::str::from_utf8(&e.bytes).unwrap()).unwrap();
    assert_eq!(back.len(), 1);
    let f = &back[0];
    assert_eq!((f.format, f.unit, f.text.as_deref()), ("Label Studio", Unit::Either, Some(s.doc.text.as_str())));
    assert!(f.failed.is_empty(), "{:?}", f.failed);
    let got: Vec<_> =
        f.spans.iter().map(|x| (x.id.clone(), x.label.clone(), x.start, x.end, x.quote.clone())).collect();
    let want: Vec<_> = s
        .annotations()
        .iter()
        .map(|a| {
            let name = s.label(&a.label).unwrap().name.clone();
            (a.id.clone(), name, s.index.cp_to_utf16(a.start), s.index.cp_to_utf16(a.end), a.quote.clone())
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn label_studio_config_names_every_label_escaped() {
    let mut labels = default_labels();
    labels.truncate(1);
    labels[0].name = "Q&A <\"quoted\">".into();
    let s = State::new(Snapshot { doc: Document::from_text("x", "t"), labels, ..Snapshot::default() });
    assert_eq!(
        label_studio::config(&s),
        "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"Q&amp;A &lt;&quot;quoted&quot;&gt;\" background=\"#e69f00\"/>\n  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n"
    );
}

/// Texts of pieces that trip offset counting, joined at random.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a",
        "Zoë ",
        "😀",
        "👩\u{200d}🔬",
        "🇧🇪",
        "李明",
        "Rene\u{301}e",
        " ",
        "\r\n",
        "\n",
        "\r",
        "word ",
        "\"",
        "\\",
    ]);
    prop::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Every exported offset gives its quote on the normalised text (code points; UTF-16 units
    /// for Label Studio), and each format reads back the spans it wrote.
    #[test]
    fn exported_offsets_hold_and_read_back(raw in pieces(), spans in prop::collection::vec((0usize..200, 1usize..10, 0usize..8), 0..10)) {
        let mut s = state(&raw);
        let len = s.index.len();
        prop_assume!(len > 0);
        for (start, width, label) in spans {
            let start = start % len;
            let label = default_labels()[label].id.clone();
            s.apply(Action::Add { start, end: (start + width).min(len), label, now: "t".into() });
        }
        let text = s.doc.text.clone();
        prop_assert!(!text.contains('\r'));
        let want: Vec<_> = s.annotations().iter().map(|a| (a.start, a.end, a.quote.clone())).collect();
        for a in s.annotations().iter() {
            prop_assert_eq!(cp_slice(&text, a.start, a.end), a.quote.clone());
        }

        let w = w3c::export(&s, NOW);
        let v = json(&w.bytes);
        for item in v["first"]["items"].as_array().unwrap() {
            let sel = &item["target"]["selector"];
            let (st, en) = (sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
            prop_assert_eq!(cp_slice(&text, st, en), sel[0]["exact"].as_str().unwrap());
        }
        let f = w3c::read(std::str::from_utf8(&w.bytes).unwrap()).unwrap();
        let got: Vec<_> = f.spans.iter().map(|x| (x.start, x.end, x.quote.clone())).collect();
        prop_assert_eq!(&got, &want);

        let d = doccano::export(&s);
        let v: Value = serde_json::from_slice(&d.bytes).unwrap();
        prop_assert_eq!(v["text"].as_str().unwrap(), text.as_str());
        let f = &doccano::read(std::str::from_utf8(&d.bytes).unwrap()).unwrap()[0];
        let got: Vec<_> = f.spans.iter().map(|x| (x.start, x.end, cp_slice(&text, x.start, x.end))).collect();
        prop_assert_eq!(&got, &want);

        let l = label_studio::export(&s, NOW);
        let v = json(&l.bytes);
        for r in v[0]["annotations"][0]["result"].as_array().unwrap() {
            let val = &r["value"];
            let (st, en) = (val["start"].as_u64().unwrap() as usize, val["end"].as_u64().unwrap() as usize);
            prop_assert_eq!(utf16_slice(&text, st, en), val["text"].as_str().unwrap());
        }
        let f = &label_studio::read(std::str::from_utf8(&l.bytes).unwrap()).unwrap()[0];
        let got: Vec<_> = f.spans.iter().map(|x| (s.index.utf16_to_cp(x.start), s.index.utf16_to_cp(x.end), x.quote.clone())).collect();
        prop_assert_eq!(&got, &want);
    }
}

fn span(id: &str, label: &str, start: usize, end: usize, quote: &str, place: &str) -> ForeignSpan {
    ForeignSpan {
        id: id.into(),
        label: label.into(),
        start,
        end,
        quote: quote.into(),
        place: place.into(),
        ..ForeignSpan::default()
    }
}

/// A Hypothesis API export: positions counted in UTF-16 units by the browser extension.
const HYPOTHESIS: &str = r#"{"total": 5, "rows": [
 {"id": "h1", "text": "check this", "tags": ["Person", "politics"], "target": [{"source": "https://example.org/a",
   "selector": [{"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 3, "endContainer": "/p[1]", "endOffset": 13},
                {"type": "TextPositionSelector", "start": 3, "end": 13},
                {"type": "TextQuoteSelector", "exact": "Xi Jinping", "prefix": "😀 ", "suffix": " met"}]}]},
 {"id": "h2", "tags": [], "text": "a page note", "target": [{"source": "https://example.org/a"}]},
 {"id": "h1", "tags": ["Person"], "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Lukashenko"}]}]},
 {"id": "h4", "tags": ["Person"], "target": [{"selector": [{"type": "TextPositionSelector", "start": 20, "end": 12}]}]},
 {"id": "h5", "target": [{"selector": [{"type": "TextPositionSelector", "start": "3", "end": 5}]}]}
]}"#;

#[test]
fn a_hypothesis_export_reads_with_its_utf16_positions() {
    let f = w3c::read(HYPOTHESIS).unwrap();
    assert_eq!((f.unit, f.text.as_deref()), (Unit::Either, None));
    let mut h1 = span("h1", "Person", 3, 13, "Xi Jinping", "item 1");
    (h1.prefix, h1.suffix, h1.note) = ("😀 ".into(), " met".into(), "check this".into());
    assert_eq!(f.spans, vec![h1]);
    // The positions are UTF-16 units: in code points the quote starts one earlier.
    let text = "😀 Xi Jinping met Lukashenko.";
    assert_eq!(utf16_slice(text, 3, 13), "Xi Jinping");
    assert_eq!(cp_slice(text, 2, 12), "Xi Jinping");
    assert_eq!(
        f.failed,
        [
            "item 2: it has neither a TextQuoteSelector nor a TextPositionSelector",
            "item 4: start 20 comes after end 12",
            "item 5: line 9, column 82: \"start\" should be a whole number, not a string",
            "item 3: the id \"h1\" is taken by item 1",
        ]
    );
}

/// A Recogito-style collection: tags and comments as bodies, a place identified, a record
/// with a quote only, an empty one and garbage.
const RECOGITO: &str = r##"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://recogito.example/doc/1",
 "type": "AnnotationCollection", "label": "Li Ming in Minsk",
 "first": {"type": "AnnotationPage", "items": [
  {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#r1", "type": "Annotation",
   "body": [{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
            {"type": "TextualBody", "purpose": "commenting", "value": "the minister"},
            {"type": "SpecificResource", "purpose": "identifying", "source": "http://www.wikidata.org/entity/Q15031"}],
   "target": {"source": "https://example.org/a", "selector": [{"type": "TextQuoteSelector", "exact": "李明"},
              {"type": "TextPositionSelector", "start": 0, "end": 2}]}},
  {"id": "#r2", "type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "PLACE"},
   "target": {"source": "https://example.org/a", "selector": {"type": "TextQuoteSelector", "exact": "Minsk", "prefix": "in "}}},
  {"id": "#r3", "type": "Annotation", "body": [], "target": {"selector": {"type": "TextPositionSelector", "start": 5, "end": 5}}},
  "garbage"
 ]}}"##;

#[test]
fn a_recogito_collection_reads_tags_notes_and_links() {
    let f = w3c::read(RECOGITO).unwrap();
    assert_eq!((f.unit, f.title.as_str()), (Unit::Either, "Li Ming in Minsk"));
    let mut r1 = span("#r1", "PERSON", 0, 2, "李明", "item 1");
    (r1.note, r1.kb_id) = ("the minister".into(), "Q15031".into());
    let mut r2 = span("#r2", "PLACE", 0, 0, "Minsk", "item 2");
    r2.prefix = "in ".into();
    assert_eq!(f.spans, vec![r1, r2]);
    assert!(f.relations.is_empty());
    assert_eq!(f.failed, ["item 3: the span is empty", "item 4: line 13, column 3: expected an object, not a string"]);
}

#[test]
fn w3c_refuses_what_holds_no_annotations() {
    assert_eq!(w3c::read("no json").unwrap_err(), "The file is not valid JSON (line 1, column 1: expected a value).");
    assert_eq!(
        w3c::read("{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}").unwrap_err(),
        "The file holds JSON, but no Web Annotations (no \"items\", \"first\" page or \"rows\")."
    );
    // One annotation alone, and a plain list, are read.
    let one = r#"{"type": "Annotation", "body": {"purpose": "tagging", "value": "ORG"},
      "target": {"selector": {"type": "TextPositionSelector", "start": 1, "end": 4}}}"#;
    assert_eq!(w3c::read(one).unwrap().spans, vec![span("", "ORG", 1, 4, "", "item 1")]);
    assert_eq!(w3c::read(&format!("[{one}, {one}]")).unwrap().spans.len(), 2);
}

/// doccano ≥ 1.7 lines with "entities", a blank line (CRLF), a line with no text, garbage,
/// and a line in the "label" form with faults of its own.
const DOCCANO: &str = "{\"id\": 7, \"text\": \"😀 Xi Jinping met 李明.\", \"entities\": [\
{\"id\": 1, \"start_offset\": 2, \"end_offset\": 12, \"label\": \"PER\"},\
{\"id\": 2, \"start_offset\": 17, \"end_offset\": 19, \"label\": \"PER\"},\
{\"id\": 1, \"start_offset\": 0, \"end_offset\": 1, \"label\": \"X\"},\
{\"id\": 3, \"start_offset\": 15, \"end_offset\": 40, \"label\": \"LOC\"}], \"relations\": []}\r\n\
\r\n\
{\"id\": 8, \"label\": [[0, 2, \"PER\"]]}\n\
not json at all\n\
{\"id\": 9, \"text\": \"\", \"label\": [[0, 5, \"LOC\"], [0, \"x\", \"LOC\"], [3, 1, \"LOC\"], [0, 5]]}\n";

#[test]
fn doccano_lines_read_on_their_own() {
    let docs = doccano::read(DOCCANO).unwrap();
    assert_eq!(docs.len(), 2);
    let text = "😀 Xi Jinping met 李明.";
    let first = &docs[0];
    assert_eq!((first.unit, first.text.as_deref(), first.title.as_str()), (Unit::CodePoint, Some(text), text));
    let got: Vec<_> =
        first.spans.iter().map(|s| (s.id.as_str(), s.label.as_str(), cp_slice(text, s.start, s.end))).collect();
    assert_eq!(got, [("1", "PER", "Xi Jinping".into()), ("2", "PER", "李明".to_string())]);
    assert_eq!(
        first.failed,
        [
            "line 3: \"text\" is missing",
            "line 4: not JSON (column 1: expected a value)",
            "line 1, entity 4: end 40 is past the end of the text (20 characters)",
            "line 1, entity 3: the id \"1\" is taken by line 1, entity 1",
        ]
    );
    let last = &docs[1];
    assert_eq!((last.text.as_deref(), last.title.as_str(), last.spans.len()), (Some(""), "9", 0));
    assert_eq!(
        last.failed,
        [
            "line 5, label 1: end 5 is past the end of the text (0 characters)",
            "line 5, label 2: expected a whole number, not a string",
            "line 5, label 3: start 3 comes after end 1",
            "line 5, label 4: a label should be [start, end, \"LABEL\"]",
        ]
    );
    assert_eq!(
        doccano::read("\n[1]\nnull\n").unwrap_err(),
        "The file is not doccano JSONL: line 2: expected an object, not a list."
    );
    assert_eq!(doccano::read(" \n").unwrap_err(), "The file is not doccano JSONL: it holds no lines.");
}

#[test]
fn doccano_text_with_crlf_is_normalised_and_its_spans_follow() {
    // doccano counts the CR; the document will not have it.
    let line =
        "{\"text\": \"Title\\r\\n😀 Xi\\r\\nLi\", \"label\": [[0, 5, \"T\"], [9, 11, \"PER\"], [13, 15, \"PER\"]]}";
    let f = &doccano::read(line).unwrap()[0];
    let text = f.text.as_deref().unwrap();
    assert_eq!(text, "Title\n😀 Xi\nLi");
    let got: Vec<_> = f.spans.iter().map(|s| cp_slice(text, s.start, s.end)).collect();
    assert_eq!(got, ["Title", "Xi", "Li"]);
}

#[test]
fn texts_with_a_bom_or_crlf_keep_their_spans_where_the_quote_is() {
    // A BOM inside doccano's text: the document will not have it either.
    let f = &doccano::read("{\"text\": \"\\ufeffXi said\", \"label\": [[1, 3, \"PER\"]]}").unwrap()[0];
    assert_eq!((f.text.as_deref(), f.spans[0].start, f.spans[0].end), (Some("Xi said"), 0, 2));
    // Label Studio: one span in UTF-16 units after an emoji, one in code points, both past a CRLF.
    let task = r#"{"data": {"text": "😀 a\r\nXi and Li"}, "annotations": [{"result": [
      {"id": "u", "type": "labels", "value": {"start": 6, "end": 8, "text": "Xi", "labels": ["PER"]}},
      {"id": "c", "type": "labels", "value": {"start": 12, "end": 14, "text": "Li", "labels": ["PER"]}}]}]}"#;
    let f = &label_studio::read(task).unwrap()[0];
    let text = f.text.as_deref().unwrap();
    assert_eq!(text, "😀 a\nXi and Li");
    let got: Vec<_> = f.spans.iter().map(|s| (s.start, s.end, cp_slice(text, s.start, s.end))).collect();
    assert_eq!(got, [(4, 6, "Xi".to_string()), (11, 13, "Li".to_string())]);
}

/// Label Studio tasks: one with predictions only (offsets in UTF-16 units and in code points,
/// a choice, faults), one without text, one whose annotation wins over its prediction.
const LABEL_STUDIO: &str = r#"[
 {"id": 11, "data": {"content": "👩\u200d🔬 Rene\u0301e met 李明 in 🇧🇪 Brussels."}, "annotations": [],
  "predictions": [{"model_version": "v1", "result": [
   {"id": "p1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 6, "end": 12, "text": "Rene\u0301e", "labels": ["PER"]}},
   {"id": "p2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 15, "end": 17, "text": "李明", "labels": ["PER"]}},
   {"id": "p3", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["news"]}},
   {"id": "p4", "type": "labels", "value": {"start": 5, "end": 900, "text": "x", "labels": ["LOC"]}},
   {"id": "p1", "type": "labels", "value": {"start": 0, "end": 2, "text": "👩", "labels": ["X"]}},
   {"id": "p6", "type": "labels", "value": {"end": 3, "labels": ["X"]}}]}]},
 {"id": 12, "data": {"n": 3}, "annotations": []},
 {"id": 13, "data": {"text": "Minsk\r\nMinsk"},
  "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 7, "end": 12, "text": "Minsk", "labels": ["LOC"]}}]}],
  "predictions": [{"result": [{"id": "b", "type": "labels", "value": {"start": 0, "end": 5, "text": "Minsk", "labels": ["ORG"]}}]}]}
]"#;

#[test]
fn label_studio_tasks_read_with_predictions_and_faults() {
    let docs = label_studio::read(LABEL_STUDIO).unwrap();
    assert_eq!(docs.len(), 2);
    let first = &docs[0];
    let text = "👩\u{200d}🔬 Rene\u{301}e met 李明 in 🇧🇪 Brussels.";
    assert_eq!((first.unit, first.text.as_deref(), first.title.as_str()), (Unit::Either, Some(text), text));
    let got: Vec<_> = first.spans.iter().map(|s| (s.id.as_str(), s.label.as_str(), s.start, s.end)).collect();
    assert_eq!(got, [("p1", "PER", 6, 12), ("p2", "PER", 15, 17)]);
    // p1 counts UTF-16 units, p2 code points: the placer tells them apart by the quote.
    assert_eq!(utf16_slice(text, 6, 12), first.spans[0].quote);
    assert_eq!(cp_slice(text, 15, 17), first.spans[1].quote);
    assert_eq!(
        first.failed,
        [
            "task 2: line 10, column 49: the task's \"data\" holds no text",
            "task 1, result 4: end 900 is past the end of the text (37 characters)",
            "task 1, result 6: line 9, column 71: \"start\" is missing",
            "task 1, result 5: the id \"p1\" is taken by task 1, result 1",
        ]
    );
    // The annotation wins over the prediction; the CRLF goes and the span follows it.
    let last = &docs[1];
    assert_eq!(last.text.as_deref(), Some("Minsk\nMinsk"));
    assert_eq!(last.spans, vec![span("a", "LOC", 6, 11, "Minsk", "task 3, result 1")]);
    assert_eq!(
        label_studio::read("[1, 2").unwrap_err(),
        "The file is not valid JSON (line 1, column 6: the text ends where ',' or ']' should be)."
    );
    assert_eq!(label_studio::read("[]").unwrap_err(), "The file is not a Label Studio export: it holds no tasks.");
    let one = r#"{"data": {"text": "Minsk"}, "annotations": [{"result": []}]}"#;
    assert_eq!(label_studio::read(one).unwrap()[0].title, "Minsk");
}

#[test]
fn nothing_is_left_out_of_a_document_with_spans_only() {
    let mut s = state(TEXT);
    add(&mut s, "李明", 0, "PERSON");
    assert!(doccano::export(&s).left_out.is_empty());
    assert!(label_studio::export(&s, NOW).left_out.is_empty());
    assert!(w3c::export(&s, NOW).left_out.is_empty());
}
