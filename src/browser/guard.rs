//! The article takes a caret (it is `contenteditable`, so that the keyboard and screen readers
//! move through it as through any text) but its text never changes: every edit the browser can
//! cancel is cancelled, and what it cannot (an input method's composition) is drawn over.
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use web_sys::Element;

/// Refuse edits to `root`; `changed` runs when an input method changed its text all the same
/// (a composition cannot be cancelled), once the composition ends, so that the article is
/// drawn anew.
pub fn listen(root: &Element, changed: impl Fn() + 'static) -> [EventListener; 2] {
    let opts = EventListenerOptions::enable_prevent_default();
    let refuse = EventListener::new_with_options(root, "beforeinput", opts, |e| e.prevent_default());
    let changed = Rc::new(changed);
    let end = EventListener::new(root, "compositionend", move |_| {
        let changed = changed.clone();
        crate::browser::dom::soon(move || changed())
    });
    [refuse, end]
}
