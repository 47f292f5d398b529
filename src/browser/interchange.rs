//! What the interchange formats need from the browser: word and sentence segments from
//! `Intl.Segmenter` (for CoNLL's tokens), inflating a ZIP's deflated entries with
//! `DecompressionStream`.
use crate::formats::conll::Segmenter;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/page.js")]
extern "C" {
    /// Flattened (start, end) pairs of UTF-16 offsets: word-like and punctuation segments, or
    /// sentences; none where the browser has no segmenter.
    fn segments(text: &str, sentences: bool) -> Vec<u32>;
    /// The raw DEFLATE data `bytes` inflated (a promise of a `Uint8Array`).
    fn inflate(bytes: &[u8]) -> js_sys::Promise;
}

/// Word tokens and sentences from the browser's segmenter (`conll::Plain` where it has none).
pub struct Words;

impl Words {
    fn spans(text: &str, sentences: bool) -> Option<Vec<(usize, usize)>> {
        let utf16 = segments(text, sentences);
        if utf16.is_empty() {
            return None;
        }
        let bytes = super::clusters::utf16_to_bytes(text, &utf16);
        let mut out = Vec::with_capacity(bytes.len() / 2);
        for p in bytes.chunks_exact(2) {
            if p[0] < p[1] {
                out.push((p[0], p[1]));
            }
        }
        Some(out)
    }
}

impl Segmenter for Words {
    fn words(&self, text: &str) -> Vec<(usize, usize)> {
        Self::spans(text, false).unwrap_or_else(|| crate::formats::conll::Plain.words(text))
    }
    fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
        Self::spans(text, true).unwrap_or_else(|| crate::formats::conll::Plain.sentences(text))
    }
}

/// A ZIP entry's raw DEFLATE data, inflated (a `Uint8Array`; an error when it is damaged).
pub fn inflated(bytes: &[u8]) -> wasm_bindgen_futures::JsFuture {
    wasm_bindgen_futures::JsFuture::from(inflate(bytes))
}
