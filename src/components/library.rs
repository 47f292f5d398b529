//! The library view: every stored article with its summary (newest change first, filtered by
//! title), opened, renamed or deleted from here; the storage meter; back up and restore.
use super::fields::{field, Control};
use super::library_rows as rows;
use super::view::{self, a, build, el, fixed, raw, text};
use crate::browser::dom::{self, data_of};
use crate::browser::page;
use crate::browser::storage::QUOTA;
use crate::formats::text_in::count;
use crate::model::library::{DocEntry, Library};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Attributes, Listeners, VTag};

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
    pub onrestore: Callback<Vec<web_sys::File>>,
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

/// Make the dates' formatter, in an idle moment rather than when the library opens.
pub fn warm_dates() {
    DATES.with(|_| ());
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
    let shown = &listed[..listed.len().min(if *all { usize::MAX } else { PAGE })];
    let more = (listed.len() > PAGE && !*all).then(|| {
        let all = all.setter();
        let onclick = Callback::from(move |_: MouseEvent| all.set(true));
        let label = format!("Show all {}", count(listed.len(), "article", "articles"));
        view::button(&[("type", S("button")), ("class", S("more"))], label.into(), onclick)
    });
    // (Integer arithmetic: formatting floats would ship several KB of code.)
    let percent = (p.used * 100 + QUOTA / 2) / QUOTA;
    let mb = |n: usize| match n {
        0..1_000_000 => format!("{} KB", n.div_ceil(1000)),
        _ => format!("{}.{} MB", n / 1_000_000, n % 1_000_000 / 100_000),
    };
    let tools = vec![
        fixed(
            "label",
            &[("class", S("filter"))],
            vec![
                raw("<span>Filter by title</span>"),
                VTag::__new_input(
                    Some((*filter).clone()),
                    None,
                    NodeRef::default(),
                    None,
                    Attributes::Static(&[("type", S("search"))]),
                    view::listen(Rc::new(yew::html::oninput::Wrapper::new(oninput))),
                )
                .into(),
            ],
        ),
        view::button(&[("type", S("button"))], text("Back up the library"), super::click(&p.onbackup)),
        fixed(
            "label",
            &[("class", S("button file"))],
            vec![
                text("Restore…"),
                VTag::__new_input(
                    None,
                    None,
                    NodeRef::default(),
                    None,
                    Attributes::Static(&[
                        ("type", S("file")),
                        ("aria-label", S("Restore a library backup")),
                        ("accept", S(".json,application/json")),
                    ]),
                    view::listen(Rc::new(yew::html::onchange::Wrapper::new(onrestore))),
                )
                .into(),
            ],
        ),
    ];
    let high = (QUOTA * 8 / 10).to_string();
    let meter = vec![
        el(
            "meter",
            &["min", "max", "low", "high", "optimum", "value", "aria-label"],
            Box::new([
                a("0"),
                a(QUOTA.to_string()),
                a(high.clone()),
                a(high),
                a("0"),
                a(p.used.to_string()),
                a("Storage used"),
            ]),
            Listeners::None,
            vec![],
        ),
        fixed("span", &[], vec![format!("{} of about {} used ({percent} %)", mb(p.used), mb(QUOTA)).into()]),
    ];
    let mut parts = vec![
        fixed(
            "div",
            &[("class", S("library-head"))],
            vec![
                raw(r#"<h1 id="library-heading">Library</h1>"#),
                fixed(
                    "span",
                    &[("class", S("library-n"))],
                    vec![count(p.library.documents.len(), "article", "articles").into()],
                ),
                view::button(
                    &[("type", S("button")), ("class", S("primary"))],
                    text("Back to the article"),
                    super::click(&p.onclose),
                ),
            ],
        ),
        fixed("div", &[("class", S("library-tools"))], tools),
        fixed("div", &[("class", S("meter-row"))], meter),
    ];
    parts.push(if percent >= 80 {
        raw(r#"<p class="dialog-error" role="alert">The browser's storage for this page is nearly full. Back up the library now, then delete articles you no longer need.</p>"#)
    } else {
        Html::default()
    });
    if listed.is_empty() {
        parts.push(if filter.is_empty() {
            raw(r#"<p class="empty">No articles yet: open one with Open article.</p>"#)
        } else {
            raw(r#"<p class="empty">No article's title matches the filter.</p>"#)
        });
    } else {
        let mut heads: Vec<Html> = HEADS.iter().map(|(attrs, t)| fixed("th", attrs, vec![text(t)])).collect();
        heads.push(fixed("th", &[("scope", S("col"))], vec![raw(r#"<span class="visually-hidden">Actions</span>"#)]));
        let mut inside = vec![fixed("thead", &[], vec![fixed("tr", &[], heads)])];
        inside.extend(bodies(p, shown, &renaming));
        let table =
            build("table", None, Attributes::Static(&[("class", S("library-list"))]), on_rows(p, &renaming), inside);
        parts.push(view::list(vec![table, more.unwrap_or_default()]));
    }
    // (The page's main landmark while the article, the other one, is hidden.)
    fixed(
        "main",
        &[("class", S("library-main"))],
        vec![fixed("section", &[("class", S("library")), ("aria-labelledby", S("library-heading"))], parts)],
    )
}

/// The list's column heads.
const HEADS: [(view::Fixed, &str); 6] = [
    (&[("scope", S("col"))], "Title"),
    (&[("scope", S("col"))], "Source"),
    (&[("scope", S("col")), ("class", S("num"))], "Entities"),
    (&[("scope", S("col")), ("class", S("num"))], "Claims"),
    (&[("scope", S("col")), ("class", S("num"))], "Length"),
    (&[("scope", S("col"))], "Last change"),
];

/// The listed rows: markup, but for the row whose title is being edited, drawn as elements
/// between the rows before it and those after it.
fn bodies(p: &LibraryProps, shown: &[&DocEntry], renaming: &UseStateHandle<AttrValue>) -> Vec<Html> {
    let rows = |key: &'static str, rows: &[&DocEntry]| {
        let rows = AttrValue::from(rows::markup(rows, &p.current, local_time));
        html! { <rows::Body {key} {rows} /> }
    };
    match shown.iter().position(|d| **renaming == d.id.as_str()) {
        None => vec![rows("before", shown)],
        Some(k) => vec![
            rows("before", &shown[..k]),
            fixed("tbody", &[], vec![renamed(p, shown[k], renaming)]),
            rows("after", &shown[k + 1..]),
        ],
    }
}

/// The one listener of the rows' buttons (see `library_rows`).
fn on_rows(p: &LibraryProps, renaming: &UseStateHandle<AttrValue>) -> Listeners {
    let (onopen, ondelete, renaming) = (p.onopen.clone(), p.ondelete.clone(), renaming.setter());
    view::onclick(Callback::from(move |e: MouseEvent| {
        if let Some(id) = data_of(&e, "data-open") {
            onopen.emit(id)
        } else if let Some(id) = data_of(&e, "data-rename") {
            renaming.set(id.into())
        } else if let Some(id) = data_of(&e, "data-delete") {
            ondelete.emit(id)
        }
    }))
}

/// The row of article `d` with its title in a field.
fn renamed(p: &LibraryProps, d: &DocEntry, renaming: &UseStateHandle<AttrValue>) -> Html {
    let open = d.id == p.current.as_str();
    let onclose = {
        let (renaming, id) = (renaming.clone(), d.id.clone());
        // (Back to its Rename button, once the row is drawn as markup again.)
        Callback::from(move |_: ()| {
            renaming.set(AttrValue::default());
            let id = id.clone();
            dom::soon(move || page::focus_by(&gloo::utils::document(), "data-rename", &id));
        })
    };
    // (Enter or Save keeps the title, Esc leaves it.)
    let onsave = {
        let (id, onrename) = (d.id.clone(), p.onrename.clone());
        Callback::from(move |title: String| onrename.emit((id.clone(), title)))
    };
    let rename = Control::Rename { onsave, onclose };
    let title = vec![field(AttrValue::default(), d.title.clone().into(), rename, Callback::noop())];
    let mut cells = vec![fixed("td", &[("class", S("title-cell"))], title)];
    for (class, text) in rows::cells(d, local_time) {
        cells.push(el("td", &["class"], Box::new([a(class)]), Listeners::None, vec![text.into()]));
    }
    let action = |&(name, keys, class): &(&'static str, &'static [&'static str], Option<&'static str>)| {
        let attrs = Box::new([a("button"), class.and_then(a), a(format!("{name} “{}”", d.title)), a(d.id.clone())]);
        el("button", keys, attrs, Listeners::None, vec![text(name)])
    };
    cells.push(fixed("td", &[("class", S("row-actions"))], rows::ACTIONS.iter().map(action).collect()));
    el(
        "tr",
        &["aria-current", "class"],
        Box::new([open.then(|| a("true")).flatten(), open.then(|| a("current")).flatten()]),
        Listeners::None,
        cells,
    )
}
