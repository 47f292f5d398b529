//! The article: renders its blocks, turns a mouse selection into a span, and reports clicks
//! on highlights. Blocks far from the viewport are drawn as plain text until they come near,
//! and those beyond the first screen a few chunks a task after the first frame.
//! It takes a caret (see `browser::guard`): the keyboard selects in it as a mouse does.
use super::chunk::{Chunk, CHUNK};
use super::near::{first_screen, Near, NearAction};
use crate::browser::selection::{self, Picked};
use crate::browser::visibility::BlockObserver;
use crate::browser::{clusters, dom, guard};
use crate::model::{layout, snap, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many code points of text a pixel of window height can show, at most: the article's
/// column holds under 80 characters a line of about 31 px (2.6 per px), so this over-counts.
const CODE_POINTS_PER_PX: usize = 3;

/// Chunks drawn a task, after those of the first screen, until every chunk is.
const MOUNT: usize = 4;

/// The chunks of the first screen, where the reader was (see `persist::restore_reading`) or at
/// the top. The first frame draws every chunk from the start to its end; the others follow,
/// `MOUNT` a task, so that no one task draws a book. The first screen's own are laid out for it
/// at once: left to `content-visibility: auto`, the browser would lay the frame out twice, the
/// second time once it found them in view.
fn first_chunks(state: &State) -> std::ops::Range<usize> {
    let (top, px) = super::persist::kept_place(&state.doc.id).unwrap_or((0, 0));
    layout::screen_chunks(&state.blocks, top, reach().saturating_add(below(px)), CHUNK)
}

/// How far into the text the first screen can reach, in code points.
pub fn reach() -> usize {
    dom::viewport_height().clamp(600, 3000) * CODE_POINTS_PER_PX
}

/// How many code points `px` pixels of the article can hold, at most: how much further the
/// first screen reaches when the top of the window is that far into a block.
pub fn below(px: usize) -> usize {
    px.saturating_mul(CODE_POINTS_PER_PX)
}

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub state: UseReducerHandle<State>,
    pub flash: Option<AttrValue>,
    /// Grow selections to whole words.
    pub words: bool,
    /// Screen readers read each highlight's label (drawn by CSS, outside the text).
    pub spoken: bool,
    /// A span was selected (already trimmed and snapped).
    pub onpick: Callback<Picked>,
    /// A click in the article: the code point under a highlight, or None elsewhere.
    pub onhit: Callback<Option<usize>>,
    /// The page's selection settled (see `selection::follow`).
    pub onsettle: Callback<()>,
}

