//! Page strings (a stored document, above all) handed into wasm: written straight into wasm
//! memory by the browser's own encoder, whole or a piece at a time, and a compressed one
//! unpacked a block at a time as its pieces are asked for.
use super::page::utf8_piece;

/// A page string as a Rust one, written straight into wasm memory by the browser's own encoder
/// (wasm-bindgen's copies one of one-byte characters a character at a time in script first:
/// 3.4 million steps for a stored book).
pub fn utf8(s: &js_sys::JsString) -> String {
    Pieces { s: Source::Page(s.clone()), read: 0 }.whole()
}

/// A page string handed into wasm a piece at a time (see `utf8`), so that a part of a stored
/// document can be read before the rest is copied; a compressed one (see `formats::packed`)
/// unpacked a block at a time as its pieces are asked for, in bytes for units.
pub struct Pieces {
    s: Source,
    /// UTF-16 units (bytes of a compressed one's JSON) handed in so far.
    read: u32,
}

enum Source {
    Page(js_sys::JsString),
    Packed(Unpacking),
}

/// A compressed page string being unpacked (see `Pieces`).
struct Unpacking {
    s: js_sys::JsString,
    /// Where its next block starts, in characters (a byte each).
    at: u32,
    /// The JSON unpacked and not yet handed on, from byte `from`.
    left: String,
    from: usize,
    /// What `find_some` last looked for, and the byte of `left` before which it does not
    /// start (so that each block is searched once, not everything unpacked again).
    sought: String,
    searched: usize,
}

impl Unpacking {
    /// The bytes of characters [`from`, `from + n`) of the page string.
    fn bytes(&self, from: u32, n: u32) -> Option<Vec<u8>> {
        let mut chars = String::new();
        Pieces { s: Source::Page(self.s.clone()), read: from }.append(&mut chars, n);
        crate::formats::packed::bytes_of(&chars).ok()
    }

    /// Unpack the next block (`None`: there is none, or it is damaged: reading the JSON then
    /// fails where it stops, and the stored value is kept aside as it is).
    fn next(&mut self) -> Option<String> {
        use crate::formats::packed::{block_len, unpack_block};
        let len = u32::try_from(block_len(&self.bytes(self.at, 4)?).ok()?).ok()?;
        let block = self.bytes(self.at.saturating_add(4), len)?;
        self.at = self.at.saturating_add(4).saturating_add(len);
        let json = unpack_block(&block);
        if json.is_err() {
            self.at = self.s.length();
        }
        json.ok()
    }

    fn more(&self) -> bool {
        self.from < self.left.len() || self.at < self.s.length()
    }
}

impl Pieces {
    pub fn new(s: js_sys::JsString) -> Self {
        if s.starts_with(crate::formats::packed::MARK, 0) {
            let at = crate::formats::packed::MARK.len() as u32;
            return Pieces {
                s: Source::Packed(Unpacking {
                    s,
                    at,
                    left: String::new(),
                    from: 0,
                    sought: String::new(),
                    searched: 0,
                }),
                read: 0,
            };
        }
        Pieces { s: Source::Page(s), read: 0 }
    }

    /// The fingerprint of the string as stored (see `picture::print_of`).
    pub fn print(&self) -> String {
        match &self.s {
            Source::Page(s) => super::picture::print_of(s),
            Source::Packed(u) => super::picture::print_of(&u.s),
        }
    }

    /// The whole string as a Rust one.
    pub fn whole(mut self) -> String {
        let mut out = String::new();
        self.append(&mut out, u32::MAX);
        out
    }

    /// Where `pattern` first is in the string, in UTF-16 units (bytes of a compressed one's
    /// JSON, unpacked until it is found).
    pub fn find(&mut self, pattern: &str) -> Option<u32> {
        loop {
            if let Some(at) = self.find_some(pattern)? {
                return Some(at);
            }
        }
    }

