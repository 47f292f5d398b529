//! The app's own stored values beside its documents, read back: the library index and the
//! settings (kept in localStorage) and a document's undo history (kept in sessionStorage for
//! the session).
use super::json_read::{read_all, Error, Reader};
use super::native_read::{annotation, entity, label, object, rating};
use crate::model::history::{Edit, History};
use crate::model::library::{DocEntry, Library};
use crate::model::meta::Meta;
use std::rc::Rc;

type Read<T> = Result<T, Error>;

/// Read the library index.
pub fn library(json: &str) -> Read<Library> {
    read_all(json, |r| {
        let mut lib = Library::default();
        object(r, &["current", "documents"], 0, &mut |r, i| {
            match i {
                0 => lib.current = r.opt_string()?,
                1 => lib.documents = r.list(doc_entry)?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(lib)
    })
}

const DOC_ENTRY: [&str; 10] =
    ["id", "title", "source", "modified", "exported", "sha256", "entities", "claims", "length", "size"];

fn doc_entry(r: &mut Reader) -> Read<DocEntry> {
    let mut d = DocEntry::default();
    object(r, &DOC_ENTRY, 2, &mut |r, i| {
        let text = match i {
            0 => &mut d.id,
            1 => &mut d.title,
            2 => &mut d.source,
            3 => &mut d.modified,
            4 => &mut d.exported,
            5 => &mut d.sha256,
            6..=9 => {
                *[&mut d.entities, &mut d.claims, &mut d.length, &mut d.size][i - 6] = r.usize()?;
                return Ok(());
            }
            _ => return r.skip(),
        };
        *text = r.string()?;
        Ok(())
    })?;
    Ok(d)
}

/// Read an undo history.
pub fn history(json: &str) -> Read<History> {
    read_all(json, |r| {
        let mut lists = [Vec::new(), Vec::new()];
        object(r, &["undo", "redo"], 2, &mut |r, i| {
            match lists.get_mut(i) {
                Some(list) => *list = r.list(edit)?,
                None => r.skip()?,
            }
            Ok(())
        })?;
        let [undo, redo] = lists;
        Ok(History::from_lists(undo, redo))
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
    let mut m = Meta::default();
    object(r, &["labels", "entities", "scale", "orphans"], 3, &mut |r, i| {
        match i {
            0 => m.labels = Rc::new(r.list(label)?),
            1 => m.entities = Rc::new(r.list(entity)?),
            2 => m.scale = Rc::new(r.list(rating)?),
            3 => m.orphans = Rc::new(r.list(super::native_read::annotation)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(m)
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
        object(r, &["words", "reviewer", "keys", "spoken"], 0, &mut |r, i| {
            match i {
                0 => s.words = r.bool()?,
                1 => s.reviewer = r.string()?,
                2 => s.keys = r.bool()?,
                3 => s.spoken = r.bool()?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(s)
    })
}
