//! The native JSON file (DESIGN §4): what export writes, import reads and storage keeps.
//! Import checks every record on its own, so one bad record never sinks the rest.
use super::json_read::{Error, Reader};
use super::native_read::{self as read, DocIn};
use crate::model::annotation::{Annotation, Deleted, Relation};
use crate::model::labels::{default_labels, Label};
use crate::model::meta::{Entity, Rating};
use crate::model::state::{Snapshot, State};
use crate::model::text::{default_title, normalize_text, sha256_hex, Document, TextIndex};
use std::rc::Rc;

pub const FORMAT: &str = "article-annotator";
pub const VERSION: u32 = 1;

pub use super::native_check::merge_new;
use super::native_check::{add_annotations, settle_claims};
pub use super::native_write::{to_json, to_json_cached, warm_some, JsonCache, Warming};
pub use super::reanchor::{context, reanchor};
use crate::model::order::Names;

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
type Part<T> = Result<T, String>;

/// The top level of a file: each part as read, checked in order once the whole file is.
pub(super) struct FileIn {
    format: Part<Option<String>>,
    /// A non-null "@context" (JSON-LD, as W3C Web Annotation files have).
    context: bool,
    version: Option<u64>,
    document: Option<Part<DocIn>>,
    labels: Part<Option<Vec<Label>>>,
    entities: Part<Option<Vec<Entity>>>,
    rating_scale: Part<Option<Vec<Rating>>>,
    annotations: Records<Annotation>,
    relations: Records<Relation>,
    deleted: Records<Deleted>,
    /// Annotations an import could not place (kept as the file had them).
    orphans: Records<Annotation>,
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

/// A part that could not be read: "The file's "labels" are unusable (line 1, column 9: …)."
fn unusable<T>(part: Part<T>, what: &str) -> Result<T, String> {
    part.map_err(|e| unusable_why(&e, what))
}

fn unusable_why(e: &str, what: &str) -> String {
    format!("The file's {what} unusable ({e}).")
}

impl FileIn {
    /// Check the parts in order (what the file is, its version, its document, …) and then
    /// each record on its own.
    fn import(mut self) -> Result<Imported, String> {
        let mut out = self.start()?;
        let records = self.annotations.take().ok_or("The file's \"annotations\" is not a list.")?;
        add_annotations(&mut out, records);
        self.end(out)
    }

    /// The checks before the annotations: what the file is, its version, its document, labels,
    /// entities and scale; the document read without its records, and its text indexed.
    fn start(&mut self) -> Result<Imported, String> {
        let mut out = self.unindexed()?;
        index(&mut out);
        Ok(out)
    }

    /// `start` but for the index of the text, which is left empty (see `index`).
    pub(super) fn unindexed(&mut self) -> Result<Imported, String> {
        self.check_format()?;
        let doc_in = unusable(self.document.take().ok_or("The file has no \"document\".")?, "\"document\" is")?;
        if let Some(unit) = doc_in.offset_unit.as_deref().filter(|u| *u != "codepoint") {
            return Err(format!("The file counts offsets in \"{unit}\"; only \"codepoint\" is supported."));
        }
        let labels =
            unusable(std::mem::replace(&mut self.labels, Ok(None)), "\"labels\" are")?.unwrap_or_else(default_labels);
        let (doc, given) = document(doc_in);
        self.hash_given = given;
        let entities =
            unusable(std::mem::replace(&mut self.entities, Ok(None)), "\"entities\" are")?.unwrap_or_default();
        let scale =
            unusable(std::mem::replace(&mut self.rating_scale, Ok(None)), "\"rating_scale\" is")?.unwrap_or_default();
        Ok(Imported {
            snapshot: Snapshot { doc, labels, entities, scale, ..Snapshot::default() },
            failed: Vec::new(),
            reanchored: 0,
            index: Rc::default(),
        })
    }

