//! The article takes a caret (it is `contenteditable`, so that the keyboard and screen readers
//! move through it as through any text) but its text never changes: every edit the browser can
//! cancel is cancelled, and what it cannot (an input method's composition) is drawn over.
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Refuse edits to `root`; `changed` runs when the browser changed its text all the same (an
/// input method's composition, once it ends), so that the article is drawn anew.
pub fn listen(root: &Element, changed: impl Fn() + 'static) -> [EventListener; 3] {
    let opts = EventListenerOptions::enable_prevent_default();
    let refuse = EventListener::new_with_options(root, "beforeinput", opts, |e| e.prevent_default());
    let changed = Rc::new(changed);
    let after = changed.clone();
    // (An input not composing is one the browser could not cancel; a composition is drawn over
    // once it ends.)
    let input = EventListener::new(root, "input", move |e| {
        if !e.dyn_ref::<web_sys::InputEvent>().is_some_and(web_sys::InputEvent::is_composing) {
            changed()
        }
    });
    let end = EventListener::new(root, "compositionend", move |_| {
        let after = after.clone();
        crate::browser::dom::soon(move || after())
    });
    [refuse, input, end]
}
