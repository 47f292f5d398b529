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
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
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

/// Precomputed positions of every code point, so each conversion is O(1) or O(log n).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TextIndex {
    /// UTF-16 offset of code point i; one extra entry for the end.
    utf16: Vec<u32>,
    /// UTF-8 byte offset of code point i; one extra entry for the end.
    bytes: Vec<u32>,
}

impl TextIndex {
    /// Build the index in one pass over the text.
    pub fn new(text: &str) -> Self {
        let src = text.as_bytes();
        let n = src.len();
        let mut utf16 = Vec::with_capacity(n + 1);
        let mut bytes = Vec::with_capacity(n + 1);
        let (mut u, mut b) = (0u32, 0usize);
        while b < n {
            // A run of ASCII (most of a text in a Latin script) a run at a time: a code point,
            // a UTF-16 unit and a byte each, written without a test per byte (at book length
            // this took the index from 18 ms to a few).
            let run = src[b..].iter().position(|&x| x >= 0x80).unwrap_or(n - b) as u32;
            utf16.extend(u..u + run);
            bytes.extend(b as u32..b as u32 + run);
            (u, b) = (u + run, b + run as usize);
            // Then the characters past it, byte by byte: a code point starts at every byte that
            // does not continue one, and one of four bytes takes two UTF-16 units.
            while let Some(&x) = src.get(b).filter(|&&x| x >= 0x80) {
                if x & 0xC0 != 0x80 {
                    utf16.push(u);
                    bytes.push(b as u32);
                    u += 1 + u32::from(x >= 0xF0);
                }
                b += 1;
            }
        }
        utf16.push(u);
        bytes.push(n as u32);
        TextIndex { utf16, bytes }
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.utf16.len().saturating_sub(1)
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16.last().copied().unwrap_or(0) as usize
    }

    /// UTF-16 offset of a code point offset (clamped to the end).
    pub fn cp_to_utf16(&self, cp: usize) -> usize {
        self.utf16[cp.min(self.len())] as usize
    }

    /// Code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down.
    #[inline(never)]
    pub fn utf16_to_cp(&self, u: usize) -> usize {
        match self.utf16.binary_search(&(u as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code point offset (clamped to the end).
    pub fn cp_to_byte(&self, cp: usize) -> usize {
        self.bytes[cp.min(self.len())] as usize
    }

    /// Code point offset of a byte offset; an offset inside a character rounds down.
    pub fn byte_to_cp(&self, b: usize) -> usize {
        match self.bytes.binary_search(&(b as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The text between two code point offsets.
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        &text[self.cp_to_byte(start)..self.cp_to_byte(end.max(start))]
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
