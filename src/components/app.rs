//! The application shell: owns the document state, wires the article, menu, sidebar,
//! toolbar, library and messages together, and handles bringing articles in and out.
use super::article::ArticleView;
use super::claim_panel::{self, who, with_speaker};
use super::details::PanelData;
use super::documents::{Docs, Trash};
use super::import;
use super::keys::{self, KeyIntent};
use super::label_editor::LabelEditor;
use super::library::{local_time, LibraryView};
use super::notices::{Notice, NoticeList, Notices};
use super::open_dialog::OpenDialog;
use super::persist;
use super::saver::use_saver;
use super::sidebar::Sidebar;
use super::tag_menu::TagMenu;
use super::toolbar::Toolbar;
use super::{use_later, use_latest};
use crate::browser::files::{self, Brought};
use crate::browser::selection::Picked;
use crate::browser::{dom, mark, now_iso, storage};
use crate::formats::text_in::Draft;
use crate::formats::{self, native};
use crate::model::{Action, Annotation};
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
    /// Where the selected annotation is, in words.
    place: AttrValue,
    data: PanelData,
}

/// What the open dialog starts with: a draft, or why a file could not be opened.
type Opening = Option<Rc<Result<Draft, String>>>;

#[function_component(App)]
pub fn app() -> Html {
    let booted = use_memo((), |_| persist::boot());
    let state = use_reducer(|| booted.0.clone());
    let notices = use_reducer(|| NoticeList(booted.1.clone()));
    let menu = use_state(|| None::<Picked>);
    let words = use_state(persist::words_setting);
    let show_library = use_state(|| false);
    let opening = use_state(|| None as Opening);
    let lib_rev = use_state(|| 0u32);
    let trash = use_mut_ref(Trash::default);
    let flash = use_state(|| None::<AttrValue>);
    // The claim whose speaker the next click on a highlight picks.
    let picking = use_state(|| None::<String>);
    // The entity whose mentions are marked in the article.
    let marked = use_state(|| None::<AttrValue>);
    let show_labels = use_state(|| false);
    let reviewer = use_state(persist::reviewer_setting);
    let flash_timer = use_mut_ref(|| None::<Timeout>);
    // Reads started: only the latest one's file is shown (an earlier, slower read is dropped).
    let reads = use_mut_ref(|| 0u32);
    let notify = use_callback(notices.dispatcher(), |n: Notice, notices| notices.dispatch(n));
    let cache = use_mut_ref(native::JsonCache::default);
    let onsaved = use_callback(lib_rev.setter(), |_: (), rev| rev.set(js_sys::Math::random().to_bits() as u32));
    let flush = use_saver(state.clone(), notify.clone(), onsaved.clone());
    let library = use_memo((*lib_rev, state.doc.id.clone(), state.doc.title.clone(), *show_library), |_| {
        storage::load_library().0
    });
    // (Measured only while the library is shown.)
    let used = use_memo((library.clone(), *show_library), |(lib, shown)| if *shown { storage::used(lib) } else { 0 });
    let docs = Docs { state: state.clone(), notify: notify.clone(), flush: flush.clone(), trash: trash.clone() };
    let docs = use_latest(docs);
    use_effect_with((), |_| {
        mark("aa:mounted");
        dom::after_paint(|| mark("aa:painted"))
    });
    {
        // Once the page is idle: summaries for index entries written before they were kept.
        let rev = lib_rev.setter();
        use_effect_with((), move |_| {
            let t = Timeout::new(2000, move || {
                if storage::repair_library() {
                    rev.set(u32::MAX);
                }
            });
            move || drop(t)
        });
    }
    {
        // Back to where the reader was in this document (a reload in the same session).
        let s = state.clone();
        use_effect_with(state.doc.id.clone(), move |_| {
            dom::after_paint(move || {
                mark("aa:doc-painted");
                persist::restore_reading(&s)
            })
        });
    }

    // The menu's callbacks stay the same from render to render (so the always-mounted menu
    // re-renders only when it opens, moves or closes); `tag` reads the pending selection here.
    let pending = use_latest(*menu);
    let pending_cue = pending.clone();
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
        let (state, menu, tag, opening) = (state.clone(), menu.clone(), tag.clone(), opening.clone());
        let picking = picking.clone();
        Callback::from(move |i: KeyIntent| match &i {
            KeyIntent::Tag(label) => tag.emit(label.clone()),
            KeyIntent::Escape if picking.is_some() => picking.set(None),
            KeyIntent::AcceptSpeaker(id) => {
                let Some(claim) = state.get(id) else { return };
                let s = claim_panel::suggestion(state.annotations(), &state.labels, &state.doc, claim);
                let action = s.and_then(|s| claim_panel::accept(claim, &s, &state.labels));
                action.into_iter().for_each(|a| state.dispatch(a));
            }
            KeyIntent::Escape if menu.is_some() => {
                menu.set(None);
                dom::clear_selection();
            }
            KeyIntent::Escape => state.dispatch(Action::Select(None)),
            KeyIntent::Open => opening.set(Some(Rc::new(Ok(Draft::default())))),
            _ => keys::action(&i, now_iso()).into_iter().for_each(|a| state.dispatch(a)),
        })
    };
    keys::use_shortcuts(state.clone(), menu.is_some(), onintent);

    let onpick = use_callback(menu.setter(), |p: Picked, menu| menu.set(Some(p)));
    let onhit = use_callback((state.clone(), picking.clone()), |cp: Option<usize>, (state, picking)| {
        let under = cp.map(|cp| state.annotations_at(cp)).unwrap_or_default();
        if let Some(claim) = picking.as_ref().and_then(|id| state.get(id)) {
            // Picking a speaker: the innermost person or organisation under the click.
            if let Some(m) = under.iter().find(|a| who(&state.labels, &a.label).is_some()) {
                state.dispatch(with_speaker(claim, Some(m.id.clone()), m.quote.clone()));
                picking.set(None);
            }
            return;
        }
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
    let ondelete = use_callback(state.dispatcher(), |id: String, dispatch| {
        dispatch.dispatch(Action::Delete { id, now: now_iso() })
    });
    let ondispatch = use_callback(state.dispatcher(), |a: Action, dispatch| dispatch.dispatch(a));
    let onpicking = use_callback((picking.setter(), state.selected.clone()), |on: bool, (picking, selected)| {
        picking.set(selected.clone().filter(|_| on))
    });
    let onmark = use_callback(marked.setter(), |id: Option<AttrValue>, marked| marked.set(id));
    let oncue = use_callback((state.clone(), menu.setter()), move |_: (), (state, menu)| {
        let (Some(p), Some(claim)) = (*pending_cue.borrow(), state.selected.as_ref().and_then(|id| state.get(id)))
        else {
            return;
        };
        if claim.claim.is_some() {
            let span = crate::model::Span { start: p.start, end: p.end };
            state.dispatch(claim_panel::set(&claim.id, crate::model::state::Field::Cue(Some(span))));
        }
        dom::clear_selection();
        menu.set(None);
    });
    let onundo = use_callback(state.dispatcher(), |_: (), dispatch| dispatch.dispatch(Action::Undo { now: now_iso() }));
    let onredo = use_callback(state.dispatcher(), |_: (), dispatch| dispatch.dispatch(Action::Redo { now: now_iso() }));
    let onwords = use_callback(words.setter(), |v: bool, words| {
        persist::keep_words_setting(v);
        words.set(v)
    });
    // Export and import read the state of the latest render: made once, the toolbar that
    // holds them re-renders only when what it shows changes.
    let latest = use_latest((state.clone(), flush));
    let onexport = use_callback((notify.clone(), onsaved.clone()), {
        let (latest, cache) = (latest.clone(), cache.clone());
        move |_: (), (notify, onsaved)| {
            let (state, flush) = latest.borrow().clone();
            let name = format!("{}.annotations.json", formats::slug(&state.doc.title));
            let now = now_iso();
            let json = native::to_json_cached(&state, &now, &mut cache.borrow_mut());
            if dom::download(&name, "application/json", &json).is_err() {
                return notify.emit(Notice::error(
                    "export",
                    "The browser refused the download. Try again, or allow downloads for this page.",
                ));
            }
            flush.emit(());
            let _ = storage::update_library(|lib| lib.mark_exported(Some(&state.doc.id), &now));
            onsaved.emit(());
        }
    });
    let onclaimreview = use_callback((notify.clone(), reviewer.clone()), {
        let latest = latest.clone();
        move |_: (), (notify, reviewer)| {
            let state = latest.borrow().0.clone();
            let out = formats::claimreview::export(&state, reviewer);
            notify.emit(claimreview_notice(&state, &out, reviewer));
        }
    });
    let onreviewer = use_callback(reviewer.setter(), |name: String, reviewer| {
        persist::keep_reviewer_setting(&name);
        reviewer.set(name.trim().to_string());
    });
    // A file of the app's own JSON: one article's annotations, or a whole library's backup.
    let onjson = use_callback((notify.clone(), opening.setter(), onsaved.clone()), {
        let (latest, docs) = (latest.clone(), docs.clone());
        move |(name, text): (String, String), (notify, opening, onsaved)| {
            opening.set(None);
            if text.contains(&format!("\"{}\"", formats::library::FORMAT)) {
                docs.borrow().restore(&name, &text);
            } else {
                let (state, flush) = latest.borrow().clone();
                let (action, notice) = import::import(&state, &name, &text, || flush.emit(()));
                action.into_iter().for_each(|a| state.dispatch(a));
                notify.emit(notice);
            }
            onsaved.emit(());
        }
    });
    // A file chosen in the toolbar, the dialog or the library, or dropped on the page.
    let onfile = use_callback((opening.setter(), onjson.clone()), move |file: web_sys::File, (opening, onjson)| {
        let (opening, onjson, name) = (opening.clone(), onjson.clone(), file.name());
        let (reads, this) = (reads.clone(), *reads.borrow() + 1);
        *reads.borrow_mut() = this;
        files::read(file, move |got| match got {
            _ if *reads.borrow() != this => {}
            Ok(Brought::Article(d)) => opening.set(Some(Rc::new(Ok(d)))),
            Ok(Brought::Json(text)) => onjson.emit((name, text)),
            Err(why) => opening.set(Some(Rc::new(Err(why)))),
        });
    });
    {
        let (onfile, opening) = (onfile.clone(), opening.setter());
        use_effect_with((), move |_| {
            let paste = move |text: String| opening.set(Some(Rc::new(Ok(Draft::plain(&text, "pasted")))));
            let listeners = files::listen(move |f| onfile.emit(f), paste);
            move || drop(listeners)
        });
    }
    let ondismiss =
        use_callback(notices.dispatcher(), |topic: &'static str, notices| notices.dispatch(Notice::info(topic, "")));
    // A message's button: "Undo" of a deletion is the only one.
    let onaction = library_action(&docs, &onsaved, |d, topic: &'static str| {
        if topic == "deleted" {
            d.undelete();
        }
    });
    let onlibopen = {
        let (open, show) = (library_action(&docs, &onsaved, |d, id: String| d.open(&id)), show_library.setter());
        Callback::from(move |id: String| {
            open.emit(id);
            show.set(false);
        })
    };
    let onlibdelete = library_action(&docs, &onsaved, |d, id: String| d.delete(&id));
    let onrename = library_action(&docs, &onsaved, |d, (id, title): (String, String)| d.rename(&id, &title));
    let onbackup = library_action(&docs, &onsaved, |d, _: ()| d.backup());
    let ondraft = {
        let (docs, opening, show) = (docs.clone(), opening.setter(), show_library.setter());
        Callback::from(move |d: Draft| {
            docs.borrow().open_draft(d);
            opening.set(None);
            show.set(false);
        })
    };
    let onstored = {
        let (onlibopen, opening) = (onlibopen.clone(), opening.setter());
        Callback::from(move |id: String| {
            opening.set(None);
            onlibopen.emit(id);
        })
    };
    let onopen = use_callback(opening.setter(), |_: (), o| o.set(Some(Rc::new(Ok(Draft::default())))));
    let onlibrary = use_callback(show_library.clone(), |_: (), s| s.set(!**s));
    let ondialogclose = use_callback(opening.setter(), |_: (), o| o.set(None));
    let entry = library.get(&state.doc.id);
    let status: AttrValue = match entry {
        Some(e) if e.unexported() && e.exported.is_empty() => "Not exported yet".into(),
        Some(e) if e.unexported() => format!("Not exported since {}", local_time(&e.exported)).into(),
        Some(_) => "Exported".into(),
        None => AttrValue::default(),
    };
    // The sidebar follows the article: a new highlight or selection is drawn there first, the
    // counts and the selected annotation's panel a frame later, the lists a frame after that,
    // each in a short task of its own.
    let side = use_later(SideView {
        labels: state.labels.clone(),
        annotations: state.annotations().clone(),
        counts: state.counts().clone(),
        selected: state.selected.as_ref().and_then(|id| state.get(id)).cloned(),
        place: state.selected.as_ref().and_then(|id| state.get(id)).map(|a| place(&state, a)).unwrap_or_default(),
        data: PanelData {
            meta: state.meta(),
            annotations: state.annotations().clone(),
            doc: state.doc.clone(),
            index: state.index.clone(),
        },
    });
    let lists = use_later(side.clone());
    let quote = menu.map(|p| state.index.slice(&state.doc.text, p.start, p.end).to_string()).unwrap_or_default();
    html! {
        <div class="app">
            <div class="chrome">
            <Toolbar title={state.doc.title.clone()} can_undo={state.can_undo()} can_redo={state.can_redo()} words={*words}
                library={*show_library} {status} {onundo} {onredo} {onwords} {onexport} onimport={onfile.clone()} {onopen} {onlibrary}
                {onclaimreview} onlabels={{ let s = show_labels.setter(); Callback::from(move |_| s.set(true)) }} />
            </div>
            <Notices notices={notices.0.clone()} {ondismiss} {onaction} />
            if *show_library {
                <LibraryView library={library.clone()} current={AttrValue::from(state.doc.id.clone())} used={*used}
                    onopen={onlibopen.clone()} {onrename} ondelete={onlibdelete} {onbackup} onrestore={onfile.clone()}
                    onclose={{ let s = show_library.setter(); Callback::from(move |_| s.set(false)) }} />
            }
            <main class="workspace" hidden={*show_library}>
                <ArticleView state={state.clone()} flash={(*flash).clone()} words={*words} {onpick} {onhit} />
                <Sidebar labels={side.labels.clone()} counts={side.counts.clone()} selected={side.selected.clone()} place={side.place.clone()}
                    annotations={lists.annotations.clone()} current={lists.selected.clone()} {onselect} {onretag} {ondelete}
                    data={side.data.clone()} picking={picking.is_some()} ondispatch={ondispatch.clone()} {onpicking} marked={(*marked).clone()} {onmark} />
            </main>
            <style>{ marked_style(&state, marked.as_deref()) }</style>
            <TagMenu labels={state.labels.clone()} at={menu.map(|p| (p.x, p.y))} {quote} onpick={tag} {onclose}
                cue={state.selected.as_ref().and_then(|id| state.get(id)).is_some_and(|a| a.claim.is_some())} {oncue} />
            if *show_labels {
                <LabelEditor meta={state.meta()} annotations={state.annotations().clone()} reviewer={AttrValue::from((*reviewer).clone())}
                    {onreviewer} ondispatch={ondispatch.clone()} onclose={{ let s = show_labels.setter(); Callback::from(move |_| s.set(false)) }} />
            }
            if let Some(initial) = (*opening).clone() {
                <OpenDialog {initial} library={library.clone()} onopen={ondraft} {onstored} onfile={onfile.clone()} onclose={ondialogclose} />
            }
        </div>
    }
}

/// Download the ClaimReview file (when a claim has a verdict) and say what it holds.
fn claimreview_notice(state: &crate::model::State, out: &formats::claimreview::Exported, reviewer: &str) -> Notice {
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
        return Notice::error(
            "claimreview",
            "The browser refused the download. Try again, or allow downloads for this page.",
        );
    }
    let plural = if out.reviews == 1 { "" } else { "s" };
    let who = if reviewer.is_empty() { " No reviewer is named: set one under Labels." } else { "" };
    Notice::info("claimreview", format!("Exported {} ClaimReview{plural} to {name}.{skipped}{who}", out.reviews))
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
    format!("{}{{outline:2px solid #1f2937;outline-offset:1px}}", rules.join(","))
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

/// A callback doing `f` to the stored documents, after which the toolbar's summary of the open
/// one is read again (`onsaved`).
fn library_action<T: 'static>(
    docs: &Rc<std::cell::RefCell<Docs>>,
    onsaved: &Callback<()>,
    f: fn(&Docs, T),
) -> Callback<T> {
    let (docs, onsaved) = (docs.clone(), onsaved.clone());
    Callback::from(move |value: T| {
        f(&docs.borrow(), value);
        onsaved.emit(());
    })
}
