//! The picture of the screen the reader leaves (`picture.js`), which the next open shows at
//! once, before the app's code has come (`picture-show.js`, inlined into index.html), and the
//! app's first render takes down.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/picture.js")]
extern "C" {
    /// The fingerprint of stored value `s` (a page string), as the picture is checked with:
    /// its length and a hash of characters spread over it.
    #[wasm_bindgen(js_name = fingerprint)]
    pub fn print_of(s: &JsValue) -> String;
    /// Keep a picture of the page as it is, for document `id` stored under `doc_key` with
    /// `stamp` beside it and a value of fingerprint `print`, when it still is; the reader's
    /// `place` (see `page::reading_position`).
    fn keep_picture(key: &str, doc_key: &str, id: &str, stamp: Option<String>, print: &str, place: Option<String>);
    /// Take the picture down as the app's first render begins (it empties the page), the
    /// reader's place kept; whether there was one.
    pub fn take_down() -> bool;
}

/// Keep a picture of the screen of document `id`, whose stored value this tab last read or
/// wrote had fingerprint `print` and the stamp `stamp` beside it (kept only if that is still
/// what is stored); `print` `None`: what is shown is not what is stored, and none is kept.
pub fn keep(id: &str, stamp: Option<String>, print: Option<&str>) {
    let doc_key = super::storage::doc_key(id);
    let key = super::storage::picture_key();
    keep_picture(&key, &doc_key, id, stamp, print.unwrap_or_default(), super::page::reading_position());
}
