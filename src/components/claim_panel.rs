//! The claim panel: speaker (with the suggestion made on the device), cue, attribution,
//! check-worthiness, verdict and explanation, the claim as reviewed, and evidence.
use super::details::DetailsProps;
use super::fields::{field, value_of, Control, Text};
use super::view::{self, el, fixed, raw, text};
use crate::browser::now_iso;
use crate::formats::claimreview::is_organization;
use crate::model::annotation::{Annotation, Attribution, Evidence, Worthiness, REVIEWED_MAX};
use crate::model::labels::{self, Label};
use crate::model::meta::is_web_link;
use crate::model::order::Names;
use crate::model::speaker::{self, Mention, Speaker, Suggestion, Who};
use crate::model::state::Field;
use crate::model::{Action, Document, TextIndex};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Listeners};

/// Whether mentions of label `id` can be speakers, and as what.
pub fn who(labels: &[Label], id: &str) -> Option<Who> {
    labels::find(labels, id).and_then(label_who)
}

fn label_who(l: &Label) -> Option<Who> {
    if l.kind != crate::model::Kind::Entity {
        return None;
    }
    let name = l.name.to_ascii_lowercase();
    if is_organization(&l.id) || name.starts_with("organi") {
        Some(Who::Organization)
    } else if l.id == "PERSON" || name.starts_with("person") || name.starts_with("people") {
        Some(Who::Person)
    } else {
        None
    }
}

/// The labels whose mentions can be speakers (a few: looked up per annotation).
fn speaker_labels(labels: &[Label]) -> Vec<(&str, Who)> {
    labels.iter().filter_map(|l| Some((l.id.as_str(), label_who(l)?))).collect()
}

/// The article's people and organisations within the suggestion's reach of `[start, end)`.
fn mentions(anns: &[Rc<Annotation>], labels: &[Label], start: usize, end: usize) -> Vec<Mention> {
    let kinds = speaker_labels(labels);
    let who = |label: &str| kinds.iter().find(|(id, _)| *id == label).map(|(_, w)| *w);
    let near = |a: &Annotation| a.overlaps(start.saturating_sub(speaker::REACH), end + speaker::REACH);
    let m = |a: &Rc<Annotation>| Some(Mention { id: a.id.clone(), start: a.start, end: a.end, who: who(&a.label)? });
    anns.iter().filter(|a| near(a)).filter_map(m).collect()
}

/// The suggested speaker of `claim`, from its sentence and the one before.
pub fn suggestion(
    anns: &[Rc<Annotation>],
    labels: &[Label],
    (doc, index): (&Document, &TextIndex),
    claim: &Annotation,
) -> Option<Suggestion> {
    speaker::suggest_in(&doc.text, index, claim.start, claim.end, &mentions(anns, labels, claim.start, claim.end))
}

/// The speaker list: the article's people and organisations, each name once (the chosen
/// mention standing for its name). With `all` false, only what the list shows closed: "no
/// speaker" and the chosen mention (the whole list is a look at every annotation, some
/// milliseconds at book length: the panel draws it a frame after it first shows).
pub fn speaker_options(
    anns: &[Rc<Annotation>],
    labels: &[Label],
    chosen: Option<&str>,
    all: bool,
) -> Vec<(AttrValue, AttrValue)> {
    let kinds = speaker_labels(labels);
    let mut out: Vec<(AttrValue, AttrValue)> = vec![("".into(), "No speaker chosen".into())];
    let chosen_mention = chosen.and_then(|id| anns.iter().find(|m| m.id == id));
    let chosen_text = chosen_mention.map(|m| m.quote.as_str());
    let is_speaker = |m: &&Rc<Annotation>| kinds.iter().any(|(id, _)| *id == m.label);
    if !all {
        out.extend(chosen_mention.filter(is_speaker).map(|m| (m.id.clone().into(), m.quote.clone().into())));
        return out;
    }
    let speakers: Vec<&Rc<Annotation>> = anns.iter().filter(is_speaker).collect();
    let firsts = Names::new(speakers.iter().map(|m| m.quote.as_str())).firsts();
    for (m, first) in speakers.iter().zip(firsts) {
        let is_chosen = chosen == Some(m.id.as_str());
        if is_chosen || (Some(m.quote.as_str()) != chosen_text && first) {
            out.push((m.id.clone().into(), m.quote.clone().into()));
        }
    }
    out
}

/// The action that takes suggestion `s` for `claim`.
pub fn accept(claim: &Annotation, s: &Suggestion, labels: &[Label]) -> Option<Action> {
    match &s.speaker {
        Speaker::Mention(id) => Some(with_speaker(claim, Some(id.clone()), s.name.clone())),
        Speaker::New { start, end } => {
            let person = labels.iter().find(|l| who(labels, &l.id) == Some(Who::Person))?;
            Some(Action::AddSpeaker {
                claim: claim.id.clone(),
                start: *start,
                end: *end,
                label: person.id.clone(),
                now: now_iso(),
            })
        }
    }
}

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

/// The suggested speaker of claim `a` (none once it has a speaker, or for a mention).
pub fn suggested(
    a: &Annotation,
    anns: &[Rc<Annotation>],
    labels: &[Label],
    text: (&Document, &TextIndex),
) -> Option<Suggestion> {
    let c = a.claim.as_ref()?;
    if c.speaker.is_some() || !c.speaker_text.is_empty() {
        return None;
    }
    suggestion(anns, labels, text, a)
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
