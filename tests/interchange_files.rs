//! The file formats made of several files or of markup: the ZIP container, brat standoff (its
//! code-point offsets, fragments, relations, notes and claim attributes, read back), CoNLL IOB2
//! (nests, words, sentences, what it leaves out) and the HTML report (escaped, self-contained).
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::conll::{self, Plain, Segmenter};
use article_annotator::formats::{brat, report, zip};
use article_annotator::model::meta::Entity;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Attribution, Document, Evidence, Span, State, Worthiness};
use proptest::prelude::*;

fn state(text: &str) -> State {
    State::new(Snapshot { doc: Document::from_text(text, "t"), labels: default_labels(), ..Snapshot::default() })
}

/// The code-point range of the `nth` occurrence of `needle`.
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

fn cp_slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// The files of a ZIP, each checked against its CRC.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let list = zip::entries(bytes).unwrap();
    list.iter()
        .map(|e| {
            let data = &bytes[e.data.clone()];
            assert_eq!((e.method, e.size as usize, e.crc), (0, data.len(), zip::crc32(data)), "{}", e.name);
            (e.name.clone(), String::from_utf8(data.to_vec()).unwrap())
        })
        .collect()
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    &files.iter().find(|f| f.0 == name).unwrap_or_else(|| panic!("no {name}")).1
}

#[test]
fn zip_stores_and_lists_its_files() {
    let files: [(&str, &[u8]); 3] =
        [("a.txt", b"hello"), ("\u{fc}n\u{ef}/\u{674e}\u{660e} \u{1f600}.txt", "x\ny 😀".as_bytes()), ("empty", b"")];
    let bytes = zip::store(&files, zip::dos_time("2026-11-29T11:05:30Z"));
    let list = zip::entries(&bytes).unwrap();
    assert_eq!(list.len(), 3);
    for (e, (name, data)) in list.iter().zip(files) {
        assert_eq!((e.name.as_str(), e.method, e.size as usize), (name, 0, data.len()));
        assert_eq!(&bytes[e.data.clone()], data);
        assert_eq!(e.crc, zip::crc32(data));
    }
    assert_eq!(list[0].crc, 0x3610_a686, "the CRC-32 of \"hello\"");
    // UTF-8 names are flagged (bit 11) in the local header and the central directory.
    assert_eq!(bytes[6..8], [0, 8]);
    assert!(zip::entries(&zip::store(&[], (0, 0x21))).unwrap().is_empty());
}

#[test]
fn zip_says_what_is_wrong_with_a_file() {
    let good = zip::store(&[("a.txt", b"hello")], (0, 0x21));
    let err = |b: &[u8]| zip::entries(b).unwrap_err();
    assert!(err(b"just some text, long enough to look for an end record in").contains("not a ZIP"));
    assert!(err(b"").contains("not a ZIP"));
    assert!(err(&good[..good.len() - 10]).contains("incomplete"));
    assert!(err(&good[..20]).contains("incomplete"));
    let end = good.len() - 22;
    let mut zip64 = good.clone();
    zip64[end + 10..end + 12].copy_from_slice(&[0xff, 0xff]);
    assert!(err(&zip64).contains("ZIP64"));
    let mut locked = good.clone();
    let dir = u32::from_le_bytes(good[end + 16..end + 20].try_into().unwrap()) as usize;
    locked[dir + 8] |= 1;
    assert!(err(&locked).contains("encrypted"), "{}", err(&locked));
}

/// Made by Python's zipfile with ZIP_DEFLATED: "a.txt" (30 bytes of "hello ") and an empty
/// "ü/北京.txt".
const DEFLATED: &str = "504b03041400000008002c5a7d5d680231660c0000001e00000005000000612e747874cb48cdc9c957c8c04e720100504b03041400000808002c5a7d5d0000000002000000000000000d000000c3bc2fe58c97e4baac2e7478740300504b010214031400000008002c5a7d5d680231660c0000001e000000050000000000000000000000800100000000612e747874504b010214031400000808002c5a7d5d0000000002000000000000000d000000000000000000000080012f000000c3bc2fe58c97e4baac2e747874504b050600000000020002006e0000005c0000000000";

