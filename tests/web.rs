//! In-browser tests (wasm-bindgen-test, headless Chromium): components mounted into a fresh
//! element and their DOM asserted, plus the whole app driven through real DOM events.
#![cfg(target_arch = "wasm32")]

use article_annotator::components::block::{BlockProps, BlockRole, BlockView};
use article_annotator::components::details::PanelData;
use article_annotator::components::sidebar::{Sidebar, SidebarProps};
use article_annotator::components::tag_menu::{TagMenu, TagMenuProps};
use article_annotator::components::App;
use article_annotator::model::state::Snapshot;
use article_annotator::model::{default_labels, Action, Document, State};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{press, root, select_for_menu, settle, texts, until};

fn sample_state() -> State {
    let mut s = State::new(Snapshot {
        doc: Document::from_text("Head line\nStand first 😀 here\nPresident Xi Jinping met 北京 officials.", "t"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    });
    for (a, b, l) in [(39, 49, "PERSON"), (39, 67, "CLAIM"), (54, 56, "LOC")] {
        s.apply(Action::Add { start: a, end: b, label: l.into(), now: "t".into() });
    }
    s
}

/// Props for block `i` of `s`, drawn with highlights, marking the state's selection.
fn block_props(s: &State, i: usize, role: BlockRole) -> BlockProps {
    BlockProps {
        number: i,
        block: s.blocks[i],
        role,
        doc: s.doc.clone(),
        index: s.index.clone(),
        labels: s.labels.clone(),
        anns: s.bucket(i),
        selected: s.selected.clone().map(AttrValue::from),
        flash: None,
        rich: true,
    }
}

#[wasm_bindgen_test]
async fn block_draws_nested_highlights_as_text() {
    let s = sample_state();
    let el = root();
    let props = block_props(&s, 2, BlockRole::Paragraph);
    yew::Renderer::<BlockView>::with_root_and_props(el.clone(), props).render();
    settle().await;
    assert_eq!(el.text_content().unwrap(), "President Xi Jinping met 北京 officials.");
    assert_eq!(texts(&el, "mark"), vec!["Xi Jinping", " met ", "北京", " officials."]);
    let xi = el.query_selector("mark").unwrap().unwrap();
    assert_eq!(xi.get_attribute("data-labels").unwrap(), "Person · Claim");
    assert!(xi.class_list().contains("claim"));
    // The selected (last added) Location is outlined; the others are not.
    assert_eq!(texts(&el, "mark.sel"), vec!["北京"]);
    assert_eq!(el.query_selector("p").unwrap().unwrap().get_attribute("data-s").unwrap(), "29");
}

/// Every code-point range of a block, selected by code points and read back from the page's
/// selection: the same range, and the text it shows is those code points, across plain text
/// (text nodes straight in the block, no element of their own) and highlights, after an
/// emoji, a ZWJ sequence, a combining mark and CJK.
#[wasm_bindgen_test]
async fn selections_map_to_code_points_through_plain_text_and_highlights() {
    use article_annotator::browser::selection;
    let text = "Head\nStand\nA 👩‍🔬 met Rene\u{301}e in 北京 😀 today, said 👍🏽 Xi.";
    let mut s = State::new(Snapshot {
        doc: Document::from_text(text, "t"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    });
    let cps: Vec<char> = text.chars().collect();
    let at = |needle: &str| {
        let n: Vec<char> = needle.chars().collect();
        (0..cps.len()).find(|&i| cps[i..].starts_with(&n)).unwrap()
    };
    let (rene, bj, xi) = (at("Rene\u{301}e"), at("北京"), at("Xi"));
    for (a, b, l) in [(rene, rene + 6, "PERSON"), (bj, bj + 2, "LOC"), (xi, xi + 2, "PERSON"), (rene, bj + 2, "CLAIM")]
    {
        s.apply(Action::Add { start: a, end: b, label: l.into(), now: "t".into() });
    }
    let el = root();
    yew::Renderer::<BlockView>::with_root_and_props(el.clone(), block_props(&s, 2, BlockRole::Paragraph)).render();
    settle().await;
    let p = el.query_selector("p").unwrap().unwrap();
    assert_eq!(p.text_content().unwrap(), text.lines().nth(2).unwrap());
    assert!(p.query_selector("span").unwrap().is_none(), "no element around plain text");
    assert_eq!(p.first_child().unwrap().node_type(), web_sys::Node::TEXT_NODE);
    assert_eq!(texts(&el, "mark").len(), 4);
    let block = s.blocks[2];
    let sel = gloo::utils::window().get_selection().unwrap().unwrap();
    for a in block.start..=block.end {
        for b in a..=block.end {
            selection::select(&el, &s.index, a, b).expect("selected");
            assert_eq!(selection::current(&el, &s.index), Some((a, b)), "{a}..{b}");
            // (The range's text: the selection's own rounds to whole characters as drawn.)
            let shown: String = sel.get_range_at(0).unwrap().to_string().into();
            assert_eq!(shown, cps[a..b].iter().collect::<String>(), "{a}..{b}");
        }
    }
    // A point given by an element and a child index, as the keyboard leaves it: before the
    // first text node, the block's start; after the last child, its end.
    sel.collapse_with_offset(Some(&p), 0).unwrap();
    assert_eq!(selection::current(&el, &s.index), Some((block.start, block.start)));
    sel.collapse_with_offset(Some(&p), p.child_nodes().length()).unwrap();
    assert_eq!(selection::current(&el, &s.index), Some((block.end, block.end)));
    sel.collapse_with_offset(Some(&p), 2).unwrap();
    let second = p.child_nodes().item(1).unwrap().dyn_into::<Element>().unwrap();
    let after: usize = second.get_attribute("data-e").unwrap().parse().unwrap();
    assert_eq!(selection::current(&el, &s.index), Some((after, after)), "the point after the first highlight");
}

#[wasm_bindgen_test]
async fn block_renders_markup_in_text_as_text() {
    let s = State::new(Snapshot {
        doc: Document::from_text("<b>bold</b> <img src=x onerror=alert(1)>", "t"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    });
    let el = root();
    let props = block_props(&s, 0, BlockRole::Headline);
    yew::Renderer::<BlockView>::with_root_and_props(el.clone(), props).render();
    settle().await;
    assert!(el.query_selector("img, b").unwrap().is_none());
    assert_eq!(
        el.query_selector("h1").unwrap().unwrap().text_content().unwrap(),
        "<b>bold</b> <img src=x onerror=alert(1)>"
    );
}

/// The sidebar's properties for a state: its selection shown, callbacks doing nothing.
fn sidebar_props(s: &State) -> SidebarProps {
    let selected = s.selected.as_ref().and_then(|id| s.get(id)).cloned();
    SidebarProps {
        labels: s.labels.clone(),
        annotations: s.annotations().clone(),
        counts: s.counts().clone(),
        selected: selected.clone(),
        place: AttrValue::default(),
        current: selected,
        onselect: Callback::noop(),
        onretag: Callback::noop(),
        ondelete: Callback::noop(),
        data: PanelData {
            meta: s.meta(),
            annotations: s.annotations().clone(),
            doc: s.doc.clone(),
            index: s.index.clone(),
        },
        picking: false,
        ondispatch: Callback::noop(),
        onpicking: Callback::noop(),
        marked: None,
        onmark: Callback::noop(),
        reattaching: None,
        onreattach: Callback::noop(),
        reading: false,
    }
}

#[wasm_bindgen_test]
async fn sidebar_groups_counts_and_marks_the_selection() {
    let s = sample_state();
    let el = root();
    let props = SidebarProps { place: "Paragraph 3".into(), ..sidebar_props(&s) };
    yew::Renderer::<Sidebar>::with_root_and_props(el.clone(), props).render();
    settle().await;
    assert_eq!(texts(&el, "h2"), vec!["Entities2", "Claims1"]);
    assert_eq!(
        texts(&el, ".entry"),
        vec![
            "Person: Xi Jinping",
            "Location: 北京",
            "Claim: Xi Jinping met 北京 officials.No speaker · Not assessed · Unverified"
        ]
    );
    assert_eq!(texts(&el, "[aria-current=true]"), vec!["Location: 北京"]);
    assert_eq!(texts(&el, "[aria-label=Counts] .count-n"), vec!["1", "0", "1", "0", "0", "0", "0", "1"]);
    assert!(el.query_selector("button.danger").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn tag_menu_offers_every_label_by_name() {
    let el = root();
    let props = TagMenuProps {
        labels: Rc::new(default_labels()),
        at: Some((10.0, 10.0, 10.0)),
        quote: "Xi Jinping".into(),
        onpick: Callback::noop(),
        onclose: Callback::noop(),
        cue: false,
        oncue: Callback::noop(),
    };
    yew::Renderer::<TagMenu>::with_root_and_props(el.clone(), props).render();
    settle().await;
    let menu = el.query_selector("[role=menu]").unwrap().unwrap();
    assert_eq!(menu.get_attribute("aria-label").unwrap(), "Tag selection");
    let items = menu.query_selector_all("[role=menuitem]").unwrap();
    let names: Vec<String> = (0..items.length())
        .map(|i| {
            let item: Element = items.item(i).unwrap().dyn_into().unwrap();
            let kbd = item.query_selector("kbd").unwrap().unwrap();
            assert_eq!(kbd.get_attribute("aria-hidden").as_deref(), Some("true"));
            item.text_content().unwrap().trim_end_matches(&kbd.text_content().unwrap()).to_string()
        })
        .collect();
    assert_eq!(names, ["Person", "Organization", "Location", "Date", "Event", "Quantity", "Other", "Claim"]);
}

/// The nearest `[data-p]` block holding a node, as its number.
fn block_of(node: &web_sys::Node) -> Option<String> {
    let el = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-p]").ok()??.get_attribute("data-p")
}

#[wasm_bindgen_test]
async fn app_tags_a_selection_and_rerenders_only_that_paragraph() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let el = root();
    yew::Renderer::<App>::with_root(el.clone()).render();
    settle().await;
    assert!(el.query_selector("h1").unwrap().unwrap().text_content().unwrap().starts_with("Xi and Lukashenko agree"));
    // The blocks after the first screen are drawn, then laid out (their `far` class taken
    // off), in tasks after its frame, and then every chunk out of view is laid out ahead in
    // idle moments (marked `ahead` when done): what is counted below is what the tag changes,
    // so those first (a loaded machine can still be at it here).
    assert!(until(&el, "article[aria-label='Article text']:not([aria-busy])").await, "the article is whole");
    let busy = "article .far, article .chunk:not(.shown):not(.ahead)";
    for _ in 0..200 {
        if el.query_selector(busy).unwrap().is_none() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(30)).await;
    }
    assert!(el.query_selector(busy).unwrap().is_none(), "every block laid out, every chunk laid out ahead");

    // Select "Xi Jinping" with a DOM range, as a mouse drag would, and release the mouse.
    // (The paragraph's plain text is a text node straight in it: no element of its own.)
    let para = el.query_selector("article p[data-p='2']").unwrap().unwrap();
    let text = para.first_child().unwrap();
    assert_eq!(text.node_type(), web_sys::Node::TEXT_NODE, "plain text is not wrapped");
    let at = text.node_value().unwrap().find("Xi Jinping").unwrap() as u32;
    // ("i Jin": snapping grows it to both words.)
    assert!(select_for_menu(&el, &text, at + 1, at + 6).await, "the tag menu opens");
    let article = el.query_selector("article").unwrap().unwrap();

    // Count which blocks change when the label key is pressed.
    let changed = Rc::new(std::cell::RefCell::new(std::collections::BTreeSet::new()));
    let sink = changed.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        for r in records.iter() {
            let r: web_sys::MutationRecord = r.dyn_into().unwrap();
            sink.borrow_mut().insert(block_of(&r.target().unwrap()));
        }
    });
    let observer = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()).unwrap();
    let opts = web_sys::MutationObserverInit::new();
    opts.set_subtree(true);
    opts.set_child_list(true);
    opts.set_attributes(true);
    opts.set_character_data(true);
    observer.observe_with_options(&article, &opts).unwrap();
    press("1");
    settle().await;
    for r in observer.take_records().iter() {
        let r: web_sys::MutationRecord = r.dyn_into().unwrap();
        changed.borrow_mut().insert(block_of(&r.target().unwrap()));
    }
    observer.disconnect();
    assert_eq!(*changed.borrow(), [Some("2".to_string())].into_iter().collect(), "only paragraph 2 re-rendered");
    assert_eq!(texts(&el, "article mark"), vec!["Xi Jinping"]);
    // The sidebar's lists follow the article by two frames: wait for them (a loaded machine
    // can take longer than one settle).
    let mut waited = 0;
    while texts(&el, ".entry").is_empty() && waited < 3000 {
        yew::platform::time::sleep(Duration::from_millis(50)).await;
        waited += 50;
    }
    assert_eq!(texts(&el, ".entry"), vec!["Person: Xi Jinping"]);
    assert!(el.query_selector("[role=menu]:not([hidden])").unwrap().is_none(), "the menu closes");

    // Saved (debounced) in the native schema with code-point offsets.
    yew::platform::time::sleep(Duration::from_millis(500)).await;
    let index: serde_json::Value =
        serde_json::from_str(&storage.get_item("article-annotator:v1:index").unwrap().unwrap()).unwrap();
    let id = index["current"].as_str().unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&storage.get_item(&format!("article-annotator:v1:doc:{id}")).unwrap().unwrap()).unwrap();
    let a = &saved["annotations"][0];
    let text = saved["document"]["text"].as_str().unwrap();
    let (start, end) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
    let at: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(at, "Xi Jinping", "the stored code-point span is the tagged text");
    // The stored copy leaves out what reading gives back: the quote is the text at the span.
    assert!(a.get("quote").is_none() && a.get("prefix").is_none(), "{a}");
    drop(cb);
}

