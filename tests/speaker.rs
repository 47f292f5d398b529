//! Speaker suggestion over the news-style cases in `fixtures/speakers.txt`: every case is scored,
//! precision and recall are printed, and both must stay above their floors.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::model::speaker::{suggest, suggest_in, Mention, Speaker, Who};
use article_annotator::model::TextIndex;

const CASES: &str = include_str!("fixtures/speakers.txt");

/// One case: the plain text, the claim's code point span, the mentions, the expected speaker;
/// `held_out` for the cases after the HELD-OUT header.
struct Case {
    line: usize,
    held_out: bool,
    text: String,
    claim: (usize, usize),
    mentions: Vec<Mention>,
    expected: Expected,
}

#[derive(Debug, PartialEq)]
enum Expected {
    Mention(String),
    Untagged(String),
    Nobody,
}

/// Strip the marks of one fixture line: `<<claim>>`, `[name|id|P or O]`, `\n`.
fn parse(line: usize, raw: &str) -> Case {
    let (marked, expected) = raw.rsplit_once(" => ").unwrap_or_else(|| panic!("line {line}: no ` => `"));
    let expected = match expected.trim() {
        "none" => Expected::Nobody,
        e if e.starts_with('"') => Expected::Untagged(e.trim_matches('"').to_string()),
        e => Expected::Mention(e.to_string()),
    };
    let (mut text, mut n, mut claim, mut mentions, mut open) = (String::new(), 0, (None, None), Vec::new(), None);
    let mut rest = marked;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("<<") {
            (claim.0, rest) = (Some(n), r);
        } else if let Some(r) = rest.strip_prefix(">>") {
            (claim.1, rest) = (Some(n), r);
        } else if let Some(r) = rest.strip_prefix("\\n") {
            (text, n, rest) = (text + "\n", n + 1, r);
        } else if c == '[' {
            (open, rest) = (Some(n), &rest[1..]);
        } else if c == '|' && open.is_some() {
            let close = rest.find(']').unwrap_or_else(|| panic!("line {line}: unclosed mention"));
            let (id, who) =
                rest[1..close].split_once('|').unwrap_or_else(|| panic!("line {line}: mention needs id|P/O"));
            let who = match who {
                "P" => Who::Person,
                "O" => Who::Organization,
                w => panic!("line {line}: kind {w}"),
            };
            mentions.push(Mention { id: id.to_string(), start: open.take().unwrap(), end: n, who });
            rest = &rest[close + 1..];
        } else {
            text.push(c);
            n += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    let claim = match claim {
        (Some(s), Some(e)) if s < e => (s, e),
        _ => panic!("line {line}: no claim"),
    };
    Case { line, held_out: false, text, claim, mentions, expected }
}

fn cases() -> Vec<Case> {
    let held_out = CASES.lines().position(|l| l.starts_with("# === HELD-OUT")).unwrap_or(usize::MAX);
    CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| Case { held_out: i > held_out, ..parse(i + 1, l) })
        .collect()
}

/// Correct suggestions, suggestions made, cases with a speaker.
#[derive(Default)]
struct Score {
    correct: usize,
    made: usize,
    with_speaker: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.correct as f64 / self.made.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.correct as f64 / self.with_speaker.max(1) as f64
    }

    fn print(&self, what: &str) {
        println!(
            "{what}: precision {:.1} % ({}/{}), recall {:.1} % ({}/{})",
            self.precision() * 100.0,
            self.correct,
            self.made,
            self.recall() * 100.0,
            self.correct,
            self.with_speaker
        );
    }
}

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn fixture_is_well_formed_and_varied() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    for c in &cases {
        if let Expected::Mention(id) = &c.expected {
            assert!(c.mentions.iter().any(|m| &m.id == id), "line {}: no mention {id}", c.line);
        }
        if let Expected::Untagged(name) = &c.expected {
            assert!(c.text.contains(name.as_str()), "line {}: {name} not in the text", c.line);
        }
    }
    let count = |f: &dyn Fn(&Case) -> bool| cases.iter().filter(|c| f(c)).count();
    assert!(count(&|c| c.expected == Expected::Nobody) >= 10);
    assert!(count(&|c| matches!(c.expected, Expected::Untagged(_))) >= 8);
    assert!(count(&|c| c.text.chars().any(|ch| !ch.is_ascii() && !"“”‘’".contains(ch))) >= 8);
}

#[test]
fn precision_and_recall_over_the_fixture() {
    let cases = cases();
    let (mut all, mut held) = (Score::default(), Score::default());
    let mut misses = Vec::new();
    for c in &cases {
        let got = suggest(&c.text, c.claim.0, c.claim.1, &c.mentions);
        let index = TextIndex::new(&c.text);
        assert_eq!(
            suggest_in(&c.text, &index, c.claim.0, c.claim.1, &c.mentions),
            got,
            "line {}: the same through the index",
            c.line
        );
        let scores: &mut [&mut Score] = if c.held_out { &mut [&mut all, &mut held] } else { &mut [&mut all] };
        let tag = if c.held_out { " (held-out)" } else { "" };
        if c.expected != Expected::Nobody {
            scores.iter_mut().for_each(|s| s.with_speaker += 1);
        }
        let Some(g) = got else {
            if c.expected != Expected::Nobody {
                misses.push(format!("line {}{tag}: missed {:?}", c.line, c.expected));
            }
            continue;
        };
        scores.iter_mut().for_each(|s| s.made += 1);
        let right = match (&c.expected, &g.speaker) {
            (Expected::Mention(id), Speaker::Mention(got)) => id == got,
            (Expected::Untagged(name), Speaker::New { start, end }) => {
                assert_eq!(&slice(&c.text, *start, *end), &g.name, "line {}: name is the span's text", c.line);
                &g.name == name
            }
            _ => false,
        };
        if right {
            scores.iter_mut().for_each(|s| s.correct += 1);
        } else {
            misses.push(format!(
                "line {}{tag}: WRONG {:?} “{}” by {}, expected {:?}",
                c.line, g.speaker, g.name, g.rule, c.expected
            ));
        }
    }
    let held_count = cases.iter().filter(|c| c.held_out).count();
    println!("{} cases ({} held-out), {} with a speaker", cases.len(), held_count, all.with_speaker);
    for m in &misses {
        println!("  {m}");
    }
    held.print("held-out cases only");
    all.print("speaker suggestion");
    assert!(all.precision() >= 0.90, "precision {:.3}", all.precision());
    assert!(all.recall() >= 0.60, "recall {:.3}", all.recall());
}
