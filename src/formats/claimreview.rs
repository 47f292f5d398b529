//! schema.org ClaimReview (JSON-LD): one review per claim that has a verdict, for fact-check
//! publishing and the search engines that read it.
use crate::model::annotation::Annotation;
use crate::model::meta::rating_name;
use crate::model::state::State;
use serde::Serialize;

#[derive(Serialize)]
struct Review<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "reviewRating")]
    rating: Rating<'a>,
    #[serde(rename = "itemReviewed")]
    item: Item<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(rename = "datePublished")]
    date: &'a str,
}

#[derive(Serialize)]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    value: Option<u32>,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    best: Option<u32>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    worst: Option<u32>,
    #[serde(rename = "alternateName")]
    name: &'a str,
}

#[derive(Serialize)]
struct Item<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    appearance: Appearance<'a>,
}

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
}

#[derive(Serialize)]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
    #[serde(rename = "datePublished", skip_serializing_if = "str::is_empty")]
    published: &'a str,
}

/// What an export made: the file's JSON, how many reviews it holds and how many claims were
/// left out for having no verdict.
pub struct Exported {
    pub json: String,
    pub reviews: usize,
    pub skipped: usize,
}

/// The ClaimReviews of the document's claims that have a verdict; `reviewer` (the app's
/// setting) is each review's author. A review's date is the day its claim was last changed.
pub fn export(state: &State, reviewer: &str) -> Exported {
    let scale = &state.scale;
    let valued = || scale.iter().map(|r| r.value).filter(|&v| v > 0);
    let (best, worst) = (valued().max(), valued().min());
    let claims: Vec<&Annotation> = state.annotations().iter().filter(|a| a.claim.is_some()).map(|a| &**a).collect();
    let mut reviews = Vec::new();
    for a in &claims {
        let Some(c) = a.claim.as_ref().filter(|c| c.has_verdict()) else { continue };
        let value = scale.iter().find(|r| r.id == c.verdict).map_or(0, |r| r.value);
        let ranked = value > 0;
        reviews.push(Review {
            context: "https://schema.org",
            kind: "ClaimReview",
            claim_reviewed: if c.reviewed.trim().is_empty() { a.quote.as_str() } else { c.reviewed.as_str() },
            rating: Rating {
                kind: "Rating",
                value: ranked.then_some(value),
                best: best.filter(|_| ranked),
                worst: worst.filter(|_| ranked),
                name: rating_name(scale, &c.verdict),
            },
            item: Item {
                kind: "Claim",
                author: speaker(state, a),
                appearance: Appearance {
                    kind: "CreativeWork",
                    headline: &state.doc.title,
                    url: &state.doc.url,
                    published: &state.doc.published,
                },
            },
            author: (!reviewer.trim().is_empty()).then(|| Named {
                kind: "Organization",
                name: reviewer.trim(),
                same_as: None,
            }),
            date: a.modified.get(..10).unwrap_or(&a.modified),
        });
    }
    let json = serde_json::to_string(&reviews).unwrap_or_default();
    Exported { json, reviews: reviews.len(), skipped: claims.len() - reviews.len() }
}

/// The claim's speaker: its entity (canonical name, knowledge-base page) when the mention is
/// linked to one, else the mention's text, else the free text; a Person unless its label is
/// an organisation's.
fn speaker<'a>(state: &'a State, claim: &'a Annotation) -> Option<Named<'a>> {
    let c = claim.claim.as_ref()?;
    let mention = c.speaker.as_deref().and_then(|id| state.get(id));
    let entity = mention.and_then(|m| state.entity(m.entity_ref.as_deref()?));
    let label = entity.map(|e| e.label.as_str()).or(mention.map(|m| m.label.as_str()));
    let kind = if label.is_some_and(is_organization) { "Organization" } else { "Person" };
    let name = match (entity, mention) {
        (Some(e), _) => e.name.as_str(),
        (None, Some(m)) => m.quote.as_str(),
        (None, None) => c.speaker_text.trim(),
    };
    (!name.is_empty()).then(|| Named { kind, name, same_as: entity.and_then(|e| e.kb_url()) })
}

/// Whether a label id names organisations (the default `ORG`, or one called so).
pub fn is_organization(label: &str) -> bool {
    let l = label.to_ascii_uppercase();
    l == "ORG" || l.starts_with("ORGANI")
}
