//! The claim panel: speaker (with the suggestion made on the device), cue, attribution,
//! check-worthiness, verdict and explanation, the claim as reviewed, and evidence.
use super::details::DetailsProps;
use super::fields::{field, value_of, Control, Text};
use super::speakers::accept;
use super::view::{self, el, fixed, raw, text};
use crate::browser::now_iso;
use crate::model::annotation::{Annotation, Attribution, Evidence, Worthiness, REVIEWED_MAX};
use crate::model::meta::is_web_link;
use crate::model::speaker::{Speaker, Suggestion};
use crate::model::state::Field;
use crate::model::Action;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Listeners};

/// `claim` with speaker `id` (a mention) named `text`.
pub fn with_speaker(claim: &Annotation, id: Option<String>, text: String) -> Action {
    set(&claim.id, Field::Speaker(id, text))
}

/// Set `field` of annotation `id`, now.
pub fn set(id: &str, field: Field) -> Action {
    Action::Set { id: id.to_string(), field, now: now_iso() }
}

/// A click handler setting `field` of annotation `id` (one closure for all such buttons).
pub fn on_set(d: &Callback<Action>, id: &str, field: Field) -> Callback<MouseEvent> {
    let (d, id) = (d.clone(), id.to_string());
    Callback::from(move |_: MouseEvent| d.emit(set(&id, field.clone())))
}

