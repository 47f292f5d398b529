//! What the keyboard does in the article: tag the selection or the word at the caret, open the
//! tag menu, move between annotations, move a span's edges, find text, and come back to the
//! article with the caret where it was; and what a click on the article does (`on_hit`). Each
//! move is said in the status region.
use super::claim_panel::with_speaker;
use super::handlers::Latest;
use super::notices::Notice;
use super::speakers::who;
use super::ui::UiMsg;
use crate::browser::selection::{self, Picked};
use crate::browser::{clusters, now_iso, page};
use crate::model::{said, seek, snap, Action, TextIndex};
use web_sys::Element;

/// The article's element.
fn article() -> Option<Element> {
    gloo::utils::document().query_selector("article.article").ok().flatten()
}

/// Focus the article, the caret where it was when focus left it.
pub fn back() {
    if let Some(el) = article() {
        page::back(&el);
    }
}

fn say(x: &Latest, words: String) {
    x.ui.dispatch(UiMsg::Say(words));
}

thread_local! {
    /// The selection `select_later` is to make (and how many it was asked for): until its task
    /// makes it, a key acts on it rather than on the page's selection of that moment.
    static PENDING: std::cell::Cell<(u32, Option<(usize, usize)>)> = const { std::cell::Cell::new((0, None)) };
}

/// No selection is to be made later: the one made now stands.
fn none_pending() {
    PENDING.with(|p| p.set((p.get().0.wrapping_add(1), None)));
}

/// In a task of its own (the page drawn anew by then): give the article focus (without the
/// browser's scrolling to it), select `[start, end)` in it, and (with `show`) scroll the
/// selection into view. (Not later: a caret placed after the next frame would undo the keys
/// pressed in between.) Keys pressed before it is made act on it (see `current`); only the
/// last asked for is made.
fn select_later(x: &Latest, start: usize, end: usize, show: bool) {
    let index = x.docs.state.index.clone();
    let ticket = PENDING.with(|p| {
        let ticket = p.get().0.wrapping_add(1);
        p.set((ticket, Some((start, end))));
        ticket
    });
    crate::browser::dom::soon(move || {
        if PENDING.with(|p| p.get().0) == ticket {
            make(&index, (start, end), show);
        }
    })
}

/// Make the selection `select_later` was asked for, now, if it is still to be made: a key
/// pressed before its task acts on it, in the article (an arrow, Home, End… moves from it).
pub fn make_pending(index: &TextIndex) {
    if let Some(span) = PENDING.with(|p| p.get().1) {
        make(index, span, false);
    }
}

fn make(index: &TextIndex, (start, end): (usize, usize), show: bool) {
    none_pending();
    let Some(el) = article() else { return };
    page::take_focus(&el);
    if selection::select(&el, index, start, end).is_some() && show {
        page::reveal();
    }
}

/// Tag `[start, end)` with `label`, unless that span already has it; the caret goes after it.
pub fn add(x: &Latest, start: usize, end: usize, label: String) {
    let state = &x.docs.state;
    if let (Some(same), Some(l)) = (state.duplicate(start, end, &label), state.label(&label)) {
        let words = format!("{} is already tagged as {}.", said::quoted(&same.quote), l.name);
        x.docs.notify.emit(Notice::info("tag", words));
    }
    state.dispatch(Action::Add { start, end, label, now: now_iso() });
    select_later(x, end, end, false);
}

/// The article's selection (`None` when the caret is not in the article), or the one about to
/// be made there (see `select_later`).
fn current(x: &Latest) -> Option<(usize, usize)> {
    PENDING.with(|p| p.get().1).or_else(|| article().and_then(|el| selection::current(&el, &x.docs.state.index)))
}

/// The selection snapped as a mouse selection is; refused (and said) when it holds no word.
fn snapped(x: &Latest, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let s = &x.docs.state;
    let got = if a < b {
        snap::snap(&s.doc.text, &s.index, (a, b), x.ui.words, &clusters::Browser)
    } else {
        snap::word_at(&s.doc.text, &s.index, a, &clusters::Browser)
    };
    if got.is_none() {
        say(x, "Nothing to tag here.".into());
    }
    got
}

/// A label's key in the article: retag the selected annotation when the selection is on it,
/// else tag the selection (or the word at the caret).
pub fn label_key(x: &Latest, label: String) {
    let state = &x.docs.state;
    let Some((a, b)) = current(x) else { return };
    let on = state
        .selected
        .as_ref()
        .and_then(|id| state.get(id))
        .filter(|s| (a, b) == (s.start, s.end) || (a == b && s.start <= a && a <= s.end));
    if let Some(s) = on {
        return state.dispatch(Action::Retag { id: s.id.clone(), label, now: now_iso() });
    }
    if let Some((start, end)) = snapped(x, (a, b)) {
        add(x, start, end, label);
    }
}

/// Enter or Space: with a selection, the tag menu for it (beside it); with a caret on a
/// highlight, select that annotation (again: the next one there).
pub fn enter(x: &Latest) {
    let Some((a, b)) = current(x) else { return };
    if a == b {
        let state = &x.docs.state;
        let under = state.annotations_at(a);
        if under.is_empty() {
            return say(x, "No highlight at the caret.".into());
        }
        if x.ui.picking.is_some() {
            return on_hit(x, Some(a));
        }
        // As a click on the highlight: the innermost first, then the next one around it.
        let at = state.selected.as_ref().and_then(|id| under.iter().position(|u| &u.id == id));
        let next = &under[at.map_or(0, |i| (i + 1) % under.len())];
        say(x, format!("Selected {}", said::annotation(&state.labels, next)));
        return state.dispatch(Action::Select(Some(next.id.clone())));
    }
    let Some((start, end)) = snapped(x, (a, b)) else { return };
    if (start, end) != (a, b) {
        none_pending();
        article().map(|el| selection::select(&el, &x.docs.state.index, start, end));
    }
    menu(x, start, end);
    super::tag_menu::focus_first();
}

