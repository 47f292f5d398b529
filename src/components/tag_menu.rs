//! The menu that appears beside a fresh selection: one button per label, with its key. It
//! stays in the page, hidden, between selections: showing it is a style change, not a build.
use super::view;
use crate::browser::dom::data_of;
use crate::model::Label;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

#[derive(Properties, PartialEq)]
pub struct TagMenuProps {
    pub labels: Rc<Vec<Label>>,
    /// Where the selection is (document pixels: across, top and bottom edges); `None` while no
    /// selection waits.
    pub at: Option<(f64, f64, f64)>,
    /// The quoted text, shown so the user sees what will be tagged.
    pub quote: AttrValue,
    pub onpick: Callback<String>,
    pub onclose: Callback<()>,
    /// Whether a claim is selected: the selection can then become its cue.
    #[prop_or_default]
    pub cue: bool,
    #[prop_or_default]
    pub oncue: Callback<()>,
}

#[function_component(TagMenu)]
pub fn tag_menu(p: &TagMenuProps) -> Html {
    let menu = use_node_ref();
    let open = super::use_latest(p.at.is_some());
    {
        // A press anywhere outside the open menu closes it.
        let (menu, onclose) = (menu.clone(), p.onclose.clone());
        super::use_effect_on((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "mousedown", move |e| {
                let inside =
                    menu.cast::<web_sys::Node>().zip(e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()));
                if *open.borrow() && !inside.is_some_and(|(m, t)| m.contains(Some(&t))) {
                    onclose.emit(());
                }
            });
            move || drop(listener)
        });
    }
    let style = p.at.map(|(x, top, bottom)| {
        let w = gloo::utils::window();
        let (sx, sy) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        let (width, height) = crate::browser::dom::window_size();
        // The menu is 336 px wide and at most 280 px high (styles/app.css); it stays 8 px inside
        // the window across. It opens below the selection, or above it when the window has no
        // room below; it is placed on the page, so it scrolls with the text.
        let left = (x - 120.0).clamp(sx + 8.0, sx + (width - 344.0).max(8.0));
        if bottom + 6.0 + 280.0 > sy + height && top - 6.0 - 280.0 >= sy {
            format!("left:{}px;top:{}px;transform:translateY(-100%)", left as i32, (top - 6.0) as i32)
        } else {
            format!("left:{}px;top:{}px", left as i32, (bottom + 6.0) as i32)
        }
    });
    html! {
        <div class="tag-menu" role="menu" aria-label="Tag selection" ref={menu} {style} hidden={p.at.is_none()}
             onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())} onkeydown={Callback::from(|e: KeyboardEvent| crate::browser::page::menu_keys(&e))}>
            <div class="tag-quote" aria-hidden="true">{ p.quote.clone() }</div>
            { tag_items(&p.labels, &p.onpick) }
            if p.cue {
                { view::button(&[("type", S("button")), ("role", S("menuitem")), ("class", S("tag cue"))], view::text("Cue of the claim"), super::click(&p.oncue)) }
            }
            { view::raw(r#"<div class="tag-hint" aria-hidden="true">Press a number · Esc to close</div>"#) }
        </div>
    }
}

/// Focus the open menu's first item (it was opened from the keyboard).
pub fn focus_first() {
    crate::browser::dom::soon(|| crate::browser::page::focus(".tag-menu [role=menuitem]"));
}

/// The menu's buttons: the same from one selection to the next, so opening, moving and
/// closing the menu changes nothing in them.
fn tag_items(labels: &[Label], onpick: &Callback<String>) -> Html {
    // One listener for all the items: the clicked item names its label.
    let onclick = {
        let onpick = onpick.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(label) = data_of(&e, "data-label") {
                onpick.emit(label);
            }
        })
    };
    let items = labels.iter().map(|l| {
        let class = if l.kind == crate::model::Kind::Claim { "tag claim" } else { "tag entity" };
        html! {
            <button type="button" role="menuitem" ~className={class} style={format!("--c:{}", l.color)} data-label={l.id.clone()}>
                <span class="swatch" aria-hidden="true"></span>
                { l.name.clone() }
                <kbd aria-hidden="true">{ l.key.clone() }</kbd>
            </button>
        }
    });
    html! { <div class="tag-items" {onclick}>{ for items }</div> }
}
