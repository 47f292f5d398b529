//! The application shell: owns the document state, wires the article, menu, sidebar,
//! toolbar, library and messages together (its handlers are in `handlers.rs`).
use super::article::ArticleView;
use super::details::PanelData;
use super::documents::{Docs, Trash};
use super::handlers::{notifier, Handlers, Latest};
use super::keyboard;
use super::keys;
use super::label_editor::LabelEditor;
use super::library::{local_time, LibraryView};
use super::notices::{self, Notice, NoticeList};
use super::open_dialog::OpenDialog;
use super::saver::use_saver;
use super::sidebar::Sidebar;
use super::tag_menu::TagMenu;
use super::toolbar::{self, ToolbarProps};
use super::ui::{Ui, UiMsg};
use super::use_later;
use super::{boot, persist};
use crate::browser::{dom, files, mark, storage};
use crate::model::{Action, Annotation};
use std::rc::Rc;
use yew::prelude::*;

/// What the sidebar shows.
#[derive(Clone, PartialEq)]
struct SideView {
    labels: Rc<Vec<crate::model::Label>>,
    annotations: Rc<Vec<Rc<Annotation>>>,
    counts: Rc<Vec<usize>>,
    selected: Option<Rc<Annotation>>,
    /// Where the selected annotation is, in words.
    place: AttrValue,
    data: PanelData,
    /// Whether what it shows is a document still being read (see `State::reading`).
    reading: bool,
}

