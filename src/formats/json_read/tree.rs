//! A JSON value read whole into a small tree, for the readers of other tools' files: each
//! walks it with a few accessors instead of driving the pull parser itself. Every value keeps
//! where it starts and ends in the source, so that a message about it says where it is.
use super::{Error, Reader};
use std::borrow::Cow;

/// One value, from byte `at` to byte `end` of the source.
pub struct Json<'a> {
    pub at: usize,
    pub end: usize,
    pub val: Val<'a>,
}

/// What a value is.
pub enum Val<'a> {
    /// `true`, `false` or `null`, as written.
    Lit(&'static str),
    /// A number, as written.
    Num(&'a str),
    Str(Cow<'a, str>),
    /// A string whose `\u` escapes hold half of a surrogate pair: why it cannot be read.
    Bad(Error),
    Arr(Vec<Json<'a>>),
    /// The entries in their order (a key that cannot be decoded stays as written).
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Reader<'a> {
    /// The whole source as one value: nothing but white space may follow it.
    pub fn whole(&mut self) -> Result<Json<'a>, Box<Error>> {
        let value = self.value()?;
        self.finish()?;
        Ok(value)
    }

    /// The value that comes next, read whole.
    pub fn value(&mut self) -> Result<Json<'a>, Error> {
        let at = self.mark().pos;
        let val = match self.peek() {
            b'{' => {
                self.object()?;
                let mut entries = Vec::new();
                while self.next(b'}')? {
                    self.key_quote()?;
                    let start = self.pos;
                    let key = self.decoded(start)?.unwrap_or(Cow::Borrowed(&self.src[start..self.pos - 1]));
                    self.colon()?;
                    entries.push((key, self.value()?));
                }
                Val::Obj(entries)
            }
            b'[' => {
                self.array()?;
                let mut items = Vec::new();
                while self.item()? {
                    items.push(self.value()?);
                }
                Val::Arr(items)
            }
            b'"' => {
                self.pos += 1;
                match self.decoded(at + 1)? {
                    Ok(s) => Val::Str(s),
                    Err(e) => Val::Bad(e),
                }
            }
            b't' => self.lit("true")?,
            b'f' => self.lit("false")?,
            b'n' => self.lit("null")?,
            b'-' | b'0'..=b'9' => {
                let (start, end) = self.number()?;
                Val::Num(&self.src[start..end])
            }
            _ => return Err(self.expected("a value")),
        };
        Ok(Json { at, end: self.pos, val })
    }

    fn lit(&mut self, word: &'static str) -> Result<Val<'a>, Error> {
        self.literal(word)?;
        Ok(Val::Lit(word))
    }

    /// The rest of the string whose text starts at `start`; one that cannot be decoded is
    /// passed over (`Ok(Err(why))`).
    fn decoded(&mut self, start: usize) -> Result<Result<Cow<'a, str>, Error>, Error> {
        match self.string_rest() {
            Err(e) if !e.syntax => {
                self.pos = start;
                self.skip_string()?;
                Ok(Err(e))
            }
            got => got.map(Ok),
        }
    }

    /// A reader of the same source from byte `pos` (a value of a tree read again by the
    /// pull parser).
    pub fn at(&self, pos: usize) -> Reader<'a> {
        Reader { pos, ..Reader::new(self.src) }
    }
}

impl<'a> Json<'a> {
    /// This value is not `wanted`: the error, naming `key` when the value is that key's
    /// (`key` empty for an item of a list).
    pub fn wrong(&self, key: &str, wanted: &str) -> Error {
        let found = match &self.val {
            Val::Lit(word) => word,
            Val::Num(_) => "a number",
            Val::Str(_) | Val::Bad(_) => "a string",
            Val::Arr(_) => "a list",
            Val::Obj(_) => "an object",
        };
        wrong_at(self.at, key, wanted, found)
    }

    /// The text of a string (`None` for any other value, or a string that cannot be read).
    pub fn text(&self) -> Option<&str> {
        match &self.val {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn str(&self, key: &str) -> Result<&str, Box<Error>> {
        match &self.val {
            Val::Str(s) => Ok(s),
            Val::Bad(e) => Err(e.clone().into()),
            _ => Err(self.wrong(key, "a string").into()),
        }
    }

    pub fn obj(&self, key: &str) -> Result<&[(Cow<'a, str>, Json<'a>)], Box<Error>> {
        match &self.val {
            Val::Obj(entries) => Ok(entries),
            _ => Err(self.wrong(key, "an object").into()),
        }
    }

    pub fn arr(&self, key: &str) -> Result<&[Json<'a>], Box<Error>> {
        match &self.val {
            Val::Arr(items) => Ok(items),
            _ => Err(self.wrong(key, "a list").into()),
        }
    }

    /// The items of a list, or this value alone when it is not one.
    pub fn each(&self) -> &[Json<'a>] {
        match &self.val {
            Val::Arr(items) => items,
            _ => std::slice::from_ref(self),
        }
    }

    /// A list of strings.
    pub fn strings(&self, key: &str) -> Result<Vec<&str>, Box<Error>> {
        let mut out = Vec::new();
        for s in self.arr(key)? {
            out.push(s.str("")?);
        }
        Ok(out)
    }

    /// A whole number that fits a `usize` (offsets).
    pub fn usize(&self, key: &str) -> Result<usize, Box<Error>> {
        self.whole(key, usize::MAX as u64).map(|n| n as usize)
    }

    /// A whole number from 0 to `max`.
    pub fn whole(&self, key: &str, max: u64) -> Result<u64, Box<Error>> {
        let Val::Num(text) = self.val else { return Err(self.wrong(key, "a whole number").into()) };
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(wrong_at(self.at, key, "a whole number", text).into());
        }
        let n = text.bytes().try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add((b - b'0').into()));
        match n {
            Some(n) if n <= max => Ok(n),
            _ => {
                Err(wrong_at(self.at, key, &format!("a whole number from 0 to {}", n.map_or(u64::MAX, |_| max)), text)
                    .into())
            }
        }
    }

    /// `value`, or the error that `key` is missing from this object.
    #[inline]
    pub fn need<T>(&self, value: Option<T>, key: &str) -> Result<T, Box<Error>> {
        match value {
            Some(value) => Ok(value),
            None => Err(self.missing(key).into()),
        }
    }

    /// The error that `key` is missing from this object (out of line: `need` is copied for
    /// each type).
    #[inline(never)]
    fn missing(&self, key: &str) -> Error {
        Error { at: self.end, what: format!("\"{key}\" is missing"), syntax: false }
    }
}

/// The value at `at` is `found`, not `wanted`; named by `key` unless that is empty.
fn wrong_at(at: usize, key: &str, wanted: &str, found: &str) -> Error {
    let what = if key.is_empty() {
        format!("expected {wanted}, not {found}")
    } else {
        format!("\"{key}\" should be {wanted}, not {found}")
    };
    Error { at, what, syntax: false }
}
