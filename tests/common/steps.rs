//! The open of a stored document run step by step (`boot::start_with`): the steps queued, the
//! test running them one at a time, and a long document to open.
#![allow(dead_code)]
use article_annotator::browser::storage;
use article_annotator::components::{boot, App};
use article_annotator::model::library::DocEntry;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

thread_local! {
    static STEPS: RefCell<VecDeque<Box<dyn FnOnce()>>> = Default::default();
}

/// Queue a step of the open (what `boot::start_with` is given to run each step).
pub fn queue(step: Box<dyn FnOnce()>) {
    STEPS.with(|s| s.borrow_mut().push_back(step));
}

/// Run the next step of the open; false when none is left.
pub fn step() -> bool {
    let next = STEPS.with(|s| s.borrow_mut().pop_front());
    next.map(|f| f()).is_some()
}

/// Whether steps are left to run.
pub fn pending() -> bool {
    STEPS.with(|s| !s.borrow().is_empty())
}

/// 200 paragraphs with emoji, CJK and combining marks, every word tagged a person or a place
/// (about 3,800 annotations: more than one step reads).
pub fn book() -> State {
    let para = "Zoë Ångström met 李明 in Kraków 🎉 and said the café’s e\u{301}clairs were the best in town.";
    let text: Vec<String> = (0..200).map(|i| format!("{i}. {para}")).collect();
    let text = format!("The headline of the book\nIts standfirst\n{}", text.join("\n"));
    let mut s = State::new(Snapshot {
        doc: Document::from_text(&text, "book.txt"),
        labels: default_labels(),
        ..Snapshot::default()
    });
    let cps: Vec<char> = s.doc.text.chars().collect();
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in cps.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                spans.push((b, i));
                start = None;
            }
            _ => {}
        }
    }
    for (k, &(a, b)) in spans.iter().enumerate() {
        let label = if k % 2 == 0 { "PERSON" } else { "LOC" };
        s.apply(Action::Add { start: a, end: b, label: label.into(), now: "2026-11-30T00:00:00Z".into() });
    }
    s
}

/// Store `raw` as `book`'s saved copy (the open document), start the app on it in a new
/// element, step by step, until its first screen is drawn, and let it render: the element,
/// with the rest of the document still to be read.
pub async fn first_screen(book: &State, raw: &str) -> web_sys::Element {
    storage::set(&storage::doc_key(&book.doc.id), raw).unwrap();
    storage::touch_library(DocEntry::of(book, "2026-11-30T00:00:00Z")).unwrap();
    let el = super::root();
    let drawn = Rc::new(Cell::new(false));
    let (into, done) = (el.clone(), drawn.clone());
    boot::start_with(queue, move || {
        yew::Renderer::<App>::with_root(into).render();
        done.set(true);
    });
    while !drawn.get() {
        assert!(step(), "the first screen is drawn before the last step");
    }
    super::settle().await;
    assert!(pending(), "the rest is still to be read");
    el
}
