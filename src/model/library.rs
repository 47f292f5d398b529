//! The library's index: one summary per stored document (enough to list it without reading
//! its annotations) and which document is open.
use super::annotation::Kind;
use super::state::State;
use serde::Serialize;

/// One document as the library lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocEntry {
    pub id: String,
    pub title: String,
    pub source: String,
    pub entities: usize,
    pub claims: usize,
    /// Length of the text in code points.
    pub length: usize,
    /// When the document was last changed (ISO 8601).
    pub modified: String,
    /// When its work was last written to a file (an export or a library backup); empty: never.
    pub exported: String,
    pub sha256: String,
    /// How much of the browser's storage its stored value takes, in UTF-16 code units (what
    /// the quota counts); 0: not known yet.
    pub size: usize,
}

impl DocEntry {
    /// The summary of an open document, last changed at `modified`.
    pub fn of(state: &State, modified: &str) -> Self {
        let claims = state.annotations().iter().filter(|a| a.kind == Kind::Claim).count();
        DocEntry {
            id: state.doc.id.clone(),
            title: state.doc.title.clone(),
            source: state.doc.source.clone(),
            entities: state.annotations().len() - claims,
            claims,
            length: state.index.len(),
            modified: modified.to_string(),
            exported: String::new(),
            sha256: state.doc.sha256.clone(),
            size: 0,
        }
    }

    /// The same entry, noting that its stored value is `json` (for the text, which is most
    /// of it, the UTF-16 length is known; the rest is counted as one unit a byte).
    pub fn sized(self, state: &State, json: &str) -> Self {
        let size = json.len() - state.doc.text.len() + state.index.utf16_len();
        DocEntry { size, ..self }
    }

    /// True when the document has changes that no export or backup holds.
    pub fn unexported(&self) -> bool {
        self.modified > self.exported
    }
}

/// The index value: the documents kept and the one that is open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Library {
    pub current: Option<String>,
    pub documents: Vec<DocEntry>,
}

impl Library {
    /// Record `entry` (replacing the one with its id), keeping when it was last exported.
    pub fn upsert(&mut self, mut entry: DocEntry) {
        match self.documents.iter_mut().find(|d| d.id == entry.id) {
            Some(d) => {
                if entry.exported.is_empty() {
                    entry.exported = std::mem::take(&mut d.exported);
                }
                *d = entry;
            }
            None => self.documents.push(entry),
        }
    }

    /// Forget a document; returns its entry.
    pub fn remove(&mut self, id: &str) -> Option<DocEntry> {
        let i = self.documents.iter().position(|d| d.id == id)?;
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        Some(self.documents.remove(i))
    }

    pub fn get(&self, id: &str) -> Option<&DocEntry> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The document holding exactly this text, if one is kept.
    pub fn by_sha(&self, sha256: &str) -> Option<&DocEntry> {
        self.documents.iter().find(|d| d.sha256 == sha256)
    }

    /// The documents whose title contains every word of `filter`, newest change first. Case is
    /// ignored through `lower` (the page passes the browser's own lower-casing: Unicode case
    /// tables would cost the bundle several KB).
    pub fn listed(&self, filter: &str, lower: fn(&str) -> String) -> Vec<&DocEntry> {
        let words: Vec<String> = filter.split_whitespace().map(lower).collect();
        let matches = |d: &&DocEntry| {
            // (No filter: no title lower-cased.)
            if words.is_empty() {
                return true;
            }
            let title = lower(&d.title);
            words.iter().all(|w| title.contains(w.as_str()))
        };
        // (Sorted through (text, index) keys, the one kind of sort the bundle carries for this.)
        let mut keys: Vec<(&str, usize)> = self
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| matches(d))
            .map(|(i, d)| (d.modified.as_str(), i))
            .collect();
        keys.sort_unstable();
        keys.iter().rev().map(|&(_, i)| &self.documents[i]).collect()
    }

    /// Note that every document (or the one with `id`) was written to a file at `now`.
    pub fn mark_exported(&mut self, id: Option<&str>, now: &str) {
        for d in self.documents.iter_mut().filter(|d| id.is_none_or(|id| d.id == id)) {
            d.exported = now.to_string();
        }
    }

    /// Merge another copy of the index (another tab's): each document's newer entry wins; the
    /// open document stays this copy's.
    pub fn merge(&mut self, other: &Library) {
        for theirs in &other.documents {
            match self.documents.iter_mut().find(|d| d.id == theirs.id) {
                Some(d) if d.modified >= theirs.modified => {
                    d.exported = d.exported.clone().max(theirs.exported.clone())
                }
                Some(d) => {
                    let exported = d.exported.clone().max(theirs.exported.clone());
                    *d = DocEntry { exported, ..theirs.clone() };
                }
                None => self.documents.push(theirs.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, title: &str, modified: &str) -> DocEntry {
        DocEntry { id: id.into(), title: title.into(), modified: modified.into(), ..DocEntry::default() }
    }

    #[test]
    fn lists_newest_first_and_filters_by_title_words() {
        let mut lib = Library::default();
        lib.upsert(entry("a", "Xi meets Lukashenko", "2026-01-01"));
        lib.upsert(entry("b", "Élan in 北京", "2026-03-01"));
        lib.upsert(entry("c", "Budget talks", "2026-02-01"));
        let ids = |v: Vec<&DocEntry>| v.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let low = str::to_lowercase;
        assert_eq!(ids(lib.listed("", low)), ["b", "c", "a"]);
        assert_eq!(ids(lib.listed("  xi LUKA ", low)), ["a"]);
        assert_eq!(ids(lib.listed("ÉLAN 北京", low)), ["b"]);
        assert!(lib.listed("nothing", low).is_empty());
    }

    #[test]
    fn upsert_keeps_the_export_time_and_remove_clears_current() {
        let mut lib = Library { current: Some("a".into()), ..Library::default() };
        lib.upsert(entry("a", "T", "2026-01-01"));
        lib.mark_exported(Some("a"), "2026-01-02");
        assert!(!lib.get("a").unwrap().unexported());
        lib.upsert(entry("a", "T2", "2026-01-03"));
        assert_eq!(lib.get("a").unwrap().exported, "2026-01-02");
        assert!(lib.get("a").unwrap().unexported());
        assert_eq!(lib.remove("a").unwrap().title, "T2");
        assert_eq!(lib.current, None);
    }

    #[test]
    fn merging_two_copies_keeps_each_newer_entry() {
        let mut ours =
            Library { current: Some("a".into()), documents: vec![entry("a", "old", "1"), entry("b", "b", "5")] };
        let theirs =
            Library { current: Some("c".into()), documents: vec![entry("a", "new", "2"), entry("c", "c", "1")] };
        ours.merge(&theirs);
        assert_eq!(ours.current.as_deref(), Some("a"));
        assert_eq!(ours.get("a").unwrap().title, "new");
        assert!(ours.get("b").is_some() && ours.get("c").is_some());
    }
}

#[cfg(test)]
mod migration {
    #[test]
    fn an_index_of_the_first_release_still_reads() {
        let old =
            r#"{"current":"doc-a","documents":[{"id":"doc-a","title":"A 😀","modified":"2026-11-28T10:00:00.000Z"}]}"#;
        let lib = crate::formats::stored::library(old).unwrap();
        let d = lib.get("doc-a").unwrap();
        assert_eq!((d.title.as_str(), d.entities, d.sha256.as_str()), ("A 😀", 0, ""));
        assert!(d.unexported());
    }
}
