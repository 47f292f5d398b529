//! Annotations (entity mentions and claims) and relations between them, as stored and exported.
use serde::Serialize;

/// How many code points of context are kept on each side of a span.
pub const CONTEXT: usize = 32;

/// Entity mention or claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Entity,
    Claim,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Entity, Kind::Claim];
}

/// How a claim is attributed in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A direct quote.
    Direct,
    /// Indirect (reported) speech.
    Indirect,
    /// "According to …".
    AccordingTo,
    /// The author's own statement.
    #[default]
    Author,
    /// No source given.
    None,
}

impl Attribution {
    pub const ALL: [Attribution; 5] =
        [Attribution::Direct, Attribution::Indirect, Attribution::AccordingTo, Attribution::Author, Attribution::None];

    pub fn name(self) -> &'static str {
        match self {
            Attribution::Direct => "Direct quote",
            Attribution::Indirect => "Indirect (reported)",
            Attribution::AccordingTo => "According to",
            Attribution::Author => "The author's own",
            Attribution::None => "No source",
        }
    }
}

/// Whether a claim is worth checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Worthiness {
    CheckWorthy,
    NotCheckWorthy,
    NotFactual,
}

impl Worthiness {
    pub const ALL: [Worthiness; 3] = [Worthiness::CheckWorthy, Worthiness::NotCheckWorthy, Worthiness::NotFactual];

    pub fn name(self) -> &'static str {
        match self {
            Worthiness::CheckWorthy => "Check-worthy",
            Worthiness::NotCheckWorthy => "Not check-worthy",
            Worthiness::NotFactual => "Not a factual claim",
        }
    }
}

/// The verdict of a claim not yet rated (the first entry of the default rating scale).
pub const UNVERIFIED: &str = "unverified";

/// A link that supports a verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub url: String,
    pub note: String,
}

/// A span of the text (code points) tied to a claim: its cue, the reporting words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The claim-specific part of a claim annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The mention (an annotation id) that made the claim; also written as a `said_by` relation.
    pub speaker: Option<String>,
    /// The speaker's name: the mention's text, or free text when the speaker is not in the article.
    pub speaker_text: String,
    /// The reporting words ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    pub attribution: Attribution,
    /// Kept for readers of version 1 files: true unless `worthiness` says otherwise.
    pub check_worthy: bool,
    /// Not yet assessed when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worthiness: Option<Worthiness>,
    /// The id of an entry of the document's rating scale.
    pub verdict: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// ClaimReview's `claimReviewed`: a short wording of the claim (at most `REVIEWED_MAX`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reviewed: String,
    pub evidence: Vec<Evidence>,
}

impl Default for Claim {
    fn default() -> Self {
        Claim {
            speaker: None,
            speaker_text: String::new(),
            cue: None,
            attribution: Attribution::default(),
            check_worthy: true,
            worthiness: None,
            verdict: UNVERIFIED.to_string(),
            explanation: String::new(),
            reviewed: String::new(),
            evidence: Vec::new(),
        }
    }
}

impl Claim {
    /// Set how check-worthy the claim is, keeping the version 1 field in step.
    pub fn set_worthiness(&mut self, w: Option<Worthiness>) {
        self.worthiness = w;
        self.check_worthy = !matches!(w, Some(Worthiness::NotCheckWorthy | Worthiness::NotFactual));
    }

    /// After reading: a version 1 file's `check_worthy: false` is "not check-worthy".
    pub fn settle(&mut self) {
        if self.worthiness.is_none() && !self.check_worthy {
            self.worthiness = Some(Worthiness::NotCheckWorthy);
        }
        if self.verdict.is_empty() {
            self.verdict = UNVERIFIED.to_string();
        }
    }

    /// Whether a fact-checker has rated it.
    pub fn has_verdict(&self) -> bool {
        self.verdict != UNVERIFIED
    }
}

/// How long `Claim::reviewed` may be, in characters (ClaimReview's advice).
pub const REVIEWED_MAX: usize = 75;

/// `quote` shortened to at most `REVIEWED_MAX` characters at a word, for `Claim::reviewed`.
pub fn reviewed_from(quote: &str) -> String {
    let q: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let q = q.trim_matches(|c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\'' | '\u{2018}' | '\u{2019}' | ' '));
    if q.chars().count() <= REVIEWED_MAX {
        return q.to_string();
    }
    let cut: String = q.chars().take(REVIEWED_MAX - 1).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > REVIEWED_MAX / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([',', ';', ':', ' ']))
}

/// One highlighted span: `[start, end)` in code points, with its quote and context so it
/// can be found again if the text changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub id: String,
    pub kind: Kind,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// Left out of the stored copy when it is the text at the span; reading takes it from there.
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub note: String,
    pub entity_ref: Option<String>,
    pub created: String,
    pub modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
}

impl Annotation {
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    /// Document order: by start, longer (outer) spans first, then by id.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (self.start, std::cmp::Reverse(self.end), self.id.as_str())
    }
}

/// An annotation that was deleted, and when: two copies of a document (two tabs, a backup)
/// merge without bringing it back, unless the other copy changed it later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub id: String,
    pub at: String,
}

/// Compare two annotations in document order (see `Annotation::order_key`). Every list of
/// annotations is sorted with this one function, so the bundle carries one sort for them.
pub fn document_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    a.order_key().cmp(&b.order_key())
}

/// A typed link between two annotations, e.g. a claim `said_by` a person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub from: String,
    pub to: String,
}