#[test]
fn zip_lists_deflated_entries_for_the_browser_to_inflate() {
    let bytes: Vec<u8> =
        (0..DEFLATED.len()).step_by(2).map(|i| u8::from_str_radix(&DEFLATED[i..i + 2], 16).unwrap()).collect();
    let list = zip::entries(&bytes).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!((list[0].name.as_str(), list[0].method, list[0].size, list[0].crc), ("a.txt", 8, 30, 0x6631_0268));
    assert_eq!(list[0].data, 35..47);
    assert_eq!((list[1].name.as_str(), list[1].method, list[1].size), ("ü/北京.txt", 8, 0));
    assert_eq!(list[1].data, 90..92);
}

const ARTICLE: &str = "Xi 😀 Jinping met 李明 in Zürich.\r\nRene\u{301}e said \"Trade grew by 40 % on 🇧🇪 day\" to 👩\u{200d}🔬 reporters.\r\n\r\nLukashenko agreed.";

/// An article with entities (one linked to Wikidata, one with a note), a claim with every
/// field, and a span across a paragraph break.
fn annotated() -> State {
    let mut s = state(ARTICLE);
    let xi = add(&mut s, "Xi 😀 Jinping", 0, "PERSON");
    add(&mut s, "李明", 0, "PERSON");
    let zurich = add(&mut s, "Zürich", 0, "LOC");
    let renee = add(&mut s, "Rene\u{301}e", 0, "PERSON");
    let claim = add(&mut s, "Trade grew by 40 % on 🇧🇪 day", 0, "CLAIM");
    add(&mut s, "👩\u{200d}🔬", 0, "OTHER");
    add(&mut s, "reporters.\n\nLukashenko", 0, "EVENT");
    let mut snap = s.snapshot();
    snap.entities.push(Entity {
        id: "e1".into(),
        name: "Xi Jinping".into(),
        label: "PERSON".into(),
        aliases: vec![],
        kb_id: "Q15031".into(),
    });
    for a in &mut snap.annotations {
        if a.id == xi {
            a.entity_ref = Some("e1".into());
        } else if a.id == zurich {
            a.note = "the city,\tnot\nthe canton".into();
        } else if a.id == claim {
            let c = a.claim.as_mut().unwrap();
            c.speaker = Some(renee.clone());
            c.attribution = Attribution::Direct;
            c.set_worthiness(Some(Worthiness::CheckWorthy));
            c.verdict = "mostly_true".into();
            c.explanation = "Customs data show 38 %.".into();
            c.cue = Some(Span { start: 1, end: 2 });
            c.evidence.push(Evidence { url: "https://example.org/stats".into(), note: "customs".into() });
        }
    }
    State::new(snap)
}

#[test]
fn brat_export_reads_back_the_same_spans_relations_notes_and_claims() {
    let s = annotated();
    let out = brat::export(&s, zip::dos_time("2026-11-29T11:05:30Z"));
    assert_eq!((out.name.as_str(), out.mime), ("xi-jinping-met-李明-in-zürich.brat.zip", "application/zip"));
    let files = unzip(&out.bytes);
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    let slug = "xi-jinping-met-李明-in-zürich";
    assert_eq!(names, [format!("{slug}.txt"), format!("{slug}.ann"), "annotation.conf".into(), "tools.conf".into()]);
    let (txt, ann) = (file(&files, &format!("{slug}.txt")), file(&files, &format!("{slug}.ann")));
    assert_eq!(txt, s.doc.text, "the text exactly, CRLF already normalised");
    assert!(!txt.contains('\r'));
    let conf = file(&files, "annotation.conf");
    for line in [
        "[entities]\nPERSON\nORG\nLOC\nDATE\nEVENT\nQUANTITY\nOTHER\nCLAIM\n",
        "[relations]\nsaid_by Arg1:CLAIM, Arg2:PERSON|ORG|LOC|DATE|EVENT|QUANTITY|OTHER\n[events]\n[attributes]\n",
        "Attribution Arg:CLAIM, Value:direct|indirect|according_to|author|none\n",
        "Worthiness Arg:CLAIM, Value:check_worthy|not_check_worthy|not_factual\n",
        "Verdict Arg:CLAIM, Value:unverified|true|mostly_true|mixed|mostly_false|false|unverifiable\n",
    ] {
        assert!(conf.contains(line), "{conf}\nlacks\n{line}");
    }
    assert!(file(&files, "tools.conf").contains("Wikidata\t<URL>:https://www.wikidata.org/"));
    assert!(ann.contains("\tEVENT 81 91;93 103\treporters. Lukashenko\n"), "{ann}");
    assert!(ann.contains("\tAnnotatorNotes T3\tthe city, not the canton\n"), "{ann}");
    assert!(ann.contains("N1\tReference T1 Wikidata:Q15031\tXi Jinping\n"), "{ann}");
    assert_eq!(out.left_out, ["1 claim cue (the reporting words): brat has no place for them"]);

    let back = brat::read(ann, txt).unwrap();
    assert!(back.failed.is_empty(), "{:?}", back.failed);
    assert_eq!((back.format, back.title.as_str()), ("brat", "Xi 😀 Jinping met 李明 in Zürich."));
    assert_eq!(back.text.as_deref(), Some(txt));
    let ours = s.annotations();
    assert_eq!(back.spans.len(), ours.len());
    for (f, a) in back.spans.iter().zip(ours.iter()) {
        assert_eq!((&f.label, f.start, f.end, &f.quote), (&a.label, a.start, a.end, &a.quote));
        assert_eq!(cp_slice(txt, f.start, f.end), f.quote);
    }
    let t = |id: &str| back.spans[ours.iter().position(|a| a.id == id).unwrap()].id.clone();
    let claim = ours.iter().find(|a| a.claim.is_some()).unwrap();
    let c = claim.claim.as_ref().unwrap();
    assert_eq!(back.relations, [("said_by".to_string(), t(&claim.id), t(c.speaker.as_ref().unwrap()))]);
    let fc = back.spans.iter().find(|f| f.label == "CLAIM").unwrap();
    let got = fc.claim.as_ref().unwrap();
    assert_eq!((got.attribution, got.worthiness, got.verdict.as_str()), (c.attribution, c.worthiness, "mostly_true"));
    assert_eq!(
        fc.note,
        "Claim as reviewed: Trade grew by 40 % on 🇧🇪 day | Explanation: Customs data show 38 %. | Evidence: https://example.org/stats (customs)"
    );
    assert_eq!(back.spans[0].kb_id, "Q15031");
    assert_eq!(back.spans.iter().filter(|f| f.claim.is_some()).count(), 1, "only the claim has claim fields");
}

