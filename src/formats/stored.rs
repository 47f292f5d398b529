//! The app's own stored values beside its documents, read back: the library index and the
//! settings (kept in localStorage) and a document's undo history (kept in sessionStorage for
//! the session).
use super::json_read::{read_all, Error, Reader};
use super::native_read::{annotation, entity, label, rating};
use crate::model::history::{Edit, History};
use crate::model::library::{DocEntry, Library};
use crate::model::meta::Meta;
use std::rc::Rc;

type Read<T> = Result<T, Error>;

/// Read the library index.
pub fn library(json: &str) -> Read<Library> {
    read_all(json, |r| {
        let mut lib = Library::default();
        r.object()?;
        while let Some(key) = r.key()? {
            match &*key {
                "current" => lib.current = r.opt_string()?,
                "documents" => lib.documents = r.list(doc_entry)?,
                _ => r.skip()?,
            }
        }
        Ok(lib)
    })
}

fn doc_entry(r: &mut Reader) -> Read<DocEntry> {
    let (mut id, mut title) = (None, None);
    let mut d = DocEntry::default();
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "id" => id = Some(r.string()?),
            "title" => title = Some(r.string()?),
            "source" => d.source = r.string()?,
            "entities" => d.entities = r.usize()?,
            "claims" => d.claims = r.usize()?,
            "length" => d.length = r.usize()?,
            "modified" => d.modified = r.string()?,
            "exported" => d.exported = r.string()?,
            "sha256" => d.sha256 = r.string()?,
            "size" => d.size = r.usize()?,
            _ => r.skip()?,
        }
    }
    d.id = r.need(id, "id")?;
    d.title = r.need(title, "title")?;
    Ok(d)
}

/// Read an undo history.
pub fn history(json: &str) -> Read<History> {
    read_all(json, |r| {
        let (mut undo, mut redo) = (None, None);
        r.object()?;
        while let Some(key) = r.key()? {
            match &*key {
                "undo" => undo = Some(r.list(edit)?),
                "redo" => redo = Some(r.list(edit)?),
                _ => r.skip()?,
            }
        }
        Ok(History::from_lists(r.need(undo, "undo")?, r.need(redo, "redo")?))
    })
}

/// One edit, in serde's form of an enum: an object whose one key names the kind of edit.
fn edit(r: &mut Reader) -> Read<Edit> {
    r.object()?;
    let Some(kind) = r.key()? else {
        return Err(r.error("an edit names its kind".into()));
    };
    let shared = |r: &mut Reader| annotation(r).map(Rc::new);
    let edit = match &*kind {
        "Add" => Edit::Add(shared(r)?),
        "Remove" => Edit::Remove(shared(r)?),
        "Change" => {
            let (before, after) = pair(r, shared)?;
            Edit::Change(before, after)
        }
        "Batch" => Edit::Batch(r.list(edit)?),
        "Meta" => {
            let (before, after) = pair(r, |r| meta(r).map(Rc::new))?;
            Edit::Meta(before, after)
        }
        other => return Err(r.error(format!("unknown kind of edit \"{other}\""))),
    };
    if r.key()?.is_some() {
        return Err(r.error("an edit has one key".into()));
    }
    Ok(edit)
}

/// A list of two items (serde's form of a variant with two fields).
fn pair<'a, T>(r: &mut Reader<'a>, f: impl FnMut(&mut Reader<'a>) -> Read<T>) -> Read<(T, T)> {
    let items: [T; 2] = r.list(f)?.try_into().map_err(|_| r.error("expected a list of two items".into()))?;
    let [a, b] = items;
    Ok((a, b))
}

fn meta(r: &mut Reader) -> Read<Meta> {
    let (mut labels, mut entities, mut scale) = (None, None, None);
    r.object()?;
    while let Some(key) = r.key()? {
        match &*key {
            "labels" => labels = Some(r.list(label)?),
            "entities" => entities = Some(r.list(entity)?),
            "scale" => scale = Some(r.list(rating)?),
            _ => r.skip()?,
        }
    }
    Ok(Meta {
        labels: Rc::new(r.need(labels, "labels")?),
        entities: Rc::new(r.need(entities, "entities")?),
        scale: Rc::new(r.need(scale, "scale")?),
    })
}

/// The app's settings, kept apart from every document.
#[derive(serde::Serialize)]
pub struct Settings {
    /// "Snap to words".
    pub words: bool,
    /// The reviewer named in exported ClaimReviews.
    pub reviewer: String,
    /// Single-key shortcuts (label keys, N, P, …) in the article and the tag menu.
    pub keys: bool,
    /// Highlights' labels read out by screen readers.
    pub spoken: bool,
}

impl super::json_write::Json for Settings {
    fn write(&self, out: &mut String) {
        super::json_write::first(out, "words");
        self.words.write(out);
        super::json_write::text(out, "reviewer", &self.reviewer);
        out.push_str(",\"keys\":");
        self.keys.write(out);
        out.push_str(",\"spoken\":");
        self.spoken.write(out);
        out.push('}');
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings { words: true, reviewer: String::new(), keys: true, spoken: true }
    }
}

/// Read the settings as kept; a missing one keeps its default.
pub fn settings(json: &str) -> Read<Settings> {
    read_all(json, |r| {
        let mut s = Settings::default();
        r.object()?;
        while let Some(key) = r.key()? {
            match &*key {
                "words" => s.words = r.bool()?,
                "reviewer" => s.reviewer = r.string()?,
                "keys" => s.keys = r.bool()?,
                "spoken" => s.spoken = r.bool()?,
                _ => r.skip()?,
            }
        }
        Ok(s)
    })
}