#[function_component(ArticleView)]
pub fn article_view(p: &ArticleProps) -> Html {
    let state = &*p.state;
    let root = use_node_ref();
    let near = {
        let s = p.state.clone();
        use_reducer(move || Near(Rc::new(first_screen(&s.blocks)), 0))
    };
    // The chunks drawn so far and the first frame's, of which document.
    let drawn = use_state(|| {
        let first = first_chunks(state);
        (state.doc.id.clone(), first.end, first)
    });
    let (count, at_once) = match &*drawn {
        (id, count, first) if *id == state.doc.id => (*count, first.clone()),
        _ => {
            let first = first_chunks(state);
            (first.end, first)
        }
    };
    let chunks_in_all = state.blocks.len().div_ceil(CHUNK);
    let count = count.min(chunks_in_all);
    {
        let drawn = drawn.setter();
        let first = at_once.clone();
        super::use_effect_on((state.doc.id.clone(), count), move |(id, n)| {
            if *n < chunks_in_all {
                let (id, n) = (id.clone(), *n);
                // The first batch after the first frame's chunks waits for that frame to be
                // drawn (a chain of zero timeouts can run before the browser's first frame).
                let after_first = n == first.end;
                let more = move || drawn.set((id, n + MOUNT, first));
                if after_first {
                    dom::after_frame(more);
                } else {
                    dom::soon(more);
                }
            }
        });
    }
    {
        let (root, near, s, every) = (root.clone(), near.clone(), p.state.clone(), drawn.setter());
        super::use_effect_on(state.doc.id.clone(), move |_| {
            near.dispatch(NearAction::Reset(first_screen(&s.blocks)));
            let dispatcher = near.dispatcher();
            // Paper shows every block: each is drawn with its highlights before it is printed.
            let print = {
                let (all, near, id) = (vec![true; s.blocks.len()], near.dispatcher(), s.doc.id.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
                    every.set((id.clone(), usize::MAX, 0..0));
                    near.dispatch(NearAction::Reset(all.clone()))
                })
            };
            let observer = root.cast::<web_sys::Element>().map(|el| {
                let watched: Vec<u8> = (0..s.blocks.len()).map(|i| u8::from(layout::watched(&s.blocks, i))).collect();
                let blocks = s.blocks.clone();
                let near = move |list: Vec<usize>| {
                    let list = list.into_iter().flat_map(|i| layout::near_with(&blocks, i)).collect();
                    dispatcher.dispatch(NearAction::Add(list));
                };
                BlockObserver::new(&el, &watched, near)
            });
            move || drop((observer, print))
        });
    }
    // Once every chunk is drawn, the blocks still plain are drawn with their highlights in idle
    // moments, and laid out (see `near::use_ahead`), unless there are too many of them.
    let ahead = count == chunks_in_all && !state.reading && super::near::ahead_for(state.annotations().len());
    super::near::use_ahead(&near, ahead, &state.doc.id);
    // The label of the highlight under the pointer lives outside the article (whose paragraphs
    // clip what overflows them).
    let hover = use_node_ref();
    {
        let (root, hover, onsettle) = (root.clone(), hover.clone(), p.onsettle.clone());
        let redraw = near.dispatcher();
        super::use_effect_on((), move |_| {
            // Ready the text segmenter (used when a selection ends) while the reader reads.
            let warm = dom::timeout(1000, clusters::warm);
            if let Some((r, l)) = root.cast::<web_sys::Element>().zip(hover.cast::<web_sys::Element>()) {
                dom::hover_labels(&r, &l);
            }
            let details = root.cast::<web_sys::Element>().map(|r| BlockObserver::details(&r));
            let changed = move || redraw.dispatch(NearAction::Redraw);
            let guard = root.cast::<web_sys::Element>().map(|r| guard::listen(&r, changed));
            let leaving = root
                .cast::<web_sys::Element>()
                .map(|r| gloo::events::EventListener::new(&r, "focusout", |_| crate::browser::page::leaving()));
            let follow = selection::follow(move || onsettle.emit(()));
            move || drop((warm, details, guard, leaving, follow))
        });
    }
    {
        // A flashed annotation (chosen in the sidebar) is scrolled into view.
        let s = p.state.clone();
        super::use_effect_on(p.flash.clone(), move |flash| {
            if let Some(a) = flash.as_ref().and_then(|id| s.get(id)) {
                // After the next frame is painted, when layout is clean, so scrolling forces none.
                let block = layout::blocks_touching(&s.blocks, a.start, a.end).start;
                dom::after_paint(move || dom::scroll_to(&format!("[data-p=\"{block}\"]")));
            }
        });
    }
    // Whether the last mouse-up ended a text selection (its click is then not a click on a
    // highlight); kept here so the click handler need not ask the DOM again.
    let selecting = use_mut_ref(|| false);
    let onmouseup = {
        let (root, s, words, onpick) = (root.clone(), p.state.clone(), p.words, p.onpick.clone());
        let selecting = selecting.clone();
        Callback::from(move |e: MouseEvent| {
            let at = (f64::from(e.client_x()), f64::from(e.client_y()));
            let raw = root.cast::<web_sys::Element>().and_then(|el| selection::picked(&el, &s.index, at));
            *selecting.borrow_mut() = raw.is_some();
            let Some(raw) = raw else {
                return;
            };
            if let Some((start, end)) =
                snap::snap(&s.doc.text, &s.index, (raw.start, raw.end), words, &clusters::Browser)
            {
                // Shown from a task of its own, right after this one: changed here, the page
                // would be laid out again for the click that follows the mouse-up.
                let (onpick, root, s) = (onpick.clone(), root.clone(), s.clone());
                dom::soon(move || {
                    // The snapped span is what is shown selected, and the menu goes beside it.
                    if (start, end) != (raw.start, raw.end) {
                        root.cast::<web_sys::Element>().map(|el| selection::select(&el, &s.index, start, end));
                    }
                    onpick.emit(selection::placed(Picked { start, end, ..raw }))
                });
            }
        })
    };
    let onclick = {
        let onhit = p.onhit.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut *selecting.borrow_mut()) {
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            onhit.emit(target.as_ref().and_then(selection::segment_at));
        })
    };
    // The blocks that the selected / flashed annotation spans: only their chunks hear of it.
    let spanned = |id: Option<&str>| {
        let a = id.and_then(|id| state.get(id))?;
        Some((AttrValue::from(a.id.clone()), layout::blocks_touching(&state.blocks, a.start, a.end)))
    };
    let (selected, flash) = (spanned(state.selected.as_deref()), spanned(p.flash.as_deref()));
    // The selected annotation's blocks are drawn with highlights wherever they are (the keyboard
    // moves to annotations far from the view).
    let shown = selected.as_ref().map(|(_, r)| r.clone()).unwrap_or_default();
    let chunks = (0..state.blocks.len()).step_by(CHUNK).take(count).map(|first| {
        let last = (first + CHUNK).min(state.blocks.len());
        let buckets: Vec<_> = (first..last).map(|i| state.bucket(i)).collect();
        let touches = |span: &Option<(AttrValue, std::ops::Range<usize>)>| {
            span.as_ref().filter(|(_, r)| r.start < last && first < r.end).map(|(id, _)| id.clone())
        };
        let rich: Vec<bool> =
            (first..last).map(|i| near.0.get(i).copied().unwrap_or(false) || shown.contains(&i)).collect();
        html! {
            <Chunk key={format!("{first}.{}", near.1)} {first} laid_out={at_once.contains(&(first / CHUNK))} blocks={state.blocks.clone()} doc={state.doc.clone()} index={state.index.clone()}
                labels={state.labels.clone()} selected={touches(&selected)} flash={touches(&flash)} {rich} {buckets} />
        }
    });
    // Busy until every chunk is drawn: the article's text is whole only then.
    let busy = (count < chunks_in_all).then_some(AttrValue::Static("true"));
    html! {
        <>
            <article ~className={if p.spoken { "article spoken" } else { "article" }} aria-label="Article text" aria-busy={busy} ref={root} {onmouseup} {onclick} contenteditable="true"
                spellcheck="false" inputmode="none">
                { for chunks }
            </article>
            <div class="hover-label" aria-hidden="true" hidden=true ref={hover}></div>
        </>
    }
}
