//! The application shell's handlers: every callback the shell hands to its children, made once
//! for the life of the app (its view state is `ui::Ui`). Each
//! reads the data of the latest render through `Latest`, so no child re-renders because a
//! callback changed, and the shell carries one hook for all of them instead of one each.
use super::caret;
use super::claim_panel;
use super::documents::Docs;
use super::exports;
use super::import;
use super::keys::{self, KeyIntent};
use super::notices::{Notice, NoticeList};
use super::persist;
use super::ui::{Ui, UiMsg};
use crate::browser::files::{self, Brought};
use crate::browser::selection::Picked;
use crate::browser::{dom, now_iso};
use crate::formats::text_in::Draft;
use crate::formats::{self, native};
use crate::model::state::Field;
use crate::model::{Action, Span};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The data of the latest render, for the handlers: the view state, and the document state
/// with its messages and saving (`docs`, as the library's actions take them).
#[derive(Clone)]
pub struct Latest {
    pub ui: UseReducerHandle<Ui>,
    pub docs: Docs,
}

/// What the handlers keep between events.
#[derive(Default)]
struct Kept {
    flash_timer: Option<Timeout>,
    /// Reads started: only the latest one's file is shown (an earlier, slower read is dropped).
    reads: u32,
    cache: native::JsonCache,
}

/// Every callback the shell hands out.
pub struct Handlers {
    /// The selection the menu is open for, as of the latest render: taken by the first tag, so
    /// a second key or click before the menu closes tags nothing.
    pub pending: Rc<Cell<Option<Picked>>>,
    pub tag: Callback<String>,
    pub menu_close: Callback<()>,
    pub intent: Callback<KeyIntent>,
    pub pick: Callback<Picked>,
    pub hit: Callback<Option<usize>>,
    pub select: Callback<String>,
    pub retag: Callback<(String, String)>,
    pub delete: Callback<String>,
    pub dispatch: Callback<Action>,
    pub picking: Callback<bool>,
    pub mark: Callback<Option<AttrValue>>,
    pub cue: Callback<()>,
    pub undo: Callback<()>,
    pub redo: Callback<()>,
    pub words: Callback<bool>,
    pub export: Callback<()>,
    /// Export in another format ("w3c", "brat", "doccano", "label-studio", "conll", "report").
    pub export_as: Callback<String>,
    pub claimreview: Callback<()>,
    /// Re-attach an orphaned annotation to the next selection (None: stop).
    pub reattach: Callback<Option<String>>,
    pub reviewer: Callback<String>,
    pub file: Callback<Vec<web_sys::File>>,
    pub paste: Callback<String>,
    pub dismiss: Callback<&'static str>,
    pub notice_action: Callback<&'static str>,
    /// The stored library changed: its summaries are read again.
    pub saved: Callback<()>,
    pub lib_open: Callback<String>,
    pub lib_delete: Callback<String>,
    pub rename: Callback<(String, String)>,
    pub backup: Callback<()>,
    pub draft: Callback<Draft>,
    pub stored: Callback<String>,
    pub open: Callback<()>,
    pub library: Callback<()>,
    pub library_close: Callback<()>,
    pub labels: Callback<()>,
    pub labels_close: Callback<()>,
    pub dialog_close: Callback<()>,
    pub export_menu: Callback<bool>,
    pub keys: Callback<bool>,
    pub spoken: Callback<bool>,
    pub find: Callback<String>,
    pub find_close: Callback<()>,
    pub help_close: Callback<()>,
    pub help: Callback<()>,
    pub settled: Callback<()>,
}

type L = Rc<RefCell<Option<Latest>>>;

/// What a handler does with the latest render's data and the value handed in.
type Does<T> = Rc<dyn Fn(&Latest, T)>;

/// A callback doing `f` with the latest render's data (taken out of the cell first: what `f`
/// dispatches may render again, which writes the cell).
fn with<T: 'static>(l: &L, f: impl Fn(&Latest, T) + 'static) -> Callback<T> {
    on(l, Rc::new(f))
}

/// `with`, its action behind a pointer: one callback type for each type of value handed in,
/// not one for each handler.
fn on<T: 'static>(l: &L, f: Does<T>) -> Callback<T> {
    let l = l.clone();
    Callback::from(move |v: T| {
        let latest = l.borrow().clone();
        if let Some(latest) = latest {
            f(&latest, v)
        }
    })
}

