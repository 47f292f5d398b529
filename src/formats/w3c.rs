//! W3C Web Annotation (JSON-LD): the document's annotations as one `AnnotationCollection`
//! whose first page is embedded (`"first": {"type": "AnnotationPage", "items": [...]}`, the
//! form the Web Annotation Protocol shows for a collection served whole), and the reader of
//! such files: ours, Hypothesis exports and Recogito-style collections.
//!
//! Each annotation (`id` `urn:article-annotator:<document id>:<annotation id>`) targets the
//! article (its URL, else `urn:sha256:<text sha256>`) through a `TextQuoteSelector` and a
//! `TextPositionSelector` counting code points, as the model requires. Its bodies:
//! - the label: `TextualBody`, purpose `tagging`, `value` the label's name, `aa:label` its id;
//! - a note: `TextualBody`, purpose `commenting`;
//! - a mention's entity with a Wikidata id: `SpecificResource`, purpose `identifying`, `source`
//!   the Wikidata page;
//! - a claim (motivation `assessing`): its verdict as a `TextualBody`, purpose `assessing`,
//!   `value` the rating's name, `aa:rating` its value on the scale (0: unranked); its speaker as
//!   a `SpecificResource`, purpose `linking`, `source` the speaker annotation's IRI.
//!
//! A claim's fields (speaker, attribution, worthiness, verdict, explanation, claim as reviewed,
//! evidence links, cue) are kept whole in `aa:claim`, a JSON literal shaped as the native
//! file's `claim` (DESIGN §4). `aa:` is this app's namespace, declared in the `@context`.
use super::foreign::Export;
use super::interchange::{ann_ids, field};
use super::json_write::{self, key, number, string};
use super::native::context;
use super::report::label_name;
use crate::model::annotation::Annotation;
use crate::model::meta::rating_name;
use crate::model::order::Names;
use crate::model::state::State;

/// The `generator` name our files carry: a file with it counts in code points, as we write.
pub const GENERATOR: &str = "Article Annotator";
pub use super::w3c_read::read;

/// The start of our IRIs for documents and annotations.
pub(super) const URN: &str = "urn:article-annotator:";

/// The document's annotations as a W3C Web Annotation collection (`<slug>.w3c.jsonld`);
/// `now` is when it was generated.
pub fn export(state: &State, now: &str) -> Export {
    let doc = &state.doc;
    let base = format!("{URN}{}", doc.id);
    let source = if doc.url.is_empty() { format!("urn:sha256:{}", doc.sha256) } else { doc.url.clone() };
    let ids = ann_ids(state.annotations());
    let mut out = String::with_capacity(256 + state.annotations().len() * 600);
    out.push_str("{\"@context\":[\"http://www.w3.org/ns/anno.jsonld\",{\"aa\":\"");
    out.push_str(URN);
    out.push_str("ns#\",\"aa:claim\":{\"@type\":\"@json\"}}],\"id\":");
    string(&mut out, &base);
    out.push_str(",\"type\":\"AnnotationCollection\"");
    field(&mut out, "label", &doc.title);
    key(&mut out, "total");
    number(&mut out, state.annotations().len());
    out.push_str(",\"generator\":{\"type\":\"Software\",\"name\":\"");
    out.push_str(GENERATOR);
    out.push_str("\"}");
    field(&mut out, "generated", now);
    out.push_str(",\"first\":{\"id\":");
    string(&mut out, &format!("{base}#page1"));
    out.push_str(",\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[");
    let mut unlinked = 0;
    for (i, a) in state.annotations().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        unlinked += usize::from(!item(&mut out, state, a, &base, &source, &ids));
    }
    out.push_str("]}}");
    let left_out = super::left_out(&[
        (
            unlinked,
            "link to an entity without a Wikidata id",
            "links to entities without a Wikidata id",
            ": W3C keeps only Wikidata links",
        ),
        (
            state.relations.len(),
            "other link between spans",
            "other links between spans",
            ": W3C keeps only speaker links",
        ),
    ]);
    Export {
        name: format!("{}.w3c.jsonld", super::slug(&doc.title)),
        mime: "application/ld+json",
        bytes: out.into_bytes(),
        left_out,
    }
}

/// Append one annotation; false when its link to an entity could not be written (the entity
/// has no Wikidata id).
fn item(out: &mut String, state: &State, a: &Annotation, base: &str, source: &str, ids: &Names) -> bool {
    let (text, index) = (&state.doc.text, &state.index);
    out.push_str("{\"id\":");
    string(out, &format!("{base}:{}", a.id));
    out.push_str(",\"type\":\"Annotation\"");
    field(out, "created", &a.created);
    field(out, "modified", &a.modified);
    field(out, "motivation", if a.claim.is_some() { "assessing" } else { "tagging" });
    out.push_str(",\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\"");
    field(out, "value", label_name(state, &a.label));
    field(out, "aa:label", &a.label);
    out.push('}');
    if !a.note.is_empty() {
        out.push_str(",{\"type\":\"TextualBody\",\"purpose\":\"commenting\"");
        field(out, "value", &a.note);
        out.push('}');
    }
    let entity = a.entity_ref.as_deref().map(|e| state.entity(e).and_then(|e| e.kb_url()));
    if let Some(Some(url)) = &entity {
        out.push_str(",{\"type\":\"SpecificResource\",\"purpose\":\"identifying\"");
        field(out, "source", url);
        out.push('}');
    }
    if let Some(c) = &a.claim {
        out.push_str(",{\"type\":\"TextualBody\",\"purpose\":\"assessing\"");
        field(out, "value", rating_name(&state.scale, &c.verdict));
        key(out, "aa:rating");
        number(out, state.scale.iter().find(|r| r.id == c.verdict).map_or(0, |r| r.value as usize));
        out.push('}');
        if let Some(to) = c.speaker.as_deref().filter(|to| ids.contains(to)) {
            out.push_str(",{\"type\":\"SpecificResource\",\"purpose\":\"linking\"");
            field(out, "source", &format!("{base}:{to}"));
            out.push('}');
        }
        out.push(']');
        key(out, "aa:claim");
        json_write::claim(out, c);
    } else {
        out.push(']');
    }
    let (prefix, suffix) = context(text, index, a.start, a.end);
    out.push_str(",\"target\":{\"source\":");
    string(out, source);
    out.push_str(",\"selector\":[{\"type\":\"TextQuoteSelector\"");
    field(out, "exact", index.slice(text, a.start, a.end));
    field(out, "prefix", prefix);
    field(out, "suffix", suffix);
    out.push_str("},{\"type\":\"TextPositionSelector\",\"start\":");
    number(out, a.start);
    out.push_str(",\"end\":");
    number(out, a.end);
    out.push_str("}]}}");
    entity != Some(None)
}