    /// `find`, unpacking at most one more block of a compressed string: `Some(None)` when
    /// `pattern` is not in what is unpacked so far and more is to come (ask again), `None` when
    /// it is not in the string.
    pub fn find_some(&mut self, pattern: &str) -> Option<Option<u32>> {
        let u = match &mut self.s {
            Source::Page(s) => return u32::try_from(s.index_of(pattern, 0)).ok().map(Some),
            Source::Packed(u) => u,
        };
        if u.sought != pattern {
            (u.sought, u.searched) = (pattern.to_string(), 0);
        }
        let start = u.searched.max(u.from);
        if let Some(at) = u.left[start..].find(pattern) {
            return u32::try_from(start - u.from + at).ok().map(|at| Some(self.read + at));
        }
        // a match may still begin in the last `pattern.len() - 1` bytes, across the new block
        let mut searched = u.left.len().saturating_sub(pattern.len().saturating_sub(1)).max(start);
        while !u.left.is_char_boundary(searched) {
            searched -= 1;
        }
        let next = u.next()?;
        u.left.drain(..u.from);
        u.searched = searched - u.from;
        u.from = 0;
        u.left.push_str(&next);
        Some(None)
    }

    /// `append` of a compressed one: `units` bytes of its JSON (a few more rather than half a
    /// character), unpacking blocks as they are needed.
    fn append_packed(u: &mut Unpacking, read: &mut u32, out: &mut String, units: u32) -> bool {
        let mut want = units as usize;
        loop {
            let mut end = u.from.saturating_add(want).min(u.left.len());
            while !u.left.is_char_boundary(end) {
                end += 1;
            }
            out.push_str(&u.left[u.from..end]);
            want = want.saturating_sub(end - u.from);
            *read = read.saturating_add((end - u.from) as u32);
            u.from = end;
            if want == 0 {
                break;
            }
            match u.next() {
                Some(next) => (u.left, u.from, u.searched) = (next, 0, 0),
                None => break,
            }
        }
        u.more()
    }

    /// Append to `out` the string's next `units` UTF-16 units (one fewer, or more, rather than
    /// half a surrogate pair); whether any are left. Room first for a byte a unit and a
    /// sixteenth more (a stored copy of one-byte characters, of which those past ASCII take two
    /// bytes, and few are: growing the room copies what is written); more for the rest when
    /// that is not enough.
    pub fn append(&mut self, out: &mut String, units: u32) -> bool {
        let s = match &mut self.s {
            Source::Page(s) => &*s,
            Source::Packed(u) => return Self::append_packed(u, &mut self.read, out, units),
        };
        let end = self.read.saturating_add(units).min(s.length());
        // SAFETY: what `TextEncoder.encodeInto` writes is UTF-8, whole characters only (one that
        // does not fit is left for the next round; a lone surrogate is written as U+FFFD).
        // Checking it again took 10 ms at book length while the module still ran unoptimised.
        let buf = unsafe { out.as_mut_vec() };
        let mut first = true;
        while self.read < end {
            let left = (end - self.read) as usize;
            buf.reserve(if std::mem::take(&mut first) { left + left / 16 + 4 } else { left * 3 + 3 });
            let (len, room) = (buf.len(), buf.capacity() - buf.len());
            // SAFETY: the view covers the vector's spare room only, and nothing allocates in
            // wasm memory (which would detach it) between its making and its last use.
            let view = unsafe { js_sys::Uint8Array::view_mut_raw(buf.as_mut_ptr().add(len), room) };
            let done = utf8_piece(s, self.read, end - self.read, &view);
            let (r, w) = (done.first().copied().unwrap_or(0), done.get(1).copied().unwrap_or(0) as usize);
            // SAFETY: the encoder wrote `w` bytes (at most `room`) into that spare room.
            unsafe { buf.set_len(len + w.min(room)) };
            self.read += r;
            if r == 0 {
                break;
            }
        }
        self.read < s.length()
    }
}
