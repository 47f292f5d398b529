//! The attribution patterns over the tokens of the claim's sentence and the one before; what
//! they name is resolved in `resolve`.
use super::sentences::{is_terminator, quotes, sentences, tokenize, Cap, Kind, Tok};
use super::words::*;
use super::{Known, Speaker};

pub(super) const R_SAID_X: &str = "“…,” said X";
pub(super) const R_X_SAID_AFTER: &str = "“…,” X said";
pub(super) const R_X_SAID: &str = "X said (that) …";
pub(super) const R_X_SAID_QUOTE: &str = "X said: “…”";
pub(super) const R_TOLD: &str = "X told …";
pub(super) const R_ACCORDING: &str = "according to X";
pub(super) const R_CLAIM_NOUN: &str = "X's claim that …";
pub(super) const R_WHO: &str = "X, who …, said";
pub(super) const R_PRONOUN: &str = "a pronoun → the nearest preceding person";
pub(super) const R_IT: &str = "“it” → the nearest preceding organisation";
pub(super) const R_ROLE: &str = "“the minister”, “the spokesperson” … → the nearest preceding person";
pub(super) const R_ROLE_ORG: &str =
    "“the company”, “the ministry”, “the spokesperson” … → the nearest preceding organisation";
pub(super) const R_CONTINUED: &str = "a quote continuing the previous sentence's quote";

/// What a pattern found: a speaker (with the rule, when the resolution decides it), or an
/// attribution to no one that can be named (an anonymous source, a pronoun with no antecedent).
pub(super) enum Res {
    Found(Speaker, String, Option<&'static str>),
    Nobody,
}

impl Res {
    /// The pattern's rule, unless the resolution already named one.
    pub(super) fn ruled(self, rule: &'static str) -> Res {
        match self {
            Res::Found(s, n, None) => Res::Found(s, n, Some(rule)),
            other => other,
        }
    }
}

/// The two sentences around a claim, tokenised. Token ranges are half-open index pairs; `w`
/// positions are code points from `base`.
pub(super) struct Ctx<'a> {
    pub(super) w: Vec<char>,
    pub(super) base: usize,
    pub(super) toks: Vec<Tok>,
    pub(super) sents: Vec<(usize, usize)>,
    /// The claim's sentence(s), through the end of a quotation the claim sits in.
    pub(super) sent: (usize, usize),
    pub(super) prev: (usize, usize),
    pub(super) claim: (usize, usize),
    pub(super) quote: Option<(usize, usize)>,
    pub(super) quotes: Vec<(usize, usize)>,
    pub(super) known: Vec<Known<'a>>,
    /// Absolute start of the previous sentence.
    pub(super) window: usize,
    /// Absolute span of the claim and its quotation: mentions there are no antecedents.
    pub(super) shield: (usize, usize),
}

impl<'a> Ctx<'a> {
    /// The context of the claim at `[a, b)` in `w` (which starts at code point `base`); `known`
    /// sorted by start.
    pub(super) fn new(w: Vec<char>, base: usize, a: usize, b: usize, known: Vec<Known<'a>>) -> Option<Self> {
        let sents = sentences(&w);
        let ci = sents.iter().rposition(|s| s.0 <= a).unwrap_or(0);
        let cj = sents.iter().rposition(|s| s.0 < b).unwrap_or(ci).max(ci);
        let from = sents.get(ci.wrapping_sub(1)).or(sents.get(ci))?.0;
        let toks = tokenize(&w, from, sents[(cj + 3).min(sents.len() - 1)].1);
        let quotes = quotes(&w, &toks);
        let first = |cp: usize| toks.iter().position(|t| t.s >= cp).unwrap_or(toks.len());
        let quote = quotes.iter().filter(|&&(o, c)| toks[o].s <= a && toks[c].e >= b).max_by_key(|q| q.0).copied();
        let mut end = sents[cj].1;
        if let Some((_, c)) = quote.filter(|&(_, c)| toks[c].s >= end) {
            end = sents.iter().find(|s| s.1 > toks[c].s).map_or(end, |s| s.1);
        }
        let s0 = first(sents[ci].0.min(a));
        let (sent, prev, claim) = ((s0, first(end)), (0, s0), (first(a), first(b)));
        let shield = quote.map_or((a, b), |(o, c)| (toks[o].s.min(a), toks[c].e.max(b)));
        let shield = (base + shield.0, base + shield.1);
        Some(Ctx { base, sents, sent, prev, claim, quote, quotes, known, window: base + from, shield, toks, w })
    }

