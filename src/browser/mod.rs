//! The only modules that touch the browser: selection, storage, downloads, files, time.
pub mod bench;
pub mod dom;
pub mod selection;
pub mod storage;
pub mod visibility;

/// The current time as an ISO 8601 string (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Set a performance mark (for the benchmark); harmless where unsupported.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
