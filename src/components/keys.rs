//! Keyboard shortcuts. Keys with Ctrl (undo, redo, open) work anywhere but in a text field;
//! single keys (labels, N, P, S, /, ?, Delete, Enter, Space) only while the article or the tag
//! menu has focus, and not at all when the setting is off (WCAG 2.1.4); `on_intent` does what each
//! asks.
use super::handlers::Latest;
use super::ui::UiMsg;
use super::{caret, speakers};
use crate::browser::dom::typing_in_field;
use crate::browser::now_iso;
use crate::model::labels;
use crate::model::{Action, State};
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// What a key press asks for, given the state and whether the tag menu is open.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyIntent {
    Undo,
    Redo,
    /// Tag the selection the menu is open for with this label.
    Tag(String),
    /// A label's key in the article: tag the selection or the word at the caret, or retag the
    /// selected annotation (`handlers::on_label_key`).
    Label(String),
    Delete(String),
    Escape,
    /// Open an article (Ctrl+O).
    Open,
    /// Take the suggested speaker of this claim (A).
    AcceptSpeaker(String),
    /// Enter or Space: open the tag menu for the selection, or select the highlight at the caret.
    Enter,
    /// N / P: the next or previous annotation.
    Next(bool),
    /// Move the selected annotation's end (or start) a word further (or back).
    Resize {
        end: bool,
        later: bool,
    },
    /// Move the caret (or, with Shift, extend the selection) by a sentence or a paragraph.
    Caret {
        extend: bool,
        forward: bool,
        unit: &'static str,
    },
    /// `/`: the find box.
    Find,
    /// `?`: the keyboard help.
    Help,
    /// S: from the selected annotation to its entry in the sidebar.
    Entry(String),
}

/// Where focus is, for the keys.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Article,
    Menu,
    Elsewhere,
}

/// Where keyboard focus is now.
pub fn place() -> Place {
    let active = gloo::utils::document().active_element();
    let within = |sel: &str| active.as_ref().and_then(|el| el.closest(sel).ok().flatten()).is_some();
    if within("article.article") {
        Place::Article
    } else if within(".tag-menu") {
        Place::Menu
    } else {
        Place::Elsewhere
    }
}

/// Decide what a key press means; `None` leaves it to the browser. `single`: single-key
/// shortcuts are on.
pub fn intent(e: &KeyboardEvent, state: &State, menu_open: bool, single: bool) -> Option<KeyIntent> {
    let key = e.key();
    let (ctrl, alt, shift) = (e.ctrl_key() || e.meta_key(), e.alt_key(), e.shift_key());
    if ctrl && key.eq_ignore_ascii_case("o") && !shift && !alt {
        return Some(KeyIntent::Open);
    }
    // Keys belong to a text field, or to an open dialog.
    if typing_in_field() || dialog_open() {
        return None;
    }
    let here = place();
    if here == Place::Article {
        // Sentences and paragraphs, which the browser's caret does not move by itself.
        let unit = match () {
            _ if alt && !ctrl => "sentence",
            _ if ctrl && !alt => "paragraph",
            _ => "",
        };
        let forward = match key.as_str() {
            "ArrowDown" => Some(true),
            "ArrowUp" => Some(false),
            _ => None,
        };
        if let (false, Some(forward)) = (unit.is_empty(), forward) {
            return Some(KeyIntent::Caret { extend: shift, forward, unit });
        }
        // Shift+[ and Shift+]: the end; Alt+[ and Alt+]: the start (by key position, as the
        // characters differ between layouts).
        let bracket = match e.code().as_str() {
            "BracketLeft" => Some(false),
            "BracketRight" => Some(true),
            _ => None,
        };
        if let (Some(later), true, Some(_)) = (bracket, shift != alt && !ctrl, &state.selected) {
            return Some(KeyIntent::Resize { end: shift, later });
        }
    }
    if ctrl {
        return match key.to_ascii_lowercase().as_str() {
            "z" if shift => Some(KeyIntent::Redo),
            "z" => Some(KeyIntent::Undo),
            "y" => Some(KeyIntent::Redo),
            _ => None,
        };
    }
    // (An open popover, the annotations sheet of a narrow window, closes itself on Esc.)
    if key == "Escape" {
        let sheet = gloo::utils::document().query_selector(":popover-open").ok().flatten();
        return sheet.is_none().then_some(KeyIntent::Escape);
    }
    if alt || here == Place::Elsewhere || !single {
        return None;
    }
    let selected = || state.selected.clone();
    if let Some(label) = labels::by_key(&state.labels, &key) {
        let label = label.id.clone();
        return Some(if menu_open { KeyIntent::Tag(label) } else { KeyIntent::Label(label) });
    }
    match key.as_str() {
        "Delete" | "Backspace" if !menu_open => selected().map(KeyIntent::Delete),
        "Enter" | " " if here == Place::Article => Some(KeyIntent::Enter),
        "n" | "N" if !menu_open => Some(KeyIntent::Next(true)),
        "p" | "P" if !menu_open => Some(KeyIntent::Next(false)),
        "s" | "S" if !menu_open => selected().map(KeyIntent::Entry),
        "/" => Some(KeyIntent::Find),
        "?" => Some(KeyIntent::Help),
        "a" | "A" if !menu_open => {
            let claim = state.selected.as_ref().and_then(|id| state.get(id)).filter(|a| a.claim.is_some());
            claim.map(|a| KeyIntent::AcceptSpeaker(a.id.clone()))
        }
        // (Typing into the article changes nothing; the key is taken so that nothing tries.)
        _ => None,
    }
}

