//! Claims and entities as data: every edit one undoable step, the native file carrying them,
//! files from before them read unchanged, and the ClaimReview export.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::{claimreview, native};
use article_annotator::model::meta::{default_scale, Entity, Meta};
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Attribution, Document, Evidence, Span, State, Worthiness};
use serde_json::Value;
use std::rc::Rc;

const TEXT: &str = "Xi 😀 Jinping met Lukashenko. \"Trade grew by 40 %,\" Xi Jinping said. Lukashenko agreed; Lukashenkos did not. Lukashenko!";

fn state() -> State {
    State::new(Snapshot { doc: Document::from_text(TEXT, "t"), labels: default_labels(), ..Snapshot::default() })
}

fn cp(s: &State, needle: &str, nth: usize) -> (usize, usize) {
    let b = s.doc.text.match_indices(needle).nth(nth).expect(needle).0;
    let start = s.doc.text[..b].chars().count();
    (start, start + needle.chars().count())
}

fn add(s: &mut State, needle: &str, nth: usize, label: &str) -> String {
    let (start, end) = cp(s, needle, nth);
    s.apply(Action::Add { start, end, label: label.into(), now: "2026-11-29T10:00:00Z".into() });
    s.selected.clone().unwrap()
}

fn undo(s: &mut State) {
    s.apply(Action::Undo { now: "u".into() });
}

#[test]
fn claim_fields_are_one_step_each_and_undo() {
    let mut s = state();
    let xi = add(&mut s, "Xi Jinping", 0, "PERSON");
    let claim = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    let a = s.get(&claim).unwrap();
    assert_eq!(a.claim.as_ref().unwrap().reviewed, "Trade grew by 40 %", "claim as reviewed is prefilled");
    let mut after = (**a).clone();
    let c = after.claim.as_mut().unwrap();
    c.speaker = Some(xi.clone());
    c.speaker_text = "Xi Jinping".into();
    c.attribution = Attribution::Direct;
    c.set_worthiness(Some(Worthiness::NotFactual));
    c.verdict = "mostly_true".into();
    c.cue = Some(Span { start: 60, end: 64 });
    c.evidence.push(Evidence { url: "https://example.org/stats".into(), note: "customs data".into() });
    after.note = "ask the ministry".into();
    let rev = s.revision;
    s.apply(Action::Update { after: Box::new(after.clone()), now: "2026-11-29T11:00:00Z".into() });
    assert_eq!(s.revision, rev + 1);
    let got = s.get(&claim).unwrap();
    assert_eq!(got.claim, after.claim);
    assert!(!got.claim.as_ref().unwrap().check_worthy, "the version 1 field follows");
    assert_eq!(got.modified, "2026-11-29T11:00:00Z");
    undo(&mut s);
    assert_eq!(s.get(&claim).unwrap().claim.as_ref().unwrap().verdict, "unverified");
    s.apply(Action::Redo { now: "r".into() });
    assert_eq!(s.get(&claim).unwrap().note, "ask the ministry");
}

#[test]
fn the_native_file_carries_claims_entities_and_the_scale() {
    let mut s = state();
    let xi = add(&mut s, "Xi Jinping", 0, "PERSON");
    let claim = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    let mut meta = s.meta();
    Rc::make_mut(&mut meta.entities).push(Entity {
        id: "e1".into(),
        name: "Xi Jinping".into(),
        label: "PERSON".into(),
        aliases: vec!["Xi".into()],
        kb_id: "Q15031".into(),
    });
    let mut mention = (**s.get(&xi).unwrap()).clone();
    mention.entity_ref = Some("e1".into());
    let mut c = (**s.get(&claim).unwrap()).clone();
    let f = c.claim.as_mut().unwrap();
    f.speaker = Some(xi.clone());
    f.verdict = "false".into();
    f.explanation = "Customs data show 12 %.".into();
    s.apply(Action::Commit { update: vec![mention, c], remove: vec![], meta: Some(Box::new(meta)), now: "n".into() });
    let json = native::to_json(&s, "now");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["entities"][0]["kb_id"], "Q15031");
    assert_eq!(v["rating_scale"].as_array().unwrap().len(), 7);
    let rel = &v["relations"][0];
    assert_eq!(
        (rel["type"].as_str(), rel["from"].as_str(), rel["to"].as_str()),
        (Some("said_by"), Some(&*claim), Some(&*xi))
    );
    let back = native::parse(&json).unwrap();
    assert!(back.failed.is_empty(), "{:?}", back.failed);
    let again = back.into_state();
    assert_eq!(again.snapshot().annotations, s.snapshot().annotations);
    assert_eq!(*again.entities, *s.entities);
    assert_eq!(native::to_json(&again, "now"), json, "a second round trip writes the same file");
    // One step: undo takes back the entity, the link and the claim's fields at once.
    undo(&mut s);
    assert!(s.entities.is_empty() && s.get(&xi).unwrap().entity_ref.is_none());
    assert_eq!(s.get(&claim).unwrap().claim.as_ref().unwrap().verdict, "unverified");
}