#[test]
fn brat_export_says_what_it_leaves_out() {
    let mut s = state("A\n\nB said so.");
    add(&mut s, "B", 0, "PERSON");
    let mut snap = s.snapshot();
    snap.entities.push(Entity {
        id: "e1".into(),
        name: "B".into(),
        label: "PERSON".into(),
        aliases: vec![],
        kb_id: "".into(),
    });
    snap.annotations[0].entity_ref = Some("e1".into());
    // A span of nothing but line breaks (a file may bring one).
    let mut blank = snap.annotations[0].clone();
    (blank.id, blank.start, blank.end, blank.quote) = ("x".into(), 1, 3, "\n\n".into());
    snap.annotations.push(blank);
    let s = State::new(snap);
    let out = brat::export(&s, (0, 0x21));
    assert_eq!(
        out.left_out,
        [
            "1 span holding only line breaks: brat cannot mark them",
            "1 link to an entity with no Wikidata id: brat keeps only knowledge-base links"
        ]
    );
    let files = unzip(&out.bytes);
    assert_eq!(files.len(), 3, "no tools.conf without a Wikidata link");
    assert_eq!(file(&files, "a.ann"), "T1\tPERSON 3 4\tB\n");
    assert!(file(&files, "annotation.conf").contains("\nCLAIM\n"), "every label is declared, in use or not");
}

#[test]
fn brat_reads_fragments_whole_and_reports_bad_lines() {
    let txt = "Xi 😀 met\nLi.\nNo more.";
    let ann = "T1\tPERSON 0 2\tXi\nT2\tEVENT 5 8;9 11\tmet Li\nT3\tLOC 3 4\tsomething else\nX9\tjunk\n\
               T4\tPERSON 4 2\tx\nT5\tORG 0 99\toff the end\nR1\tsaid_by Arg1:T1\n#1\tAnnotatorNotes T9\tnote\n\
               A1\tVerdict T1 false\nA2\tAttribution T1 sideways\nN1\tReference T1 Wikidata:Q42\tXi\nE1\tMeet:T2\n\
               A3\tNegation T2\nN2\tReference T2 UniProt:P04637\tp53\n";
    let f = brat::read(ann, txt).unwrap();
    let spans: Vec<(&str, usize, usize, &str)> =
        f.spans.iter().map(|s| (s.label.as_str(), s.start, s.end, s.quote.as_str())).collect();
    assert_eq!(
        spans,
        [
            ("PERSON", 0, 2, "Xi"),
            ("EVENT", 5, 11, "met\nLi"),
            ("LOC", 3, 4, "something else"),
            ("ORG", 0, 99, "off the end")
        ]
    );
    assert_eq!(f.spans[0].claim.as_ref().unwrap().verdict, "false");
    assert_eq!(f.spans[0].kb_id, "Q42");
    assert!(
        f.spans[1].claim.is_none() && f.spans[1].kb_id.is_empty(),
        "another tool's attribute or database is not ours"
    );
    assert_eq!(f.spans[1].place, "line 2");
    let failed: Vec<&str> = f.failed.iter().map(|s| &s[..s.find(':').unwrap()]).collect();
    assert_eq!(failed, ["line 4", "line 5", "line 7", "line 12", "line 8", "line 10"], "{:?}", f.failed);
    assert!(f.failed[1].contains("not in order") && f.failed[4].contains("no span T9"), "{:?}", f.failed);
    assert!(brat::read("hello\nworld", txt).unwrap_err().contains("not a brat"));
    assert!(brat::read("", txt).unwrap().spans.is_empty());
}

