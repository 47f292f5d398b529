//! JSON of one-byte characters: every character past U+00FF written as a `\u` escape (two, a
//! surrogate pair, past U+FFFF). The same value, but a page string of one-byte characters
//! (Latin-1), which the browser keeps, hands back from `localStorage` and passes to wasm at a
//! fraction of the cost of one holding a single wider character (1M code points with 20,000
//! annotations, 3.3 million characters: see BENCHMARKS.md).
use std::borrow::Cow;

/// What each escape adds, in characters: `\uXXXX` is six for one; past U+FFFF, twelve for the
/// two UTF-16 units a page string already gives it: five each too.
const GROWTH: usize = 5;

/// Whether a text is worth storing in one-byte characters: the escapes would make it at most
/// a fifth longer (a text in a Latin script, with quotes, dashes, emoji or a few names in other
/// scripts; the annotations beside it are one-byte already, so the stored value grows less).
/// A text mostly in another script (Chinese, Russian, Arabic, …) would grow up to six times:
/// it is kept as it is, and the library holds as much of it as before.
pub fn worth(text: &str) -> bool {
    // (Counted in UTF-16 units, as the page and its storage count a string's length.)
    let (mut units, mut wide) = (0, 0);
    for c in text.chars() {
        units += c.len_utf16();
        wide += if u32::from(c) > 0xff { c.len_utf16() } else { 0 };
    }
    wide * GROWTH * 5 <= units
}

/// Whether `s` holds only characters up to U+00FF (in UTF-8, only those start with a byte
/// under 0xC4).
pub fn is_one_byte(s: &str) -> bool {
    !s.bytes().any(|b| b >= 0xc4)
}

/// `json` with every character past U+00FF escaped; borrowed when there is none. (Outside its
/// strings, JSON is ASCII: escaping characters inside them keeps the value the same.)
pub fn one_byte(json: &str) -> Cow<'_, str> {
    if is_one_byte(json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    let (bytes, mut run) = (json.as_bytes(), 0);
    let mut units = [0u16; 2];
    // (From one such character's first byte to the next: the others are copied as they are.)
    while let Some(k) = bytes[run..].iter().position(|&b| b >= 0xc4) {
        let i = run + k;
        let c = json[i..].chars().next().unwrap_or_default();
        out.push_str(&json[run..i]);
        for &unit in c.encode_utf16(&mut units).iter() {
            out.push_str("\\u");
            for shift in [12, 8, 4, 0] {
                out.push(char::from(b"0123456789abcdef"[usize::from(unit >> shift) & 15]));
            }
        }
        run = i + c.len_utf8();
    }
    out.push_str(&json[run..]);
    Cow::Owned(out)
}

/// `one_byte` in place: `json` is left as it is (not copied) when it has nothing to escape.
pub fn make_one_byte(json: &mut String) {
    let escaped = match one_byte(json) {
        Cow::Owned(escaped) => escaped,
        Cow::Borrowed(_) => return,
    };
    *json = escaped;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_each_character_past_latin_1_as_json_reads_it_back() {
        let json = "{\"t\":\"Zoë met 李明 in Kraków 🎉, e\u{301} “q” \\\"q\\\"\\n\"}";
        let out = one_byte(json);
        assert!(is_one_byte(&out) && !out.is_ascii());
        assert!(out.contains("Zoë met \\u674e\\u660e in Kraków \\ud83c\\udf89, e\\u0301 \\u201cq\\u201d"));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        let want: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, want);
        assert!(matches!(one_byte("{\"a\":\"Zoë\"}"), Cow::Borrowed(_)));
        assert!(is_one_byte("ÿ") && !is_one_byte("Ā"));
    }

    #[test]
    fn latin_script_text_is_worth_it_and_text_mostly_in_other_scripts_is_not() {
        let english = format!("{}“A quote” — said Zoë 🎉. ", "plain words ".repeat(20));
        assert!(worth(&english));
        assert!(worth(&"Où est la gare ? À côté de l’église. ".repeat(20)));
        assert!(worth(""));
        assert!(!worth(&"北京的新闻。".repeat(50)));
        assert!(!worth(&"Новости дня ".repeat(50)));
    }
}
