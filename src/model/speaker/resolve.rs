//! What the patterns name: a pronoun or "the …" role resolved to the nearest fitting mention, a
//! run of capitalised words resolved to a tagged mention, an earlier mention sharing its words,
//! or the untagged name itself.
use super::rules::{Ctx, Res, R_IT, R_PRONOUN, R_ROLE, R_ROLE_ORG};
use super::sentences::{Cap, Kind};
use super::words::*;
use super::{Known, Speaker, Who};

/// How far back (code points) a pronoun looks for a person or organisation when the two
/// sentences name none.
const PRONOUN_REACH: usize = 1500;

impl<'a> Ctx<'a> {
    /// A pronoun, or a role noun after "the" ("the minister", "the prime minister", "the
    /// company"), resolved to the nearest fitting mention before it; None for other words.
    pub(super) fn reference(&self, k: usize) -> Option<Res> {
        let t = &self.toks[k];
        let at = self.base + t.s;
        match t.lc.as_str() {
            "he" | "she" | "they" | "him" | "her" | "them" => return Some(self.person(at).ruled(R_PRONOUN)),
            "it" => return Some(self.org(at).ruled(R_IT)),
            _ => {}
        }
        let (person, org) = (is(PERSON_ROLES, &t.lc), is(ORG_ROLES, &t.lc));
        if !(person || org) || self.next_poss(k) || !self.definite(k) {
            return None;
        }
        Some(if t.lc.starts_with("spokes") {
            match self.pick_person(at) {
                Some(res) => res.ruled(R_ROLE),
                None => self
                    .in_window(Who::Organization, at)
                    .last()
                    .map_or(Res::Nobody, |m| self.found(m, Some(R_ROLE_ORG))),
            }
        } else if person {
            self.person(at).ruled(R_ROLE)
        } else {
            self.org(at).ruled(R_ROLE_ORG)
        })
    }

    /// "the" before token `k`, with up to two lower-case words between ("the prime minister").
    pub(super) fn definite(&self, k: usize) -> bool {
        (1..=3).any(|d| {
            k >= d
                && self.toks[k - d].lc == "the"
                && (k - d + 1..k).all(|i| self.toks[i].kind == Kind::Word && self.toks[i].cap == Cap::Lower)
        })
    }

