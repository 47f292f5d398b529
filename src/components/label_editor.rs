//! The "Labels and ratings" dialog: add, rename, recolour, re-key and delete labels; edit the
//! rating scale of verdicts; name the reviewer of exported ClaimReviews. Every change is one
//! undoable step (except the reviewer, a setting of the app).
use super::fields::{field, Control, Text};
use super::modal::{self, use_modal};
use super::view::{self, a, el, fixed, raw, text};
use crate::browser::now_iso;
use crate::model::annotation::Kind;
use crate::model::labels::Label;
use crate::model::meta::{fresh_id, Meta, Rating, PALETTE};
use crate::model::{Action, Annotation};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Listeners};

#[derive(Properties, PartialEq)]
pub struct LabelEditorProps {
    pub meta: Meta,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub reviewer: AttrValue,
    pub onreviewer: Callback<String>,
    pub ondispatch: Callback<Action>,
    pub onclose: Callback<()>,
}

/// The commit of `meta` changed by `f`, with the annotations `remove` removed.
fn commit(meta: &Meta, remove: Vec<String>, f: impl FnOnce(&mut Meta)) -> Action {
    let mut m = meta.clone();
    f(&mut m);
    Action::Commit { update: vec![], remove, meta: Some(Box::new(m)), now: now_iso() }
}

/// An input's callback committing entry `i` of a list of `meta` (`list`) as `f` sets it from
/// the input's value.
fn on_value<T: 'static>(
    meta: &Meta,
    d: &Callback<Action>,
    list: fn(&mut Meta) -> &mut Vec<T>,
    i: usize,
    f: fn(&mut T, String),
) -> Callback<Event> {
    let (meta, d) = (meta.clone(), d.clone());
    Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        d.emit(commit(&meta, vec![], |m| f(&mut list(m)[i], v)))
    })
}

/// A button's callback committing `meta` as `f` changes it.
fn on_meta(meta: &Meta, d: &Callback<Action>, f: fn(&mut Meta)) -> Callback<MouseEvent> {
    let (meta, d) = (meta.clone(), d.clone());
    Callback::from(move |_: MouseEvent| d.emit(commit(&meta, vec![], f)))
}

#[function_component(LabelEditor)]
pub fn label_editor(p: &LabelEditorProps) -> Html {
    // The label waiting for its deletion to be confirmed, and why a key was refused.
    let root = use_modal();
    let confirming = use_state(AttrValue::default);
    // (Held with a mark after the id: no label, not even one with an empty id, is asked about
    // before its Delete is pressed.)
    let asked = |id: &str| confirming.strip_suffix('\u{1}') == Some(id);
    let error = use_state(AttrValue::default);
    let count = |id: &str| p.annotations.iter().filter(|a| a.label == id).count();
    let rows = p.meta.labels.iter().enumerate().map(|(i, l)| {
        let edit = |f: fn(&mut Label, String)| on_value(&p.meta, &p.ondispatch, |m| Rc::make_mut(&mut m.labels), i, f);
        let onkey = {
            let (meta, d, err) = (p.meta.clone(), p.ondispatch.clone(), error.clone());
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let v = input.value().trim().to_string();
                let taken = meta.labels.iter().enumerate().any(|(j, o)| j != i && !v.is_empty() && o.key == v);
                if v.chars().count() > 1 || taken || matches!(v.as_str(), "a" | "A") {
                    err.set(format!("“{v}” cannot be a key: use one character no other label uses (A accepts a suggested speaker).").into());
                    input.set_value(&meta.labels[i].key);
                    return;
                }
                err.set(AttrValue::default());
                d.emit(commit(&meta, vec![], |m| Rc::make_mut(&mut m.labels)[i].key = v))
            })
        };
        let onkind = {
            let (meta, d) = (p.meta.clone(), p.ondispatch.clone());
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let kind = if v == "claim" { Kind::Claim } else { Kind::Entity };
                d.emit(commit(&meta, vec![], |m| Rc::make_mut(&mut m.labels)[i].kind = kind))
            })
        };
        let n = count(&l.id);
        let ondelete = {
            let (meta, d, confirming, id) = (p.meta.clone(), p.ondispatch.clone(), confirming.clone(), l.id.clone());
            let anns = p.annotations.clone();
            Callback::from(move |_: MouseEvent| {
                if n > 0 && confirming.strip_suffix('\u{1}') != Some(id.as_str()) {
                    return confirming.set((id.clone() + "\u{1}").into());
                }
                let gone = anns.iter().filter(|a| a.label == id).map(|a| a.id.clone()).collect();
                confirming.set(AttrValue::default());
                d.emit(commit(&meta, gone, |m| Rc::make_mut(&mut m.labels).retain(|x| x.id != id)))
            })
        };
        let oncancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(AttrValue::default()))
        };
        let asking = asked(&l.id);
        let name = l.name.clone();
        html! {
            <li class="label-row" key={l.id.clone()} style={format!("--c:{}", l.color)}>
                { input(format!("Colour of {name}"), l.color.clone(), "color", "", None, edit(|l, v| l.color = v)) }
                { input(format!("Name of label {name}"), l.name.clone(), "text", "label-name", None,
                    edit(|l, v| if !v.trim().is_empty() { l.name = v.trim().to_string() })) }
                { input(format!("Key of {name}"), l.key.clone(), "text", "label-key", Some(1), onkey) }
                <select aria-label={format!("Kind of {name}")} onchange={onkind}>
                    { option("entity", "Entity", l.kind == Kind::Entity) }
                    { option("claim", "Claim", l.kind == Kind::Claim) }
                </select>
                { fixed("span", &[("class", S("label-count")), ("title", S("Annotations with this label"))], vec![n.into()]) }
                if asking {
                    { fixed("span", &[("class", S("confirm")), ("role", S("alert"))], vec![
                        format!("Delete “{name}” and its {n} annotation{}?", if n == 1 { "" } else { "s" }).into(),
                        view::button(&[("type", S("button")), ("class", S("danger"))], format!("Delete {n} annotation{}", if n == 1 { "" } else { "s" }).into(), ondelete),
                        view::button(&[("type", S("button"))], text("Keep"), oncancel),
                    ]) }
                } else {
                    { el("button", &["type", "class", "aria-label"], Box::new([a("button"), a("link"), a(format!("Delete label {name}"))]), view::onclick(ondelete), vec![text("Delete")]) }
                }
            </li>
        }
    });
    let onadd = on_meta(&p.meta, &p.ondispatch, |m| {
        let labels = Rc::make_mut(&mut m.labels);
        let id = fresh_id("LABEL", labels.iter().map(|l| l.id.as_str()));
        let key = (1..=9).map(|k| k.to_string()).chain(["0".into()]).find(|k| !labels.iter().any(|l| &l.key == k));
        let color = PALETTE.iter().find(|c| !labels.iter().any(|l| l.color == **c)).unwrap_or(&PALETTE[0]);
        let n = labels.len() + 1;
        labels.push(Label {
            id,
            name: format!("Label {n}"),
            kind: Kind::Entity,
            color: color.to_string(),
            key: key.unwrap_or_default(),
        });
    });
    modal::view(
        &root,
        "Labels and ratings",
        "dialog-labels-and-ratings",
        &p.onclose,
        html! { <div class="label-editor">
                { raw("<h3>Labels</h3>") }
                { fixed("ul", &[("class", S("label-rows"))], vec![view::list(rows.collect())]) }
                if !error.is_empty() { { fixed("p", &[("class", S("field-error")), ("role", S("alert"))], vec![(*error).clone().into()]) } }
                { view::button(&[("type", S("button"))], text("Add label"), onadd) }
                { scale(p) }
                { raw("<h3>ClaimReview</h3>") }
                { field("Reviewer (the author of exported ClaimReviews)".into(), p.reviewer.clone(),
                    Control::Text(Text { placeholder: "Your organisation".into(), ..Text::default() }), super::fields::value_of(p.onreviewer.clone())) }
                { fixed("div", &[("class", S("dialog-actions"))], vec![
                    view::button(&[("type", S("button")), ("class", S("primary"))], text("Done"), super::click(&p.onclose)),
                ]) }
        </div> },
    )
}

