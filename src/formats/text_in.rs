//! Bringing an article in: bytes decoded to text (UTF-8, or UTF-16 with a byte-order mark),
//! binary files and oversized texts refused with the reason, and the kind of a file told from
//! its name and content.

/// The largest text a document may have, in code points: about what the browser's storage
/// for a page can hold, with room for annotations.
pub const MAX_CODE_POINTS: usize = 5_000_000;

use crate::model::text::{default_title, normalize_text, sha256_hex, Document};

/// An article about to be opened: its text (normalised, final: offsets will count in it) and
/// what is known of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub title: String,
    /// The file it came from, or "pasted".
    pub source: String,
    pub url: String,
    pub authors: Vec<String>,
    pub published: String,
}

impl Draft {
    /// A draft of plain text: kept exactly, after line ends are normalised and a BOM dropped;
    /// the first line is the title.
    pub fn plain(raw: &str, source: &str) -> Self {
        let text = normalize_text(raw);
        Draft { title: default_title(&text), text, source: source.to_string(), ..Draft::default() }
    }

    /// The document this draft opens as (its id follows from the text, as always).
    pub fn into_document(self) -> Document {
        let sha256 = sha256_hex(&self.text);
        let title =
            if self.title.trim().is_empty() { default_title(&self.text) } else { self.title.trim().to_string() };
        Document {
            id: format!("doc-{}", &sha256[..16]),
            title,
            text: self.text,
            source: self.source,
            sha256,
            url: self.url,
            authors: self.authors,
            published: self.published,
            renamed: String::new(),
        }
    }

    /// What the dialog shows of it: the first lines, the length in characters (code points)
    /// and the number of paragraphs.
    pub fn preview(&self, lines: usize) -> (Vec<&str>, usize, usize) {
        let paragraphs = self.text.split('\n').filter(|l| !l.trim().is_empty());
        let first = paragraphs.clone().take(lines).collect();
        (first, self.text.chars().count(), paragraphs.count())
    }
}

/// What a file holds, as far as opening it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
    /// Article Annotator's own JSON (an article with its annotations, or a library backup).
    Json,
}

/// The kind of a file, from its extension, else from how its content starts.
pub fn kind_of(name: &str, text: &str) -> FileKind {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => FileKind::Markdown,
        "html" | "htm" | "xhtml" => FileKind::Html,
        "json" => FileKind::Json,
        "txt" | "text" => FileKind::Text,
        _ => {
            let head: String = text.trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                FileKind::Html
            } else if head.starts_with('{') {
                FileKind::Json
            } else {
                FileKind::Text
            }
        }
    }
}

/// Decode a file's bytes: UTF-8 (a BOM dropped), or UTF-16 when a BOM says so. Anything else
/// (another encoding, a binary file) is refused with the reason.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks(2).map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| "The file says it is UTF-16 but holds invalid UTF-16 text.".to_string())
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(true)?,
        [0xFE, 0xFF, ..] => utf16(false)?,
        _ => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(_) if looks_binary(body) => return Err(binary()),
                Err(e) => {
                    return Err(format!(
                        "The file is not UTF-8 text (byte {} cannot be read). Save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again.",
                        e.valid_up_to() + 1
                    ))
                }
            }
        }
    };
    check(&text)?;
    Ok(text)
}

fn binary() -> String {
    "The file is not text (it looks like a binary file, such as an image, a PDF or a word-processor document). Open a .txt, .md or .html file, or paste the article's text.".into()
}

/// True when the bytes hold what text never does: NUL bytes or many control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}

/// Refuse text that cannot be a document: empty, binary, or over the size limit.
pub fn check(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("There is no text to open: the article is empty.".into());
    }
    if looks_binary(text.as_bytes()) {
        return Err(binary());
    }
    let n = text.chars().count();
    if n > MAX_CODE_POINTS {
        return Err(format!(
            "The text is too long to keep: {} characters, and the limit is {} (what the browser's storage can hold). Split it into parts and open each.",
            thousands(n),
            thousands(MAX_CODE_POINTS)
        ));
    }
    Ok(())
}

/// `n` with commas between thousands: 5000000 → "5,000,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 annotation", "2 annotations": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom_and_utf16_with_bom() {
        assert_eq!(decode("Zoë 😀 北京\r\n".as_bytes()).unwrap(), "Zoë 😀 北京\r\n");
        assert_eq!(decode(b"\xEF\xBB\xBFplain").unwrap(), "plain");
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Zoë 😀".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Zoë 😀");
        assert_eq!(decode(&be).unwrap(), "Zoë 😀");
    }

    #[test]
    fn refuses_binary_other_encodings_empty_and_huge() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err().contains("not text"));
        assert!(decode(b"caf\xe9 au lait").unwrap_err().contains("not UTF-8"));
        assert!(decode(b"  \n\t ").unwrap_err().contains("empty"));
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8]).unwrap_err().contains("invalid UTF-16"));
        let huge = "a".repeat(MAX_CODE_POINTS + 1);
        assert!(check(&huge).unwrap_err().contains("5,000,000"));
    }

    #[test]
    fn kinds_from_names_and_content() {
        assert_eq!(kind_of("a.MD", ""), FileKind::Markdown);
        assert_eq!(kind_of("page.htm", ""), FileKind::Html);
        assert_eq!(kind_of("x.annotations.json", ""), FileKind::Json);
        assert_eq!(kind_of("noext", "  <!DOCTYPE html><p>"), FileKind::Html);
        assert_eq!(kind_of("notes.txt", "<html>"), FileKind::Text);
    }

    #[test]
    fn drafts_keep_plain_text_exactly_and_preview_it() {
        let d = Draft::plain("\u{feff}Title 😀\r\n\r\nFirst 北京 para.\rSecond e\u{301}.\n", "a.txt");
        assert_eq!(d.text, "Title 😀\n\nFirst 北京 para.\nSecond e\u{301}.\n");
        assert_eq!(d.title, "Title 😀");
        let (first, len, paras) = d.preview(2);
        assert_eq!(first, ["Title 😀", "First 北京 para."]);
        assert_eq!((len, paras), (d.text.chars().count(), 3));
        let doc = Draft { title: "  ".into(), ..d.clone() }.into_document();
        assert_eq!(doc.title, "Title 😀");
        assert_eq!(doc.id, crate::model::Document::from_text(&d.text, "x").id);
    }

    #[test]
    fn counts_read_well() {
        assert_eq!(count(1, "annotation", "annotations"), "1 annotation");
        assert_eq!(count(12_345, "annotation", "annotations"), "12,345 annotations");
        assert_eq!(count(0, "article", "articles"), "0 articles");
    }
}
