//! In the browser: a long stored document whose first screen is drawn while the rest is read,
//! and another article opened before the rest comes. What the read finds (annotations it
//! could not read) is about an article no longer open: it is not told, and the article opened
//! stays open. Each step of the open is run by the test, one at a time.
#![cfg(target_arch = "wasm32")]
use article_annotator::formats::native;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::steps::{self, book, step};
use common::{settle, texts, until};

#[wasm_bindgen_test]
async fn an_article_opened_while_another_is_read_is_not_told_what_that_read_found() {
    let store = gloo::utils::window().local_storage().unwrap().unwrap();
    store.clear().unwrap();
    let book = book();
    assert!(book.annotations().len() > 2500);
    // Its last annotation (read with the rest, after the first screen) of a kind no reader knows.
    // (The annotations come last in the file, in document order.)
    let mut raw = native::to_json(&book, "2026-11-30T00:00:00Z");
    let at = raw.rfind("\"kind\":\"entity\"").unwrap();
    assert!(raw[..at].rfind("\"annotations\"").is_some());
    raw.replace_range(at..at + "\"kind\":\"entity\"".len(), "\"kind\":\"gibberish\"");
    let el = steps::first_screen(&book, &raw).await;
    assert_eq!(texts(&el, "article h1"), vec!["The headline of the book".to_string()]);

    // Another article pasted and opened meanwhile.
    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data("text/plain", "Harbour reopens\n\nThe harbour reopened on Monday after a week of repairs.").unwrap();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"clipboardData".into(), &data).unwrap();
    let make = js_sys::Reflect::get(&js_sys::global(), &"ClipboardEvent".into()).unwrap();
    let paste = js_sys::Reflect::construct(
        make.unchecked_ref::<js_sys::Function>(),
        &js_sys::Array::of2(&wasm_bindgen::JsValue::from_str("paste"), &init),
    )
    .unwrap();
    gloo::utils::document().body().unwrap().dispatch_event(paste.unchecked_ref()).unwrap();
    assert!(until(&el, "[role=dialog][aria-labelledby=dialog-open-article]").await, "the open dialog");
    let buttons = el.query_selector_all("[role=dialog] button[type=submit]").unwrap();
    let open = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Open"))
        .expect("the dialog's Open button");
    open.click();
    // (Up to 3 s: a loaded machine is slow.)
    let harbour = || texts(&el, "article h1") == ["Harbour reopens"];
    for _ in 0..100 {
        if harbour() {
            break;
        }
        settle().await;
    }
    assert_eq!(texts(&el, "article h1"), vec!["Harbour reopens".to_string()]);

    // The rest of the book read: nothing said of it, the harbour still open.
    while step() {}
    for _ in 0..5 {
        settle().await;
    }
    let said = texts(&el, "[role=alert], [role=status]").join(" | ");
    assert!(!said.contains("could not be read"), "told: {said}");
    assert_eq!(texts(&el, "article h1"), vec!["Harbour reopens".to_string()]);
}
