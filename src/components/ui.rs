//! The application shell's view state: what is open, shown or being picked, and the settings
//! read at the start, changed one message at a time.
use super::persist;
use crate::browser::selection::Picked;
use crate::formats::text_in::Draft;
use crate::model::said::Said;
use std::rc::Rc;
use yew::prelude::*;

/// What the open dialog starts with: a draft, or why a file could not be opened.
pub type Opening = Option<Rc<Result<Draft, String>>>;

/// The shell's view state.
#[derive(Clone, Default)]
pub struct Ui {
    /// The selection the tag menu is open for.
    pub menu: Option<Picked>,
    /// "Snap to words".
    pub words: bool,
    pub library: bool,
    pub labels: bool,
    pub opening: Opening,
    /// Bumped when the stored library changed (a save, an export, a library action).
    pub saved: u32,
    /// The annotation flashed after a click in the sidebar.
    pub flash: Option<AttrValue>,
    /// The claim whose speaker the next click on a highlight picks.
    pub picking: Option<String>,
    /// The entity whose mentions are marked in the article.
    pub marked: Option<AttrValue>,
    /// The orphaned annotation the next selection in the article re-attaches.
    pub reattaching: Option<String>,
    /// The reviewer named in ClaimReview exports.
    pub reviewer: String,
    /// The toolbar's export menu is open.
    pub export: bool,
    /// Single-key shortcuts are on (the setting).
    pub keys: bool,
    /// Highlights' labels are read out (the setting).
    pub spoken: bool,
    /// The find box is shown.
    pub find: bool,
    /// The keyboard help is open.
    pub help: bool,
    /// What the page last said of a move (the status region; see `model::said`).
    pub said: Said,
}

pub enum UiMsg {
    Menu(Option<Picked>),
    Words(bool),
    Library(bool),
    ToggleLibrary,
    Labels(bool),
    Opening(Opening),
    Saved,
    Flash(Option<AttrValue>),
    Picking(Option<String>),
    Marked(Option<AttrValue>),
    Reviewer(String),
    Reattaching(Option<String>),
    Export(bool),
    Keys(bool),
    Spoken(bool),
    Find(bool),
    Help(bool),
    Say(String),
}

impl UiMsg {
    /// The open dialog with nothing in it yet.
    pub fn blank() -> Self {
        UiMsg::Opening(Some(Rc::new(Ok(Draft::default()))))
    }
}

impl Reducible for Ui {
    type Action = UiMsg;
    fn reduce(self: Rc<Self>, msg: UiMsg) -> Rc<Self> {
        let mut ui = (*self).clone();
        match msg {
            UiMsg::Menu(m) => ui.menu = m,
            UiMsg::Words(on) => ui.words = on,
            UiMsg::Library(on) => ui.library = on,
            UiMsg::ToggleLibrary => ui.library = !ui.library,
            UiMsg::Labels(on) => ui.labels = on,
            UiMsg::Opening(o) => ui.opening = o,
            UiMsg::Saved => ui.saved = ui.saved.wrapping_add(1),
            UiMsg::Flash(f) => ui.flash = f,
            UiMsg::Picking(p) => ui.picking = p,
            UiMsg::Marked(m) => ui.marked = m,
            UiMsg::Reviewer(r) => ui.reviewer = r,
            UiMsg::Reattaching(r) => ui.reattaching = r,
            UiMsg::Export(open) => ui.export = open,
            UiMsg::Keys(on) => ui.keys = on,
            UiMsg::Spoken(on) => ui.spoken = on,
            UiMsg::Find(on) => ui.find = on,
            UiMsg::Help(on) => ui.help = on,
            UiMsg::Say(words) => ui.said = Said::new(&words),
        }
        Rc::new(ui)
    }
}

impl Ui {
    pub fn new() -> Self {
        let s = persist::settings();
        Ui { words: s.words, reviewer: s.reviewer, keys: s.keys, spoken: s.spoken, ..Ui::default() }
    }
}
