//! What an importer reads from another tool's file, before it is placed in a document, and
//! what an exporter hands the browser to download.
use crate::model::annotation::Claim;

/// How a file counts its offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points (ours, doccano, brat, Label Studio: Python string indices).
    #[default]
    CodePoint,
    /// UTF-16 code units (tools written in JavaScript).
    Utf16,
    /// Not known (another tool's W3C file): code points where the quote matches there, else
    /// UTF-16 units.
    Either,
}

/// One span of another tool's file, as the file gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForeignSpan {
    /// The file's id for it (empty when it has none).
    pub id: String,
    /// The label as the file names it ("PER", "Person", "org").
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The text the file says is at the span (empty when it does not say).
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub note: String,
    /// A knowledge-base id of the thing named (a Wikidata Q-id).
    pub kb_id: String,
    /// Claim fields, where the format carries them (ours, W3C).
    pub claim: Option<Claim>,
    /// Where it is in the file, for messages ("line 3", "item 2").
    pub place: String,
}

/// Another tool's file, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Foreign {
    /// The format's name, for the import report ("brat", "doccano JSONL").
    pub format: &'static str,
    /// The text the file carries (brat's .txt, doccano's "text", Label Studio's data.text);
    /// None when it applies to the open article (a W3C collection).
    pub text: Option<String>,
    /// A title, when the file names one.
    pub title: String,
    pub unit: Unit,
    pub spans: Vec<ForeignSpan>,
    /// (type, from id, to id): links between spans, such as brat's `said_by` relations.
    pub relations: Vec<(String, String, String)>,
    /// Records that could not be read, each with where and why.
    pub failed: Vec<String>,
}

/// A file to download: its name, type and content, and what the format could not carry
/// ("3 overlapping spans: CoNLL keeps the outermost"), for the notice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Export {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    pub left_out: Vec<String>,
}
