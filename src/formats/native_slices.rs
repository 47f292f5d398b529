//! A stored document read in slices, so that no one task of the open reads it all (DESIGN §6:
//! no task over 50 ms while opening): the top level up to the annotations and the checks on it
//! first, then the annotations a slice at a time, each read and checked against the text, then
//! the rest of the file. What comes out is exactly what `native::parse` gives for the same text;
//! a file laid out otherwise than the app writes it (the annotations not a list after the
//! document and labels) is read whole by `native::parse`. What the first screen is given
//! before the whole is read is in `first_screen`.
use super::json_read::{Error, Mark, Reader};
use super::native::{not_json, parse, FileIn, Imported, FILE};
use super::native_check::index;
use super::native_check::{check, keep, Checked};
use super::native_read::annotation;
use sha2::{Digest, Sha256};

mod first_screen;

/// Where `FILE` has the annotations: the keys before it are what `FileIn::start` checks.
const ANNOTATIONS: usize = 7;

/// A document being read: the text it is read from, what the top level held before the
/// annotations, and the records checked so far.
pub struct Slices {
    raw: String,
    /// The rest of `raw`, while it is not all there, and how many bytes of it to have ahead of
    /// a slice of records (see `begin_in_pieces`).
    more: Option<More>,
    ahead: usize,
    file: FileIn,
    out: Imported,
    /// Where reading goes on: at the list's `[` until it is opened, then between records.
    at: Mark,
    opened: bool,
    /// Whether the text is indexed: a step of its own, before the first records (at book
    /// length, with the document's hash in the step before, they made one task of 80 ms).
    indexed: bool,
    checked: Vec<Checked>,
    /// The start of the last annotation placed, and whether those placed so far came in
    /// document order (see `read_before`).
    last: usize,
    ordered: bool,
    /// Past the list: the rest of the file read, the records to keep, then the end's checks,
    /// each a step of its own (at book length, together one task of 30–80 ms).
    past: Past,
    /// The text's hash, taken a piece a step beside the records (see `hash_piece`), and how
    /// many bytes of the text it has taken.
    hash: (Sha256, usize),
}

/// Bytes of the text hashed a step while the records are read: the hash of a text at book
/// length in one step was most of the end's (14–36 ms at a million characters).
const HASH_STEP: usize = 128 * 1024;

/// What is left once the list of annotations has ended (see `Slices::past`).
#[derive(PartialEq)]
enum Past {
    No,
    Keep,
    End,
}

/// What reading gave: more to read, or the text with the document read from it (or why not).
/// (Moved once a slice: its size does not matter.)
#[allow(clippy::large_enum_variant)]
pub enum Read {
    More(Slices),
    Done(String, Result<Imported, String>),
}

/// What gives the rest of a value read a piece at a time: it appends about `n` more bytes of
/// it to the string (whole characters), and says whether any are left.
pub type More = Box<dyn FnMut(&mut String, usize) -> bool>;

/// Bytes of a value read in pieces to have ahead of a slice of records: more than a slice of
/// records takes, as the app writes them.
pub const AHEAD: usize = 256 * 1024;

/// Begin reading `raw`: its top level up to the annotations, checked.
pub fn begin(raw: String) -> Read {
    begin_in_pieces(raw, None, AHEAD)
}

/// `begin` on the first piece of a value, `more` giving the rest: a piece is added whenever
/// fewer than `ahead` bytes (`AHEAD`) are left ahead of the next slice of records, and all of it
/// before what follows them, so that the first screen's annotations are read before the whole
/// value is copied into wasm (at book length, 3.5 million characters: 7-16 ms).
pub fn begin_in_pieces(mut raw: String, mut more: Option<More>, ahead: usize) -> Read {
    let head = head(&raw).or_else(|| {
        // (The first piece did not hold the top level up to the annotations.)
        more.is_some().then(|| all(&mut raw, &mut more)).and_then(|()| head(&raw))
    });
    let Some((mut file, at)) = head else {
        all(&mut raw, &mut more);
        return whole(raw);
    };
    match file.unindexed() {
        Ok(out) => Read::More(Slices {
            raw,
            more,
            ahead,
            file,
            out,
            at,
            opened: false,
            indexed: false,
            checked: Vec::new(),
            last: 0,
            ordered: true,
            past: Past::No,
            hash: (Sha256::new(), 0),
        }),
        // (Refused, or a syntax error later in the file: what a whole reading says.)
        Err(_) => {
            all(&mut raw, &mut more);
            whole(raw)
        }
    }
}

/// The whole value: every piece left appended.
fn all(raw: &mut String, more: &mut Option<More>) {
    if let Some(mut more) = more.take() {
        while more(raw, usize::MAX) {}
    }
}

fn whole(raw: String) -> Read {
    let read = parse(&raw);
    Read::Done(raw, read)
}

/// Where top-level key `key` is in `FILE` (past its end for a key it does not name).
fn place(key: &str) -> usize {
    FILE.iter().position(|k| *k == key).unwrap_or(FILE.len())
}

