//! The application shell's view state (what is open, shown or being picked) and its handlers:
//! every callback the shell hands to its children, made once for the life of the app. Each
//! reads the data of the latest render through `Latest`, so no child re-renders because a
//! callback changed, and the shell carries one hook for all of them instead of one each.
use super::caret;
use super::claim_panel::{self, who, with_speaker};
use super::documents::Docs;
use super::import;
use super::keys::{self, KeyIntent};
use super::notices::{Notice, NoticeList};
use super::persist;
use crate::browser::files::{self, Brought};
use crate::browser::selection::Picked;
use crate::browser::{dom, now_iso, storage};
use crate::formats::text_in::Draft;
use crate::formats::{self, native};
use crate::model::said::Said;
use crate::model::state::Field;
use crate::model::{Action, Span, State};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// What the open dialog starts with: a draft, or why a file could not be opened.
pub type Opening = Option<Rc<Result<Draft, String>>>;

/// The shell's view state.
#[derive(Clone, Default)]
pub struct Ui {
    /// The selection the tag menu is open for.
    pub menu: Option<Picked>,
    /// "Snap to words".
    pub words: bool,
    pub library: bool,
    pub labels: bool,
    pub opening: Opening,
    /// Bumped when the stored library changed (a save, an export, a library action).
    pub saved: u32,
    /// The annotation flashed after a click in the sidebar.
    pub flash: Option<AttrValue>,
    /// The claim whose speaker the next click on a highlight picks.
    pub picking: Option<String>,
    /// The entity whose mentions are marked in the article.
    pub marked: Option<AttrValue>,
    /// The orphaned annotation the next selection in the article re-attaches.
    pub reattaching: Option<String>,
    /// The reviewer named in ClaimReview exports.
    pub reviewer: String,
    /// The toolbar's export menu is open.
    pub export: bool,
    /// Single-key shortcuts are on (the setting).
    pub keys: bool,
    /// Highlights' labels are read out (the setting).
    pub spoken: bool,
    /// The find box is shown.
    pub find: bool,
    /// The keyboard help is open.
    pub help: bool,
    /// What the page last said of a move (the status region; see `model::said`).
    pub said: Said,
}

pub enum UiMsg {
    Menu(Option<Picked>),
    Words(bool),
    Library(bool),
    ToggleLibrary,
    Labels(bool),
    Opening(Opening),
    Saved,
    Flash(Option<AttrValue>),
    Picking(Option<String>),
    Marked(Option<AttrValue>),
    Reviewer(String),
    Reattaching(Option<String>),
    Export(bool),
    Keys(bool),
    Spoken(bool),
    Find(bool),
    Help(bool),
    Say(String),
}

impl Reducible for Ui {
    type Action = UiMsg;
    fn reduce(self: Rc<Self>, msg: UiMsg) -> Rc<Self> {
        let mut ui = (*self).clone();
        match msg {
            UiMsg::Menu(m) => ui.menu = m,
            UiMsg::Words(on) => ui.words = on,
            UiMsg::Library(on) => ui.library = on,
            UiMsg::ToggleLibrary => ui.library = !ui.library,
            UiMsg::Labels(on) => ui.labels = on,
            UiMsg::Opening(o) => ui.opening = o,
            UiMsg::Saved => ui.saved = ui.saved.wrapping_add(1),
            UiMsg::Flash(f) => ui.flash = f,
            UiMsg::Picking(p) => ui.picking = p,
            UiMsg::Marked(m) => ui.marked = m,
            UiMsg::Reviewer(r) => ui.reviewer = r,
            UiMsg::Reattaching(r) => ui.reattaching = r,
            UiMsg::Export(open) => ui.export = open,
            UiMsg::Keys(on) => ui.keys = on,
            UiMsg::Spoken(on) => ui.spoken = on,
            UiMsg::Find(on) => ui.find = on,
            UiMsg::Help(on) => ui.help = on,
            UiMsg::Say(words) => ui.said = Said::new(&words),
        }
        Rc::new(ui)
    }
}

