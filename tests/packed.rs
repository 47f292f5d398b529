//! A large stored document is kept compressed (LZ4, a character U+0000–U+00FF a byte), which
//! the browser loads at a fraction of the cost at the start of every visit; it unpacks to the
//! same JSON, code point for code point, and a damaged one says so instead of being read.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::native::{parse, to_json};
use article_annotator::formats::packed::{
    block_len, bytes_of, pack, unpack, unpack_block, worth_packing, Packing, BLOCK, MARK, PACK_FROM,
};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};
use proptest::prelude::*;

/// A long document in many scripts (emoji, CJK, a combining mark, CRLF) with an annotation
/// on each kind of character.
fn big() -> State {
    let line = "Zoë said 😀 prices in 北京 will fall, e\u{301}te; 👩\u{200d}🔬 disagreed.\r\n";
    let text = line.repeat(PACK_FROM / line.len() + 10);
    let mut s =
        State::new(Snapshot { doc: Document::from_text(&text, "t"), labels: default_labels(), ..Snapshot::default() });
    let per_line = line.chars().count();
    for i in 0..500 {
        let at = i * 37 * per_line;
        if at + per_line > s.doc.text.chars().count() {
            break;
        }
        for (from, len, label) in
            [(0, 3, "PERSON"), (9, 1, "OTHER"), (22, 2, "LOC"), (29, 4, "OTHER"), (9, 20, "CLAIM")]
        {
            s.apply(Action::Add {
                start: at + from,
                end: at + from + len,
                label: label.into(),
                now: "2026-01-01T00:00:00Z".into(),
            });
        }
    }
    s
}

#[test]
fn a_large_document_is_stored_compressed_in_one_byte_characters_and_reads_back_the_same() {
    let state = big();
    let json = to_json(&state, "2026-01-01T00:00:00Z");
    assert!(worth_packing(&json));
    let stored = pack(&json);
    assert!(stored.starts_with(MARK));
    assert!(stored.chars().all(|c| u32::from(c) <= 0xff), "one byte a character");
    let units = stored.chars().count();
    assert!(units * 4 < json.len(), "{units} units for {} bytes", json.len());
    let back = unpack(&stored).expect("compressed").expect("whole");
    assert_eq!(back, json);
    let read = parse(&back).unwrap().into_state();
    assert_eq!(read.doc.text, state.doc.text);
    let spans =
        |s: &State| s.snapshot().annotations.iter().map(|a| (a.start, a.end, a.label.clone())).collect::<Vec<_>>();
    assert_eq!(spans(&read), spans(&state));
}

#[test]
fn packed_a_few_blocks_at_a_time_it_is_the_same_and_each_block_unpacks_alone_to_whole_characters() {
    let json = to_json(&big(), "2026-01-01T00:00:00Z");
    let mut p = Packing::default();
    let mut steps = 0;
    while !p.more(&json, 1) {
        steps += 1;
    }
    assert_eq!(p.units(), pack(&json).chars().count());
    let stored = p.done();
    assert_eq!(stored, pack(&json));
    // Block by block, as the app reads the start of a document before the rest.
    let bytes = bytes_of(&stored[MARK.len()..]).unwrap();
    let (mut at, mut parts) = (0, Vec::new());
    while at < bytes.len() {
        let len = block_len(&bytes[at..]).unwrap();
        parts.push(unpack_block(&bytes[at + 4..at + 4 + len]).expect("a block alone"));
        at += 4 + len;
    }
    assert!(parts.len() > 1 && parts.iter().all(|p| p.len() <= BLOCK));
    assert_eq!(steps + 1, parts.len(), "a block a step");
    assert_eq!(parts.concat(), json);
}

#[test]
fn the_bytes_of_one_byte_characters_are_read_back_exactly() {
    let all: Vec<u8> = (0..=255).collect();
    let s: String = all.iter().map(|&b| char::from(b)).collect();
    assert_eq!(bytes_of(&s).unwrap(), all);
    assert!(bytes_of("a€").unwrap_err().contains("U+20AC"));
    assert!(bytes_of("😀").is_err());
}

#[test]
fn small_or_non_json_values_are_stored_as_they_are() {
    let small = to_json(&State::new(Snapshot { doc: Document::from_text("Zoë 😀", "t"), ..Snapshot::default() }), "x");
    assert!(!worth_packing(&small));
    assert!(!worth_packing(&"x".repeat(PACK_FROM * 2)), "not a document's JSON");
    assert_eq!(unpack(&small), None, "plain JSON is not compressed");
}

#[test]
fn a_damaged_compressed_value_says_what_is_wrong_and_never_panics() {
    let json = to_json(&big(), "2026-01-01T00:00:00Z");
    let stored = pack(&json);
    let cut: String = stored.chars().take(stored.chars().count() / 2).collect();
    let wide = format!("{stored}€");
    let huge = format!("{MARK}\u{ff}\u{ff}\u{ff}\u{7f}abc");
    let short = format!("{MARK}\u{1}");
    for (what, value) in [("cut", cut), ("wide", wide), ("huge", huge), ("short", short)] {
        let why = unpack(&value).expect("compressed").expect_err(what);
        assert!(why.starts_with("The compressed copy is damaged ("), "{what}: {why}");
    }
    // A flipped byte either fails or unpacks to other bytes: never a panic.
    let mut bytes: Vec<char> = stored.chars().collect();
    for i in (MARK.len() + 4..bytes.len()).step_by(997) {
        let was = bytes[i];
        bytes[i] = char::from((u32::from(was) as u8) ^ 0x5a);
        let _ = unpack(&bytes.iter().collect::<String>());
        bytes[i] = was;
    }
}

proptest! {
    #[test]
    fn any_text_unpacks_to_itself(body in "\\PC{0,400}", crlf in any::<bool>()) {
        let body = if crlf { body.replace('\n', "\r\n") } else { body };
        let json = format!("{{\"text\":{:?}}}", body.repeat(PACK_FROM / (body.len() + 1) + 1));
        let stored = pack(&json);
        prop_assert!(stored.chars().all(|c| u32::from(c) <= 0xff));
        prop_assert_eq!(unpack(&stored), Some(Ok(json)));
    }
}
