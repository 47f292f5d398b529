//! The panel for the selected annotation: what it is, retag buttons, delete. It is always
//! there and keeps its size, so choosing another annotation changes a few texts and moves
//! nothing else in the sidebar.
use super::claim_panel::{self, set};
use super::entity_panel;
use super::fields::{field, value_of, Control, Text};
use super::view::{self, el, text};
use crate::browser::dom::{self, data_of};
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use crate::model::meta::Meta;
use crate::model::state::Field;
use crate::model::{Action, Document, TextIndex};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Attributes, Listeners};

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub ann: Option<Rc<Annotation>>,
    /// Where the annotation is, in words ("Paragraph 3").
    #[prop_or_default]
    pub place: AttrValue,
    pub labels: Rc<Vec<Label>>,
    /// (annotation id, new label id)
    pub onretag: Callback<(String, String)>,
    pub ondelete: Callback<String>,
    /// What the claim and entity panels read.
    pub data: PanelData,
    /// Whether a click on a highlight picks the selected claim's speaker.
    #[prop_or_default]
    pub picking: bool,
    pub ondispatch: Callback<Action>,
    pub onpicking: Callback<bool>,
    /// Drawn as the claim's or the entity's panel of `ann`, inside the details panel (see
    /// `panels`): drawn anew for each selected annotation, so its annotation never changes.
    #[prop_or_default]
    pub panel: bool,
}

/// The document's data the panels need (each part shared, compared by pointer first).
#[derive(Clone, PartialEq)]
pub struct PanelData {
    pub meta: Meta,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub doc: Rc<Document>,
    pub index: Rc<TextIndex>,
}

impl PanelData {
    pub fn of(s: &crate::model::State) -> Self {
        PanelData { meta: s.meta(), annotations: s.annotations().clone(), doc: s.doc.clone(), index: s.index.clone() }
    }
}

#[function_component(Details)]
pub fn details(p: &DetailsProps) -> Html {
    // The claim or entity panel follows a frame after the rest (in a task of its own: its
    // forms are most of what a new selection draws here); inside the panel, what waits a
    // frame after it is drawn (a mention's counts) starts as nothing.
    let panel = p.panel;
    let later = super::use_later_from(p.ann.clone(), move |a| if panel { None } else { a.clone() });
    // The state of a claim's or entity's panel (unused by the details panel itself).
    let shown = p.ann.clone().filter(|_| p.panel);
    let claim = shown.as_ref().is_some_and(|a| a.kind == Kind::Claim);
    // A mention's counts: the mentions of its entity, and the other untagged whole-word
    // occurrences of its text, counted when the mention or the annotations change.
    // (A frame after the panel is drawn, in a task of its own: the occurrences are a search of
    // the whole text.)
    let counted = use_memo((later.clone().filter(|_| shown.is_some() && !claim), p.data.annotations.clone()), {
        let data = p.data.clone();
        move |(a, _): &(Option<Rc<Annotation>>, Rc<Vec<Rc<Annotation>>>)| match a {
            Some(a) => entity_panel::counted(a, &data),
            None => (0, Rc::default()),
        }
    });
    // Why a value was refused (a claim's evidence link, a mention's Wikidata id).
    let error = use_state(AttrValue::default);
    let suggested = use_memo((shown.clone().filter(|_| claim), p.data.annotations.clone()), {
        let (labels, doc, index) = (p.data.meta.labels.clone(), p.data.doc.clone(), p.data.index.clone());
        move |(a, anns): &(Option<Rc<Annotation>>, Rc<Vec<Rc<Annotation>>>)| {
            super::speakers::suggested(a.as_ref()?, anns, &labels, (&doc, &index))
        }
    });
    let chosen = shown.as_ref().and_then(|a| a.claim.as_ref()).and_then(|c| c.speaker.clone());
    // (The whole list a frame after the panel, as a mention's counts are.)
    // (Caught up once `later` is this annotation (`same`): an edit of it, or the same one read
    // anew, is not a change to wait a frame for.)
    let all = claim && later.is_some() && same(&later, &shown);
    let speakers = use_memo(
        (p.data.annotations.clone(), p.data.meta.labels.clone(), chosen, all),
        move |(anns, labels, chosen, all)| {
            if claim {
                super::speakers::speaker_options(anns, labels, chosen.as_deref(), *all)
            } else {
                Vec::new()
            }
        },
    );
    if let Some(a) = &shown {
        return if claim {
            claim_panel::view(p, a, &suggested, &speakers, &error)
        } else {
            let ready = same(&later, &shown);
            entity_panel::view(p, a, ready, &counted, &error)
        };
    }
    let a = p.ann.as_deref();
    let current = a.and_then(|a| labels::find(&p.labels, &a.label));
    // Not `disabled`: that restyles (and re-lays out) every button when the first annotation
    // is chosen; these only fade, and do nothing while nothing is selected.
    let idle = a.is_none().then_some("true");
    let retag = p.labels.iter().map(|l| {
        let pressed = if a.is_some_and(|a| a.label == l.id) { "true" } else { "false" };
        el(
            "button",
            &["type", "class", "style", "aria-pressed", "aria-disabled", "data-label", "title"],
            Box::new([
                view::a("button"),
                view::a("chip"),
                view::a(format!("--c:{}", l.color)),
                view::a(pressed),
                idle.and_then(view::a),
                view::a(l.id.clone()),
                view::a(format!("Retag as {} (key {})", l.name, l.key)),
            ]),
            Listeners::None,
            vec![l.name.clone().into()],
        )
    });
    // One listener for all the chips: the clicked chip names its label.
    let onchip = {
        let (id, on) = (a.map(|a| a.id.clone()), p.onretag.clone());
        Callback::from(move |e: MouseEvent| {
            if let (Some(id), Some(label)) = (id.as_ref(), data_of(&e, "data-label")) {
                on.emit((id.clone(), label));
            }
        })
    };
    let ondelete = {
        let (id, on) = (a.map(|a| a.id.clone()), p.ondelete.clone());
        Callback::from(move |_: MouseEvent| id.iter().for_each(|id| on.emit(id.clone())))
    };
    let (name, pos, quote) = match a {
        Some(a) => {
            (current.map_or(a.label.clone(), |l| l.name.clone()), format!("{}–{}", a.start, a.end), a.quote.clone())
        }
        None => (
            "Nothing selected".to_string(),
            String::new(),
            "Click a highlight or an entry below. Keys 1–8 retag it, Delete removes it.".to_string(),
        ),
    };
    html! {
        <section ~className={if a.is_none() { "details idle" } else { "details" }} aria-label="Selected annotation"
                 style={format!("--c:{}", current.map_or("#c4cad3", |l| l.color.as_str()))}>
            <div class="details-head">
                <span class="details-label">{ name }</span>
                <span class="details-pos">{ p.place.clone() }
                    if !pos.is_empty() { <span class="details-offsets" title="Start and end, in characters (code points) from the start of the text">{ format!(" · {pos}") }</span> }
                </span>
            </div>
            <blockquote class="details-quote">{ quote }</blockquote>
            { view::build("div", None, Attributes::Static(&[("class", S("chips")), ("role", S("group")), ("aria-label", S("Retag"))]),
                view::onclick(onchip), vec![view::list(retag.collect())]) }
            { el("button", &["type", "class", "aria-disabled"], Box::new([view::a("button"), view::a("danger"), idle.and_then(view::a)]), view::onclick(ondelete),
                vec![text("Delete annotation")]) }
            if let Some(a) = p.ann.clone().filter(|_| same(&later, &p.ann)) { { panels(p, a) } }
        </section>
    }
}

