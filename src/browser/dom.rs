//! Small DOM chores: downloads, reading files, scrolling, frames.
use gloo::timers::callback::Timeout;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

pub use super::page::{download, download_bytes, hover_labels, typing_in_field};

/// Scroll the element matching `selector` to the middle of the view (gliding, unless the reader
/// asks for reduced motion).
pub fn scroll_to(selector: &str) {
    super::page::show(selector, 0, true);
}

/// One closure type for every one-shot callback handed to the browser: each closure type
/// given to wasm-bindgen compiles glue of its own (a few hundred bytes); boxed, they share it.
pub(super) fn once_js(f: Box<dyn FnOnce()>) -> JsValue {
    Closure::once_into_js(f)
}

fn raf(f: &JsValue) {
    let _ = gloo::utils::window().request_animation_frame(f.unchecked_ref());
}

/// A timer running `f` after `ms` milliseconds, cancelled when dropped.
pub fn timeout(ms: u32, f: impl FnOnce() + 'static) -> Timeout {
    timeout_boxed(ms, Box::new(f))
}

fn timeout_boxed(ms: u32, f: Box<dyn FnOnce()>) -> Timeout {
    Timeout::new(ms, f)
}

/// Run `f` in a task of its own, as soon as the current one (and its event's other
/// dispatches) is done.
pub fn soon(f: impl FnOnce() + 'static) {
    timeout_boxed(0, Box::new(f)).forget();
}

/// Run `f` in a task of its own, as `soon`, without the wait of 4 ms or more that browsers
/// put before a timeout set from the fifth nested one on: for a chain of short steps.
pub fn next_task(f: Box<dyn FnOnce()>) {
    super::page::post(&once_js(f));
}

/// Run `f` once the page has nothing else to do (an idle moment between frames or tasks): for
/// work no one waits for. `idle_left` tells how long the moment lasts.
pub fn when_idle(f: impl FnOnce() + 'static) {
    super::page::idle(&once_js(Box::new(f)));
}

pub use super::page::idle_left;

/// Milliseconds since the page began (`performance.now()`).
pub fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Run `f` after the next frame has been painted (two animation frames).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let inner = once_js(Box::new(f));
    raf(&once_js(Box::new(move || raf(&inner))));
}

/// Run `f` in a task of its own once the next frame has been drawn (an animation frame, then
/// a zero timeout): work that can wait a frame does not lengthen the frame before it.
pub fn after_frame(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    raf(&once_js(Box::new(move || {
        timeout_boxed(0, f).forget();
    })));
}

thread_local! {
    /// The window's size, read once and again after each resize (see `window_size`).
    static WINDOW: std::cell::Cell<Option<(f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// The window's width and height in CSS pixels. Asking the window lays out the page first when
/// anything changed since the last frame (in the middle of a mouse-up, say), so the size is
/// kept here and refreshed on `resize`.
pub fn window_size() -> (f64, f64) {
    fn read() -> (f64, f64) {
        let window = gloo::utils::window();
        let px = |v: Result<JsValue, JsValue>, or| v.ok().and_then(|v| v.as_f64()).unwrap_or(or);
        (px(window.inner_width(), 1280.0), px(window.inner_height(), 900.0))
    }
    WINDOW.with(|cell| {
        cell.get().unwrap_or_else(|| {
            // The first call: read now, and on every resize from then on.
            let size = read();
            cell.set(Some(size));
            gloo::events::EventListener::new(&gloo::utils::window(), "resize", |_| {
                WINDOW.with(|cell| cell.set(Some(read())));
            })
            .forget();
            size
        })
    })
}

/// The window's height in CSS pixels.
pub fn viewport_height() -> usize {
    window_size().1 as usize
}

/// Clear the page's text selection.
pub fn clear_selection() {
    if let Ok(Some(sel)) = gloo::utils::window().get_selection() {
        let _ = sel.remove_all_ranges();
    }
}

/// The value of `attr` on the element (or its nearest ancestor) that received the event:
/// lets one listener on a list serve all of its items.
pub fn data_of(e: &web_sys::Event, attr: &str) -> Option<String> {
    // A short walk up (the items are shallow) is cheaper than compiling a selector for closest().
    let mut el: web_sys::Element = e.target()?.dyn_into().ok()?;
    for _ in 0..4 {
        if let Some(value) = el.get_attribute(attr) {
            return Some(value);
        }
        el = el.parent_element()?;
    }
    None
}

/// Scroll the page back to its top (a newly opened article starts at its headline).
pub fn scroll_top() {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Scroll back to a position from `page::reading_position`.
pub fn restore_reading(block: &str, offset: i32) {
    super::page::show(&format!("article [data-p=\"{block}\"]"), offset, false);
}

/// A new `div` that is not in the page: what is drawn into it is never seen.
pub fn detached() -> web_sys::Element {
    gloo::utils::document().create_element("div").expect("a div can always be made")
}