/// The top level up to the annotations' list: the parts before it, and where the list starts.
fn head(raw: &str) -> Option<(FileIn, Mark)> {
    let mut r = Reader::new(raw);
    if r.peek() != b'{' {
        return None;
    }
    let mut file = FileIn::empty();
    r.object().ok()?;
    while let Some(key) = r.key().ok()? {
        let i = place(&key);
        if i == ANNOTATIONS {
            return (r.peek() == b'[').then(|| (file, r.mark()));
        }
        file.part(&mut r, i).ok()?;
    }
    None
}

impl Slices {
    /// Read and check up to `n` more annotations; when the list ends, the rest of the file.
    pub fn step(self, n: usize) -> Read {
        self.step_until(n, None)
    }

    /// `step`, stopping early (after the record that makes it so) once every annotation
    /// touching the text before code point `reach` is read (see `read_before`), so that what is
    /// handed over for the first screen is not held up by the rest of a slice.
    pub fn step_until(mut self, n: usize, reach: Option<usize>) -> Read {
        match self.past {
            Past::No => {}
            Past::Keep => {
                keep(&mut self.out, std::mem::take(&mut self.checked));
                self.past = Past::End;
                return Read::More(self);
            }
            Past::End => {
                if std::mem::take(&mut self.file.hash_given) {
                    self.hash_piece(usize::MAX);
                    let digest = std::mem::take(&mut self.hash.0).finalize();
                    self.out.snapshot.doc.sha256 = crate::model::text::hex(&digest);
                }
                let read = self.file.end(self.out);
                return Read::Done(self.raw, read);
            }
        }
        if !std::mem::replace(&mut self.indexed, true) {
            index(&mut self.out);
            return Read::More(self);
        }
        // (The end of the first screen's last line, found once a step.)
        let stop = reach.map(|at| self.line_end(at)).filter(|&end| !(self.ordered && self.last >= end));
        self.fill(self.ahead);
        if self.file.hash_given {
            self.hash_piece(HASH_STEP);
        }
        match self.records(n, stop) {
            Ok(false) => Read::More(self),
            Ok(true) => self.rest(),
            // (A record cut at the end of the pieces so far: read again with the next.)
            Err(_) if self.more.is_some() => {
                self.fill(self.raw.len() - self.at.pos() + self.ahead);
                Read::More(self)
            }
            Err(e) => {
                let why = not_json(&Reader::new(&self.raw), &e);
                Read::Done(self.raw, Err(why))
            }
        }
    }

    /// Hash up to `n` more bytes of the text (the text a file gives a hash for is hashed as it
    /// is read, and the hash the file gives is replaced by it at the end: see `FileIn::end`).
    fn hash_piece(&mut self, n: usize) {
        let text = self.out.snapshot.doc.text.as_bytes();
        let (hasher, done) = &mut self.hash;
        let to = done.saturating_add(n).min(text.len());
        hasher.update(&text[*done..to]);
        *done = to;
    }

    /// At least `n` bytes of the value past where reading goes on, or all of it.
    fn fill(&mut self, n: usize) {
        while self.raw.len() - self.at.pos() < n {
            let Some(more) = self.more.as_mut() else { return };
            if !more(&mut self.raw, self.ahead) {
                self.more = None;
            }
        }
    }

    /// Up to `n` records (each that cannot be read is kept as why, as `native::records` does):
    /// true when the list has ended. Where reading goes on moves past each record read, so
    /// that one cut short by the end of a piece is read again whole.
    fn records(&mut self, n: usize, stop: Option<usize>) -> Result<bool, Error> {
        let mut r = Reader::resume(&self.raw, self.at);
        // (Opened again until a record is read: a reader resumed past `[` expects a comma.)
        if !self.opened {
            r.array()?;
        }
        for _ in 0..n {
            if !r.item()? {
                (self.opened, self.at) = (true, r.mark());
                return Ok(true);
            }
            let record = r.attempt(annotation)?.map_err(|e| e.what);
            (self.opened, self.at) = (true, r.mark());
            let checked = check(&self.out, record);
            if let Ok((a, Some(_))) = &checked {
                self.ordered &= a.start >= self.last;
                self.last = a.start;
            }
            self.checked.push(checked);
            if stop.is_some_and(|end| self.ordered && self.last >= end) {
                break;
            }
        }
        Ok(false)
    }

    /// The top level after the list, then the rest of the checks. A part that comes after the
    /// annotations but is read before them (or the annotations again) means another layout:
    /// the file is read whole.
    fn rest(mut self) -> Read {
        all(&mut self.raw, &mut self.more);
        let file = &mut self.file;
        let mut r = Reader::resume(&self.raw, self.at);
        let tail = (|| {
            while let Some(key) = r.key()? {
                let i = place(&key);
                if i <= ANNOTATIONS {
                    return Ok(false);
                }
                file.part(&mut r, i)?;
            }
            r.finish().map(|()| true)
        })();
        match tail {
            Ok(true) => {
                self.past = Past::Keep;
                Read::More(self)
            }
            Ok(false) => whole(self.raw),
            Err(e) => {
                let why = not_json(&r, &e);
                Read::Done(self.raw, Err(why))
            }
        }
    }
}