/// Texts from pieces that trip offset counting: astral emoji, joined emoji, flags, CJK,
/// combining marks and CRLF line breaks.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a",
        "bc ",
        "😀",
        "👩\u{200d}🔬",
        "🇧🇪",
        "李明",
        "e\u{301}",
        " ",
        "\r\n",
        "\n",
        ". ",
        "\t",
        "Zoë",
    ]);
    prop::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn brat_offsets_give_the_text_column(text in pieces(), raw in prop::collection::vec((0usize..200, 1usize..30, any::<bool>()), 0..12)) {
        let mut s = state(&text);
        let len = s.index.len();
        for (a, n, claim) in raw {
            let start = a % len;
            let end = (start + n).min(len);
            if start < end {
                let label = if claim { "CLAIM" } else { "PERSON" };
                s.apply(Action::Add { start, end, label: label.into(), now: "n".into() });
            }
        }
        let out = brat::export(&s, (0, 0x21));
        let files = unzip(&out.bytes);
        let (txt, ann) = (&files[0].1, &files[1].1);
        prop_assert_eq!(txt, &s.doc.text);
        let mut written = 0;
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            written += 1;
            let cols: Vec<&str> = line.splitn(3, '\t').collect();
            let offsets = cols[1].split_once(' ').unwrap().1;
            let frags: Vec<String> = offsets.split(';').map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                cp_slice(txt, a.parse().unwrap(), b.parse().unwrap())
            }).collect();
            prop_assert!(frags.iter().all(|f| !f.is_empty() && !f.contains('\n')), "{}", line);
            prop_assert_eq!(frags.join(" "), cols[2]);
        }
        let blank = s.annotations().iter().filter(|a| a.quote.chars().all(|c| c == '\n')).count();
        prop_assert_eq!(written + blank, s.annotations().len());
        let back = brat::read(ann, txt).unwrap();
        prop_assert!(back.failed.is_empty());
        // A line break at either end is not written.
        let ours: Vec<_> = s.annotations().iter().filter(|a| !a.quote.chars().all(|c| c == '\n')).map(|a| {
            let q = a.quote.trim_matches('\n');
            let lead = a.quote.len() - a.quote.trim_start_matches('\n').len();
            (a.label.clone(), a.start + lead, a.start + lead + q.chars().count(), q.to_string())
        }).collect();
        let edged = s.annotations().iter().filter(|a| a.quote.trim_matches('\n') != a.quote && !a.quote.trim_matches('\n').is_empty()).count();
        prop_assert_eq!(out.left_out.iter().any(|l| l.contains("starting or ending with a line break")), edged > 0);
        let theirs: Vec<_> = back.spans.iter().map(|f| (f.label.clone(), f.start, f.end, f.quote.clone())).collect();
        prop_assert_eq!(ours, theirs);
    }
}

fn words(text: &str) -> Vec<&str> {
    Plain.words(text).iter().map(|&(a, b)| &text[a..b]).collect()
}

#[test]
fn plain_words_keep_clusters_and_split_punctuation() {
    assert_eq!(
        words("Zoë's 👩\u{200d}🔬 🇧🇪🇧🇪 Rene\u{301}e 李明, 😀👍🏽 (x)"),
        ["Zoë", "'", "s", "👩\u{200d}🔬", "🇧🇪", "🇧🇪", "Rene\u{301}e", "李明", ",", "😀", "👍🏽", "(", "x", ")"]
    );
    let text = "Dr. Smith left. Jones came!\nNew line?Yes 3.5 ok";
    let sentences: Vec<&str> = Plain.sentences(text).iter().map(|&(a, b)| text[a..b].trim()).collect();
    assert_eq!(sentences, ["Dr.", "Smith left.", "Jones came!", "New line?Yes 3.5 ok"]);
}

