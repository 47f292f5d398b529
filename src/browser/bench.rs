//! Timing hooks for the benchmark, installed only when the page address asks for them
//! (`?bench`): `window.aaBench.indexBuild(text)`, `window.aaBench.conversions(text, n)` and
//! `window.aaBench.read(json)`, each returning milliseconds per run, averaged over several runs.
use crate::formats::native;
use crate::model::TextIndex;
use wasm_bindgen::{closure::Closure, JsValue};

const RUNS: u32 = 25;

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Build the index of `text` `RUNS` times; mean milliseconds per build. (Every hook takes a
/// text and a number, one type of closure for the three; this one and `read` leave the number.)
fn index_build(text: String, _: u32) -> f64 {
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
fn read(json: String, _: u32) -> f64 {
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

/// Install `window.aaBench` when the address carries `bench`.
pub fn install_if_asked() {
    let window = gloo::utils::window();
    if !window.location().search().unwrap_or_default().contains("bench") {
        return;
    }
    let hooks = js_sys::Object::new();
    let build = Closure::<dyn Fn(String, u32) -> f64>::new(index_build);
    let convert = Closure::<dyn Fn(String, u32) -> f64>::new(conversions);
    let _ = js_sys::Reflect::set(&hooks, &"indexBuild".into(), build.as_ref());
    let _ = js_sys::Reflect::set(&hooks, &"conversions".into(), convert.as_ref());
    let read = Closure::<dyn Fn(String, u32) -> f64>::new(read);
    let _ = js_sys::Reflect::set(&hooks, &"read".into(), read.as_ref());
    let _ = js_sys::Reflect::set(&window, &"aaBench".into(), &JsValue::from(hooks));
    build.forget();
    convert.forget();
    read.forget();
}
