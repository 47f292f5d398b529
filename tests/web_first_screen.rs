//! In the browser: a long stored document opens with its first screen's annotations before
//! the rest is read. Each step of the open is run by the test, one at a time, so that it can
//! look at the first frame and act while the rest is still to be read.
#![cfg(target_arch = "wasm32")]
use article_annotator::browser::storage;
use article_annotator::components::article;
use article_annotator::formats::native;
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::steps::{self, book, step};
use common::{press, select_for_menu, settle};

/// The first text node under `node` holding `word`, and where (UTF-16) it starts there.
fn text_with(node: &web_sys::Node, word: &str) -> Option<(web_sys::Node, u32)> {
    if node.node_type() == web_sys::Node::TEXT_NODE {
        let data = node.text_content()?;
        return data.find(word).map(|k| (node.clone(), data[..k].encode_utf16().count() as u32));
    }
    let kids = node.child_nodes();
    (0..kids.length()).find_map(|i| text_with(&kids.item(i)?, word))
}

#[wasm_bindgen_test]
async fn the_first_screen_shows_before_the_rest_is_read_and_a_tag_made_meanwhile_lands_right() {
    let store = gloo::utils::window().local_storage().unwrap().unwrap();
    store.clear().unwrap();
    let book = book();
    let n = book.annotations().len();
    assert!(n > 2500, "annotations: {n}");
    let el = steps::first_screen(&book, &native::to_json(&book, "2026-11-30T00:00:00Z")).await;
    // (The sidebar is drawn a frame after the article.)
    assert!(common::until(&el, ".lists[aria-busy=true]").await, "the sidebar says it is reading");

    // Every block of the first screen holds the highlights of every annotation touching it.
    let reach = article::reach();
    let blocks = book.blocks.iter().enumerate().filter(|(_, b)| b.start < reach).collect::<Vec<_>>();
    assert!(blocks.len() >= 3, "blocks in reach: {}", blocks.len());
    for (i, b) in &blocks {
        let marks = el.query_selector_all(&format!("article [data-p='{i}'] mark")).unwrap();
        let mut shown: Vec<String> = (0..marks.length())
            .flat_map(|k| {
                let m: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(marks.item(k).unwrap());
                m.get_attribute("data-ids").unwrap().split(' ').map(String::from).collect::<Vec<_>>()
            })
            .collect();
        shown.sort();
        shown.dedup();
        let mut want: Vec<String> =
            book.annotations().iter().filter(|a| a.start < b.end && a.end > b.start).map(|a| a.id.clone()).collect();
        want.sort();
        assert!(!want.is_empty());
        assert_eq!(shown, want, "the highlights of block {i}");
    }

    // "town" in paragraph 3, selected as a drag would and tagged by a label's key while the
    // rest is still to be read (a label it does not have there yet).
    let b = book.blocks[3];
    let line = book.index.slice(&book.doc.text, b.start, b.end);
    let town = b.start + line[..line.find("town").unwrap()].chars().count();
    let (key, label) = if book.annotations().iter().any(|a| a.start == town && a.end == town + 4 && a.label == "LOC") {
        ("1", "PERSON")
    } else {
        ("3", "LOC")
    };
    let para = el.query_selector("article p[data-p='3']").unwrap().unwrap();
    let (node, at) = text_with(&para, "town").expect("\"town\" in a text node of paragraph 3");
    assert!(select_for_menu(&el, &node, at, at + 4).await, "the tag menu opens");
    press(key);
    settle().await;
    let tagged = |el: &web_sys::Element| {
        let sel = format!("article mark[data-s='{town}'][data-e='{}']", town + 4);
        let marks = el.query_selector_all(&sel).unwrap();
        (0..marks.length()).map(|k| marks.item(k).unwrap()).find(|m| {
            let m: &web_sys::Element = wasm_bindgen::JsCast::unchecked_ref(m);
            let ids = m.get_attribute("data-ids").unwrap();
            ids.split(' ').any(|id| book.annotations().iter().all(|a| a.id != id))
        })
    };
    assert!(tagged(&el).is_none(), "nothing is made on the part read");
    assert!(steps::pending(), "still reading");

    // The rest read: the tag is made on the whole document, at the code points of "town".
    while step() {}
    let mut waited = 0;
    while tagged(&el).is_none() && waited < 3000 {
        yew::platform::time::sleep(Duration::from_millis(30)).await;
        waited += 30;
    }
    let mark = tagged(&el).expect("the tag is drawn once the rest is read");
    assert!(mark.text_content().unwrap().starts_with("town"));
    // (The sidebar's lists follow two frames later: busy until then.)
    let busy = || el.query_selector("[aria-busy=true]").unwrap().is_some();
    let mut waited = 0;
    while busy() && waited < 3000 {
        yew::platform::time::sleep(Duration::from_millis(30)).await;
        waited += 30;
    }
    assert!(!busy(), "the sidebar is done reading");

    // Saved with every annotation read: n + 1, the new one at its code points.
    let mut saved = None;
    for _ in 0..100 {
        yew::platform::time::sleep(Duration::from_millis(50)).await;
        // (Compressed when large: `get` unpacks it.)
        let raw = storage::get(&storage::doc_key(&book.doc.id)).unwrap().unwrap();
        let read = native::parse(&raw).unwrap();
        if read.snapshot.annotations.len() == n + 1 {
            saved = Some(read);
            break;
        }
    }
    let saved = saved.expect("the document saved with the tag");
    let added: Vec<_> =
        saved.snapshot.annotations.iter().filter(|a| book.annotations().iter().all(|b| b.id != a.id)).collect();
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].start, added[0].end, added[0].label.as_str(), added[0].quote.as_str()),
        (town, town + 4, label, "town")
    );
}

