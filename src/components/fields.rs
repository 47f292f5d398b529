//! Small labelled form controls for the panels: each hands on its value when the user is done
//! with it (a text field on change — Enter or leaving it — a list on choosing), so that each
//! change is one undoable step, not one per keystroke.
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
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

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub label: AttrValue,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub maxlength: Option<usize>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Why the value was refused, shown under the field and tied to it.
    #[prop_or_default]
    pub error: AttrValue,
}

/// A labelled text field (or area).
#[function_component(TextField)]
pub fn text_field(p: &TextProps) -> Html {
    let id = use_memo((), |_| unique_id("f"));
    let field = use_node_ref();
    use_shown_value(&field, &p.value);
    let err_id = format!("{id}-err");
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            let v = match e.target_dyn_into::<HtmlTextAreaElement>() {
                Some(area) => area.value(),
                None => e.target_unchecked_into::<HtmlInputElement>().value(),
            };
            cb.emit(v)
        })
    };
    let invalid = (!p.error.is_empty()).then_some("true");
    let described = (!p.error.is_empty()).then(|| err_id.clone());
    let max = p.maxlength.map(|m| m.to_string());
    let count = p.maxlength.map(|m| html! { <span class="field-count" aria-hidden="true">{ format!("{}/{m}", p.value.chars().count()) }</span> });
    html! {
        <div class="field">
            <label for={(*id).clone()}>{ p.label.clone() }{ count }</label>
            if p.multiline {
                <textarea id={(*id).clone()} ref={field} rows="2" {onchange} placeholder={p.placeholder.clone()}
                    aria-invalid={invalid} aria-describedby={described} maxlength={max} />
            } else {
                <input id={(*id).clone()} ref={field} type="text" {onchange} placeholder={p.placeholder.clone()}
                    aria-invalid={invalid} aria-describedby={described} maxlength={max} />
            }
            if !p.error.is_empty() { <p class="field-error" id={err_id}>{ p.error.clone() }</p> }
        </div>
    }
}

/// Show `value` in the field (an input or a text area) when it changes, and only then: a
/// render for any other reason leaves what the user is typing alone (Yew's `value` would
/// put the old value back).
#[hook]
pub fn use_shown_value(field: &NodeRef, value: &AttrValue) {
    let field = field.clone();
    super::use_effect_on(value.clone(), move |v| {
        if let Some(area) = field.cast::<HtmlTextAreaElement>() {
            area.set_value(v);
        } else if let Some(input) = field.cast::<HtmlInputElement>() {
            input.set_value(v);
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub value: AttrValue,
    /// The accessible name.
    pub label: AttrValue,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub class: AttrValue,
    #[prop_or_default]
    pub maxlength: Option<usize>,
    pub onchange: Callback<Event>,
}

/// An input named by `label`, its value shown as `use_shown_value` does.
#[function_component(Input)]
pub fn input(p: &InputProps) -> Html {
    let field = use_node_ref();
    use_shown_value(&field, &p.value);
    let max = p.maxlength.map(|m| m.to_string());
    html! {
        <input ref={field} type={p.kind.clone()} ~className={p.class.as_str()} aria-label={p.label.clone()} maxlength={max}
            onchange={p.onchange.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    pub label: AttrValue,
    /// (value, text) of each option.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    /// A long list: only the first and the chosen option are drawn until the pointer comes
    /// over the list or it takes the focus (both come before it opens).
    #[prop_or_default]
    pub lazy: bool,
}

/// A labelled drop-down list.
#[function_component(Choice)]
pub fn choice(p: &ChoiceProps) -> Html {
    let id = use_memo((), |_| unique_id("c"));
    let full = use_state(|| !p.lazy);
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let fill = {
        let full = full.clone();
        Callback::from(move |_: web_sys::Event| {
            if !*full {
                full.set(true)
            }
        })
    };
    let shown = |k: usize, v: &AttrValue| *full || k == 0 || *v == p.value;
    let options = p.options.iter().enumerate().filter(|(k, (v, _))| shown(*k, v)).map(|(_, (v, t))| {
        html! { <option value={v.clone()} selected={*v == p.value}>{ t.clone() }</option> }
    });
    html! {
        <div class="field">
            <label for={(*id).clone()}>{ p.label.clone() }</label>
            <select id={(*id).clone()} {onchange} onfocus={fill.reform(Into::into)} onpointerenter={fill.reform(Into::into)}>{ for options }</select>
        </div>
    }
}