    /// The speaker: an attribution of the claim, else of the quotation it sits in, else (for a
    /// quotation opening the sentence) the speaker of the previous sentence's quotation.
    pub(super) fn speaker(&self) -> Res {
        let r = self.sent;
        if let Some(res) = self.attribute(self.claim.0, self.claim.1, r) {
            return res;
        }
        // A span that is part of its clause, or takes in its attribution: the attribution after
        // a clause boundary ("…, he said").
        for k in self.claim.0 + 1..r.1 {
            if matches!(self.toks[k].kind, Kind::Punct(',' | '—' | '–')) {
                if let Some(res @ Res::Found(..)) = self.after(k, r) {
                    return res;
                }
            }
        }
        let Some((qo, qc)) = self.quote else { return Res::Nobody };
        let qr = if qo < r.0 { (self.prev.0, r.1) } else { r };
        if let Some(res) = self.attribute(qo, qc, qr) {
            return res;
        }
        if qo >= r.0 && (r.0..qo).all(|i| self.toks[i].kind != Kind::Word) {
            let p = self.prev;
            if let Some(&(po, pc)) = self.quotes.iter().rfind(|q| q.0 >= p.0 && q.1 < p.1) {
                if let Some(Res::Found(s, n, _)) = self.attribute(po, pc, p) {
                    return Res::Found(s, n, Some(R_CONTINUED));
                }
            }
        }
        Res::Nobody
    }

    /// An attribution of the tokens `[ta, tb)` within the sentence tokens `r`.
    fn attribute(&self, ta: usize, tb: usize, r: (usize, usize)) -> Option<Res> {
        self.before(ta, r).or_else(|| self.after(tb, r))
    }

    /// "X said (that) …", "X told Y …", "X said: “…”", "According to X, …", "X's claim that …".
    fn before(&self, ta: usize, r: (usize, usize)) -> Option<Res> {
        let (mut words, mut quote) = (0, false);
        for k in (r.0..ta.min(r.1)).rev() {
            let t = &self.toks[k];
            let lc = t.lc.as_str();
            match t.kind {
                Kind::Punct(c) if is_terminator(c) => return None,
                Kind::Punct(c) => quote |= matches!(c, '“' | '"' | '‘' | '\'' | ':'),
                Kind::Poss => return None,
                Kind::Word if lc == "that" => {}
                Kind::Word if lc == "to" && k > r.0 && self.toks[k - 1].lc == "according" => {
                    return Some(self.according(k + 1, ta));
                }
                Kind::Word if is(CLAIM_NOUNS, lc) && k >= r.0 + 2 && self.toks[k - 1].kind == Kind::Poss => {
                    return self.next_is(k, "that").then(|| self.subject_at(k - 2, r, "", None).ruled(R_CLAIM_NOUN));
                }
                Kind::Word if is(VERBS, lc) && !self.next_is(k, "to") => {
                    let rule = if matches!(lc, "told" | "tells" | "tell") { R_TOLD } else { R_X_SAID };
                    let rule = if quote && rule == R_X_SAID { R_X_SAID_QUOTE } else { rule };
                    return Some(self.subject_before(k, r, lc).ruled(rule));
                }
                Kind::Word if is(BREAKERS, lc) => return None,
                Kind::Word => {
                    words += 1;
                    if words > 8 {
                        return None;
                    }
                }
            }
        }
        None
    }

