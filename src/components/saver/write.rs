//! Writing a saved form: made a page string (a large one compressed a few blocks a task),
//! then written with its stamp and the library's summary.
use super::Saver;
use crate::browser::storage;
use crate::components::notices::Notice;
use crate::formats::packed;
use crate::model::library::DocEntry;
use wasm_bindgen::JsValue;
use yew::Callback;

/// A saved form ready to be written: where, what, and the stamp found beside the stored value
/// when it was made.
pub(super) struct Write {
    pub(super) key: String,
    pub(super) stamp_key: String,
    pub(super) seen: Option<String>,
    pub(super) json: String,
    pub(super) entry: DocEntry,
    pub(super) revision: u64,
}

/// Blocks of a large document's saved form compressed in one task (each 256 KiB of JSON,
/// about 2 ms in the browser).
const PACK_STEP: usize = 3;

/// Hand `w` to `then` with its stored form as a page string: a large one compressed
/// `PACK_STEP` blocks a task (all at once, it was a 30–45 ms task at book length), the
/// summary's size made that of the compressed form.
pub(super) fn in_page_form(
    mut w: Write,
    packing: Option<packed::Packing>,
    then: impl FnOnce(Write, JsValue) + 'static,
) {
    if packing.is_none() && !storage::compressed(&w.key, &w.json) {
        let page = JsValue::from_str(&w.json);
        return then(w, page);
    }
    let mut p = packing.unwrap_or_default();
    if !p.more(&w.json, PACK_STEP) {
        return crate::browser::dom::soon(move || in_page_form(w, Some(p), then));
    }
    w.entry.size = p.units();
    then(w, JsValue::from_str(&p.done()))
}

impl Write {
    /// The stored form as a page string (see `storage::page_form`), the summary's size made
    /// that of the compressed form when it is one.
    pub(super) fn page_form(&mut self) -> JsValue {
        let (page, units) = storage::page_form(&self.key, &self.json);
        self.entry.size = units.unwrap_or(self.entry.size);
        page
    }
}

/// Write `w`, whose form `page` is as a page string already (the write only hands it to the
/// store).
pub(super) fn write(saver: &mut Saver, w: Write, page: &JsValue, notify: &Callback<Notice>) {
    saver.saves += 1;
    let stamp = format!("{}-{}", crate::browser::tab_tag(), saver.saves);
    let result = storage::put(&w.key, page)
        .and_then(|_| storage::set(&w.stamp_key, &stamp))
        .and_then(|_| storage::touch_library(w.entry));
    match result {
        Ok(()) => {
            saver.stamp = Some(Some(stamp));
            saver.print = Some(crate::browser::picture::print_of(page));
            saver.written = Some(w.json);
            // (A change made since the form was made is still to be saved.)
            saver.dirty = saver.latest.as_ref().is_some_and(|s| s.revision != w.revision);
            notify.emit(Notice::error("save", ""));
            // (In a task of its own: the library's summary is read again for the toolbar.)
            let onsaved = saver.onsaved.clone();
            crate::browser::dom::soon(move || onsaved.emit(()));
        }
        Err(e) => notify.emit(Notice::error("save", e)),
    }
}
