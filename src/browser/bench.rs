//! The benchmark's timing hooks: `aa_bench` (the offset index built, offsets converted and a
//! stored document read in wasm, each returning milliseconds per run, averaged over several runs)
//! and `aa_bench_formats` (each foreign format exported and read back).
use crate::formats::native;
use crate::model::TextIndex;
use wasm_bindgen::JsValue;

const RUNS: u32 = 25;

use super::dom::now;

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

/// Export the stored document in each of the other tools' formats, and read each file back
/// into the document without its annotations (read, labels mapped, spans placed): for each
/// format its name, the milliseconds of the export and of the import (0 where the format is
/// export-only), and how many annotations the import placed.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn aa_bench_formats(json: String) -> js_sys::Array {
    use crate::model::state::{Snapshot, State};
    let out = js_sys::Array::new();
    let Ok(imp) = native::parse(&json) else { return out };
    let state = imp.into_state();
    let bare =
        State::new(Snapshot { doc: (*state.doc).clone(), labels: (*state.labels).clone(), ..Snapshot::default() });
    let at = "2026-01-01T00:00:00Z";
    for name in ["w3c", "doccano", "label-studio", "brat", "conll", "report"] {
        let t0 = now();
        let Some(file) = crate::formats::export(&state, name, at, &super::interchange::Words) else { continue };
        let t1 = now();
        let placed = import(name, &file.bytes, &bare, at);
        let t2 = now();
        for v in [JsValue::from_str(name), (t1 - t0).into(), (t2 - t1).into(), (placed as f64).into()] {
            out.push(&v);
        }
    }
    out
}

/// Read back a file `formats` exported and place its spans: in `bare`, or in a fresh
/// document of the text it carries, as an import does. How many annotations were placed.
fn import(format: &str, bytes: &[u8], bare: &crate::model::state::State, at: &str) -> usize {
    use crate::formats::place::{self, Detected};
    use crate::formats::{brat, zip};
    use crate::model::state::{Snapshot, State};
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let kind = match format {
        "w3c" => Detected::W3c,
        "doccano" => Detected::Doccano,
        "label-studio" => Detected::LabelStudio,
        "brat" => Detected::Native,
        _ => return 0,
    };
    let files = match format {
        "brat" => {
            let Ok(entries) = zip::entries(bytes) else { return 0 };
            let file = |ext: &str| entries.iter().find(|e| e.name.ends_with(ext)).map(|e| text(&bytes[e.data.clone()]));
            match (file(".ann"), file(".txt")) {
                (Some(ann), Some(txt)) => brat::read(&ann, &txt).map(|f| vec![f]),
                _ => return 0,
            }
        }
        _ => place::read_foreign(kind, &text(bytes)),
    };
    let Ok(files) = files else { return 0 };
    let mut placed = 0;
    for mut f in files {
        placed += match f.text.take() {
            None => place::land_all(&f, bare, at).annotations.len(),
            Some(raw) => {
                place::quote_from(&mut f.spans, &raw, f.unit);
                let doc = crate::model::Document::from_text(&raw, "bench");
                let fresh = State::new(Snapshot { doc, labels: (*bare.labels).clone(), ..Snapshot::default() });
                place::land_all(&f, &fresh, at).annotations.len()
            }
        };
    }
    placed
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
