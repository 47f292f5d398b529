//! localStorage: one key per document plus an index key, all versioned. Never deletes the
//! user's data: a value that cannot be read is kept aside, a failed write is reported.
//! (sessionStorage holds what lives for the browser session only: undo history, scroll.)
use crate::formats::packed;
pub use crate::model::library::{DocEntry, Library};
use wasm_bindgen::JsCast;
use web_sys::Storage;

pub const PREFIX: &str = "article-annotator:v1:";

/// About how many UTF-16 code units a browser lets one site keep in localStorage (5 MB).
pub const QUOTA: usize = 5_000_000;

/// The key holding the list of documents and which one is open.
pub fn index_key() -> String {
    format!("{PREFIX}index")
}

/// The key holding one document's native JSON.
pub fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc:{id}")
}

/// The key of the picture of the screen the reader left (see `picture`).
pub fn picture_key() -> String {
    format!("{PREFIX}picture")
}

/// The key of the app's settings (snapping to words).
pub fn settings_key() -> String {
    format!("{PREFIX}settings")
}

const BLOCKED: &str = "This browser does not let the page keep data (a private window, or storage turned off), so work is kept only while this tab is open. Export it to keep it.";

fn store() -> Result<Storage, String> {
    gloo::utils::window().local_storage().ok().flatten().ok_or_else(|| BLOCKED.into())
}

/// Read a value, handed into wasm by the browser's encoder in one pass (see `pieces::utf8`:
/// a document's value is millions of characters); a compressed one unpacked (see `packed`), or
/// as it is when it is damaged (reading it then fails, and it is kept aside as it is).
pub fn get(key: &str) -> Result<Option<String>, String> {
    Ok(raw(key)?.map(unpacked))
}

fn unpacked(raw: String) -> String {
    match packed::unpack(&raw) {
        Some(Ok(json)) => json,
        _ => raw,
    }
}

/// Read a value as it is stored (compressed or not).
pub fn raw(key: &str) -> Result<Option<String>, String> {
    Ok(page_string(key)?.map(|s| super::pieces::utf8(&s)))
}

fn page_string(key: &str) -> Result<Option<js_sys::JsString>, String> {
    store()?;
    let value = super::page::stored(key).map_err(|_| BLOCKED.to_string())?;
    Ok(value.dyn_into::<js_sys::JsString>().ok())
}

/// A value left in the page, to be handed into wasm a piece at a time (see `pieces::Pieces`; a
/// compressed one is unpacked a block at a time).
pub fn get_in_pieces(key: &str) -> Result<Option<super::pieces::Pieces>, String> {
    Ok(page_string(key)?.map(super::pieces::Pieces::new))
}

/// A stored value given by the page (a storage event's) as a Rust one, unpacked (see `get`);
/// `None` for anything else (null).
pub fn text_of(value: &wasm_bindgen::JsValue) -> Option<String> {
    value.dyn_ref::<js_sys::JsString>().map(super::pieces::utf8).map(unpacked)
}

/// Whether `key` holds a document (or a copy of one), whose large values are compressed.
fn holds_document(key: &str) -> bool {
    key.starts_with(&doc_key(""))
}

/// Write a value (a document's in its stored form: see `packed`); a full storage is reported
/// in words a user understands.
pub fn set(key: &str, value: &str) -> Result<(), String> {
    set_stored(key, value).map(drop)
}

/// `set`, telling how many UTF-16 units a compressed value takes (`None`: stored as it is).
pub fn set_stored(key: &str, value: &str) -> Result<Option<usize>, String> {
    let (page, units) = page_form(key, value);
    put(key, &page)?;
    Ok(units)
}

/// `value` as the page string `set` writes under `key`, and its length in UTF-16 units when it
/// is compressed.
pub fn page_form(key: &str, value: &str) -> (wasm_bindgen::JsValue, Option<usize>) {
    if compressed(key, value) {
        let mut p = packed::Packing::default();
        p.more(value, usize::MAX);
        let units = p.units();
        (wasm_bindgen::JsValue::from_str(&p.done()), Some(units))
    } else {
        (wasm_bindgen::JsValue::from_str(value), None)
    }
}

/// Whether `value` is stored compressed under `key` (see `packed`).
pub fn compressed(key: &str, value: &str) -> bool {
    holds_document(key) && packed::worth_packing(value)
}

/// Write a value already made a page string (`JsValue::from_str`), as `set` does.
pub fn put(key: &str, value: &wasm_bindgen::JsValue) -> Result<(), String> {
    // (A page without storage is told as `set` tells it.)
    let store = store()?;
    if holds_document(key) {
        // The picture of a screen (see `picture`) goes with any write of a document: it is no
        // longer sure to show what is stored, and its room is the document's.
        let _ = store.remove_item(&picture_key());
    }
    super::page::put(key, value).map_err(refused)
}

