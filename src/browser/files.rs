//! Files brought to the page: read as bytes and turned into an article draft by their kind
//! (plain text, Markdown, or a saved web page), and the page-wide drop and paste that bring them.
use crate::browser::{extract, interchange};
use crate::formats::foreign::Foreign;
use crate::formats::place::{self, Detected};
use crate::formats::text_in::{self, Draft, FileKind};
use crate::formats::{brat, markdown, zip};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// What a chosen or dropped file turned out to be.
pub enum Brought {
    /// An article to preview and open.
    Article(Draft),
    /// Article Annotator's own JSON: imported as a file of annotations (or a library backup).
    Json(String),
    /// Another tool's annotations (W3C, brat, doccano, Label Studio): the file's name and
    /// what it holds (one entry per document it carries).
    Foreign(String, Vec<Foreign>),
}

/// The article (or file of annotations) in a file's bytes; `Err` says why it cannot be opened.
pub fn bring(name: &str, bytes: &[u8]) -> Result<Brought, String> {
    let text = text_in::decode(bytes).map_err(|why| format!("{name} cannot be opened. {why}"))?;
    let draft = match text_in::kind_of(name, &text) {
        FileKind::Json => {
            return match place::detect(name, &text) {
                Detected::Native | Detected::Library => Ok(Brought::Json(text)),
                kind => place::read_foreign(kind, &text)
                    .map(|f| Brought::Foreign(name.to_string(), f))
                    .map_err(|why| format!("{name} was not imported: {why} Nothing was changed.")),
            }
        }
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

/// brat's files chosen together: each `.ann` with the `.txt` of the same name.
fn brat_pairs(name: &str, files: &[(String, Vec<u8>)]) -> Result<Brought, String> {
    let text = |bytes: &[u8]| text_in::decode(bytes).map_err(|why| format!("{name} cannot be opened. {why}"));
    let mut out = Vec::new();
    for (ann_name, ann) in files.iter().filter(|(n, _)| n.ends_with(".ann")) {
        let stem = &ann_name[..ann_name.len() - 4];
        let Some((_, txt)) = files.iter().find(|(n, _)| n.strip_suffix(".txt") == Some(stem)) else {
            return Err(format!("{ann_name} has no {stem}.txt beside it: brat's .ann needs its text (choose both files, or a .zip of them)."));
        };
        let f = brat::read(&text(ann)?, &text(txt)?)
            .map_err(|why| format!("{ann_name} was not imported: {why} Nothing was changed."))?;
        out.push(f);
    }
    if out.is_empty() {
        return Err(format!("{name} holds no brat .ann file."));
    }
    Ok(Brought::Foreign(name.to_string(), out))
}

/// The files of a ZIP, inflated where they were compressed.
async fn unzip(name: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let bad = |why: String| format!("{name} cannot be opened: {why}");
    let mut out = Vec::new();
    for e in zip::entries(bytes).map_err(bad)? {
        let raw = &bytes[e.data.clone()];
        let data = if e.method == 8 {
            let out = interchange::inflated(raw).await.map_err(|_| bad(format!("{}: its data is damaged", e.name)))?;
            js_sys::Uint8Array::new(&out).to_vec()
        } else {
            raw.to_vec()
        };
        if zip::crc32(&data) != e.crc {
            return Err(bad(format!("{} is damaged (its checksum does not match)", e.name)));
        }
        let file = e.name.rsplit('/').next().unwrap_or(&e.name).to_string();
        out.push((file, data));
    }
    Ok(out)
}

/// Read files' bytes (the browser's `Blob.arrayBuffer`), then call `done` with what they
/// hold: brat's `.ann` and `.txt` chosen together or zipped, else the first file.
pub fn read(files: Vec<web_sys::File>, done: impl FnOnce(Result<Brought, String>) + 'static) {
    let Some(first) = files.first() else { return };
    let name = first.name();
    if let Some(big) = files.iter().find(|f| f.size() > (text_in::MAX_CODE_POINTS * 4) as f64) {
        let why = format!(
            "{} cannot be opened: it is larger than the limit of {} characters.",
            big.name(),
            text_in::thousands(text_in::MAX_CODE_POINTS)
        );
        return done(Err(why));
    }
    let mut reads = Vec::new();
    for f in &files {
        reads.push((f.name(), wasm_bindgen_futures::JsFuture::from(f.array_buffer())));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut got = Vec::new();
        for (n, bytes) in reads {
            match bytes.await {
                Ok(buffer) => got.push((n, js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => return done(Err(format!("{n} could not be read."))),
            }
        }
        let zipped = name.to_ascii_lowercase().ends_with(".zip");
        if zipped {
            got = match unzip(&name, &got[0].1).await {
                Ok(files) => files,
                Err(why) => return done(Err(why)),
            };
        }
        done(if zipped || got.iter().any(|(n, _)| n.ends_with(".ann")) {
            brat_pairs(&name, &got)
        } else {
            bring(&name, &got[0].1)
        })
    });
}

/// Listen for files dropped anywhere on the page (the browser would otherwise open them in
/// place of the app) and for text pasted while nothing editable has focus.
pub fn listen(ondrop: impl Fn(Vec<web_sys::File>) + 'static, onpaste: impl Fn(String) + 'static) -> [EventListener; 3] {
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
        let list = e.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.data_transfer()).and_then(|d| d.files());
        let mut files = Vec::new();
        if let Some(l) = list {
            for i in 0..l.length() {
                files.extend(l.get(i));
            }
        }
        if !files.is_empty() {
            e.prevent_default();
            ondrop(files);
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