    /// "“…,” said X", "“…,” X said", "…, according to X": after punctuation closing the stretch.
    fn after(&self, tb: usize, r: (usize, usize)) -> Option<Res> {
        let mut k = tb;
        while k < r.1 && matches!(self.toks[k].kind, Kind::Punct(c) if ",”\"’'!?—–….".contains(c)) {
            k += 1;
        }
        if k == tb || k >= r.1 || self.sent_of(k) != self.sent_of(tb) {
            return None;
        }
        let lc = self.toks[k].lc.as_str();
        if lc == "according" && self.next_is(k, "to") {
            return Some(self.according(k + 2, r.1));
        }
        if is(VERBS, lc) && !self.next_is(k, "to") {
            return Some(self.name_after(k + 1, r.1));
        }
        for v in k..(k + 8).min(r.1) {
            let t = &self.toks[v];
            match t.kind {
                Kind::Punct(c) if is_terminator(c) || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | ';' | ':') => {
                    return None
                }
                Kind::Word if is(BREAKERS, &t.lc) => return None,
                Kind::Word if v > k && is(VERBS, &t.lc) && !self.next_is(v, "to") => {
                    return Some(self.subject_before(v, (k, r.1), &t.lc).ruled(R_X_SAID_AFTER));
                }
                _ => {}
            }
        }
        None
    }

    /// The source after "according to": the first mention, name or "the …" role, skipping
    /// "a report by the", "a note from".
    fn according(&self, mut k: usize, limit: usize) -> Res {
        while k < limit.min(self.sent.1) {
            let t = &self.toks[k];
            match t.kind {
                Kind::Punct(_) => return Res::Nobody,
                Kind::Poss => {}
                Kind::Word => {
                    if let Some(m) = self.mention_over(k, k) {
                        return self.found(m, Some(R_ACCORDING));
                    }
                    if t.cap != Cap::Lower && !self.next_poss(k) {
                        return self.run_fwd(k).map_or(Res::Nobody, |e| self.name(k, e, false, "").ruled(R_ACCORDING));
                    }
                    if let Some(res) = self.reference(k) {
                        return res.ruled(R_ACCORDING);
                    }
                }
            }
            k += 1;
        }
        Res::Nobody
    }

    /// The speaker after an inverted reporting verb: "said [union leader] X", "said Qatar's prime
    /// minister, X", "said the spokesman".
    fn name_after(&self, mut k: usize, end: usize) -> Res {
        let stop = end.min(k + 8);
        while k < stop {
            let t = &self.toks[k];
            match t.kind {
                Kind::Punct(',') | Kind::Poss => {}
                Kind::Punct(_) => break,
                Kind::Word => {
                    if let Some(m) = self.mention_over(k, k) {
                        return self.found(m, Some(R_SAID_X));
                    }
                    if t.cap != Cap::Lower {
                        if !self.next_poss(k) {
                            return self.run_fwd(k).map_or(Res::Nobody, |e| self.name(k, e, false, "").ruled(R_SAID_X));
                        }
                    } else if t.lc == "that" || is(VERBS, &t.lc) {
                        break;
                    } else if let Some(res) = self.reference(k) {
                        return res.ruled(R_SAID_X);
                    }
                }
            }
            k += 1;
        }
        Res::Nobody
    }

    /// The subject of the verb at `v`: skips adverbs ("also", "famously"), an appositive or
    /// relative clause between commas ("X, who …, said") and a parenthesis ("X (毛宁) said").
    fn subject_before(&self, v: usize, r: (usize, usize), verb: &str) -> Res {
        let mut k = v;
        while k > r.0 && v - k < 3 {
            let t = &self.toks[k - 1];
            let adverb = is(ADVERBS, &t.lc) || (t.lc.len() > 4 && t.lc.ends_with("ly"));
            if t.kind != Kind::Word || t.cap != Cap::Lower || !adverb {
                break;
            }
            k -= 1;
        }
        if k == r.0 {
            return Res::Nobody;
        }
        let (j, rule) = match self.toks[k - 1].kind {
            Kind::Punct(c @ (',' | ')')) => {
                let open = if c == ',' { ',' } else { '(' };
                match (r.0..k - 1).rev().take(40).find(|&i| self.toks[i].kind == Kind::Punct(open)) {
                    // "The head of the IMF, Kristalina Georgieva, warned": the name between commas.
                    Some(i)
                        if c == ','
                            && i + 1 < k - 1
                            && self.capital(k - 2)
                            && self.run_back(k - 2, i + 1) == Some(i + 1) =>
                    {
                        (k - 2, None)
                    }
                    Some(i) if i > r.0 => (i - 1, (c == ',').then_some(R_WHO)),
                    _ => return Res::Nobody,
                }
            }
            _ => (k - 1, None),
        };
        self.subject_at(j, r, verb, rule)
    }

    /// The subject ending at token `j`: a pronoun, "who"/"which" after a comma, a mention, a
    /// name, or a "the …" role.
    fn subject_at(&self, j: usize, r: (usize, usize), verb: &str, rule: Option<&'static str>) -> Res {
        let t = &self.toks[j];
        if t.kind != Kind::Word {
            return Res::Nobody;
        }
        if let Some(m) = self.mention_over(j, j) {
            return self.found(m, rule);
        }
        if matches!(t.lc.as_str(), "who" | "which") {
            return match j >= r.0 + 2 && self.toks[j - 1].kind == Kind::Punct(',') {
                true => self.subject_at(j - 2, r, verb, Some(R_WHO)),
                false => Res::Nobody,
            };
        }
        let res = if matches!(t.lc.as_str(), "he" | "she" | "they" | "it") {
            self.reference(j)
        } else if t.cap != Cap::Lower {
            self.run_back(j, r.0).map(|i| self.name(i, j, true, verb))
        } else {
            self.reference(j)
        };
        match (res, rule) {
            (Some(res), Some(rule)) => res.ruled(rule),
            (Some(res), None) => res,
            (None, _) => Res::Nobody,
        }
    }
}
