//! The keyboard's own views: the find box (`/`) and the keyboard help (`?`) with the settings
//! for single-key shortcuts and spoken labels.
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Focus the find box (shown, or about to be).
pub fn focus_find() {
    crate::browser::dom::soon(|| {
        let input = gloo::utils::document().get_element_by_id("find-text");
        if let Some(input) = input.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
            let _ = input.focus();
            input.select();
        }
    });
}

/// The find box: Enter selects the next match in the article, Esc goes back to the article.
pub fn find_box(onfind: &Callback<String>, onclose: &Callback<()>) -> Html {
    let onsubmit = {
        let onfind = onfind.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = gloo::utils::document().get_element_by_id("find-text");
            if let Some(input) = input.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
                onfind.emit(input.value());
            }
        })
    };
    let onkeydown = {
        let onclose = onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                onclose.emit(());
            }
        })
    };
    html! {
        <form class="find" role="search" aria-label="Find in the article" {onsubmit}>
            <input id="find-text" type="search" aria-label="Find in the article" placeholder="Find in the article" {onkeydown} />
            <button type="submit">{ "Find" }</button>
            <button type="button" class="dismiss" aria-label="Close find" onclick={super::click(onclose)}>{ "×" }</button>
        </form>
    }
}

/// Every key, as a table: what it does where.
const KEYS: &str = r#"<table class="keys"><caption>In the article (Tab reaches it; the arrows move the caret)</caption><tbody>
<tr><th scope="row"><kbd>Shift</kbd> + arrows, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>→</kbd></th><td>Select by character, by word</td></tr>
<tr><th scope="row"><kbd>Alt</kbd>+<kbd>↑</kbd> <kbd>↓</kbd>, <kbd>Ctrl</kbd>+<kbd>↑</kbd> <kbd>↓</kbd></th><td>Caret by sentence, by paragraph (with <kbd>Shift</kbd>: select)</td></tr>
<tr><th scope="row"><kbd>1</kbd>–<kbd>9</kbd></th><td>Tag the selection (or the word at the caret) with that label; with an annotation selected, retag it</td></tr>
<tr><th scope="row"><kbd>Enter</kbd></th><td>Open the tag menu for the selection; on a highlight, select its annotation (again: the next one there)</td></tr>
<tr><th scope="row"><kbd>N</kbd> / <kbd>P</kbd></th><td>Next / previous annotation</td></tr>
<tr><th scope="row"><kbd>Shift</kbd>+<kbd>]</kbd> / <kbd>Shift</kbd>+<kbd>[</kbd></th><td>Selected annotation's end a word later / earlier</td></tr>
<tr><th scope="row"><kbd>Alt</kbd>+<kbd>[</kbd> / <kbd>Alt</kbd>+<kbd>]</kbd></th><td>Its start a word earlier / later</td></tr>
<tr><th scope="row"><kbd>Delete</kbd></th><td>Delete the selected annotation</td></tr>
<tr><th scope="row"><kbd>A</kbd></th><td>Take the suggested speaker of the selected claim</td></tr>
<tr><th scope="row"><kbd>S</kbd></th><td>Go to the selected annotation's entry in the sidebar (<kbd>Enter</kbd> there comes back)</td></tr>
<tr><th scope="row"><kbd>/</kbd></th><td>Find text; <kbd>Enter</kbd> selects the next match, ready to tag</td></tr>
<tr><th scope="row"><kbd>?</kbd></th><td>This help</td></tr>
</tbody></table><table class="keys"><caption>Anywhere</caption><tbody>
<tr><th scope="row"><kbd>Esc</kbd></th><td>Close the menu or dialog; back to the article, the caret where it was</td></tr>
<tr><th scope="row"><kbd>Ctrl</kbd>+<kbd>Z</kbd>, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd></th><td>Undo, redo</td></tr>
<tr><th scope="row"><kbd>Ctrl</kbd>+<kbd>O</kbd></th><td>Open an article</td></tr>
</tbody></table>"#;

/// The keyboard help: a native modal dialog (the browser keeps focus in it, closes it on Esc
/// and gives focus back), shown by `show_help` once drawn.
pub fn help(
    keys: bool,
    spoken: bool,
    onkeys: &Callback<bool>,
    onspoken: &Callback<bool>,
    onclose: &Callback<()>,
) -> Html {
    let switch = |cb: &Callback<bool>| {
        let cb = cb.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let onclose = {
        let cb = onclose.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    html! {
        <dialog id="keyboard-help" class="dialog" aria-labelledby="keyboard-title" {onclose}>
            <form method="dialog" class="dialog-head">
                <h2 id="keyboard-title">{ "Keyboard" }</h2>
                <button class="dismiss" aria-label="Close">{ "×" }</button>
            </form>
            { super::view::raw(KEYS) }
            <label class="toggle"><input type="checkbox" checked={keys} onchange={switch(onkeys)} />{ "Single-key shortcuts (labels, N, P, S, /, ?, Delete)" }</label>
            <label class="toggle"><input type="checkbox" checked={spoken} onchange={switch(onspoken)} />{ "Screen readers read each highlight's label" }</label>
        </dialog>
    }
}

/// Open the keyboard help as a modal dialog (it is drawn closed).
pub fn show_help() {
    let dialog = gloo::utils::document().get_element_by_id("keyboard-help");
    if let Some(d) = dialog.and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()).filter(|d| !d.open()) {
        let _ = d.show_modal();
    }
}
