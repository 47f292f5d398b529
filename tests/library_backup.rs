//! The library backup file: a round trip, each bad input refused with its own message, one
//! broken document among good ones, and restoring into empty and full libraries.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::library::{self, file_name, parse, report, restore, write, Restore};
use article_annotator::formats::native::to_json;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Attribution, Document, Relation, State};
use serde_json::{json, Value};

const NOW: &str = "2026-11-29T10:00:00.000Z";
const T1: &str = "2026-11-28T10:00:00.000Z";
const T2: &str = "2026-11-28T11:00:00.000Z";
/// Emoji, CJK, a combining mark, a ZWJ sequence and a CRLF (normalised away).
const TEXT: &str = "Emoji 😀 test\r\n北京 and Zoë and e\u{301}te 👩\u{200d}🔬 said prices will fall.";
const CJK: &str = "北京消息\r\n李明说，物价将在明年下降。";

fn empty(text: &str) -> State {
    State::new(Snapshot { doc: Document::from_text(text, "pasted"), labels: default_labels(), ..Snapshot::default() })
}

fn add(s: &mut State, start: usize, end: usize, label: &str) {
    s.apply(Action::Add { start, end, label: label.into(), now: T1.into() });
}

/// An article with metadata, entities, a claim with its fields, a relation and a tombstone.
fn article() -> State {
    let mut s = empty(TEXT);
    add(&mut s, 20, 23, "PERSON"); // a1: Zoë
    add(&mut s, 13, 15, "LOC"); // a2: 北京
    add(&mut s, 6, 7, "OTHER"); // a3: 😀, deleted below
    add(&mut s, 37, 59, "CLAIM"); // a4
    s.apply(Action::Delete { id: "a3".into(), now: T2.into() });
    let mut snap = s.snapshot();
    let claim = snap.annotations.iter_mut().find(|a| a.id == "a4").unwrap().claim.as_mut().unwrap();
    claim.speaker = Some("a1".into());
    claim.attribution = Attribution::Direct;
    claim.verdict = "mostly_false".into();
    claim.explanation = "Official data say otherwise.".into();
    snap.relations.push(Relation { id: "r1".into(), kind: "about".into(), from: "a4".into(), to: "a2".into() });
    snap.doc.url = "https://example.com/北京".into();
    snap.doc.authors = vec!["Zoë Ångström".into(), "李明".into()];
    snap.doc.published = "2026-11-27".into();
    State::new(snap)
}

fn cjk() -> State {
    let mut s = empty(CJK);
    add(&mut s, 5, 7, "PERSON"); // 李明
    s.apply(Action::Rename { title: "物价 😀".into(), now: T2.into() });
    s
}

fn both() -> Vec<Snapshot> {
    vec![article().snapshot(), cjk().snapshot()]
}

fn backup_json() -> String {
    write(&[article(), cjk()], NOW)
}

#[test]
fn a_backup_round_trips() {
    let json = backup_json();
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!((v["format"].as_str(), v["version"].as_u64()), (Some(library::FORMAT), Some(1)));
    assert_eq!(v["exported_at"], NOW);
    let native: Value = serde_json::from_str(&to_json(&article(), NOW)).unwrap();
    assert_eq!(v["documents"][0], native, "each document is the native file, verbatim");
    let back = parse(&json).unwrap();
    assert!(back.failed.is_empty());
    let snaps: Vec<Snapshot> = back.documents.into_iter().map(|d| d.snapshot).collect();
    assert_eq!(snaps, both());
    assert_eq!(snaps[0].deleted.len(), 1);
    assert_eq!(snaps[0].relations.len(), 1);
    let rels = &v["documents"][0]["relations"];
    assert_eq!(rels.as_array().map(Vec::len), Some(2), "the kept relation and the claim's said_by: {rels}");
    assert!(rels.as_array().unwrap().iter().any(|r| r["type"] == "said_by" && r["from"] == "a4" && r["to"] == "a1"));
    assert_eq!(snaps[1].doc.title, "物价 😀");
}

#[test]
fn an_empty_library_round_trips() {
    let back = parse(&write(&[], NOW)).unwrap();
    assert!(back.documents.is_empty() && back.failed.is_empty());
}

#[test]
fn the_file_name_carries_the_date() {
    assert_eq!(file_name(NOW), "article-annotator-library-2026-11-29.json");
    assert_eq!(file_name("?"), "article-annotator-library-undated.json");
}

fn refused(input: &str, expect: &str) {
    let err = parse(input).expect_err(input);
    assert!(err.contains(expect), "{err:?} should mention {expect:?}");
    assert!(err.ends_with('.'), "{err:?} is a sentence");
}

fn backup_with(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&backup_json()).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn refuses_what_is_not_json() {
    refused("{ \"format\": ", "not valid JSON");
}

#[test]
fn refuses_a_json_array() {
    refused("[{\"format\": \"article-annotator-library\"}]", "not an object");
}

#[test]
fn refuses_another_format() {
    refused(&backup_with(|v| v["format"] = json!("brat")), "\"brat\"");
    refused(
        &backup_with(|v| {
            v.as_object_mut().unwrap().remove("format");
        }),
        "no \"format\"",
    );
}

#[test]
fn refuses_one_articles_file_and_points_to_import() {
    refused(&to_json(&article(), NOW), "one article's annotations");
    refused(&to_json(&article(), NOW), "Import");
}

#[test]
fn refuses_a_newer_version() {
    refused(&backup_with(|v| v["version"] = json!(2)), "newer version");
    refused(&backup_with(|v| v["version"] = json!("1")), "version");
}

#[test]
fn refuses_a_backup_without_documents() {
    refused(
        &backup_with(|v| {
            v.as_object_mut().unwrap().remove("documents");
        }),
        "no \"documents\"",
    );
}

