//! A stored document read in slices gives exactly what one whole reading gives: for files the
//! app writes, for bad records, syntax errors before, inside and after the annotations, and for
//! files laid out otherwise (read whole).
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::native::{parse, to_json};
use article_annotator::formats::native_slices::{begin, begin_in_pieces, More, Read};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};
use proptest::prelude::*;
use serde_json::{json, Value};

const TEXT: &str = "Emoji 😀 test\r\n北京 and Zoë and e\u{301}te 👩\u{200d}🔬 said prices will fall.";

fn annotated(text: &str, spans: &[(usize, usize, &str)]) -> State {
    let mut s =
        State::new(Snapshot { doc: Document::from_text(text, "t"), labels: default_labels(), ..Snapshot::default() });
    for &(a, b, l) in spans {
        s.apply(Action::Add { start: a, end: b, label: l.into(), now: "2026-01-01T00:00:00Z".into() });
    }
    s
}

fn base() -> String {
    let spans =
        [(6, 7, "OTHER"), (13, 15, "LOC"), (20, 23, "PERSON"), (28, 31, "OTHER"), (32, 35, "EVENT"), (36, 59, "CLAIM")];
    to_json(&annotated(TEXT, &spans), "2026-11-29T10:00:00Z")
}

/// Read `raw` in slices of `n` records, counting the slices.
fn sliced(raw: &str, n: usize) -> (Result<article_annotator::formats::native::Imported, String>, usize) {
    sliced_from(begin(raw.to_string()), raw, n)
}

/// `raw` cut into a first piece of about `first` bytes and the rest in pieces of about `size`
/// (whole characters, at least one a piece), as a stored value is handed into wasm.
fn in_pieces(raw: &str, first: usize, size: usize) -> (String, More) {
    fn cut(raw: &str, from: usize, n: usize) -> usize {
        let mut to = from.saturating_add(n).min(raw.len());
        while !raw.is_char_boundary(to) {
            to += 1;
        }
        to
    }
    let head = cut(raw, 0, first);
    let (rest, mut at) = (raw.to_string(), head);
    let more: More = Box::new(move |out: &mut String, _| {
        let to = cut(&rest, at, size.max(1));
        out.push_str(&rest[at..to]);
        at = to;
        at < rest.len()
    });
    (raw[..head].to_string(), more)
}

fn sliced_from(
    mut read: Read,
    raw: &str,
    n: usize,
) -> (Result<article_annotator::formats::native::Imported, String>, usize) {
    let mut steps = 0;
    loop {
        match read {
            Read::More(s) => {
                steps += 1;
                read = s.step(n);
            }
            Read::Done(back, out) => {
                assert_eq!(back, raw, "the text comes back as it was");
                return (out, steps);
            }
        }
    }
}

fn same(raw: &str) {
    let whole = parse(raw);
    for n in [1, 2, 3, 1000] {
        assert_eq!(sliced(raw, n).0, whole, "slices of {n}: {raw}");
    }
    // Handed in pieces: the first holding all, part or none of the top level before the
    // annotations, the others cutting records anywhere, with little or nothing kept ahead.
    for (first, size, ahead) in [(0, 1, 1), (40, 7, 0), (300, 1, 20), (700, 33, 100), (usize::MAX, 1, 1)] {
        for n in [1, 1000] {
            let (head, more) = in_pieces(raw, first, size);
            let read = begin_in_pieces(head, Some(more), ahead);
            assert_eq!(sliced_from(read, raw, n).0, whole, "pieces {first}/{size}, slices of {n}: {raw}");
        }
    }
}

/// The same, and read in slices indeed (not handed whole to `parse`).
fn same_in_slices(raw: &str) {
    same(raw);
    assert!(sliced(raw, 1).1 > 0, "read in slices: {raw}");
}

/// `base()` changed by `f`, its top-level keys in the order the app writes them (serde_json's
/// own order, by name, puts the annotations before the document).
fn with(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&base()).unwrap();
    f(&mut v);
    let order = ["format", "version", "exported_at", "document", "labels", "entities", "rating_scale", "annotations"];
    let o = v.as_object().unwrap();
    let rest = o.keys().filter(|k| !order.contains(&k.as_str())).map(String::as_str);
    let parts: Vec<String> =
        order.into_iter().chain(rest).filter_map(|k| o.get(k).map(|x| format!("{}:{x}", json!(k)))).collect();
    format!("{{{}}}", parts.join(","))
}

#[test]
fn a_file_the_app_writes_is_read_in_slices_to_the_same_document() {
    let raw = base();
    same(&raw);
    let (out, steps) = sliced(&raw, 2);
    assert!(out.unwrap().failed.is_empty());
    assert_eq!(
        steps, 7,
        "the index of the text, six records two a slice, the end of the list and the rest of the file, the records kept, the end's checks"
    );
}

#[test]
fn bad_records_fail_alike() {
    same_in_slices(&with(|v| {
        let anns = v["annotations"].as_array_mut().unwrap();
        anns[1]["label"] = json!("NOPE");
        anns[2]["start"] = json!("x");
        anns[3] = json!(17);
        anns[4]["id"] = anns[0]["id"].clone();
        anns[5]["end"] = json!(100_000);
    }));
    same_in_slices(&with(|v| {
        let anns = v["annotations"].as_array_mut().unwrap();
        anns[2]["quote"] = json!("prices");
    }));
}

