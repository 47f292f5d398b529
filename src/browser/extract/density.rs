//! The densest block of paragraphs, for pages that do not mark their article: each paragraph
//! scores its parent fully and its grandparent half, by its length and commas (readability's
//! rule); a block's score shrinks by the share of its text that is links.
use crate::browser::extract_meta::{elements, elements_in};
use web_sys::{Document, Element};

/// Marks a candidate in the parsed (never shown) document with its index in the list.
const KEY: &str = "data-aa-candidate";

/// The block with the best score, if any paragraph is long enough to count.
pub fn densest(doc: &Document) -> Option<Element> {
    let mut candidates: Vec<(Element, f64)> = Vec::new();
    for p in elements(doc, "p, pre") {
        let text = p.text_content().unwrap_or_default();
        let len = visible_chars(&text);
        if len < 25 {
            continue;
        }
        let score = 1.0 + commas(&text) as f64 + (len as f64 / 100.0).min(3.0);
        let parent = p.parent_element();
        let grandparent = parent.as_ref().and_then(|e| e.parent_element());
        for (el, share) in [(parent, 1.0), (grandparent, 0.5)] {
            if let Some(el) = el {
                add(&mut candidates, el, score * share);
            }
        }
    }
    let mut best: Option<(Element, f64)> = None;
    for (el, score) in candidates {
        let score = score * (1.0 - link_density(&el));
        if best.as_ref().is_none_or(|(_, b)| score > *b) {
            best = Some((el, score));
        }
    }
    best.map(|(el, _)| el)
}

fn add(candidates: &mut Vec<(Element, f64)>, el: Element, score: f64) {
    let known = el.get_attribute(KEY).and_then(|i| i.parse::<usize>().ok());
    match known.and_then(|i| candidates.get_mut(i)) {
        Some(c) => c.1 += score,
        None => {
            let _ = el.set_attribute(KEY, &candidates.len().to_string());
            candidates.push((el, score));
        }
    }
}

/// The share of `el`'s (non-space) characters that are inside links.
fn link_density(el: &Element) -> f64 {
    let all = visible_chars(&el.text_content().unwrap_or_default());
    if all == 0 {
        return 1.0;
    }
    let linked: usize = elements_in(el, "a").iter().map(|a| visible_chars(&a.text_content().unwrap_or_default())).sum();
    (linked as f64 / all as f64).min(1.0)
}

fn visible_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn commas(s: &str) -> usize {
    s.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count()
}
