//! The library backup file: every stored document in one file, each in its full native form,
//! and restoring one (documents new to this browser added, the others merged).
use super::json_write;
use super::native::{self, Imported};
use crate::model::merge::merge;
use crate::model::state::{Snapshot, State};
use serde::Deserialize;
use serde_json::value::RawValue;

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

/// The top level of a backup, the documents left raw so that each is read on its own.
#[derive(Deserialize)]
struct FileIn<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    documents: Option<&'a RawValue>,
}

/// Just enough of a document to name it when the rest cannot be read.
#[derive(Deserialize)]
struct Named {
    document: Titled,
}

#[derive(Deserialize)]
struct Titled {
    title: String,
}

/// Read a backup. `Err` (with a sentence a user understands) refuses the whole file: not JSON,
/// not this format, a newer version, no "documents" list. One unreadable document does not
/// sink the others: it is named in `failed`.
pub fn parse(json: &str) -> Result<Backup, String> {
    let file: FileIn = serde_json::from_str(json).map_err(|e| match serde_json::from_str::<&RawValue>(json) {
        Err(e) => format!("This is not valid JSON: {e}."),
        Ok(raw) if !raw.get().starts_with('{') => {
            "The file holds JSON, but not an object: it is not an Article Annotator library backup.".into()
        }
        Ok(_) => format!("The file is not an Article Annotator library backup: {e}."),
    })?;
    match file.format.as_deref() {
        Some(FORMAT) => {}
        Some(native::FORMAT) => {
            return Err("This is one article's annotations, not a library backup: use Import to open it.".into())
        }
        Some(other) => {
            return Err(format!("The file's format is \"{other}\", not an Article Annotator library backup."))
        }
        None => return Err("The file has no \"format\" field: it is not an Article Annotator library backup.".into()),
    }
    let version: u64 = file
        .version
        .and_then(|v| serde_json::from_str(v.get()).ok())
        .ok_or("The backup has no numeric \"version\".")?;
    if version > VERSION as u64 {
        return Err(format!(
            "The backup was made by a newer version of Article Annotator (library format version {version}); this one reads version {VERSION} and older."
        ));
    }
    let raw = file.documents.ok_or("The backup has no \"documents\" list.")?;
    let docs: Vec<&RawValue> =
        serde_json::from_str(raw.get()).map_err(|_| "The backup's \"documents\" is not a list.".to_string())?;
    let mut out = Backup { documents: Vec::with_capacity(docs.len()), failed: Vec::new() };
    for (i, doc) in docs.into_iter().enumerate() {
        match native::parse(doc.get()) {
            Ok(imported) => out.documents.push(imported),
            Err(why) => {
                let name = serde_json::from_str::<Named>(doc.get()).map(|n| format!(" (\"{}\")", n.document.title));
                out.failed.push(format!("article #{}{}: {why}", i + 1, name.unwrap_or_default()));
            }
        }
    }
    Ok(out)
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
