//! The only modules that touch the browser: selection, storage, downloads, files, time.
pub mod bench;
pub mod clusters;
pub mod dom;
pub mod selection;
pub mod storage;
pub mod visibility;

/// The current time as an ISO 8601 string (UTC). Formatted here: the first `Date` object a
/// page makes costs about a millisecond, in the middle of tagging.
pub fn now_iso() -> String {
    crate::model::time::iso_from_millis(js_sys::Date::now() as i64)
}

/// Set a performance mark (for the benchmark); harmless where unsupported.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