/// The browser's segmenter finds the clusters UAX #29 has: an accent stays on its letter, an
/// emoji sequence and a flag are one cluster each; offsets come back in bytes.
#[wasm_bindgen_test]
fn browser_clusters_follow_uax29() {
    use article_annotator::browser::clusters::Browser;
    use article_annotator::model::snap::Clusters;
    let line = "cafe\u{301} 👩\u{200d}🔬 🇧🇾 北京";
    assert_eq!(Browser.starts(line), vec![0, 1, 2, 3, 6, 7, 18, 19, 27, 28, 31]);
    assert_eq!(Browser.starts(""), Vec::<usize>::new());
}

/// A long list is virtual: out of view (a closed sheet here), it draws its first run of 20
/// entries and a spacer standing for the others; each entry says its place in the whole list;
/// a selected entry far down is drawn where it is, with spacers around its run.
#[wasm_bindgen_test]
async fn sidebar_lists_draw_their_runs_and_spacers_for_the_rest() {
    let text = "word ".repeat(150);
    let mut s = State::new(Snapshot {
        doc: Document::from_text(&format!("Head\nStand\n{text}"), "t"),
        labels: default_labels(),
        annotations: vec![],
        ..Snapshot::default()
    });
    for k in 0..150 {
        let start = 11 + 5 * k;
        s.apply(Action::Add { start, end: start + 4, label: "PERSON".into(), now: "t".into() });
    }
    s.apply(Action::Select(None));
    let el = root();
    let mut app = yew::Renderer::<Sidebar>::with_root_and_props(el.clone(), sidebar_props(&s)).render();
    settle().await;
    let list = |el: &Element| {
        let items = el.query_selector_all("ol.entries > li").unwrap();
        (0..items.length())
            .map(|i| {
                let li = items.item(i).unwrap().dyn_into::<Element>().unwrap();
                match li.get_attribute("data-from") {
                    Some(from) => format!("{from}-{}", li.get_attribute("data-to").unwrap()),
                    None => li.get_attribute("aria-posinset").unwrap(),
                }
            })
            .collect::<Vec<_>>()
    };
    let places = |from: usize, to: usize| (from..=to).map(|i| i.to_string()).collect::<Vec<_>>();
    let mut expected = places(1, 20);
    expected.push("20-150".into());
    assert_eq!(list(&el), expected);
    let first = el.query_selector("ol.entries > li").unwrap().unwrap();
    assert_eq!(first.get_attribute("aria-setsize").as_deref(), Some("150"));
    let spacer = el.query_selector("li.spacer").unwrap().unwrap();
    assert_eq!(spacer.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        spacer.get_attribute("style").as_deref(),
        Some("height:4290px"),
        "130 entries of 33 px until one is measured"
    );

    // The 100th annotation selected: its run (entries 81–100) is drawn between two spacers.
    let id = s.annotations()[99].id.clone();
    s.apply(Action::Select(Some(id.clone())));
    app.update(sidebar_props(&s));
    settle().await;
    let mut expected = places(1, 20);
    expected.push("20-80".into());
    expected.extend(places(81, 100));
    expected.push("100-150".into());
    assert_eq!(list(&el), expected);
    let current = el.query_selector("button.entry[aria-current=\"true\"]").unwrap().unwrap();
    assert_eq!(current.get_attribute("data-id").as_deref(), Some(id.as_str()));
}
