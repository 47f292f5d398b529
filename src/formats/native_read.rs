//! Reading the records of the native JSON (DESIGN §4), one function per type: each takes the
//! keys it knows, passes over the others, and gives missing optional fields their defaults
//! (a missing required one, a wrong type or an unknown name is an error about that record).
//! Each type lists its keys, the required ones first; a record is read into its default value
//! key by key, and then checked for the required keys (the first one missing is named).
use super::json_read::{Error, Reader};
use crate::model::annotation::{Annotation, Attribution, Claim, Deleted, Evidence, Kind, Relation, Span, Worthiness};
use crate::model::labels::Label;
use crate::model::meta::{Entity, Rating};
use std::mem::take;

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
    /// The text's hash as the file gives it (checked once the file is read: see `native`).
    pub sha256: Option<String>,
}

/// Read the object that comes next: `f(r, i)` reads the value of key `keys[i]` (`i` is
/// `keys.len()` for another key, whose value it passes over), and the first `required` keys
/// must be there.
pub fn object<'a>(
    r: &mut Reader<'a>,
    keys: &[&str],
    required: usize,
    f: &mut dyn FnMut(&mut Reader<'a>, usize) -> Read<()>,
) -> Read<()> {
    let mut seen = 0u32;
    r.object()?;
    while let Some(key) = r.key()? {
        let i = keys.iter().position(|k| *k == key).unwrap_or(keys.len());
        seen |= 1 << i;
        f(r, i)?;
    }
    r.required(seen, &keys[..required])
}

/// An object whose known keys all hold strings: each value, empty when absent.
fn strings(r: &mut Reader, keys: &[&str], required: usize) -> Read<Vec<String>> {
    let mut out = vec![String::new(); keys.len()];
    object(r, keys, required, &mut |r, i| {
        match out.get_mut(i) {
            Some(s) => *s = r.string()?,
            None => r.skip()?,
        }
        Ok(())
    })?;
    Ok(out)
}

const DOCUMENT: [&str; 10] =
    ["text", "id", "title", "offset_unit", "source", "url", "authors", "published", "renamed", "text_sha256"];

pub fn document(r: &mut Reader) -> Read<DocIn> {
    let mut d = DocIn::default();
    object(r, &DOCUMENT, 1, &mut |r, i| {
        let field = match i {
            0 => {
                d.text = r.string()?;
                return Ok(());
            }
            1 => &mut d.id,
            2 => &mut d.title,
            3 => &mut d.offset_unit,
            4 => &mut d.source,
            5 => &mut d.url,
            6 => {
                d.authors = r.list(Reader::string)?;
                return Ok(());
            }
            7 => &mut d.published,
            8 => &mut d.renamed,
            9 => {
                // (Only a hint: a value of another kind is passed over, as before it was read.)
                d.sha256 = r.attempt(Reader::opt_string)?.ok().flatten();
                return Ok(());
            }
            _ => return r.skip(),
        };
        *field = r.opt_string()?;
        Ok(())
    })?;
    Ok(d)
}

fn kind_of(r: &mut Reader) -> Read<Kind> {
    Ok(Kind::ALL[r.choice(&KINDS)?])
}

const ANNOTATION: [&str; 13] = [
    "id",
    "kind",
    "label",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "note",
    "entity_ref",
    "created",
    "modified",
    "claim",
];

pub fn annotation(r: &mut Reader) -> Read<Annotation> {
    let mut a = Annotation::default();
    object(r, &ANNOTATION, 5, &mut |r, i| {
        let text = match i {
            0 => &mut a.id,
            1 => {
                a.kind = kind_of(r)?;
                return Ok(());
            }
            2 => &mut a.label,
            3 | 4 => {
                *(if i == 3 { &mut a.start } else { &mut a.end }) = r.usize()?;
                return Ok(());
            }
            5 => &mut a.quote,
            6 => &mut a.prefix,
            7 => &mut a.suffix,
            8 => &mut a.note,
            9 => {
                a.entity_ref = r.opt_string()?;
                return Ok(());
            }
            10 => &mut a.created,
            11 => &mut a.modified,
            12 => {
                a.claim = r.nullable(self::claim)?;
                return Ok(());
            }
            _ => return r.skip(),
        };
        *text = r.string()?;
        Ok(())
    })?;
    Ok(a)
}

