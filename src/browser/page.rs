//! The page's small DOM chores, in its own language (`page.js`): the caret's, scrolling to a
//! block, laying out the paragraphs far from the view late, downloads, the hover label, the
//! backup copy. Each is a few calls that would otherwise cross from wasm one by one.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/page.js")]
extern "C" {
    /// Keep where the caret is as focus leaves the article.
    pub fn leaving();
    /// Focus the article `root`, the caret where it was when focus left it.
    pub fn back(root: &web_sys::Element);
    /// Focus `root` (unless it has focus) without the browser's scrolling to it: what is to be
    /// seen is scrolled to by whoever moves the caret (`reveal`, the flash).
    pub fn take_focus(root: &web_sys::Element);
    /// Scroll the selection into the upper part of the window, unless it is in view already.
    pub fn reveal();
    /// Move or extend the selection by a unit the browser knows ("sentence", "paragraph", …).
    pub fn modify(extend: bool, forward: bool, unit: &str);
    /// Select the next match of `query` in `root` (ignoring case, wrapping around), with the
    /// browser's own find: false when there is none.
    pub fn find_in(root: &web_sys::Element, query: &str) -> bool;
    /// Focus the element `selector` finds (and select its text, if it has any to select).
    pub fn focus(selector: &str);
    /// Focus the sidebar entry of annotation `id`.
    pub fn focus_entry(id: &str);
    /// Focus the first element of `scope` whose attribute `name` reads `value`.
    pub fn focus_by(scope: &web_sys::Node, name: &str, value: &str);
    /// Replace the children of `el` with `html` parsed (its text escaped by the caller); an
    /// element of it that had the focus has it again, found by its first `data-` attribute.
    pub fn fill(el: &web_sys::Element, html: &str);
    /// Run the function `f` in a task of its own, posted to the page through a message channel
    /// (no 4 ms wait, as a timeout nested five deep has): see `dom::next_task`.
    pub fn post(f: &JsValue);
    /// Lay `text` out once, unseen, as the article shows it (a `tag` of class `cls` in an
    /// `.article`), in this task: the renderer's first layout of a page spends most of its time
    /// finding and loading fonts (each family, size and weight, and a fallback for each script
    /// the text has); done here, a kind of block a step before the first render (see `boot`),
    /// that work leaves the first frame.
    pub fn lay_out_unseen(tag: &str, cls: &str, text: &str);
    /// Remove what `lay_out_unseen` left in the page.
    pub fn unseen_done();
    /// Open the dialog `id` as a modal one.
    pub fn show_modal(id: &str);
    /// Once the app's first render is done (in this task), mark the article's paragraphs
    /// starting at or after code point `reach` `far`: not laid out at all for the first frame.
    /// Then lay them out again, 48 a frame from the next frame on (and those of a chunk coming
    /// near the view at once: see `watch_blocks`). Laid out, they are still skipped while out
    /// of view (their chunk's `content-visibility: auto`), but found, selected and read.
    pub fn far_off(reach: usize);
    /// Watch the runs of the long block `block` (see `components::runs`): `on_near` receives
    /// the first code point of each that comes within a screen or so of the view, and of every
    /// one before the page is printed. Returns the function that stops watching.
    pub fn watch_runs(block: &web_sys::Element, on_near: &Closure<dyn FnMut(Vec<u32>)>) -> js_sys::Function;
    /// Watch a virtual list (`sidebar`'s groups: entries drawn, and `li.spacer`s with
    /// `data-from` / `data-to` standing for the others): `on_range` receives the places of the
    /// first and last entry in view (or the end of the list nearest the view) and the height
    /// of an entry drawn (0 when none is), on scrolling, on resizing and whenever the list
    /// changes size. Returns the function that stops watching.
    pub fn watch_list(list: &web_sys::Element, on_range: &Closure<dyn FnMut(u32, u32, f64)>) -> js_sys::Function;
    /// Scroll the element `selector` finds into view, waking it first: centred and
    /// `smooth`ly, or to the top of the window and then down by `by` pixels.
    pub fn show(selector: &str, by: i32, smooth: bool);
    /// Arrows, Home and End move focus between a menu's items (the WAI-ARIA menu pattern).
    pub fn menu_keys(e: &web_sys::KeyboardEvent);
    /// Copy the stored value of `key` to `key:backup` unless the copy is there already or the
    /// value was kept aside as unreadable (`storage::keep_aside`): compared and copied in the
    /// page, the value never crosses into wasm. A copy that does not fit is left out: the
    /// value itself stays as it was.
    pub fn back_up(key: &str);
    /// The stored value of `key` (null when there is none), left in the page (see `pieces::utf8`).
    #[wasm_bindgen(catch)]
    pub fn stored(key: &str) -> Result<JsValue, JsValue>;
    /// Write UTF-16 units [`from`, `from + units`) of `s` into `view` as UTF-8, as far as it
    /// fits (and never half a surrogate pair): [units read, bytes written].
    pub fn utf8_piece(s: &js_sys::JsString, from: u32, units: u32, view: &js_sys::Uint8Array) -> Vec<u32>;
    /// Write `value`, a string already in the page (so the write copies nothing out of wasm).
    #[wasm_bindgen(catch)]
    pub fn put(key: &str, value: &JsValue) -> Result<(), JsValue>;
    /// Offer `content` as a file download named `name`.
    #[wasm_bindgen(catch)]
    pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue>;
    /// Offer `bytes` as a file download named `name`.
    #[wasm_bindgen(catch, js_name = download)]
    pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue>;
    /// True when keyboard focus is in a text field (keys then belong to it). The article, which
    /// takes a caret but no typing, is not one.
    pub fn typing_in_field() -> bool;
    /// Where the reader is: the article block at the top of the window (below the toolbar)
    /// and how far its top is above the window's top edge, as "<block> <pixels>".
    pub fn reading_position() -> Option<String>;
    /// Show in `label` the labels of the highlight under the pointer in `root`, above its
    /// first line, and hide it when the pointer leaves `root` or the page scrolls (it is placed
    /// in viewport pixels). Written to the element directly: a hover redraws nothing else.
    pub fn hover_labels(root: &web_sys::Element, label: &web_sys::Element);
    /// Point each highlight in `root` (its `aria-details`) at the sidebar entries of its
    /// annotations that are drawn, and keep doing so as highlights and entries come and go.
    /// Returns the function that stops.
    pub fn link_details(root: &web_sys::Element) -> js_sys::Function;
    /// UTF-16 offsets of the grapheme cluster starts in `line`, from the browser's
    /// `Intl.Segmenter`; none where the browser has no segmenter.
    pub fn cluster_starts(line: &str) -> Vec<u32>;
    /// Have a worker make a segmenter and a dates' formatter, which loads the browser's Unicode
    /// tables for the page off its thread; then run the function `then`.
    pub fn warm_intl(then: &JsValue);
    /// Watch the blocks of `root` whose `watched` entry is not 0 (see `visibility`), and lay
    /// out the paragraphs still `far` in each chunk that comes near; returns the function that
    /// stops watching.
    pub fn watch_blocks(
        root: &web_sys::Element,
        watched: &[u8],
        on_near: &Closure<dyn FnMut(Vec<u32>)>,
    ) -> js_sys::Function;
}

#[wasm_bindgen(module = "/src/browser/page.js")]
extern "C" {
    /// Run the function `f` once the page is idle: see `dom::when_idle`.
    pub fn idle(f: &JsValue);
    /// Milliseconds left of the idle moment the last `idle` function ran in (0 once it is over).
    pub fn idle_left() -> f64;
    /// Lay the article's chunks out in idle moments, as many blocks a moment as fit it, the
    /// chunks ahead of the reader first (from the chunk of block `from` at the start; see
    /// `near::use_ahead`).
    pub fn lay_out_ahead(from: usize);
}
