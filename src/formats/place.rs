//! Another tool's file made into annotations of a document: its labels mapped onto the
//! document's (those still unknown added), each span placed by `reanchor::land`, and what
//! cannot be placed kept as orphaned — never dropped.
use super::foreign::{Foreign, ForeignSpan, Unit};
use super::reanchor::{context, land, Landing};
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::Label;
use crate::model::meta::{fresh_id, Entity, Meta, PALETTE};
use crate::model::order::Names;
use crate::model::state::State;
use crate::model::text::TextIndex;
use std::fmt::Write;
use std::rc::Rc;

/// A file's spans made into annotations of one document.
#[derive(Debug, Default)]
pub struct Landed {
    /// Placed, with ids unique in the document, duplicates of what it holds left out.
    pub annotations: Vec<Annotation>,
    /// The document's labels, entities and scale with what the file adds, and its orphaned
    /// annotations with the new ones.
    pub meta: Meta,
    /// The names of the labels the file brought that the document did not have.
    pub added_labels: Vec<String>,
    pub reanchored: usize,
    pub orphaned: usize,
    pub duplicates: usize,
}

/// The label the document uses for a file's `name`: the same id or name (any case), or a
/// usual synonym (PER/PERSON, ORG/ORGANIZATION, LOC/LOCATION/GPE, MISC/OTHER); otherwise a new
/// label, added to `labels` and named in `added`.
pub fn label_for(name: &str, labels: &mut Vec<Label>, added: &mut Vec<String>) -> usize {
    let name = name.trim();
    let up = if name.is_empty() { "OTHER".to_string() } else { name.to_ascii_uppercase() };
    let canon = match up.as_str() {
        "PER" | "PERS" | "PEOPLE" => "PERSON",
        "ORGANIZATION" | "ORGANISATION" => "ORG",
        "LOCATION" | "GPE" | "PLACE" => "LOC",
        "MISC" => "OTHER",
        other => other,
    };
    let same = |l: &Label, s: &str| l.id.eq_ignore_ascii_case(s) || l.name.eq_ignore_ascii_case(s);
    if let Some(i) = labels.iter().position(|l| same(l, &up) || same(l, canon)) {
        return i;
    }
    let mut base = String::new();
    for c in up.chars() {
        base.push(if c.is_alphanumeric() || c == '-' { c } else { '_' });
    }
    let taken = || labels.iter().map(|l| l.id.as_str());
    let id = if taken().any(|t| t == base) { fresh_id(&base, taken()) } else { base };
    let kind = if up.contains("CLAIM") { Kind::Claim } else { Kind::Entity };
    let color = PALETTE[labels.len() % PALETTE.len()].to_string();
    labels.push(Label { id, name: name.to_string(), kind, color, key: String::new() });
    added.push(name.to_string());
    labels.len() - 1
}

/// Spans of a file whose positions count another text (its own, before line ends were
/// normalised): each gets the quote and context it had there, so that it can be found in
/// the normalised text.
pub fn quote_from(spans: &mut [ForeignSpan], raw: &str, unit: Unit) {
    let index = TextIndex::new(raw);
    let utf16 = unit == Unit::Utf16;
    for s in spans {
        let (start, end) =
            if utf16 { (index.utf16_to_cp(s.start), index.utf16_to_cp(s.end)) } else { (s.start, s.end) };
        if start >= end || end > index.len() {
            continue;
        }
        if s.quote.is_empty() {
            s.quote = index.slice(raw, start, end).to_string();
        }
        if s.quote == index.slice(raw, start, end) && s.prefix.is_empty() && s.suffix.is_empty() {
            let (before, after) = context(raw, &index, start, end);
            (s.prefix, s.suffix) = (before.to_string(), after.to_string());
        }
    }
}

