//! The library view: every stored article with its summary (newest change first, filtered by
//! title), opened, renamed or deleted from here; the storage meter; back up and restore.
use crate::browser::storage::QUOTA;
use crate::formats::text_in::{count, thousands};
use crate::model::library::{DocEntry, Library};
use std::rc::Rc;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub library: Rc<Library>,
    /// The open article's id (marked in the list).
    pub current: AttrValue,
    /// Storage used, in UTF-16 code units (what the browser's quota counts).
    pub used: usize,
    pub onopen: Callback<String>,
    pub onrename: Callback<(String, String)>,
    pub ondelete: Callback<String>,
    pub onbackup: Callback<()>,
    pub onrestore: Callback<web_sys::File>,
    pub onclose: Callback<()>,
}

thread_local! {
    /// One formatter for every date shown (making one per date cost a library of 200 a
    /// quarter of its listing time).
    static DATES: js_sys::Function = {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts).format()
    };
}

/// A date and time as the reader's browser writes them ("29 Nov 2026, 10:42").
pub fn local_time(iso: &str) -> String {
    if iso.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&iso.into());
    DATES
        .with(|f| f.call1(&wasm_bindgen::JsValue::NULL, &date).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| iso.to_string())
}

/// How many rows the list shows before "Show all".
const PAGE: usize = 100;

/// Lower case as the browser does it (no Unicode tables shipped).
fn lower(s: &str) -> String {
    js_sys::JsString::from(s).to_lower_case().into()
}

fn click<T: Clone + 'static>(cb: &Callback<T>, value: T) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_| cb.emit(value.clone()))
}

#[function_component(LibraryView)]
pub fn library_view(p: &LibraryProps) -> Html {
    let filter = use_state(AttrValue::default);
    // The article whose title is being edited (none: empty; articles' ids never are).
    let renaming = use_state(AttrValue::default);
    let all = use_state(|| false);
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value().into()))
    };
    let onrestore = super::file_chosen(&p.onrestore);
    let listed = p.library.listed(&filter, lower);
    let rows = listed.iter().take(if *all { usize::MAX } else { PAGE }).map(|d| row(p, d, &renaming));
    let more = (listed.len() > PAGE && !*all).then(|| {
        let all = all.setter();
        let onclick = Callback::from(move |_: MouseEvent| all.set(true));
        html! { <button type="button" class="more" {onclick}>{ format!("Show all {}", count(listed.len(), "article", "articles")) }</button> }
    });
    // (Integer arithmetic: formatting floats would ship several KB of code.)
    let percent = (p.used * 100 + QUOTA / 2) / QUOTA;
    let mb = |n: usize| match n {
        0..1_000_000 => format!("{} KB", n.div_ceil(1000)),
        _ => format!("{}.{} MB", n / 1_000_000, n % 1_000_000 / 100_000),
    };
    html! {
        // (The page's main landmark while the article, the other one, is hidden.)
        <main class="library-main">
        <section class="library" aria-labelledby="library-heading">
            <div class="library-head">
                <h1 id="library-heading">{ "Library" }</h1>
                <span class="library-n">{ count(p.library.documents.len(), "article", "articles") }</span>
                <button type="button" class="primary" onclick={click(&p.onclose, ())}>{ "Back to the article" }</button>
            </div>
            <div class="library-tools">
                <label class="filter"><span>{ "Filter by title" }</span>
                    <input type="search" value={(*filter).clone()} {oninput} /></label>
                <button type="button" onclick={click(&p.onbackup, ())}>{ "Back up the library" }</button>
                <label class="button file">{ "Restore…" }
                    <input type="file" aria-label="Restore a library backup" accept=".json,application/json" onchange={onrestore} /></label>
            </div>
            <div class="meter-row">
                <meter min="0" max={QUOTA.to_string()} low={(QUOTA * 8 / 10).to_string()} high={(QUOTA * 8 / 10).to_string()} optimum="0"
                    value={p.used.to_string()} aria-label="Storage used"></meter>
                <span>{ format!("{} of about {} used ({percent} %)", mb(p.used), mb(QUOTA)) }</span>
            </div>
            if percent >= 80 {
                <p class="dialog-error" role="alert">{ "The browser's storage for this page is nearly full. Back up the library now, then delete articles you no longer need." }</p>
            }
            if listed.is_empty() {
                <p class="empty">{ if filter.is_empty() { "No articles yet: open one with Open article." } else { "No article's title matches the filter." } }</p>
            } else {
                <table class="library-list">
                    <thead><tr><th scope="col">{ "Title" }</th><th scope="col">{ "Source" }</th><th scope="col" class="num">{ "Entities" }</th>
                        <th scope="col" class="num">{ "Claims" }</th><th scope="col" class="num">{ "Length" }</th><th scope="col">{ "Last change" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { more }
            }
        </section>
        </main>
    }
}

fn row(p: &LibraryProps, d: &DocEntry, renaming: &UseStateHandle<AttrValue>) -> Html {
    let open = d.id == p.current.as_str();
    let title = if **renaming == d.id.as_str() {
        let onclose = {
            let renaming = renaming.clone();
            Callback::from(move |_: ()| renaming.set(AttrValue::default()))
        };
        html! { <RenameBox id={d.id.clone()} title={d.title.clone()} onrename={p.onrename.clone()} {onclose} /> }
    } else {
        html! {
            <>
                <button type="button" class="link" onclick={click(&p.onopen, d.id.clone())}>{ d.title.clone() }</button>
                if open { <span class="badge">{ "Open" }</span> }
            </>
        }
    };
    let onrename = {
        let (renaming, id) = (renaming.clone(), d.id.clone());
        Callback::from(move |_: MouseEvent| renaming.set(id.clone().into()))
    };
    html! {
        <tr key={d.id.clone()} aria-current={open.then_some("true")} ~className={if open { "current" } else { "" }}>
            <td class="title-cell">{ title }</td>
            <td class="muted">{ d.source.clone() }</td>
            <td class="num">{ d.entities }</td>
            <td class="num">{ d.claims }</td>
            <td class="num">{ thousands(d.length) }</td>
            <td class="muted">{ local_time(&d.modified) }</td>
            <td class="row-actions">
                <button type="button" onclick={onrename} aria-label={format!("Rename “{}”", d.title)}>{ "Rename" }</button>
                <button type="button" class="danger-text" onclick={click(&p.ondelete, d.id.clone())} aria-label={format!("Delete “{}”", d.title)}>{ "Delete" }</button>
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct RenameProps {
    id: AttrValue,
    title: AttrValue,
    onrename: Callback<(String, String)>,
    onclose: Callback<()>,
}

/// A document's title being renamed: Enter or Save keeps it, Esc leaves it. (The field shows
/// the title once: a re-render of the library while typing keeps what is typed.)
#[function_component(RenameBox)]
fn rename_box(p: &RenameProps) -> Html {
    let input = use_node_ref();
    super::fields::use_shown_value(&input, &p.title);
    let save = {
        let (input, id, onrename, onclose) = (input.clone(), p.id.to_string(), p.onrename.clone(), p.onclose.clone());
        move || {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                onrename.emit((id.clone(), el.value()));
            }
            onclose.emit(());
        }
    };
    let onkeydown = {
        let (save, onclose) = (save.clone(), p.onclose.clone());
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
            <input type="text" ref={input} aria-label="New title" {onkeydown} autofocus=true />
            <button type="button" onclick={onsave}>{ "Save" }</button>
        </span>
    }
}