const CLAIM: [&str; 10] = [
    "speaker",
    "speaker_text",
    "cue",
    "attribution",
    "check_worthy",
    "worthiness",
    "verdict",
    "explanation",
    "reviewed",
    "evidence",
];

pub fn claim(r: &mut Reader) -> Read<Claim> {
    let mut c = Claim::default();
    object(r, &CLAIM, 0, &mut |r, i| {
        let text = match i {
            0 => {
                c.speaker = r.opt_string()?;
                return Ok(());
            }
            1 => &mut c.speaker_text,
            2 => {
                c.cue = r.nullable(span)?;
                return Ok(());
            }
            3 => {
                c.attribution = Attribution::ALL[r.choice(&ATTRIBUTIONS)?];
                return Ok(());
            }
            4 => {
                c.check_worthy = r.bool()?;
                return Ok(());
            }
            5 => {
                c.worthiness = r.nullable(|r| Ok(Worthiness::ALL[r.choice(&WORTHINESS)?]))?;
                return Ok(());
            }
            6 => &mut c.verdict,
            7 => &mut c.explanation,
            8 => &mut c.reviewed,
            9 => {
                c.evidence = r.list(evidence)?;
                return Ok(());
            }
            _ => return r.skip(),
        };
        *text = r.string()?;
        Ok(())
    })?;
    Ok(c)
}

fn span(r: &mut Reader) -> Read<Span> {
    let mut s = [0; 2];
    object(r, &["start", "end"], 2, &mut |r, i| {
        match s.get_mut(i) {
            Some(n) => *n = r.usize()?,
            None => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Span { start: s[0], end: s[1] })
}

fn evidence(r: &mut Reader) -> Read<Evidence> {
    let mut s = strings(r, &["url", "note"], 1)?;
    Ok(Evidence { url: take(&mut s[0]), note: take(&mut s[1]) })
}

const LABEL: [&str; 5] = ["id", "name", "kind", "color", "key"];

pub fn label(r: &mut Reader) -> Read<Label> {
    let mut l = Label::default();
    object(r, &LABEL, 4, &mut |r, i| {
        let text = match i {
            0 => &mut l.id,
            1 => &mut l.name,
            2 => {
                l.kind = kind_of(r)?;
                return Ok(());
            }
            3 => &mut l.color,
            4 => &mut l.key,
            _ => return r.skip(),
        };
        *text = r.string()?;
        Ok(())
    })?;
    Ok(l)
}

const ENTITY: [&str; 5] = ["id", "name", "label", "aliases", "kb_id"];

pub fn entity(r: &mut Reader) -> Read<Entity> {
    let mut e = Entity::default();
    object(r, &ENTITY, 3, &mut |r, i| {
        let text = match i {
            0 => &mut e.id,
            1 => &mut e.name,
            2 => &mut e.label,
            3 => {
                e.aliases = r.list(Reader::string)?;
                return Ok(());
            }
            4 => &mut e.kb_id,
            _ => return r.skip(),
        };
        *text = r.string()?;
        Ok(())
    })?;
    Ok(e)
}

pub fn rating(r: &mut Reader) -> Read<Rating> {
    let mut x = Rating::default();
    object(r, &["id", "name", "value"], 2, &mut |r, i| {
        match i {
            0 => x.id = r.string()?,
            1 => x.name = r.string()?,
            2 => x.value = r.u32()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(x)
}

pub fn relation(r: &mut Reader) -> Read<Relation> {
    let mut s = strings(r, &["id", "type", "from", "to"], 4)?;
    Ok(Relation { id: take(&mut s[0]), kind: take(&mut s[1]), from: take(&mut s[2]), to: take(&mut s[3]) })
}

pub fn deleted(r: &mut Reader) -> Read<Deleted> {
    let mut s = strings(r, &["id", "at"], 2)?;
    Ok(Deleted { id: take(&mut s[0]), at: take(&mut s[1]) })
}
