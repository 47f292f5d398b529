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
    /// The stored value of `key` (null when there is none), left in the page (see `utf8`).
    #[wasm_bindgen(catch)]
    pub fn stored(key: &str) -> Result<JsValue, JsValue>;
    /// Write UTF-16 units [`from`, `from + units`) of `s` into `view` as UTF-8, as far as it
    /// fits (and never half a surrogate pair): [units read, bytes written].
    fn utf8_piece(s: &js_sys::JsString, from: u32, units: u32, view: &js_sys::Uint8Array) -> Vec<u32>;
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

/// A page string as a Rust one, written straight into wasm memory by the browser's own encoder
/// (wasm-bindgen's copies one of one-byte characters a character at a time in script first:
/// 3.4 million steps for a stored book).
pub fn utf8(s: &js_sys::JsString) -> String {
    Pieces { s: Source::Page(s.clone()), read: 0 }.whole()
}

/// A page string handed into wasm a piece at a time (see `utf8`), so that a part of a stored
/// document can be read before the rest is copied; a compressed one (see `formats::packed`)
/// unpacked a block at a time as its pieces are asked for, in bytes for units.
pub struct Pieces {
    s: Source,
    /// UTF-16 units (bytes of a compressed one's JSON) handed in so far.
    read: u32,
}

enum Source {
    Page(js_sys::JsString),
    Packed(Unpacking),
}

/// A compressed page string being unpacked (see `Pieces`).
struct Unpacking {
    s: js_sys::JsString,
    /// Where its next block starts, in characters (a byte each).
    at: u32,
    /// The JSON unpacked and not yet handed on, from byte `from`.
    left: String,
    from: usize,
    /// What `find_some` last looked for, and the byte of `left` before which it does not
    /// start (so that each block is searched once, not everything unpacked again).
    sought: String,
    searched: usize,
}

impl Unpacking {
    /// The bytes of characters [`from`, `from + n`) of the page string.
    fn bytes(&self, from: u32, n: u32) -> Option<Vec<u8>> {
        let mut chars = String::new();
        Pieces { s: Source::Page(self.s.clone()), read: from }.append(&mut chars, n);
        crate::formats::packed::bytes_of(&chars).ok()
    }

    /// Unpack the next block (`None`: there is none, or it is damaged: reading the JSON then
    /// fails where it stops, and the stored value is kept aside as it is).
    fn next(&mut self) -> Option<String> {
        use crate::formats::packed::{block_len, unpack_block};
        let len = u32::try_from(block_len(&self.bytes(self.at, 4)?).ok()?).ok()?;
        let block = self.bytes(self.at.saturating_add(4), len)?;
        self.at = self.at.saturating_add(4).saturating_add(len);
        let json = unpack_block(&block);
        if json.is_err() {
            self.at = self.s.length();
        }
        json.ok()
    }

    fn more(&self) -> bool {
        self.from < self.left.len() || self.at < self.s.length()
    }
}

impl Pieces {
    pub fn new(s: js_sys::JsString) -> Self {
        if s.starts_with(crate::formats::packed::MARK, 0) {
            let at = crate::formats::packed::MARK.len() as u32;
            return Pieces {
                s: Source::Packed(Unpacking {
                    s,
                    at,
                    left: String::new(),
                    from: 0,
                    sought: String::new(),
                    searched: 0,
                }),
                read: 0,
            };
        }
        Pieces { s: Source::Page(s), read: 0 }
    }

    /// The fingerprint of the string as stored (see `picture::print_of`).
    pub fn print(&self) -> String {
        match &self.s {
            Source::Page(s) => super::picture::print_of(s),
            Source::Packed(u) => super::picture::print_of(&u.s),
        }
    }

    /// The whole string as a Rust one.
    pub fn whole(mut self) -> String {
        let mut out = String::new();
        self.append(&mut out, u32::MAX);
        out
    }

    /// Where `pattern` first is in the string, in UTF-16 units (bytes of a compressed one's
    /// JSON, unpacked until it is found).
    pub fn find(&mut self, pattern: &str) -> Option<u32> {
        loop {
            if let Some(at) = self.find_some(pattern)? {
                return Some(at);
            }
        }
    }

