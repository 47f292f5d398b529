//! Builders of the views' elements. The markup macro builds every element in line where it is
//! written (the element, its attribute list, its listeners, its list of children); these
//! functions build them once for all, and a view calls them with its element's parts.
use std::rc::Rc;
use yew::html::{onclick, IntoPropValue};
use yew::virtual_dom::{AttributeOrProperty, Attributes, Key, Listener, Listeners, VList, VNode, VTag, VText};
use yew::{AttrValue, Callback, Html, NodeRef};

/// Fixed attributes: names and values known when the view is written.
pub type Fixed = &'static [(&'static str, AttributeOrProperty)];

/// Markup that never changes and listens to nothing (no tables' parts: the browser reads it
/// outside of any table).
pub fn raw(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// A fixed text.
pub fn text(s: &'static str) -> Html {
    VNode::VText(VText::new(AttrValue::Static(s)))
}

/// An attribute's value.
pub fn a(value: impl IntoPropValue<AttrValue>) -> Option<AttributeOrProperty> {
    Some(AttributeOrProperty::Attribute(value.into_prop_value()))
}

/// A value set as the element's property `className` (which, unlike the attribute, leaves an
/// empty class in place).
pub fn class_name(value: &'static str) -> Option<AttributeOrProperty> {
    Some(AttributeOrProperty::Property(value.into()))
}

/// The listener of clicks calling `cb`.
pub fn onclick(cb: Callback<web_sys::MouseEvent>) -> Listeners {
    listen(Rc::new(onclick::Wrapper::new(cb)))
}

/// One listener.
pub fn listen(l: Rc<dyn Listener>) -> Listeners {
    Listeners::Pending(Box::new([Some(l)]))
}

/// Nodes as one list, compared child by child (by key, when they have keys) from one render
/// to the next: for lists whose length changes.
pub fn list(nodes: Vec<Html>) -> Html {
    VNode::VList(Rc::new(VList::with_children(nodes, None)))
}

/// The children as one node: the only child itself, or a list of them. (A view hands the same
/// number of children on every render, holding an empty node for a part not shown.)
fn children(mut nodes: Vec<Html>) -> Html {
    match nodes.len() {
        1 => nodes.pop().unwrap_or_default(),
        0 => Html::default(),
        _ => list(nodes),
    }
}

/// Element `tag` with its key, attributes, listeners and children.
pub fn build(tag: &'static str, key: Option<Key>, attrs: Attributes, listeners: Listeners, kids: Vec<Html>) -> Html {
    VNode::VTag(Rc::new(VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        key,
        attrs,
        listeners,
        children(kids),
    )))
}

/// Element `tag` with fixed attributes.
pub fn fixed(tag: &'static str, attrs: Fixed, kids: Vec<Html>) -> Html {
    build(tag, None, Attributes::Static(attrs), Listeners::None, kids)
}

/// Element `tag` with attributes `keys` set to `values` (in order; `None` leaves one out).
pub fn el(
    tag: &'static str,
    keys: &'static [&'static str],
    values: Box<[Option<AttributeOrProperty>]>,
    listeners: Listeners,
    kids: Vec<Html>,
) -> Html {
    build(tag, None, Attributes::Dynamic { keys, values }, listeners, kids)
}

/// A button with fixed attributes (`type="button"` among them), its text and click.
pub fn button(attrs: Fixed, label: Html, onclick: Callback<web_sys::MouseEvent>) -> Html {
    build("button", None, Attributes::Static(attrs), self::onclick(onclick), vec![label])
}
