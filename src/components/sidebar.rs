//! The sidebar: counts per label, the selected annotation's panel, and every annotation in
//! document order, grouped into entities and claims.
use super::details::Details;
use crate::browser::dom::data_of;
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use std::rc::Rc;
use yew::prelude::*;

/// How many entries a group shows before "Show more".
const PAGE: usize = 60;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub selected: Option<Rc<Annotation>>,
    pub onselect: Callback<String>,
    pub onretag: Callback<(String, String)>,
    pub ondelete: Callback<String>,
}

#[function_component(Sidebar)]
pub fn sidebar(p: &SidebarProps) -> Html {
    let tally = use_memo((p.annotations.clone(), p.labels.clone()), |(all, labels)| {
        labels.iter().map(|l| all.iter().filter(|a| a.label == l.id).count()).collect::<Vec<usize>>()
    });
    let counts = p.labels.iter().zip(tally.iter().copied()).map(|(l, n)| {
        html! {
            <li class={classes!("count", (n == 0).then_some("zero"))} style={format!("--c:{}", l.color)}>
                <span class="swatch" aria-hidden="true"></span>
                <span class="count-name">{ l.name.clone() }</span>
                <span class="count-n">{ n }</span>
            </li>
        }
    });
    let details = p.selected.clone().map(|a| {
        html! { <Details ann={a} labels={p.labels.clone()} onretag={p.onretag.clone()} ondelete={p.ondelete.clone()} /> }
    });
    html! {
        <aside class="sidebar" aria-label="Annotations">
            <ul class="counts" aria-label="Counts">{ for counts }</ul>
            <div class="details-slot">{ details }</div>
            <Group title="Entities" kind={Kind::Entity} ..group_props(p) />
            <Group title="Claims" kind={Kind::Claim} ..group_props(p) />
        </aside>
    }
}

fn group_props(p: &SidebarProps) -> GroupProps {
    GroupProps {
        title: AttrValue::default(),
        kind: Kind::Entity,
        labels: p.labels.clone(),
        annotations: p.annotations.clone(),
        selected: p.selected.as_ref().map(|a| AttrValue::from(a.id.clone())),
        onselect: p.onselect.clone(),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct GroupProps {
    pub title: AttrValue,
    pub kind: Kind,
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub selected: Option<AttrValue>,
    pub onselect: Callback<String>,
}

#[function_component(Group)]
fn group(p: &GroupProps) -> Html {
    let shown = use_state(|| PAGE);
    let items = use_memo((p.annotations.clone(), p.kind), |(all, kind)| {
        all.iter().filter(|a| a.kind == *kind).cloned().collect::<Vec<Rc<Annotation>>>()
    });
    let sel_pos = p.selected.as_ref().and_then(|id| items.iter().position(|a| a.id == id.as_str()));
    let limit = (*shown).max(sel_pos.map_or(0, |i| i + 1));
    let entries = items.iter().take(limit).map(|a| {
        let label = labels::find(&p.labels, &a.label);
        let name: AttrValue = label.map_or(a.label.clone(), |l| l.name.clone()).into();
        let color: AttrValue = label.map_or("#888".to_string(), |l| l.color.clone()).into();
        let current = p.selected.as_ref().is_some_and(|id| id.as_str() == a.id);
        html! { <Entry key={a.id.clone()} ann={a.clone()} {name} {color} {current} /> }
    });
    let more = (items.len() > limit).then(|| {
        let (shown, rest) = (shown.clone(), items.len() - limit);
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
            <h2 id={heading_id}>{ p.title.clone() }<span class="group-n">{ items.len() }</span></h2>
            if items.is_empty() {
                <p class="empty">{ if p.kind == Kind::Claim { "No claims yet. Select a statement and press 8." } else { "No entities yet. Select a name and press a number." } }</p>
            } else {
                <ol class="entries" onclick={onpick}>{ for entries }</ol>
            }
            <div class="more-slot">{ more }</div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    ann: Rc<Annotation>,
    name: AttrValue,
    color: AttrValue,
    current: bool,
}

/// One annotation in the list: re-renders only when it, its label or its selection changes.
#[function_component(Entry)]
fn entry(p: &EntryProps) -> Html {
    html! {
        <li>
            <button type="button" class="entry" style={format!("--c:{}", p.color)} aria-current={p.current.then_some("true")}
                    data-id={p.ann.id.clone()}>
                <span class="entry-label">{ p.name.clone() }{ ": " }</span>
                <span class="entry-quote">{ p.ann.quote.clone() }</span>
            </button>
        </li>
    }
}
