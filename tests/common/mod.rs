//! What the in-browser tests share: a fresh element to mount into, a pause for rendering, and
//! the texts of the elements a selector finds.
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
