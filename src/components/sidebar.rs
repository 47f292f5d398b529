//! The sidebar: counts per label, the selected annotation's panel, and every annotation in
//! document order, grouped into entities and claims.
use super::details::{Details, PanelData};
use super::sidebar_index::{claim_filters, claim_speakers, entity_counts, entity_index, ClaimFilter};
use super::sidebar_list::{Group, GroupProps};
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::Label;
use crate::model::Action;
use std::rc::Rc;
use yew::prelude::*;

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
    /// The document's annotations are still being read: the counts and lists are of its first
    /// screen only.
    #[prop_or_default]
    pub reading: bool,
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
    let lists = html! {
        <>
            { orphans(p) }
            { entity_index(p, &entity_counts) }
            <Group title="Entities" kind={Kind::Entity} ..group_props(p) />
            { claim_filters(&speakers, &p.data.meta.scale, &filter, &onfilter) }
            <Group title="Claims" kind={Kind::Claim} filter={(*filter).clone()} ..group_props(p) />
        </>
    };
    let details = html! {
        <Details ann={p.selected.clone()} place={p.place.clone()} labels={p.labels.clone()} onretag={p.onretag.clone()} ondelete={p.ondelete.clone()}
            data={p.data.clone()} picking={p.picking} ondispatch={p.ondispatch.clone()} onpicking={p.onpicking.clone()} />
    };
    aside(p.reading, counts.collect::<Html>(), details, lists)
}

/// The sidebar of a document whose annotations are being read, before it is drawn (a frame
/// after the article: see `App`): its note, and its counts and lists busy and empty.
pub fn shell() -> Html {
    aside(true, Html::default(), Html::default(), Html::default())
}

/// The sidebar's frame around its counts, the details panel and the lists; while `reading`,
/// with its note, and the counts and lists busy.
fn aside(reading: bool, counts: Html, details: Html, lists: Html) -> Html {
    html! {
        // A popover: in narrow windows it is a sheet that "Annotations" in the toolbar opens.
        <aside class="sidebar" id="annotations" popover="auto" aria-label="Annotations">
            if reading {
                <p class="reading" role="status">{ "Reading the saved annotations…" }</p>
            }
            <ul class="counts" aria-label="Counts" aria-busy={reading.then_some("true")}>{ counts }</ul>
            { details }
            <div class="lists" aria-busy={reading.then_some("true")}>{ lists }</div>
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
