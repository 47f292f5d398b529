//! Tells which article blocks are near the viewport, so only those get their highlights
//! drawn: opening a long document costs about as much as opening its plain text.
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Watches every `[data-p]` block inside a root element.
pub struct BlockObserver {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl BlockObserver {
    /// Observe the blocks under `root`; `on_near` receives the indexes of blocks that came
    /// within a screen or so of the viewport.
    pub fn new(root: &Element, on_near: impl Fn(Vec<usize>) + 'static) -> Result<Self, JsValue> {
        let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                // A block that came near stays drawn, so it need not be watched any longer.
                let near: Vec<usize> = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                    .filter(|e| e.is_intersecting())
                    .filter_map(|e| {
                        observer.unobserve(&e.target());
                        e.target().get_attribute("data-p")?.parse().ok()
                    })
                    .collect();
                if !near.is_empty() {
                    on_near(near);
                }
            },
        );
        let init = IntersectionObserverInit::new();
        init.set_root_margin("1200px 0px 1200px 0px");
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
        let blocks = root.query_selector_all("[data-p]")?;
        for i in 0..blocks.length() {
            if let Some(el) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                observer.observe(&el);
            }
        }
        Ok(BlockObserver { observer, _callback: callback })
    }
}

impl Drop for BlockObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
