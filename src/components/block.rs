//! One block of the article (headline, standfirst or paragraph) with its highlights.
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use crate::model::layout::{self, Block};
use crate::model::{Document, TextIndex};
use std::rc::Rc;
use yew::prelude::*;

/// What a block is in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockRole {
    Headline,
    Standfirst,
    Paragraph,
    /// One run of a long block (`layout::runs`), drawn inside the block's element as a line of
    /// its own: the browser lays out only the run an edit touches.
    Run,
}

#[derive(Properties, PartialEq, Clone)]
pub struct BlockProps {
    pub number: usize,
    pub block: Block,
    pub role: BlockRole,
    pub doc: Rc<Document>,
    pub index: Rc<TextIndex>,
    pub labels: Rc<Vec<Label>>,
    /// The annotations touching this block.
    pub anns: Rc<Vec<Rc<Annotation>>>,
    /// The selected annotation, when it touches this block.
    pub selected: Option<AttrValue>,
    /// An annotation to flash, when it touches this block.
    pub flash: Option<AttrValue>,
    /// Draw highlights (false while the block is far from the viewport).
    pub rich: bool,
}

/// Classes, inline colours and the hover label of a highlighted segment.
fn mark_look(covering: &[Rc<Annotation>], labels: &[Label], p: &BlockProps) -> (String, String, String) {
    let color = |a: &Annotation| labels::find(labels, &a.label).map_or("#888888".to_string(), |l| l.color.clone());
    let name = |a: &Annotation| labels::find(labels, &a.label).map_or(a.label.clone(), |l| l.name.clone());
    let entities: Vec<&Rc<Annotation>> = covering.iter().filter(|a| a.kind == Kind::Entity).collect();
    let claim = covering.iter().find(|a| a.kind == Kind::Claim);
    let mut classes = String::from("hl");
    let mut style = String::new();
    if let Some(inner) = entities.last() {
        style.push_str(&format!("--bg:{}47;", color(inner)));
    }
    if entities.len() > 1 {
        classes.push_str(" nested");
        style.push_str(&format!("--bar:{};", color(entities[0])));
    }
    if let Some(c) = claim {
        classes.push_str(" claim");
        style.push_str(&format!("--claim:{};", color(c)));
    }
    let is = |id: &Option<AttrValue>| id.as_ref().is_some_and(|id| covering.iter().any(|a| a.id == id.as_str()));
    if is(&p.selected) {
        classes.push_str(" sel");
    }
    if is(&p.flash) {
        classes.push_str(" flash");
    }
    let names: Vec<String> = covering.iter().rev().map(|a| name(a)).collect();
    (classes, style, names.join(" · "))
}

/// The text from `start` to `end` cut into plain spans and highlights, each keyed by where it
/// starts: a new highlight changes the segments around it and leaves the others' elements alone.
fn marks(p: &BlockProps) -> Html {
    let text = |s: usize, e: usize| p.index.slice(&p.doc.text, s, e).to_string();
    layout::segments(p.block, &p.anns)
        .into_iter()
        .map(|seg| {
            let (key, s, e) = (seg.start, seg.start.to_string(), seg.end.to_string());
            if seg.covering.is_empty() {
                return html! { <span {key} data-s={s} data-e={e}>{ text(seg.start, seg.end) }</span> };
            }
            let (class, style, names) = mark_look(&seg.covering, &p.labels, p);
            let ids: Vec<&str> = seg.covering.iter().map(|a| a.id.as_str()).collect();
            // (`page::link_details` points the highlight at its annotations' sidebar entries.)
            html! {
                <mark {key} ~className={class} {style} data-s={s} data-e={e} data-ids={ids.join(" ")}
                      data-labels={names}>{ text(seg.start, seg.end) }</mark>
            }
        })
        .collect()
}

/// `id` when one of `anns` has it: the selected or flashed annotation, passed on to the views of
/// the blocks or runs it touches only.
pub fn touching(id: &Option<AttrValue>, anns: &[Rc<Annotation>]) -> Option<AttrValue> {
    id.clone().filter(|id| anns.iter().any(|a| a.id == id.as_str()))
}

#[function_component(BlockView)]
pub fn block_view(p: &BlockProps) -> Html {
    let Block { start, end } = p.block;
    let body: Html = if !p.rich || p.anns.is_empty() {
        let text = p.index.slice(&p.doc.text, start, end).to_string();
        html! { <span data-s={start.to_string()} data-e={end.to_string()}>{ text }</span> }
    } else if p.role == BlockRole::Run || layout::drawn_whole(p.block) {
        marks(p)
    } else {
        html! { <super::runs::Runs ..p.clone() /> }
    };
    let (s, e, n) = (start.to_string(), end.to_string(), p.number.to_string());
    match p.role {
        BlockRole::Headline => {
            html! { <h1 class="headline" data-s={s} data-e={e} data-p={n}>{ body }</h1> }
        }
        BlockRole::Standfirst => {
            html! { <p class="standfirst" data-s={s} data-e={e} data-p={n}>{ body }</p> }
        }
        BlockRole::Paragraph => html! { <p data-s={s} data-e={e} data-p={n}>{ body }</p> },
        BlockRole::Run => html! { <span class="run" data-s={s} data-e={e}>{ body }</span> },
    }
}
