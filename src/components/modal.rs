//! A modal dialog (WAI-ARIA dialog pattern): named by its heading, focus moved into it and
//! kept there (Tab wraps), Esc or the backdrop closes it, and focus goes back to where it was.
use super::view;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

const FOCUSABLE: &str =
    "button:not([disabled]), [href], input:not([disabled]), textarea, select, [tabindex]:not([tabindex=\"-1\"])";

fn focusables(root: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// The dialog's root, with focus moved into it when it opens and given back to where it was
/// when it closes. Its component draws the dialog with `view`.
#[hook]
pub fn use_modal() -> NodeRef {
    let root = use_node_ref();
    {
        let root = root.clone();
        super::use_effect_on((), move |_| {
            let before = gloo::utils::document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(first) = root.cast::<web_sys::Element>().and_then(|r| focusables(&r).into_iter().next()) {
                let _ = first.focus();
            }
            move || {
                if let Some(el) = before.filter(|el| el.is_connected()) {
                    let _ = el.focus();
                }
            }
        });
    }
    root
}

/// The dialog titled `title` (its heading's id `heading`) holding `children`, around the root
/// `use_modal` gave.
pub fn view(
    root: &NodeRef,
    title: &'static str,
    heading: &'static str,
    onclose: &Callback<()>,
    children: Html,
) -> Html {
    let onkeydown = {
        let (root, onclose) = (root.clone(), onclose.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                return onclose.emit(());
            }
            if e.key() != "Tab" {
                return;
            }
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            let all = focusables(&root);
            let active = gloo::utils::document().active_element();
            let (Some(first), Some(last)) = (all.first(), all.last()) else { return };
            let at = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>());
            let outside = active.as_ref().is_none_or(|a| !root.contains(Some(a)));
            if e.shift_key() && (at(first) || outside) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && (at(last) || outside) {
                e.prevent_default();
                let _ = first.focus();
            }
        })
    };
    let onbackdrop = {
        let onclose = onclose.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e.target().zip(e.current_target()).is_some_and(|(t, c)| t == c);
            if on_backdrop {
                onclose.emit(());
            }
        })
    };
    html! {
        <div class="backdrop" onclick={onbackdrop}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby={heading} ref={root.clone()} {onkeydown}>
                <div class="dialog-head">
                    <h2 id={heading}>{ view::text(title) }</h2>
                    { view::button(&[("type", S("button")), ("class", S("dismiss")), ("aria-label", S("Close"))], view::text("×"), super::click(onclose)) }
                </div>
                { children }
            </div>
        </div>
    }
}
