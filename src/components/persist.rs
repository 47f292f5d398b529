//! Opening the last document at start, and saving it after every change: debounced, flushed
//! when the page is hidden, paused (never overwriting) when another tab changed the same key.
use super::notices::Notice;
use crate::browser::{now_iso, storage};
use crate::formats::native;
use crate::model::state::Snapshot;
use crate::model::{default_labels, Document, Label, State};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The article the app opens with when nothing is stored.
pub const SAMPLE: &str = include_str!("../../assets/china-belarus.txt");

/// A state made from a fresh document with no annotations.
pub fn blank(doc: Document, labels: Vec<Label>) -> State {
    State::new(Snapshot { doc, labels, annotations: Vec::new(), relations: Vec::new() })
}

/// Read one stored document. A value that cannot be read is kept aside and reported, then
/// the backup is tried.
fn open_stored(id: &str, notices: &mut Vec<Notice>) -> Option<State> {
    let key = storage::doc_key(id);
    let raw = match storage::get(&key) {
        Ok(raw) => raw?,
        Err(e) => {
            notices.push(Notice::error("load", e));
            return None;
        }
    };
    crate::browser::mark("aa:stored-read");
    let parsed = native::parse(&raw);
    crate::browser::mark("aa:stored-parsed");
    match parsed {
        Ok(imp) if imp.failed.is_empty() => Some(imp.into_state()),
        Ok(imp) => {
            let kept = storage::keep_aside(&key, &raw).unwrap_or_default();
            let msg = format!(
                "{} saved annotation(s) could not be read ({}). The saved value was kept under \"{kept}\".",
                imp.failed.len(),
                imp.failed.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
            );
            notices.push(Notice::error("load", msg));
            Some(imp.into_state())
        }
        Err(why) => {
            let kept = storage::keep_aside(&key, &raw).unwrap_or_default();
            let backup = storage::get(&format!("{key}:backup")).ok().flatten().and_then(|b| native::parse(&b).ok());
            let then = if backup.is_some() { "The last good copy was opened instead." } else { "" };
            notices.push(Notice::error(
                "load",
                format!("The saved annotations could not be read: {why} They were kept under \"{kept}\". {then}"),
            ));
            backup.map(native::Imported::into_state)
        }
    }
}

/// The stored state of document `doc` if there is one, else `doc` with no annotations.
pub fn stored_or(doc: Document, labels: Vec<Label>) -> State {
    let mut ignored = Vec::new();
    open_stored(&doc.id, &mut ignored).unwrap_or_else(|| blank(doc, labels))
}

/// The state to start with, and anything the user must be told about it.
pub fn boot() -> (State, Vec<Notice>) {
    let mut notices = Vec::new();
    crate::browser::mark("aa:boot");
    let (lib, problem) = storage::load_library();
    crate::browser::mark("aa:index-read");
    notices.extend(problem.map(|p| Notice::error("load", p)));
    let sample = Document::from_text(SAMPLE, "china-belarus.txt");
    let id = lib.current.unwrap_or_else(|| sample.id.clone());
    let state = open_stored(&id, &mut notices)
        .or_else(|| (id != sample.id).then(|| open_stored(&sample.id, &mut notices)).flatten())
        .unwrap_or_else(|| blank(sample, default_labels()));
    crate::browser::mark("aa:state");
    (state, notices)
}

#[derive(Default)]
struct Saver {
    latest: Option<UseReducerHandle<State>>,
    dirty: bool,
    conflict: bool,
    timer: Option<Timeout>,
    backed_up: HashSet<String>,
    cache: native::JsonCache,
    /// What this tab last wrote, to tell its own writes from another tab's.
    written: Option<String>,
}

/// Copy the stored value of the open document to its backup key, once per session, before
/// the first save replaces it.
fn back_up(saver: &mut Saver) {
    let Some(id) = saver.latest.as_ref().map(|s| s.doc.id.clone()) else { return };
    if saver.backed_up.insert(id.clone()) {
        let key = storage::doc_key(&id);
        if let Ok(Some(prev)) = storage::get(&key) {
            let _ = storage::set(&format!("{key}:backup"), &prev);
        }
    }
}

fn save_now(cell: &Rc<RefCell<Saver>>, notify: &Callback<Notice>) {
    let mut saver = cell.borrow_mut();
    saver.timer = None;
    let Some(state) = saver.latest.clone().filter(|_| saver.dirty && !saver.conflict) else {
        return;
    };
    back_up(&mut saver);
    let key = storage::doc_key(&state.doc.id);
    let now = now_iso();
    let json = native::to_json_cached(&state, &now, &mut saver.cache);
    let result = storage::set(&key, &json);
    saver.written = Some(json);
    let result = result.and_then(|_| {
        storage::touch_library(storage::DocEntry {
            id: state.doc.id.clone(),
            title: state.doc.title.clone(),
            modified: now,
        })
    });
    match result {
        Ok(()) => {
            saver.dirty = false;
            notify.emit(Notice::error("save", ""));
        }
        Err(e) => notify.emit(Notice::error("save", e)),
    }
}

/// Keep the open document saved. `notify` receives problems (an empty text clears them).
/// Returns a callback that saves pending changes at once (before another document opens).
#[hook]
pub fn use_saver(state: UseReducerHandle<State>, notify: Callback<Notice>) -> Callback<()> {
    let cell = use_mut_ref(|| Saver { cache: native::JsonCache::compact(), ..Saver::default() });
    cell.borrow_mut().latest = Some(state.clone());
    {
        let (cell, notify) = (cell.clone(), notify.clone());
        use_effect_with((state.doc.id.clone(), state.revision), move |(_, revision)| {
            if *revision > 0 {
                let again = cell.clone();
                let mut saver = cell.borrow_mut();
                saver.dirty = true;
                saver.timer = Some(Timeout::new(300, move || save_now(&again, &notify)));
            }
        });
    }
    let flush_now = {
        let (cell, notify) = (cell.clone(), notify.clone());
        Callback::from(move |_| save_now(&cell, &notify))
    };
    use_effect_with((), move |_| {
        // Take the backup and prepare the saved form while the page is idle, not during the
        // first save.
        let idle = cell.clone();
        let backup = Timeout::new(1500, move || {
            let mut saver = idle.borrow_mut();
            back_up(&mut saver);
            if let Some(state) = saver.latest.clone() {
                native::warm(&state, &mut saver.cache);
            }
        });
        let window = gloo::utils::window();
        let flush =
            |cell: Rc<RefCell<Saver>>, notify: Callback<Notice>| move |_: &web_sys::Event| save_now(&cell, &notify);
        let hide = EventListener::new(&window, "pagehide", flush(cell.clone(), notify.clone()));
        let vis = EventListener::new(&gloo::utils::document(), "visibilitychange", flush(cell.clone(), notify.clone()));
        let other = EventListener::new(&window, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let mut saver = cell.borrow_mut();
            let ours = saver.latest.as_ref().map(|s| storage::doc_key(&s.doc.id));
            let echo = e.new_value().is_some_and(|v| saver.written.as_deref() == Some(v.as_str()));
            if e.key().is_some() && e.key() == ours && !echo {
                saver.conflict = true;
                notify.emit(Notice::error(
                    "conflict",
                    "This article was changed in another tab. To keep both versions, this tab has stopped saving: reload to see the other tab's work, or export this tab's work first.",
                ));
            }
        });
        move || drop((hide, vis, other, backup))
    });
    flush_now
}
