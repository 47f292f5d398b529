//! Small DOM chores: downloads, reading files, scrolling, frames.
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Offer `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    let revoke = once_js(Box::new(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    }));
    gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// Scroll the element matching `selector` to the middle of the view.
pub fn scroll_to(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// One closure type for every one-shot callback handed to the browser: each closure type
/// given to wasm-bindgen compiles glue of its own (a few hundred bytes); boxed, they share it.
fn once_js(f: Box<dyn FnOnce()>) -> JsValue {
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

/// True when keyboard focus is in a text field (keys then belong to it). The article, which
/// takes a caret but no typing, is not one.
pub fn typing_in_field() -> bool {
    gloo::utils::document()
        .active_element()
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || (el.has_attribute("contenteditable") && el.tag_name() != "ARTICLE")
        })
        .unwrap_or(false)
}

/// The hover label of the highlight under a pointer event, and where to show it (viewport
/// pixels: the highlight's first line, left and top).
fn hover_label(e: &web_sys::Event) -> Option<(String, f64, f64)> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-labels]").ok()??;
    let rects = mark.get_client_rects();
    let first = rects.get(0)?;
    Some((mark.get_attribute("data-labels")?, first.left(), first.top()))
}

/// Show in `label` the labels of the highlight under the pointer in `root`, above its first
/// line, and hide it when the pointer leaves `root` or the page scrolls (it is placed in
/// viewport pixels). Written to the element directly: a hover redraws nothing else.
pub fn hover_labels(root: &web_sys::Element, label: web_sys::HtmlElement) -> [EventListener; 3] {
    let shown = Rc::new(RefCell::new(None::<(String, f64, f64)>));
    let show = {
        let (label, shown) = (label.clone(), shown.clone());
        move |now: Option<(String, f64, f64)>| {
            if *shown.borrow() == now {
                return;
            }
            if let Some((text, x, y)) = &now {
                label.set_text_content(Some(text));
                let _ = label.set_attribute("style", &format!("left:{}px;top:{}px", *x as i32, *y as i32));
            }
            label.set_hidden(now.is_none());
            *shown.borrow_mut() = now;
        }
    };
    let (over, out) = (show.clone(), show.clone());
    [
        EventListener::new(root, "mouseover", move |e| over(hover_label(e))),
        EventListener::new(root, "mouseleave", move |_| out(None)),
        EventListener::new(&gloo::utils::window(), "scroll", move |_| show(None)),
    ]
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

/// Where the reader is: the article block at the top of the window (below the toolbar) and
/// how far its top is above the window's top edge.
pub fn reading_position() -> Option<(String, i32)> {
    let doc = gloo::utils::document();
    let article = doc.query_selector("article[aria-label=\"Article text\"]").ok()??;
    let r = article.get_bounding_client_rect();
    let x = r.left() + r.width() / 2.0;
    [120.0, 200.0, 300.0].iter().find_map(|&y| {
        let block = doc.element_from_point(x as f32, y as f32)?.closest("[data-p]").ok()??;
        Some((block.get_attribute("data-p")?, -block.get_bounding_client_rect().top() as i32))
    })
}

/// Scroll back to a position from `reading_position`.
pub fn restore_reading(block: &str, offset: i32) {
    let sel = format!("article [data-p=\"{block}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&sel) {
        el.scroll_into_view();
        gloo::utils::window().scroll_by_with_x_and_y(0.0, f64::from(offset));
    }
}
