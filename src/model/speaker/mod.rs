//! Suggest the speaker of a claim from the claim's sentence and the one before, by lexical
//! attribution patterns of news English: “…,” said X / X said: “…” / X said (that) … / X told … /
//! according to X / X's claim that … / X, who …, said / a pronoun or "the minister" → the
//! nearest preceding person / "it", "the company" → the nearest preceding organisation / a quote
//! continuing the previous sentence's quote. A name resolves to the tagged mention it lies in,
//! else to an earlier mention sharing its words ("Xi" → "Xi Jinping"), else to the untagged name
//! itself. When no pattern names someone, there is no suggestion.
//!
//! Offsets are code points. Only a bounded stretch around the claim is read ([`REACH`] code
//! points each side): [`suggest_in`] cuts it out through the text's index, so the time does not
//! grow with how far into a book the claim is; [`suggest`] counts through the text before it.
mod resolve;
mod rules;
mod sentences;
mod words;

use crate::model::TextIndex;
use rules::{Ctx, Res, R_X_SAID};

/// What kind of entity a mention is, as far as speakers go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Person,
    Organization,
}

/// A tagged entity mention the suggestion may point to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub who: Who,
}

/// Who the suggestion names: a tagged mention, or an untagged name in the text (code points)
/// proposed as a new Person/Organization entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Mention(String),
    New { start: usize, end: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub speaker: Speaker,
    /// The speaker's text as in the article: the tagged mention's text, or the untagged name.
    pub name: String,
    /// The rule that fired, in words a user reads, e.g. "“…,” said X", "according to X",
    /// "X told …", "a pronoun → the nearest preceding person".
    pub rule: &'static str,
}

/// How many code points before the claim's start and after its end are read.
pub const REACH: usize = 2000;

/// A mention with its text, offsets absolute.
struct Known<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    who: Who,
    text: &'a str,
}

/// Suggest the speaker of the claim at [start, end) (code points) in `text`, from the claim's
/// sentence and the one before. `mentions` are the document's Person/Organization mentions (any
/// order). None when no pattern names a speaker, or the one named cannot be resolved.
pub fn suggest(text: &str, start: usize, end: usize, mentions: &[Mention]) -> Option<Suggestion> {
    if start >= end {
        return None;
    }
    let (lo, hi) = (start.saturating_sub(REACH), end.saturating_add(REACH));
    let live: Vec<&Mention> = mentions.iter().filter(|m| m.start < m.end && m.start < hi).collect();
    let mut cps: Vec<usize> = [lo, start, hi].into_iter().chain(live.iter().flat_map(|m| [m.start, m.end])).collect();
    crate::model::order::by_key(&mut cps, |&c| (c as u64, 0));
    cps.dedup();
    let bytes = byte_offsets(text, &cps);
    let at = |cp: usize| bytes[cps.binary_search(&cp).unwrap_or(0)];
    if at(start) >= text.len() {
        return None;
    }
    let mut known: Vec<Known> = live
        .iter()
        .map(|m| Known { id: &m.id, start: m.start, end: m.end, who: m.who, text: &text[at(m.start)..at(m.end)] })
        .filter(|k| !k.text.is_empty())
        .collect();
    crate::model::order::by_key(&mut known, |k| (k.start as u64, k.end as u64));
    let w: Vec<char> = text[at(lo)..at(hi)].chars().collect();
    let b = end.min(lo + w.len()) - lo;
    match Ctx::new(w, lo, start - lo, b, known)?.speaker() {
        Res::Found(speaker, name, rule) => Some(Suggestion { speaker, name, rule: rule.unwrap_or(R_X_SAID) }),
        Res::Nobody => None,
    }
}

