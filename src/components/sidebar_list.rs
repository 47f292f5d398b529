//! One group of the sidebar (entities or claims): a virtual list of its annotations in
//! document order, drawn in memoised runs around the sidebar's view, with spacers for the rest.
use super::sidebar_index::{claim_line, ClaimFilter};
use crate::browser::dom::data_of;
use crate::browser::visibility::BlockObserver;
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use crate::model::meta::Rating;
use std::rc::Rc;
use yew::prelude::*;

/// Entries per memoised run: a new selection re-renders the one or two runs it touches; the
/// list draws whole runs.
const RUN: usize = 20;
/// The height of an entry until one is measured (px).
const ENTRY_PX: f64 = 33.0;

#[derive(Properties, PartialEq, Clone)]
pub struct GroupProps {
    pub title: AttrValue,
    pub kind: Kind,
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub selected: Option<Rc<Annotation>>,
    pub onselect: Callback<String>,
    /// Which claims are listed.
    pub filter: ClaimFilter,
    pub scale: Rc<Vec<Rating>>,
}

#[function_component(Group)]
pub fn group(p: &GroupProps) -> Html {
    // The list is virtual: only the runs of entries in (or a run from) the sidebar's view are
    // drawn, and a spacer as tall as the entries it stands for holds the place of the others,
    // so that a list of 20,000 scrolls as one and costs what a screenful does.
    let view = use_reducer(|| Window { runs: 0..1, px: 0.0 });
    let list = use_node_ref();
    // The list's annotations, gathered when the annotations or the filter change (not when
    // the selection does: a click on an entry then costs no pass over 20,000).
    let listed = use_memo((p.annotations.clone(), p.kind, p.filter.clone()), |(anns, kind, filter)| {
        anns.iter().filter(|a| a.kind == *kind && filter.admits(a)).cloned().collect::<Vec<_>>()
    });
    let total = listed.len();
    let all_runs = total.div_ceil(RUN);
    {
        let (list, view) = (list.clone(), view.dispatcher());
        super::use_effect_on((), move |_| {
            let watch = list.cast::<web_sys::Element>().map(|el| {
                BlockObserver::list(&el, move |first, last, px| {
                    view.dispatch(Window { runs: (first / RUN).saturating_sub(1)..last / RUN + 2, px })
                })
            });
            move || drop(watch)
        });
    }
    let sel_pos =
        p.selected.as_ref().filter(|s| s.kind == p.kind).and_then(|s| listed.iter().position(|a| Rc::ptr_eq(a, s)));
    // The runs drawn: those in view, and the selected entry's wherever it is.
    let mut drawn: Vec<usize> = view.runs.clone().filter(|&r| r < all_runs).collect();
    if let Some(r) = sel_pos.map(|i| i / RUN).filter(|r| !drawn.contains(r)) {
        drawn.push(r);
        drawn.sort_unstable();
    }
    let mut items = Vec::new();
    let mut next = 0;
    let spacer = |from: usize, to: usize| {
        // (Whole pixels: formatting a float would bring the float printer into the app.)
        let px = if view.px > 0.0 { view.px } else { ENTRY_PX };
        let style = format!("height:{}px", ((to - from) as f64 * px) as u64);
        html! { <li key={format!("s{from}")} class="spacer" aria-hidden="true" data-from={from.to_string()} data-to={to.to_string()} {style}></li> }
    };
    for r in drawn {
        let from = r * RUN;
        if from > next {
            items.push(spacer(next, from));
        }
        let run: Vec<Rc<Annotation>> = listed[from..(from + RUN).min(total)].to_vec();
        next = from + run.len();
        let current = sel_pos.and_then(|i| i.checked_sub(from)).filter(|&k| k < run.len());
        items.push(html! { <Run key={from} {from} {total} items={run} labels={p.labels.clone()} scale={p.scale.clone()} {current} /> });
    }
    if total > next {
        items.push(spacer(next, total));
    }
    // One listener for the whole list: the clicked entry names its annotation.
    let onpick = {
        let onselect = p.onselect.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = data_of(&e, "data-id") {
                onselect.emit(id);
            }
        })
    };
    let heading_id = format!("group-{}", p.title.to_ascii_lowercase());
    html! {
        <section class="group" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ p.title.clone() }<span class="group-n">{ total }</span></h2>
            if total == 0 {
                <p class="empty">{ match p.kind {
                    Kind::Claim if p.filter.is_active() => "No claim matches the filters.",
                    Kind::Claim => "No claims yet. Select a statement and press 8.",
                    Kind::Entity => "No entities yet. Select a name and press a number.",
                } }</p>
            }
            <ol class="entries" hidden={total == 0} onclick={onpick} ref={list}>{ for items }</ol>
        </section>
    }
}

