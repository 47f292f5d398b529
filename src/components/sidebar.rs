//! The sidebar: counts per label, the selected annotation's panel, and every annotation in
//! document order, grouped into entities and claims.
use super::details::{Details, PanelData};
use super::sidebar_index::{claim_filters, claim_line, claim_speakers, entity_counts, entity_index, ClaimFilter};
use crate::browser::dom::{self, data_of};
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use crate::model::meta::Rating;
use crate::model::Action;
use std::rc::Rc;
use yew::prelude::*;

/// How many entries a group shows before "Show more".
const PAGE: usize = 60;
/// Entries per memoised run: a new selection re-renders the one or two runs it touches.
const RUN: usize = 20;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub labels: Rc<Vec<Label>>,
    /// Per label (in the order of `labels`), how many annotations it has.
    pub counts: Rc<Vec<usize>>,
    /// The selected annotation, shown in the panel.
    pub selected: Option<Rc<Annotation>>,
    /// Where the selected annotation is, in words.
    #[prop_or_default]
    pub place: AttrValue,
    /// The lists: every annotation in document order, and the one marked current there (the
    /// lists may follow the panel by a frame).
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub current: Option<Rc<Annotation>>,
    pub onselect: Callback<String>,
    pub onretag: Callback<(String, String)>,
    pub ondelete: Callback<String>,
    pub data: PanelData,
    pub picking: bool,
    pub ondispatch: Callback<Action>,
    pub onpicking: Callback<bool>,
    /// The entity whose mentions are marked in the article.
    pub marked: Option<AttrValue>,
    pub onmark: Callback<Option<AttrValue>>,
    /// The orphaned annotation waiting for a selection to re-attach it to.
    pub reattaching: Option<String>,
    pub onreattach: Callback<Option<String>>,
}

#[function_component(Sidebar)]
pub fn sidebar(p: &SidebarProps) -> Html {
    let filter = use_state(ClaimFilter::default);
    // (Gathered when the annotations change, not on every render of the sidebar.)
    let speakers = use_memo(p.annotations.clone(), |anns| claim_speakers(anns));
    // Mentions per entity, counted when the annotations change.
    let entity_counts =
        use_memo((p.annotations.clone(), p.data.meta.entities.clone()), |(anns, ents)| entity_counts(anns, ents));
    let onfilter = {
        let filter = filter.setter();
        Callback::from(move |f: ClaimFilter| filter.set(f))
    };
    let counts = p.labels.iter().zip(p.counts.iter().copied()).map(|(l, n)| {
        html! {
            <li ~className={if n == 0 { "count zero" } else { "count" }} style={format!("--c:{}", l.color)}>
                <span class="swatch" aria-hidden="true"></span>
                <span class="count-name">{ l.name.clone() }</span>
                <span class="count-n">{ n }</span>
            </li>
        }
    });
    html! {
        // A popover: in narrow windows it is a sheet that "Annotations" in the toolbar opens.
        <aside class="sidebar" id="annotations" popover="auto" aria-label="Annotations">
            <ul class="counts" aria-label="Counts">{ for counts }</ul>
            <Details ann={p.selected.clone()} place={p.place.clone()} labels={p.labels.clone()} onretag={p.onretag.clone()} ondelete={p.ondelete.clone()}
                data={p.data.clone()} picking={p.picking} ondispatch={p.ondispatch.clone()} onpicking={p.onpicking.clone()} />
            <div class="lists">
                { orphans(p) }
                { entity_index(p, &entity_counts) }
                <Group title="Entities" kind={Kind::Entity} ..group_props(p) />
                { claim_filters(&speakers, &p.data.meta.scale, &filter, &onfilter) }
                <Group title="Claims" kind={Kind::Claim} filter={(*filter).clone()} ..group_props(p) />
            </div>
        </aside>
    }
}

