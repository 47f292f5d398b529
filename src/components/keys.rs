//! Keyboard shortcuts: number keys tag or retag, Delete removes, Esc dismisses,
//! Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo.
use crate::browser::dom::typing_in_field;
use crate::model::labels;
use crate::model::{Action, State};
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// What a key press asks for, given the state and whether the tag menu is open.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyIntent {
    Undo,
    Redo,
    /// Tag the pending selection with this label.
    Tag(String),
    /// Retag the selected annotation.
    Retag(String, String),
    Delete(String),
    Escape,
    /// Open an article (Ctrl+O).
    Open,
    /// Take the suggested speaker of this claim (A).
    AcceptSpeaker(String),
}

/// Decide what a key press means; `None` leaves it to the browser.
pub fn intent(e: &KeyboardEvent, state: &State, menu_open: bool) -> Option<KeyIntent> {
    let key = e.key();
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl && key.eq_ignore_ascii_case("o") && !e.shift_key() && !e.alt_key() {
        return Some(KeyIntent::Open);
    }
    // Keys belong to a text field, or to an open dialog.
    if typing_in_field() || dialog_open() {
        return None;
    }
    if ctrl {
        return match key.to_ascii_lowercase().as_str() {
            "z" if e.shift_key() => Some(KeyIntent::Redo),
            "z" => Some(KeyIntent::Undo),
            "y" => Some(KeyIntent::Redo),
            _ => None,
        };
    }
    if e.alt_key() {
        return None;
    }
    match key.as_str() {
        // (An open popover, the annotations sheet of a narrow window, closes itself on Esc.)
        "Escape" if gloo::utils::document().query_selector(":popover-open").ok().flatten().is_none() => {
            Some(KeyIntent::Escape)
        }
        "Delete" | "Backspace" if !menu_open => state.selected.clone().map(KeyIntent::Delete),
        "a" | "A" if !menu_open && labels::by_key(&state.labels, &key).is_none() => {
            let claim = state.selected.as_ref().and_then(|id| state.get(id)).filter(|a| a.claim.is_some());
            claim.map(|a| KeyIntent::AcceptSpeaker(a.id.clone()))
        }
        k => {
            let label = labels::by_key(&state.labels, k)?.id.clone();
            if menu_open {
                Some(KeyIntent::Tag(label))
            } else {
                state.selected.clone().map(|id| KeyIntent::Retag(id, label))
            }
        }
    }
}

/// True while a modal dialog or the library is open (the article's keys do not apply).
fn dialog_open() -> bool {
    gloo::utils::document().query_selector("[role=dialog][aria-modal=true], section.library").ok().flatten().is_some()
}

/// The action for an intent that needs no extra context.
pub fn action(intent: &KeyIntent, now: String) -> Option<Action> {
    match intent {
        KeyIntent::Undo => Some(Action::Undo { now }),
        KeyIntent::Redo => Some(Action::Redo { now }),
        KeyIntent::Retag(id, label) => Some(Action::Retag { id: id.clone(), label: label.clone(), now }),
        KeyIntent::Delete(id) => Some(Action::Delete { id: id.clone(), now }),
        KeyIntent::Tag(_) | KeyIntent::Escape | KeyIntent::Open | KeyIntent::AcceptSpeaker(_) => None,
    }
}

/// Listen for shortcuts on the whole page. The listener is added once; every render hands it
/// the current state, menu flag and callback (re-adding it on each render cost a click ~1 ms).
#[hook]
pub fn use_shortcuts(state: UseReducerHandle<State>, menu_open: bool, onintent: Callback<KeyIntent>) {
    let current = super::use_latest((state, menu_open, onintent));
    super::use_effect_on((), move |_| {
        let opts = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            gloo::events::EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(e) else {
                    return;
                };
                let (state, menu_open, onintent) = current.borrow().clone();
                if let Some(i) = intent(e, &state, menu_open) {
                    e.prevent_default();
                    onintent.emit(i);
                }
            });
        move || drop(listener)
    });
}
