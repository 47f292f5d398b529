//! What of the article has come near the viewport (see `article` and `runs`).
use crate::browser::dom;
use crate::model::layout::Block;
use std::cell::RefCell;
use std::rc::Rc;
use yew::{hook, use_mut_ref, Reducible, UseReducerDispatcher, UseReducerHandle};

/// The blocks (or runs) drawn with highlights right away, before the observer reports: those
/// that can be on the first screen.
pub fn first_screen(blocks: &[Block]) -> Vec<bool> {
    let reach = super::article::reach();
    blocks.iter().map(|b| b.start < reach).collect()
}

/// Which blocks (or runs of a long block) have been near the viewport: they stay drawn with
/// their highlights once drawn. The number counts redraws of every block.
#[derive(Clone, PartialEq, Default)]
pub struct Near(pub Rc<Vec<bool>>, pub u32);

pub enum NearAction {
    Reset(Vec<bool>),
    /// Draw every block anew (an input method changed the text: see `guard`).
    Redraw,
    Add(Vec<usize>),
    /// Draw the next `.1` blocks still plain, from block `.0` on (then from the start).
    Ahead(usize, usize),
}

impl Reducible for Near {
    type Action = NearAction;
    fn reduce(self: Rc<Self>, action: NearAction) -> Rc<Self> {
        match action {
            NearAction::Reset(v) if *self.0 == v => self,
            NearAction::Reset(v) => Rc::new(Near(Rc::new(v), self.1)),
            NearAction::Redraw => Rc::new(Near(self.0.clone(), self.1 + 1)),
            NearAction::Add(list) => {
                if list.iter().all(|&i| self.0.get(i).copied().unwrap_or(true)) {
                    return self;
                }
                let mut v = (*self.0).clone();
                for i in list {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = true;
                    }
                }
                Rc::new(Near(Rc::new(v), self.1))
            }
            NearAction::Ahead(from, count) => {
                let list = ahead(&self.0, from, count);
                if list.is_empty() {
                    return self;
                }
                self.reduce(NearAction::Add(list))
            }
        }
    }
}

/// The most of an idle moment one step of `use_ahead` takes (ms): a click or a key that comes
/// meanwhile waits no longer than that.
const STEP_MS: f64 = 10.0;

/// The most blocks one step draws, whatever the last step's time says (a step that went by
/// quicker than its blocks' drawing, which a later render does, would ask for hundreds).
const MOST_A_STEP: usize = 8;

/// What a block is taken to cost to draw (ms) until a step has measured it: a block of a
/// densely annotated text (25 highlights) takes 1-2 ms, and a first step that guessed low drew
/// 20 of them in one task of 30-60 ms.
const FIRST_GUESS: f64 = 2.0;

/// The most annotations a document may have for `use_ahead` to draw all of them. Every
/// highlight drawn is elements the page keeps (and script objects for them): at 5,000 the open
/// and the edits took as long with them as without, while at 20,000 the collector's full
/// collections, a few seconds apart, took 25-37 ms each and tagging 14 -> 26-39 ms. Past it,
/// a block is drawn with its highlights when it comes near the view, as before.
pub const AHEAD_AT_MOST: usize = 10_000;

/// Whether a document with `annotations` has its blocks drawn and laid out ahead.
pub fn ahead_for(annotations: usize) -> bool {
    annotations <= AHEAD_AT_MOST
}

/// How `use_ahead` is getting on.
struct Ahead {
    /// A step is asked for (in an idle moment or the next task).
    pending: bool,
    /// Whether steps are to be taken (`ready`, as the last render said).
    on: bool,
    /// When the last step began (ms), and how many blocks it drew.
    began: f64,
    drew: usize,
    /// What a block took to draw in the last step (ms).
    per_block: f64,
    /// The document whose chunks are being laid out ahead.
    laid_out: String,
}