/// `suggest`, given the text's index: it reads the stretch around the claim, widened to take in
/// the mentions it is given whole, cut out through `index`, rather than counting through the
/// text before it. (The claim panel gives the mentions within [`REACH`] of the claim, so the
/// stretch stays near it however far into a book the claim is.)
pub fn suggest_in(text: &str, index: &TextIndex, start: usize, end: usize, mentions: &[Mention]) -> Option<Suggestion> {
    let live: Vec<&Mention> =
        mentions.iter().filter(|m| m.start < m.end && m.start < end.saturating_add(REACH)).collect();
    let lo = live.iter().map(|m| m.start).fold(start.saturating_sub(REACH), usize::min);
    let hi = live.iter().map(|m| m.end).fold(end.saturating_add(REACH), usize::max).min(index.len());
    if start >= end || start >= hi {
        return None;
    }
    let moved: Vec<Mention> =
        live.iter().map(|m| Mention { start: m.start - lo, end: m.end.min(hi) - lo, ..(*m).clone() }).collect();
    let mut found = suggest(index.slice(text, lo, hi), start - lo, end - lo, &moved)?;
    if let Speaker::New { start, end } = &mut found.speaker {
        (*start, *end) = (*start + lo, *end + lo);
    }
    Some(found)
}

/// Byte offsets of the code point offsets `cps` (ascending), in one pass that stops at the last
/// one; offsets past the end give the text's length.
fn byte_offsets(text: &str, cps: &[usize]) -> Vec<usize> {
    let mut bytes = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let (mut cp, mut b) = (0, bytes.next().unwrap_or(0));
    let mut out = Vec::with_capacity(cps.len());
    for &want in cps {
        while cp < want {
            match bytes.next() {
                Some(n) => (b, cp) = (n, cp + 1),
                None => break,
            }
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text without `<<` `>>` and `[name|id|P]` marks, the claim, and the mentions.
    fn parse(marked: &str) -> (String, usize, usize, Vec<Mention>) {
        let (mut text, mut claim, mut mentions) = (String::new(), (0, 0), Vec::new());
        let (mut n, mut open) = (0, None);
        let mut rest = marked;
        while let Some(c) = rest.chars().next() {
            if let Some(r) = rest.strip_prefix("<<") {
                claim.0 = n;
                rest = r;
            } else if let Some(r) = rest.strip_prefix(">>") {
                claim.1 = n;
                rest = r;
            } else if c == '[' {
                open = Some(n);
                rest = &rest[1..];
            } else if c == '|' && open.is_some() {
                let close = rest.find(']').unwrap();
                let (id, who) = rest[1..close].split_once('|').unwrap();
                let who = if who == "P" { Who::Person } else { Who::Organization };
                mentions.push(Mention { id: id.into(), start: open.take().unwrap(), end: n, who });
                rest = &rest[close + 1..];
            } else {
                text.push(c);
                n += 1;
                rest = &rest[c.len_utf8()..];
            }
        }
        (text, claim.0, claim.1, mentions)
    }

    fn run(marked: &str) -> Option<(String, &'static str, bool)> {
        let (text, s, e, mentions) = parse(marked);
        suggest(&text, s, e, &mentions).map(|g| (g.name, g.rule, matches!(g.speaker, Speaker::New { .. })))
    }

    fn rule_of(marked: &str) -> &'static str {
        run(marked).expect(marked).1
    }

    #[test]
    fn a_claim_that_is_part_of_its_clause_or_takes_in_its_attribution() {
        let who = "[Lukashenko|m|P] commended China. ";
        assert_eq!(run(&format!("{who}<<Belarus is willing>> to work with China, he said.")).unwrap().0, "Lukashenko");
        assert_eq!(run(&format!("{who}<<Belarus is willing to work with China, he said>>.")).unwrap().0, "Lukashenko");
        assert_eq!(run(&format!("{who}<<Belarus is willing>> to work with China, and more.")), None);
    }

    #[test]
    fn quote_then_said_x_or_x_said() {
        assert_eq!(
            run("“<<Prices will fall>>,” said [Janet Yellen|m1|P]."),
            Some(("Janet Yellen".into(), rules::R_SAID_X, false))
        );
        assert_eq!(rule_of("\"<<No new taxes>>,\" [Rishi Sunak|m1|P] said on Tuesday."), rules::R_X_SAID_AFTER);
        assert_eq!(rule_of("“<<The numbers are clear>>. Jobs are up,” said [Marty Walsh|m|P]."), rules::R_SAID_X);
        assert_eq!(
            run("“<<We will win>>!” said union leader Mick Lynch."),
            Some(("Mick Lynch".into(), rules::R_SAID_X, true))
        );
    }

    #[test]
    fn x_said_before_the_claim() {
        assert_eq!(rule_of("[Olaf Scholz|m|P] said: “<<Germany will meet the target>>.”"), rules::R_X_SAID_QUOTE);
        assert_eq!(rule_of("[Pfizer|o|O] announced that <<the vaccine works>>."), rules::R_X_SAID);
        assert_eq!(rule_of("[Sam Altman|m|P] told lawmakers that <<AI needs rules>>."), rules::R_TOLD);
        assert_eq!(
            run("Finance Minister Nirmala Sitharaman said <<the deficit would narrow to 5.9%>>.").unwrap().0,
            "Nirmala Sitharaman"
        );
        // A verb with an infinitive is no report; a clause break ends the attribution.
        assert_eq!(run("[Rishi Sunak|m|P] promised to cut taxes, <<prices rose>>."), None);
        assert_eq!(run("[Rishi Sunak|m|P] said he would resign and <<prices rose>>."), None);
    }

    #[test]
    fn according_to_and_claim_nouns() {
        assert_eq!(rule_of("According to [Eurostat|o|O], <<jobless rates fell>>."), rules::R_ACCORDING);
        assert_eq!(
            run("<<Jobs grew>>, according to the Bureau of Labor Statistics.").unwrap().0,
            "Bureau of Labor Statistics"
        );
        assert_eq!(run("According to police, <<the suspect fled>>."), None);
        assert_eq!(
            rule_of("[Boris Johnson|m|P]’s claim that <<no rules were broken>> was false."),
            rules::R_CLAIM_NOUN
        );
    }

    #[test]
    fn relative_clauses_appositives_and_parentheses() {
        assert_eq!(
            rule_of("[Jerome Powell|m|P], who has led the [Fed|o|O] since 2018, said <<rates stay high>>."),
            rules::R_WHO
        );
        assert_eq!(
            run("The plan was criticised by [Amnesty|o|O], which said <<it was unlawful>>.").unwrap().0,
            "Amnesty"
        );
        assert_eq!(run("The report, which was seen by [Reuters|o|O], said <<emissions rose>>."), None);
        assert_eq!(run("Spokesperson [Mao Ning|m|P] (毛宁) said <<Beijing objected>>.").unwrap().0, "Mao Ning");
    }

    #[test]
    fn pronouns_and_role_nouns() {
        assert_eq!(
            run("[Angela Merkel|m|P] arrived. She said <<the alliance was strong>>.").unwrap().1,
            rules::R_PRONOUN
        );
        assert_eq!(run("[Microsoft|o|O] reported profits. It said <<cloud grew>>.").unwrap().1, rules::R_IT);
        assert_eq!(run("[Karl Lauterbach|m|P] spoke. The minister said <<rules change>>.").unwrap().1, rules::R_ROLE);
        assert_eq!(run("[Nvidia|o|O] jumped. The company said <<sales will double>>.").unwrap().1, rules::R_ROLE_ORG);
        assert_eq!(
            run("[Volkswagen|o|O] objected. <<It did nothing wrong>>, the spokesman said.").unwrap().0,
            "Volkswagen"
        );
        // Two people: the pronoun continues the subject of the previous sentence.
        let two = "[Gavin Newsom|a|P] met [Kamala Harris|b|P]. He said <<emissions will fall>>.";
        assert_eq!(run(two).unwrap().0, "Gavin Newsom");
        assert_eq!(run("The committee met. He said <<there was no wrongdoing>>."), None);
        assert_eq!(run("A senior official told [Reuters|o|O] <<the talks had stalled>>."), None);
        let head = "The head of the IMF, [Kristalina Georgieva|m|P], warned that <<growth slows>>.";
        assert_eq!(run(head).unwrap().0, "Kristalina Georgieva");
        assert_eq!(run("Officials in Beijing said <<talks went well>>."), None);
        assert_eq!(run("A spokesperson for [Google|o|O] said <<it disagreed>>.").unwrap().0, "Google");
    }

    #[test]
    fn partial_names_and_continued_quotes() {
        let xi = "[Xi Jinping|m|P] met [Joe Biden|b|P]. Xi warned that <<Taiwan matters most>>.";
        assert_eq!(run(xi), Some(("Xi Jinping".into(), rules::R_X_SAID, false)));
        assert_eq!(run("[Rishi Sunak|m|P] spoke. Mr. Sunak said <<the U.K. will grow>>.").unwrap().0, "Rishi Sunak");
        let go_on = "“We stay,” said [Mark Rutte|m|P]. “<<NATO will defend every inch>>.”";
        assert_eq!(run(go_on), Some(("Mark Rutte".into(), rules::R_CONTINUED, false)));
        assert_eq!(run("“We win,” said [Keir Starmer|m|P]. <<Polls say otherwise>>."), None);
    }

    #[test]
    fn sentence_openers_need_a_singular_verb() {
        assert_eq!(run("Critics say <<the law hurts>>."), None);
        assert_eq!(run("Musk says <<robotaxis are coming>>").unwrap().0, "Musk");
        assert_eq!(run("The Pentagon said <<two were injured>>.").unwrap().0, "Pentagon");
    }

    #[test]
    fn offsets_are_code_points_with_emoji_cjk_and_accents() {
        let (text, s, e, m) = parse("🚀 北京 👩\u{200d}🔬. “<<Poland is ready>>,” said Łukasz Kowalski, a spokesman.");
        let g = suggest(&text, s, e, &m).unwrap();
        let Speaker::New { start, end } = g.speaker else { panic!("{g:?}") };
        assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "Łukasz Kowalski");
        assert_eq!(g.name, "Łukasz Kowalski");
        assert_eq!(run("<<Prices rise>>, according to [Zoë Müller|z|P] 😀.").unwrap().0, "Zoë Müller");
        assert_eq!(suggest("short", 3, 9, &[]), None);
        assert_eq!(suggest("short", 9, 12, &[]), None);
    }

    #[test]
    fn never_panics_and_new_names_are_their_spans() {
        let (text, _, _, m) = parse(
            "“<<A>>,” said Zoë 😀 Müller. [Xi|x|P] (习近平) told 'him': \"Mr. J.D. Vance's 5.9%…\" [It|i|O]’s Ł! 北京。",
        );
        let n = text.chars().count();
        let mut m = m;
        m.push(Mention { id: "bad".into(), start: n - 2, end: n + 9, who: Who::Person });
        let index = TextIndex::new(&text);
        for s in 0..=n + 1 {
            for e in s..=n + 2 {
                let got = suggest(&text, s, e, &m);
                assert_eq!(suggest_in(&text, &index, s, e, &m), got, "[{s}, {e})");
                if let Some(Suggestion { speaker: Speaker::New { start, end }, name, .. }) = got {
                    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), name);
                }
            }
        }
    }

    #[test]
    fn reads_only_around_the_claim_in_a_long_text() {
        let filler = "Markets were calm on the day. 市场平稳 😀. ".repeat(26_000);
        let text = format!("{filler}[Janet Yellen|m|P] spoke. She said <<rates will fall>>. {filler}");
        let (text, s, e, m) = parse(&text);
        assert!(text.chars().count() > 1_000_000);
        let t = std::time::Instant::now();
        let index = TextIndex::new(&text);
        for _ in 0..10 {
            assert_eq!(suggest(&text, s, e, &m).unwrap().speaker, Speaker::Mention("m".into()));
            assert_eq!(suggest_in(&text, &index, s, e, &m).unwrap().speaker, Speaker::Mention("m".into()));
        }
        assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    }
}