#[test]
fn conll_tags_the_outermost_span_of_each_nest() {
    let mut s = state("Xi Jinping met the Bank of China chief in 北京 😀.\r\nNew\nYork agreed.");
    add(&mut s, "Xi Jinping", 0, "PERSON");
    add(&mut s, "Bank of China", 0, "ORG");
    add(&mut s, "China", 0, "LOC");
    add(&mut s, "the Bank", 0, "OTHER");
    add(&mut s, "met the", 0, "EVENT");
    add(&mut s, "北京", 0, "LOC");
    add(&mut s, "😀", 0, "OTHER");
    add(&mut s, "Jinping met the Bank of China chief", 0, "CLAIM");
    add(&mut s, "New\nYork", 0, "LOC");
    add(&mut s, "gree", 0, "EVENT");
    let out = conll::export(&s, &Plain);
    assert_eq!((out.name.as_str(), out.mime), ("xi-jinping-met-the-bank-of-china-chief-in-北京.conll", "text/plain"));
    let expected = "-DOCSTART- -X- -X- O\n\n\
        Xi -X- -X- B-PERSON\nJinping -X- -X- I-PERSON\nmet -X- -X- B-EVENT\nthe -X- -X- I-EVENT\n\
        Bank -X- -X- B-ORG\nof -X- -X- I-ORG\nChina -X- -X- I-ORG\nchief -X- -X- O\nin -X- -X- O\n\
        北京 -X- -X- B-LOC\n😀 -X- -X- B-OTHER\n. -X- -X- O\n\n\
        New -X- -X- B-LOC\n\nYork -X- -X- B-LOC\nagreed -X- -X- B-EVENT\n. -X- -X- O\n\n";
    assert_eq!(String::from_utf8(out.bytes).unwrap(), expected);
    assert_eq!(
        out.left_out,
        [
            "2 overlapping spans: CoNLL keeps the outermost of each nest",
            "1 claim: CoNLL carries entities only",
            "1 span across a sentence break: tagged as one entity per sentence",
        ]
    );
}

#[test]
fn conll_takes_words_from_any_segmenter() {
    /// A careless segmenter: ranges out of the text, white space, a word holding a space.
    struct Lines;
    impl Segmenter for Lines {
        fn words(&self, text: &str) -> Vec<(usize, usize)> {
            vec![(0, 6), (6, 7), (0, 99), (7, text.len())]
        }
        fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
            vec![(0, text.len())]
        }
    }
    let mut s = state("李明 x yz");
    add(&mut s, "李明", 0, "PERSON");
    add(&mut s, " ", 0, "OTHER");
    let out = conll::export(&s, &Lines);
    let body = String::from_utf8(out.bytes).unwrap();
    assert_eq!(body, "-DOCSTART- -X- -X- O\n\n李明 -X- -X- B-PERSON\nx_yz -X- -X- O\n\n", "invalid ranges dropped");
    assert_eq!(out.left_out, ["1 span over no whole word: CoNLL tags words"]);
}

/// The text inside each <mark> of `html` (tags left out, entities decoded).
fn marked_texts(html: &str) -> Vec<String> {
    let body = &html[html.find("<article>").unwrap()..html.find("</article>").unwrap()];
    let (mut plain, mut open, mut out) = (String::new(), Vec::new(), Vec::new());
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').unwrap();
            let tag = &rest[..=end];
            if tag.starts_with("<mark") {
                open.push(plain.len());
            } else if tag == "</mark>" {
                out.push(plain[open.pop().unwrap()..].to_string());
            }
            rest = &rest[end + 1..];
        } else if c == '&' {
            let end = rest.find(';').unwrap();
            plain.push(match &rest[..=end] {
                "&amp;" => '&',
                "&lt;" => '<',
                "&gt;" => '>',
                "&quot;" => '"',
                "&#39;" => '\'',
                e => panic!("unexpected entity {e}"),
            });
            rest = &rest[end + 1..];
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_empty());
    out
}

