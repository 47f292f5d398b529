//! The panel for the selected annotation: what it is, retag buttons, delete.
use crate::browser::dom::data_of;
use crate::model::annotation::Annotation;
use crate::model::labels::{self, Label};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub ann: Rc<Annotation>,
    pub labels: Rc<Vec<Label>>,
    /// (annotation id, new label id)
    pub onretag: Callback<(String, String)>,
    pub ondelete: Callback<String>,
}

#[function_component(Details)]
pub fn details(p: &DetailsProps) -> Html {
    let a = &p.ann;
    let current = labels::find(&p.labels, &a.label);
    let retag = p.labels.iter().map(|l| {
        let pressed = if l.id == a.label { "true" } else { "false" };
        html! {
            <button type="button" class="chip" style={format!("--c:{}", l.color)} aria-pressed={pressed}
                    data-label={l.id.clone()} title={format!("Retag as {} (key {})", l.name, l.key)}>
                { l.name.clone() }
            </button>
        }
    });
    // One listener for all the chips: the clicked chip names its label.
    let onchip = {
        let (id, on) = (a.id.clone(), p.onretag.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(label) = data_of(&e, "data-label") {
                on.emit((id.clone(), label));
            }
        })
    };
    let ondelete = {
        let (id, on) = (a.id.clone(), p.ondelete.clone());
        Callback::from(move |_: MouseEvent| on.emit(id.clone()))
    };
    html! {
        <section class="details" aria-label="Selected annotation" style={format!("--c:{}", current.map_or("#888", |l| l.color.as_str()))}>
            <div class="details-head">
                <span class="details-label">{ current.map_or(a.label.clone(), |l| l.name.clone()) }</span>
                <span class="details-pos">{ format!("{}–{}", a.start, a.end) }</span>
            </div>
            <blockquote class="details-quote">{ a.quote.clone() }</blockquote>
            <div class="chips" role="group" aria-label="Retag" onclick={onchip}>{ for retag }</div>
            <button type="button" class="danger" onclick={ondelete}>{ "Delete annotation" }</button>
        </section>
    }
}
