//! The one place that turns the DOM's selection (UTF-16 offsets in text nodes) into a
//! code-point range of the document, through the precomputed `TextIndex`.
use crate::model::TextIndex;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// A selection inside the article: `[start, end)` in code points, and where it is on the page
/// (document pixels): `x` where it ends across, `top` and `bottom` its edges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Picked {
    pub start: usize,
    pub end: usize,
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
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
        let start = text_start(node, index)?;
        return Some(index.utf16_to_cp(index.cp_to_utf16(start) + offset as usize));
    }
    let el: &Element = node.dyn_ref()?;
    let children = el.child_nodes();
    // Boundary before child `offset`: the start of the first positioned thing from there on.
    for i in offset..children.length() {
        if let Some(found) = children.item(i).and_then(|c| first_start(&c, index)) {
            return Some(found);
        }
    }
    // Boundary after the last child: the end of this element, or of the last block in it.
    if let Some(end) = attr_usize(el, "data-e") {
        return Some(end);
    }
    (0..offset).rev().find_map(|i| children.item(i).and_then(|c| last_end(&c, index))).or(Some(0))
}

/// The length of a text node, in UTF-16 code units.
fn units(node: &Node) -> usize {
    node.node_value().map_or(0, |t| t.encode_utf16().count())
}

/// Where the text node `node` starts (code points): a highlight's text where the highlight
/// starts; plain text (straight in its block or run, see `block::plain`) where the highlight
/// before it ends, or where its block or run starts, after any plain text between.
fn text_start(node: &Node, index: &TextIndex) -> Option<usize> {
    let parent = node.parent_element()?;
    if parent.local_name() == "mark" {
        return attr_usize(&parent, "data-s");
    }
    let mut before = 0;
    let mut sibling = node.previous_sibling();
    while let Some(n) = sibling {
        if let Some(el) = n.dyn_ref::<Element>() {
            let end = attr_usize(el, "data-e")?;
            return Some(index.utf16_to_cp(index.cp_to_utf16(end) + before));
        }
        before += units(&n);
        sibling = n.previous_sibling();
    }
    let start = attr_usize(&parent, "data-s")?;
    Some(index.utf16_to_cp(index.cp_to_utf16(start) + before))
}

/// Where a text node ends (code points).
fn text_end(node: &Node, index: &TextIndex) -> Option<usize> {
    let start = text_start(node, index)?;
    Some(index.utf16_to_cp(index.cp_to_utf16(start) + units(node)))
}

fn first_start(node: &Node, index: &TextIndex) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        return text_start(node, index);
    }
    let el: &Element = node.dyn_ref()?;
    attr_usize(el, "data-s").or_else(|| el.query_selector("[data-s]").ok()?.and_then(|e| attr_usize(&e, "data-s")))
}

fn last_end(node: &Node, index: &TextIndex) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        return text_end(node, index);
    }
    let el: &Element = node.dyn_ref()?;
    attr_usize(el, "data-e").or_else(|| {
        let all = el.query_selector_all("[data-e]").ok()?;
        all.item(all.length().checked_sub(1)?)?.dyn_ref::<Element>().and_then(|e| attr_usize(e, "data-e"))
    })
}

/// The current selection if it lies inside `root` and is not empty; `(x, y)` is where the
/// pointer let go (see `placed`). (Asking the range where it is on screen would lay out the
/// page in the middle of the mouse-up.)
pub fn picked(root: &Element, index: &TextIndex, (x, y): (f64, f64)) -> Option<Picked> {
    let (start, end) = current(root, index)?;
    (start < end).then_some(Picked { start, end, x, top: y, bottom: y })
}

/// The article's selection as a code-point range, collapsed (a caret) or not; `None` when the
/// selection is not in `root`.
pub fn current(root: &Element, index: &TextIndex) -> Option<(usize, usize)> {
    let sel = gloo::utils::window().get_selection().ok()??;
    if sel.range_count() == 0 {
        return None;
    }
    of_range(root, &sel.get_range_at(0).ok()?, index)
}

/// `range` as a code-point range of the article, if it lies in `root`.
pub fn of_range(root: &Element, range: &web_sys::Range, index: &TextIndex) -> Option<(usize, usize)> {
    let start = point_to_cp(root, &range.start_container().ok()?, range.start_offset().ok()?, index)?;
    let end = point_to_cp(root, &range.end_container().ok()?, range.end_offset().ok()?, index)?;
    Some((start, end.max(start)))
}

