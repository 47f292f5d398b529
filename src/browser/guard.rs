//! The article takes a caret (it is `contenteditable`, so that the keyboard and screen readers
//! move through it as through any text) but its text never changes: every edit the browser can
//! cancel is cancelled, and what it cannot (an input method's composition) is put back.
use crate::model::{Document, TextIndex};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Put back the article's DOM as drawn: each drawn segment's text as in the document, and
/// nothing the browser inserted between them.
pub fn restore(root: &Element, text: &str, index: &TextIndex) {
    clean(root, text, index, 0);
}

/// `depth` 0: the article (holds chunks); 1: a chunk (holds blocks); 2+: blocks and segments.
fn clean(el: &Element, text: &str, index: &TextIndex, depth: u8) {
    let kids = el.child_nodes();
    let nodes: Vec<Node> = (0..kids.length()).filter_map(|i| kids.item(i)).collect();
    let ours = |n: &Node| {
        n.dyn_ref::<Element>().is_some_and(|e| match depth {
            0 => e.class_name() == "chunk",
            1 => e.has_attribute("data-p"),
            _ => e.has_attribute("data-s"),
        })
    };
    let leaf = depth >= 2 && el.has_attribute("data-s") && !nodes.iter().any(ours);
    if leaf {
        let attr = |name| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
        let (Some(s), Some(e)) = (attr("data-s"), attr("data-e")) else { return };
        let want = index.slice(text, s.min(index.len()), e.min(index.len()));
        if el.text_content().as_deref() != Some(want) {
            // The drawn text node keeps its identity (the view still holds it).
            match nodes.first().filter(|n| n.node_type() == Node::TEXT_NODE) {
                Some(first) => {
                    first.set_node_value(Some(want));
                    nodes[1..].iter().for_each(|n| drop(el.remove_child(n)));
                }
                None => el.set_text_content(Some(want)),
            }
        }
        return;
    }
    for n in &nodes {
        if ours(n) {
            clean(n.unchecked_ref(), text, index, depth.saturating_add(1));
        } else {
            let _ = el.remove_child(n);
        }
    }
}

/// Refuse edits to `root` and undo compositions; `text` gives the document as now drawn.
pub fn listen(root: &Element, text: impl Fn() -> (Rc<Document>, Rc<TextIndex>) + 'static) -> [EventListener; 3] {
    let opts = EventListenerOptions::enable_prevent_default();
    let refuse = EventListener::new_with_options(root, "beforeinput", opts, |e| e.prevent_default());
    let text = Rc::new(text);
    let put_back = {
        let root = root.clone();
        move || {
            let (doc, index) = text();
            restore(&root, &doc.text, &index);
        }
    };
    let after = put_back.clone();
    // (An input not composing is one the browser could not cancel; a composition is put back
    // once it ends.)
    let input = EventListener::new(root, "input", move |e| {
        if !e.dyn_ref::<web_sys::InputEvent>().is_some_and(web_sys::InputEvent::is_composing) {
            put_back()
        }
    });
    let end = EventListener::new(root, "compositionend", move |_| crate::browser::dom::soon(after.clone()));
    [refuse, input, end]
}
