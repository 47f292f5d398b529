//! What of the article has come near the viewport (see `article` and `runs`).
use crate::model::layout::Block;
use std::rc::Rc;
use yew::Reducible;

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
        }
    }
}