#[test]
fn refuses_documents_that_are_not_a_list() {
    refused(&backup_with(|v| v["documents"] = json!({"a": 1})), "not a list");
}

#[test]
fn one_broken_document_does_not_sink_the_others() {
    let json = backup_with(|v| {
        let docs = v["documents"].as_array_mut().unwrap();
        let mut broken = docs[0].clone();
        broken["document"].as_object_mut().unwrap().remove("text");
        broken["document"]["title"] = json!("Broken 😀");
        docs.insert(1, broken);
        docs.push(json!(42));
        // A bad record inside a good document: reported, the rest of it kept.
        docs[2]["annotations"][0]["label"] = json!("NOPE");
    });
    let back = parse(&json).unwrap();
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.documents[0].snapshot, article().snapshot());
    assert_eq!(back.failed.len(), 2, "{:?}", back.failed);
    assert!(back.failed[0].starts_with("article #2 (\"Broken 😀\"): ") && back.failed[0].contains("text"));
    assert!(back.failed[1].starts_with("article #4: "));
    let r = restore(back, |_| None);
    assert_eq!((r.added, r.merged, r.failed.len()), (2, 0, 3));
    assert!(r.failed[2].starts_with("\"物价 😀\": annotation #1") && r.failed[2].contains("NOPE"), "{:?}", r.failed);
}

fn find(store: &[Snapshot]) -> impl Fn(&str) -> Option<Snapshot> + '_ {
    move |sha| store.iter().find(|s| s.doc.sha256 == sha).cloned()
}

#[test]
fn restoring_into_an_empty_library_adds_everything() {
    let r = restore(parse(&backup_json()).unwrap(), |_| None);
    assert_eq!((r.added, r.merged, r.conflicted), (2, 0, 0));
    assert!(r.failed.is_empty());
    assert_eq!(r.store, both());
    assert_eq!(report(&r), "Restored 2 articles: 2 added.");
}

#[test]
fn restoring_over_a_different_edit_merges_and_counts_the_conflict() {
    let mut mine = article();
    mine.apply(Action::Retag { id: "a1".into(), label: "ORG".into(), now: NOW.into() });
    mine.apply(Action::Add { start: 28, end: 32, label: "EVENT".into(), now: NOW.into() });
    let library = vec![mine.snapshot()];
    let r = restore(parse(&backup_json()).unwrap(), find(&library));
    assert_eq!((r.added, r.merged, r.conflicted), (1, 1, 1));
    let merged = &r.store[0];
    assert_eq!(merged.annotations, mine.snapshot().annotations, "the newer retag and the new tag kept");
    assert_eq!(r.store[1], cjk().snapshot());
    assert_eq!(report(&r), "Restored 2 articles: 1 added, 1 merged (1 conflict kept the newer change).");
}

#[test]
fn restoring_twice_changes_nothing_the_second_time() {
    let first = restore(parse(&backup_json()).unwrap(), |_| None);
    let second = restore(parse(&backup_json()).unwrap(), find(&first.store));
    assert_eq!((second.added, second.merged, second.conflicted), (0, 2, 0));
    assert_eq!(second.store, first.store);
}

#[test]
fn a_document_twice_in_one_backup_is_stored_once() {
    let mut newer = article();
    newer.apply(Action::Retag { id: "a2".into(), label: "ORG".into(), now: NOW.into() });
    let r = restore(parse(&write(&[article(), newer.clone()], NOW)).unwrap(), |_| None);
    assert_eq!((r.added, r.merged, r.store.len()), (1, 1, 1));
    assert_eq!(r.store[0], newer.snapshot());
}

#[test]
fn the_report_counts_in_words() {
    let r = |added, merged, conflicted, failed: &[&str]| Restore {
        added,
        merged,
        conflicted,
        failed: failed.iter().map(|s| s.to_string()).collect(),
        ..Restore::default()
    };
    assert_eq!(report(&r(1, 0, 0, &[])), "Restored 1 article: 1 added.");
    assert_eq!(report(&r(0, 1, 1, &[])), "Restored 1 article: 1 merged (1 conflict kept the newer change).");
    assert_eq!(
        report(&r(2, 1, 2, &["article #4: not JSON"])),
        "Restored 3 articles: 2 added, 1 merged (2 conflicts kept the newer change), 1 failed (article #4: not JSON)."
    );
    assert_eq!(report(&r(0, 0, 0, &["a", "b"])), "Restored no articles: 2 failed (a; b).");
    assert_eq!(report(&r(0, 0, 0, &[])), "The backup holds no articles.");
}

#[test]
fn a_backup_broken_inside_one_document_is_refused_whole_and_says_where() {
    let mut json = backup_json();
    json.insert_str(json.rfind("\"relations\"").unwrap(), "\"x\": [1,], ");
    let err = parse(&json).unwrap_err();
    assert!(err.starts_with("The file is not valid JSON (line 1, column "), "{err}");
    assert!(err.ends_with(": a comma before ']' is not allowed)."), "{err}");
}

#[test]
fn a_refused_document_is_named_by_its_number_and_title() {
    let json = backup_with(|v| {
        let docs = v["documents"].as_array_mut().unwrap();
        docs[0]["format"] = json!("brat");
        docs[1]["document"]["title"] = json!(7);
        docs[1]["version"] = json!(99);
    });
    let back = parse(&json).unwrap();
    assert_eq!(
        back.failed,
        [
            "article #1 (\"Emoji 😀 test\"): The file's format is \"brat\", not \"article-annotator\".",
            "article #2: The file was made by a newer version of Article Annotator (format version 99); this one reads version 1 and older."
        ]
    );
}
