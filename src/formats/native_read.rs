//! Reading the records of the native JSON (DESIGN §4), one function per type: each takes the
//! keys it knows, passes over the others, and gives missing optional fields their defaults
//! (a missing required one, a wrong type or an unknown name is an error about that record).
use super::json_read::{Error, Reader};
use crate::model::annotation::{Annotation, Attribution, Claim, Deleted, Evidence, Kind, Relation, Span, Worthiness};
use crate::model::labels::Label;
use crate::model::meta::{Entity, Rating};

type Read<T> = Result<T, Error>;

/// The names of `Kind`, `Attribution` and `Worthiness` in JSON, in the order of their `ALL`.
pub const KINDS: [&str; 2] = ["entity", "claim"];
pub const ATTRIBUTIONS: [&str; 5] = ["direct", "indirect", "according_to", "author", "none"];
pub const WORTHINESS: [&str; 3] = ["check_worthy", "not_check_worthy", "not_factual"];

/// The `document` part of a file, as it stands there.
#[derive(Default)]
pub struct DocIn {
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub offset_unit: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub renamed: Option<String>,
}

pub fn document(r: &mut Reader) -> Read<DocIn> {
    let mut d = DocIn::default();
    let mut text = None;
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => d.id = r.opt_string()?,
            "title" => d.title = r.opt_string()?,
            "text" => text = Some(r.string()?),
            "offset_unit" => d.offset_unit = r.opt_string()?,
            "source" => d.source = r.opt_string()?,
            "url" => d.url = r.opt_string()?,
            "authors" => d.authors = r.list(Reader::string)?,
            "published" => d.published = r.opt_string()?,
            "renamed" => d.renamed = r.opt_string()?,
            _ => r.skip()?,
        }
    }
    d.text = r.need(text, "text")?;
    Ok(d)
}

fn kind_of(r: &mut Reader) -> Read<Kind> {
    Ok(Kind::ALL[r.choice(&KINDS)?])
}

pub fn annotation(r: &mut Reader) -> Read<Annotation> {
    let (mut id, mut kind, mut label, mut start, mut end) = (None, None, None, None, None);
    let (mut quote, mut prefix, mut suffix, mut note) = (String::new(), String::new(), String::new(), String::new());
    let (mut entity_ref, mut created, mut modified, mut claim) = (None, String::new(), String::new(), None);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "kind" => kind = Some(kind_of(r)?),
            "label" => label = Some(r.string()?),
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            "quote" => quote = r.string()?,
            "prefix" => prefix = r.string()?,
            "suffix" => suffix = r.string()?,
            "note" => note = r.string()?,
            "entity_ref" => entity_ref = r.opt_string()?,
            "created" => created = r.string()?,
            "modified" => modified = r.string()?,
            "claim" => claim = r.nullable(self::claim)?,
            _ => r.skip()?,
        }
    }
    Ok(Annotation {
        id: r.need(id, "id")?,
        kind: r.need(kind, "kind")?,
        label: r.need(label, "label")?,
        start: r.need(start, "start")?,
        end: r.need(end, "end")?,
        quote,
        prefix,
        suffix,
        note,
        entity_ref,
        created,
        modified,
        claim,
    })
}

pub fn claim(r: &mut Reader) -> Read<Claim> {
    let mut c = Claim::default();
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "speaker" => c.speaker = r.opt_string()?,
            "speaker_text" => c.speaker_text = r.string()?,
            "cue" => c.cue = r.nullable(span)?,
            "attribution" => c.attribution = Attribution::ALL[r.choice(&ATTRIBUTIONS)?],
            "check_worthy" => c.check_worthy = r.bool()?,
            "worthiness" => c.worthiness = r.nullable(|r| Ok(Worthiness::ALL[r.choice(&WORTHINESS)?]))?,
            "verdict" => c.verdict = r.string()?,
            "explanation" => c.explanation = r.string()?,
            "reviewed" => c.reviewed = r.string()?,
            "evidence" => c.evidence = r.list(evidence)?,
            _ => r.skip()?,
        }
    }
    Ok(c)
}

fn span(r: &mut Reader) -> Read<Span> {
    let (mut start, mut end) = (None, None);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            _ => r.skip()?,
        }
    }
    Ok(Span { start: r.need(start, "start")?, end: r.need(end, "end")? })
}

fn evidence(r: &mut Reader) -> Read<Evidence> {
    let (mut url, mut note) = (None, String::new());
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "url" => url = Some(r.string()?),
            "note" => note = r.string()?,
            _ => r.skip()?,
        }
    }
    Ok(Evidence { url: r.need(url, "url")?, note })
}

pub fn label(r: &mut Reader) -> Read<Label> {
    let (mut id, mut name, mut kind, mut color, mut key_) = (None, None, None, None, String::new());
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "kind" => kind = Some(kind_of(r)?),
            "color" => color = Some(r.string()?),
            "key" => key_ = r.string()?,
            _ => r.skip()?,
        }
    }
    Ok(Label {
        id: r.need(id, "id")?,
        name: r.need(name, "name")?,
        kind: r.need(kind, "kind")?,
        color: r.need(color, "color")?,
        key: key_,
    })
}

pub fn entity(r: &mut Reader) -> Read<Entity> {
    let (mut id, mut name, mut label, mut aliases, mut kb_id) = (None, None, None, Vec::new(), String::new());
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "label" => label = Some(r.string()?),
            "aliases" => aliases = r.list(Reader::string)?,
            "kb_id" => kb_id = r.string()?,
            _ => r.skip()?,
        }
    }
    Ok(Entity { id: r.need(id, "id")?, name: r.need(name, "name")?, label: r.need(label, "label")?, aliases, kb_id })
}

pub fn rating(r: &mut Reader) -> Read<Rating> {
    let (mut id, mut name, mut value) = (None, None, 0);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "value" => value = r.u32()?,
            _ => r.skip()?,
        }
    }
    Ok(Rating { id: r.need(id, "id")?, name: r.need(name, "name")?, value })
}

pub fn relation(r: &mut Reader) -> Read<Relation> {
    let (mut id, mut kind, mut from, mut to) = (None, None, None, None);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "type" => kind = Some(r.string()?),
            "from" => from = Some(r.string()?),
            "to" => to = Some(r.string()?),
            _ => r.skip()?,
        }
    }
    Ok(Relation {
        id: r.need(id, "id")?,
        kind: r.need(kind, "type")?,
        from: r.need(from, "from")?,
        to: r.need(to, "to")?,
    })
}

pub fn deleted(r: &mut Reader) -> Read<Deleted> {
    let (mut id, mut at) = (None, None);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "at" => at = Some(r.string()?),
            _ => r.skip()?,
        }
    }
    Ok(Deleted { id: r.need(id, "id")?, at: r.need(at, "at")? })
}
