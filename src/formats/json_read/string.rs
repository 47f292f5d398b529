//! Strings: read (borrowed when they hold no escape) or passed over.
use super::{Error, Reader};
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// A string, borrowed from the source when it holds no escape.
    pub fn str(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != b'"' {
            return Err(self.wrong("a string"));
        }
        self.pos += 1;
        self.string_rest()
    }

    pub fn string(&mut self) -> Result<String, Error> {
        self.str().map(Cow::into_owned)
    }

    /// A string, or `None` for null.
    pub fn opt_string(&mut self) -> Result<Option<String>, Error> {
        self.nullable(Self::string)
    }

    /// The rest of a string after its opening quote.
    pub(super) fn string_rest(&mut self) -> Result<Cow<'a, str>, Error> {
        let start = self.pos;
        let end = plain_run(self.src.as_bytes(), start);
        if self.src.as_bytes().get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Cow::Borrowed(&self.src[start..end]));
        }
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(&self.src[start..end]);
        self.pos = end;
        self.string_end(Some(&mut out))?;
        Ok(Cow::Owned(out))
    }

    pub(super) fn skip_string(&mut self) -> Result<(), Error> {
        self.string_end(None)
    }

    /// Read on to the closing quote, decoding into `out` when given.
    fn string_end(&mut self, mut out: Option<&mut String>) -> Result<(), Error> {
        loop {
            let run = self.pos;
            let at = plain_run(self.src.as_bytes(), run);
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&self.src[run..at]);
            }
            self.pos = at + 1;
            match self.src.as_bytes().get(at) {
                Some(b'"') => return Ok(()),
                Some(b'\\') => self.escape(out.as_deref_mut())?,
                Some(_) => {
                    return Err(self
                        .syntax(at, "a control character (such as a line break) in a string must be escaped".into()))
                }
                None => return Err(self.syntax(at, "the text ends inside a string".into())),
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self, out: Option<&mut String>) -> Result<(), Error> {
        let at = self.pos - 1;
        let c = match self.src.as_bytes().get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                return match out {
                    Some(out) => self.unicode(at, unit).map(|c| out.push(c)),
                    None => Ok(()),
                };
            }
            _ => return Err(self.syntax(at, "unknown escape (after '\\' come only \" \\ / b f n r t or u)".into())),
        };
        self.pos += 1;
        if let Some(out) = out {
            out.push(c);
        }
        Ok(())
    }

    /// The character of a `\u` escape whose code unit is `unit`: a surrogate must be the first
    /// half of a pair whose second half follows as another `\u` escape.
    fn unicode(&mut self, at: usize, unit: u32) -> Result<char, Error> {
        let pair = (0xd800..0xdc00).contains(&unit) && self.src[self.pos..].starts_with("\\u");
        let code = if pair {
            self.pos += 2;
            let low = self.hex4()?;
            (0xdc00..0xe000).contains(&low).then(|| 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))
        } else {
            Some(unit)
        };
        let lone = "a \\u escape holds half of a surrogate pair without the other half";
        code.and_then(char::from_u32).ok_or_else(|| self.invalid(at, lone.into()))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let hex = self.src.get(self.pos..self.pos + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let n = hex.and_then(|h| u32::from_str_radix(h, 16).ok());
        let n = n.ok_or_else(|| self.syntax(self.pos, "a \\u escape needs four hex digits".into()))?;
        self.pos += 4;
        Ok(n)
    }
}

/// The first byte at or after `from` that ends the plain text of a string (a quote, a
/// backslash or a control character), or the end. Eight bytes at a time: in each mask below,
/// the lowest set bit marks the first such byte exactly.
fn plain_run(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stop = zero_byte(x ^ (ONES * b'"' as u64))
            | zero_byte(x ^ (ONES * b'\\' as u64))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH);
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
        i += 1;
    }
    i
}
