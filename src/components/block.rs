//! One block of the article (headline, standfirst or paragraph) with its highlights.
use crate::model::annotation::{Annotation, Kind};
use crate::model::labels::{self, Label};
use crate::model::layout::{self, Block};
use crate::model::{Document, TextIndex};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList, VText};

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

/// The position of `label` in `labels` (`labels.len()`: one it does not have), as the classes
/// of `label_sheet` name it.
fn slot(labels: &[Label], label: &str) -> usize {
    labels.iter().position(|l| l.id == label).unwrap_or(labels.len())
}

/// Classes (with the colours of `label_sheet`) and the hover label of a highlighted segment.
fn mark_look(covering: &[Rc<Annotation>], labels: &[Label], p: &BlockProps) -> (String, String) {
    let name = |a: &Annotation| labels::find(labels, &a.label).map_or(a.label.clone(), |l| l.name.clone());
    let entities: Vec<&Rc<Annotation>> = covering.iter().filter(|a| a.kind == Kind::Entity).collect();
    let claim = covering.iter().find(|a| a.kind == Kind::Claim);
    let mut classes = String::from("hl");
    if let Some(inner) = entities.last() {
        classes.push_str(&format!(" tint t{}", slot(labels, &inner.label)));
    }
    if entities.len() > 1 {
        classes.push_str(&format!(" nested r{}", slot(labels, &entities[0].label)));
    }
    if let Some(c) = claim {
        classes.push_str(&format!(" claim c{}", slot(labels, &c.label)));
    }
    let is = |id: &Option<AttrValue>| id.as_ref().is_some_and(|id| covering.iter().any(|a| a.id == id.as_str()));
    if is(&p.selected) {
        classes.push_str(" sel");
    }
    if is(&p.flash) {
        classes.push_str(" flash");
    }
    let names: Vec<String> = covering.iter().rev().map(|a| name(a)).collect();
    (classes, names.join(" · "))
}

/// The highlights' colours, a rule a label (and one for a label the set does not have): its
/// tint (`t`, at 28 % alpha), the bar of a nested highlight (`r`) and a claim's underline
/// (`c`). One sheet rather than a `style` on each highlight: no declaration parsed per
/// highlight, and highlights of a label share their style.
pub fn label_sheet(labels: &[Label]) -> String {
    // (Colours come from files too: nothing that could end the rule or the element.)
    let safe =
        |c: &str| -> String { c.chars().filter(|c| c.is_ascii_alphanumeric() || "#(),.% ".contains(*c)).collect() };
    let colors = labels.iter().map(|l| safe(&l.color)).chain(std::iter::once("#888888".to_string()));
    let rule =
        |(i, c): (usize, String)| format!("mark.t{i}{{--bg:{c}47}}mark.r{i}{{--bar:{c}}}mark.c{i}{{--claim:{c}}}");
    colors.enumerate().map(rule).collect()
}

/// Plain text, keyed by where it starts: a text node of its own, straight in the block (or run),
/// with no element around it. Where it starts is where the highlight before it ends, or where
/// its block starts (`selection` counts from there): an element for each plain piece was an
/// object more for the page to lay out, paint and keep, a script object for the collector to
/// trace, and a few calls out of wasm to make.
fn plain(key: usize, text: String) -> Html {
    Html::VList(Rc::new(VList::with_children(vec![Html::VText(VText::new(text))], Some(Key::from(key)))))
}

/// The text from `start` to `end` cut into plain text and highlights, each keyed by where it
/// starts: a new highlight changes the segments around it and leaves the others' nodes alone.
fn marks(p: &BlockProps) -> Html {
    let text = |s: usize, e: usize| p.index.slice(&p.doc.text, s, e).to_string();
    layout::segments(p.block, &p.anns)
        .into_iter()
        .map(|seg| {
            if seg.covering.is_empty() {
                return plain(seg.start, text(seg.start, seg.end));
            }
            let (key, s, e) = (seg.start, seg.start.to_string(), seg.end.to_string());
            let (class, names) = mark_look(&seg.covering, &p.labels, p);
            let ids: Vec<&str> = seg.covering.iter().map(|a| a.id.as_str()).collect();
            // (`page::link_details` points the highlight at its annotations' sidebar entries.)
            html! {
                <mark {key} ~className={class} data-s={s} data-e={e} data-ids={ids.join(" ")}
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
        // (Keyed as `marks` keys its first piece: when the highlights come, this text node
        // stays the block's first, rather than being reused for its last piece, which moved the
        // node the browser anchors scrolling to and the page with it.)
        std::iter::once(plain(start, p.index.slice(&p.doc.text, start, end).to_string())).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    #[test]
    fn the_sheet_colours_each_label_and_one_it_does_not_have_and_keeps_to_its_rules() {
        let mut labels = default_labels();
        labels[1].color = "#56b4e9}</style><script>".into();
        let sheet = label_sheet(&labels);
        assert!(sheet.starts_with("mark.t0{--bg:#e69f0047}mark.r0{--bar:#e69f00}mark.c0{--claim:#e69f00}"));
        assert!(sheet.contains("mark.t1{--bg:#56b4e9stylescript47}"), "{sheet}");
        assert!(sheet.ends_with(&format!("mark.c{}{{--claim:#888888}}", labels.len())));
        assert_eq!(sheet.matches('{').count(), 3 * (labels.len() + 1));
        assert!(!sheet.contains('<'));
        assert_eq!(slot(&labels, "LOC"), 2);
        assert_eq!(slot(&labels, "NOT-A-LABEL"), labels.len());
    }
}
