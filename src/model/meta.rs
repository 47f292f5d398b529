//! What a document keeps beside its annotations: its labels, its entities (the real-world
//! things that mentions point to) and the rating scale of its claims' verdicts.
use super::annotation::UNVERIFIED;
use super::labels::Label;
use serde::Serialize;
use std::rc::Rc;

/// One real-world entity: the mentions that point to it (`entity_ref`) are the same thing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// A label id (an entity label).
    pub label: String,
    pub aliases: Vec<String>,
    /// A Wikidata id ("Q" and digits), or empty.
    pub kb_id: String,
}

impl Entity {
    /// Whether `text` is this entity's name or one of its aliases.
    pub fn is_named(&self, text: &str) -> bool {
        self.name == text || self.aliases.iter().any(|a| a == text)
    }

    /// The knowledge-base page, when the entity has an id.
    pub fn kb_url(&self) -> Option<String> {
        (!self.kb_id.is_empty()).then(|| format!("https://www.wikidata.org/wiki/{}", self.kb_id))
    }
}

/// Whether `id` is a well-formed Wikidata item id: "Q" and digits, no leading zero.
pub fn is_kb_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|n| !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A knowledge-base id as typed ("q42", " Q42 ", or a Wikidata address) in its canonical
/// form; `Err` says why it is not one.
pub fn parse_kb_id(input: &str) -> Result<String, String> {
    let s = input.trim();
    let s = s.rsplit('/').next().unwrap_or(s);
    let id = s.strip_prefix('q').map(|n| format!("Q{n}")).unwrap_or_else(|| s.to_string());
    if id.is_empty() || is_kb_id(&id) {
        Ok(id)
    } else {
        Err(format!("“{}” is not a Wikidata id: a Q followed by digits, like Q42.", input.trim()))
    }
}

/// How well an entity's names match `text`, for "Link to…" (higher first): the same name,
/// an alias, a name that contains the text or is contained in it (a surname), a shared word.
pub fn match_score(e: &Entity, text: &str) -> u8 {
    let t = text.trim();
    let names = || std::iter::once(&e.name).chain(&e.aliases);
    if e.name == t {
        4
    } else if e.aliases.iter().any(|a| a == t) {
        3
    } else if names().any(|n| n.contains(t) || t.contains(n.as_str())) {
        2
    } else if names().any(|n| n.split_whitespace().any(|w| t.split_whitespace().any(|x| x == w))) {
        1
    } else {
        0
    }
}

/// One verdict a claim can get, with its number for ClaimReview's `ratingValue` (0: the
/// scale does not rank it, as "Unverifiable").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rating {
    pub id: String,
    pub name: String,
    pub value: u32,
}

/// The default scale, worst to best after "Unverified" (no verdict yet) and before
/// "Unverifiable".
pub fn default_scale() -> Vec<Rating> {
    [
        (UNVERIFIED, "Unverified", 0),
        ("true", "True", 5),
        ("mostly_true", "Mostly true", 4),
        ("mixed", "Mixed", 3),
        ("mostly_false", "Mostly false", 2),
        ("false", "False", 1),
        ("unverifiable", "Unverifiable", 0),
    ]
    .iter()
    .map(|(id, name, value)| Rating { id: id.to_string(), name: name.to_string(), value: *value })
    .collect()
}

/// The name of verdict `id` on `scale` (the id itself when the scale lacks it).
pub fn rating_name<'a>(scale: &'a [Rating], id: &'a str) -> &'a str {
    scale.iter().find(|r| r.id == id).map_or(id, |r| r.name.as_str())
}

/// Whether `url` is a checked evidence link: http or https, with a host.
pub fn is_web_link(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !url.chars().any(char::is_whitespace) && host.contains(|c: char| c.is_alphanumeric())
    })
}

/// The document-level data an edit can change as a whole: labels, entities, rating scale,
/// and the annotations an import could not place. (Each behind an `Rc`: an edit that changes
/// one shares the others.)
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Meta {
    pub labels: Rc<Vec<Label>>,
    pub entities: Rc<Vec<Entity>>,
    pub scale: Rc<Vec<Rating>>,
    /// Annotations of imported files that could not be placed in the text (their offsets and
    /// quote as the file gave them); each can be re-attached to a selection.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orphans: Rc<Vec<super::annotation::Annotation>>,
}

/// A fresh id for a new entity or label, not among `taken`.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.clone().any(|t| t == id)).unwrap_or_default()
}

/// The colour-blind-safe palette new labels take their colours from (Okabe–Ito, then Tol's
/// muted colours).
pub const PALETTE: &[&str] = &[
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#0072b2", "#d55e00", "#8c8c8c", "#88ccee", "#44aa99",
    "#117733", "#999933", "#ddcc77", "#cc6677", "#882255", "#aa4499",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kb_ids() {
        assert!(is_kb_id("Q42"));
        assert!(!is_kb_id("Q042") && !is_kb_id("Q") && !is_kb_id("P31") && !is_kb_id("Q4x"));
        assert_eq!(parse_kb_id(" q42 ").unwrap(), "Q42");
        assert_eq!(parse_kb_id("https://www.wikidata.org/wiki/Q7747").unwrap(), "Q7747");
        assert_eq!(parse_kb_id("").unwrap(), "");
        assert!(parse_kb_id("Putin").is_err());
    }

    #[test]
    fn links() {
        assert!(is_web_link("https://example.org/a?b#c"));
        assert!(is_web_link("http://例え.jp/"));
        assert!(!is_web_link("javascript:alert(1)") && !is_web_link("ftp://x.org") && !is_web_link("https://"));
        assert!(!is_web_link("https://exa mple.org"));
    }

    #[test]
    fn scores() {
        let e = Entity {
            id: "e1".into(),
            name: "Xi Jinping".into(),
            label: "PERSON".into(),
            aliases: vec!["President Xi".into()],
            kb_id: String::new(),
        };
        assert_eq!(match_score(&e, "Xi Jinping"), 4);
        assert_eq!(match_score(&e, "President Xi"), 3);
        assert_eq!(match_score(&e, "Xi"), 2);
        assert_eq!(match_score(&e, "Jinping Xi"), 1);
        assert_eq!(match_score(&e, "Lukashenko"), 0);
    }

    #[test]
    fn ids() {
        let taken = ["e1", "e2"];
        assert_eq!(fresh_id("e", taken.iter().copied()), "e3");
    }
}
