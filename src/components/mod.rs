//! Yew components: one per file. `App` owns the state; the rest take data and callbacks.
pub mod app;
pub mod article;
pub mod block;
pub mod boot;
pub mod caret;
pub mod chunk;
pub mod claim_panel;
pub mod details;
pub mod documents;
pub mod entity_panel;
pub mod exports;
pub mod fields;
pub mod handlers;
pub mod import;
pub mod keyboard;
pub mod keys;
pub mod label_editor;
pub mod library;
pub mod library_rows;
pub mod modal;
pub mod near;
pub mod notices;
pub mod open_dialog;
pub mod persist;
pub mod runs;
pub mod saver;
pub mod sidebar;
pub mod sidebar_index;
pub mod sidebar_list;
pub mod speakers;
pub mod tag_menu;
pub mod toolbar;
pub mod ui;
pub mod view;

pub use app::App;

use crate::model::{Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::functional::{Hook, TearDown};
use yew::{hook, use_effect_with, use_mut_ref, use_state, Reducible};

/// `use_effect_with`, the effect and its clean-up boxed. Each effect closure given to Yew
/// compiles a copy of its effect machinery (about 600 bytes); boxed, all effects whose
/// dependencies have the same type share one.
pub fn use_effect_on<D: PartialEq + 'static, R: TearDown>(
    deps: D,
    f: impl FnOnce(&D) -> R + 'static,
) -> impl Hook<Output = ()> {
    boxed_effect(
        deps,
        Box::new(move |d: &D| -> Box<dyn FnOnce()> {
            let r = f(d);
            Box::new(move || r.tear_down())
        }),
    )
}

type Effect<D> = Box<dyn FnOnce(&D) -> Box<dyn FnOnce()>>;

fn boxed_effect<D: PartialEq + 'static>(deps: D, f: Effect<D>) -> impl Hook<Output = ()> {
    use_effect_with(deps, move |d| f(d))
}

/// A cell holding the value of the latest render: lets a callback made once (and so never
/// changing, which spares the components it is handed to a re-render) read current data.
#[hook]
pub fn use_latest<T: 'static>(value: T) -> Rc<RefCell<T>> {
    let mut value = Some(value);
    // The first render moves the value in; later ones replace it.
    let cell = use_mut_ref(|| value.take().expect("a value is handed in on every render"));
    if let Some(v) = value {
        *cell.borrow_mut() = v;
    }
    cell
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self;
        Rc::make_mut(&mut next).apply(action);
        next
    }
}

/// The value `now` had a frame ago. What can wait a frame (the sidebar, after a change that the
/// article draws at once) is then done in a task of its own, after the next frame is drawn.
#[hook]
pub fn use_later<T: Clone + PartialEq + 'static>(now: T) -> T {
    use_later_from(now, T::clone)
}

/// `use_later`, drawn first as `first(&now)` (what the first frame can do without).
#[hook]
pub fn use_later_from<T: Clone + PartialEq + 'static>(now: T, first: impl FnOnce(&T) -> T) -> T {
    let later = use_state(|| first(&now));
    let set = later.setter();
    use_effect_on(now, move |now| {
        let now = now.clone();
        crate::browser::dom::after_frame(move || set.set(now));
    });
    (*later).clone()
}

/// A click handler calling `cb` (one closure type for all such buttons).
pub fn click(cb: &yew::Callback<()>) -> yew::Callback<web_sys::MouseEvent> {
    let cb = cb.clone();
    yew::Callback::from(move |_: web_sys::MouseEvent| cb.emit(()))
}

/// The `change` handler of a file input: hands on the chosen files, then empties the input so
/// that choosing the same file again is noticed.
pub fn file_chosen(cb: &yew::Callback<Vec<web_sys::File>>) -> yew::Callback<web_sys::Event> {
    let cb = cb.clone();
    yew::Callback::from(move |e: web_sys::Event| {
        let input: web_sys::HtmlInputElement = yew::TargetCast::target_unchecked_into(&e);
        if let Some(list) = input.files() {
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            if !files.is_empty() {
                cb.emit(files);
            }
        }
        input.set_value("");
    })
}
