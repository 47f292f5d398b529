//! A run of consecutive blocks, so that a change re-examines a few dozen chunks rather than
//! every block of a long article. Its element lets the browser skip laying out and painting
//! the chunks far from the viewport, with a few dozen elements to watch rather than hundreds.
use super::block::{touching, BlockRole, BlockView};
use crate::model::annotation::Annotation;
use crate::model::layout::Block;
use crate::model::{Document, Label, TextIndex};
use std::rc::Rc;
use yew::prelude::*;

/// Blocks per chunk.
pub const CHUNK: usize = 16;

#[derive(Properties, PartialEq)]
pub struct ChunkProps {
    /// Index of the chunk's first block.
    pub first: usize,
    /// Laid out whether in view or not (a chunk of the first screen: see `article`).
    pub laid_out: bool,
    pub blocks: Rc<Vec<Block>>,
    pub doc: Rc<Document>,
    pub index: Rc<TextIndex>,
    pub labels: Rc<Vec<Label>>,
    /// Per block of the chunk, the annotations touching it.
    pub buckets: Vec<Rc<Vec<Rc<Annotation>>>>,
    /// Per block of the chunk, whether to draw highlights.
    pub rich: Vec<bool>,
    /// The selected / flashed annotation, when it touches this chunk.
    pub selected: Option<AttrValue>,
    pub flash: Option<AttrValue>,
}

#[function_component(Chunk)]
pub fn chunk(p: &ChunkProps) -> Html {
    let blocks = p.buckets.iter().enumerate().map(|(k, anns)| {
        let i = p.first + k;
        let role = match i {
            0 => BlockRole::Headline,
            1 => BlockRole::Standfirst,
            _ => BlockRole::Paragraph,
        };
        // A block drawn as plain text is not given its annotations: it is not drawn again when
        // they change (as when the whole document comes after its first screen).
        let rich = p.rich[k];
        html! {
            <BlockView key={i} number={i} block={p.blocks[i]} {role} doc={p.doc.clone()} index={p.index.clone()}
                labels={p.labels.clone()} selected={touching(&p.selected, anns)} flash={touching(&p.flash, anns)}
                {rich} anns={if rich { anns.clone() } else { Rc::default() }} />
        }
    });
    html! { <div class={if p.laid_out { "chunk shown" } else { "chunk" }}>{ for blocks }</div> }
}
