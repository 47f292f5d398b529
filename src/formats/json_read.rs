//! A small JSON reader: a pull parser over `&str`, driven by hand by the reader of each type
//! (an object key by key, a list item by item), with no generic visitor behind it.
//! Strict JSON (RFC 8259): no trailing commas, no raw control characters in strings, no lone
//! surrogates in the `\u` escapes of strings that are read, nothing after the value, and no
//! nesting deeper than `MAX_DEPTH`, so that a hostile file cannot exhaust the stack.
use std::borrow::Cow;

mod number;
mod string;
mod tree;

pub use tree::{Json, Val};

/// How deep objects and lists may nest.
pub const MAX_DEPTH: u32 = 128;

/// Why reading stopped, and where (a byte offset into the source; `Reader::locate` gives the
/// line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    /// What is wrong, in plain words, e.g. `expected ',' or '}'`.
    pub what: String,
    /// The text is not JSON at all, so nothing after `at` can be read. Otherwise it is JSON of
    /// another shape than the reader wanted, and reading can go on after the value.
    pub syntax: bool,
}

/// A place to come back to (see `Reader::attempt`).
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    pos: usize,
    depth: u32,
}

impl Mark {
    /// The byte it is at.
    pub fn pos(&self) -> usize {
        self.pos
    }
}

/// The reader: a position in the source and the nesting around it.
pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: u32,
    /// A container was just opened: its first entry comes without a comma.
    fresh: bool,
    /// The last key read (start and end of its text) and where its value starts, to name the
    /// key in an error about that value.
    key: (usize, usize, usize),
}

