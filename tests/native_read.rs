//! The readers of the stored types: whatever the writers write reads back equal, defaults
//! fill what is missing, unknown keys are passed over, and a bad record says what is wrong.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::json_read::{read_all, Error, Reader};
use article_annotator::formats::json_write::{self, Stored};
use article_annotator::formats::native_read::{self as read, ATTRIBUTIONS, KINDS, WORTHINESS};
use article_annotator::formats::stored;
use article_annotator::model::history::{Edit, History};
use article_annotator::model::library::{DocEntry, Library};
use article_annotator::model::meta::{default_scale, Entity, Meta, Rating};
use article_annotator::model::{
    default_labels, Annotation, Attribution, Claim, Deleted, Evidence, Kind, Relation, Span, Worthiness,
};
use proptest::prelude::*;
use std::rc::Rc;

fn text() -> impl Strategy<Value = String> {
    "[a-z \"\\\\\n\t\u{1}\u{1f}😀北é\u{301}\u{2028}/]{0,12}"
}

fn claim() -> impl Strategy<Value = Claim> {
    let who = (prop::option::of(text()), text(), prop::option::of((0usize..5000, 0usize..5000)));
    let how = (0..Attribution::ALL.len(), any::<bool>(), prop::option::of(0..Worthiness::ALL.len()), text());
    let why = (text(), text(), prop::collection::vec((text(), text()), 0..3));
    (who, how, why).prop_map(
        |((speaker, speaker_text, cue), (a, check_worthy, w, verdict), (explanation, reviewed, ev))| Claim {
            speaker,
            speaker_text,
            cue: cue.map(|(start, end)| Span { start, end }),
            attribution: Attribution::ALL[a],
            check_worthy,
            worthiness: w.map(|w| Worthiness::ALL[w]),
            verdict,
            explanation,
            reviewed,
            evidence: ev.into_iter().map(|(url, note)| Evidence { url, note }).collect(),
        },
    )
}

fn annotation() -> impl Strategy<Value = Annotation> {
    let span = (text(), any::<bool>(), text(), 0usize..1_000_000, 0usize..1_000_000);
    let context = (text(), text(), text(), text(), prop::option::of(text()));
    let times = (text(), prop::option::of(text()), prop::option::of(claim()));
    (span, context, times).prop_map(
        |(
            (id, claim_kind, label, start, end),
            (quote, prefix, suffix, note, entity_ref),
            (created, modified, claim),
        )| {
            Annotation {
                id,
                kind: if claim_kind { Kind::Claim } else { Kind::Entity },
                label,
                start,
                end,
                quote,
                prefix,
                suffix,
                note,
                entity_ref,
                modified: modified.unwrap_or_else(|| created.clone()),
                created,
                claim,
            }
        },
    )
}

fn back<T>(json: &str, f: impl FnOnce(&mut Reader) -> Result<T, Error>) -> T {
    read_all(json, f).unwrap_or_else(|e| panic!("{json}: {}", e.what))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// An annotation written by the hand-written writer (full and stored forms) or by serde
    /// (the undo history's form) reads back equal; the stored form gives back what it left out
    /// empty, for the import to fill from the text.
    #[test]
    fn annotations_round_trip(a in annotation()) {
        let mut full = String::new();
        json_write::annotation(&mut full, &a, None);
        prop_assert_eq!(&back(&full, read::annotation), &a);
        prop_assert_eq!(&back(&serde_json::to_string(&a).unwrap(), read::annotation), &a);
        let mut compact = String::new();
        json_write::annotation(&mut compact, &a, Some(Stored { quote: true, context: true }));
        let mut left_out = a.clone();
        left_out.quote.clear();
        left_out.prefix.clear();
        left_out.suffix.clear();
        if a.modified == a.created {
            left_out.modified.clear();
        }
        prop_assert_eq!(back(&compact, read::annotation), left_out);
    }

    #[test]
    fn histories_round_trip(anns in prop::collection::vec(annotation(), 1..6)) {
        let rc = |a: &Annotation| Rc::new(a.clone());
        let meta = Rc::new(Meta {
            labels: Rc::new(default_labels()),
            entities: Rc::new(vec![entity()]),
            scale: Rc::new(default_scale()),
            orphans: Rc::new(vec![anns[0].clone()]),
        });
        let mut history = History::default();
        history.record(Edit::Add(rc(&anns[0])));
        history.record(Edit::Change(rc(&anns[0]), rc(anns.last().unwrap())));
        history.record(Edit::Batch(anns.iter().map(|a| Edit::Remove(rc(a))).collect()));
        history.record(Edit::Meta(meta.clone(), Rc::new(Meta::default())));
        history.record(Edit::Batch(vec![Edit::Batch(vec![]), Edit::Meta(meta.clone(), meta)]));
        history.step(true);
        let json = serde_json::to_string(&history).unwrap();
        prop_assert_eq!(stored::history(&json).unwrap(), history);
    }
}

