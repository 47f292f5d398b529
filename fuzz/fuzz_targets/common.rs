// Shared by the targets: every file read is placed in a small document, as an import does, so
// that placing (label mapping, landing by position, UTF-16, quote and approximate match) runs on
// whatever the reader let through.
use article_annotator::formats::foreign::Foreign;
use article_annotator::formats::place;
use article_annotator::model::state::{Snapshot, State};
use article_annotator::model::{default_labels, Document};

const TEXT: &str = "Emoji 😀 first. 北京 met Zoë and Rene\u{301}e.\nThe minister said prices will fall.";

pub fn land(files: Vec<Foreign>) {
    let open = State::new(Snapshot { doc: Document::from_text(TEXT, "fuzz"), labels: default_labels(), ..Snapshot::default() });
    for mut f in files {
        match f.text.take() {
            None => drop(place::land_all(&f, &open, "2026-01-01T00:00:00Z")),
            Some(raw) => {
                place::quote_from(&mut f.spans, &raw, f.unit);
                let doc = Document::from_text(&raw, "fuzz");
                let state = State::new(Snapshot { doc, labels: default_labels(), ..Snapshot::default() });
                drop(place::land_all(&f, &state, "2026-01-01T00:00:00Z"));
            }
        }
    }
}