#[wasm_bindgen_test]
fn a_stored_value_is_handed_into_wasm_exactly_whatever_its_characters() {
    let store = gloo::utils::window().local_storage().unwrap().unwrap();
    let ascii = "plain words, line after line. ".repeat(7000);
    let values = [
        String::new(),
        "a😀b😀😀 北京 👩\u{200d}🔬 e\u{301}".to_string(),
        ascii.clone(),
        // One-byte characters past ASCII take two bytes each: more room is made as they come.
        format!("Zoë {ascii} ÿ é"),
        format!("{ascii}😀"),
        format!("北京 and 👩\u{200d}🔬, e\u{301}te {ascii} 李明 🎉"),
    ];
    for (i, v) in values.iter().enumerate() {
        let key = format!("aa-test:utf8:{i}");
        store.set_item(&key, v).unwrap();
        assert_eq!(storage::get(&key).unwrap().as_deref(), Some(v.as_str()), "value {i}");
        // And a piece at a time, pieces ending anywhere (inside a surrogate pair too).
        for size in [1, 2, 3, 7, 4097].into_iter().filter(|&n| n > 3 || v.len() < 100) {
            let mut pieces = storage::get_in_pieces(&key).unwrap().unwrap();
            let mut out = String::new();
            while pieces.append(&mut out, size) {}
            assert_eq!(out, *v, "value {i} in pieces of {size}");
        }
        store.remove_item(&key).unwrap();
    }
    assert!(storage::get_in_pieces("aa-test:utf8:none").unwrap().is_none());
    let cut = "a😀b😀".to_string() + &ascii;
    store.set_item("aa-test:utf8:cut", &cut).unwrap();
    let mut pieces = storage::get_in_pieces("aa-test:utf8:cut").unwrap().unwrap();
    assert_eq!((pieces.find("b😀p"), pieces.find("nowhere")), (Some(3), None), "UTF-16 units");
    store.remove_item("aa-test:utf8:cut").unwrap();
    assert_eq!(storage::get("aa-test:utf8:none").unwrap(), None);
    // A lone surrogate (which only a page can store) reads as wasm-bindgen's own conversion
    // reads it: U+FFFD.
    let lone = js_sys::eval("localStorage.setItem('aa-test:utf8:lone', 'a\\ud800b'); 0").unwrap();
    assert_eq!(lone.as_f64(), Some(0.0));
    let want = store.get_item("aa-test:utf8:lone").unwrap();
    assert_eq!(storage::get("aa-test:utf8:lone").unwrap(), want);
    assert_eq!(want.as_deref(), Some("a\u{fffd}b"));
    store.remove_item("aa-test:utf8:lone").unwrap();
}

