//! Another tab's work on the same document: merged in (by annotation id) when it writes, or
//! before this tab writes over it.
use super::{follow, schedule, Base, Saver};
use crate::browser::storage;
use crate::components::notices::Notice;
use crate::formats::native;
use crate::formats::text_in::count;
use crate::model::state::Snapshot;
use crate::model::{merge, Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Merge another tab's stored copy (`raw`) into `state`. Returns the merged state when it
/// differs from `state` (the app is told to show it), and whether storage lacks some of it.
pub(super) fn absorb(saver: &mut Saver, state: &State, raw: &str, notify: &Callback<Notice>) -> (Option<State>, bool) {
    let Ok(theirs) = native::parse(raw) else {
        return (None, true);
    };
    let ours = state.snapshot();
    let Ok(merged) = merge::merge(&ours, &theirs.snapshot) else {
        return (None, true);
    };
    let lost =
        saver.base.as_ref().map(|base| merge::lost(&base.snapshot(), &ours, &merged.snapshot)).unwrap_or_default();
    if !lost.is_empty() {
        notify.emit(Notice::error(
            "merge",
            format!(
                "{} in this tab lost to a later change made in another tab on this article.",
                count(lost.len(), "change", "changes")
            ),
        ));
    }
    let behind = !same_content(&merged.snapshot, &theirs.snapshot);
    saver.written = Some(raw.to_string());
    saver.base = Some(Base::Merged(merged.snapshot.clone()));
    if same_content(&merged.snapshot, &ours) {
        return (None, behind);
    }
    let mut next = state.clone();
    next.apply(Action::Sync(Box::new(merged.snapshot)));
    (Some(next), behind)
}

fn same_content(a: &Snapshot, b: &Snapshot) -> bool {
    a.annotations == b.annotations && a.deleted == b.deleted && a.relations == b.relations && a.doc.title == b.doc.title
}

/// Another tab wrote this tab's document: merge it in now, and save if this tab has more.
pub(super) fn on_storage(cell: &Rc<RefCell<Saver>>, e: &web_sys::StorageEvent, notify: &Callback<Notice>) {
    let mut saver = cell.borrow_mut();
    let Some(handle) = saver.latest.clone() else { return };
    let state = (*handle).clone();
    follow(&mut saver, &state);
    if e.key() != Some(storage::doc_key(&state.doc.id)) {
        return;
    }
    if state.reading {
        // Merged once the document is whole, by the save this schedules (which merges what
        // another tab stored first).
        drop(saver);
        return schedule(cell, notify);
    }
    // (The other tab's copy handed into wasm as `storage::get` hands it: see `pieces::utf8`.)
    let Some(raw) = js_sys::Reflect::get(e, &"newValue".into()).ok().and_then(|v| storage::text_of(&v)) else {
        drop(saver);
        notify.emit(Notice::info("merge", "This article was deleted from the library in another tab. It stays open here and is saved again with your next change."));
        return;
    };
    if saver.written.as_deref() == Some(raw.as_str()) {
        return;
    }
    let (next, behind) = absorb(&mut saver, &state, &raw, notify);
    saver.stamp = None;
    drop(saver);
    if let Some(next) = next {
        handle.dispatch(Action::Sync(Box::new(next.snapshot())));
    }
    if behind {
        schedule(cell, notify);
    }
}
