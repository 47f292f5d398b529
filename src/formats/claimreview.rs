//! schema.org ClaimReview (JSON-LD): one review per claim that has a verdict, for fact-check
//! publishing and the search engines that read it.
use super::json_write::{first, key, number, string, text, Json};
use crate::model::annotation::Annotation;
use crate::model::meta::rating_name;
use crate::model::state::State;

/// One review, as schema.org's ClaimReview has it.
struct Review<'a> {
    claim_reviewed: &'a str,
    rating: Rating<'a>,
    item: Item<'a>,
    author: Option<Named<'a>>,
    date: &'a str,
}

struct Rating<'a> {
    value: Option<u32>,
    best: Option<u32>,
    worst: Option<u32>,
    name: &'a str,
}

struct Item<'a> {
    author: Option<Named<'a>>,
    appearance: Appearance<'a>,
}

struct Named<'a> {
    kind: &'static str,
    name: &'a str,
    same_as: Option<String>,
}

struct Appearance<'a> {
    headline: &'a str,
    url: &'a str,
    published: &'a str,
}

/// Append `,"k":n` when there is a number.
fn some_number(out: &mut String, k: &str, n: Option<u32>) {
    if let Some(n) = n {
        key(out, k);
        number(out, n as usize);
    }
}

/// Append `,"k":{…}` when there is someone.
fn some_named(out: &mut String, k: &str, named: &Option<Named>) {
    let Some(n) = named else { return };
    key(out, k);
    first(out, "@type");
    string(out, n.kind);
    text(out, "name", n.name);
    if let Some(url) = &n.same_as {
        text(out, "sameAs", url);
    }
    out.push('}');
}

impl Json for Review<'_> {
    fn write(&self, out: &mut String) {
        first(out, "@context");
        string(out, "https://schema.org");
        text(out, "@type", "ClaimReview");
        text(out, "claimReviewed", self.claim_reviewed);
        key(out, "reviewRating");
        let r = &self.rating;
        first(out, "@type");
        string(out, "Rating");
        some_number(out, "ratingValue", r.value);
        some_number(out, "bestRating", r.best);
        some_number(out, "worstRating", r.worst);
        text(out, "alternateName", r.name);
        out.push('}');
        key(out, "itemReviewed");
        first(out, "@type");
        string(out, "Claim");
        some_named(out, "author", &self.item.author);
        key(out, "appearance");
        let a = &self.item.appearance;
        first(out, "@type");
        string(out, "CreativeWork");
        text(out, "headline", a.headline);
        if !a.url.is_empty() {
            text(out, "url", a.url);
        }
        if !a.published.is_empty() {
            text(out, "datePublished", a.published);
        }
        out.push_str("}}");
        some_named(out, "author", &self.author);
        text(out, "datePublished", self.date);
        out.push('}');
    }
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
            claim_reviewed: if c.reviewed.trim().is_empty() { a.quote.as_str() } else { c.reviewed.as_str() },
            rating: Rating {
                value: ranked.then_some(value),
                best: best.filter(|_| ranked),
                worst: worst.filter(|_| ranked),
                name: rating_name(scale, &c.verdict),
            },
            item: Item {
                author: speaker(state, a),
                appearance: Appearance {
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
    let json = super::json_write::to_string(&reviews);
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
