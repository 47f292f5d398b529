//! Exports from the toolbar: the app's own JSON, ClaimReview, and other tools' formats, each
//! refused while the document is still being read, each said in a notice when it fails or
//! leaves something out.
use super::handlers::Latest;
use super::notices::Notice;
use super::ui::UiMsg;
use crate::browser::{dom, now_iso, storage};
use crate::formats::{self, native};
use crate::model::State;

/// Whether the open document is whole: while it is being read (see `State::reading`), what
/// takes all of it (an export, an import into it) is refused, and the user told why.
pub fn whole(x: &Latest) -> bool {
    if x.docs.state.reading {
        x.docs
            .notify
            .emit(Notice::error("reading", "The saved annotations are still being read: try again in a moment."));
    }
    !x.docs.state.reading
}

/// Download the open document in another tool's format, and say what the format left out.
pub fn other(x: &Latest, format: &str) {
    if !whole(x) {
        return;
    }
    let now = now_iso();
    let Some(out) = crate::formats::export(&x.docs.state, format, &now, &crate::browser::interchange::Words) else {
        return;
    };
    if dom::download_bytes(&out.name, out.mime, &out.bytes).is_err() {
        return x.docs.notify.emit(refused("export"));
    }
    let mut said = format!("Exported {}.", out.name);
    if !out.left_out.is_empty() {
        said += &format!(" Not in this format: {}.", out.left_out.join("; "));
    }
    x.docs.notify.emit(Notice::info("export", said));
}

/// Download the open document as the app's own JSON (`cache` keeps what is unchanged since
/// the last export), and mark it exported in the library.
pub fn native(x: &Latest, cache: &mut native::JsonCache) {
    if !whole(x) {
        return;
    }
    let name = format!("{}.annotations.json", formats::slug(&x.docs.state.doc.title));
    let now = now_iso();
    let json = native::to_json_cached(&x.docs.state, &now, cache);
    if dom::download(&name, "application/json", &json).is_err() {
        return x.docs.notify.emit(refused("export"));
    }
    x.docs.flush.emit(());
    let _ = storage::update_library(|lib| lib.mark_exported(Some(&x.docs.state.doc.id), &now));
    x.ui.dispatch(UiMsg::Saved);
}

/// Download the ClaimReview file of the claims with a verdict.
pub fn claimreview(x: &Latest) {
    if !whole(x) {
        return;
    }
    let out = formats::claimreview::export(&x.docs.state, &x.ui.reviewer);
    x.docs.notify.emit(claimreview_notice(&x.docs.state, &out, &x.ui.reviewer));
}

fn refused(topic: &'static str) -> Notice {
    Notice::error(topic, "The browser refused the download. Try again, or allow downloads for this page.")
}

/// Download the ClaimReview file (when a claim has a verdict) and say what it holds.
fn claimreview_notice(state: &State, out: &formats::claimreview::Exported, reviewer: &str) -> Notice {
    let skipped = match out.skipped {
        0 => String::new(),
        1 => " 1 claim without a verdict was skipped.".to_string(),
        n => format!(" {n} claims without a verdict were skipped."),
    };
    if out.reviews == 0 {
        return Notice::info("claimreview", format!("No claim has a verdict yet: nothing to export.{skipped}"));
    }
    let name = format!("{}.claimreview.json", formats::slug(&state.doc.title));
    if dom::download(&name, "application/ld+json", &out.json).is_err() {
        return refused("claimreview");
    }
    let plural = if out.reviews == 1 { "" } else { "s" };
    let who = if reviewer.is_empty() { " No reviewer is named: set one under Labels." } else { "" };
    Notice::info("claimreview", format!("Exported {} ClaimReview{plural} to {name}.{skipped}{who}", out.reviews))
}
