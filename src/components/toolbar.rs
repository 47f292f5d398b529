//! The document toolbar: title, undo/redo, word snapping, export and import.
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the toolbar shows and does.
pub struct ToolbarProps {
    pub title: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub words: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    pub onwords: Callback<bool>,
    pub onexport: Callback<()>,
    /// Export in another tool's format (its id, as `handlers::export_as` names them).
    pub onformat: Callback<String>,
    pub onclaimreview: Callback<()>,
    /// Open the "Labels and ratings" dialog.
    pub onlabels: Callback<()>,
    /// A file was chosen for import.
    pub onimport: Callback<Vec<web_sys::File>>,
    /// Open the "Open article" dialog.
    pub onopen: Callback<()>,
    /// Show or hide the library.
    pub onlibrary: Callback<()>,
    /// Whether the library is shown.
    pub library: bool,
    /// Whether the open article's work is held by an export or backup ("Not exported since …").
    pub status: AttrValue,
    /// Whether the export menu is open.
    pub export: bool,
    /// Open or close the export menu.
    pub onexportmenu: Callback<bool>,
    /// Open the keyboard help.
    pub onhelp: Callback<()>,
}

/// The toolbar, drawn by the App shell as part of its own view (the buttons' callbacks are
/// made once, so a redraw only compares a few attributes).
pub fn view(p: &ToolbarProps) -> Html {
    use super::click;
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
                // Shown in narrow windows only, where the sidebar is a sheet over the article.
                if !p.library {
                    <button type="button" class="drawer" popovertarget="annotations" aria-controls="annotations">{ "Annotations" }</button>
                }
                <button type="button" onclick={click(&p.onopen)} title="Paste, choose or drop an article (Ctrl+O)">{ "Open article" }</button>
                <button type="button" onclick={click(&p.onlibrary)} aria-pressed={if p.library { "true" } else { "false" }} title="Every article you keep">{ "Library" }</button>
                <button type="button" onclick={click(&p.onundo)} disabled={!p.can_undo} title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button type="button" onclick={click(&p.onredo)} disabled={!p.can_redo} title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
                <label class="toggle" title="Grow selections to whole words">
                    <input type="checkbox" checked={p.words} onchange={onwords} />{ "Snap to words" }
                </label>
                <button type="button" onclick={click(&p.onhelp)} aria-label="Keyboard shortcuts" title="Every key, and the keyboard settings (?)">{ "?" }</button>
                <button type="button" onclick={click(&p.onlabels)} title="Add, rename, recolour and re-key labels; the rating scale">{ "Labels" }</button>
                { export_menu(p) }
                <label class="button file" title="Annotations from a file: this app's JSON or a library backup, W3C Web Annotation, brat (.ann with its .txt, or a .zip), doccano JSONL, Label Studio JSON">
                    { "Import" }
                    <input type="file" multiple=true accept=".json,.jsonld,.jsonl,.ndjson,.ann,.txt,.zip,application/json,application/ld+json,application/zip" {onchange} />
                </label>
            </div>
        </header>
    }
}

/// The other tools' formats: (id, menu item, what it is).
const FORMATS: [(&str, &str, &str); 6] = [
    ("w3c", "Export W3C Web Annotation", "JSON-LD, for annotation servers and readers"),
    ("brat", "Export brat", "standoff .ann with its .txt and annotation.conf, zipped"),
    ("doccano", "Export doccano", "JSONL, as doccano and spaCy read it"),
    ("label-studio", "Export Label Studio", "one task with its labelled regions"),
    ("conll", "Export CoNLL", "IOB2 tags, one word a line"),
    ("report", "Export HTML report", "the article, entities and claims, to read and print"),
];

/// The "Export" menu button (WAI-ARIA menu button): its items download the document in a
/// format; Esc, a choice or a click elsewhere closes it. (Drawn as part of the toolbar: whether
/// it is open is the shell's view state, `p.export`, changed through `p.onexportmenu`.)
fn export_menu(p: &ToolbarProps) -> Html {
    let open = p.export;
    let set = p.onexportmenu.clone();
    // (Closing what is closed already would only draw the shell again.)
    let close = move |set: &Callback<bool>| {
        if open {
            set.emit(false)
        }
    };
    let toggle = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set.emit(!open))
    };
    let item = |cb: &Callback<()>| {
        let (cb, set) = (cb.clone(), set.clone());
        Callback::from(move |_: MouseEvent| {
            close(&set);
            cb.emit(())
        })
    };
    // One listener for the formats' items: the chosen item names its format.
    let onformat = {
        let (cb, set) = (p.onformat.clone(), set.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(format) = crate::browser::dom::data_of(&e, "data-format") {
                close(&set);
                cb.emit(format);
            }
        })
    };
    let onkeydown = {
        let set = set.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" && open {
                e.prevent_default();
                e.stop_propagation();
                set.emit(false);
            } else if key == "ArrowDown" || key == "ArrowUp" {
                e.prevent_default();
                let Some(items) =
                    e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                else {
                    return;
                };
                let Ok(all) = items.query_selector_all("[role=menuitem]") else { return };
                let n = all.length();
                let active = gloo::utils::document().active_element();
                let at = (0..n)
                    .find(|&i| all.item(i).map(wasm_bindgen::JsCast::unchecked_into::<web_sys::Element>) == active);
                let next = match (at, key.as_str()) {
                    (Some(i), "ArrowDown") => (i + 1) % n,
                    (Some(i), _) => (i + n - 1) % n,
                    (None, _) => 0,
                };
                if let Some(el) =
                    all.item(next).and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = el.focus();
                }
            }
        })
    };
    let set = p.onexportmenu.clone();
    let onfocusout = Callback::from(move |e: FocusEvent| {
        let (Some(to), Some(me)) = (e.related_target(), e.current_target()) else { return close(&set) };
        let inside = wasm_bindgen::JsCast::dyn_ref::<web_sys::Node>(&me)
            .is_some_and(|me| me.contains(wasm_bindgen::JsCast::dyn_ref::<web_sys::Node>(&to)));
        if !inside {
            close(&set);
        }
    });
    html! {
        <div class="menu-button" {onkeydown} {onfocusout}>
            <button type="button" aria-haspopup="menu" aria-expanded={if open { "true" } else { "false" }} aria-controls="export-menu" onclick={toggle}>
                { "Export" }<span aria-hidden="true">{ " ▾" }</span>
            </button>
            <div class="export-menu" id="export-menu" role="menu" aria-label="Export" hidden={!open}>
                <button type="button" role="menuitem" onclick={item(&p.onexport)}>{ "Export JSON" }<span class="menu-note">{ "annotations, native format" }</span></button>
                <button type="button" role="menuitem" onclick={item(&p.onclaimreview)}>{ "Export ClaimReview" }<span class="menu-note">{ "rated claims, schema.org JSON-LD" }</span></button>
                <div role="none" onclick={onformat}>
                    { for FORMATS.iter().map(|(id, name, note)| html! {
                        <button type="button" role="menuitem" data-format={*id}>{ *name }<span class="menu-note">{ *note }</span></button>
                    }) }
                </div>
            </div>
        </div>
    }
}

/// The export menu was opened: its first item takes the focus.
pub fn focus_export_menu() {
    let first = gloo::utils::document().query_selector("#export-menu [role=menuitem]").ok().flatten();
    if let Some(el) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = el.focus();
    }
}
