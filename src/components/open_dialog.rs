//! The "Open article" dialog: paste text or choose a file (.txt, .md, .html, or the app's own
//! JSON), see what will be opened, edit its title, open it. A modal dialog: focus stays in it
//! and goes back where it was when it closes.
use super::modal::{self, use_modal};
use super::view::{self, fixed, raw, text};
use crate::formats::text_in::{self, count, Draft};
use crate::model::library::Library;
use crate::model::text::sha256_hex;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

#[derive(Properties, PartialEq)]
pub struct OpenDialogProps {
    /// What the dialog starts with (a dropped file or pasted text), or an error to show.
    pub initial: Rc<Result<Draft, String>>,
    pub library: Rc<Library>,
    /// Open this article (the draft is final: its text is the document's).
    pub onopen: Callback<Draft>,
    /// Open the stored document with this id (the text is already in the library).
    pub onstored: Callback<String>,
    /// A file was chosen: read by the app, it comes back as `initial` (or is imported, if it
    /// is the app's own JSON).
    pub onfile: Callback<Vec<web_sys::File>>,
    pub onclose: Callback<()>,
}

#[function_component(OpenDialog)]
pub fn open_dialog(p: &OpenDialogProps) -> Html {
    let root = use_modal();
    let draft = use_state(|| p.initial.as_ref().clone().ok().unwrap_or_default());
    // (Empty: no error.)
    let error = use_state(|| AttrValue::from(p.initial.as_ref().clone().err().unwrap_or_default()));
    // Until the title is typed into, it follows the text (or the file).
    let title_typed = use_state(|| false);
    // A new start (another file dropped, or text pasted, while the dialog is open) replaces
    // what the dialog holds (an error only the error).
    let started = use_mut_ref(|| p.initial.clone());
    if *started.borrow() != p.initial {
        *started.borrow_mut() = p.initial.clone();
        match p.initial.as_ref() {
            Ok(d) => {
                draft.set(d.clone());
                error.set(AttrValue::default());
                title_typed.set(false);
            }
            Err(e) => error.set(e.clone().into()),
        }
    }
    let oninput = {
        let (draft, typed) = (draft.clone(), title_typed.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let source = if draft.source.is_empty() { "pasted" } else { draft.source.as_str() };
            let fresh = Draft::plain(&value, source);
            let title = if *typed { draft.title.clone() } else { fresh.title.clone() };
            draft.set(Draft { title, text: fresh.text, source: fresh.source, ..(*draft).clone() });
        })
    };
    let ontitle = {
        let (draft, typed) = (draft.clone(), title_typed.setter());
        Callback::from(move |e: InputEvent| {
            let title = e.target_unchecked_into::<HtmlInputElement>().value();
            typed.set(true);
            draft.set(Draft { title, ..(*draft).clone() });
        })
    };
    let onfile = super::file_chosen(&p.onfile);
    let duplicate = use_memo((draft.text.clone(), p.library.clone()), |(text, lib)| {
        (!text.trim().is_empty())
            .then(|| lib.by_sha(&sha256_hex(text)).map(|d| (d.id.clone(), d.title.clone())))
            .flatten()
    });
    let problem = (!draft.text.is_empty()).then(|| text_in::check(&draft.text).err()).flatten();
    let onsubmit = {
        let (draft, error, onopen, onstored, duplicate) =
            (draft.clone(), error.setter(), p.onopen.clone(), p.onstored.clone(), duplicate.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some((id, _)) = duplicate.as_ref() {
                return onstored.emit(id.clone());
            }
            match text_in::check(&draft.text) {
                Ok(()) => onopen.emit((*draft).clone()),
                Err(why) => error.set(why.into()),
            }
        })
    };
    let (first, length, paragraphs) = draft.preview(3);
    let source = if draft.source.is_empty() { "pasted text" } else { draft.source.as_str() };
    let meta = format!(
        "{} · {} · from {source}",
        count(length, "character", "characters"),
        count(paragraphs, "paragraph", "paragraphs")
    );
    let open_label = if duplicate.is_some() { "Open the stored copy" } else { "Open" };
    let shown_error = (!error.is_empty()).then(|| error.to_string()).or(problem);
    let note = duplicate.as_ref().as_ref().map(|(_, title)| {
        format!("This text is already in your library as “{title}”. Its stored copy, with its annotations, opens instead of a duplicate.")
    });
    // Every part is always there (hidden when empty): parts that come and go would make the
    // fields before them be drawn anew, and the text box would lose focus as one types.
    modal::view(
        &root,
        "Open article",
        "dialog-open-article",
        &p.onclose,
        html! {
                <form class="open-form" {onsubmit}>
                    { raw(r#"<label class="field-label" for="open-text">Article text</label>"#) }
                    <textarea id="open-text" class="open-text" value={draft.text.clone()} {oninput} rows="8"
                        placeholder="Paste the article here, or choose a file below" spellcheck="false" />
                    <div class="open-row">
                        <label class="button file">{ "Choose a file…" }
                            <input type="file" aria-label="Choose a file" accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json" onchange={onfile} />
                        </label>
                        { raw(r#"<span class="hint">.txt, .md, .html or an .annotations.json file — or drop one anywhere</span>"#) }
                    </div>
                    { raw(r#"<label class="field-label" for="open-title">Title</label>"#) }
                    <input id="open-title" type="text" class="open-title" value={draft.title.clone()} oninput={ontitle} />
                    <section class="preview" aria-label="Preview" hidden={draft.text.trim().is_empty()}>
                        <p class="preview-meta">{ meta }</p>
                        { for first.iter().map(|l| html! { <p class="preview-line">{ l.to_string() }</p> }) }
                    </section>
                    <p class="dialog-note" role="status" hidden={note.is_none()}>{ note.unwrap_or_default() }</p>
                    <p class="dialog-error" role="alert" hidden={shown_error.is_none()}>{ shown_error.unwrap_or_default() }</p>
                    { fixed("div", &[("class", S("dialog-buttons"))], vec![
                        view::button(&[("type", S("button"))], text("Cancel"), super::click(&p.onclose)),
                        fixed("button", &[("type", S("submit")), ("class", S("primary"))], vec![text(open_label)]),
                    ]) }
                </form>
        },
    )
}
