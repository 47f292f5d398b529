//! What the in-browser tests share: a fresh element to mount into, a pause for rendering, and
//! the texts of the elements a selector finds.
pub mod steps;

use std::time::Duration;
use web_sys::Element;

/// A new element at the end of the page's body.
pub fn root() -> Element {
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Let the components render.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Wait (up to 3 s, a loaded machine is slow) until `root` has an element matching `sel`.
#[allow(dead_code)]
pub async fn until(root: &Element, sel: &str) -> bool {
    for _ in 0..100 {
        if root.query_selector(sel).ok().flatten().is_some() {
            return true;
        }
        yew::platform::time::sleep(Duration::from_millis(30)).await;
    }
    false
}

/// The text of each element under `root` matching `sel`.
#[allow(dead_code)]
pub fn texts(root: &Element, sel: &str) -> Vec<String> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

/// Select `[start, end)` (UTF-16) of text node `node` as a mouse drag would, release the mouse
/// over `root`'s article, and wait for the tag menu: whether it opened.
#[allow(dead_code)]
pub async fn select_for_menu(root: &Element, node: &web_sys::Node, start: u32, end: u32) -> bool {
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(node, start).unwrap();
    range.set_end(node, end).unwrap();
    let sel = gloo::utils::window().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    let article = root.query_selector("article").unwrap().unwrap();
    article.dispatch_event(&web_sys::MouseEvent::new("mouseup").unwrap()).unwrap();
    until(root, "[role=menu]:not([hidden])").await
}

/// Press `key` (a keydown on the page, as the keyboard gives it).
#[allow(dead_code)]
pub fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    gloo::utils::document().dispatch_event(&event).unwrap();
}
