//! The document toolbar: title, undo/redo, word snapping, export and import.
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub title: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub words: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    pub onwords: Callback<bool>,
    pub onexport: Callback<()>,
    /// A file was chosen for import.
    pub onimport: Callback<web_sys::File>,
    /// Open the "Open article" dialog.
    pub onopen: Callback<()>,
    /// Show or hide the library.
    pub onlibrary: Callback<()>,
    /// Whether the library is shown.
    pub library: bool,
    /// Whether the open article's work is held by an export or backup ("Not exported since …").
    pub status: AttrValue,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onwords = {
        let cb = p.onwords.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let onchange = super::file_chosen(&p.onimport);
    html! {
        <header class="topbar">
            <div class="brand"><span class="logo" aria-hidden="true">{ "❝" }</span>{ "Article Annotator" }</div>
            <div class="doc-title" title={p.title.clone()}>{ p.title.clone() }</div>
            if !p.status.is_empty() { <span class="doc-status">{ p.status.clone() }</span> }
            <div class="tools" role="toolbar" aria-label="Document">
                <button type="button" onclick={click(&p.onopen)} title="Paste, choose or drop an article (Ctrl+O)">{ "Open article" }</button>
                <button type="button" onclick={click(&p.onlibrary)} aria-pressed={if p.library { "true" } else { "false" }} title="Every article you keep">{ "Library" }</button>
                <button type="button" onclick={click(&p.onundo)} disabled={!p.can_undo} title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button type="button" onclick={click(&p.onredo)} disabled={!p.can_redo} title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
                <label class="toggle" title="Grow selections to whole words">
                    <input type="checkbox" checked={p.words} onchange={onwords} />{ "Snap to words" }
                </label>
                <button type="button" onclick={click(&p.onexport)} title="Download the annotations as JSON">{ "Export JSON" }</button>
                <label class="button file">
                    { "Import JSON" }
                    <input type="file" accept=".json,application/json" {onchange} />
                </label>
            </div>
        </header>
    }
}