fn refused(e: wasm_bindgen::JsValue) -> String {
    let quota =
        js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).is_some_and(|n| n.contains("Quota"));
    if quota {
        "The browser's storage for this page is full, so the latest changes are not saved. They are kept in this tab: back up the library or export, then delete articles you no longer need.".to_string()
    } else {
        "Saving failed. Your work is kept in this tab and saving is tried again with the next change: export it to be safe.".to_string()
    }
}

pub use super::page::back_up;

/// Remove a value.
pub fn remove(key: &str) -> Result<(), String> {
    store()?.remove_item(key).map_err(|_| BLOCKED.to_string())
}

/// How much of the store is used, in UTF-16 code units of keys and values (what the quota
/// counts). Documents count what the index says of them (reading 200 documents to measure
/// them took longer than listing them); other values (the index, backups) are measured, their
/// length read in the browser without copying them here.
pub fn used(lib: &Library) -> usize {
    let Ok(s) = store() else { return 0 };
    let listed = |k: &str| k.strip_prefix(doc_key("").as_str()).and_then(|id| lib.get(id)).filter(|d| d.size > 0);
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| {
            let value = match listed(&k) {
                Some(d) => d.size,
                None => units_of(&s, &k),
            };
            k.len() + value
        })
        .sum()
}

/// The length of the value under `key` as stored (compressed or not), in UTF-16 units, read in
/// the browser without copying it here.
fn units_of(s: &Storage, key: &str) -> usize {
    js_sys::Reflect::get(s, &key.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        .map_or(0, |v| v.length() as usize)
}

/// Keep an unreadable value aside under `<key>:corrupt` (never overwriting an earlier one)
/// and return the key used.
pub fn keep_aside(key: &str, raw: &str) -> Result<String, String> {
    let mut aside = format!("{key}:corrupt");
    let mut n = 1;
    while self::raw(&aside)?.is_some_and(|v| v != raw) {
        n += 1;
        aside = format!("{key}:corrupt{n}");
    }
    // (Exactly as it was: not compressed by `set`.)
    put(&aside, &wasm_bindgen::JsValue::from_str(raw))?;
    Ok(aside)
}

/// Read the library index. An unreadable one is kept aside and an empty one returned with
/// the reason.
pub fn load_library() -> (Library, Option<String>) {
    let key = index_key();
    match get(&key) {
        Ok(None) => (Library::default(), None),
        Ok(Some(raw)) => match crate::formats::stored::library(&raw) {
            Ok(lib) => (lib, None),
            Err(_) => {
                let _ = keep_aside(&key, &raw);
                (
                    Library::default(),
                    Some("The list of saved articles could not be read; it was kept aside, and the articles are listed again as they are opened.".into()),
                )
            }
        },
        Err(e) => (Library::default(), Some(e)),
    }
}

/// Change the stored index with `f` and write it back.
pub fn update_library(f: impl FnOnce(&mut Library)) -> Result<Library, String> {
    let (mut lib, _) = load_library();
    f(&mut lib);
    keep_library(&lib)?;
    Ok(lib)
}

/// Write the index (one copy of this for every change made through `update_library`).
fn keep_library(lib: &Library) -> Result<(), String> {
    set(&index_key(), &crate::formats::json_write::to_string(lib))
}

/// Record `entry` in the index and make it the open document.
pub fn touch_library(entry: DocEntry) -> Result<(), String> {
    update_library(|lib| {
        lib.current = Some(entry.id.clone());
        lib.upsert(entry);
    })
    .map(drop)
}

fn session() -> Option<Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

/// Read a value kept for the browser session (`None` where there is none or no session store).
pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

/// Keep a value for the browser session; failing quietly (it is a convenience).
pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(&format!("{PREFIX}{key}"), value);
    }
}

/// Bring the index up to date with what is stored: entries written before summaries were kept
/// (no text hash or size) get one, and documents missing from the index (an index that was lost or
/// unreadable) are listed again. Reads only the documents that need it; returns whether
/// anything changed.
pub fn repair_library() -> bool {
    let Ok(s) = store() else { return false };
    let (lib, _) = load_library();
    let doc_prefix = doc_key("");
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
    let ids: Vec<&str> =
        keys.iter().filter_map(|k| k.strip_prefix(doc_prefix.as_str())).filter(|id| !id.contains(':')).collect();
    let stale: Vec<&str> =
        ids.iter().copied().filter(|id| lib.get(id).is_none_or(|d| d.sha256.is_empty() || d.size == 0)).collect();
    if stale.is_empty() {
        return false;
    }
    let read = |id: &str| {
        let raw = get(&doc_key(id)).ok().flatten()?;
        let state = crate::formats::native::parse(&raw).ok()?.into_state();
        let modified = lib.get(id).map(|d| d.modified.clone()).unwrap_or_default();
        // (Its size as stored, compressed or not.)
        Some(DocEntry { size: units_of(&s, &doc_key(id)), ..DocEntry::of(&state, &modified) })
    };
    let found: Vec<DocEntry> = stale.into_iter().filter_map(read).collect();
    update_library(|lib| found.into_iter().for_each(|e| lib.upsert(e))).is_ok()
}
