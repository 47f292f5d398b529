//! File formats: the native JSON (versioned) and, one file each, the interchange formats.
pub mod brat;
mod brat_read;
pub mod claimreview;
pub mod conll;
pub mod doccano;
pub mod foreign;
mod interchange;
pub mod json_read;
pub mod json_write;
pub mod label_studio;
pub mod library;
pub mod markdown;
mod markdown_emphasis;
pub mod markdown_inline;
mod markdown_line;
pub mod native;
mod native_check;
pub mod native_read;
pub mod native_slices;
pub mod native_write;
pub mod packed;
pub mod place;
pub mod reanchor;
pub mod report;
pub mod stored;
pub mod text_in;
pub mod w3c;
mod w3c_read;
pub mod zip;

use crate::model::annotation::Kind;
use crate::model::state::State;

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

/// `id` as a token other tools take as a name (brat types, CoNLL tags, brat attribute values):
/// ASCII letters, digits, '_' and '-', anything else '_'.
pub fn token(id: &str) -> String {
    let out: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    if out.is_empty() {
        "_".into()
    } else {
        out
    }
}

/// Each label of the document (those of its label set, then any other an annotation uses):
/// (label id, its `token`, made unique, its kind).
pub fn label_tokens(state: &State) -> Vec<(String, String, Kind)> {
    let mut out: Vec<(String, String, Kind)> = Vec::new();
    let used = state.annotations().iter().map(|a| (&a.label, a.kind));
    for (id, kind) in state.labels.iter().map(|l| (&l.id, l.kind)).chain(used) {
        if out.iter().any(|t| t.0 == *id) {
            continue;
        }
        let (base, mut n) = (token(id), 1);
        let mut name = base.clone();
        while out.iter().any(|t| t.1 == name) {
            n += 1;
            name = format!("{base}_{n}");
        }
        out.push((id.clone(), name, kind));
    }
    out
}

/// The token of label `id` in `label_tokens`' list.
pub fn token_of<'a>(tokens: &'a [(String, String, Kind)], id: &str) -> &'a str {
    tokens.iter().find(|t| t.0 == id).map_or("_", |t| t.1.as_str())
}

/// The document in another tool's format, by the id the Export menu gives it ("w3c", "brat",
/// "doccano", "label-studio", "conll", "report"), made at `now` (ISO 8601); `None` for another
/// id. CoNLL's words come from `seg`.
pub fn export(state: &State, format: &str, now: &str, seg: &dyn conll::Segmenter) -> Option<foreign::Export> {
    Some(match format {
        "w3c" => w3c::export(state, now),
        "brat" => brat::export(state, zip::dos_time(now)),
        "doccano" => doccano::export(state),
        "label-studio" => label_studio::export(state, now),
        "conll" => conll::export(state, seg),
        "report" => report::export(state, now),
        _ => return None,
    })
}

/// The notices of what an export left out: for each (count, singular, plural, why) with a
/// count, "2 spans" and why.
pub fn left_out(items: &[(usize, &str, &str, &str)]) -> Vec<String> {
    let notice =
        |&(n, one, many, why): &(usize, &str, &str, &str)| format!("{n} {}{why}", if n == 1 { one } else { many });
    items.iter().filter(|i| i.0 > 0).map(notice).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_safe_and_unique() {
        use crate::model::labels::default_labels;
        use crate::model::state::{Snapshot, State};
        assert_eq!(super::token("Person name/Zoë-1"), "Person_name_Zo_-1");
        assert_eq!(super::token(""), "_");
        let mut labels = default_labels();
        for id in ["A B", "A_B", "A:B"] {
            labels.push(crate::model::Label { id: id.into(), ..labels[0].clone() });
        }
        let t = super::label_tokens(&State::new(Snapshot { labels, ..Snapshot::default() }));
        let names: Vec<&str> = t[8..].iter().map(|t| t.1.as_str()).collect();
        assert_eq!(names, ["A_B", "A_B_2", "A_B_3"]);
        assert_eq!(super::token_of(&t, "A:B"), "A_B_3");
    }

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
