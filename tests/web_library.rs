//! In-browser tests of the library view and the open dialog: components mounted into a fresh
//! element and their DOM asserted.
#![cfg(target_arch = "wasm32")]

use article_annotator::components::library::{LibraryProps, LibraryView};
use article_annotator::components::open_dialog::{OpenDialog, OpenDialogProps};
use article_annotator::formats::text_in::Draft;
use article_annotator::model::library::{DocEntry, Library};
use article_annotator::model::text::sha256_hex;
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{root, settle, texts};

fn entry(id: &str, title: &str, modified: &str, entities: usize, claims: usize) -> DocEntry {
    DocEntry {
        id: id.into(),
        title: title.into(),
        source: format!("{id}.txt"),
        entities,
        claims,
        length: 12_345,
        modified: modified.into(),
        ..DocEntry::default()
    }
}

#[wasm_bindgen_test]
async fn library_lists_newest_first_marks_the_open_one_and_warns_when_nearly_full() {
    let lib = Library {
        current: Some("b".into()),
        documents: vec![
            entry("a", "Older 😀 story", "2026-11-01T10:00:00.000Z", 3, 1),
            entry("b", "Newest 北京 story", "2026-11-28T10:00:00.000Z", 0, 2),
            entry("c", "Middle story", "2026-11-10T10:00:00.000Z", 1, 0),
        ],
    };
    let props = LibraryProps {
        library: Rc::new(lib),
        current: "b".into(),
        used: 4_500_000,
        onopen: Callback::noop(),
        onrename: Callback::noop(),
        ondelete: Callback::noop(),
        onbackup: Callback::noop(),
        onrestore: Callback::noop(),
        onclose: Callback::noop(),
    };
    let el = root();
    yew::Renderer::<LibraryView>::with_root_and_props(el.clone(), props).render();
    settle().await;
    assert_eq!(texts(&el, "tbody .title-cell button"), vec!["Newest 北京 story", "Middle story", "Older 😀 story"]);
    assert_eq!(texts(&el, "tr[aria-current=true] .badge"), vec!["Open"]);
    assert_eq!(texts(&el, "tbody tr:first-child td.num"), vec!["0", "2", "12,345"]);
    assert!(texts(&el, "[role=alert]")[0].contains("nearly full"));
    assert!(texts(&el, ".meter-row span")[0].contains("of about 5.0 MB used (90 %)"));
    let names: Vec<String> = {
        let list = el.query_selector_all("button[aria-label]").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("aria-label").unwrap())
            .collect()
    };
    assert!(names.contains(&"Delete “Older 😀 story”".to_string()));
    assert!(names.contains(&"Rename “Middle story”".to_string()));
}

use wasm_bindgen::JsCast;

/// The dialog's props, starting with `initial`, over `lib`, its callbacks doing nothing.
fn dialog(initial: Result<Draft, String>, lib: Library) -> OpenDialogProps {
    OpenDialogProps {
        initial: Rc::new(initial),
        library: Rc::new(lib),
        onopen: Callback::noop(),
        onstored: Callback::noop(),
        onfile: Callback::noop(),
        onclose: Callback::noop(),
    }
}

#[wasm_bindgen_test]
async fn open_dialog_previews_the_draft_and_offers_a_stored_copy() {
    let text = "Title 😀 line\n\nFirst 北京 paragraph.\nSecond e\u{301} paragraph.";
    let lib = Library {
        current: None,
        documents: vec![DocEntry {
            id: "doc-x".into(),
            title: "Kept".into(),
            sha256: sha256_hex(text),
            ..DocEntry::default()
        }],
    };
    let props = dialog(Ok(Draft::plain(text, "pasted")), lib);
    let el = root();
    yew::Renderer::<OpenDialog>::with_root_and_props(el.clone(), props).render();
    settle().await;
    let dialog = el.query_selector("[role=dialog]").unwrap().unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let label = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(texts(&el, &format!("#{label}")), vec!["Open article"]);
    assert_eq!(
        texts(&el, ".preview-line"),
        vec!["Title 😀 line", "First 北京 paragraph.", "Second e\u{301} paragraph."]
    );
    let chars = text.chars().count();
    assert_eq!(texts(&el, ".preview-meta")[0], format!("{chars} characters · 3 paragraphs · from pasted"));
    assert_eq!(texts(&el, "button[type=submit]"), vec!["Open the stored copy"]);
    assert!(texts(&el, ".dialog-note")[0].contains("“Kept”"));
    // Focus moved into the dialog.
    let active = gloo::utils::document().active_element().unwrap();
    assert!(dialog.contains(Some(&active)));
}

#[wasm_bindgen_test]
async fn open_dialog_says_why_a_file_could_not_be_opened() {
    let props =
        dialog(Err("page.html cannot be opened. The page has no readable article text.".into()), Library::default());
    let el = root();
    yew::Renderer::<OpenDialog>::with_root_and_props(el.clone(), props).render();
    settle().await;
    assert_eq!(texts(&el, "[role=alert]"), vec!["page.html cannot be opened. The page has no readable article text."]);
    assert_eq!(texts(&el, "button[type=submit]"), vec!["Open"]);
}