#[test]
fn a_version_1_file_from_before_claims_reads_unchanged() {
    let old = r#"{"format":"article-annotator","version":1,"document":{"text":"Xi said trade grew.","offset_unit":"codepoint"},
      "annotations":[{"id":"a1","kind":"entity","label":"PERSON","start":0,"end":2},
        {"id":"a2","kind":"claim","label":"CLAIM","start":8,"end":18,
         "claim":{"speaker":null,"speaker_text":"","attribution":"indirect","check_worthy":false,"verdict":"mostly_false","evidence":[]}}],
      "relations":[{"id":"r1","type":"said_by","from":"a2","to":"a1"}]}"#;
    let imp = native::parse(old).unwrap();
    assert!(imp.failed.is_empty(), "{:?}", imp.failed);
    let c = imp.snapshot.annotations[1].claim.clone().unwrap();
    assert_eq!(c.attribution, Attribution::Indirect);
    assert_eq!(c.worthiness, Some(Worthiness::NotCheckWorthy));
    assert_eq!(c.verdict, "mostly_false");
    assert_eq!(c.speaker.as_deref(), Some("a1"), "the said_by relation names the speaker");
    let s = imp.into_state();
    assert_eq!(*s.scale, default_scale());
    let v: Value = serde_json::from_str(&native::to_json(&s, "now")).unwrap();
    assert_eq!(v["relations"][0]["type"], "said_by");
    assert_eq!(v["annotations"][1]["claim"]["check_worthy"], false);
}

#[test]
fn a_mention_named_like_an_entity_links_to_it_and_undo_unlinks() {
    let mut s = state();
    let first = add(&mut s, "Lukashenko", 0, "PERSON");
    let mut meta = s.meta();
    let e = Entity {
        id: "e1".into(),
        name: "Alexander Lukashenko".into(),
        label: "PERSON".into(),
        aliases: vec!["Lukashenko".into()],
        kb_id: String::new(),
    };
    Rc::make_mut(&mut meta.entities).push(e);
    let mut m = (**s.get(&first).unwrap()).clone();
    m.entity_ref = Some("e1".into());
    s.apply(Action::Commit { update: vec![m], remove: vec![], meta: Some(Box::new(meta)), now: "n".into() });
    let second = add(&mut s, "Lukashenko", 1, "PERSON");
    assert_eq!(s.get(&second).unwrap().entity_ref.as_deref(), Some("e1"));
    let other = add(&mut s, "Lukashenko", 2, "ORG");
    assert_eq!(s.get(&other).unwrap().entity_ref, None, "only entities of the same label");
    assert_eq!(s.mentions_of("e1").len(), 2);
    undo(&mut s);
    undo(&mut s);
    assert!(s.get(&second).is_none());
    assert_eq!(s.mentions_of("e1").len(), 1);
}

#[test]
fn occurrences_skip_exactly_the_matches_a_span_of_the_label_overlaps() {
    // The first "Lukashenko" tagged; spans of the label ending just where the second starts and
    // starting just where it ends do not cover it.
    let mut s = state();
    let first = add(&mut s, "Lukashenko", 0, "PERSON");
    let at = |s: &State, n: usize| cp(s, "Lukashenko", n);
    let (b1, e1) = at(&s, 1);
    let (b3, _) = at(&s, 3);
    let now = || "2026-11-29T10:00:00Z".to_string();
    s.apply(Action::Add { start: b1 - 5, end: b1, label: "PERSON".into(), now: now() });
    s.apply(Action::Add { start: e1, end: e1 + 3, label: "PERSON".into(), now: now() });
    // A span of another label over the last match leaves it to tag; one of the label, starting
    // long before it and reaching into it, covers it.
    s.apply(Action::Add { start: b3 + 2, end: b3 + 4, label: "ORG".into(), now: now() });
    let a = s.get(&first).unwrap().clone();
    assert_eq!(s.occurrences(&a), vec![at(&s, 1), at(&s, 3)]);
    s.apply(Action::Add { start: b1 + 20, end: b3 + 1, label: "PERSON".into(), now: now() });
    // (and a span after it in document order that ends before the match changes nothing)
    let (d0, d1) = cp(&s, "did", 0);
    s.apply(Action::Add { start: d0, end: d1, label: "PERSON".into(), now: now() });
    assert_eq!(s.occurrences(&a), vec![at(&s, 1)]);
}

