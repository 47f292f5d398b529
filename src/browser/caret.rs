//! The caret's small DOM chores, in the page's own language: each is a few calls that would
//! otherwise cross from wasm one by one.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let left = null;
export function leaving() {
  const s = getSelection();
  left = s.rangeCount ? s.getRangeAt(0) : null;
}
export function back(root) {
  root.focus();
  if (left && left.startContainer.isConnected) {
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(left);
  }
}
export function reveal() {
  const s = getSelection();
  if (!s.rangeCount) return;
  const r = s.getRangeAt(0).getBoundingClientRect();
  if (r.top < 80 || r.bottom > innerHeight - 40) scrollBy(0, r.top - innerHeight / 3);
}
export function modify(extend, forward, unit) {
  getSelection().modify(extend ? 'extend' : 'move', forward ? 'forward' : 'backward', unit);
}
export function find_in(root, query) {
  const sel = getSelection();
  for (let i = 0; i < 64; i++) {
    if (!window.find(query, false, false, true, false, false, false)) return false;
    if (sel.rangeCount && root.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      root.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}
export function focus(selector) {
  const el = document.querySelector(selector);
  el?.focus();
  el?.select?.();
}
export function focus_entry(id) {
  for (const b of document.querySelectorAll('button.entry[data-id]')) if (b.dataset.id === id) return b.focus();
}
export function show_modal(id) {
  const d = document.getElementById(id);
  if (d && !d.open) d.showModal();
}
export function menu_keys(e) {
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -99, End: 99 }[e.key];
  if (!step) return;
  e.preventDefault();
  const items = [...e.currentTarget.querySelectorAll('[role=menuitem]')];
  const at = items.indexOf(document.activeElement);
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + step));
  items[next]?.focus();
}
"#)]
extern "C" {
    /// Keep where the caret is as focus leaves the article.
    pub fn leaving();
    /// Focus the article `root`, the caret where it was when focus left it.
    pub fn back(root: &web_sys::Element);
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
    /// Open the dialog `id` as a modal one.
    pub fn show_modal(id: &str);
    /// Arrows, Home and End move focus between a menu's items (the WAI-ARIA menu pattern).
    pub fn menu_keys(e: &web_sys::KeyboardEvent);
}
