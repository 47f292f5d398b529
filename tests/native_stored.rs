//! The stored copy of a document in a Latin script is written in one-byte characters only
//! (every character past U+00FF a `\u` escape), which the browser keeps and hands back at a
//! fraction of the cost; it reads back as the same document, code point for code point.
//! Exports are not escaped.
use article_annotator::formats::json_write::is_one_byte;
use article_annotator::formats::native::{self, parse, to_json};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};

fn annotated(text: &str) -> State {
    let mut labels = default_labels();
    labels[0].name = "Personne âgée 👵".into();
    let mut s = State::new(Snapshot { doc: Document::from_text(text, "t"), labels, ..Snapshot::default() });
    let cps: Vec<char> = s.doc.text.chars().collect();
    let find = |word: &str| {
        let w: Vec<char> = word.chars().collect();
        (0..cps.len()).find(|&i| cps[i..].starts_with(&w)).map(|i| (i, i + w.len())).unwrap()
    };
    for (word, label) in
        [("Zoë", "PERSON"), ("😀", "OTHER"), ("北京", "LOC"), ("e\u{301}te", "OTHER"), ("prices", "CLAIM")]
    {
        let (start, end) = find(word);
        s.apply(Action::Add { start, end, label: label.into(), now: "2026-01-01T00:00:00Z".into() });
    }
    // One whose context came from elsewhere keeps it, non-ASCII and all.
    let mut foreign = s.snapshot().annotations[0].clone();
    foreign.id = "foreign".into();
    foreign.prefix = "d’ailleurs — 🎉".into();
    s.apply(Action::Merge { annotations: vec![foreign], relations: vec![], meta: None });
    s.apply(Action::Rename { title: "Zoë’s “report” 🎉".into(), now: "2026-01-01T00:00:01Z".into() });
    s
}

fn mostly_latin() -> String {
    let filler = "Plain words of a news article, line after line, as most of them are. ".repeat(40);
    format!("Emoji 😀 test\r\n{filler}\r\n北京 and Zoë and e\u{301}te 👩\u{200d}🔬 said prices will fall.\r\n{filler}")
}

#[test]
fn the_stored_copy_of_a_latin_script_document_is_one_byte_and_reads_back_the_same() {
    let s = annotated(&mostly_latin());
    let stored = native::to_json_cached(&s, "now", &mut native::JsonCache::compact());
    assert!(is_one_byte(&stored));
    assert!(stored.contains("\\ud83d\\ude00") && stored.contains("\\u5317\\u4eac") && stored.contains("Zoë"));
    let back = parse(&stored).unwrap();
    assert!(back.failed.is_empty());
    assert_eq!(back.snapshot, s.snapshot());
    // Saved again from a warm cache, and warmed in steps: the same text.
    let mut cache = native::JsonCache::compact();
    native::to_json_cached(&s, "now", &mut cache);
    assert_eq!(native::to_json_cached(&s, "now", &mut cache), stored);
    let (mut cache, mut w) = (native::JsonCache::compact(), native::Warming::default());
    while !native::warm_some(&s, &mut cache, &mut w, 2) {}
    assert_eq!(native::to_json_cached(&s, "now", &mut cache), stored);
    // An export keeps every character as it is.
    let export = to_json(&s, "now");
    assert!(export.contains("😀") && export.contains("北京") && !export.contains("\\u5317"));
}

#[test]
fn the_stored_copy_of_a_document_in_another_script_keeps_its_characters() {
    let text = format!("{}Zoë 😀 e\u{301}te prices 北京", "北京的新闻报道说价格会下降。".repeat(40));
    let s = annotated(&text);
    let stored = native::to_json_cached(&s, "now", &mut native::JsonCache::compact());
    // (Escaped, it would be up to six times as long, and the library would hold a sixth.)
    assert!(stored.contains("北京的新闻") && stored.len() < text.len() + 4000);
    assert_eq!(parse(&stored).unwrap().snapshot, s.snapshot());
}

#[test]
fn a_label_or_title_in_another_script_added_later_is_escaped_too() {
    let mut s = annotated(&mostly_latin());
    let mut cache = native::JsonCache::compact();
    assert!(is_one_byte(&native::to_json_cached(&s, "now", &mut cache)));
    s.apply(Action::Rename { title: "Москва 🎉".into(), now: "2026-01-01T00:00:02Z".into() });
    let stored = native::to_json_cached(&s, "now", &mut cache);
    assert!(is_one_byte(&stored));
    assert_eq!(parse(&stored).unwrap().snapshot, s.snapshot());
}

#[test]
fn a_hash_the_file_gives_is_taken_until_the_text_is_read_and_then_the_texts_own() {
    hash_replaced(&mostly_latin());
    // A text longer than the piece of it hashed a step (128 KiB): hashed over several steps
    // beside the records, and the rest at the end.
    let long = format!("{}\n{}", mostly_latin(), "Zoë sagte 北京 😀 prices, line after line.\n".repeat(12_000));
    assert!(long.len() > 3 * 128 * 1024);
    hash_replaced(&long);
}

fn hash_replaced(text: &str) {
    use article_annotator::formats::native_slices::{begin, Read};
    let s = annotated(text);
    let good = native::to_json_cached(&s, "now", &mut native::JsonCache::compact());
    let wrong = good.replace(&s.doc.sha256, &"0".repeat(64));
    assert_ne!(wrong, good);
    for raw in [good, wrong] {
        assert_eq!(parse(&raw).unwrap().snapshot.doc.sha256, s.doc.sha256);
        // Read in slices, as an open reads it: the first screen's part has the hash given.
        let mut read = begin(raw.clone());
        let whole = loop {
            match read {
                Read::More(slices) => read = slices.step(1),
                Read::Done(_, r) => break r.unwrap(),
            }
        };
        assert_eq!(whole.snapshot.doc.sha256, s.doc.sha256);
        assert_eq!(whole.snapshot, s.snapshot());
    }
}
