//! Saving the open document after every change: debounced, flushed when the page is hidden,
//! and merged with another tab's work on the same document (by annotation id) rather than
//! overwriting it or stopping.
use super::notices::Notice;
use super::persist;
use crate::browser::{now_iso, picture, storage};
use crate::formats::native;
use crate::model::library::DocEntry;
use crate::model::state::Snapshot;
use crate::model::{Action, State};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod tabs;
mod write;
use tabs::{absorb, on_storage};
use write::{in_page_form, write, Write};

#[derive(Default)]
struct Saver {
    latest: Option<UseReducerHandle<State>>,
    onsaved: Callback<()>,
    dirty: bool,
    timer: Option<Timeout>,
    backed_up: Vec<String>,
    cache: native::JsonCache,
    /// The document followed and the stored value this tab last read or wrote: a stored value
    /// other than that is another tab's, to merge before writing.
    doc: String,
    written: Option<String>,
    /// The stamp written beside the stored value with it (`None`: not known yet, so the next
    /// save reads the value itself): a save compares a few bytes, not the whole document.
    stamp: Option<Option<String>>,
    /// The fingerprint of that stored value (see `picture::print_of`).
    print: Option<String>,
    /// How many saves this tab made (for its stamps).
    saves: u64,
    /// The document as it stood after the last merge of another tab's copy: what this tab
    /// changed since (saved or not) is its own, and is reported when a later change wins.
    base: Option<Base>,
    /// Whether the page has been idle since the app started (the backup is taken then), and
    /// the document whose saved form was prepared then or since (see `warm_once`).
    idle: bool,
    warmed: Option<String>,
}

/// The document as it stood (see `Saver::base`): the state when it was opened, kept as it is
/// (it shares its parts, so keeping it copies nothing: a copy of every annotation of a book,
/// made on opening, took tens of milliseconds of the first task after the first frame), or
/// the copy merged from another tab's.
enum Base {
    Opened(State),
    Merged(Snapshot),
}

impl Base {
    fn snapshot(&self) -> std::borrow::Cow<'_, Snapshot> {
        match self {
            Base::Opened(state) => std::borrow::Cow::Owned(state.snapshot()),
            Base::Merged(snap) => std::borrow::Cow::Borrowed(snap),
        }
    }
}

/// Copy the stored value of the open document to its backup key, once per session, before
/// the first save replaces it.
fn back_up(saver: &mut Saver) {
    let Some(id) = saver.latest.as_ref().map(|s| s.doc.id.clone()) else { return };
    if !saver.backed_up.contains(&id) {
        saver.backed_up.push(id.clone());
        storage::back_up(&storage::doc_key(&id));
    }
}

/// Start following the open document if it is not the one followed: the stored value it was
/// read from (not what is stored now: another tab may have written since) is what this tab
/// has seen.
fn follow(saver: &mut Saver, state: &State) {
    // (A document being read is followed once it is whole.)
    if saver.doc != state.doc.id && !state.reading {
        saver.doc = state.doc.id.clone();
        (saver.written, saver.stamp) = persist::loaded(&state.doc.id);
        saver.print = persist::loaded_print(&state.doc.id);
        saver.base = Some(Base::Opened(state.clone()));
    }
}

/// Save the open document if it changed: merge another tab's stored copy first, then write
/// the saved form. `later`: copying the form into the page and writing it go in tasks of their
/// own, so that none of the three blocks the page for long; a flush (the page is being hidden)
/// writes at once.
fn save_now(cell: &Rc<RefCell<Saver>>, notify: &Callback<Notice>, later: bool) {
    let mut saver = cell.borrow_mut();
    saver.timer = None;
    let Some(handle) = saver.latest.clone().filter(|_| saver.dirty) else {
        return;
    };
    if handle.reading {
        // Nothing is saved of a document being read (nor merged into it): later.
        drop(saver);
        return schedule(cell, notify);
    }
    let mut state = (*handle).clone();
    follow(&mut saver, &state);
    back_up(&mut saver);
    let key = storage::doc_key(&state.doc.id);
    let stamp_key = format!("{key}:stamp");
    let seen = storage::get(&stamp_key).ok().flatten();
    // Another tab wrote since this one last read or wrote: merge its copy first.
    if saver.stamp.as_ref() != Some(&seen) {
        let stored = storage::get(&key).ok().flatten();
        if let Some(raw) = stored.filter(|raw| saver.written.as_deref() != Some(raw.as_str())) {
            if let (Some(next), _) = absorb(&mut saver, &state, &raw, notify) {
                handle.dispatch(Action::Sync(Box::new(next.snapshot())));
                state = next;
            }
        }
    }
    let now = now_iso();
    let json = native::to_json_cached(&state, &now, &mut saver.cache);
    let entry = DocEntry::of(&state, &now).sized(&state, &json);
    let mut w = Write { key, stamp_key, seen, json, entry, revision: state.revision };
    if !later {
        let page = w.page_form();
        return write(&mut saver, w, &page, notify);
    }
    drop(saver);
    let (cell, notify) = (cell.clone(), notify.clone());
    // The form copied out of wasm (compressed first, a few blocks a task, when large) in tasks
    // of its own, and written in the next.
    crate::browser::dom::soon(move || {
        in_page_form(w, None, move |w, page| {
            crate::browser::dom::soon(move || {
                if storage::get(&w.stamp_key).ok().flatten() != w.seen {
                    // Written meanwhile (another tab, or this one's flush): made again from
                    // what is stored now, if anything is left to save.
                    return schedule(&cell, &notify);
                }
                write(&mut cell.borrow_mut(), w, &page, &notify);
            })
        })
    });
}

