//! The one place that turns the DOM's selection (UTF-16 offsets in text nodes) into a
//! code-point range of the document, through the precomputed `TextIndex`.
use crate::model::TextIndex;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// A selection inside the article: `[start, end)` in code points, and where the pointer let go
/// of it on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Picked {
    pub start: usize,
    pub end: usize,
    pub x: f64,
    pub y: f64,
}

fn attr_usize(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// Code point offset of a DOM boundary point `(node, offset)` inside `root`.
fn point_to_cp(root: &Element, node: &Node, offset: u32, index: &TextIndex) -> Option<usize> {
    if !root.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let seg = node.parent_element()?.closest("[data-s]").ok()??;
        let start = attr_usize(&seg, "data-s")?;
        return Some(index.utf16_to_cp(index.cp_to_utf16(start) + offset as usize));
    }
    let el: &Element = node.dyn_ref()?;
    let children = el.child_nodes();
    // Boundary before child `offset`: the start of the first positioned thing from there on.
    for i in offset..children.length() {
        if let Some(found) = children.item(i).and_then(|c| first_start(&c)) {
            return Some(found);
        }
    }
    // Boundary after the last child: the end of this element, or of the last block in it.
    if let Some(end) = attr_usize(el, "data-e") {
        return Some(end);
    }
    (0..offset).rev().find_map(|i| children.item(i).and_then(|c| last_end(&c))).or(Some(0))
}

fn first_start(node: &Node) -> Option<usize> {
    let el: &Element = node.dyn_ref()?;
    attr_usize(el, "data-s").or_else(|| el.query_selector("[data-s]").ok()?.and_then(|e| attr_usize(&e, "data-s")))
}

fn last_end(node: &Node) -> Option<usize> {
    let el: &Element = node.dyn_ref()?;
    attr_usize(el, "data-e").or_else(|| {
        let all = el.query_selector_all("[data-e]").ok()?;
        all.item(all.length().checked_sub(1)?)?.dyn_ref::<Element>().and_then(|e| attr_usize(e, "data-e"))
    })
}

/// The current selection if it lies inside `root` and is not empty; `(x, y)` is where the
/// pointer let go. (Asking the range where it is on screen would lay out the page in the
/// middle of the mouse-up.)
pub fn picked(root: &Element, index: &TextIndex, (x, y): (f64, f64)) -> Option<Picked> {
    let sel = gloo::utils::window().get_selection().ok()??;
    if sel.range_count() == 0 || sel.is_collapsed() {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let start = point_to_cp(root, &range.start_container().ok()?, range.start_offset().ok()?, index)?;
    let end = point_to_cp(root, &range.end_container().ok()?, range.end_offset().ok()?, index)?;
    (start < end).then_some(Picked { start, end, x, y })
}

/// The start offset of the segment under an event target, if it is inside a highlight.
pub fn segment_at(target: &Element) -> Option<usize> {
    let seg = target.closest("mark[data-s]").ok()??;
    attr_usize(&seg, "data-s")
}
