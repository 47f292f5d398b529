#![no_main]
//! Any bytes as a ZIP archive: listing never panics, and every entry's data lies inside it.
use article_annotator::formats::zip;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(entries) = zip::entries(data) {
        for e in entries {
            let bytes = &data[e.data.clone()];
            let _ = zip::crc32(bytes);
        }
    }
});