/// The claim panel of the selected claim `a` (the details panel drawing it holds its state):
/// its suggested speaker, the speaker list, and why an evidence link was refused.
pub fn view(
    p: &DetailsProps,
    a: &Rc<Annotation>,
    suggested: &Option<Suggestion>,
    speakers: &[(AttrValue, AttrValue)],
    evidence_error: &UseStateHandle<AttrValue>,
) -> Html {
    let (labels, scale, doc) = (&p.data.meta.labels, &p.data.meta.scale, &p.data.doc);
    let c = a.claim.clone().unwrap_or_default();
    let field_of = |f: fn(String) -> Field| {
        let (a, d) = (a.clone(), p.ondispatch.clone());
        value_of(Callback::from(move |v: String| d.emit(set(&a.id, f(v)))))
    };
    let onspeaker = {
        let (a, d, anns) = (a.clone(), p.ondispatch.clone(), p.data.annotations.clone());
        Callback::from(move |id: String| {
            let text = anns.iter().find(|m| m.id == id).map(|m| m.quote.clone()).unwrap_or_default();
            d.emit(with_speaker(&a, (!id.is_empty()).then_some(id), text));
        })
    };
    let onfree = {
        let (a, d) = (a.clone(), p.ondispatch.clone());
        Callback::from(move |text: String| d.emit(with_speaker(&a, None, text.trim().to_string())))
    };
    let onpick = {
        let (cb, picking) = (p.onpicking.clone(), p.picking);
        Callback::from(move |_: MouseEvent| cb.emit(!picking))
    };
    let suggestion_box = suggested.clone().map(|s| {
        let onclick = {
            let (a, d, labels, s) = (a.clone(), p.ondispatch.clone(), labels.clone(), s.clone());
            Callback::from(move |_: MouseEvent| accept(&a, &s, &labels).into_iter().for_each(|x| d.emit(x)))
        };
        let new = matches!(s.speaker, Speaker::New { .. }).then_some(" (not tagged yet: it will be tagged as a Person)");
        html! {
            <div class="suggestion" role="group" aria-label="Suggested speaker">
                <p>{ "Suggested speaker: " }<strong>{ s.name.clone() }</strong>{ new }<br/><span class="rule">{ format!("Rule: {}", s.rule) }</span></p>
                <button type="button" class="primary" {onclick} aria-keyshortcuts="A">{ format!("Accept speaker {}", s.name) }<kbd aria-hidden="true">{ "A" }</kbd></button>
            </div>
        }
    });
    let cue = c.cue.map(|s| {
        let cue_text: String = doc.text.chars().skip(s.start).take(s.end - s.start).collect();
        let onclick = on_set(&p.ondispatch, &a.id, Field::Cue(None));
        fixed(
            "p",
            &[("class", S("cue"))],
            vec![
                text("Cue: "),
                fixed("q", &[], vec![cue_text.into()]),
                text(" "),
                view::button(&[("type", S("button")), ("class", S("link"))], text("Clear cue"), onclick),
            ],
        )
    });
    // (Options by position in the enum's list: no names to parse.)
    let attributions =
        Attribution::ALL.iter().enumerate().map(|(i, x)| (i.to_string().into(), x.name().into())).collect::<Vec<_>>();
    let mut worth: Vec<(AttrValue, AttrValue)> = vec![("".into(), "Not assessed".into())];
    worth.extend(Worthiness::ALL.iter().enumerate().map(|(i, w)| (i.to_string().into(), w.name().into())));
    let verdicts: Vec<(AttrValue, AttrValue)> =
        scale.iter().map(|r| (r.id.clone().into(), r.name.clone().into())).collect();
    let evidence = c.evidence.iter().enumerate().map(|(i, e)| {
        let onclick = on_set(&p.ondispatch, &a.id, Field::RemoveEvidence(i));
        let note = if e.note.is_empty() {
            Html::default()
        } else {
            fixed("span", &[("class", S("evidence-note"))], vec![e.note.clone().into()])
        };
        fixed(
            "li",
            &[],
            vec![
                el(
                    "a",
                    &["href", "target", "rel"],
                    Box::new([view::a(e.url.clone()), view::a("_blank"), view::a("noopener noreferrer")]),
                    Listeners::None,
                    vec![e.url.clone().into()],
                ),
                note,
                el(
                    "button",
                    &["type", "class", "aria-label"],
                    Box::new([view::a("button"), view::a("link"), view::a(format!("Remove evidence {}", i + 1))]),
                    view::onclick(onclick),
                    vec![text("Remove")],
                ),
            ],
        )
    });
    let onadd = {
        let (a, d, err) = (a.clone(), p.ondispatch.clone(), evidence_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // (The form's two fields found by their names; emptied once the link is added.)
            let form: web_sys::Element = e.target_unchecked_into();
            let field = |selector: &str| {
                form.query_selector(selector)
                    .ok()
                    .flatten()
                    .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>)
            };
            let (Some(url), Some(note)) = (field("[name=url]"), field("[name=note]")) else { return };
            let link = url.value().trim().to_string();
            if !is_web_link(&link) {
                err.set("A link must be a web address starting with http:// or https://.".into());
                return;
            }
            err.set(AttrValue::default());
            let note_text = note.value().trim().to_string();
            d.emit(set(&a.id, Field::AddEvidence(Evidence { url: link, note: note_text })));
            url.set_value("");
            note.set_value("");
        })
    };
    html! {
        <section class="claim-panel" aria-label="Claim">
            { suggestion_box }
            { field("Speaker".into(), AttrValue::from(c.speaker.clone().unwrap_or_default()), Control::Choice { options: speakers.to_vec(), lazy: true }, value_of(onspeaker)) }
            { el("button", &["type", "aria-pressed"], Box::new([view::a("button"), view::a(if p.picking { "true" } else { "false" })]), view::onclick(onpick),
                vec![text(if p.picking { "Click a Person or Organization highlight… (Esc cancels)" } else { "Pick the speaker in the article" })]) }
            if c.speaker.is_none() {
                { field("Speaker not in the article".into(), AttrValue::from(c.speaker_text.clone()),
                    Control::Text(Text { placeholder: "Name, if not tagged".into(), ..Text::default() }), value_of(onfree)) }
            }
            { cue.unwrap_or_else(|| raw(r#"<p class="hint">Cue: select the reporting words (“said”) and choose “Cue of the claim” in the menu.</p>"#)) }
            { choice("Attribution", attributions, position(&Attribution::ALL, &c.attribution),
                field_of(|v| Field::Attribution(at(&Attribution::ALL, &v).unwrap_or_default()))) }
            { choice("Check-worthiness", worth, c.worthiness.map(|w| position(&Worthiness::ALL, &w)).unwrap_or_default(),
                field_of(|v| Field::Worthiness(at(&Worthiness::ALL, &v)))) }
            { choice("Verdict", verdicts, c.verdict.clone(), field_of(Field::Verdict)) }
            { field("Explanation".into(), AttrValue::from(c.explanation.clone()), Control::Text(Text { multiline: true, ..Text::default() }),
                field_of(|v| Field::Explanation(v.trim().to_string()))) }
            { field("Claim as reviewed".into(), AttrValue::from(c.reviewed.clone()), Control::Text(Text { maxlength: Some(REVIEWED_MAX), ..Text::default() }),
                field_of(|v| Field::Reviewed(v.trim().to_string()))) }
            <fieldset class="evidence">
                { raw("<legend>Evidence</legend>") }
                if !c.evidence.is_empty() { { fixed("ul", &[], vec![view::list(evidence.collect())]) } }
                <form onsubmit={onadd}>
                    { plain_field(["url", "evidence-url", "evidence-url-err"], "Evidence link", "https://…", evidence_error) }
                    { plain_field(["note", "evidence-note", "evidence-note-err"], "Evidence note", "What it shows", &AttrValue::default()) }
                    { fixed("button", &[("type", S("submit"))], vec![text("Add evidence")]) }
                </form>
            </fieldset>
        </section>
    }
}

/// A labelled drop-down list of (value, text) options.
fn choice(label: &'static str, options: Vec<(AttrValue, AttrValue)>, value: String, onchange: Callback<Event>) -> Html {
    field(label.into(), value.into(), Control::Choice { options, lazy: false }, onchange)
}

/// The position of `v` in `all`, as an option's value.
fn position<T: PartialEq>(all: &[T], v: &T) -> String {
    all.iter().position(|x| x == v).map(|i| i.to_string()).unwrap_or_default()
}

/// The entry of `all` at the position an option's value gives.
fn at<T: Copy>(all: &[T], value: &str) -> Option<T> {
    value.parse::<usize>().ok().and_then(|i| all.get(i).copied())
}

/// A labelled field of the evidence form, read when the form is sent (the panel is shown
/// once, so the field's name makes its id, `id`, and that of its error, `err_id`).
fn plain_field(
    [name, id, err_id]: [&'static str; 3],
    label: &'static str,
    placeholder: &'static str,
    error: &AttrValue,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <input {id} {name} type="text" {placeholder}
                aria-invalid={(!error.is_empty()).then_some("true")} aria-describedby={(!error.is_empty()).then_some(err_id)} />
            if !error.is_empty() { <p class="field-error" id={err_id}>{ error.clone() }</p> }
        </div>
    }
}