/// After a flush (the page is being hidden), a picture of its screen for the next open (see
/// `picture`), when what is shown is what is stored: nothing left to save, and the stored
/// value the one this tab last read or wrote (its stamp known).
fn keep_picture(saver: &Saver) {
    let Some(state) = saver.latest.as_ref() else { return };
    let id = &state.doc.id;
    let (stamp, print) = if saver.doc == *id {
        (saver.stamp.clone(), saver.print.clone())
    } else {
        (persist::loaded(id).1, persist::loaded_print(id))
    };
    let known = stamp.filter(|_| !saver.dirty);
    picture::keep(id, known.clone().flatten(), known.and(print).as_deref());
}

fn schedule(cell: &Rc<RefCell<Saver>>, notify: &Callback<Notice>) {
    let (again, notify) = (cell.clone(), notify.clone());
    let mut saver = cell.borrow_mut();
    saver.dirty = true;
    saver.timer = Some(crate::browser::dom::timeout(300, move || save_now(&again, &notify, true)));
}

/// Annotations whose saved form one idle step makes (about 10 ms at book length).
const WARM_STEP: usize = 4000;

/// Prepare the saved form of the open document once the page has been idle since the app
/// started and the document is whole (a long one may be read for longer than that), once a
/// document: the first save after opening it is then as quick as the later ones.
fn warm_once(cell: &Rc<RefCell<Saver>>) {
    let mut saver = cell.borrow_mut();
    let Some(state) = saver.latest.as_ref().map(|s| (**s).clone()) else { return };
    if !saver.idle || state.reading || saver.warmed.as_deref() == Some(state.doc.id.as_str()) {
        return;
    }
    saver.warmed = Some(state.doc.id.clone());
    follow(&mut saver, &state);
    drop(saver);
    let (cell, doc) = (cell.clone(), state.doc.id.clone());
    crate::browser::dom::soon(move || warm(cell, doc, native::Warming::default()));
}

/// Prepare the saved form of the state to save, a step a task (see `native::warm_some`); begun
/// again on the new annotations when they change meanwhile (an edit's save follows 300 ms
/// later, and then has nothing left to make but the edit's).
fn warm(cell: Rc<RefCell<Saver>>, doc: String, mut w: native::Warming) {
    let mut saver = cell.borrow_mut();
    // (The handle gives the state as it is now, not as it was when the warming began.)
    let Some(state) = saver.latest.as_ref().map(|s| (**s).clone()) else { return };
    // (Another document opened meanwhile has a warming of its own: see `warm_once`.)
    if state.reading || state.doc.id != doc {
        return;
    }
    if w.stale(&state) {
        w = native::Warming::default();
    }
    if native::warm_some(&state, &mut saver.cache, &mut w, WARM_STEP) {
        crate::browser::mark("aa:warmed");
        return;
    }
    drop(saver);
    crate::browser::dom::soon(move || warm(cell, doc, w));
}

/// Keep the open document saved. `notify` receives problems (an empty text clears them).
/// Returns a callback that saves pending changes at once (before another document opens).
#[hook]
pub fn use_saver(state: UseReducerHandle<State>, notify: Callback<Notice>, onsaved: Callback<()>) -> Callback<()> {
    let cell = use_mut_ref(|| Saver { cache: native::JsonCache::compact(), ..Saver::default() });
    cell.borrow_mut().latest = Some(state.clone());
    cell.borrow_mut().onsaved = onsaved;
    {
        let (cell, notify) = (cell.clone(), notify.clone());
        // (Again once a document being read is whole: it is followed from then.)
        super::use_effect_on((state.doc.id.clone(), state.revision, state.reading), move |(_, revision, _)| {
            let latest = cell.borrow().latest.clone();
            if let Some(state) = latest {
                follow(&mut cell.borrow_mut(), &state);
            }
            warm_once(&cell);
            if *revision > 0 {
                schedule(&cell, &notify);
            }
        });
    }
    let flush_now = {
        let (cell, notify) = (cell.clone(), notify.clone());
        Callback::from(move |_| {
            save_now(&cell, &notify, false);
            if let Some(s) = cell.borrow().latest.as_ref() {
                persist::keep_session(s);
            }
            keep_picture(&cell.borrow());
        })
    };
    let flush = flush_now.clone();
    super::use_effect_on((), move |_| {
        // Take the backup and prepare the saved form while the page is idle, not during the
        // first save.
        let idle = cell.clone();
        let backup = crate::browser::dom::timeout(1500, move || {
            let mut saver = idle.borrow_mut();
            back_up(&mut saver);
            saver.idle = true;
            drop(saver);
            warm_once(&idle);
        });
        let window = gloo::utils::window();
        let hidden = move |_: &web_sys::Event| flush.emit(());
        let hide = EventListener::new(&window, "pagehide", hidden.clone());
        let vis = EventListener::new(&gloo::utils::document(), "visibilitychange", hidden);
        let other = EventListener::new(&window, "storage", move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                on_storage(&cell, e, &notify);
            }
        });
        move || drop((hide, vis, other, backup))
    });
    flush_now
}
