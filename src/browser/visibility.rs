//! Tells which article blocks are near the viewport, so only those get their highlights
//! drawn: opening a long document costs about as much as opening its plain text; and which
//! entries of a virtual list are in view; and links each highlight to its sidebar entries
//! while they are drawn. (The observing itself is done in the page: see `page::watch_blocks`,
//! `page::watch_list`, `page::link_details`.)
use wasm_bindgen::{closure::Closure, JsValue};
use web_sys::Element;

/// Watches the `[data-p]` blocks inside a root element, until dropped.
pub struct BlockObserver {
    stop: js_sys::Function,
    _on_near: Box<dyn std::any::Any>,
}

impl BlockObserver {
    /// Observe the blocks under `root` whose `watched` entry (by block index) is not 0;
    /// `on_near` receives the indexes of watched blocks that came within a screen or so of the
    /// viewport. Every watched element costs the browser work in each frame, so the page
    /// watches the `.chunk` elements first, and the blocks of a chunk only once it comes near;
    /// a block that came near is watched no longer (it stays drawn).
    pub fn new(root: &Element, watched: &[u8], on_near: impl Fn(Vec<usize>) + 'static) -> Self {
        Self::with(on_near, |f| super::page::watch_blocks(root, watched, f))
    }

    /// Observe the runs of the long block `block` (`components::runs`): `on_near` receives the
    /// first code point of each run that came within a screen or so of the viewport.
    pub fn runs(block: &Element, on_near: impl Fn(Vec<usize>) + 'static) -> Self {
        Self::with(on_near, |f| super::page::watch_runs(block, f))
    }

    fn with(
        on_near: impl Fn(Vec<usize>) + 'static,
        watch: impl FnOnce(&Closure<dyn FnMut(Vec<u32>)>) -> js_sys::Function,
    ) -> Self {
        let on_near: Closure<dyn FnMut(Vec<u32>)> =
            Closure::new(move |list: Vec<u32>| on_near(list.into_iter().map(|i| i as usize).collect()));
        BlockObserver { stop: watch(&on_near), _on_near: Box::new(on_near) }
    }

    /// Observe the virtual list `list` (see `page::watch_list`): `on_range` receives the first
    /// and last entry in view and an entry's height in pixels (0 when none is drawn).
    pub fn list(list: &Element, on_range: impl Fn(usize, usize, f64) + 'static) -> Self {
        let on: Closure<dyn FnMut(u32, u32, f64)> =
            Closure::new(move |first: u32, last: u32, px: f64| on_range(first as usize, last as usize, px));
        BlockObserver { stop: super::page::watch_list(list, &on), _on_near: Box::new(on) }
    }

    /// Watch the highlights under `root` and the sidebar's entries, pointing each highlight at
    /// the entries of its annotations that are drawn (see `page::link_details`).
    pub fn details(root: &Element) -> Self {
        BlockObserver { stop: super::page::link_details(root), _on_near: Box::new(()) }
    }
}

impl Drop for BlockObserver {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::NULL);
    }
}
