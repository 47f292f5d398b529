//! Tells which article blocks are near the viewport, so only those get their highlights
//! drawn: opening a long document costs about as much as opening its plain text.
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

type Callback = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

/// Watches the `[data-p]` blocks inside a root element. Every watched element costs the
/// browser work in each frame, so it watches in two steps: the `.chunk` elements first, and
/// the blocks of a chunk only once that chunk comes near.
pub struct BlockObserver {
    chunks: IntersectionObserver,
    blocks: IntersectionObserver,
    _callbacks: (Callback, Callback),
}

/// The elements of `entries` that came within the observer's margin; each stops being watched.
fn arrived(entries: js_sys::Array, observer: &IntersectionObserver) -> Vec<Element> {
    entries
        .iter()
        .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        .filter(|e| e.is_intersecting())
        .map(|e| {
            observer.unobserve(&e.target());
            e.target()
        })
        .collect()
}

fn observer(callback: &Callback) -> Result<IntersectionObserver, JsValue> {
    let init = IntersectionObserverInit::new();
    init.set_root_margin("1200px 0px 1200px 0px");
    IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
}

impl BlockObserver {
    /// Observe the blocks under `root` whose index `watch` accepts; `on_near` receives the
    /// indexes of watched blocks that came within a screen or so of the viewport.
    pub fn new(
        root: &Element,
        watch: impl Fn(usize) -> bool + 'static,
        on_near: impl Fn(Vec<usize>) + 'static,
    ) -> Result<Self, JsValue> {
        // A block that came near stays drawn, so it need not be watched any longer.
        let on_blocks = Callback::new(move |entries: js_sys::Array, observer: IntersectionObserver| {
            let near: Vec<usize> =
                arrived(entries, &observer).iter().filter_map(|el| el.get_attribute("data-p")?.parse().ok()).collect();
            if !near.is_empty() {
                on_near(near);
            }
        });
        let blocks = observer(&on_blocks)?;
        let inner = blocks.clone();
        let on_chunks = Callback::new(move |entries: js_sys::Array, observer: IntersectionObserver| {
            for chunk in arrived(entries, &observer) {
                let Ok(list) = chunk.query_selector_all("[data-p]") else {
                    continue;
                };
                for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
                    if el.get_attribute("data-p").and_then(|p| p.parse().ok()).is_some_and(&watch) {
                        inner.observe(&el);
                    }
                }
            }
        });
        let chunks = observer(&on_chunks)?;
        let list = root.query_selector_all(".chunk")?;
        for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
            chunks.observe(&el);
        }
        Ok(BlockObserver { chunks, blocks, _callbacks: (on_chunks, on_blocks) })
    }
}

impl Drop for BlockObserver {
    fn drop(&mut self) {
        self.chunks.disconnect();
        self.blocks.disconnect();
    }
}
