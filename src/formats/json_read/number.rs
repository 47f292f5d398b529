//! Numbers, true, false and null, and strings naming one of a few choices.
use super::{Error, Reader};

impl Reader<'_> {
    /// Take a null if one comes next.
    pub fn null(&mut self) -> Result<bool, Error> {
        if self.peek() != b'n' {
            return Ok(false);
        }
        self.literal("null")?;
        Ok(true)
    }

    pub fn bool(&mut self) -> Result<bool, Error> {
        match self.peek() {
            b't' => self.literal("true").map(|()| true),
            b'f' => self.literal("false").map(|()| false),
            _ => Err(self.wrong("true or false")),
        }
    }

    pub(super) fn literal(&mut self, word: &str) -> Result<(), Error> {
        if !self.src[self.pos..].starts_with(word) {
            return Err(self.expected("a value"));
        }
        self.pos += word.len();
        Ok(())
    }

    /// A whole number from 0 to `u64::MAX`.
    pub fn u64(&mut self) -> Result<u64, Error> {
        if !matches!(self.peek(), b'-' | b'0'..=b'9') {
            return Err(self.wrong("a whole number"));
        }
        if let Some(n) = self.plain_digits() {
            return Ok(n);
        }
        let (start, end) = self.number()?;
        let text = &self.src[start..end];
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.wrong_value(start, "a whole number", text));
        }
        let n = text.bytes().try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add((b - b'0').into()));
        n.ok_or_else(|| self.too_large(start, u64::MAX))
    }

    /// The common case taken at once: up to 19 digits (no overflow), no leading zero, and no
    /// fraction or exponent after them.
    fn plain_digits(&mut self) -> Option<u64> {
        let bytes = self.src.as_bytes();
        let end = digits(bytes, self.pos);
        let len = end - self.pos;
        let plain = (1..20).contains(&len) && (len == 1 || bytes[self.pos] != b'0');
        if !plain || matches!(bytes.get(end), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        let n = bytes[self.pos..end].iter().fold(0, |n, b| n * 10 + u64::from(b - b'0'));
        self.pos = end;
        Some(n)
    }

    /// A whole number that fits a `usize` (offsets and counts).
    pub fn usize(&mut self) -> Result<usize, Error> {
        let at = self.mark().pos;
        let n = self.u64()?;
        usize::try_from(n).map_err(|_| self.too_large(at, usize::MAX as u64))
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        let at = self.mark().pos;
        let n = self.u64()?;
        u32::try_from(n).map_err(|_| self.too_large(at, u32::MAX.into()))
    }

    fn too_large(&self, at: usize, max: u64) -> Error {
        self.wrong_value(at, &format!("a whole number from 0 to {max}"), &self.src[at..self.pos])
    }

    /// A string that must be one of `names`: its index there.
    pub fn choice(&mut self, names: &[&str]) -> Result<usize, Error> {
        let at = self.mark().pos;
        let s = self.str()?;
        names.iter().position(|n| *n == s).ok_or_else(|| {
            let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            self.wrong_value(at, &format!("one of {}", quoted.join(", ")), &format!("\"{s}\""))
        })
    }

    /// The span of the number here, its syntax checked.
    pub(super) fn number(&mut self) -> Result<(usize, usize), Error> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let mut i = start + usize::from(bytes[start] == b'-');
        i = match bytes.get(i) {
            Some(b'0') => i + 1,
            Some(b'1'..=b'9') => digits(bytes, i),
            _ => return Err(self.syntax(i, "expected a digit".into())),
        };
        if bytes.get(i) == Some(&b'.') {
            i = self.some_digits(i + 1)?;
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1 + usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
            i = self.some_digits(i)?;
        }
        self.pos = i;
        Ok((start, i))
    }

    /// The end of a run of at least one digit starting at `i`.
    fn some_digits(&self, i: usize) -> Result<usize, Error> {
        let end = digits(self.src.as_bytes(), i);
        if end == i {
            return Err(self.syntax(i, "expected a digit".into()));
        }
        Ok(end)
    }
}

/// The end of a run of ASCII digits starting at `i`.
fn digits(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}
