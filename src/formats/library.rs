//! The library backup file: every stored document in one file, each in its full native form,
//! and restoring one (documents new to this browser added, the others merged).
use super::json_read::{Error, Reader};
use super::json_write;
use super::native::{self, Imported, Records};
use crate::model::merge::merge;
use crate::model::state::{Snapshot, State};

pub const FORMAT: &str = "article-annotator-library";
pub const VERSION: u32 = 1;

/// The backup file of these documents (each written in full native form), so that a whole
/// library can leave the browser and come back.
pub fn write(docs: &[State], now: &str) -> String {
    let mut out = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"exported_at\":");
    json_write::string(&mut out, now);
    out.push_str(",\"documents\":[");
    for (i, state) in docs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&native::to_json(state, now));
    }
    out.push_str("]}");
    out
}

/// The dated file name, e.g. "article-annotator-library-2026-11-29.json" from an ISO `now`.
pub fn file_name(now: &str) -> String {
    let date = now.get(..10).filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-')).unwrap_or("undated");
    format!("{FORMAT}-{date}.json")
}

/// A backup that was read: the documents that could be, and what could not.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub documents: Vec<Imported>,
    /// One line per document that could not be read: which (#n, and its title if readable)
    /// and why.
    pub failed: Vec<String>,
}

/// The top level of a backup: its documents read one by one as they come (`Err`: the line
/// saying which one failed and why).
struct FileIn {
    format: Result<Option<String>, String>,
    version: Option<u64>,
    /// `None`: absent or null.
    documents: Option<Records<Imported>>,
}

/// Read a backup. `Err` (with a sentence a user understands) refuses the whole file: not JSON,
/// not this format, a newer version, no "documents" list. One unreadable document does not
/// sink the others: it is named in `failed`.
pub fn parse(json: &str) -> Result<Backup, String> {
    let mut r = Reader::new(json);
    let file = parts(&mut r).and_then(|file| r.finish().map(|()| file)).map_err(|e| native::not_json(&r, &e))?;
    let file = file.ok_or("The file holds JSON, but not an object: it is not an Article Annotator library backup.")?;
    match file.format {
        Err(e) => return Err(format!("The file is not an Article Annotator library backup ({e}).")),
        Ok(Some(f)) if f == FORMAT => {}
        Ok(Some(f)) if f == native::FORMAT => {
            return Err("This is one article's annotations, not a library backup: use Import to open it.".into())
        }
        Ok(Some(other)) => {
            return Err(format!("The file's format is \"{other}\", not an Article Annotator library backup."))
        }
        Ok(None) => {
            return Err("The file has no \"format\" field: it is not an Article Annotator library backup.".into())
        }
    }
    let version = file.version.ok_or("The backup has no numeric \"version\".")?;
    if version > VERSION as u64 {
        return Err(format!(
            "The backup was made by a newer version of Article Annotator (library format version {version}); this one reads version {VERSION} and older."
        ));
    }
    let docs = file.documents.ok_or("The backup has no \"documents\" list.")?;
    let docs = docs.ok_or("The backup's \"documents\" is not a list.")?;
    let mut out = Backup { documents: Vec::with_capacity(docs.len()), failed: Vec::new() };
    for doc in docs {
        match doc {
            Ok(imported) => out.documents.push(imported),
            Err(why) => out.failed.push(why),
        }
    }
    Ok(out)
}

