//! Files brought to the page: read as bytes and turned into an article draft by their kind
//! (plain text, Markdown, or a saved web page), and the page-wide drop and paste that bring them.
use crate::browser::extract;
use crate::formats::markdown;
use crate::formats::text_in::{self, Draft, FileKind};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// What a chosen or dropped file turned out to be.
pub enum Brought {
    /// An article to preview and open.
    Article(Draft),
    /// Article Annotator's own JSON: imported as a file of annotations (or a library backup).
    Json(String),
}

/// The article (or JSON) in a file's bytes; `Err` says why it cannot be opened.
pub fn bring(name: &str, bytes: &[u8]) -> Result<Brought, String> {
    let text = text_in::decode(bytes).map_err(|why| format!("{name} cannot be opened. {why}"))?;
    let draft = match text_in::kind_of(name, &text) {
        FileKind::Json => return Ok(Brought::Json(text)),
        FileKind::Text => Draft::plain(&text, name),
        FileKind::Markdown => {
            let (title, body) = markdown::to_text(&text);
            Draft { title, ..Draft::plain(&body, name) }
        }
        FileKind::Html => {
            let page = extract::extract(&text).map_err(|why| format!("{name} cannot be opened. {why}"))?;
            Draft {
                title: page.title,
                url: page.url.unwrap_or_default(),
                authors: page.authors,
                published: page.published.unwrap_or_default(),
                ..Draft::plain(&page.text, name)
            }
        }
    };
    text_in::check(&draft.text).map_err(|why| format!("{name} cannot be opened. {why}"))?;
    Ok(Brought::Article(draft))
}

/// Read a file's bytes (the browser's `Blob.arrayBuffer`), then call `done` with what it holds.
pub fn read(file: web_sys::File, done: impl FnOnce(Result<Brought, String>) + 'static) {
    let name = file.name();
    if file.size() > (text_in::MAX_CODE_POINTS * 4) as f64 {
        let why = format!(
            "{name} cannot be opened: it is larger than the limit of {} characters.",
            text_in::thousands(text_in::MAX_CODE_POINTS)
        );
        return done(Err(why));
    }
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    wasm_bindgen_futures::spawn_local(async move {
        done(match bytes.await {
            Ok(buffer) => bring(&name, &js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => Err(format!("{name} could not be read.")),
        })
    });
}

/// Listen for files dropped anywhere on the page (the browser would otherwise open them in
/// place of the app) and for text pasted while nothing editable has focus.
pub fn listen(ondrop: impl Fn(web_sys::File) + 'static, onpaste: impl Fn(String) + 'static) -> [EventListener; 3] {
    let doc = gloo::utils::document();
    let opts = EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&doc, "dragover", opts, |e| {
        if let Some(dt) = e.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.data_transfer()) {
            if dt.types().includes(&"Files".into(), 0) {
                e.prevent_default();
                dt.set_drop_effect("copy");
            }
        }
    });
    let drop = EventListener::new_with_options(&doc, "drop", opts, move |e| {
        let file = e.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.data_transfer()).and_then(|d| d.files()?.get(0));
        if let Some(file) = file {
            e.prevent_default();
            ondrop(file);
        }
    });
    let paste = EventListener::new(&doc, "paste", move |e| {
        if crate::browser::dom::typing_in_field() {
            return;
        }
        let text = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|e| e.clipboard_data())
            .and_then(|d| d.get_data("text").ok());
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            onpaste(text);
        }
    });
    [over, drop, paste]
}