#[test]
fn occurrences_do_not_overlap_and_count_code_points_past_wide_characters() {
    // "1.1" stands at 0 and (overlapping it) at 2 of "1.1.1": one occurrence, as a search from
    // left to right finds them; after emoji, CJK, a combining mark and CRLF, offsets are code points.
    let text = "1.1.1 é\u{301} 😀 北京 1.1\r\n1.1.1.1 x1.1 1.1";
    let mut s =
        State::new(Snapshot { doc: Document::from_text(text, "t"), labels: default_labels(), ..Snapshot::default() });
    let last = add(&mut s, "1.1", 5, "ORG");
    let a = s.get(&last).unwrap().clone();
    let spans: Vec<(usize, usize)> = s.occurrences(&a);
    let starts: Vec<usize> = spans.iter().map(|&(b, _)| b).collect();
    // (the document keeps the text with its line ends made "\n")
    let text = s.doc.text.as_str();
    assert!(!text.contains('\r'));
    let at = |b: usize| text[..b].chars().count();
    let line = text.find('\n').unwrap() + 1;
    // ("x1.1" is not a whole word; the last is the tagged one)
    assert_eq!(starts, vec![0, at(text.find("北京 ").unwrap() + "北京 ".len()), at(line), at(line) + 4]);
    assert!(spans.iter().all(|&(b, e)| e - b == 3));
}

#[test]
fn tag_all_occurrences_is_whole_word_case_sensitive_and_one_step() {
    let mut s = state();
    let first = add(&mut s, "Lukashenko", 0, "PERSON");
    let spans = s.occurrences(&s.get(&first).unwrap().clone());
    // "Lukashenko" stands four times; "Lukashenkos" is not a whole word; the first is tagged.
    assert_eq!(spans, vec![cp(&s, "Lukashenko", 1), cp(&s, "Lukashenko", 3)]);
    let n = s.annotations().len();
    s.apply(Action::AddMany {
        spans: spans.clone(),
        label: "PERSON".into(),
        entity: Some("e9".into()),
        now: "n".into(),
    });
    assert_eq!(s.annotations().len(), n + 2);
    assert!(s.occurrences(&s.get(&first).unwrap().clone()).is_empty(), "nothing left to tag");
    undo(&mut s);
    assert_eq!(s.annotations().len(), n, "one undo removes them all");
}

#[test]
fn accepting_an_untagged_speaker_tags_it_and_links_it_in_one_step() {
    let mut s = state();
    let claim = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    let (start, end) = cp(&s, "Xi Jinping", 0);
    s.apply(Action::AddSpeaker { claim: claim.clone(), start, end, label: "PERSON".into(), now: "n".into() });
    let c = s.get(&claim).unwrap().claim.clone().unwrap();
    let speaker = s.get(c.speaker.as_deref().unwrap()).unwrap();
    assert_eq!((speaker.quote.as_str(), speaker.label.as_str()), ("Xi Jinping", "PERSON"));
    assert_eq!(c.speaker_text, "Xi Jinping");
    assert_eq!(s.annotations().len(), 2);
    undo(&mut s);
    assert_eq!(s.annotations().len(), 1);
    assert_eq!(s.get(&claim).unwrap().claim.as_ref().unwrap().speaker, None);
}

#[test]
fn labels_rename_recolour_and_delete_as_one_step() {
    let mut s = state();
    add(&mut s, "Xi Jinping", 0, "PERSON");
    add(&mut s, "Lukashenko", 0, "PERSON");
    add(&mut s, "Lukashenko", 1, "ORG");
    let mut meta = s.meta();
    let labels = Rc::make_mut(&mut meta.labels);
    labels[0].name = "Human".into();
    labels[0].color = "#000000".into();
    s.apply(Action::Commit { update: vec![], remove: vec![], meta: Some(Box::new(meta)), now: "n".into() });
    assert_eq!(s.label("PERSON").unwrap().name, "Human");
    assert_eq!(s.counts()[0], 2, "renaming keeps the annotations");
    // Delete ORG and its one annotation.
    let mut meta: Meta = s.meta();
    Rc::make_mut(&mut meta.labels).retain(|l| l.id != "ORG");
    let gone: Vec<String> = s.annotations().iter().filter(|a| a.label == "ORG").map(|a| a.id.clone()).collect();
    s.apply(Action::Commit { update: vec![], remove: gone, meta: Some(Box::new(meta)), now: "n".into() });
    assert!(s.label("ORG").is_none());
    assert_eq!(s.annotations().len(), 2);
    assert_eq!(s.counts().len(), s.labels.len());
    undo(&mut s);
    assert!(s.label("ORG").is_some());
    assert_eq!(s.annotations().len(), 3);
    assert_eq!(s.counts()[1], 1);
    undo(&mut s);
    assert_eq!(s.label("PERSON").unwrap().name, "Person");
}