/// Place the spans of `file` in `state`'s document (see the module's comment).
pub fn land_all(file: &Foreign, state: &State, now: &str) -> Landed {
    let (text, index) = (&state.doc.text, &state.index);
    let mut out = Landed { meta: state.meta(), ..Landed::default() };
    let labels = Rc::make_mut(&mut out.meta.labels);
    let entities = Rc::make_mut(&mut out.meta.entities);
    let orphans = Rc::make_mut(&mut out.meta.orphans);
    let utf16 = match file.unit {
        Unit::CodePoint => None,
        Unit::Either => Some(false),
        Unit::Utf16 => Some(true),
    };
    let mut placed = Vec::with_capacity(file.spans.len());
    for (n, s) in file.spans.iter().enumerate() {
        let i = label_for(&s.label, labels, &mut out.added_labels);
        let kind = labels[i].kind;
        let mut a = Annotation {
            id: if s.id.is_empty() { format!("i{}", n + 1) } else { s.id.clone() },
            kind,
            label: labels[i].id.clone(),
            start: s.start,
            end: s.end,
            quote: s.quote.clone(),
            prefix: s.prefix.clone(),
            suffix: s.suffix.clone(),
            note: s.note.clone(),
            entity_ref: None,
            created: now.to_string(),
            modified: now.to_string(),
            claim: (kind == Kind::Claim).then(|| s.claim.clone().unwrap_or_default()),
        };
        let (start, end) = match land(text, index, &a, utf16) {
            Landing::Kept(s, e) => (s, e),
            Landing::Moved(s, e) => {
                out.reanchored += 1;
                (s, e)
            }
            Landing::Lost => {
                a.id = fresh_id("orphan-", orphans.iter().map(|o| o.id.as_str()));
                orphans.push(a);
                out.orphaned += 1;
                continue;
            }
        };
        (a.start, a.end) = (start, end);
        a.quote = index.slice(text, start, end).to_string();
        let (before, after) = context(text, index, start, end);
        (a.prefix, a.suffix) = (before.to_string(), after.to_string());
        if !s.kb_id.is_empty() && a.kind == Kind::Entity {
            a.entity_ref = Some(entity_for(entities, &s.kb_id, &a));
        }
        placed.push(a);
    }
    // Speakers: "said_by" links from a claim to the mention that made it, by the file's ids
    // (which the placed annotations still carry; `merge_new` keeps the links when it renames).
    let ids = Names::new(placed.iter().map(|a| a.id.as_str()));
    let mut links = Vec::new();
    for (kind, from, to) in &file.relations {
        if let (true, Some(from), Some(to)) = (kind == "said_by", ids.first(from), ids.first(to)) {
            links.push((from, to));
        }
    }
    drop(ids);
    for (from, to) in links {
        let (id, quote) = (placed[to].id.clone(), placed[to].quote.clone());
        if let Some(c) = placed[from].claim.as_mut() {
            (c.speaker, c.speaker_text) = (Some(id), quote);
        }
    }
    (out.annotations, out.duplicates) = super::native::merge_new(state, placed);
    out
}

/// The entity with knowledge-base id `kb` (one is made, named by the mention, when there is
/// none yet).
fn entity_for(entities: &mut Vec<Entity>, kb: &str, a: &Annotation) -> String {
    if let Some(e) = entities.iter().find(|e| e.kb_id == kb) {
        return e.id.clone();
    }
    let id = fresh_id("e", entities.iter().map(|e| e.id.as_str()));
    let kb_id = crate::model::meta::parse_kb_id(kb).unwrap_or_default();
    entities.push(Entity { id: id.clone(), name: a.quote.clone(), label: a.label.clone(), aliases: Vec::new(), kb_id });
    id
}

/// What an import did, in one sentence: "brat: 12 annotations imported (3 re-anchored),
/// 2 orphaned, 1 duplicate skipped, 1 failed (line 4: …); new labels: Weapon."
pub fn report(format: &str, landed: &Landed, failed: &[String]) -> String {
    let n = |k: usize, one: &str, many: &str| super::text_in::count(k, one, many);
    let mut s = format!("{format}: {} imported", n(landed.annotations.len(), "annotation", "annotations"));
    if landed.reanchored > 0 {
        let _ = write!(s, " ({} re-anchored by quote)", landed.reanchored);
    }
    if landed.orphaned > 0 {
        let _ = write!(s, ", {} orphaned (listed in the sidebar to re-attach)", landed.orphaned);
    }
    if landed.duplicates > 0 {
        let _ = write!(s, ", {} skipped", n(landed.duplicates, "duplicate", "duplicates"));
    }
    if !failed.is_empty() {
        let _ = write!(s, ", {} failed ({})", failed.len(), failed[..failed.len().min(3)].join("; "));
    }
    if !landed.added_labels.is_empty() {
        let _ = write!(s, "; new labels: {}", landed.added_labels.join(", "));
    }
    s + "."
}

/// What a file of annotations is, from its name and the start of its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Native,
    Library,
    W3c,
    LabelStudio,
    Doccano,
}

/// Recognise a file of annotations by its content (the name only tells JSON Lines apart).
pub fn detect(name: &str, text: &str) -> Detected {
    let mut cut = text.len().min(8192);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let has = |s: &str| head.contains(s);
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let lower = name.to_ascii_lowercase();
    let jsonl = lower.ends_with(".jsonl")
        || lower.ends_with(".ndjson")
        || (lines().count() > 1 && lines().take(2).all(|l| l.starts_with('{') && l.ends_with('}')));
    if has("\"article-annotator-library\"") {
        Detected::Library
    } else if has("\"article-annotator\"") && has("\"format\"") {
        Detected::Native
    } else if jsonl {
        Detected::Doccano
    } else if has("anno.jsonld") || has("\"AnnotationCollection\"") || (has("\"target\"") && has("\"selector\"")) {
        Detected::W3c
    } else if has("\"data\"") && (has("\"annotations\"") || has("\"predictions\"")) {
        Detected::LabelStudio
    } else {
        Detected::Native
    }
}

/// Read another tool's file of annotations (W3C, Label Studio or doccano, as `detect` said).
pub fn read_foreign(kind: Detected, text: &str) -> Result<Vec<Foreign>, String> {
    match kind {
        Detected::W3c => super::w3c::read(text).map(|f| vec![f]),
        Detected::LabelStudio => super::label_studio::read(text),
        Detected::Doccano => super::doccano::read(text),
        Detected::Native | Detected::Library => Ok(Vec::new()),
    }
}