#[wasm_bindgen_test]
fn a_compressed_document_is_stored_small_and_handed_into_wasm_exactly_a_block_at_a_time() {
    use article_annotator::formats::packed::{self, BLOCK, MARK};
    let store = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // Emoji, CJK, a combining mark and CRLF, across the blocks' edges.
    let line = "Zoë said 😀 prices in 北京 will fall, e\u{301}te; 👩\u{200d}🔬 disagreed.\r\n";
    let json = format!("{{\"text\":{:?}}}", line.repeat(3 * BLOCK / line.len()));
    let key = storage::doc_key("aa-test-packed");
    storage::set(&key, &json).unwrap();
    let stored = store.get_item(&key).unwrap().unwrap();
    assert!(
        stored.starts_with(MARK) && stored.len() * 4 < json.len(),
        "stored compressed: {} of {}",
        stored.len(),
        json.len()
    );
    assert_eq!(storage::get(&key).unwrap().as_deref(), Some(json.as_str()));
    assert_eq!(storage::raw(&key).unwrap().as_deref(), Some(stored.as_str()));
    for size in [1000, 4097, 300_000] {
        let mut pieces = storage::get_in_pieces(&key).unwrap().unwrap();
        let at = pieces.find("北京").unwrap() as usize;
        assert_eq!(&json[at..at + 6], "北京", "in bytes of the JSON");
        let mut out = String::new();
        while pieces.append(&mut out, size) {}
        assert_eq!(out, json, "in pieces of {size}");
    }
    // Cut short: read where it stops, and `raw` gives it as it is (to keep aside).
    let cut: String = stored.chars().take(stored.chars().count() * 2 / 3).collect();
    store.set_item(&key, &cut).unwrap();
    let mut out = String::new();
    let mut pieces = storage::get_in_pieces(&key).unwrap().unwrap();
    while pieces.append(&mut out, 65_536) {}
    assert!(json.starts_with(&out) && out.len() < json.len());
    assert_eq!(storage::get(&key).unwrap().as_deref(), Some(cut.as_str()), "as it is when damaged");
    assert!(packed::unpack(&cut).unwrap().is_err());
    // Small values are kept as they are.
    storage::set(&key, "{\"text\":\"short\"}").unwrap();
    assert_eq!(store.get_item(&key).unwrap().as_deref(), Some("{\"text\":\"short\"}"));
    store.remove_item(&key).unwrap();
}

/// The open finds where a compressed stored value's annotations begin a block a step (see
/// `boot::head_in_steps`): each step unpacks one more block, and what it finds is where the
/// whole search finds it.
#[wasm_bindgen_test]
fn a_compressed_stored_value_is_searched_a_block_at_a_time() {
    let key = storage::doc_key("searched-in-steps");
    // (About 750 KB of JSON before the annotations: three blocks.)
    let raw = format!("{{\"version\":1,\"text\":\"{}\",\"annotations\":[]}}", "word ".repeat(150_000));
    storage::set(&key, &raw).unwrap();
    assert!(storage::compressed(&key, &raw), "the value is stored compressed");
    let head = "\"annotations\":[";
    let mut pieces = storage::get_in_pieces(&key).unwrap().unwrap();
    let mut steps = 0;
    let found = loop {
        match pieces.find_some(head) {
            Some(None) => steps += 1,
            found => break found.flatten(),
        }
    };
    assert!(steps >= 2, "a block a step: {steps} steps before it was found");
    assert_eq!(found, Some(raw.find(head).unwrap() as u32));
    assert_eq!(storage::get_in_pieces(&key).unwrap().unwrap().find(head), found, "as the whole search finds it");
    let mut missing = storage::get_in_pieces(&key).unwrap().unwrap();
    assert_eq!(missing.find("\"orphans\":["), None, "not there, once every block is unpacked");
    storage::remove(&key).unwrap();
}

/// A pattern that starts in one block and ends in the next is found where it is, though each
/// step searches only what the block before left unsearched.
#[wasm_bindgen_test]
fn a_pattern_across_two_blocks_is_found() {
    use article_annotator::formats::packed::BLOCK;
    let key = storage::doc_key("searched-across");
    let head = "\"annotations\":[";
    let start = "{\"version\":1,\"text\":\"";
    for cut in [1, 7, head.len() - 1] {
        // The text (ending in a two-byte character and an emoji) fills the first block up to
        // `cut` bytes before its end, where the pattern begins; what follows fills a second.
        let fill = BLOCK - cut - start.len() - "é😀\",".len();
        let text = format!("{}é😀", "a".repeat(fill));
        let raw = format!("{start}{text}\",{head}\"{}\"]}}", "b".repeat(300_000));
        let want = raw.find(head).unwrap();
        assert_eq!(want, BLOCK - cut, "the pattern starts {cut} bytes before the first block ends");
        storage::set(&key, &raw).unwrap();
        assert!(storage::compressed(&key, &raw));
        // (`find` asks `find_some` a block at a time until it answers.)
        let found = storage::get_in_pieces(&key).unwrap().unwrap().find(head);
        assert_eq!(found, Some(want as u32), "cut {cut}");
        storage::remove(&key).unwrap();
    }
}
