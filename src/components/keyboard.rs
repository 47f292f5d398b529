//! The keyboard's own views: the find box (`/`) and the keyboard help (`?`) with the settings
//! for single-key shortcuts and spoken labels.
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Focus the find box (shown, or about to be).
pub fn focus_find() {
    crate::browser::dom::soon(|| crate::browser::page::focus("#find-text"));
}

/// The find box: Enter selects the next match in the article, Esc goes back to the article.
pub fn find_box(onfind: &Callback<String>, onclose: &Callback<()>) -> Html {
    let onkeydown = {
        let (onfind, onclose) = (onfind.clone(), onclose.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                // (Once the key is done with: the match takes focus into the article.)
                let (onfind, query) = (onfind.clone(), e.target_unchecked_into::<HtmlInputElement>().value());
                crate::browser::dom::soon(move || onfind.emit(query));
            }
            "Escape" => onclose.emit(()),
            _ => {}
        })
    };
    html! {
        <div class="find" role="search" aria-label="Find in the article">
            <input id="find-text" type="search" aria-label="Find in the article" placeholder="Find in the article (Enter: next match)" {onkeydown} />
            <button type="button" class="dismiss" aria-label="Close find" onclick={super::click(onclose)}>{ "×" }</button>
        </div>
    }
}

/// Every key, as a table: what it does where.
const KEYS: &str = r#"<table class="keys"><caption>In the article (Tab reaches it), and anywhere</caption><tbody>
<tr><th>Shift + arrows, Ctrl+Shift+→</th><td>Select by character, by word</td></tr>
<tr><th>Alt+↑ ↓, Ctrl+↑ ↓</th><td>By sentence, by paragraph (Shift: select)</td></tr>
<tr><th>1 – 9</th><td>Tag the selection, or the word at the caret; retag the selected annotation</td></tr>
<tr><th>Enter</th><td>Tag menu for the selection; on a highlight, select it (again: the next one)</td></tr>
<tr><th>N / P</th><td>Next / previous annotation</td></tr>
<tr><th>Shift+] / Shift+[</th><td>Its end a word later / earlier</td></tr>
<tr><th>Alt+[ / Alt+]</th><td>Its start a word earlier / later</td></tr>
<tr><th>Delete</th><td>Delete it</td></tr>
<tr><th>A</th><td>Take the suggested speaker of the selected claim</td></tr>
<tr><th>S</th><td>Its entry in the sidebar (Enter there comes back)</td></tr>
<tr><th>/</th><td>Find; Enter selects the next match, ready to tag</td></tr>
<tr><th>?</th><td>This help</td></tr>
<tr><th>Esc</th><td>Anywhere: close the menu or dialog; back to the caret</td></tr>
<tr><th>Ctrl+Z, Ctrl+Shift+Z, Ctrl+O</th><td>Anywhere: undo, redo, open an article</td></tr>
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
            <label class="toggle"><input type="checkbox" checked={keys} onchange={switch(onkeys)} />{ "Single-key shortcuts" }</label>
            <label class="toggle"><input type="checkbox" checked={spoken} onchange={switch(onspoken)} />{ "Screen readers read each highlight's label" }</label>
        </dialog>
    }
}

/// Open the keyboard help as a modal dialog (it is drawn closed).
pub fn show_help() {
    crate::browser::page::show_modal("keyboard-help");
}