#[test]
fn other_layouts_and_refusals_read_alike() {
    for f in [
        (|v: &mut Value| v["annotations"] = json!([])) as fn(&mut Value),
        |v| v["annotations"] = json!(null),
        |v| v["annotations"] = json!({"a": 1}),
        |v| {
            v.as_object_mut().unwrap().remove("annotations");
        },
        |v| v["format"] = json!("other"),
        |v| v["version"] = json!(99),
        |v| v["document"]["offset_unit"] = json!("utf16"),
        |v| v["labels"] = json!(7),
        |v| v["relations"] = json!([{"from": "a1", "to": "zz", "type": "said_by"}]),
    ] {
        same(&with(f));
    }
    // Parts after the annotations that are read before them, and the annotations twice.
    let raw = base();
    let at = raw.find("\"annotations\"").unwrap();
    let labels_last = format!(
        "{}\"labels\":[{{\"id\":\"X\",\"name\":\"X\",\"color\":\"#123456\",\"kind\":\"entity\"}}],{}",
        &raw[..at],
        &raw[at..]
    );
    let moved = format!("{},\"labels\":[]}}", labels_last.trim_end().trim_end_matches('}'));
    same(&moved);
    same(&format!("{},\"annotations\":[]}}", raw.trim_end().trim_end_matches('}')));
}

#[test]
fn syntax_errors_before_inside_and_after_the_annotations_say_the_same() {
    let raw = base();
    let at = raw.find("\"annotations\"").unwrap();
    let inside = raw.find("\"label\"").unwrap();
    for bad in [
        format!("{}x{}", &raw[..at - 1], &raw[at - 1..]),
        format!("{}x{}", &raw[..inside], &raw[inside..]),
        format!("{},]{}", &raw[..raw.rfind(']').unwrap()], &raw[raw.rfind(']').unwrap() + 1..]),
        format!("{} 1", raw),
        raw[..raw.len() - 1].to_string(),
        format!("{}\"quote\":\"\\u12\"{}", &raw[..inside], &raw[inside..]),
    ] {
        assert!(parse(&bad).is_err(), "{bad}");
        same(&bad);
    }
    // A file refused for what it says of itself, with a syntax error after that: not JSON.
    let refused = with(|v| v["version"] = json!(99));
    let inside = refused.find("\"label\"").unwrap();
    let bad = format!("{}x{}", &refused[..inside], &refused[inside..]);
    assert!(parse(&bad).unwrap_err().contains("not valid JSON"));
    same(&bad);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_document_reads_alike_in_slices(
        words in prop::collection::vec("[a-zé😀北 ]{1,6}", 1..30),
        spans in prop::collection::vec((0usize..200, 1usize..12, 0usize..3), 0..40),
        n in 1usize..9,
    ) {
        let text = words.join(" \n");
        let len = text.chars().count();
        let labels = ["PERSON", "LOC", "CLAIM"];
        let spans: Vec<(usize, usize, &str)> =
            spans.iter().map(|&(a, w, l)| (a % len, (a % len + w).min(len), labels[l])).filter(|(a, b, _)| a < b).collect();
        let raw = to_json(&annotated(&text, &spans), "2026-11-29T10:00:00Z");
        let whole = parse(&raw);
        let (read, steps) = sliced(&raw, n);
        prop_assert_eq!(read, whole);
        prop_assert!(steps > 0);
    }
}

/// The first time, reading `raw` a record a step, that every annotation touching the line at
/// code point `reach` is read: the annotations read by then (None: not before the end).
fn first_screen(raw: &str, reach: usize) -> Option<Vec<(usize, usize, String)>> {
    let mut read = begin(raw.to_string());
    while let Read::More(s) = read {
        if s.read_before(reach) {
            let part = s.partial().snapshot.annotations;
            return Some(part.into_iter().map(|a| (a.start, a.end, a.quote)).collect());
        }
        read = s.step(1);
    }
    None
}

#[test]
fn the_first_screen_is_handed_over_once_every_annotation_touching_it_is_read() {
    let raw = base();
    // Reach 3 is on the first line (to code point 12): the emoji's annotation, and the one
    // after it that shows the list is past that line.
    let part = first_screen(&raw, 3).expect("before the end");
    assert_eq!(part, [(6, 7, "😀".to_string()), (13, 15, "北京".to_string())]);
    let whole = parse(&raw).unwrap().snapshot.annotations;
    assert!(whole.iter().filter(|a| a.start < 12).all(|a| part.iter().any(|p| p.0 == a.start && p.1 == a.end)));
    // The last line reaches the end of the text: nothing is handed over before it is all read.
    assert_eq!(first_screen(&raw, 20), None);
}

/// The app writes its records in document order; a stored file that is not (restored from
/// elsewhere) shows first what came before (a highlight of its first screen can then come with
/// the rest), and is read whole the same.
#[test]
fn a_file_out_of_document_order_hands_over_what_came_first_and_reads_the_same() {
    let raw = with(|v| v["annotations"].as_array_mut().unwrap().swap(0, 1));
    assert_eq!(first_screen(&raw, 3), Some(vec![(13, 15, "北京".to_string())]));
    same(&raw);
}

#[test]
fn a_step_stops_once_the_first_screen_is_read_and_the_rest_reads_the_same() {
    let raw = base();
    let Read::More(s) = begin(raw.clone()) else { panic!("read in slices") };
    // The text's index, then records until past the first line, not the 1,000 asked for.
    let Read::More(s) = s.step_until(1000, Some(3)) else { panic!("the index first") };
    let Read::More(s) = s.step_until(1000, Some(3)) else { panic!("stopped before the end") };
    assert!(s.read_before(3));
    assert_eq!(s.partial().snapshot.annotations.len(), 2);
    let mut read = s.step_until(1000, Some(3));
    while let Read::More(s) = read {
        read = s.step_until(1000, Some(3));
    }
    let Read::Done(_, whole) = read else { unreachable!() };
    assert_eq!(whole, parse(&raw));
}
