//! The only modules that touch the browser: selection, storage, downloads, files, time.
pub mod bench;
pub mod clusters;
pub mod dom;
pub mod extract;
pub mod files;
pub mod guard;
pub mod interchange;
pub mod page;
pub mod picture;
pub mod pieces;
pub mod selection;
pub mod storage;
pub mod visibility;

/// The current time as an ISO 8601 string (UTC). Formatted here: the first `Date` object a
/// page makes costs about a millisecond, in the middle of tagging.
pub fn now_iso() -> String {
    crate::model::time::iso_from_millis(js_sys::Date::now() as i64)
}

/// A short random tag for this tab, the same for its whole life (see `State::with_id_tag`).
pub fn tab_tag() -> String {
    thread_local! {
        static TAG: String = {
            let n = (js_sys::Math::random() * 36f64.powi(4)) as u32;
            (0..4).map(|i| char::from_digit(n / 36u32.pow(i) % 36, 36).unwrap_or('0')).collect()
        };
    }
    TAG.with(Clone::clone)
}

/// Set a performance mark (for the benchmark); harmless where unsupported.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