#[test]
fn report_escapes_every_user_string_and_fetches_nothing() {
    let text =
        "<script>alert(\"x\")</script> & 'q' by Xi\r\nXi & Li met <b>friends</b> at the Bank of China in 北京 😀.";
    let mut s = state(text);
    let xi = add(&mut s, "Xi", 1, "PERSON");
    add(&mut s, "Xi", 0, "PERSON");
    add(&mut s, "Li", 0, "PERSON");
    add(&mut s, "Bank of China", 0, "ORG");
    add(&mut s, "China", 0, "LOC");
    add(&mut s, "<script>alert(\"x\")</script> & 'q'", 0, "CLAIM");
    add(&mut s, "met <b>friends</b> at", 0, "EVENT");
    add(&mut s, "😀", 0, "OTHER");
    let mut snap = s.snapshot();
    snap.doc.url = "https://news.example/a?b=1&c=\"2\"".into();
    snap.doc.authors = vec!["Anna <Ann> O'Neil".into()];
    snap.labels[0].color = "red;}body{background:url(https://evil.example/x)".into();
    snap.entities.push(Entity {
        id: "e1".into(),
        name: "Xi Jinping".into(),
        label: "PERSON".into(),
        aliases: vec![],
        kb_id: "Q15031".into(),
    });
    for a in &mut snap.annotations {
        if a.label == "PERSON" && a.quote == "Xi" {
            a.entity_ref = Some("e1".into());
        }
        if let Some(c) = a.claim.as_mut() {
            c.speaker = Some(xi.clone());
            c.verdict = "false".into();
            c.explanation = "No <i>such</i> thing & more".into();
            c.evidence = vec![
                Evidence { url: "https://example.org/a?x=1&y=\"2\"".into(), note: "the <source>".into() },
                Evidence { url: "javascript:alert(1)".into(), note: "bad".into() },
                Evidence { url: "http://example.com/b".into(), note: String::new() },
            ];
        }
    }
    let s = State::new(snap);
    let out = report::export(&s, "29 November 2026, 11:05 <UTC>");
    assert_eq!((out.mime, out.left_out.len()), ("text/html", 0));
    assert!(out.name.ends_with(".report.html"));
    let html = String::from_utf8(out.bytes).unwrap();
    assert!(!html.to_lowercase().contains("<script"), "no script element");
    assert!(html.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; by Xi</title>"));
    assert!(html.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; by Xi</h1>"));
    assert!(html.contains("Anna &lt;Ann&gt; O&#39;Neil") && html.contains("11:05 &lt;UTC&gt;"));
    assert!(html.contains("<td>No &lt;i&gt;such&lt;/i&gt; thing &amp; more</td>"));
    assert!(!html.contains("<b>") && !html.contains("<i>"));
    // Every quote lies inside one <mark>; nested spans are nested elements.
    let marks = marked_texts(&html);
    for a in s.annotations().iter() {
        assert!(marks.iter().any(|m| m.contains(a.quote.as_str())), "{:?} not in a mark", a.quote);
    }
    assert!(html.contains("Bank of <mark class=\"l2\" title=\"Location\">China</mark></mark>"), "{html}");
    // Nothing is fetched: no source, no stylesheet link, no url() in the style; the only
    // links are the web evidence.
    for bad in ["src=", "<link", "url(", "@import", "<img", "<iframe"] {
        assert!(!html.contains(bad), "{bad}");
    }
    let hrefs: Vec<&str> = html.split("href=\"").skip(1).map(|h| &h[..h.find('"').unwrap()]).collect();
    assert_eq!(hrefs, ["https://example.org/a?x=1&amp;y=&quot;2&quot;", "http://example.com/b"]);
    assert!(
        html.contains(">the &lt;source&gt;</a><br>javascript:alert(1) (bad)<br><a href=\"http://example.com/b\">http://example.com/b</a>"),
        "a link that is not to the web is not a link"
    );
    assert!(html.contains("<dd>https://news.example/a?b=1&amp;c=&quot;2&quot;</dd>"), "the address as text");
    // The legend, the entities with their counts and Wikidata id, the claim's fields.
    assert!(html.contains(".l0{background:#e2e2e2;border-color:#8c8c8c}"), "a colour that is not one is grey");
    assert!(html.contains("<li><mark class=\"l0\">Person</mark> <span class=\"n\">3</span></li>"));
    assert!(html.contains(
        "<li>Li <span class=\"n\">1 mention</span></li><li>Xi Jinping <span class=\"n\">2 mentions</span> <code>Q15031</code></li>"
    ));
    assert!(html.contains("<td>Xi Jinping</td><td>The author&#39;s own</td><td>Not assessed</td><td>False</td>"));
    assert!(html.contains("print-color-adjust:exact") && html.contains("break-inside:avoid"));
}
