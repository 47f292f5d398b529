//! Annotations (entity mentions and claims) and relations between them, as stored and exported.
use serde::{Deserialize, Serialize};

/// How many code points of context are kept on each side of a span.
pub const CONTEXT: usize = 32;

/// Entity mention or claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Entity,
    Claim,
}

/// Who a claim is attributed to, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribution {
    Direct,
    Indirect,
    #[default]
    Author,
}

/// A fact-checker's rating of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    #[default]
    Unverified,
    True,
    MostlyTrue,
    Mixed,
    MostlyFalse,
    False,
    Unverifiable,
}

/// A link that supports a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub note: String,
}

/// The claim-specific part of a claim annotation.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Claim {
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_text: String,
    #[serde(default)]
    pub attribution: Attribution,
    #[serde(default = "yes")]
    pub check_worthy: bool,
    #[serde(default)]
    pub verdict: Verdict,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

fn yes() -> bool {
    true
}

/// One highlighted span: `[start, end)` in code points, with its quote and context so it
/// can be found again if the text changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    pub kind: Kind,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// Left out of the stored copy when it is the text at the span; reading takes it from there.
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub entity_ref: Option<String>,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub modified: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub from: String,
    pub to: String,
}
