//! Document text and the one index that converts between code points, UTF-16 units and bytes.
use sha2::{Digest, Sha256};

/// Normalise imported text: no BOM, LF newlines only. Everything else is kept exactly.
pub fn normalize_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return raw.to_string();
    }
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// Lower-case hex SHA-256 of the text, used to recognise a document across files.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lower-case hex of `bytes` (a digest).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A document: its text (normalised) and metadata. The title is the first line by default.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Where the text came from: a file name, or "pasted".
    pub source: String,
    /// SHA-256 of `text`, computed once.
    pub sha256: String,
    /// The page's canonical URL, when it said.
    pub url: String,
    /// The article's authors, when it said.
    pub authors: Vec<String>,
    /// The publish date as the page gave it (ISO 8601 usually).
    pub published: String,
    /// When the title was last changed by hand (empty: never), so two copies merge to the
    /// later name.
    pub renamed: String,
}

impl Document {
    /// A document from raw text; the id is derived from the text so the same article
    /// always lands under the same key.
    pub fn from_text(raw: &str, source: &str) -> Self {
        let text = normalize_text(raw);
        let title = default_title(&text);
        let sha256 = sha256_hex(&text);
        let id = format!("doc-{}", &sha256[..16]);
        Document { id, title, text, source: source.to_string(), sha256, ..Document::default() }
    }
}

/// The first non-empty line, trimmed, or "Untitled".
pub fn default_title(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled").to_string()
}

/// Converts between code points, UTF-16 units and bytes. It keeps only the characters past
/// ASCII (where the three counts part), so a text in a Latin script costs a few bytes per
/// accented letter rather than eight per character (at book length, 8 MB written and a task
/// of 10 ms at every open), and a conversion is a binary search among them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TextIndex {
    /// Code points, and UTF-16 units, in the text.
    len: u32,
    units: u32,
    /// Per character past ASCII, in text order: its code point offset, and the byte and the
    /// UTF-16 offsets just past it.
    wide: Vec<u32>,
    byte_end: Vec<u32>,
    unit_end: Vec<u32>,
}

impl TextIndex {
    /// Build the index in one pass over the text.
    pub fn new(text: &str) -> Self {
        let src = text.as_bytes();
        let n = src.len();
        let mut index = TextIndex::default();
        // Bytes and UTF-16 units more than one a character, so far.
        let (mut extra_bytes, mut extra_units) = (0u32, 0u32);
        let mut b = 0;
        while b < n {
            // ASCII eight bytes at a time (most of a text in a Latin script).
            if let Some(word) = src.get(b..b + 8) {
                let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                if word & 0x8080_8080_8080_8080 == 0 {
                    b += 8;
                    continue;
                }
            }
            let x = src[b];
            if x < 0x80 {
                b += 1;
                continue;
            }
            // A character past ASCII starts here (the text is UTF-8: `x` leads it).
            let bytes = if x >= 0xF0 {
                4
            } else if x >= 0xE0 {
                3
            } else {
                2
            };
            let units = if bytes == 4 { 2 } else { 1 };
            let cp = b as u32 - extra_bytes;
            index.wide.push(cp);
            index.byte_end.push((b + bytes) as u32);
            index.unit_end.push(cp + extra_units + units);
            extra_bytes += bytes as u32 - 1;
            extra_units += units - 1;
            b += bytes;
        }
        index.len = n as u32 - extra_bytes;
        index.units = index.len + extra_units;
        index
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.units as usize
    }

    /// UTF-16 offset of a code point offset (clamped to the end).
    pub fn cp_to_utf16(&self, cp: usize) -> usize {
        self.cp_into(cp, &self.unit_end)
    }

    /// Code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down.
    pub fn utf16_to_cp(&self, u: usize) -> usize {
        self.cp_of(u, &self.unit_end)
    }

    /// Byte offset of a code point offset (clamped to the end).
    pub fn cp_to_byte(&self, cp: usize) -> usize {
        self.cp_into(cp, &self.byte_end)
    }

    /// Code point offset of a byte offset; an offset inside a character rounds down.
    pub fn byte_to_cp(&self, b: usize) -> usize {
        self.cp_of(b, &self.byte_end)
    }

    /// The text between two code point offsets.
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        &text[self.cp_to_byte(start)..self.cp_to_byte(end.max(start))]
    }

    /// Offset `ends` (bytes or UTF-16 units) of code point `cp`: past the last character past
    /// ASCII before it, one a code point.
    fn cp_into(&self, cp: usize, ends: &[u32]) -> usize {
        let cp = cp.min(self.len()) as u32;
        let k = self.wide.partition_point(|&w| w < cp);
        match k.checked_sub(1) {
            Some(j) => (ends[j] + (cp - self.wide[j] - 1)) as usize,
            None => cp as usize,
        }
    }

    /// Code point of offset `at` in the measure of `ends` (rounded down inside a character).
    fn cp_of(&self, at: usize, ends: &[u32]) -> usize {
        let at = at.min(u32::MAX as usize) as u32;
        // The characters past ASCII that end at or before `at`; the next may hold it.
        let k = ends.partition_point(|&e| e <= at);
        let (cp, end) = match k.checked_sub(1) {
            Some(j) => (self.wide[j] + 1, ends[j]),
            None => (0, 0),
        };
        let cp = match self.wide.get(k) {
            // (`at` is past the ASCII that runs from `end` to the next character, so inside it.)
            Some(&next) if at - end >= next - cp => next,
            _ => cp + (at - end),
        };
        (cp as usize).min(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "A😀b 北京 e\u{301}t 👩\u{200d}🔬!";

    #[test]
    fn normalises_crlf_cr_and_bom() {
        assert_eq!(normalize_text("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_text("plain"), "plain");
    }

    #[test]
    fn converts_emoji_cjk_and_combining_marks() {
        let idx = TextIndex::new(MIXED);
        let cps: Vec<char> = MIXED.chars().collect();
        assert_eq!(idx.len(), cps.len());
        assert_eq!(idx.utf16_len(), MIXED.encode_utf16().count());
        for cp in 0..=cps.len() {
            let u: usize = cps[..cp].iter().map(|c| c.len_utf16()).sum();
            let b: usize = cps[..cp].iter().map(|c| c.len_utf8()).sum();
            assert_eq!(idx.cp_to_utf16(cp), u);
            assert_eq!(idx.utf16_to_cp(u), cp);
            assert_eq!(idx.cp_to_byte(cp), b);
            assert_eq!(idx.byte_to_cp(b), cp);
        }
        // Inside the surrogate pair of 😀 (UTF-16 offset 2) rounds down to the emoji's start.
        assert_eq!(idx.utf16_to_cp(2), 1);
        assert_eq!(idx.slice(MIXED, 4, 6), "北京");
    }

    #[test]
    fn document_id_and_title_follow_the_text() {
        let a = Document::from_text("Title line\r\nBody", "x");
        let b = Document::from_text("Title line\nBody", "y");
        assert_eq!(a.id, b.id);
        assert_eq!(a.title, "Title line");
        assert_eq!(a.text, "Title line\nBody");
        assert_eq!(default_title("\n \n"), "Untitled");
    }
}
