//! Opening documents from storage (the last one at start: see `boot`), any other from the
//! library, with what the browser session kept of them (undo history, where the reader was).
use super::notices::Notice;
use crate::browser::pieces::Pieces;
use crate::browser::storage;
use crate::formats::stored::{self, Settings};
use crate::formats::text_in::count;
use crate::formats::{native, native_slices};
use crate::model::state::Snapshot;
use crate::model::{Document, Label, State};

/// The article the app opens with when nothing is stored.
pub const SAMPLE: &str = include_str!("../../assets/china-belarus.txt");

/// A state made from a fresh document with no annotations.
pub fn blank(doc: Document, labels: Vec<Label>) -> State {
    State::new(Snapshot { doc, labels, ..Snapshot::default() })
}

/// What a document was read from: its id, the stored value, the stamp beside it and the
/// fingerprint of the value as stored (see `picture::print_of`).
type Loaded = (String, Option<String>, Option<String>, Option<String>);

thread_local! {
    /// What the open document was read from (see `loaded`).
    static LOADED: std::cell::RefCell<Loaded> = Default::default();
}

/// The stored value document `id` was last read from (None: it was not stored then) and the
/// stamp then beside it (`None`: not known). Another tab's later write is told from them, and
/// merged.
pub fn loaded(id: &str) -> (Option<String>, Option<Option<String>>) {
    LOADED.with(|l| {
        let l = l.borrow();
        if l.0 == id {
            (l.1.clone(), Some(l.2.clone()))
        } else {
            (None, None)
        }
    })
}

/// The fingerprint of the stored value document `id` was last read from (see `loaded`).
pub fn loaded_print(id: &str) -> Option<String> {
    LOADED.with(|l| {
        let l = l.borrow();
        (l.0 == id).then(|| l.3.clone()).flatten()
    })
}

/// Read one stored document. A value that cannot be read is kept aside and reported, then
/// the backup is tried.
pub fn open_stored(id: &str, notices: &mut Vec<Notice>) -> Option<State> {
    let raw = read_stored(id, notices)?;
    let parsed = native::parse(&raw);
    judged(id, &raw, parsed, notices).map(native::Imported::into_state)
}

/// The stored value of document `id` (noting what it was read from: see `loaded`).
pub(super) fn read_stored(id: &str, notices: &mut Vec<Notice>) -> Option<String> {
    let (mut raw, mut more) = read_stored_first(id, notices)?;
    while more(&mut raw, usize::MAX) {}
    read_whole(id, raw.clone());
    Some(raw)
}

/// UTF-16 units of a stored value handed into wasm with the top level before its annotations,
/// for the first screen's (more follow as they are read: see `native_slices::begin_in_pieces`).
const FIRST_UNITS: u32 = 128 * 1024;

/// `read_stored`, only the first piece of the value handed into wasm, and what gives the rest.
/// The whole, once read, is handed to `read_whole`.
pub(super) fn read_stored_first(id: &str, notices: &mut Vec<Notice>) -> Option<(String, native_slices::More)> {
    let mut pieces = stored_pieces(id, notices)?;
    let head = pieces.find(HEAD_END);
    Some(first_of(pieces, head))
}

/// Where the top level of a stored value ends and its annotations begin.
pub(super) const HEAD_END: &str = "\"annotations\":[";

/// The stored value of document `id` as the page holds it, nothing of it handed into wasm yet
/// (see `read_stored_first`), noting what it was read from.
pub(super) fn stored_pieces(id: &str, notices: &mut Vec<Notice>) -> Option<Pieces> {
    let key = storage::doc_key(id);
    let pieces = match storage::get_in_pieces(&key) {
        Ok(pieces) => pieces,
        Err(e) => {
            notices.push(Notice::error("storage", e));
            return None;
        }
    };
    let stamp = storage::get(&format!("{key}:stamp")).ok().flatten();
    // (Its value comes with the whole: see `read_whole`.)
    let print = pieces.as_ref().map(Pieces::print);
    LOADED.with(|l| *l.borrow_mut() = (id.to_string(), None, stamp, print));
    pieces
}

/// The first piece of a stored value whose annotations begin at `head` (`HEAD_END`, found),
/// and what gives the rest.
pub(super) fn first_of(mut pieces: Pieces, head: Option<u32>) -> (String, native_slices::More) {
    let mut first = String::new();
    let more = pieces.append(&mut first, head.map_or(u32::MAX, |at| at.saturating_add(FIRST_UNITS)));
    crate::browser::mark("aa:stored-read");
    let rest: native_slices::More =
        Box::new(move |out, n| more && pieces.append(out, n.try_into().unwrap_or(u32::MAX)));
    (first, rest)
}

