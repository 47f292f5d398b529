//! What the page says aloud after an action (its status region): "Tagged 'Xi Jinping' as
//! Person", "Undone: tag Person". Words only; the page decides where they go.
use super::annotation::Annotation;
use super::history::Edit;
use super::labels::{self, Label};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One thing said, numbered in the order said: of two sources, the later one is current, and
/// the same words said twice are still two announcements.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Said {
    pub n: u64,
    pub text: Rc<str>,
}

impl Said {
    pub fn new(text: &str) -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Said { n: NEXT.fetch_add(1, Ordering::Relaxed), text: Rc::from(text) }
    }
}

/// A quote as it is read out: white space folded, at most 40 characters, cut after a word
/// with "…".
pub fn quoted(quote: &str) -> String {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    match quote.char_indices().nth(40) {
        Some((i, _)) => {
            // At the last space of the 40, unless that leaves less than half of them.
            let cut = quote[..i].rfind(' ').filter(|&j| j > i / 2).unwrap_or(i);
            format!("‘{}…’", &quote[..cut])
        }
        None => format!("‘{quote}’"),
    }
}

fn name<'a>(labels: &'a [Label], a: &'a Annotation) -> &'a str {
    labels::find(labels, &a.label).map_or(&a.label, |l| &l.name)
}

/// An annotation as it is read out: "Person ‘Xi Jinping’".
pub fn annotation(labels: &[Label], a: &Annotation) -> String {
    format!("{} {}", name(labels, a), quoted(&a.quote))
}

/// What kind of change `edit` is (a verb, as in "tag"), and the annotation it is about.
fn kind(edit: &Edit) -> Result<(&'static str, &Annotation), String> {
    Ok(match edit {
        Edit::Add(a) => ("tag", a),
        Edit::Remove(a) => ("delete", a),
        Edit::Change(b, a) if b.label != a.label => ("retag", a),
        Edit::Change(b, a) if (b.start, b.end) != (a.start, a.end) => ("resize", a),
        Edit::Change(_, a) => ("change", a),
        Edit::Batch(edits) => return Err(many(edits)),
        Edit::Meta(..) => return Err("label changes".into()),
    })
}

/// An edit just made: "Tagged ‘Xi Jinping’ as Person", "Deleted Claim ‘China has always…’".
pub fn done(edit: &Edit, labels: &[Label]) -> String {
    match kind(edit) {
        Ok((verb @ ("tag" | "retag"), a)) => format!("{}ged {} as {}", cap(verb), quoted(&a.quote), name(labels, a)),
        Ok((verb, a)) => format!("{}d {}", cap(verb), annotation(labels, a)),
        Err(words) => cap(&words),
    }
}

/// `words` with a capital first letter (they start with an ASCII letter or digit).
fn cap(words: &str) -> String {
    words[..1].to_ascii_uppercase() + &words[1..]
}

/// An edit undone or redone, in a few words: "tag Person".
fn short(edit: &Edit, labels: &[Label]) -> String {
    match kind(edit) {
        Ok((verb, a)) => format!("{verb} {}", name(labels, a)),
        Err(words) => words,
    }
}

fn many(edits: &[Edit]) -> String {
    match edits.len() {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    }
}

/// `edit` undone (`back`) or redone; `edit` is the change as first made.
pub fn stepped(edit: &Edit, back: bool, labels: &[Label]) -> String {
    format!("{}: {}", if back { "Undone" } else { "Redone" }, short(edit, labels))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::state::Snapshot;
    use crate::model::{default_labels, Action, Document, State};

    const TEXT: &str = "Xi Jinping said China has always regarded Belarus as a good friend and partner 👍🏽";

    fn ann(label: &str, start: usize, end: usize) -> Rc<Annotation> {
        let s = State::new(Snapshot {
            doc: Document::from_text(TEXT, "t.txt"),
            labels: default_labels(),
            ..Snapshot::default()
        });
        Rc::new(s.make_annotation("a1".into(), start, end, s.label(label).unwrap(), ""))
    }

    #[test]
    fn says_what_was_done_and_undone() {
        let l = default_labels();
        let xi = ann("PERSON", 0, 10);
        assert_eq!(done(&Edit::Add(xi.clone()), &l), "Tagged ‘Xi Jinping’ as Person");
        let claim = ann("CLAIM", 16, 81);
        assert_eq!(done(&Edit::Remove(claim), &l), "Deleted Claim ‘China has always regarded Belarus as a…’");
        let org = Rc::new(Annotation { label: "ORG".into(), ..(*xi).clone() });
        assert_eq!(done(&Edit::Change(xi.clone(), org), &l), "Retagged ‘Xi Jinping’ as Organization");
        let longer = ann("PERSON", 0, 15);
        assert_eq!(done(&Edit::Change(xi.clone(), longer), &l), "Resized Person ‘Xi Jinping said’");
        assert_eq!(stepped(&Edit::Add(xi), true, &l), "Undone: tag Person");
        assert_eq!(stepped(&Edit::Batch(vec![]), false, &l), "Redone: 0 changes");
    }

    #[test]
    fn quotes_fold_white_space_and_keep_whole_characters() {
        assert_eq!(quoted("a\r\n b"), "‘a b’");
        let cjk = "北京".repeat(30);
        assert_eq!(quoted(&cjk).chars().count(), 43);
    }

    #[test]
    fn the_state_says_each_edit_undo_and_refusal() {
        let mut s = State::new(Snapshot {
            doc: Document::from_text(TEXT, "t.txt"),
            labels: default_labels(),
            ..Snapshot::default()
        });
        let add = |s: &mut State, end| s.apply(Action::Add { start: 0, end, label: "PERSON".into(), now: "t".into() });
        add(&mut s, 10);
        assert_eq!(&*s.said.text, "Tagged ‘Xi Jinping’ as Person");
        let first = s.said.n;
        s.apply(Action::Select(None));
        add(&mut s, 10);
        assert_eq!(s.said.n, first, "a refused tag is no edit (the page says why)");
        assert_eq!(s.annotations().len(), 1, "the same span and label are kept once");
        assert!(s.selected.is_some(), "the one kept is selected");
        let id = s.selected.clone().unwrap();
        s.apply(Action::Resize { id: id.clone(), start: 0, end: 15, now: "t".into() });
        assert_eq!(
            (s.get(&id).unwrap().quote.as_str(), &*s.said.text),
            ("Xi Jinping said", "Resized Person ‘Xi Jinping said’")
        );
        s.apply(Action::Undo { now: "t".into() });
        assert_eq!((s.get(&id).unwrap().end, &*s.said.text), (10, "Undone: resize Person"));
        s.apply(Action::Undo { now: "t".into() });
        assert_eq!((s.annotations().len(), &*s.said.text), (0, "Undone: tag Person"));
        s.apply(Action::Redo { now: "t".into() });
        assert_eq!(&*s.said.text, "Redone: tag Person");
    }

    #[test]
    fn later_words_are_numbered_later() {
        let (a, b) = (Said::new("x"), Said::new("x"));
        assert!(b.n > a.n);
    }
}
