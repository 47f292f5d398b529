//! The application shell: owns the document state, wires the article, menu, sidebar,
//! toolbar and messages together, and handles import and export.
use super::article::ArticleView;
use super::keys::{self, KeyIntent};
use super::notices::{Notice, NoticeList, Notices};
use super::persist::{self, use_saver};
use super::sidebar::Sidebar;
use super::tag_menu::TagMenu;
use super::toolbar::Toolbar;
use crate::browser::selection::Picked;
use crate::browser::{dom, mark, now_iso};
use crate::formats::{self, native};
use crate::model::Action;
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// What an import did, in one sentence.
fn import_summary(name: &str, added: usize, imp: &native::Imported, dups: usize) -> String {
    let mut s = format!("{name}: {added} annotation(s) imported");
    if !imp.failed.is_empty() {
        s += &format!(
            ", {} failed ({})",
            imp.failed.len(),
            imp.failed.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        );
    }
    if dups > 0 {
        s += &format!(", {dups} duplicate(s) skipped");
    }
    if imp.reanchored > 0 {
        s += &format!(", {} moved to where their quote stands", imp.reanchored);
    }
    s + "."
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
    let notify = {
        let notices = notices.dispatcher();
        Callback::from(move |n: Notice| notices.dispatch(n))
    };
    let flush = use_saver(state.clone(), notify.clone());
    use_effect_with((), |_| dom::after_paint(|| mark("aa:painted")));

    let tag = {
        let (state, menu) = (state.clone(), menu.clone());
        Callback::from(move |label: String| {
            if let Some(p) = *menu {
                state.dispatch(Action::Add { start: p.start, end: p.end, label, now: now_iso() });
                dom::clear_selection();
                menu.set(None);
            }
        })
    };
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

    let onpick = {
        let menu = menu.clone();
        Callback::from(move |p: Picked| menu.set(Some(p)))
    };
    let onhit = {
        let state = state.clone();
        Callback::from(move |cp: Option<usize>| {
            let under = cp.map(|cp| state.annotations_at(cp)).unwrap_or_default();
            let at = state.selected.as_ref().and_then(|id| under.iter().position(|a| &a.id == id));
            let next = under.get(at.map_or(0, |i| (i + 1) % under.len())).map(|a| a.id.clone());
            state.dispatch(Action::Select(next));
        })
    };
    let onselect = {
        let (state, flash, timer) = (state.clone(), flash.clone(), flash_timer.clone());
        Callback::from(move |id: String| {
            state.dispatch(Action::Select(Some(id.clone())));
            if let Some(a) = state.get(&id) {
                let block = crate::model::layout::blocks_touching(&state.blocks, a.start, a.end).start;
                dom::scroll_to(&format!("[data-p=\"{block}\"]"));
            }
            flash.set(Some(id.into()));
            let flash = flash.clone();
            *timer.borrow_mut() = Some(Timeout::new(1200, move || flash.set(None)));
        })
    };
    let dispatch_with = |f: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |s: String| state.dispatch(f(s)))
    };
    let onretag = {
        let state = state.clone();
        Callback::from(move |label: String| {
            if let Some(id) = state.selected.clone() {
                state.dispatch(Action::Retag { id, label, now: now_iso() });
            }
        })
    };
    let onexport = {
        let (state, notify) = (state.clone(), notify.clone());
        Callback::from(move |_| {
            let name = format!("{}.annotations.json", formats::slug(&state.doc.title));
            if dom::download(&name, "application/json", &native::to_json(&state, &now_iso())).is_err() {
                notify.emit(Notice::error(
                    "export",
                    "The browser refused the download. Try again, or allow downloads for this page.",
                ));
            }
        })
    };
    let onimport = {
        let (state, notify, reader, flush) = (state.clone(), notify.clone(), reader.clone(), flush.clone());
        Callback::from(move |file: web_sys::File| {
            let (state, notify, flush) = (state.clone(), notify.clone(), flush.clone());
            let file = gloo::file::File::from(file);
            let name = file.name();
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                let text = match text {
                    Ok(t) => t,
                    Err(e) => {
                        return notify.emit(Notice::error(
                            "import",
                            format!("{name}: the file could not be read ({e}). Nothing was changed."),
                        ))
                    }
                };
                match native::parse(&text) {
                    Err(why) => notify
                        .emit(Notice::error("import", format!("{name} was not imported: {why} Nothing was changed."))),
                    Ok(imp) => {
                        notify.emit(Notice::error("import", ""));
                        notify.emit(Notice::info("import-done", ""));
                        let same = imp.snapshot.doc.id == state.doc.id || imp.snapshot.doc.sha256 == state.doc.sha256;
                        let (summary, action) = if same {
                            let (fresh, dups) = native::merge_new(&state, imp.snapshot.annotations.clone());
                            let s = import_summary(&name, fresh.len(), &imp, dups);
                            (s, Action::Merge { annotations: fresh, relations: imp.snapshot.relations.clone() })
                        } else {
                            flush.emit(());
                            let target = persist::stored_or(imp.snapshot.doc.clone(), imp.snapshot.labels.clone());
                            let (fresh, dups) = native::merge_new(&target, imp.snapshot.annotations.clone());
                            let mut snap = target.snapshot();
                            snap.annotations.extend(fresh.iter().cloned());
                            snap.relations.extend(imp.snapshot.relations.iter().cloned());
                            (import_summary(&name, fresh.len(), &imp, dups), Action::Open(Box::new(snap)))
                        };
                        state.dispatch(action);
                        let failed = !imp.failed.is_empty();
                        notify.emit(if failed {
                            Notice::error("import", summary)
                        } else {
                            Notice::info("import-done", summary)
                        });
                    }
                }
            }));
        })
    };
    let ondismiss = {
        let notices = notices.dispatcher();
        Callback::from(move |topic: &'static str| notices.dispatch(Notice::info(topic, "")))
    };
    let selected = state.selected.as_ref().and_then(|id| state.get(id)).cloned();
    let annotations = use_memo(state.revision_key(), {
        let state = state.clone();
        move |_| Rc::new(state.annotations().to_vec())
    });
    let menu_view = menu.map(|p| {
        let quote = state.index.slice(&state.doc.text, p.start, p.end).to_string();
        let onclose = {
            let menu = menu.clone();
            Callback::from(move |_| menu.set(None))
        };
        html! { <TagMenu labels={state.labels.clone()} x={p.x} y={p.y} quote={quote} onpick={tag.clone()} {onclose} /> }
    });
    html! {
        <div class="app">
            <div class="chrome">
            <Toolbar title={state.doc.title.clone()} can_undo={state.can_undo()} can_redo={state.can_redo()} words={*words}
                onundo={{ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Undo)) }}
                onredo={{ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Redo)) }}
                onwords={{ let w = words.clone(); Callback::from(move |v| w.set(v)) }}
                {onexport} {onimport} />
            <Notices notices={notices.0.clone()} {ondismiss} />
            </div>
            <main class="workspace">
                <ArticleView state={state.clone()} flash={(*flash).clone()} words={*words} {onpick} {onhit} />
                <Sidebar labels={state.labels.clone()} annotations={(*annotations).clone()} {selected}
                    {onselect} {onretag} ondelete={dispatch_with(|id| Action::Delete { id })} />
            </main>
            <div class="menu-layer">{ menu_view }</div>
        </div>
    }
}