/// Whether `a` and `b` are the same annotation, as it may have been edited since: the panels
/// follow a new selection a frame later, but an edit of the one selected (a verdict chosen, a
/// speaker taken) keeps them, and the control in them that has the focus, where they are.
fn same(a: &Option<Rc<Annotation>>, b: &Option<Rc<Annotation>>) -> bool {
    a.as_ref().map(|a| &a.id) == b.as_ref().map(|b| &b.id)
}

/// The note, and the claim's or the entity's panel, of the selected annotation.
fn panels(p: &DetailsProps, a: Rc<Annotation>) -> Html {
    let d = &p.data;
    let onnote = {
        let (a, on) = (a.clone(), p.ondispatch.clone());
        Callback::from(move |v: String| on.emit(set(&a.id, Field::Note(v.trim().to_string()))))
    };
    html! {
        <>
            <Details panel=true ann={Some(a.clone())} labels={p.labels.clone()} onretag={p.onretag.clone()} ondelete={p.ondelete.clone()}
                data={d.clone()} picking={p.picking} ondispatch={p.ondispatch.clone()} onpicking={p.onpicking.clone()} />
            { field("Note".into(), AttrValue::from(a.note.clone()), Control::Text(Text { multiline: true, ..Text::default() }), value_of(onnote)) }
        </>
    }
}

/// What an idle moment must have left for `warm` to draw a panel in it (ms).
const WARM_ROOM: f64 = 12.0;

/// The engine compiles each function of the app's code at its first call: the reader's first
/// click on an entry or a highlight drew the first panel, and at book length waited 2-4 ms
/// longer than the next clicks for the compiling. Here, in idle moments, a mention's panel and
/// a claim's (of the first annotation of each kind) are drawn once, with what each draws a
/// frame later, in an element out of the page, and taken down: their code is compiled before
/// the reader asks for it. Once a page for each kind (a kind the document has none of waits for
/// a document that has).
pub fn warm(data: PanelData) {
    if WARM.with(|w| w.replace(true)) {
        return;
    }
    let kinds = [Kind::Claim, Kind::Entity].into_iter().filter(|&k| WARMED.with(|w| w.get() & bit(k) == 0)).collect();
    warm_next(data, kinds);
}

thread_local! {
    /// Whether `warm` is at work.
    static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The kinds whose panels have been drawn (bit 1 a claim's, 2 a mention's).
    static WARMED: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// The bit of `kind` in `WARMED`.
fn bit(kind: Kind) -> u8 {
    if kind == Kind::Claim {
        1
    } else {
        2
    }
}

fn warm_next(data: PanelData, mut kinds: Vec<Kind>) {
    let Some(kind) = kinds.pop() else {
        return WARM.with(|w| w.set(false));
    };
    dom::when_idle(move || {
        if dom::idle_left() < WARM_ROOM {
            // (Too short a moment: the next one.)
            kinds.push(kind);
            return warm_next(data, kinds);
        }
        let Some(ann) = data.annotations.iter().find(|a| a.kind == kind).cloned() else {
            return warm_next(data, kinds);
        };
        let props = DetailsProps {
            ann: Some(ann),
            place: AttrValue::default(),
            labels: data.meta.labels.clone(),
            onretag: Callback::noop(),
            ondelete: Callback::noop(),
            data: data.clone(),
            picking: false,
            ondispatch: Callback::noop(),
            onpicking: Callback::noop(),
            panel: false,
        };
        let drawn = yew::Renderer::<Details>::with_root_and_props(dom::detached(), props).render();
        // (Taken down once what follows a frame later is drawn too.)
        dom::timeout(1000, move || {
            drawn.destroy();
            WARMED.with(|w| w.set(w.get() | bit(kind)));
            crate::browser::mark(if kind == Kind::Claim { "aa:warm-claim" } else { "aa:warm-entity" });
            warm_next(data, kinds);
        })
        .forget();
    });
}
