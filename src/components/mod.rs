//! Yew components: one per file. `App` owns the state; the rest take data and callbacks.
pub mod app;
pub mod article;
pub mod block;
pub mod chunk;
pub mod details;
pub mod hover_label;
pub mod import;
pub mod keys;
pub mod notices;
pub mod persist;
pub mod sidebar;
pub mod tag_menu;
pub mod toolbar;

pub use app::App;

use crate::model::{Action, State};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self;
        Rc::make_mut(&mut next).apply(action);
        next
    }
}