#[function_component(App)]
pub fn app() -> Html {
    let booted = use_memo((), |_| boot::booted());
    let state = use_reducer(|| booted.0.clone());
    let notices = use_reducer(|| NoticeList(booted.1.clone()));
    let ui = use_reducer(Ui::new);
    let trash = use_mut_ref(Trash::default);
    let latest = use_mut_ref(|| None::<Latest>);
    let notify = use_memo((), |_| notifier(&notices));
    let h = use_memo((), |_| Handlers::new(latest.clone()));
    let flush = use_saver(state.clone(), (*notify).clone(), h.saved.clone());
    let docs = Docs { state: state.clone(), notify: (*notify).clone(), flush, trash: trash.clone() };
    *latest.borrow_mut() = Some(Latest { ui: ui.clone(), docs });
    h.pending.set(ui.menu);
    let library =
        use_memo((ui.saved, state.doc.id.clone(), state.doc.title.clone(), ui.library), |_| storage::load_library().0);
    // (Measured only while the library is shown.)
    let used = use_memo((library.clone(), ui.library), |(lib, shown)| if *shown { storage::used(lib) } else { 0 });
    super::use_effect_on((), {
        let (h, ui) = (h.clone(), ui.dispatcher());
        let (whole, told, now) = (state.dispatcher(), (*notify).clone(), latest.clone());
        move |_| {
            // The whole of a document drawn first with its first screen's annotations only.
            boot::on_read(Callback::from(move |(read, notices): boot::Booted| {
                // (Another document opened meanwhile: what the read has to tell is about one
                // no longer open, and is told again if it is reopened.)
                let taken = now.borrow().as_ref().is_some_and(|l| l.docs.state.reading);
                whole.dispatch(Action::Read(Box::new(read)));
                // (An export refused meanwhile said why: that no longer holds.)
                told.emit(Notice::error("reading", ""));
                notices.into_iter().filter(|_| taken).for_each(|n| told.emit(n));
            }));
            // (The first screen's frame, "aa:painted", is marked where the app is mounted.)
            mark("aa:mounted");
            // Once the page is idle: summaries for index entries written before they were kept,
            // and the dates' formatter made (the browser's first costs 20-40 ms; under 1 once the
            // worker started a second earlier by `clusters::warm` has loaded the browser's tables).
            let repair = dom::timeout(2000, move || {
                super::library::warm_dates();
                if storage::repair_library() {
                    ui.dispatch(UiMsg::Saved);
                }
            });
            let (file, paste) = (h.file.clone(), h.paste.clone());
            let listeners = files::listen(move |f| file.emit(f), move |text| paste.emit(text));
            move || drop((repair, listeners))
        }
    });
    {
        // Back to where the reader was in this document (a reload in the same session).
        let s = state.clone();
        super::use_effect_on(state.doc.id.clone(), move |_| {
            dom::after_paint(move || {
                mark("aa:doc-painted");
                persist::restore_reading(&s)
            })
        });
    }
    keys::use_shortcuts(state.clone(), ui.menu.is_some(), ui.keys, h.intent.clone());
    super::use_effect_on((ui.export, ui.help), |&(export, help)| {
        if export {
            toolbar::focus_export_menu();
        }
        if help {
            keyboard::show_help();
        }
    });

    let entry = library.get(&state.doc.id);
    let status: AttrValue = match entry {
        Some(e) if e.unexported() && e.exported.is_empty() => "Not exported yet".into(),
        Some(e) if e.unexported() => format!("Not exported since {}", local_time(&e.exported)).into(),
        Some(_) => "Exported".into(),
        None => AttrValue::default(),
    };
    // The sidebar follows the article: a new highlight or selection is drawn there first, the
    // counts and the selected annotation's panel a frame later, the lists a frame after that,
    // each in a short task of its own. (It says it is reading until its lists show the whole.)
    let selected = state.selected.as_ref().and_then(|id| state.get(id));
    let side = use_later(SideView {
        labels: state.labels.clone(),
        annotations: state.annotations().clone(),
        counts: state.counts().clone(),
        selected: selected.cloned(),
        place: selected.map(|a| place(&state, a)).unwrap_or_default(),
        data: PanelData::of(&state),
        reading: state.reading,
    });
    // (The first screen of a document still being read is drawn without the lists, which
    // follow a frame later: its first frame is sooner by their elements, its first render
    // by their making.)
    let lists = super::use_later_from(side.clone(), |side| match side.reading {
        true => SideView { annotations: Rc::default(), selected: None, ..side.clone() },
        false => side.clone(),
    });
    // (And its panel and counts a frame after the article: the first frame is the article's and
    // the toolbar's, and the first render's task shorter by the sidebar's elements.)
    let side_drawn = super::use_later_from(true, |_| !state.reading);
    // (The tag menu, closed until a selection, a frame after the first too.)
    let menu_drawn = super::use_later_from(true, |_| false);
    {
        // Once a document is read whole and the sidebar drawn: a panel of each kind drawn
        // unseen, in idle moments, for the code of the reader's first click.
        let ready = side_drawn && !state.reading && !lists.reading;
        let s = state.clone();
        super::use_effect_on((ready, state.doc.id.clone()), move |(ready, _)| {
            if *ready {
                super::details::warm(PanelData::of(&s));
            }
        });
    }
    let quote = ui.menu.map(|p| state.index.slice(&state.doc.text, p.start, p.end).to_string()).unwrap_or_default();
    html! {
        <div class="app">
            <div class="chrome">
            { toolbar::view(&ToolbarProps {
                title: state.doc.title.clone().into(), can_undo: state.can_undo(), can_redo: state.can_redo(), words: ui.words,
                library: ui.library, status, onundo: h.undo.clone(), onredo: h.redo.clone(), onwords: h.words.clone(),
                onexport: h.export.clone(), onformat: h.export_as.clone(), onimport: h.file.clone(), onopen: h.open.clone(), onlibrary: h.library.clone(),
                onclaimreview: h.claimreview.clone(), onlabels: h.labels.clone(), export: ui.export,
                onexportmenu: h.export_menu.clone(), onhelp: h.help.clone(),
            }) }
            if ui.find { { keyboard::find_box(&h.find, &h.find_close) } }
            </div>
            { notices::view(&notices.0, &h.dismiss, &h.notice_action, if ui.said.n > state.said.n { &ui.said } else { &state.said }) }
            if ui.library {
                <LibraryView library={library.clone()} current={AttrValue::from(state.doc.id.clone())} used={*used}
                    onopen={&h.lib_open} onrename={&h.rename} ondelete={&h.lib_delete} onbackup={&h.backup} onrestore={&h.file}
                    onclose={&h.library_close} />
            }
            <main class="workspace" hidden={ui.library}>
                <ArticleView state={state.clone()} flash={ui.flash.clone()} words={ui.words} spoken={ui.spoken} onpick={&h.pick} onhit={&h.hit} onsettle={&h.settled} />
                if !side_drawn {
                    { super::sidebar::shell() }
                } else {
                    <Sidebar labels={side.labels.clone()} counts={side.counts.clone()} selected={side.selected.clone()} place={side.place.clone()}
                        annotations={lists.annotations.clone()} current={lists.selected.clone()} onselect={&h.select} onretag={&h.retag} ondelete={&h.delete}
                        data={side.data.clone()} picking={ui.picking.is_some()} ondispatch={&h.dispatch} onpicking={&h.picking} marked={ui.marked.clone()} onmark={&h.mark}
                        reattaching={ui.reattaching.clone()} onreattach={&h.reattach} reading={state.reading || lists.reading} />
                }
                // (Inside the main landmark, with the article it tags.)
                if menu_drawn {
                    <TagMenu labels={state.labels.clone()} at={ui.menu.map(|p| (p.x, p.top, p.bottom))} {quote} onpick={&h.tag} onclose={&h.menu_close}
                        cue={selected.is_some_and(|a| a.claim.is_some())} oncue={&h.cue} />
                }
            </main>
            <style>{ super::block::label_sheet(&state.labels) }</style>
            <style>{ marked_style(&state, ui.marked.as_deref()) }</style>
            if ui.labels {
                <LabelEditor meta={state.meta()} annotations={state.annotations().clone()} reviewer={AttrValue::from(ui.reviewer.clone())}
                    onreviewer={&h.reviewer} ondispatch={&h.dispatch} onclose={&h.labels_close} />
            }
            if ui.help { { keyboard::help(ui.keys, ui.spoken, &h.keys, &h.spoken, &h.help_close) } }
            if let Some(initial) = ui.opening.clone() {
                <OpenDialog {initial} library={library.clone()} onopen={&h.draft} onstored={&h.stored} onfile={&h.file} onclose={&h.dialog_close} />
            }
        </div>
    }
}

/// The style that marks every mention of entity `id` in the article.
fn marked_style(state: &crate::model::State, id: Option<&str>) -> String {
    let Some(id) = id else { return String::new() };
    // Ids come from files too: quoted for CSS, nothing that could end the rule or the element.
    let quoted = |s: &str| s.replace('\\', "\\5c ").replace('"', "\\22 ").replace('<', "\\3c ");
    let rules: Vec<String> =
        state.mentions_of(id).iter().map(|a| format!("mark[data-ids~=\"{}\"]", quoted(&a.id))).collect();
    if rules.is_empty() {
        return String::new();
    }
    format!("{}{{outline:2px solid var(--ink);outline-offset:1px}}", rules.join(","))
}

/// Where an annotation is, in words a reader uses: its paragraph (or paragraphs).
fn place(state: &crate::model::State, a: &Annotation) -> AttrValue {
    let r = crate::model::layout::blocks_touching(&state.blocks, a.start, a.end);
    if r.end > r.start + 1 {
        format!("Paragraphs {}–{}", r.start + 1, r.end).into()
    } else {
        format!("Paragraph {}", r.start + 1).into()
    }
}
