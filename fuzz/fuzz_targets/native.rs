#![no_main]
//! Any bytes as the app's own file (and the recognition every import starts with): reading
//! never panics.
use article_annotator::formats::{native, place};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = place::detect("fuzz.json", &text);
    if let Ok(imp) = native::parse(&text) {
        drop(imp.into_state());
    }
});
