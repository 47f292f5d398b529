//! The label set: what a span can be tagged as, its colour and its number key.
use super::annotation::Kind;
use serde::Serialize;

/// A tag a span can carry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub color: String,
    pub key: String,
}

/// The default labels: seven entity types and Claim, coloured from the Okabe–Ito palette so
/// they stay apart for colour-blind readers.
pub fn default_labels() -> Vec<Label> {
    [
        ("PERSON", "Person", Kind::Entity, "#e69f00"),
        ("ORG", "Organization", Kind::Entity, "#56b4e9"),
        ("LOC", "Location", Kind::Entity, "#009e73"),
        ("DATE", "Date", Kind::Entity, "#f0e442"),
        ("EVENT", "Event", Kind::Entity, "#cc79a7"),
        ("QUANTITY", "Quantity", Kind::Entity, "#0072b2"),
        ("OTHER", "Other", Kind::Entity, "#8c8c8c"),
        ("CLAIM", "Claim", Kind::Claim, "#d55e00"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (id, name, kind, color))| Label {
        id: id.to_string(),
        name: name.to_string(),
        kind: *kind,
        color: color.to_string(),
        key: (i + 1).to_string(),
    })
    .collect()
}

/// The label with this id, if any.
pub fn find<'a>(labels: &'a [Label], id: &str) -> Option<&'a Label> {
    labels.iter().find(|l| l.id == id)
}

/// The label bound to a key ("1"…"9"), if any.
pub fn by_key<'a>(labels: &'a [Label], key: &str) -> Option<&'a Label> {
    labels.iter().find(|l| !l.key.is_empty() && l.key == key)
}
