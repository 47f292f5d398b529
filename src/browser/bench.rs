//! The benchmark's timing hook (`aa_bench`): the offset index built, offsets converted and a
//! stored document read in wasm, each returning milliseconds per run, averaged over several runs.
use crate::formats::native;
use crate::model::TextIndex;

const RUNS: u32 = 25;

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Build the index of `text` `RUNS` times; mean milliseconds per build.
fn index_build(text: String) -> f64 {
    let start = now();
    let mut total = 0;
    for _ in 0..RUNS {
        total += std::hint::black_box(TextIndex::new(&text)).len();
    }
    std::hint::black_box(total);
    (now() - start) / RUNS as f64
}

/// `n` UTF-16 → code point → UTF-16 round trips at spread-out offsets; mean milliseconds.
fn conversions(text: String, n: u32) -> f64 {
    let index = TextIndex::new(&text);
    let units = index.utf16_len().max(1);
    let start = now();
    let mut acc = 0usize;
    for run in 0..RUNS {
        for i in 0..n as usize {
            let u = (i * 7919 + run as usize) % units;
            acc = acc.wrapping_add(index.cp_to_utf16(index.utf16_to_cp(u)));
        }
    }
    std::hint::black_box(acc);
    (now() - start) / RUNS as f64
}

/// Read a stored document (parse and check every record, then build the state) a few times;
/// mean milliseconds per read, or -1 when it cannot be read.
fn read(json: String) -> f64 {
    const READS: u32 = 5;
    let start = now();
    for _ in 0..READS {
        match native::parse(&json) {
            Ok(imp) => drop(std::hint::black_box(imp.into_state())),
            Err(_) => return -1.0,
        }
    }
    (now() - start) / READS as f64
}

/// The benchmark's timing hook, one export for the three measures (the page's module
/// bindings are `window.wasmBindings`): `kind` 0 builds the index of `text`, 1 makes `n`
/// offset conversions in it, 2 reads `text` as a stored document; mean milliseconds per run.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn aa_bench(kind: u32, text: String, n: u32) -> f64 {
    match kind {
        0 => index_build(text),
        1 => conversions(text, n),
        _ => read(text),
    }
}
