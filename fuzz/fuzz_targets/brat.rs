#![no_main]
//! Any bytes as a brat pair (the .ann before the first NUL, the .txt after it): reading and
//! placing never panic.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let ann = String::from_utf8_lossy(&data[..cut]);
    let txt = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or_default());
    if let Ok(f) = article_annotator::formats::brat::read(&ann, &txt) {
        common::land(vec![f]);
    }
});