/// The rating scale: each verdict's name and its number for ClaimReview.
fn scale(p: &LabelEditorProps) -> Html {
    let used = |id: &str| p.annotations.iter().filter(|a| a.claim.as_ref().is_some_and(|c| c.verdict == id)).count();
    let rows = p.meta.scale.iter().enumerate().map(|(i, r)| {
        let edit = |f: fn(&mut Rating, String)| on_value(&p.meta, &p.ondispatch, |m| Rc::make_mut(&mut m.scale), i, f);
        let n = used(&r.id);
        let ondelete = {
            let (meta, d) = (p.meta.clone(), p.ondispatch.clone());
            Callback::from(move |_: MouseEvent| d.emit(commit(&meta, vec![], |m| {
                Rc::make_mut(&mut m.scale).remove(i);
            })))
        };
        let name = r.name.clone();
        html! {
            <li class="rating-row" key={r.id.clone()}>
                { input(format!("Name of verdict {name}"), r.name.clone(), "text", "", None,
                    edit(|r, v| if !v.trim().is_empty() { r.name = v.trim().to_string() })) }
                { input(format!("Rating value of {name}"), r.value.to_string(), "number", "", None,
                    edit(|r, v| r.value = v.trim().parse().unwrap_or(r.value))) }
                if r.id == crate::model::annotation::UNVERIFIED {
                    { raw(r#"<span class="muted">no verdict yet</span>"#) }
                } else if n > 0 {
                    { fixed("span", &[("class", S("muted")), ("title", S("Claims with this verdict"))], vec![format!("{n} claim{}", if n == 1 { "" } else { "s" }).into()]) }
                } else {
                    { el("button", &["type", "class", "aria-label"], Box::new([a("button"), a("link"), a(format!("Delete verdict {name}"))]), view::onclick(ondelete), vec![text("Delete")]) }
                }
            </li>
        }
    });
    let onadd = on_meta(&p.meta, &p.ondispatch, |m| {
        let scale = Rc::make_mut(&mut m.scale);
        let id = fresh_id("rating_", scale.iter().map(|r| r.id.as_str()));
        scale.push(Rating { id, name: format!("Verdict {}", scale.len()), value: 0 });
    });
    html! {
        <>
            { raw(r#"<h3>Rating scale</h3><p class="hint">Each verdict's number is ClaimReview's ratingValue (best and worst follow from the numbers; 0 leaves it unranked).</p>"#) }
            { fixed("ul", &[("class", S("rating-rows"))], vec![view::list(rows.collect())]) }
            { view::button(&[("type", S("button"))], text("Add verdict"), onadd) }
        </>
    }
}

/// An input named by `label`.
fn input(
    label: String,
    value: String,
    kind: &'static str,
    class: &'static str,
    maxlength: Option<usize>,
    onchange: Callback<Event>,
) -> Html {
    field(label.into(), value.into(), Control::Input { kind, class, maxlength }, onchange)
}

/// An option of a list.
fn option(value: &'static str, label: &'static str, selected: bool) -> Html {
    let on = selected.then(|| a("selected")).flatten();
    el("option", &["value", "selected"], Box::new([a(value), on]), Listeners::None, vec![text(label)])
}