/// Imported annotations that could not be placed in the text, each with its quote and a
/// button that re-attaches it to the next selection in the article.
fn orphans(p: &SidebarProps) -> Html {
    let list = &p.data.meta.orphans;
    if list.is_empty() {
        return html! {};
    }
    // One listener for the list: the pressed button names its orphan.
    let onclick = {
        let (cb, waiting) = (p.onreattach.clone(), p.reattaching.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = crate::browser::dom::data_of(&e, "data-orphan") {
                cb.emit((waiting.as_deref() != Some(id.as_str())).then_some(id));
            }
        })
    };
    let items = list.iter().map(|o| {
        let name = crate::model::labels::find(&p.labels, &o.label).map_or(o.label.clone(), |l| l.name.clone());
        let waiting = p.reattaching.as_deref() == Some(o.id.as_str());
        html! {
            <li class="orphan">
                <span class="orphan-label">{ name }</span>
                <q class="orphan-quote">{ o.quote.clone() }</q>
                <button type="button" class="link" data-orphan={o.id.clone()} aria-pressed={if waiting { "true" } else { "false" }}>
                    { if waiting { "Select its text in the article… (Esc cancels)" } else { "Re-attach" } }
                </button>
            </li>
        }
    });
    html! {
        <section class="group orphans" aria-labelledby="group-orphans">
            <h2 id="group-orphans">{ format!("Orphaned ({})", list.len()) }</h2>
            <p class="muted">{ "Imported, but not found in this text. Press Re-attach, then select where it belongs." }</p>
            <ul {onclick}>{ for items }</ul>
        </section>
    }
}

fn group_props(p: &SidebarProps) -> GroupProps {
    GroupProps {
        title: AttrValue::default(),
        kind: Kind::Entity,
        labels: p.labels.clone(),
        annotations: p.annotations.clone(),
        selected: p.current.clone(),
        onselect: p.onselect.clone(),
        filter: ClaimFilter::default(),
        scale: p.data.meta.scale.clone(),
    }
}

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
fn group(p: &GroupProps) -> Html {
    // The first run is drawn with the page; the page fills up a run per frame after that
    // (entries past the first run are below the panel's fold when the page opens, and each
    // costs a component and a few elements: 120 of them were a sixth of opening).
    let shown = use_state(|| RUN);
    // Only the entries on show are gathered: a change to a long list costs a pass over it,
    // not a copy of it.
    let of_kind = || p.annotations.iter().filter(|a| a.kind == p.kind && p.filter.admits(a));
    let total = of_kind().count();
    {
        // (Nothing to add while the group is shown whole; looked at again when it grows.)
        let shown = shown.clone();
        super::use_effect_on((*shown, total), move |&(n, total)| {
            if n < PAGE && n < total {
                dom::after_frame(move || shown.set(n + RUN));
            }
        });
    }
    let sel_pos =
        p.selected.as_ref().filter(|s| s.kind == p.kind).and_then(|s| of_kind().position(|a| Rc::ptr_eq(a, s)));
    let limit = (*shown).min(total);
    let head: Vec<Rc<Annotation>> = of_kind().take(limit).cloned().collect();
    let run = |from: usize, items: &[Rc<Annotation>]| {
        let current = sel_pos.and_then(|i| i.checked_sub(from)).filter(|&k| k < items.len());
        html! { <Run key={from} items={items.to_vec()} labels={p.labels.clone()} scale={p.scale.clone()} {current} /> }
    };
    let mut runs: Vec<Html> = head.chunks(RUN).enumerate().map(|(k, items)| run(k * RUN, items)).collect();
    // A selection further down the list is shown in its own run after a gap, rather than
    // drawing every entry before it. (Every child is keyed, so runs keep their elements.)
    if let Some(i) = sel_pos.filter(|&i| i >= limit) {
        let from = (i - i % RUN).max(limit);
        let items: Vec<Rc<Annotation>> = of_kind().skip(from).take(RUN).cloned().collect();
        runs.push(html! { <li key="gap" class="gap" aria-hidden="true">{ "⋯" }</li> });
        runs.push(run(from, &items));
    }
    let more = (total > limit && *shown >= PAGE).then(|| {
        let (shown, rest) = (shown.clone(), total - limit);
        let onclick = Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE));
        html! { <button type="button" class="more" {onclick}>{ format!("Show {} more", rest.min(PAGE)) }</button> }
    });
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
            } else {
                <ol class="entries" onclick={onpick}>{ for runs }</ol>
            }
            <div class="more-slot">{ more }</div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RunProps {
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
        html! { <Entry key={a.id.clone()} ann={a.clone()} {name} {color} {extra} current={p.current == Some(k)} /> }
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
}

/// One annotation in the list: re-renders only when it, its label or its selection changes.
#[function_component(Entry)]
fn entry(p: &EntryProps) -> Html {
    html! {
        <li>
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
