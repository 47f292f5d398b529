#![no_main]
//! Any bytes as the app's own file (and the recognition every import starts with): reading
//! never panics, and reading it in slices (as a stored document is on opening) gives exactly
//! what one whole reading gives.
use article_annotator::formats::native_slices::{begin, Read};
use article_annotator::formats::{native, place};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = place::detect("fuzz.json", &text);
    let whole = native::parse(&text);
    let n = data.first().map_or(1, |b| usize::from(b % 4) + 1);
    let mut read = begin(text.to_string());
    let sliced = loop {
        match read {
            Read::More(s) => read = s.step(n),
            Read::Done(_, out) => break out,
        }
    };
    assert_eq!(sliced, whole);
    if let Ok(imp) = whole {
        drop(imp.into_state());
    }
});
