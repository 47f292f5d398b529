//! The JSON interchange formats (doccano JSONL, Label Studio): export → read gives the spans
//! back; every exported offset gives its quote in the format's unit, after emoji, combining
//! marks, CJK and CRLF; other tools' files read, and their faults reported.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::foreign::{ForeignSpan, Unit};
use article_annotator::formats::{doccano, label_studio};
use article_annotator::model::meta::Entity;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Attribution, Document, Evidence, Span, State, Worthiness};
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
}
