//! The label of the highlight under the pointer, drawn above it. It lives outside the
//! article (whose paragraphs clip what overflows them) and re-renders only itself.
use crate::browser::dom;
use gloo::events::EventListener;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HoverLabelProps {
    /// The element whose highlights are watched.
    pub root: NodeRef,
}

#[function_component(HoverLabel)]
pub fn hover_label(p: &HoverLabelProps) -> Html {
    // `use_state_eq`: setting the value it already has re-renders nothing.
    let shown = use_state_eq(|| None::<(String, f64, f64)>);
    {
        let (root, shown) = (p.root.clone(), shown.clone());
        use_effect_with((), move |_| {
            let listeners = root.cast::<web_sys::Element>().map(|el| {
                let (over, out, scrolled) = (shown.clone(), shown.clone(), shown.clone());
                let on_over = EventListener::new(&el, "mouseover", move |e| {
                    over.set(dom::hover_label(e));
                });
                let on_out = EventListener::new(&el, "mouseleave", move |_| out.set(None));
                // The label is placed in viewport pixels: scrolling hides it until the next move.
                let on_scroll = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                    scrolled.set(None);
                });
                (on_over, on_out, on_scroll)
            });
            move || drop(listeners)
        });
    }
    // Always in the page, hidden when no highlight is under the pointer: showing it changes a
    // text and a position rather than building an element.
    let (text, style) = match &*shown {
        Some((text, x, y)) => (text.clone(), Some(format!("left:{}px;top:{}px", *x as i32, *y as i32))),
        None => (String::new(), None),
    };
    html! { <div class="hover-label" aria-hidden="true" hidden={shown.is_none()} {style}>{ text }</div> }
}