    /// Mentions of `who` in the two sentences before `at`, outside the claim, by start.
    pub(super) fn in_window(&self, who: Who, at: usize) -> Vec<&Known<'a>> {
        self.known
            .iter()
            .filter(|m| m.who == who && m.start >= self.window && m.end <= at && !self.shielded(m))
            .collect()
    }

    pub(super) fn shielded(&self, m: &Known) -> bool {
        m.start < self.shield.1 && m.end > self.shield.0
    }

    /// The nearest mention of `who` before `at` within [`PRONOUN_REACH`].
    pub(super) fn nearest(&self, who: Who, at: usize) -> Res {
        let near = |m: &&Known| m.who == who && m.end <= at && m.end + PRONOUN_REACH >= at && !self.shielded(m);
        self.known.iter().rfind(near).map_or(Res::Nobody, |m| self.found(m, None))
    }

    /// A person in the two sentences: the only one named there, or, among several, the first
    /// when it opens its sentence (the subject, which a pronoun usually continues).
    pub(super) fn pick_person(&self, at: usize) -> Option<Res> {
        let cands = self.in_window(Who::Person, at);
        let first = cands.first()?;
        let key = |m: &Known| m.text.split(' ').next_back().unwrap_or("").to_string();
        if cands.iter().all(|m| key(m) == key(first)) {
            return cands.last().map(|m| self.found(m, None));
        }
        let rel = first.start - self.base;
        let sent = self.sents.iter().rfind(|s| s.0 <= rel).map_or(0, |s| s.0);
        let opens = self.toks.iter().filter(|t| t.s >= sent && t.s < rel).all(|t| t.cap == Cap::Upper);
        Some(if opens { self.found(first, None) } else { Res::Nobody })
    }

    pub(super) fn person(&self, at: usize) -> Res {
        self.pick_person(at).unwrap_or_else(|| self.nearest(Who::Person, at))
    }

    pub(super) fn org(&self, at: usize) -> Res {
        self.in_window(Who::Organization, at)
            .last()
            .map_or_else(|| self.nearest(Who::Organization, at), |m| self.found(m, None))
    }

    pub(super) fn found(&self, m: &Known, rule: Option<&'static str>) -> Res {
        Res::Found(Speaker::Mention(m.id.to_string()), m.text.to_string(), rule)
    }

    /// The mention overlapping tokens `i..=j`, preferring the one over `j` (a name's head).
    pub(super) fn mention_over(&self, i: usize, j: usize) -> Option<&Known<'a>> {
        let over = |s: usize, e: usize| self.known.iter().find(|m| m.start < self.base + e && m.end > self.base + s);
        over(self.toks[j].s, self.toks[j].e).or_else(|| over(self.toks[i].s, self.toks[j].e))
    }

    pub(super) fn next_is(&self, k: usize, word: &str) -> bool {
        self.toks.get(k + 1).is_some_and(|t| t.lc == word)
    }

    pub(super) fn next_poss(&self, k: usize) -> bool {
        self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Poss)
    }

    pub(super) fn capital(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap != Cap::Lower)
    }

    /// Up to two name connectors ("of", "von der") from `k` that a capitalised word follows.
    pub(super) fn connectors(&self, k: usize, step: isize) -> usize {
        let at = |n: usize| k.checked_add_signed(step * n as isize);
        let is_conn = |i: Option<usize>| i.and_then(|i| self.toks.get(i)).is_some_and(|t| is(CONNECTORS, &t.lc));
        (0..=2)
            .find(|&n| (1..=n).all(|d| is_conn(at(d))) && at(n + 1).is_some_and(|i| self.capital(i)))
            .map_or(0, |n| n + 1)
    }

    /// The start of the run of capitalised words (with connectors) ending at `k`.
    pub(super) fn run_back(&self, k: usize, lo: usize) -> Option<usize> {
        let mut i = k;
        while let Some(n) = Some(self.connectors(i, -1)).filter(|&n| n > 0 && i >= lo + n) {
            i -= n;
        }
        self.has_upper(i, k).then_some(i)
    }

    /// The end of the run of capitalised words (with connectors) starting at `k`.
    pub(super) fn run_fwd(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while let Some(n) = Some(self.connectors(j, 1)).filter(|&n| n > 0) {
            j += n;
        }
        self.has_upper(k, j).then_some(j)
    }

    /// The index of the sentence holding token `k`.
    pub(super) fn sent_of(&self, k: usize) -> usize {
        let at = self.toks[k].s;
        self.sents.iter().rposition(|s| s.0 <= at).unwrap_or(0)
    }

    /// No word before token `i` in its sentence.
    pub(super) fn opens_sentence(&self, i: usize) -> bool {
        let at = self.toks[i].s;
        let sent = self.sents.iter().rfind(|s| s.0 <= at).map_or(0, |s| s.0);
        self.toks[..i].iter().rev().take_while(|t| t.s >= sent).all(|t| t.kind != Kind::Word)
    }

    pub(super) fn has_upper(&self, i: usize, j: usize) -> bool {
        (i..=j).any(|k| self.toks[k].cap == Cap::Upper)
    }

    /// A run of capitalised words `i..=j`: the mention it overlaps; else, without leading
    /// function words and titles, the earlier mention sharing its words; else a new name —
    /// except, for a subject, a single word opening its sentence unless its verb agrees
    /// with a singular subject ("Musk says", not "Critics say"), or a name after a preposition.
    pub(super) fn name(&self, i: usize, j: usize, subject: bool, verb: &str) -> Res {
        if let Some(m) = self.mention_over(i, j) {
            return self.found(m, None);
        }
        let mut s = i;
        while s <= j && is(FUNCTION_WORDS, &self.toks[s].lc) {
            s += 1;
        }
        let mut title = None;
        for k in s..=j {
            let lc = &self.toks[k].lc;
            if is(TITLES, lc) || (is(LATE_TITLES, lc) && k > s && title == Some(k - 1)) {
                title = Some(k);
            }
        }
        match title {
            Some(t) if t == j => {
                return if s > i || self.definite(s) {
                    self.person(self.base + self.toks[j].s).ruled(R_ROLE)
                } else {
                    Res::Nobody
                }
            }
            Some(t) if !(t + 1 == j && is(ORG_ROLES, &self.toks[j].lc)) => s = t + 1,
            _ => {}
        }
        if s > j || !self.has_upper(s, j) {
            return Res::Nobody;
        }
        let text = |k: usize| self.w[self.toks[k].s..self.toks[k].e].iter().collect::<String>();
        let words: Vec<String> =
            (s..=j).filter(|&k| self.capital(k)).map(|k| text(k).trim_end_matches('.').to_string()).collect();
        let (start, end) = (self.base + self.toks[s].s, self.base + self.toks[j].e);
        let shares = |m: &&Known| {
            let mw: Vec<&str> = m
                .text
                .split([' ', ','])
                .map(|x| x.trim_end_matches('.'))
                .filter(|x| x.starts_with(|c: char| !c.is_ascii_lowercase()))
                .collect();
            !mw.is_empty()
                && (words.iter().all(|x| mw.contains(&x.as_str())) || mw.iter().all(|x| words.iter().any(|y| y == x)))
        };
        if let Some(m) = self.known.iter().filter(|m| m.start < start).rfind(shares) {
            return self.found(m, None);
        }
        if subject && s == i && s == j && self.opens_sentence(i) && !verb.ends_with('s') {
            return Res::Nobody;
        }
        // "Officials in Beijing said": an untagged name after a preposition is no subject.
        if subject && s == i && i > 0 && is(PREPOSITIONS, &self.toks[i - 1].lc) {
            return Res::Nobody;
        }
        Res::Found(Speaker::New { start, end }, self.w[self.toks[s].s..self.toks[j].e].iter().collect(), None)
    }
}