/// True while a modal dialog or the library is open (the article's keys do not apply).
fn dialog_open() -> bool {
    gloo::utils::document()
        .query_selector("[role=dialog][aria-modal=true], dialog[open], section.library")
        .ok()
        .flatten()
        .is_some()
}

/// The action for an intent that needs no extra context.
pub fn action(intent: &KeyIntent, now: String) -> Option<Action> {
    match intent {
        KeyIntent::Undo => Some(Action::Undo { now }),
        KeyIntent::Redo => Some(Action::Redo { now }),
        _ => None,
    }
}

/// Listen for shortcuts on the whole page. The listener is added once; every render hands it
/// the current state, menu flag, setting and callback (re-adding it on each render cost a
/// click ~1 ms).
#[hook]
pub fn use_shortcuts(state: UseReducerHandle<State>, menu_open: bool, single: bool, onintent: Callback<KeyIntent>) {
    let current = super::use_latest((state, menu_open, single, onintent));
    super::use_effect_on((), move |_| {
        let opts = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            gloo::events::EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(e) else {
                    return;
                };
                let (state, menu_open, single, onintent) = current.borrow().clone();
                // The selection the app is about to make in the article (after a tag, N or P,
                // or a click on a sidebar entry) is made first: a key pressed before its task
                // acts where the app is taking the focus, and the browser moves the caret (an
                // arrow, Home, End…) from there, not from the selection before it.
                if !typing_in_field() && !dialog_open() {
                    caret::make_pending(&state.index);
                }
                if let Some(i) = intent(e, &state, menu_open, single) {
                    e.prevent_default();
                    onintent.emit(i);
                }
            });
        move || drop(listener)
    });
}

/// A key's intent.
pub fn on_intent(x: &Latest, tag: &Callback<String>, i: KeyIntent) {
    let (state, ui) = (&x.docs.state, &x.ui);
    match &i {
        KeyIntent::Tag(label) => tag.emit(label.clone()),
        KeyIntent::Escape if ui.picking.is_some() => ui.dispatch(UiMsg::Picking(None)),
        KeyIntent::Escape if ui.reattaching.is_some() => ui.dispatch(UiMsg::Reattaching(None)),
        KeyIntent::AcceptSpeaker(id) => {
            let Some(claim) = state.get(id) else { return };
            let s = speakers::suggestion(state.annotations(), &state.labels, (&state.doc, &state.index), claim);
            let action = s.and_then(|s| speakers::accept(claim, &s, &state.labels));
            action.into_iter().for_each(|a| state.dispatch(a));
        }
        KeyIntent::Escape if ui.menu.is_some() => {
            ui.dispatch(UiMsg::Menu(None));
            if place() == Place::Menu {
                caret::back();
            }
        }
        KeyIntent::Escape if place() != Place::Article => caret::back(),
        KeyIntent::Escape => state.dispatch(Action::Select(None)),
        KeyIntent::Open => ui.dispatch(UiMsg::blank()),
        KeyIntent::Label(label) => caret::label_key(x, label.clone()),
        KeyIntent::Enter => caret::enter(x),
        KeyIntent::Next(forward) => caret::next(x, *forward),
        KeyIntent::Resize { end, later } => caret::resize(x, *end, *later),
        KeyIntent::Caret { extend, forward, unit } => crate::browser::page::modify(*extend, *forward, unit),
        KeyIntent::Find => {
            ui.dispatch(UiMsg::Find(true));
            super::keyboard::focus_find();
        }
        KeyIntent::Help => ui.dispatch(UiMsg::Help(true)),
        KeyIntent::Entry(id) => caret::to_entry(id),
        KeyIntent::Delete(id) => caret::delete(x, id.clone()),
        _ => action(&i, now_iso()).into_iter().for_each(|a| state.dispatch(a)),
    }
}