fn entity() -> Entity {
    Entity {
        id: "e1".into(),
        name: "Xi \"Jinping\" 😀".into(),
        label: "PERSON".into(),
        aliases: vec!["Xi".into(), "习近平".into()],
        kb_id: "Q15031".into(),
    }
}

#[test]
fn the_other_records_round_trip_through_serde_s_writing() {
    for l in default_labels() {
        assert_eq!(back(&serde_json::to_string(&l).unwrap(), read::label), l);
    }
    assert_eq!(back(&serde_json::to_string(&entity()).unwrap(), read::entity), entity());
    for r in default_scale() {
        assert_eq!(back(&serde_json::to_string(&r).unwrap(), read::rating), r);
    }
    let rel = Relation { id: "r1".into(), kind: "said_by".into(), from: "a1".into(), to: "a2".into() };
    assert_eq!(back(&serde_json::to_string(&rel).unwrap(), read::relation), rel);
    let del = Deleted { id: "a7".into(), at: "2026-11-29T00:00:00Z".into() };
    assert_eq!(back(&serde_json::to_string(&del).unwrap(), read::deleted), del);
    let lib = Library {
        current: Some("doc-a".into()),
        documents: vec![
            DocEntry {
                id: "doc-a".into(),
                title: "A \"title\" 😀".into(),
                source: "pasted".into(),
                entities: 3,
                claims: 1,
                length: 200_060,
                modified: "m".into(),
                exported: "e".into(),
                sha256: "abc".into(),
                size: 123_456,
            },
            DocEntry { id: "doc-b".into(), title: "B".into(), ..DocEntry::default() },
        ],
    };
    assert_eq!(stored::library(&serde_json::to_string(&lib).unwrap()).unwrap(), lib);
    assert_eq!(stored::library("{}").unwrap(), Library::default());
}

#[test]
fn names_of_enums_are_the_ones_serde_writes() {
    let quoted = |s: &str| format!("\"{s}\"");
    for (k, name) in Kind::ALL.iter().zip(KINDS) {
        assert_eq!(serde_json::to_string(k).unwrap(), quoted(name));
    }
    for (a, name) in Attribution::ALL.iter().zip(ATTRIBUTIONS) {
        assert_eq!(serde_json::to_string(a).unwrap(), quoted(name));
    }
    for (w, name) in Worthiness::ALL.iter().zip(WORTHINESS) {
        assert_eq!(serde_json::to_string(w).unwrap(), quoted(name));
    }
}

