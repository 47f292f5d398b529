//! The native JSON file (DESIGN §4): what export writes, import reads and storage keeps.
//! Import checks every record on its own, so one bad record never sinks the rest.
use super::json_read::{Error, Reader};
use super::native_read::{self as read, DocIn};
use crate::model::annotation::{Annotation, Deleted, Relation};
use crate::model::labels::Label;
use crate::model::meta::{Entity, Rating};
use crate::model::state::{Snapshot, State};
use crate::model::text::TextIndex;
use std::rc::Rc;

pub const FORMAT: &str = "article-annotator";
pub const VERSION: u32 = 1;

pub use super::native_check::merge_new;
pub use super::native_write::{to_json, to_json_cached, warm_some, JsonCache, Warming};
pub use super::reanchor::{context, reanchor};

/// A file that was read: the document with the records that passed, and what did not.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    /// One line per rejected record: which record and why.
    pub failed: Vec<String>,
    /// Records moved to where their quote now stands.
    pub reanchored: usize,
    /// The offset index of the document's text (built for the checks; kept for the state).
    pub index: Rc<TextIndex>,
}

impl Imported {
    /// The state of the file's document, reusing the index built while reading it.
    pub fn into_state(self) -> State {
        State::with_index(self.snapshot, self.index)
    }

    /// `into_state` in two halves (see `State::unfilled`): `State::filled` makes it whole.
    pub fn into_unfilled_state(self) -> State {
        State::unfilled(self.snapshot, self.index)
    }
}

/// The records of a list, each read on its own (`Err`: why that one could not be); `None`
/// when the value is not a list.
pub type Records<T> = Option<Vec<Result<T, String>>>;

/// A part of a file as read, or why it could not be (saying where).
pub(super) type Part<T> = Result<T, String>;

/// The top level of a file: each part as read, checked in order once the whole file is.
pub(super) struct FileIn {
    pub(super) format: Part<Option<String>>,
    /// A non-null "@context" (JSON-LD, as W3C Web Annotation files have).
    pub(super) context: bool,
    pub(super) version: Option<u64>,
    pub(super) document: Option<Part<DocIn>>,
    pub(super) labels: Part<Option<Vec<Label>>>,
    pub(super) entities: Part<Option<Vec<Entity>>>,
    pub(super) rating_scale: Part<Option<Vec<Rating>>>,
    pub(super) annotations: Records<Annotation>,
    pub(super) relations: Records<Relation>,
    pub(super) deleted: Records<Deleted>,
    /// Annotations an import could not place (kept as the file had them).
    pub(super) orphans: Records<Annotation>,
    /// Whether the document's hash was taken as the file gives it (see `document`).
    pub(super) hash_given: bool,
}

/// Read a native file. `Err` says why the whole file was refused (and where).
pub fn parse(json: &str) -> Result<Imported, String> {
    let mut r = Reader::new(json);
    let file = read(&mut r).and_then(|file| r.finish().map(|()| file));
    file.map_err(|e| not_json(&r, &e))?
}

/// "The file is not valid JSON (line 3, column 14: expected ',' or '}')."
pub fn not_json(r: &Reader, e: &Error) -> String {
    format!("The file is not valid JSON ({}).", r.locate(e))
}

/// Read the native file whose value comes next (a whole file, or a document of a library
/// backup). The outer `Err` says that the text is not JSON; the inner one why the file was
/// refused.
pub fn read(r: &mut Reader) -> Result<Result<Imported, String>, Error> {
    if r.peek() != b'{' {
        r.skip()?;
        return Ok(Err("The file holds JSON, but not an object: it is not an Article Annotator file.".into()));
    }
    Ok(parts(r)?.import())
}

/// The top-level keys of a file.
pub(super) const FILE: [&str; 11] = [
    "format",
    "@context",
    "version",
    "document",
    "labels",
    "entities",
    "rating_scale",
    "annotations",
    "relations",
    "deleted",
    "orphans",
];

fn parts(r: &mut Reader) -> Result<FileIn, Error> {
    let mut f = FileIn::empty();
    read::object(r, &FILE, 0, &mut |r, i| f.part(r, i))?;
    Ok(f)
}

impl FileIn {
    pub(super) fn empty() -> FileIn {
        FileIn {
            format: Ok(None),
            context: false,
            version: None,
            document: None,
            labels: Ok(None),
            entities: Ok(None),
            rating_scale: Ok(None),
            annotations: Some(Vec::new()),
            relations: Some(Vec::new()),
            deleted: Some(Vec::new()),
            orphans: Some(Vec::new()),
            hash_given: false,
        }
    }

    /// Read the value of top-level key `FILE[i]` (another key's is passed over).
    pub(super) fn part(&mut self, r: &mut Reader, i: usize) -> Result<(), Error> {
        match i {
            0 => self.format = part(r, Reader::opt_string)?,
            1 => self.context = r.nullable(Reader::skip)?.is_some(),
            2 => self.version = r.attempt(Reader::u64)?.ok(),
            3 => self.document = Some(part(r, read::document)?),
            4 => self.labels = part(r, |r| r.nullable(|r| r.list(read::label)))?,
            5 => self.entities = part(r, |r| r.nullable(|r| r.list(read::entity)))?,
            6 => self.rating_scale = part(r, |r| r.nullable(|r| r.list(read::rating)))?,
            7 => self.annotations = records(r, read::annotation)?,
            8 => self.relations = records(r, read::relation)?,
            9 => self.deleted = records(r, read::deleted)?,
            10 => self.orphans = records(r, read::annotation)?,
            _ => r.skip()?,
        }
        Ok(())
    }
}

/// A part read by `f`: JSON of another shape is passed over, and said where it is.
pub fn part<'a, T>(r: &mut Reader<'a>, f: impl FnOnce(&mut Reader<'a>) -> Result<T, Error>) -> Result<Part<T>, Error> {
    Ok(r.attempt(f)?.map_err(|e| r.locate(&e)))
}

/// A list whose records are read one by one (null is an empty list), so that one bad record
/// does not sink the others.
pub fn records<'a, T>(
    r: &mut Reader<'a>,
    mut f: impl FnMut(&mut Reader<'a>) -> Result<T, Error>,
) -> Result<Records<T>, Error> {
    let mut out = Vec::new();
    let listed = each_record(r, &mut |r, failed| {
        out.push(match failed {
            Some(why) => Err(why),
            None => Ok(f(r)?),
        });
        Ok(())
    })?;
    Ok(listed.then_some(out))
}

/// Keeps the next record of a list, or why it could not be read (see `each_record`).
type AddRecord<'a, 'f> = dyn FnMut(&mut Reader<'a>, Option<String>) -> Result<(), Error> + 'f;

/// The walk of `records`, the same for every type of record: `add(r, None)` reads and keeps
/// the record that comes next, `add(r, Some(why))` keeps why it could not be read. False when
/// the value is not a list.
fn each_record<'a>(r: &mut Reader<'a>, add: &mut AddRecord<'a, '_>) -> Result<bool, Error> {
    if r.null()? {
        return Ok(true);
    }
    if r.attempt(Reader::array)?.is_err() {
        return Ok(false);
    }
    while r.item()? {
        if let Err(e) = r.attempt(|r| add(r, None))? {
            add(r, Some(e.what))?;
        }
    }
    Ok(true)
}

/// The relation from a claim to the mention that made it.
pub const SAID_BY: &str = "said_by";