#[test]
fn claimreview_has_every_field_and_skips_unrated_claims() {
    let mut s = state();
    let xi = add(&mut s, "Xi Jinping", 0, "PERSON");
    let rated = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    add(&mut s, "Lukashenko agreed", 0, "CLAIM");
    let mut meta = s.meta();
    Rc::make_mut(&mut meta.entities).push(Entity {
        id: "e1".into(),
        name: "Xi Jinping".into(),
        label: "PERSON".into(),
        aliases: vec![],
        kb_id: "Q15031".into(),
    });
    let mut m = (**s.get(&xi).unwrap()).clone();
    m.entity_ref = Some("e1".into());
    let mut c = (**s.get(&rated).unwrap()).clone();
    let f = c.claim.as_mut().unwrap();
    f.speaker = Some(xi);
    f.verdict = "mostly_false".into();
    f.reviewed = "Trade between China and Belarus grew by 40 %".into();
    s.apply(Action::Commit {
        update: vec![m, c],
        remove: vec![],
        meta: Some(Box::new(meta)),
        now: "2026-11-29T12:00:00Z".into(),
    });
    let mut doc = (*s.doc).clone();
    doc.url = "https://example.org/xi".into();
    let out = claimreview::export(&State::new(Snapshot { doc, ..s.snapshot() }), "Fact Desk");
    assert_eq!((out.reviews, out.skipped), (1, 1));
    let v: Value = serde_json::from_str(&out.json).unwrap();
    let r = &v[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["claimReviewed"], "Trade between China and Belarus grew by 40 %");
    assert_eq!(r["reviewRating"]["@type"], "Rating");
    assert_eq!(r["reviewRating"]["ratingValue"], 2);
    assert_eq!(r["reviewRating"]["bestRating"], 5);
    assert_eq!(r["reviewRating"]["worstRating"], 1);
    assert_eq!(r["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert_eq!(r["itemReviewed"]["author"]["@type"], "Person");
    assert_eq!(r["itemReviewed"]["author"]["name"], "Xi Jinping");
    assert_eq!(r["itemReviewed"]["author"]["sameAs"], "https://www.wikidata.org/wiki/Q15031");
    assert_eq!(r["itemReviewed"]["appearance"]["headline"], s.doc.title.as_str());
    assert_eq!(r["itemReviewed"]["appearance"]["url"], "https://example.org/xi");
    assert_eq!(r["author"]["name"], "Fact Desk");
    assert_eq!(r["datePublished"], "2026-11-29");
    // Byte for byte as it has always been written.
    assert_eq!(
        out.json,
        r#"[{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"Trade between China and Belarus grew by 40 %","reviewRating":{"@type":"Rating","ratingValue":2,"bestRating":5,"worstRating":1,"alternateName":"Mostly false"},"itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Xi Jinping","sameAs":"https://www.wikidata.org/wiki/Q15031"},"appearance":{"@type":"CreativeWork","headline":"Xi 😀 Jinping met Lukashenko. \"Trade grew by 40 %,\" Xi Jinping said. Lukashenko agreed; Lukashenkos did not. Lukashenko!","url":"https://example.org/xi"}},"author":{"@type":"Organization","name":"Fact Desk"},"datePublished":"2026-11-29"}]"#
    );
}

#[test]
fn a_commit_keeps_the_selection() {
    let mut s = state();
    let xi = add(&mut s, "Xi Jinping", 0, "PERSON");
    let mut m = (**s.get(&xi).unwrap()).clone();
    m.note = "head of state".into();
    s.apply(Action::Commit { update: vec![m], remove: vec![], meta: None, now: "n".into() });
    assert_eq!(s.selected.as_deref(), Some(xi.as_str()));
}

#[test]
fn two_fields_set_in_a_row_both_stay_and_each_undoes_alone() {
    use article_annotator::model::state::Field;
    let mut s = state();
    let claim = add(&mut s, "Trade grew by 40 %", 0, "CLAIM");
    let set = |s: &mut State, field: Field| s.apply(Action::Set { id: claim.clone(), field, now: "n".into() });
    set(&mut s, Field::Attribution(Attribution::AccordingTo));
    set(&mut s, Field::Worthiness(Some(Worthiness::CheckWorthy)));
    set(&mut s, Field::AddEvidence(Evidence { url: "https://a.example/".into(), note: String::new() }));
    set(&mut s, Field::RemoveEvidence(5));
    let c = s.get(&claim).unwrap().claim.clone().unwrap();
    assert_eq!(
        (c.attribution, c.worthiness, c.evidence.len()),
        (Attribution::AccordingTo, Some(Worthiness::CheckWorthy), 1)
    );
    undo(&mut s);
    let c = s.get(&claim).unwrap().claim.clone().unwrap();
    assert_eq!(
        (c.attribution, c.worthiness, c.evidence.len()),
        (Attribution::AccordingTo, Some(Worthiness::CheckWorthy), 0)
    );
}