/// Read all of `src` as one value with `f`: nothing but white space may follow it.
pub fn read_all<'a, T>(src: &'a str, f: impl FnOnce(&mut Reader<'a>) -> Result<T, Error>) -> Result<T, Error> {
    let mut r = Reader::new(src);
    let value = f(&mut r)?;
    r.finish()?;
    Ok(value)
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str) -> Self {
        Reader { src, pos: 0, depth: 0, fresh: false, key: (0, 0, usize::MAX) }
    }

    /// A reader of `src` at `at` (a mark taken between two entries of a container): reading
    /// goes on there as if it had never stopped.
    pub fn resume(src: &'a str, at: Mark) -> Self {
        Reader { src, pos: at.pos, depth: at.depth, fresh: false, key: (0, 0, usize::MAX) }
    }

    /// The next byte that is not white space (0 at the end), without taking it.
    pub fn peek(&mut self) -> u8 {
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return b;
            }
            self.pos += 1;
        }
        0
    }

    /// Check that only white space is left.
    pub fn finish(&mut self) -> Result<(), Error> {
        self.peek();
        if self.pos < self.src.len() {
            return Err(self.syntax(self.pos, "more text follows the end of the JSON value".into()));
        }
        Ok(())
    }

    /// "line 3, column 14: what" (the column counts characters).
    pub fn locate(&self, e: &Error) -> String {
        let before = &self.src.as_bytes()[..e.at.min(self.src.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before[line_start..].iter().filter(|&&b| b & 0xc0 != 0x80).count() + 1;
        format!("line {line}, column {column}: {}", e.what)
    }

    pub fn mark(&mut self) -> Mark {
        self.peek();
        Mark { pos: self.pos, depth: self.depth }
    }

    pub fn rewind(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.depth = mark.depth;
        self.fresh = false;
    }

    /// Read one value with `f`. When it is JSON of another shape than `f` wants, the error
    /// comes back inside (`Ok(Err(..))`) and the value is passed over, so that reading goes on
    /// after it; a syntax error ends reading (`Err`).
    pub fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<Result<T, Error>, Error> {
        let mark = self.mark();
        match f(self) {
            Ok(value) => Ok(Ok(value)),
            Err(e) => self.recover(mark, e).map(Err),
        }
    }

    fn recover(&mut self, mark: Mark, e: Error) -> Result<Error, Error> {
        if e.syntax {
            return Err(e);
        }
        self.rewind(mark);
        self.skip()?;
        Ok(e)
    }

    /// Enter an object; then `key` until it returns `None`.
    pub fn object(&mut self) -> Result<(), Error> {
        self.open(b'{', "an object")
    }

    /// Enter a list; then `item` until it returns false.
    pub fn array(&mut self) -> Result<(), Error> {
        self.open(b'[', "a list")
    }

    fn open(&mut self, bracket: u8, name: &str) -> Result<(), Error> {
        if self.peek() != bracket {
            return Err(self.wrong(name));
        }
        if self.depth == MAX_DEPTH {
            return Err(self.syntax(self.pos, format!("objects and lists nest deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        self.pos += 1;
        self.fresh = true;
        Ok(())
    }

    /// The next key of the open object, its ':' taken (the value comes next); `None` once the
    /// object has closed.
    pub fn key(&mut self) -> Result<Option<Cow<'a, str>>, Error> {
        if !self.next(b'}')? {
            return Ok(None);
        }
        self.key_quote()?;
        let start = self.pos;
        let key = self.string_rest()?;
        let end = self.pos - 1;
        self.colon()?;
        self.key = (start, end, self.pos);
        Ok(Some(key))
    }

    /// Whether the open list has another item (read it next).
    pub fn item(&mut self) -> Result<bool, Error> {
        self.next(b']')
    }

    /// Move to the next entry of the open container: false when it closes instead.
    fn next(&mut self, close: u8) -> Result<bool, Error> {
        let b = self.peek();
        if b == close {
            self.pos += 1;
            self.depth -= 1;
            self.fresh = false;
            return Ok(false);
        }
        if std::mem::take(&mut self.fresh) {
            return Ok(true);
        }
        if b != b',' {
            return Err(self.expected(if close == b'}' { "',' or '}'" } else { "',' or ']'" }));
        }
        self.pos += 1;
        if self.peek() == close {
            return Err(self.syntax(self.pos, format!("a comma before '{}' is not allowed", close as char)));
        }
        Ok(true)
    }

    fn key_quote(&mut self) -> Result<(), Error> {
        if self.peek() != b'"' {
            return Err(self.expected("a key in double quotes"));
        }
        self.pos += 1;
        Ok(())
    }

    fn colon(&mut self) -> Result<(), Error> {
        if self.peek() != b':' {
            return Err(self.expected("':'"));
        }
        self.pos += 1;
        self.peek();
        Ok(())
    }

    /// The value read by `f`, or `None` for null.
    pub fn nullable<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<Option<T>, Error> {
        if self.null()? {
            return Ok(None);
        }
        f(self).map(Some)
    }

    /// A list, each item read by `f`.
    pub fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        self.items(&mut |r| {
            out.push(f(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The walk of `list`, the same for every type of item: `f` reads each item.
    fn items(&mut self, f: &mut dyn FnMut(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        self.array()?;
        while self.item()? {
            f(self)?;
        }
        Ok(())
    }

    /// The value of a key that must be there.
    #[inline]
    pub fn need<T>(&self, value: Option<T>, key: &str) -> Result<T, Error> {
        match value {
            Some(v) => Ok(v),
            None => Err(self.missing(key)),
        }
    }

    /// Whether each of `keys` came (bit `i` of `seen` set for `keys[i]`): if not, an error
    /// naming the first that did not.
    pub fn required(&self, seen: u32, keys: &[&str]) -> Result<(), Error> {
        match keys.iter().enumerate().find(|(i, _)| seen & 1 << i == 0) {
            Some((_, key)) => Err(self.missing(key)),
            None => Ok(()),
        }
    }

    /// (Apart from `need`, which is compiled once for each type of value.)
    fn missing(&self, key: &str) -> Error {
        self.invalid(self.pos, format!("\"{key}\" is missing"))
    }

    /// An error about the value that comes next (JSON of another shape than wanted).
    pub fn error(&mut self, what: String) -> Error {
        self.peek();
        self.invalid(self.pos, what)
    }

    fn invalid(&self, at: usize, what: String) -> Error {
        Error { at, what, syntax: false }
    }

    /// Pass over one value of any kind, checking its syntax (a string that cannot be decoded
    /// is let through, see `value`).
    pub fn skip(&mut self) -> Result<(), Error> {
        self.value().map(drop)
    }

    fn syntax(&self, at: usize, what: String) -> Error {
        Error { at, what, syntax: true }
    }

    /// A syntax error where `what` should come.
    fn expected(&self, what: &str) -> Error {
        if self.pos >= self.src.len() {
            return self.syntax(self.pos, format!("the text ends where {what} should be"));
        }
        self.syntax(self.pos, format!("expected {what}"))
    }

    /// The value here is not `wanted` (a syntax error when there is no value at all).
    fn wrong(&mut self, wanted: &str) -> Error {
        let found = match self.peek() {
            b'{' => "an object",
            b'[' => "a list",
            b'"' => "a string",
            b'-' | b'0'..=b'9' => "a number",
            b't' if self.src[self.pos..].starts_with("true") => "true",
            b'f' if self.src[self.pos..].starts_with("false") => "false",
            b'n' if self.src[self.pos..].starts_with("null") => "null",
            _ => return self.expected("a value"),
        };
        self.wrong_value(self.pos, wanted, found)
    }

    /// The value at `at` is `found`, not `wanted`; named by its key when it is a key's value.
    fn wrong_value(&self, at: usize, wanted: &str, found: &str) -> Error {
        let (start, end, value) = self.key;
        let what = if at == value {
            format!("\"{}\" should be {wanted}, not {found}", &self.src[start..end])
        } else {
            format!("expected {wanted}, not {found}")
        };
        self.invalid(at, what)
    }
}