/// The parts of the backup whose value comes next; `None` when it is not an object.
fn parts(r: &mut Reader) -> Result<Option<FileIn>, Error> {
    if r.peek() != b'{' {
        r.skip()?;
        return Ok(None);
    }
    let mut f = FileIn { format: Ok(None), version: None, documents: None };
    super::native_read::object(r, &["format", "version", "documents"], 0, &mut |r, i| {
        match i {
            0 => f.format = native::part(r, Reader::opt_string)?,
            1 => f.version = r.attempt(Reader::u64)?.ok(),
            2 => f.documents = r.nullable(documents)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Some(f))
}

/// The documents of a backup, each read as a native file; one refused is said by its number
/// and, when it has one, its title.
fn documents(r: &mut Reader) -> Result<Records<Imported>, Error> {
    let mut n = 0;
    native::records(r, |r| {
        n += 1;
        let start = r.mark();
        let why = match native::read(r)? {
            Ok(imported) => return Ok(imported),
            Err(why) => why,
        };
        r.rewind(start);
        let title = field(r, "document", |r| field(r, "title", Reader::string)).ok().flatten().flatten();
        let name = title.map(|t| format!(" (\"{t}\")")).unwrap_or_default();
        Err(r.error(format!("article #{n}{name}: {why}")))
    })
}

/// The value of one key of the object that comes next, the others passed over.
fn field<'a, T>(
    r: &mut Reader<'a>,
    name: &str,
    f: impl Fn(&mut Reader<'a>) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    let mut value = None;
    r.object()?;
    while let Some(key) = r.key()? {
        if key == name {
            value = Some(f(r)?);
        } else {
            r.skip()?;
        }
    }
    Ok(value)
}

/// A restore planned: what to store, and what to tell the user.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Restore {
    /// What to store: each document's snapshot, new or merged.
    pub store: Vec<Snapshot>,
    pub added: usize,
    pub merged: usize,
    /// Conflicts met while merging (the newer change kept), over all documents.
    pub conflicted: usize,
    pub failed: Vec<String>,
}

/// Plan a restore: `existing(sha256)` gives the stored copy of a document with that text, if
/// any. Documents not present are added; present ones are merged (theirs = the backup's) and
/// their conflicts counted; a document whose merge fails is counted as failed, and so is each
/// record that failed inside a document (prefixed with the document's title). Two documents of
/// the backup with one text are merged into one.
pub fn restore(backup: Backup, existing: impl Fn(&str) -> Option<Snapshot>) -> Restore {
    let mut out = Restore { failed: backup.failed, ..Restore::default() };
    for imported in backup.documents {
        let theirs = imported.snapshot;
        let title = &theirs.doc.title;
        out.failed.extend(imported.failed.iter().map(|why| format!("\"{title}\": {why}")));
        let planned = out.store.iter().position(|s| s.doc.sha256 == theirs.doc.sha256);
        let ours = match planned {
            Some(i) => Some(out.store[i].clone()),
            None => existing(&theirs.doc.sha256),
        };
        let Some(ours) = ours else {
            out.added += 1;
            out.store.push(theirs);
            continue;
        };
        match merge(&ours, &theirs) {
            Ok(m) => {
                out.conflicted += m.conflicts.len();
                match planned {
                    Some(i) => out.store[i] = m.snapshot,
                    None => out.store.push(m.snapshot),
                }
                out.merged += 1;
            }
            Err(why) => out.failed.push(format!("\"{title}\": {why}")),
        }
    }
    out
}

/// "1 article" or "3 articles".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One sentence for the user, e.g. "Restored 3 articles: 2 added, 1 merged (2 conflicts kept
/// the newer change), 1 failed (…)."
pub fn report(r: &Restore) -> String {
    let mut parts = Vec::new();
    if r.added > 0 {
        parts.push(format!("{} added", r.added));
    }
    if r.merged > 0 {
        let mut merged = format!("{} merged", r.merged);
        if r.conflicted > 0 {
            merged += &format!(" ({} kept the newer change)", count(r.conflicted, "conflict", "conflicts"));
        }
        parts.push(merged);
    }
    if !r.failed.is_empty() {
        parts.push(format!("{} failed ({})", r.failed.len(), r.failed.join("; ")));
    }
    if parts.is_empty() {
        return "The backup holds no articles.".into();
    }
    let restored = r.added + r.merged;
    let head = if restored == 0 {
        "Restored no articles".into()
    } else {
        format!("Restored {}", count(restored, "article", "articles"))
    };
    format!("{head}: {}.", parts.join(", "))
}