/// The DOM boundary point of code point `cp`: in the text of the drawn segment holding it (at
/// a segment's end, the end of its text).
fn cp_to_point(root: &Element, cp: usize, index: &TextIndex) -> Option<(Node, u32)> {
    // The block: the first whose end is at or after `cp` (blocks are in document order).
    let blocks = root.query_selector_all("[data-p]").ok()?;
    let block = |i: u32| blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok());
    let (mut lo, mut hi) = (0, blocks.length());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if block(mid).and_then(|b| attr_usize(&b, "data-e")).is_some_and(|e| e < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let block = block(lo.min(blocks.length().checked_sub(1)?))?;
    // (A point between blocks, on their line breaks, goes to the nearer block's edge.)
    let cp = cp.clamp(attr_usize(&block, "data-s")?, attr_usize(&block, "data-e")?);
    // In a long block drawn in runs, the run holding `cp`.
    let mut holder = block;
    let runs = holder.query_selector_all(":scope > .run").ok()?;
    for i in 0..runs.length() {
        let run: Element = runs.item(i)?.dyn_into().ok()?;
        let (Some(s), Some(e)) = (attr_usize(&run, "data-s"), attr_usize(&run, "data-e")) else { continue };
        if s <= cp && cp <= e {
            holder = run;
            if cp < e {
                break;
            }
        }
    }
    // The piece holding `cp`: plain text, or a highlight's text (at a piece's end, the next
    // piece when one starts there).
    let children = holder.child_nodes();
    let mut at = attr_usize(&holder, "data-s")?;
    let mut found = None;
    for i in 0..children.length() {
        let node = children.item(i)?;
        let (s, e, text) = match node.dyn_ref::<Element>() {
            Some(el) => (attr_usize(el, "data-s")?, attr_usize(el, "data-e")?, el.first_child()?),
            None => (at, index.utf16_to_cp(index.cp_to_utf16(at) + units(&node)), node.clone()),
        };
        at = e;
        if s > cp {
            break;
        }
        if cp <= e {
            found = Some((text, s));
            if cp < e {
                break;
            }
        }
    }
    // (An empty block has no text node: the point is in the block itself.)
    let (text, s) = found.or_else(|| (children.length() == 0).then(|| (holder.clone().into(), at)))?;
    Some((text, (index.cp_to_utf16(cp) - index.cp_to_utf16(s)) as u32))
}

/// Select `[start, end)` (code points) in the article, as if the reader had.
pub fn select(root: &Element, index: &TextIndex, start: usize, end: usize) -> Option<()> {
    let (sn, so) = cp_to_point(root, start, index)?;
    let (en, eo) = cp_to_point(root, end, index)?;
    let sel = gloo::utils::window().get_selection().ok()??;
    sel.set_base_and_extent(&sn, so, &en, eo).ok()
}

/// `p` placed where the page's selection is (its box in document pixels), so that a menu beside
/// it covers none of it and scrolls with it; `x` stays where the pointer let go, if it is
/// within the box.
pub fn placed(p: Picked) -> Picked {
    let w = gloo::utils::window();
    let rect =
        w.get_selection().ok().flatten().and_then(|s| s.get_range_at(0).ok()).map(|r| r.get_bounding_client_rect());
    let (sx, sy) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
    let (x, top, bottom) = match rect.filter(|r| r.height() > 0.0) {
        Some(r) if (r.left()..=r.right()).contains(&p.x) => (p.x, r.top(), r.bottom()),
        Some(r) => (r.left(), r.top(), r.bottom()),
        None => (p.x, p.top, p.bottom),
    };
    Picked { x: x + sx, top: top + sy, bottom: bottom + sy, ..p }
}

thread_local! {
    /// Whether the last pointer to press was a finger.
    static TOUCH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the last press was a touch (a selection then ends without a mouse-up).
pub fn touched() -> bool {
    TOUCH.with(std::cell::Cell::get)
}

/// Follow the page's selection: `settled` runs once it has not changed for 100 ms; presses
/// are told apart by pointer type.
pub fn follow(settled: impl Fn() + 'static) -> [gloo::events::EventListener; 2] {
    use gloo::events::EventListener;
    let doc = gloo::utils::document();
    let press = EventListener::new(&doc, "pointerdown", |e| {
        let kind = js_sys::Reflect::get(e, &"pointerType".into()).ok().and_then(|v| v.as_string());
        TOUCH.with(|t| t.set(kind.as_deref() == Some("touch")));
    });
    let settled = std::rc::Rc::new(settled);
    let timer = std::cell::RefCell::new(None);
    let change = EventListener::new(&doc, "selectionchange", move |_| {
        let settled = settled.clone();
        *timer.borrow_mut() = Some(crate::browser::dom::timeout(100, move || settled()));
    });
    [press, change]
}

/// The start offset of the segment under an event target, if it is inside a highlight.
pub fn segment_at(target: &Element) -> Option<usize> {
    let seg = target.closest("mark[data-s]").ok()??;
    attr_usize(&seg, "data-s")
}
