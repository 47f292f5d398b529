//! localStorage: one key per document plus an index key, all versioned. Never deletes the
//! user's data: a value that cannot be read is kept aside, a failed write is reported.
use serde::{Deserialize, Serialize};
use web_sys::Storage;

pub const PREFIX: &str = "article-annotator:v1:";

/// The key holding the list of documents and which one is open.
pub fn index_key() -> String {
    format!("{PREFIX}index")
}

/// The key holding one document's native JSON.
pub fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc:{id}")
}

/// One entry of the document list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub modified: String,
}

/// The index value: documents kept here and the one that is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub documents: Vec<DocEntry>,
}

fn store() -> Result<Storage, String> {
    gloo::utils::window().local_storage().ok().flatten().ok_or_else(|| {
        "This browser does not allow local storage here, so work cannot be kept after the tab closes.".into()
    })
}

/// Read a raw value.
pub fn get(key: &str) -> Result<Option<String>, String> {
    store()?.get_item(key).map_err(|_| format!("Reading \"{key}\" from local storage failed."))
}

/// Write a raw value; a full storage is reported in words a user understands.
pub fn set(key: &str, value: &str) -> Result<(), String> {
    store()?.set_item(key, value).map_err(|e| {
        let quota = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).is_some_and(|n| n.contains("Quota"));
        if quota {
            "The browser's storage for this page is full, so the latest changes are not saved. They are kept in this tab: export them to a file.".to_string()
        } else {
            "Saving to local storage failed. Your work is kept in this tab: export it to a file.".to_string()
        }
    })
}

/// Keep an unreadable value aside under `<key>:corrupt` (never overwriting an earlier one)
/// and return the key used.
pub fn keep_aside(key: &str, raw: &str) -> Result<String, String> {
    let mut aside = format!("{key}:corrupt");
    let mut n = 1;
    while get(&aside)?.is_some_and(|v| v != raw) {
        n += 1;
        aside = format!("{key}:corrupt{n}");
    }
    set(&aside, raw)?;
    Ok(aside)
}

/// Read the library index. An unreadable one is kept aside and an empty one returned with
/// the reason.
pub fn load_library() -> (Library, Option<String>) {
    let key = index_key();
    match get(&key) {
        Ok(None) => (Library::default(), None),
        Ok(Some(raw)) => match serde_json::from_str(&raw) {
            Ok(lib) => (lib, None),
            Err(e) => {
                let kept = keep_aside(&key, &raw).unwrap_or_default();
                (
                    Library::default(),
                    Some(format!("The list of saved documents could not be read ({e}); it was kept under \"{kept}\".")),
                )
            }
        },
        Err(e) => (Library::default(), Some(e)),
    }
}

/// Record `entry` in the index and make it the open document.
pub fn touch_library(entry: DocEntry) -> Result<(), String> {
    let (mut lib, _) = load_library();
    lib.current = Some(entry.id.clone());
    match lib.documents.iter_mut().find(|d| d.id == entry.id) {
        Some(d) => *d = entry,
        None => lib.documents.push(entry),
    }
    set(&index_key(), &serde_json::to_string(&lib).map_err(|e| e.to_string())?)
}
