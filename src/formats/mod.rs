//! File formats: the native JSON (versioned) and, one file each, the interchange formats.
pub mod claimreview;
pub mod foreign;
pub mod json_read;
pub mod json_write;
pub mod library;
pub mod markdown;
pub mod markdown_inline;
pub mod native;
mod native_check;
pub mod native_read;
pub mod native_write;
pub mod reanchor;
pub mod stored;
pub mod text_in;
pub mod zip;

/// How long a slug may be, in code points; it is cut at a word before that.
const SLUG_MAX: usize = 60;

/// A file-name-safe slug of a title: lower-case letters and digits (any script) joined by '-',
/// cut after a whole word.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in title.chars() {
        if c.is_alphanumeric() {
            // ASCII lowering only: full Unicode case tables would cost the bundle 8 KB.
            out.push(c.to_ascii_lowercase());
            n += 1;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
            n += 1;
        }
        if n > SLUG_MAX {
            // Past the limit: drop the word that crossed it (unless it is the only one).
            let cut = out.trim_end_matches('-').rfind('-').unwrap_or(out.len());
            out.truncate(cut);
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "document".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("Xi and Lukashenko agree!"), "xi-and-lukashenko-agree");
        assert_eq!(super::slug("Zoë Ångström and 李明 agree"), "zoë-Ångström-and-李明-agree");
        assert_eq!(super::slug("😀 !!"), "document");
        let long = "Xi and Lukashenko agree to oppose hegemony, safeguard international fairness and justice";
        assert_eq!(super::slug(long), "xi-and-lukashenko-agree-to-oppose-hegemony-safeguard");
        assert_eq!(super::slug(&"a".repeat(80)).len(), 61);
    }
}
