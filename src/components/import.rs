//! What an import does to the open document: merge into it, or open the file's article
//! (merged into what is stored for it), and the sentence that tells the user what happened.
use super::notices::Notice;
use super::persist;
use crate::formats::native;
use crate::formats::text_in::count;
use crate::model::{Action, State};

/// What an import did, in one sentence.
fn summary(name: &str, added: usize, imp: &native::Imported, dups: usize) -> String {
    let mut s = format!("{name}: {} imported", count(added, "annotation", "annotations"));
    if !imp.failed.is_empty() {
        let some: Vec<String> = imp.failed.iter().take(3).cloned().collect();
        s += &format!(", {} failed ({})", imp.failed.len(), some.join("; "));
    }
    if dups > 0 {
        s += &format!(", {} skipped", count(dups, "duplicate", "duplicates"));
    }
    if !imp.snapshot.orphans.is_empty() {
        s += &format!(
            ", {} orphaned (not found in the text; listed in the sidebar to re-attach)",
            imp.snapshot.orphans.len()
        );
    }
    if imp.reanchored > 0 {
        s += &format!(
            ", {} moved to where {} quote stands",
            imp.reanchored,
            if imp.reanchored == 1 { "its" } else { "their" }
        );
    }
    s + "."
}

/// Read `text` (a file called `name`) into `state`. Returns the action to apply (if any) and
/// the message for the user. `before_open` runs before another document replaces this one.
pub fn import(state: &State, name: &str, text: &str, before_open: impl FnOnce()) -> (Option<Action>, Notice) {
    let imp = match native::parse(text) {
        Err(why) => {
            return (None, Notice::error("import", format!("{name} was not imported: {why} Nothing was changed.")))
        }
        Ok(imp) => imp,
    };
    let same = imp.snapshot.doc.id == state.doc.id || imp.snapshot.doc.sha256 == state.doc.sha256;
    let (action, said) = if same {
        let (fresh, dups) = native::merge_new(state, imp.snapshot.annotations.clone());
        let said = summary(name, fresh.len(), &imp, dups);
        // Orphans the file brought join the document's (not one of them twice).
        let meta = (!imp.snapshot.orphans.is_empty()).then(|| {
            let mut meta = state.meta();
            let new = imp.snapshot.orphans.iter().filter(|o| !meta.orphans.iter().any(|x| x.id == o.id));
            let new: Vec<_> = new.cloned().collect();
            std::rc::Rc::make_mut(&mut meta.orphans).extend(new);
            Box::new(meta)
        });
        (Action::Merge { annotations: fresh, relations: imp.snapshot.relations.clone(), meta }, said)
    } else {
        before_open();
        let target = persist::stored_or(imp.snapshot.doc.clone(), imp.snapshot.labels.clone());
        let (fresh, dups) = native::merge_new(&target, imp.snapshot.annotations.clone());
        let said = summary(name, fresh.len(), &imp, dups);
        let mut snap = target.snapshot();
        snap.annotations.extend(fresh);
        snap.relations.extend(imp.snapshot.relations.iter().cloned());
        snap.orphans
            .extend(imp.snapshot.orphans.iter().filter(|o| !target.orphans.iter().any(|x| x.id == o.id)).cloned());
        (Action::Open(Box::new(snap)), said)
    };
    let notice = if imp.failed.is_empty() { Notice::info("import", said) } else { Notice::error("import", said) };
    (Some(action), notice)
}
