//! Small labelled form controls for the panels: each hands on its value when the user is done
//! with it (a text field on change — Enter or leaving it — a list on choosing), so that each
//! change is one undoable step, not one per keystroke. One component draws them all (a text
//! field, a bare input and a drop-down list).
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// An id no other element of the page has, for tying a label to its control.
pub fn unique_id(prefix: &str) -> String {
    thread_local! { static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) }; }
    let n = NEXT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{prefix}{n}")
}

/// A labelled text field's options.
#[derive(Clone, Default, PartialEq)]
pub struct Text {
    /// A text area rather than a one-line field.
    pub multiline: bool,
    pub maxlength: Option<usize>,
    pub placeholder: AttrValue,
    /// Why the value was refused, shown under the field and tied to it.
    pub error: AttrValue,
}

/// What a field is.
#[derive(Clone, PartialEq)]
pub enum Control {
    /// A labelled text field (or area).
    Text(Text),
    /// An input named by the label (of type `kind`, with class `class`).
    Input { kind: &'static str, class: &'static str, maxlength: Option<usize> },
    /// A labelled drop-down list of (value, text) options. A `lazy` (long) list draws only the
    /// first and the chosen option until the pointer comes over the list or it takes the focus
    /// (both come before it opens).
    Choice { options: Vec<(AttrValue, AttrValue)>, lazy: bool },
    /// A title being renamed, shown once (a re-render while typing keeps what is typed):
    /// Enter or Save hands the text to `onsave`, then `onclose` is called; Esc calls `onclose`.
    Rename { onsave: Callback<String>, onclose: Callback<()> },
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The label (of an input: its accessible name).
    pub label: AttrValue,
    pub value: AttrValue,
    pub control: Control,
    pub onchange: Callback<Event>,
}

/// A field of kind `control` (see `Control`), handing its `change` events to `onchange`.
pub fn field(label: AttrValue, value: AttrValue, control: Control, onchange: Callback<Event>) -> Html {
    html! { <Field {label} {value} {control} {onchange} /> }
}

/// A labelled one-line text field.
pub fn text_field(label: &'static str, value: AttrValue, onchange: Callback<String>) -> Html {
    field(label.into(), value, Control::Text(Text::default()), value_of(onchange))
}

/// A change handler handing on the value of the control that changed (an input, a text area
/// or a list: each has its `value`).
pub fn value_of(cb: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
}

#[function_component(Field)]
fn field_view(p: &FieldProps) -> Html {
    let prefix = match p.control {
        Control::Text(_) => "f",
        Control::Choice { .. } => "c",
        Control::Input { .. } | Control::Rename { .. } => "",
    };
    let id = use_memo((), move |_| if prefix.is_empty() { String::new() } else { unique_id(prefix) });
    let field = use_node_ref();
    use_shown_value(&field, &p.value);
    let lazy = matches!(p.control, Control::Choice { lazy: true, .. });
    let full = use_state(|| !lazy);
    let onchange = p.onchange.clone();
    match &p.control {
        Control::Text(t) => {
            let err_id = format!("{id}-err");
            let invalid = (!t.error.is_empty()).then_some("true");
            let described = (!t.error.is_empty()).then(|| err_id.clone());
            let max = t.maxlength.map(|m| m.to_string());
            let count = t.maxlength.map(|m| html! { <span class="field-count" aria-hidden="true">{ format!("{}/{m}", p.value.chars().count()) }</span> });
            html! {
                <div class="field">
                    <label for={(*id).clone()}>{ p.label.clone() }{ count }</label>
                    if t.multiline {
                        <textarea id={(*id).clone()} ref={field} rows="2" {onchange} placeholder={t.placeholder.clone()}
                            aria-invalid={invalid} aria-describedby={described} maxlength={max} />
                    } else {
                        <input id={(*id).clone()} ref={field} type="text" {onchange} placeholder={t.placeholder.clone()}
                            aria-invalid={invalid} aria-describedby={described} maxlength={max} />
                    }
                    if !t.error.is_empty() { <p class="field-error" id={err_id}>{ t.error.clone() }</p> }
                </div>
            }
        }
        Control::Input { kind, class, maxlength } => {
            let max = maxlength.map(|m| m.to_string());
            html! {
                <input ref={field} type={*kind} ~className={*class} aria-label={p.label.clone()} maxlength={max} {onchange} />
            }
        }
        Control::Rename { onsave, onclose } => {
            let save = {
                let (input, onsave, onclose) = (field.clone(), onsave.clone(), onclose.clone());
                move || {
                    if let Some(el) = input.cast::<HtmlInputElement>() {
                        onsave.emit(el.value());
                    }
                    onclose.emit(());
                }
            };
            let onkeydown = {
                let (save, onclose) = (save.clone(), onclose.clone());
                Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                    "Enter" => save(),
                    "Escape" => {
                        e.stop_propagation();
                        onclose.emit(())
                    }
                    _ => {}
                })
            };
            let onsave = Callback::from(move |_: MouseEvent| save());
            html! {
                <span class="rename">
                    <input type="text" ref={field} aria-label="New title" {onkeydown} autofocus=true />
                    <button type="button" onclick={onsave}>{ "Save" }</button>
                </span>
            }
        }
        Control::Choice { options, .. } => {
            let fill = {
                let full = full.clone();
                Callback::from(move |_: web_sys::Event| {
                    if !*full {
                        full.set(true)
                    }
                })
            };
            let shown = |k: usize, v: &AttrValue| *full || k == 0 || *v == p.value;
            let options = options.iter().enumerate().filter(|(k, (v, _))| shown(*k, v)).map(|(_, (v, t))| {
                html! { <option value={v.clone()} selected={*v == p.value}>{ t.clone() }</option> }
            });
            html! {
                <div class="field">
                    <label for={(*id).clone()}>{ p.label.clone() }</label>
                    <select id={(*id).clone()} {onchange} onfocus={fill.reform(Into::into)} onpointerenter={fill.reform(Into::into)}>{ for options }</select>
                </div>
            }
        }
    }
}

/// Show `value` in the field (an input or a text area: each has its `value`) when it changes,
/// and only then: a render for any other reason leaves what the user is typing alone (Yew's
/// `value` would put the old value back).
#[hook]
pub fn use_shown_value(field: &NodeRef, value: &AttrValue) {
    let field = field.clone();
    super::use_effect_on(value.clone(), move |v| {
        if let Some(node) = field.get() {
            node.unchecked_into::<HtmlInputElement>().set_value(v);
        }
    });
}