    /// The rest, once the annotations are in `out`: relations, claims made whole, deletions
    /// and orphans.
    pub(super) fn end(self, mut out: Imported) -> Result<Imported, String> {
        if self.hash_given {
            out.snapshot.doc.sha256 = sha256_hex(&out.snapshot.doc.text);
        }
        let ids = Names::new(out.snapshot.annotations.iter().map(|a| a.id.as_str()));
        let relations = self.relations.ok_or("The file's \"relations\" is not a list.")?;
        for (i, relation) in relations.into_iter().enumerate() {
            match relation {
                Ok(r) if ids.contains(&r.from) && ids.contains(&r.to) => out.snapshot.relations.push(r),
                Ok(r) => out.failed.push(format!(
                    "relation #{}: \"{}\" or \"{}\" is not an annotation here",
                    i + 1,
                    r.from,
                    r.to
                )),
                Err(why) => out.failed.push(format!("relation #{}: {why}", i + 1)),
            }
        }
        settle_claims(&mut out.snapshot, out.index.len());
        // Deletions are bookkeeping for merging: an unreadable one is dropped, not reported.
        out.snapshot.deleted = self.deleted.unwrap_or_default().into_iter().filter_map(Result::ok).collect();
        // Orphans stay as they were read (they are not in the text): unreadable ones are reported.
        for (i, o) in self.orphans.unwrap_or_default().into_iter().enumerate() {
            match o {
                Ok(a) => out.snapshot.orphans.push(a),
                Err(why) => out.failed.push(format!("orphan #{}: {why}", i + 1)),
            }
        }
        Ok(out)
    }

    /// Whether this is a native file of a version this one reads.
    fn check_format(&self) -> Result<(), String> {
        match &self.format {
            Err(e) => return Err(format!("The file is not an Article Annotator file ({e}).")),
            Ok(Some(f)) if f == FORMAT => {}
            Ok(Some(other)) => return Err(format!("The file's format is \"{other}\", not \"{FORMAT}\".")),
            Ok(None) if self.context => {
                return Err("This looks like a W3C Web Annotation file, not an Article Annotator file.".into())
            }
            Ok(None) => {
                return Err(format!(
                    "The file has no \"format\": \"{FORMAT}\" field: it is not an Article Annotator file."
                ))
            }
        }
        let version = self.version.ok_or("The file has no numeric \"version\".")?;
        if version > VERSION as u64 {
            return Err(format!(
                "The file was made by a newer version of Article Annotator (format version {version}); this one reads version {VERSION} and older."
            ));
        }
        Ok(())
    }
}

/// Index the text of `out` (which `FileIn::unindexed` left out).
pub(super) fn index(out: &mut Imported) {
    out.index = Rc::new(TextIndex::new(&out.snapshot.doc.text));
}

/// The document of a file: its text normalised, and what the file leaves out filled in; and
/// whether its hash is the one the file gives. The hash of a text at
/// book length takes a while (14 ms for a million characters, before the first screen): where
/// the file gives one beside an id, it is taken as given until `end` puts what the text gives
/// in its place.
fn document(d: DocIn) -> (Document, bool) {
    let text = normalize_text(&d.text);
    let id = d.id.filter(|s| !s.is_empty());
    let hex = |h: &String| h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let given = d.sha256.filter(|h| id.is_some() && hex(h));
    let hash_given = given.is_some();
    let sha256 = given.unwrap_or_else(|| sha256_hex(&text));
    let doc = Document {
        id: id.unwrap_or_else(|| format!("doc-{}", &sha256[..16])),
        title: d.title.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| default_title(&text)),
        source: d.source.unwrap_or_default(),
        text,
        sha256,
        url: d.url.unwrap_or_default(),
        authors: d.authors,
        published: d.published.unwrap_or_default(),
        renamed: d.renamed.unwrap_or_default(),
    };
    (doc, hash_given)
}

/// The relation from a claim to the mention that made it.
pub const SAID_BY: &str = "said_by";