/// The whole stored value of document `id`, read in pieces (see `read_stored_first`): what it
/// was read from, unless another document was read since.
pub(super) fn read_whole(id: &str, raw: String) {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        if l.0 == id && l.1.is_none() {
            l.1 = Some(raw);
        }
    })
}

/// Stored value `raw` of document `id`, as `parsed`. One that cannot be read is kept aside and
/// reported, and the backup read instead.
pub(super) fn judged(
    id: &str,
    raw: &str,
    parsed: Result<native::Imported, String>,
    notices: &mut Vec<Notice>,
) -> Option<native::Imported> {
    let key = storage::doc_key(id);
    crate::browser::mark("aa:stored-parsed");
    match parsed {
        Ok(imp) if imp.failed.is_empty() => Some(imp),
        Ok(imp) => {
            keep_aside(&key, raw);
            let msg = format!(
                "{} of this article could not be read ({}). The saved copy was kept aside unchanged.",
                count(imp.failed.len(), "saved annotation", "saved annotations"),
                imp.failed.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
            );
            notices.push(Notice::error("load", msg));
            Some(imp)
        }
        Err(why) => {
            // (A compressed copy that could not be unpacked was read where it stops: say why.)
            let why = keep_aside(&key, raw).unwrap_or(why);
            let backup = storage::get(&format!("{key}:backup")).ok().flatten().and_then(|b| native::parse(&b).ok());
            let then = if backup.is_some() { " The last good copy was opened instead." } else { "" };
            notices.push(Notice::error(
                "load",
                format!(
                    "The saved annotations could not be read: {why} The saved copy was kept aside unchanged.{then}"
                ),
            ));
            backup
        }
    }
}

/// Keep the stored value under `key`, read as `read`, aside as it is stored (a compressed one
/// as it is, not its JSON: see `packed`), and say what is wrong with it if it is compressed
/// and damaged.
fn keep_aside(key: &str, read: &str) -> Option<String> {
    let stored = storage::raw(key).ok().flatten();
    let _ = storage::keep_aside(key, stored.as_deref().unwrap_or(read));
    crate::formats::packed::unpack(stored.as_deref()?)?.err()
}

/// The stored state of document `doc` if there is one, else `doc` with no annotations.
pub fn stored_or(doc: Document, labels: Vec<Label>) -> State {
    let mut ignored = Vec::new();
    open_stored(&doc.id, &mut ignored).unwrap_or_else(|| blank(doc, labels))
}

/// Put back what this browser session kept of the document: its undo history.
pub fn with_session(mut state: State) -> State {
    let kept = storage::session_get(&format!("history:{}", state.doc.id));
    if let Some(history) = kept.and_then(|h| stored::history(&h).ok()) {
        state.restore_history(history);
    }
    state
}

/// Keep the document's undo history and the reader's place for the browser session. (While
/// the document is being read, its history is not there yet: what was kept stays.)
pub fn keep_session(state: &State) {
    if let Some(place) = crate::browser::page::reading_position() {
        storage::session_set(&format!("scroll:{}", state.doc.id), &place);
    }
    if !state.reading && (state.can_undo() || state.can_redo()) {
        let json = crate::formats::json_write::to_string(&**state.history());
        storage::session_set(&format!("history:{}", state.doc.id), &json);
    }
}

/// Scroll back to where the reader was in this document in this browser session.
pub fn restore_reading(state: &State) {
    let kept = storage::session_get(&format!("scroll:{}", state.doc.id));
    if let Some((block, offset)) = kept.as_deref().and_then(|k| k.split_once(' ')) {
        crate::browser::dom::restore_reading(block, offset.parse().unwrap_or(0));
    }
}

/// Where the reader was in document `id` in this browser session (see `restore_reading`): the
/// block at the top of the window, and how many pixels of it were above the window.
pub fn kept_place(id: &str) -> Option<(usize, usize)> {
    let kept = storage::session_get(&format!("scroll:{id}"))?;
    let (block, px) = kept.split_once(' ')?;
    // (A block whose top is below the window's: none of it above.)
    Some((block.parse().ok()?, px.parse().unwrap_or(0)))
}

/// The settings as last kept (the defaults when none were).
pub fn settings() -> Settings {
    let stored = storage::get(&storage::settings_key()).ok().flatten();
    stored.and_then(|s| stored::settings(&s).ok()).unwrap_or_default()
}

/// Change the kept settings with `f`.
pub fn keep_settings(f: &dyn Fn(&mut Settings)) {
    let mut s = settings();
    f(&mut s);
    let _ = storage::set(&storage::settings_key(), &crate::formats::json_write::to_string(&s));
}
