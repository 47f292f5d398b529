//! A long block drawn in runs (`layout::runs`), each by a block view of its own, so that an
//! edit re-renders and re-lays-out the run it touches, not the paragraph. As blocks are (see
//! `article`), runs far from the viewport are drawn as plain text until they come near: a
//! paragraph of a hundred thousand characters opens with the highlights of its first screen.
use super::block::{touching, BlockProps, BlockRole, BlockView};
use super::near::{first_screen, Near, NearAction};
use crate::browser::visibility::BlockObserver;
use crate::model::layout;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(Runs)]
pub fn runs(p: &BlockProps) -> Html {
    let cuts = Rc::new(layout::runs(p.block, p.index.slice(&p.doc.text, p.block.start, p.block.end)));
    let near = {
        let cuts = cuts.clone();
        use_reducer(move || Near(Rc::new(first_screen(&cuts)), 0))
    };
    {
        let (near, number) = (near.dispatcher(), p.number);
        super::use_effect_on(cuts.clone(), move |cuts| {
            near.dispatch(NearAction::Reset(first_screen(cuts)));
            let block =
                gloo::utils::document().query_selector(&format!("article [data-p=\"{number}\"]")).ok().flatten();
            let cuts = cuts.clone();
            let observer = block.map(|el| {
                BlockObserver::runs(&el, move |starts| {
                    let list = starts.into_iter().map(|s| cuts.partition_point(|r| r.start < s)).collect();
                    near.dispatch(NearAction::Add(list))
                })
            });
            move || drop(observer)
        });
    }
    let anns = layout::per_run(&cuts, &p.anns);
    cuts.iter()
        .zip(anns)
        .enumerate()
        .map(|(k, (&block, anns))| {
            let (selected, flash) = (touching(&p.selected, &anns), touching(&p.flash, &anns));
            // The selected or flashed annotation is drawn wherever it is (the keyboard moves to
            // annotations far from the view).
            let rich = near.0.get(k).copied().unwrap_or(false) || selected.is_some() || flash.is_some();
            html! {
                <BlockView key={block.start} number={p.number} {block} role={BlockRole::Run} doc={p.doc.clone()}
                    index={p.index.clone()} labels={p.labels.clone()} {selected} {flash} {rich} anns={Rc::new(anns)} />
            }
        })
        .collect()
}