#[test]
fn missing_optional_fields_take_their_defaults_and_unknown_keys_are_passed_over() {
    let a = back(
        r#"{"id":"a1","kind":"claim","label":"CLAIM","start":1,"end":2,"future":{"x":[1,null]},
            "entity_ref":null,"claim":{"speaker":null,"worthiness":null,"cue":null,"extra":true}}"#,
        read::annotation,
    );
    assert_eq!((a.quote.as_str(), a.note.as_str(), a.entity_ref.as_deref()), ("", "", None));
    assert_eq!(a.claim, Some(Claim::default()));
    let c = back("{}", read::claim);
    assert!(c.check_worthy && c.verdict == "unverified" && c.attribution == Attribution::Author);
    assert_eq!(back(r#"{"id":"x","name":"X"}"#, read::rating).value, 0);
    assert_eq!(back(r##"{"id":"P","name":"P","kind":"entity","color":"#000"}"##, read::label).key, "");
    let e = back(r#"{"id":"e","name":"E","label":"PERSON"}"#, read::entity);
    assert!(e.aliases.is_empty() && e.kb_id.is_empty());
}

#[test]
fn a_bad_record_says_what_is_wrong_in_plain_words() {
    let why = |json: &str| read_all(json, read::annotation).unwrap_err().what;
    let base = r#""id":"a1","kind":"entity","label":"PERSON","start":1,"end":2"#;
    assert_eq!(why(&format!("{{{base},\"start\":\"x\"}}")), "\"start\" should be a whole number, not a string");
    assert_eq!(why(&format!("{{{base},\"end\":-3}}")), "\"end\" should be a whole number, not -3");
    assert_eq!(why(&format!("{{{base},\"quote\":null}}")), "\"quote\" should be a string, not null");
    assert_eq!(
        why(&format!("{{{base},\"kind\":\"alien\"}}")),
        "\"kind\" should be one of \"entity\", \"claim\", not \"alien\""
    );
    assert_eq!(why(r#"{"id":"a1","kind":"entity","label":"PERSON","start":1}"#), "\"end\" is missing");
    assert_eq!(
        why(&format!("{{{base},\"claim\":{{\"attribution\":\"rumour\"}}}}")),
        "\"attribution\" should be one of \"direct\", \"indirect\", \"according_to\", \"author\", \"none\", not \"rumour\""
    );
    assert_eq!(why(&format!("{{{base},\"claim\":{{\"evidence\":[\"x\"]}}}}")), "expected an object, not a string");
    assert_eq!(why("[]"), "expected an object, not a list");
}

#[test]
fn an_unreadable_history_is_refused_whole() {
    assert!(stored::history(r#"{"undo":[{"Add":{}}],"redo":[]}"#).is_err());
    assert!(stored::history(r#"{"undo":[{"Jump":1}],"redo":[]}"#).is_err());
    assert!(stored::history(r#"{"undo":[{"Batch":[],"Add":1}],"redo":[]}"#).is_err());
    assert!(stored::history(r#"{"undo":[{"Change":[]}],"redo":[]}"#).is_err());
    assert!(stored::history(r#"{"undo":[]}"#).is_err());
    assert_eq!(stored::history(r#"{"undo":[],"redo":[]}"#).unwrap(), History::default());
}

#[test]
fn ratings_hold_their_numbers() {
    let r: Rating = back(r#"{"id":"x","name":"X","value":4294967295}"#, read::rating);
    assert_eq!(r.value, u32::MAX);
    assert!(read_all(r#"{"id":"x","name":"X","value":4294967296}"#, read::rating).is_err());
}

#[test]
fn settings_read_back_with_defaults_for_what_is_missing() {
    let s = stored::Settings { words: false, reviewer: "Fact desk ✓".into(), keys: false, spoken: false };
    let back = stored::settings(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!((back.words, back.reviewer.as_str(), back.keys, back.spoken), (false, "Fact desk ✓", false, false));
    // Settings kept before the keyboard settings existed: those are on.
    let empty = stored::settings(r#"{"words":false,"reviewer":""}"#).unwrap();
    assert_eq!((empty.words, empty.reviewer.as_str(), empty.keys, empty.spoken), (false, "", true, true));
    let empty = stored::settings(r#"{"later":1}"#).unwrap();
    assert_eq!((empty.words, empty.reviewer.as_str()), (true, ""));
    assert!(stored::settings(r#"{"words":"yes"}"#).is_err());
}