/// Which runs of a group's list are drawn, and the height of an entry (for the spacers standing
/// for the others): the average of the first entries drawn, kept (taken again as the reader
/// scrolls, the spacers above would grow and shrink under them).
#[derive(PartialEq)]
struct Window {
    runs: std::ops::Range<usize>,
    px: f64,
}

impl Reducible for Window {
    /// The runs now in view, and the height of an entry drawn (0 when none is).
    type Action = Window;
    fn reduce(self: Rc<Self>, to: Window) -> Rc<Self> {
        let px = if self.px == 0.0 { to.px } else { self.px };
        if to.runs == self.runs && px == self.px {
            return self;
        }
        Rc::new(Window { runs: to.runs, px })
    }
}

#[derive(Properties, PartialEq)]
struct RunProps {
    /// Where the run starts in its list, and how long the list is.
    from: usize,
    total: usize,
    items: Vec<Rc<Annotation>>,
    labels: Rc<Vec<Label>>,
    scale: Rc<Vec<Rating>>,
    /// Position in `items` of the selected annotation, when it is in this run.
    current: Option<usize>,
}

/// A few consecutive entries of a group's list; renders no element of its own.
#[function_component(Run)]
fn run(p: &RunProps) -> Html {
    let entries = p.items.iter().enumerate().map(|(k, a)| {
        let label = labels::find(&p.labels, &a.label);
        let name: AttrValue = label.map_or(a.label.clone(), |l| l.name.clone()).into();
        let color: AttrValue = label.map_or("#888".to_string(), |l| l.color.clone()).into();
        let extra: AttrValue = claim_line(a, &p.scale).unwrap_or_default().into();
        let (at, of) = (p.from + k + 1, p.total);
        html! { <Entry key={a.id.clone()} ann={a.clone()} {name} {color} {extra} current={p.current == Some(k)} {at} {of} /> }
    });
    html! { <>{ for entries }</> }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    ann: Rc<Annotation>,
    name: AttrValue,
    color: AttrValue,
    /// A claim's speaker, check-worthiness and verdict; an annotation's note.
    extra: AttrValue,
    current: bool,
    /// Its place in the list, and the list's length (the list is virtual: see `Group`).
    at: usize,
    of: usize,
}

/// One annotation in the list: re-renders only when it, its label or its selection changes.
#[function_component(Entry)]
fn entry(p: &EntryProps) -> Html {
    html! {
        <li aria-posinset={p.at.to_string()} aria-setsize={p.of.to_string()}>
            // (The comment a highlight's `aria-details` points to.)
            <div role="comment" id={format!("n-{}", p.ann.id)}>
            <button type="button" class="entry" style={format!("--c:{}", p.color)} aria-current={p.current.then_some("true")}
                    data-id={p.ann.id.clone()}>
                <span class="entry-label">{ p.name.clone() }{ ": " }</span>
                <span class="entry-quote">{ p.ann.quote.clone() }</span>
                if !p.extra.is_empty() { <span class="entry-extra">{ p.extra.clone() }</span> }
                if !p.ann.note.is_empty() { <span class="entry-note">{ format!("Note: {}", p.ann.note) }</span> }
            </button>
            </div>
        </li>
    }
}
