//! File formats: the native JSON (versioned) and, one file each, the interchange formats.
pub mod json_write;
pub mod native;
pub mod native_write;

/// A file-name-safe slug of a title: lower-case letters and digits (any script) joined by '-'.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            // ASCII lowering only: full Unicode case tables would cost the bundle 8 KB.
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
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
    }
}