    /// `find`, unpacking at most one more block of a compressed string: `Some(None)` when
    /// `pattern` is not in what is unpacked so far and more is to come (ask again), `None` when
    /// it is not in the string.
    pub fn find_some(&mut self, pattern: &str) -> Option<Option<u32>> {
        let u = match &mut self.s {
            Source::Page(s) => return u32::try_from(s.index_of(pattern, 0)).ok().map(Some),
            Source::Packed(u) => u,
        };
        if u.sought != pattern {
            (u.sought, u.searched) = (pattern.to_string(), 0);
        }
        let start = u.searched.max(u.from);
        if let Some(at) = u.left[start..].find(pattern) {
            return u32::try_from(start - u.from + at).ok().map(|at| Some(self.read + at));
        }
        // a match may still begin in the last `pattern.len() - 1` bytes, across the new block
        let mut searched = u.left.len().saturating_sub(pattern.len().saturating_sub(1)).max(start);
        while !u.left.is_char_boundary(searched) {
            searched -= 1;
        }
        let next = u.next()?;
        u.left.drain(..u.from);
        u.searched = searched - u.from;
        u.from = 0;
        u.left.push_str(&next);
        Some(None)
    }

    /// `append` of a compressed one: `units` bytes of its JSON (a few more rather than half a
    /// character), unpacking blocks as they are needed.
    fn append_packed(u: &mut Unpacking, read: &mut u32, out: &mut String, units: u32) -> bool {
        let mut want = units as usize;
        loop {
            let mut end = u.from.saturating_add(want).min(u.left.len());
            while !u.left.is_char_boundary(end) {
                end += 1;
            }
            out.push_str(&u.left[u.from..end]);
            want = want.saturating_sub(end - u.from);
            *read = read.saturating_add((end - u.from) as u32);
            u.from = end;
            if want == 0 {
                break;
            }
            match u.next() {
                Some(next) => (u.left, u.from, u.searched) = (next, 0, 0),
                None => break,
            }
        }
        u.more()
    }

    /// Append to `out` the string's next `units` UTF-16 units (one fewer, or more, rather than
    /// half a surrogate pair); whether any are left. Room first for a byte a unit and a
    /// sixteenth more (a stored copy of one-byte characters, of which those past ASCII take two
    /// bytes, and few are: growing the room copies what is written); more for the rest when
    /// that is not enough.
    pub fn append(&mut self, out: &mut String, units: u32) -> bool {
        let s = match &mut self.s {
            Source::Page(s) => &*s,
            Source::Packed(u) => return Self::append_packed(u, &mut self.read, out, units),
        };
        let end = self.read.saturating_add(units).min(s.length());
        // SAFETY: what `TextEncoder.encodeInto` writes is UTF-8, whole characters only (one that
        // does not fit is left for the next round; a lone surrogate is written as U+FFFD).
        // Checking it again took 10 ms at book length while the module still ran unoptimised.
        let buf = unsafe { out.as_mut_vec() };
        let mut first = true;
        while self.read < end {
            let left = (end - self.read) as usize;
            buf.reserve(if std::mem::take(&mut first) { left + left / 16 + 4 } else { left * 3 + 3 });
            let (len, room) = (buf.len(), buf.capacity() - buf.len());
            // SAFETY: the view covers the vector's spare room only, and nothing allocates in
            // wasm memory (which would detach it) between its making and its last use.
            let view = unsafe { js_sys::Uint8Array::view_mut_raw(buf.as_mut_ptr().add(len), room) };
            let done = utf8_piece(s, self.read, end - self.read, &view);
            let (r, w) = (done.first().copied().unwrap_or(0), done.get(1).copied().unwrap_or(0) as usize);
            // SAFETY: the encoder wrote `w` bytes (at most `room`) into that spare room.
            unsafe { buf.set_len(len + w.min(room)) };
            self.read += r;
            if r == 0 {
                break;
            }
        }
        self.read < s.length()
    }
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
