//! The application shell: owns the document state, wires the article, menu, sidebar,
//! toolbar and messages together, and handles import and export.
use super::article::ArticleView;
use super::import;
use super::keys::{self, KeyIntent};
use super::notices::{Notice, NoticeList, Notices};
use super::persist::{self, use_saver};
use super::sidebar::Sidebar;
use super::tag_menu::TagMenu;
use super::toolbar::Toolbar;
use super::{use_later, use_latest};
use crate::browser::selection::Picked;
use crate::browser::{dom, mark, now_iso};
use crate::formats::{self, native};
use crate::model::{Action, Annotation};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// What the sidebar shows.
#[derive(Clone, PartialEq)]
struct SideView {
    labels: Rc<Vec<crate::model::Label>>,
    annotations: Rc<Vec<Rc<Annotation>>>,
    counts: Rc<Vec<usize>>,
    selected: Option<Rc<Annotation>>,
}

#[function_component(App)]
pub fn app() -> Html {
    let booted = use_memo((), |_| persist::boot());
    let state = use_reducer(|| booted.0.clone());
    let notices = use_reducer(|| NoticeList(booted.1.clone()));
    let menu = use_state(|| None::<Picked>);
    let words = use_state(|| true);
    let flash = use_state(|| None::<AttrValue>);
    let flash_timer = use_mut_ref(|| None::<Timeout>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let notify = use_callback(notices.dispatcher(), |n: Notice, notices| notices.dispatch(n));
    let cache = use_mut_ref(native::JsonCache::default);
    let flush = use_saver(state.clone(), notify.clone());
    use_effect_with((), |_| {
        mark("aa:mounted");
        dom::after_paint(|| mark("aa:painted"))
    });

    // The menu's callbacks stay the same from render to render (so the always-mounted menu
    // re-renders only when it opens, moves or closes); `tag` reads the pending selection here.
    let pending = use_latest(*menu);
    let tag = use_callback((state.dispatcher(), menu.setter()), move |label: String, (dispatch, menu)| {
        let picked = pending.borrow_mut().take();
        if let Some(p) = picked {
            dispatch.dispatch(Action::Add { start: p.start, end: p.end, label, now: now_iso() });
            dom::clear_selection();
            menu.set(None);
        }
    });
    let onclose = use_callback(menu.setter(), |_: (), menu| menu.set(None));
    let onintent = {
        let (state, menu, tag) = (state.clone(), menu.clone(), tag.clone());
        Callback::from(move |i: KeyIntent| match &i {
            KeyIntent::Tag(label) => tag.emit(label.clone()),
            KeyIntent::Escape if menu.is_some() => {
                menu.set(None);
                dom::clear_selection();
            }
            KeyIntent::Escape => state.dispatch(Action::Select(None)),
            _ => keys::action(&i, now_iso()).into_iter().for_each(|a| state.dispatch(a)),
        })
    };
    keys::use_shortcuts(state.clone(), menu.is_some(), onintent);

    let onpick = use_callback(menu.setter(), |p: Picked, menu| menu.set(Some(p)));
    let onhit = use_callback(state.clone(), |cp: Option<usize>, state| {
        let under = cp.map(|cp| state.annotations_at(cp)).unwrap_or_default();
        let at = state.selected.as_ref().and_then(|id| under.iter().position(|a| &a.id == id));
        let next = under.get(at.map_or(0, |i| (i + 1) % under.len())).map(|a| a.id.clone());
        state.dispatch(Action::Select(next));
    });
    let onselect = use_callback((state.dispatcher(), flash.setter()), move |id: String, (dispatch, flash)| {
        dispatch.dispatch(Action::Select(Some(id.clone())));
        // Flash (and scroll to) it in a task of its own, so this click's task stays short.
        let (flash, timer) = (flash.clone(), flash_timer.clone());
        *flash_timer.borrow_mut() = Some(Timeout::new(0, move || {
            flash.set(Some(id.into()));
            let flash = flash.clone();
            *timer.borrow_mut() = Some(Timeout::new(1200, move || flash.set(None)));
        }));
    });
    let onretag = use_callback(state.dispatcher(), |(id, label): (String, String), dispatch| {
        dispatch.dispatch(Action::Retag { id, label, now: now_iso() });
    });
    let ondelete = use_callback(state.dispatcher(), |id: String, dispatch| dispatch.dispatch(Action::Delete { id }));
    let onundo = use_callback(state.dispatcher(), |_: (), dispatch| dispatch.dispatch(Action::Undo));
    let onredo = use_callback(state.dispatcher(), |_: (), dispatch| dispatch.dispatch(Action::Redo));
    let onwords = use_callback(words.setter(), |v: bool, words| words.set(v));
    // Export and import read the state of the latest render: made once, the toolbar that
    // holds them re-renders only when what it shows changes.
    let latest = use_latest((state.clone(), flush));
    let onexport = use_callback(notify.clone(), {
        let (latest, cache) = (latest.clone(), cache.clone());
        move |_: (), notify| {
            let state = latest.borrow().0.clone();
            let name = format!("{}.annotations.json", formats::slug(&state.doc.title));
            let json = native::to_json_cached(&state, &now_iso(), &mut cache.borrow_mut());
            if dom::download(&name, "application/json", &json).is_err() {
                notify.emit(Notice::error(
                    "export",
                    "The browser refused the download. Try again, or allow downloads for this page.",
                ));
            }
        }
    });
    let onimport = use_callback(notify.clone(), move |file: web_sys::File, notify| {
        let (latest, notify) = (latest.clone(), notify.clone());
        let file = gloo::file::File::from(file);
        let name = file.name();
        *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
            let Ok(text) = text else {
                let why = format!("{name}: the file could not be read. Nothing was changed.");
                return notify.emit(Notice::error("import", why));
            };
            let (state, flush) = latest.borrow().clone();
            let (action, notice) = import::import(&state, &name, &text, || flush.emit(()));
            action.into_iter().for_each(|a| state.dispatch(a));
            notify.emit(notice);
        }));
    });
    let ondismiss =
        use_callback(notices.dispatcher(), |topic: &'static str, notices| notices.dispatch(Notice::info(topic, "")));
    // The sidebar follows the article: a new highlight or selection is drawn there first, the
    // counts and the selected annotation's panel a frame later, the lists a frame after that,
    // each in a short task of its own.
    let side = use_later(SideView {
        labels: state.labels.clone(),
        annotations: state.annotations().clone(),
        counts: state.counts().clone(),
        selected: state.selected.as_ref().and_then(|id| state.get(id)).cloned(),
    });
    let lists = use_later(side.clone());
    let quote = menu.map(|p| state.index.slice(&state.doc.text, p.start, p.end).to_string()).unwrap_or_default();
    html! {
        <div class="app">
            <div class="chrome">
            <Toolbar title={state.doc.title.clone()} can_undo={state.can_undo()} can_redo={state.can_redo()} words={*words}
                {onundo} {onredo} {onwords} {onexport} {onimport} />
            <Notices notices={notices.0.clone()} {ondismiss} />
            </div>
            <main class="workspace">
                <ArticleView state={state.clone()} flash={(*flash).clone()} words={*words} {onpick} {onhit} />
                <Sidebar labels={side.labels.clone()} counts={side.counts.clone()} selected={side.selected.clone()}
                    annotations={lists.annotations.clone()} current={lists.selected.clone()} {onselect} {onretag} {ondelete} />
            </main>
            <TagMenu labels={state.labels.clone()} at={menu.map(|p| (p.x, p.y))} {quote} onpick={tag} {onclose} />
        </div>
    }
}
