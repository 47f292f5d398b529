//! Starting the app: the stored document read in steps, each a task of its own, and drawn
//! as soon as its first screen's annotations are read; the rest follows (`on_read`).
use super::notices::Notice;
use super::persist::{
    blank, first_of, judged, kept_place, open_stored, read_whole, stored_pieces, with_session, HEAD_END, SAMPLE,
};
use crate::browser::storage;
use crate::formats::native;
use crate::formats::native_slices::{self, Read};
use crate::model::{default_labels, Document, State};
use yew::Callback;

pub type Booted = (State, Vec<Notice>);

thread_local! {
    /// The state read ahead of the app's first render (see `start`).
    static BOOTED: std::cell::RefCell<Option<Booted>> = Default::default();
    /// The whole of a document whose first screen was drawn first, and who takes it (see
    /// `on_read`): whichever comes first waits for the other.
    static READ: std::cell::RefCell<(Option<Booted>, Option<Callback<Booted>>)> = Default::default();
    /// Whether `start` has rendered the app.
    static DRAWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Start the app in tasks of its own, so that the page answers a click or a key between
/// them: reading the stored document, parsing it, making the state, drawing it. Once the
/// annotations of the first screen are read, it is drawn with them (`State::reading`), and
/// the rest follows (`on_read`).
pub fn start(render: impl FnOnce() + 'static) {
    // (Not in the task that compiled and started the module: at book length the two made one
    // of 45-85 ms.)
    step(Box::new(move || {
        start_with(step, move || {
            DRAWN.with(|d| d.set(true));
            render()
        })
    }));
}

/// A step of `start` in a task of its own: back to back until the first render (nothing is
/// drawn before it), then with the browser's wait between timeouts, which leaves room for
/// frames.
fn step(f: Box<dyn FnOnce()>) {
    if DRAWN.with(std::cell::Cell::get) {
        crate::browser::dom::soon(f)
    } else {
        crate::browser::dom::next_task(f)
    }
}

/// `start`, each step (and the render) handed to `next` (`start` runs each in a task of its
/// own; a test runs them one by one).
pub fn start_with(next: fn(Box<dyn FnOnce()>), render: impl FnOnce() + 'static) {
    let render = std::cell::Cell::new(Some(render));
    boot(
        next,
        Some(super::article::reach()),
        std::rc::Rc::new(move |booted| match render.take() {
            Some(render) => {
                BOOTED.with(|b| *b.borrow_mut() = Some(booted));
                next(Box::new(render));
            }
            // (Its render in a task of its own, after the making of the whole state.)
            None => next(Box::new(move || read(booted))),
        }),
    );
}

/// What the first screen of a stored document being read asks of the fonts, as lines to lay
/// out unseen (element, class, text): per kind of block it shows (headline, standfirst,
/// paragraph), each character of its text, once (`layout::screen_characters`), from code
/// point `from` (the start of block `top`, where the reader was, or of the text) `reach` code
/// points on. The fonts' work is per family, size and weight and per script that needs a
/// fallback, not per word: such a line does all of it, and costs next to nothing once the
/// fonts are loaded (a reopen). See `lay_out_then`.
fn first_lines(
    slices: &native_slices::Slices,
    from: usize,
    top: usize,
    reach: usize,
) -> Vec<(&'static str, &'static str, String)> {
    let Some((text, index)) = slices.text() else {
        return Vec::new();
    };
    let [head, stand, paras] = crate::model::layout::screen_characters(text, index, from, top, reach);
    [("h1", "headline", head), ("p", "standfirst", stand), ("p", "", paras)]
        .into_iter()
        .filter(|l| !l.2.is_empty())
        .collect()
}

/// Lay each of `lines` out unseen, one a step (see `page::lay_out_unseen`), then run `then` in
/// the last line's step: the fonts the first screen needs are found and loaded in steps of a
/// few milliseconds, not all in the first frame's layout (40-60 ms of it, on a machine without
/// the first families of the stylesheet's lists and a text with CJK and emoji).
fn lay_out_then(
    next: fn(Box<dyn FnOnce()>),
    mut lines: Vec<(&'static str, &'static str, String)>,
    then: Box<dyn FnOnce()>,
) {
    if lines.is_empty() {
        crate::browser::page::unseen_done();
        return then();
    }
    let (tag, class, text) = lines.remove(0);
    next(Box::new(move || {
        crate::browser::page::lay_out_unseen(tag, class, &text);
        lay_out_then(next, lines, then)
    }));
}

/// Hand the whole document to who takes it, or keep it for them.
fn read(booted: Booted) {
    let taker = READ.with(|r| r.borrow().1.clone());
    match taker {
        Some(taker) => taker.emit(booted),
        None => READ.with(|r| r.borrow_mut().0 = Some(booted)),
    }
}

/// Have `f` take the whole of a document whose first screen was drawn first (at once if it was
/// read already), with what the user must be told about it.
pub fn on_read(f: Callback<Booted>) {
    let came = READ.with(|r| {
        let mut r = r.borrow_mut();
        r.1 = Some(f.clone());
        r.0.take()
    });
    if let Some(booted) = came {
        f.emit(booted);
    }
}

/// The state read by `start`, or read now.
pub fn booted() -> Booted {
    BOOTED.with(|b| b.borrow_mut().take()).unwrap_or_else(|| {
        let out = std::rc::Rc::new(std::cell::RefCell::new(None));
        let into = out.clone();
        boot(|step| step(), None, std::rc::Rc::new(move |booted| *into.borrow_mut() = Some(booted)));
        out.take().expect("read at once")
    })
}

/// Read the state to start with, and anything the user must be told about it, in steps each
/// handed to `next` (to run in a task of its own, or at once); then hand it to `done`. With
/// `first`, the window's reach in code points (see `article::reach`), a stored document is
/// first handed over as soon as the annotations that far are read (`State::reading`; nothing
/// to tell yet), then whole; that far past where the reader was in it this session, if they
/// were (see `restore_reading`), so that that screen's highlights come with it.
fn boot(next: fn(Box<dyn FnOnce()>), first: Option<usize>, done: std::rc::Rc<dyn Fn(Booted)>) {
    let mut notices = Vec::new();
    crate::browser::mark("aa:boot");
    let (lib, problem) = storage::load_library();
    crate::browser::mark("aa:index-read");
    notices.extend(problem.map(|p| Notice::error("storage", p)));
    let sample = Document::from_text(SAMPLE, "china-belarus.txt");
    let id = lib.current.unwrap_or_else(|| sample.id.clone());
    match stored_pieces(&id, &mut notices) {
        Some(pieces) => head_in_steps(
            pieces,
            next,
            Box::new(move |raw| read_in_steps(next, first, done, notices, sample, id, Some(raw))),
        ),
        None => read_in_steps(next, first, done, notices, sample, id, None),
    }
}

/// Find where the annotations of a stored value begin, unpacking a block of a compressed one
/// a step (the whole text comes before them: a book's is several blocks, which made one task
/// of 20-30 ms), then hand its first piece to `then`.
fn head_in_steps(
    mut pieces: crate::browser::pieces::Pieces,
    next: fn(Box<dyn FnOnce()>),
    then: Box<dyn FnOnce((String, native_slices::More))>,
) {
    match pieces.find_some(HEAD_END) {
        Some(None) => next(Box::new(move || head_in_steps(pieces, next, then))),
        found => then(first_of(pieces, found.flatten())),
    }
}

/// `boot`, once the first piece of the stored value (`raw`, with what gives the rest) of the
/// document to open, `id`, is read.
fn read_in_steps(
    next: fn(Box<dyn FnOnce()>),
    first: Option<usize>,
    done: std::rc::Rc<dyn Fn(Booted)>,
    notices: Vec<Notice>,
    sample: Document,
    id: String,
    raw: Option<(String, native_slices::More)>,
) {
    let kept = kept_place(&id);
    let first = first.map(|reach| {
        // (Further by what of the kept block was above the window.)
        let reach = reach.saturating_add(kept.map_or(0, |(_, px)| super::article::below(px)));
        let kept = kept.map(|(block, _)| block);
        let done = done.clone();
        let shown: Shown = Box::new(move |imported: native::Imported| {
            crate::browser::mark("aa:screen-read");
            let state = imported.into_state().with_id_tag(&crate::browser::tab_tag()).reading();
            done((state, Vec::new()));
        });
        (reach, kept, shown, Some(kept.unwrap_or(0)))
    });
    let stored_id = id.clone();
    // (From a state begun in a task of its own, `unfilled`: at book length the two halves are
    // about 20 ms each.)
    let state = move |unfilled: Option<State>, mut notices: Vec<Notice>| {
        let state = unfilled
            .map(State::filled)
            .or_else(|| (id != sample.id).then(|| open_stored(&sample.id, &mut notices)).flatten())
            .unwrap_or_else(|| blank(sample, default_labels()));
        crate::browser::mark("aa:state");
        done((with_session(state.with_id_tag(&crate::browser::tab_tag())), notices));
    };
    let Some((raw, more)) = raw else {
        return next(Box::new(move || state(None, notices)));
    };
    // The stored value read a slice of its annotations a task (then the state in one more).
    next(Box::new(move || {
        let read = native_slices::begin_in_pieces(raw, Some(more), native_slices::AHEAD);
        in_slices(
            read,
            next,
            first,
            Box::new(move |raw, parsed| {
                let mut notices = notices;
                let imported = judged(&stored_id, &raw, parsed, &mut notices);
                read_whole(&stored_id, raw);
                next(Box::new(move || {
                    let unfilled = imported.map(native::Imported::into_unfilled_state);
                    next(Box::new(move || state(unfilled, notices)))
                }));
            }),
        );
    }));
}

/// Where the first screen's part of a document goes (see `boot`).
type Shown = Box<dyn FnOnce(native::Imported)>;

/// What the first screen is: the reach in code points, from the start of the block where the
/// reader was (`None`: from the start of the text, or once that block's start is added), where
/// its part of the document goes, and the block it starts at until its fonts are asked for
/// (see `first_lines`).
type First = (usize, Option<usize>, Shown, Option<usize>);

/// Annotations a slice of a stored document reads in one task: a few milliseconds, 15-45 while
/// the module still runs in its first, unoptimised tier (2,000 took up to 57 there).
const SLICE: usize = 1000;

/// Go on reading `read`, a slice each step handed to `next`; then hand the text and what was
/// read from it to `done`. With `first`, what was read is handed there once it holds every
/// annotation of the text within its reach.
fn in_slices(
    read: Read,
    next: fn(Box<dyn FnOnce()>),
    first: Option<First>,
    done: Box<dyn FnOnce(String, Result<native::Imported, String>)>,
) {
    match read {
        Read::Done(raw, parsed) => done(raw, parsed),
        Read::More(slices) => {
            // Once the text is indexed, its first screen's fonts are asked for, before the rest.
            let first = match first {
                Some((reach, kept, shown, Some(top))) if slices.text().is_some() => {
                    // (Where the reader was is known then too: its block's start is found once.)
                    let from = kept.and_then(|b| slices.block_start(b)).unwrap_or(0);
                    let lines = first_lines(&slices, from, top, reach);
                    let first = Some((reach.saturating_add(from), None, shown, None));
                    return lay_out_then(
                        next,
                        lines,
                        Box::new(move || in_slices(Read::More(slices), next, first, done)),
                    );
                }
                first => first,
            };
            let first = match first {
                Some((reach, None, shown, _)) if slices.read_before(reach) => {
                    shown(slices.partial());
                    None
                }
                first => first,
            };
            let reach = first.as_ref().filter(|f| f.1.is_none()).map(|f| f.0);
            next(Box::new(move || in_slices(slices.step_until(SLICE, reach), next, first, done)))
        }
    }
}