/// Open the tag menu for `[start, end)`, beside the page's selection.
fn menu(x: &Latest, start: usize, end: usize) {
    let p = selection::placed(Picked { start, end, x: -1.0, top: 0.0, bottom: 0.0 });
    x.ui.dispatch(UiMsg::Menu(Some(p)));
}

/// N / P: select the next (or previous) annotation after the selected one, or after the caret.
pub fn next(x: &Latest, forward: bool) {
    let state = &x.docs.state;
    let anns = state.annotations();
    let at = state.selected.as_ref().and_then(|id| anns.iter().position(|a| &a.id == id));
    let i = match at {
        Some(i) if forward => Some(i + 1),
        Some(i) => i.checked_sub(1),
        None => {
            let caret = current(x).map_or(0, |(a, _)| a);
            let after = anns.partition_point(|a| a.start < caret);
            if forward {
                Some(after)
            } else {
                after.checked_sub(1)
            }
        }
    };
    let Some(a) = i.and_then(|i| anns.get(i)) else {
        return say(x, "No more annotations this way.".into());
    };
    state.dispatch(Action::Select(Some(a.id.clone())));
    let n = i.unwrap_or(0) + 1;
    say(x, format!("{}, {n} of {}", said::annotation(&state.labels, a), anns.len()));
    select_later(x, a.start, a.end, true);
}

/// Move the selected annotation's end (or start) a word later or earlier.
pub fn resize(x: &Latest, end: bool, later: bool) {
    let state = &x.docs.state;
    let Some(a) = state.selected.as_ref().and_then(|id| state.get(id)) else { return };
    let step = |cp| seek::word_step(&state.doc.text, &state.index, cp, later, end);
    let (start, stop) = if end { (a.start, step(a.end)) } else { (step(a.start), a.end) };
    if start >= stop || (start, stop) == (a.start, a.end) {
        return say(x, format!("{} cannot move that way.", said::annotation(&state.labels, a)));
    }
    state.dispatch(Action::Resize { id: a.id.clone(), start, end: stop, now: now_iso() });
    select_later(x, start, stop, true);
}

/// The find box's Enter: select the next match of `query` in the article, after where the caret
/// was, ready to tag.
pub fn find(x: &Latest, query: String) {
    let Some(el) = article() else { return };
    if query.trim().is_empty() {
        return;
    }
    back();
    if page::find_in(&el, &query) {
        page::reveal();
        say(x, format!("Found {}", said::quoted(&query)));
    } else {
        say(x, format!("No match for {}", said::quoted(&query)));
    }
}

/// The selection settled (no change for a moment): an open tag menu follows it (with the
/// keyboard it may grow or shrink); after a touch, a new selection opens the menu (a touch
/// screen has no mouse-up).
pub fn settled(x: &Latest) {
    if x.ui.menu.is_none() && !selection::touched() {
        return;
    }
    let Some((a, b)) = current(x) else { return };
    if a == b {
        return;
    }
    let s = &x.docs.state;
    let Some((start, end)) = snap::snap(&s.doc.text, &s.index, (a, b), x.ui.words, &clusters::Browser) else { return };
    if x.ui.menu.is_none_or(|m| (m.start, m.end) != (start, end)) {
        menu(x, start, end);
    }
}

/// Delete annotation `id`; the caret stays in the article where it was (focus would otherwise
/// fall to the page when a focused control goes with it).
pub fn delete(x: &Latest, id: String) {
    let Some(a) = x.docs.state.get(&id) else { return };
    let at = a.start;
    x.docs.state.dispatch(Action::Delete { id, now: now_iso() });
    select_later(x, at, at, false);
}

/// S: focus the selected annotation's entry in the sidebar.
pub fn to_entry(id: &str) {
    page::focus_entry(id);
}

/// A sidebar entry chosen: the caret goes to its highlight at once, selected (it is scrolled to
/// by the flash), so that the keys that follow act on it.
pub fn go_to(x: &Latest, id: &str) {
    if let Some(a) = x.docs.state.get(id) {
        select_later(x, a.start, a.end, false);
    }
}

/// A click on the article at code point `cp` (or off the text).
pub fn on_hit(x: &Latest, cp: Option<usize>) {
    let state = &x.docs.state;
    let under = cp.map(|cp| state.annotations_at(cp)).unwrap_or_default();
    if let Some(claim) = x.ui.picking.as_ref().and_then(|id| state.get(id)) {
        // Picking a speaker: the innermost person or organisation under the click.
        if let Some(m) = under.iter().find(|a| who(&state.labels, &a.label).is_some()) {
            state.dispatch(with_speaker(claim, Some(m.id.clone()), m.quote.clone()));
            x.ui.dispatch(UiMsg::Picking(None));
        }
        return;
    }
    let at = state.selected.as_ref().and_then(|id| under.iter().position(|a| &a.id == id));
    let next = under.get(at.map_or(0, |i| (i + 1) % under.len())).map(|a| a.id.clone());
    state.dispatch(Action::Select(next));
}
