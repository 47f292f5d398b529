#![no_main]
//! Any bytes as a file of this format: reading and placing never panic.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(files) = article_annotator::formats::label_studio::read(&text) {
        common::land(files);
    }
});