/// Once `ready` (every chunk drawn), draws the blocks still drawn plain with their highlights,
/// as many as fit an idle moment a step (from the reader's place on), until none is left: a
/// scroll then finds them drawn. Drawn as each came near, they made work in the scroll's own
/// frames (and garbage that was collected in them), and were laid out twice.
#[hook]
pub fn use_ahead(near: &UseReducerHandle<Near>, ready: bool, id: &str) {
    let ahead = use_mut_ref(|| Ahead {
        pending: false,
        on: false,
        began: 0.0,
        drew: 0,
        per_block: FIRST_GUESS,
        laid_out: String::new(),
    });
    let (dispatcher, id) = (near.dispatcher(), id.to_string());
    super::use_effect_on(((**near).clone(), ready), move |(drawn, ready)| {
        let mut a = ahead.borrow_mut();
        a.on = *ready;
        if a.drew > 0 {
            a.per_block = ((dom::now() - a.began) / a.drew as f64).max(0.01);
            a.drew = 0;
        }
        if *ready && !drawn.0.contains(&false) && a.laid_out != id {
            // Every block drawn: the chunks laid out ahead of the reader, in idle moments too.
            a.laid_out = id.clone();
            crate::browser::page::lay_out_ahead(reader_at(&id));
        }
        if *ready && !a.pending && drawn.0.contains(&false) {
            a.pending = true;
            drop(a);
            // The rest of this idle moment, if a step fits, or the next one.
            let step = ahead_step(ahead, dispatcher, id);
            if dom::idle_left() > STEP_MS / 2.0 {
                dom::next_task(Box::new(step));
            } else {
                dom::when_idle(step);
            }
        }
    });
}

fn ahead_step(ahead: Rc<RefCell<Ahead>>, dispatcher: UseReducerDispatcher<Near>, id: String) -> impl FnOnce() {
    move || {
        let mut a = ahead.borrow_mut();
        a.pending = false;
        if !a.on {
            return;
        }
        let room = dom::idle_left().min(STEP_MS);
        a.drew = ((room / a.per_block) as usize).clamp(1, MOST_A_STEP);
        a.began = dom::now();
        let count = a.drew;
        drop(a);
        dispatcher.dispatch(NearAction::Ahead(reader_at(&id), count));
    }
}

/// The block the reader was at in document `id` (the first when they were nowhere yet): where
/// the work ahead starts.
fn reader_at(id: &str) -> usize {
    super::persist::kept_place(id).map_or(0, |(top, _)| top)
}

/// The first `count` blocks not yet drawn with highlights, from block `from` to the end, then
/// from the start: where the reader is goes first.
pub fn ahead(drawn: &[bool], from: usize, count: usize) -> Vec<usize> {
    let from = from.min(drawn.len());
    let order = (from..drawn.len()).chain(0..from);
    order.filter(|&i| !drawn[i]).take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ahead_takes_the_plain_blocks_from_the_place_then_from_the_start() {
        let drawn = [true, false, false, true, false, true, false];
        assert_eq!(ahead(&drawn, 3, 2), vec![4, 6]);
        assert_eq!(ahead(&drawn, 3, 3), vec![4, 6, 1]);
        assert_eq!(ahead(&drawn, 0, 10), vec![1, 2, 4, 6]);
        assert_eq!(ahead(&drawn, 99, 1), vec![1], "a place past the end starts at the start");
        assert!(ahead(&[true, true], 0, 4).is_empty());
        assert!(ahead(&[], 5, 4).is_empty());
    }

    #[test]
    fn only_a_document_of_at_most_ten_thousand_annotations_is_drawn_ahead() {
        assert!(ahead_for(0) && ahead_for(5_000) && ahead_for(AHEAD_AT_MOST));
        assert!(!ahead_for(AHEAD_AT_MOST + 1) && !ahead_for(20_000));
    }

    #[test]
    fn ahead_draws_until_every_block_is_drawn_and_then_changes_nothing() {
        let mut near = Rc::new(Near(Rc::new(vec![true, false, false, false, false]), 3));
        near = near.reduce(NearAction::Ahead(2, 2));
        assert_eq!(*near.0, vec![true, false, true, true, false]);
        near = near.reduce(NearAction::Ahead(2, 2));
        assert_eq!(*near.0, vec![true, true, true, true, true]);
        assert_eq!(near.1, 3, "no block is drawn again");
        let same = near.clone().reduce(NearAction::Ahead(0, 2));
        assert!(Rc::ptr_eq(&same, &near), "nothing left: the same state, no render");
    }
}