impl Ui {
    pub fn new() -> Self {
        let s = persist::settings();
        Ui { words: s.words, reviewer: s.reviewer, keys: s.keys, spoken: s.spoken, ..Ui::default() }
    }
}

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
            with(l, move |x, i: KeyIntent| on_intent(x, &tag, i))
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
            with(l, move |x, _: ()| {
                if !whole(x) {
                    return;
                }
                let name = format!("{}.annotations.json", formats::slug(&x.docs.state.doc.title));
                let now = now_iso();
                let json = native::to_json_cached(&x.docs.state, &now, &mut kept.borrow_mut().cache);
                if dom::download(&name, "application/json", &json).is_err() {
                    return x.docs.notify.emit(refused("export"));
                }
                x.docs.flush.emit(());
                let _ = storage::update_library(|lib| lib.mark_exported(Some(&x.docs.state.doc.id), &now));
                x.ui.dispatch(UiMsg::Saved);
            })
        };
        let claimreview = with(l, |x, _: ()| {
            if !whole(x) {
                return;
            }
            let out = formats::claimreview::export(&x.docs.state, &x.ui.reviewer);
            x.docs.notify.emit(claimreview_notice(&x.docs.state, &out, &x.ui.reviewer));
        });
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
            if !whole(x) {
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
            export_as: with(l, |x, format: String| export_as(x, &format)),
            hit: with(l, on_hit),
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
            open: ui(l, |_: ()| blank()),
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

/// Whether the open document is whole: while it is being read (see `State::reading`), what
/// takes all of it (an export, an import into it) is refused, and the user told why.
fn whole(x: &Latest) -> bool {
    if x.docs.state.reading {
        x.docs
            .notify
            .emit(Notice::error("reading", "The saved annotations are still being read: try again in a moment."));
    }
    !x.docs.state.reading
}

/// Download the open document in another tool's format, and say what the format left out.
fn export_as(x: &Latest, format: &str) {
    if !whole(x) {
        return;
    }
    let now = now_iso();
    let Some(out) = crate::formats::export(&x.docs.state, format, &now, &crate::browser::interchange::Words) else {
        return;
    };
    if dom::download_bytes(&out.name, out.mime, &out.bytes).is_err() {
        return x.docs.notify.emit(refused("export"));
    }
    let mut said = format!("Exported {}.", out.name);
    if !out.left_out.is_empty() {
        said += &format!(" Not in this format: {}.", out.left_out.join("; "));
    }
    x.docs.notify.emit(Notice::info("export", said));
}

/// A key's intent.
fn on_intent(x: &Latest, tag: &Callback<String>, i: KeyIntent) {
    let (state, ui) = (&x.docs.state, &x.ui);
    match &i {
        KeyIntent::Tag(label) => tag.emit(label.clone()),
        KeyIntent::Escape if ui.picking.is_some() => ui.dispatch(UiMsg::Picking(None)),
        KeyIntent::Escape if ui.reattaching.is_some() => ui.dispatch(UiMsg::Reattaching(None)),
        KeyIntent::AcceptSpeaker(id) => {
            let Some(claim) = state.get(id) else { return };
            let s = claim_panel::suggestion(state.annotations(), &state.labels, (&state.doc, &state.index), claim);
            let action = s.and_then(|s| claim_panel::accept(claim, &s, &state.labels));
            action.into_iter().for_each(|a| state.dispatch(a));
        }
        KeyIntent::Escape if ui.menu.is_some() => {
            ui.dispatch(UiMsg::Menu(None));
            if keys::place() == keys::Place::Menu {
                caret::back();
            }
        }
        KeyIntent::Escape if keys::place() != keys::Place::Article => caret::back(),
        KeyIntent::Escape => state.dispatch(Action::Select(None)),
        KeyIntent::Open => ui.dispatch(blank()),
        KeyIntent::Label(label) => caret::label_key(x, label.clone()),
        KeyIntent::Enter => caret::enter(x),
        KeyIntent::Next(forward) => caret::next(x, *forward),
        KeyIntent::Resize { end, later } => caret::resize(x, *end, *later),
        KeyIntent::Caret { extend, forward, unit } => crate::browser::page::modify(*extend, *forward, unit),
        KeyIntent::Find => {
            ui.dispatch(UiMsg::Find(true));
            super::keyboard::focus_find();
        }
        KeyIntent::Help => ui.dispatch(UiMsg::Help(true)),
        KeyIntent::Entry(id) => caret::to_entry(id),
        KeyIntent::Delete(id) => caret::delete(x, id.clone()),
        _ => keys::action(&i, now_iso()).into_iter().for_each(|a| state.dispatch(a)),
    }
}

/// A click on the article at code point `cp` (or off the text).
pub fn on_hit(x: &Latest, cp: Option<usize>) {
    let state = &x.docs.state;
    let under = cp.map(|cp| state.annotations_at(cp)).unwrap_or_default();
    if let Some(claim) = x.ui.picking.as_ref().and_then(|id| state.get(id)) {
        // Picking a speaker: the innermost person or organisation under the click.
        if let Some(m) = under.iter().find(|a| who(&state.labels, &a.label).is_some()) {
            state.dispatch(with_speaker(claim, Some(m.id.clone()), m.quote.clone()));
            x.ui.dispatch(UiMsg::Picking(None));
        }
        return;
    }
    let at = state.selected.as_ref().and_then(|id| under.iter().position(|a| &a.id == id));
    let next = under.get(at.map_or(0, |i| (i + 1) % under.len())).map(|a| a.id.clone());
    state.dispatch(Action::Select(next));
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

/// The open dialog with nothing in it yet.
fn blank() -> UiMsg {
    UiMsg::Opening(Some(Rc::new(Ok(Draft::default()))))
}

fn refused(topic: &'static str) -> Notice {
    Notice::error(topic, "The browser refused the download. Try again, or allow downloads for this page.")
}

/// Download the ClaimReview file (when a claim has a verdict) and say what it holds.
fn claimreview_notice(state: &State, out: &formats::claimreview::Exported, reviewer: &str) -> Notice {
    let skipped = match out.skipped {
        0 => String::new(),
        1 => " 1 claim without a verdict was skipped.".to_string(),
        n => format!(" {n} claims without a verdict were skipped."),
    };
    if out.reviews == 0 {
        return Notice::info("claimreview", format!("No claim has a verdict yet: nothing to export.{skipped}"));
    }
    let name = format!("{}.claimreview.json", formats::slug(&state.doc.title));
    if dom::download(&name, "application/ld+json", &out.json).is_err() {
        return refused("claimreview");
    }
    let plural = if out.reviews == 1 { "" } else { "s" };
    let who = if reviewer.is_empty() { " No reviewer is named: set one under Labels." } else { "" };
    Notice::info("claimreview", format!("Exported {} ClaimReview{plural} to {name}.{skipped}{who}", out.reviews))
}

/// The notices' reducer, for the handlers' messages.
pub fn notifier(notices: &UseReducerHandle<NoticeList>) -> Callback<Notice> {
    let d = notices.dispatcher();
    Callback::from(move |n| d.dispatch(n))
}
