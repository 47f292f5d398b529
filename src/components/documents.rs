//! What the library does to stored documents: open one, open a new article, rename, delete
//! (with undo for the session), back up every document to one file and restore from it.
use super::notices::Notice;
use super::persist;
use crate::browser::{dom, now_iso, storage};
use crate::formats::foreign::Foreign;
use crate::formats::text_in::{count, Draft};
use crate::formats::{library, native, place};
use crate::model::library::DocEntry;
use crate::model::{default_labels, Action, Document, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A deleted document, kept in memory so the notice's Undo can put it back.
#[derive(Default)]
pub struct Trash(Option<(DocEntry, String)>);

/// The handles the library's actions need: the state, messages, and a save of pending work.
#[derive(Clone)]
pub struct Docs {
    pub state: UseReducerHandle<State>,
    pub notify: Callback<Notice>,
    pub flush: Callback<()>,
    pub trash: Rc<RefCell<Trash>>,
}

impl Docs {
    /// Open a state in place of the current document, after saving the current one.
    fn replace(&self, next: State) {
        self.flush.emit(());
        persist::keep_session(&self.state);
        self.state.dispatch(Action::Replace(Box::new(persist::with_session(next))));
        dom::scroll_top();
    }

    /// Open the stored document `id`.
    pub fn open(&self, id: &str) {
        if id == self.state.doc.id {
            return;
        }
        let mut notices = Vec::new();
        match persist::open_stored(id, &mut notices) {
            Some(next) => self.replace(next),
            None => self.notify.emit(Notice::error(
                "library",
                "That article could not be found in storage: it may have been deleted in another tab.",
            )),
        }
        notices.into_iter().for_each(|n| self.notify.emit(n));
    }

    /// Open a new article (or, if its text is stored already, the stored copy).
    pub fn open_draft(&self, draft: Draft) {
        let doc = draft.into_document();
        if doc.id == self.state.doc.id {
            return self.notify.emit(Notice::info("library", "This article is already open."));
        }
        let title = doc.title.clone();
        let stored = persist::open_stored(&doc.id, &mut Vec::new());
        let was_stored = stored.is_some();
        self.replace(stored.unwrap_or_else(|| persist::blank(doc, default_labels())));
        let said = if was_stored {
            format!("“{title}” was already in your library: its stored copy is open.")
        } else {
            format!("Opened “{title}”.")
        };
        self.notify.emit(Notice::info("library", said));
    }

    /// Give document `id` another title.
    pub fn rename(&self, id: &str, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        if id == self.state.doc.id {
            return self.state.dispatch(Action::Rename { title: title.to_string(), now: now_iso() });
        }
        let mut ignored = Vec::new();
        let Some(mut other) = persist::open_stored(id, &mut ignored) else { return };
        let now = now_iso();
        other.apply(Action::Rename { title: title.to_string(), now: now.clone() });
        if let Err(e) = store(&other, &now) {
            self.notify.emit(Notice::error("library", e));
        }
    }

    /// Delete document `id` from storage; the notice offers Undo for this session.
    pub fn delete(&self, id: &str) {
        if id == self.state.doc.id {
            self.flush.emit(());
        }
        let key = storage::doc_key(id);
        let raw = storage::get(&key).ok().flatten().unwrap_or_default();
        let mut entry = None;
        let result = storage::update_library(|lib| entry = lib.remove(id))
            .and_then(|_| storage::remove(&key))
            .and_then(|_| storage::remove(&format!("{key}:stamp")));
        let Some(entry) = entry.filter(|_| result.is_ok()) else {
            return self.notify.emit(Notice::error(
                "library",
                result.err().unwrap_or_else(|| "That article is not in the library.".into()),
            ));
        };
        let title = entry.title.clone();
        self.trash.borrow_mut().0 = Some((entry, raw));
        if id == self.state.doc.id {
            // Open the most recently changed article left, else the bundled sample.
            let (lib, _) = storage::load_library();
            let next = lib.listed("", str::to_owned).first().and_then(|d| persist::open_stored(&d.id, &mut Vec::new()));
            let sample = || persist::blank(Document::from_text(persist::SAMPLE, "china-belarus.txt"), default_labels());
            self.state.dispatch(Action::Replace(Box::new(next.unwrap_or_else(sample))));
        }
        self.notify.emit(Notice::info("deleted", format!("Deleted “{title}”.")).with_action("Undo"));
    }

    /// Put back the document deleted last.
    pub fn undelete(&self) {
        let Some((entry, raw)) = self.trash.borrow_mut().0.take() else { return };
        let title = entry.title.clone();
        let result = storage::set(&storage::doc_key(&entry.id), &raw)
            .and_then(|_| storage::update_library(|lib| lib.upsert(entry)));
        match result {
            Ok(_) => self.notify.emit(Notice::info("deleted", format!("“{title}” is back in the library."))),
            Err(e) => self.notify.emit(Notice::error("deleted", e)),
        }
    }

    /// Download every stored document in one backup file.
    pub fn backup(&self) {
        self.flush.emit(());
        let (lib, _) = storage::load_library();
        let mut states = Vec::new();
        let mut missing = 0;
        for d in &lib.documents {
            match storage::get(&storage::doc_key(&d.id)).ok().flatten().and_then(|raw| native::parse(&raw).ok()) {
                Some(imp) => states.push(imp.into_state()),
                None => missing += 1,
            }
        }
        let now = now_iso();
        let json = library::write(&states, &now);
        if dom::download(&library::file_name(&now), "application/json", &json).is_err() {
            return self.notify.emit(Notice::error(
                "backup",
                "The browser refused the download. Try again, or allow downloads for this page.",
            ));
        }
        let _ = storage::update_library(|lib| lib.mark_exported(None, &now));
        let mut said = format!("Backed up {}.", count(states.len(), "article", "articles"));
        if missing > 0 {
            said += &format!(
                " {} could not be read and {} left out.",
                count(missing, "article", "articles"),
                if missing == 1 { "was" } else { "were" }
            );
        }
        self.notify.emit(Notice::info("backup", said));
    }

    /// Restore a backup file's text: new documents added, present ones merged.
    pub fn restore(&self, name: &str, text: &str) {
        self.flush.emit(());
        let backup = match library::parse(text) {
            Ok(b) => b,
            Err(why) => {
                return self
                    .notify
                    .emit(Notice::error("backup", format!("{name} was not restored: {why} Nothing was changed.")))
            }
        };
        let (lib, _) = storage::load_library();
        let existing = |sha: &str| {
            let d = lib.by_sha(sha)?;
            persist::open_stored(&d.id, &mut Vec::new()).map(|s| s.snapshot())
        };
        let plan = library::restore(backup, existing);
        let now = now_iso();
        let mut failed = Vec::new();
        for snap in &plan.store {
            let state = State::new(snap.clone());
            if let Err(e) = store(&state, &now) {
                failed.push(e);
            }
            if state.doc.id == self.state.doc.id {
                self.state.dispatch(Action::Sync(Box::new(state.snapshot())));
            }
        }
        let mut said = library::report(&plan);
        if let Some(e) = failed.first() {
            said += &format!(" {} could not be stored: {e}", count(failed.len(), "article", "articles"));
        }
        let ok = plan.failed.is_empty() && failed.is_empty();
        self.notify.emit(if ok { Notice::info("backup", said) } else { Notice::error("backup", said) });
    }
}

impl Docs {
    /// Another tool's file: each document it carries is stored (merged into the stored copy
    /// when that text is kept already) and the first one opened; a file without a text of its
    /// own (a W3C collection) applies to the open article, unless none of its quotes is there.
    pub fn import_foreign(&self, name: &str, files: Vec<Foreign>) {
        let now = now_iso();
        let (mut said, mut bad, mut opened) = (Vec::new(), false, None::<State>);
        let docs = files.len();
        for mut f in files {
            bad |= !f.failed.is_empty();
            let Some(raw) = f.text.take() else {
                let landed = place::land_all(&f, &self.state, &now);
                if landed.annotations.is_empty() && landed.duplicates == 0 && !f.spans.is_empty() {
                    bad = true;
                    said.push(format!(
                        "{name}: none of its {} quotes is in this article, so nothing was changed (open the article it was made on first).",
                        f.spans.len()
                    ));
                    continue;
                }
                said.push(place::report(f.format, &landed, &f.failed));
                let meta = Some(Box::new(landed.meta));
                self.state.dispatch(Action::Merge { annotations: landed.annotations, relations: Vec::new(), meta });
                continue;
            };
            place::quote_from(&mut f.spans, &raw, f.unit);
            let mut doc = Document::from_text(&raw, name);
            if !f.title.trim().is_empty() {
                doc.title = f.title.trim().to_string();
            }
            let open = doc.id == self.state.doc.id;
            let target = if open { (*self.state).clone() } else { persist::stored_or(doc, default_labels()) };
            let landed = place::land_all(&f, &target, &now);
            said.push(place::report(f.format, &landed, &f.failed));
            if open {
                let meta = Some(Box::new(landed.meta));
                self.state.dispatch(Action::Merge { annotations: landed.annotations, relations: Vec::new(), meta });
                continue;
            }
            let mut snap = target.snapshot();
            snap.annotations.extend(landed.annotations);
            snap.labels = (*landed.meta.labels).clone();
            snap.entities = (*landed.meta.entities).clone();
            snap.orphans = (*landed.meta.orphans).clone();
            let state = State::new(snap);
            if opened.is_none() {
                opened = Some(state);
            } else if let Err(e) = store(&state, &now) {
                bad = true;
                said.push(format!("“{}” could not be stored: {e}", state.doc.title));
            }
        }
        if let Some(state) = opened {
            self.replace(state);
        }
        if docs > 1 {
            said.insert(
                0,
                format!(
                    "{name}: {} read; the first is open, the others are in the library.",
                    count(docs, "article", "articles")
                ),
            );
        }
        let said = said.join(" ");
        self.notify.emit(if bad { Notice::error("import", said) } else { Notice::info("import", said) });
    }
}

/// Write a document that is not the open one (the open one is the saver's) and its summary
/// in the index.
fn store(state: &State, now: &str) -> Result<(), String> {
    let json = native::to_json(state, now);
    let units = storage::set_stored(&storage::doc_key(&state.doc.id), &json)?;
    let mut entry = DocEntry::of(state, now).sized(state, &json);
    entry.size = units.unwrap_or(entry.size);
    storage::update_library(|lib| lib.upsert(entry)).map(drop)
}