/// A callback doing `f` to the stored documents, after which the toolbar's summary of the open
/// one is read again.
fn library_action<T: 'static>(l: &L, f: fn(&Docs, T)) -> Callback<T> {
    with(l, move |x, v| {
        f(&x.docs, v);
        x.ui.dispatch(UiMsg::Saved);
    })
}

/// A callback sending the shell's view state `msg` (made from the value handed in).
fn ui<T: 'static>(l: &L, msg: fn(T) -> UiMsg) -> Callback<T> {
    with(l, move |x, v| x.ui.dispatch(msg(v)))
}

/// A callback doing the edit `action` makes of the value handed in.
fn edit<T: 'static>(l: &L, action: fn(T) -> Action) -> Callback<T> {
    with(l, move |x, v| x.docs.state.dispatch(action(v)))
}

impl Handlers {
    /// The handlers, reading the data each render puts into `latest`.
    pub fn new(latest: L) -> Self {
        let l = &latest;
        let kept = Rc::new(RefCell::new(Kept::default()));
        let pending = Rc::new(Cell::new(None::<Picked>));
        let taken = pending.clone();
        let tag = with(l, move |x, label: String| {
            if let Some(p) = taken.take() {
                caret::add(x, p.start, p.end, label);
                x.ui.dispatch(UiMsg::Menu(None));
            }
        });
        let intent = {
            let tag = tag.clone();
            with(l, move |x, i: KeyIntent| keys::on_intent(x, &tag, i))
        };
        let select = {
            let kept = kept.clone();
            with(l, move |x, id: String| {
                x.docs.state.dispatch(Action::Select(Some(id.clone())));
                caret::go_to(x, &id);
                // Flash (and scroll to) it in a task of its own, so this click's task stays short.
                let (ui, k) = (x.ui.clone(), kept.clone());
                kept.borrow_mut().flash_timer = Some(dom::timeout(0, move || {
                    ui.dispatch(UiMsg::Flash(Some(id.into())));
                    k.borrow_mut().flash_timer = Some(dom::timeout(1200, move || ui.dispatch(UiMsg::Flash(None))));
                }));
            })
        };
        let export = {
            let kept = kept.clone();
            with(l, move |x, _: ()| exports::native(x, &mut kept.borrow_mut().cache))
        };
        let claimreview = with(l, |x, _: ()| exports::claimreview(x));
        // A file of the app's own JSON: one article's annotations, or a whole library's backup.
        let json = with(l, |x, (name, text): (String, String)| {
            x.ui.dispatch(UiMsg::Opening(None));
            if text.contains(&["\"", formats::library::FORMAT, "\""].concat()) {
                x.docs.restore(&name, &text);
            } else {
                let (action, notice) = import::import(&x.docs.state, &name, &text, || x.docs.flush.emit(()));
                action.into_iter().for_each(|a| x.docs.state.dispatch(a));
                x.docs.notify.emit(notice);
            }
            x.ui.dispatch(UiMsg::Saved);
        });
        // A file chosen in the toolbar, the dialog or the library, or dropped on the page.
        let file = with(l, move |x, files: Vec<web_sys::File>| {
            if !exports::whole(x) {
                return;
            }
            let (ui, json, docs) = (x.ui.clone(), json.clone(), x.docs.clone());
            let name = files.first().map(|f| f.name()).unwrap_or_default();
            let this = {
                let mut k = kept.borrow_mut();
                k.reads += 1;
                k.reads
            };
            let kept = kept.clone();
            files::read(files, move |got| match got {
                _ if kept.borrow().reads != this => {}
                Ok(Brought::Article(d)) => ui.dispatch(UiMsg::Opening(Some(Rc::new(Ok(d))))),
                Ok(Brought::Json(text)) => json.emit((name, text)),
                Ok(Brought::Foreign(name, found)) => {
                    ui.dispatch(UiMsg::Opening(None));
                    docs.import_foreign(&name, found);
                    ui.dispatch(UiMsg::Saved);
                }
                Err(why) => ui.dispatch(UiMsg::Opening(Some(Rc::new(Err(why))))),
            });
        });
        let lib_open = with(l, |x, id: String| {
            x.docs.open(&id);
            x.ui.dispatch(UiMsg::Saved);
            x.ui.dispatch(UiMsg::Library(false));
        });
        let stored = {
            let lib_open = lib_open.clone();
            with(l, move |x, id: String| {
                x.ui.dispatch(UiMsg::Opening(None));
                lib_open.emit(id);
            })
        };
        Handlers {
            pending,
            tag,
            menu_close: ui(l, |_: ()| UiMsg::Menu(None)),
            intent,
            pick: with(l, |x, p: Picked| match x.ui.reattaching.clone() {
                Some(id) => {
                    x.docs.state.dispatch(Action::Reattach { id, start: p.start, end: p.end, now: now_iso() });
                    dom::clear_selection();
                    x.ui.dispatch(UiMsg::Reattaching(None));
                }
                None => x.ui.dispatch(UiMsg::Menu(Some(p))),
            }),
            reattach: ui(l, UiMsg::Reattaching),
            export_as: with(l, |x, format: String| exports::other(x, &format)),
            hit: with(l, caret::on_hit),
            select,
            retag: edit(l, |(id, label): (String, String)| Action::Retag { id, label, now: now_iso() }),
            delete: with(l, caret::delete),
            dispatch: edit(l, |a: Action| a),
            picking: with(l, |x, on: bool| x.ui.dispatch(UiMsg::Picking(x.docs.state.selected.clone().filter(|_| on)))),
            mark: ui(l, UiMsg::Marked),
            cue: with(l, on_cue),
            undo: edit(l, |_: ()| Action::Undo { now: now_iso() }),
            redo: edit(l, |_: ()| Action::Redo { now: now_iso() }),
            words: ui(l, |on: bool| {
                persist::keep_settings(&|s| s.words = on);
                UiMsg::Words(on)
            }),
            export,
            claimreview,
            reviewer: ui(l, |name: String| {
                persist::keep_settings(&|s| s.reviewer = name.trim().to_string());
                UiMsg::Reviewer(name.trim().to_string())
            }),
            file,
            paste: ui(l, |text: String| UiMsg::Opening(Some(Rc::new(Ok(Draft::plain(&text, "pasted")))))),
            dismiss: with(l, |x, topic| x.docs.notify.emit(Notice::info(topic, ""))),
            // A message's button: "Undo" of a deletion is the only one.
            notice_action: library_action(l, |d, topic: &'static str| {
                if topic == "deleted" {
                    d.undelete();
                }
            }),
            saved: ui(l, |_: ()| UiMsg::Saved),
            lib_open,
            lib_delete: library_action(l, |d, id: String| d.delete(&id)),
            rename: library_action(l, |d, (id, title): (String, String)| d.rename(&id, &title)),
            backup: library_action(l, |d, _: ()| d.backup()),
            draft: with(l, |x, d: Draft| {
                x.docs.open_draft(d);
                x.ui.dispatch(UiMsg::Opening(None));
                x.ui.dispatch(UiMsg::Library(false));
            }),
            stored,
            open: ui(l, |_: ()| UiMsg::blank()),
            library: ui(l, |_: ()| UiMsg::ToggleLibrary),
            library_close: ui(l, |_: ()| UiMsg::Library(false)),
            labels: ui(l, |_: ()| UiMsg::Labels(true)),
            labels_close: ui(l, |_: ()| UiMsg::Labels(false)),
            dialog_close: ui(l, |_: ()| UiMsg::Opening(None)),
            export_menu: ui(l, UiMsg::Export),
            keys: ui(l, |on: bool| {
                persist::keep_settings(&|s| s.keys = on);
                UiMsg::Keys(on)
            }),
            spoken: ui(l, |on: bool| {
                persist::keep_settings(&|s| s.spoken = on);
                UiMsg::Spoken(on)
            }),
            find: with(l, caret::find),
            find_close: with(l, |x, _: ()| {
                x.ui.dispatch(UiMsg::Find(false));
                caret::back();
            }),
            help_close: ui(l, |_: ()| UiMsg::Help(false)),
            help: ui(l, |_: ()| UiMsg::Help(true)),
            settled: with(l, |x, _: ()| caret::settled(x)),
        }
    }
}

/// "Cue of the claim" in the menu: the selection becomes the selected claim's cue.
fn on_cue(x: &Latest, _: ()) {
    let (Some(p), Some(claim)) = (x.ui.menu, x.docs.state.selected.as_ref().and_then(|id| x.docs.state.get(id))) else {
        return;
    };
    if claim.claim.is_some() {
        let span = Span { start: p.start, end: p.end };
        x.docs.state.dispatch(claim_panel::set(&claim.id, Field::Cue(Some(span))));
    }
    dom::clear_selection();
    x.ui.dispatch(UiMsg::Menu(None));
}

/// The notices' reducer, for the handlers' messages.
pub fn notifier(notices: &UseReducerHandle<NoticeList>) -> Callback<Notice> {
    let d = notices.dispatcher();
    Callback::from(move |n| d.dispatch(n))
}
