//! doccano JSONL, the sequence-labelling form spaCy's converters read: one JSON object per
//! line, `{"text": "…", "label": [[start, end, "LABEL"], …]}`, offsets in code points. Export
//! writes that form with our label ids; import also reads doccano 1.7's `"entities"` list.
use super::foreign::{Export, Foreign, ForeignSpan, Unit};
use super::interchange::{add_all, gather, id, left_out, normalize, title};
use super::json_read::{Error, Json, Reader};
use super::json_write::{number, string};
use crate::model::state::State;

/// The article as one doccano line (`<slug>.doccano.jsonl`): every entity and claim as
/// `[start, end, label id]`.
pub fn export(state: &State) -> Export {
    let mut out = String::with_capacity(state.doc.text.len() + 64 + state.annotations().len() * 24);
    out.push_str("{\"text\":");
    string(&mut out, &state.doc.text);
    out.push_str(",\"label\":[");
    for (i, a) in state.annotations().iter().enumerate() {
        out.push_str(if i > 0 { ",[" } else { "[" });
        number(&mut out, a.start);
        out.push(',');
        number(&mut out, a.end);
        out.push(',');
        string(&mut out, &a.label);
        out.push(']');
    }
    out.push_str("]}\n");
    Export {
        name: format!("{}.doccano.jsonl", super::slug(&state.doc.title)),
        mime: "application/jsonl",
        bytes: out.into_bytes(),
        left_out: left_out(state, "doccano JSONL"),
    }
}

/// Read a doccano JSONL file: one document per non-empty line. A line that cannot be read is
/// reported ("line 3: …", in the first document's `failed`) and the others are read; `Err`
/// when no line could be.
pub fn read(jsonl: &str) -> Result<Vec<Foreign>, String> {
    let jsonl = jsonl.strip_prefix('\u{feff}').unwrap_or(jsonl);
    let (mut out, mut failed) = (Vec::new(), Vec::new());
    for (i, line) in jsonl.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let mut r = Reader::new(line);
        match r.whole().and_then(|v| record(&v, i + 1)) {
            Ok(f) => out.push(f),
            Err(e) if e.syntax => {
                let at = r.locate(&e);
                failed.push(format!("line {}: not JSON ({})", i + 1, at.strip_prefix("line 1, ").unwrap_or(&at)));
            }
            Err(e) => failed.push(format!("line {}: {}", i + 1, e.what)),
        }
    }
    gather(out, failed, "doccano JSONL: ", "lines")
}

/// Line `n`, one document.
fn record(v: &Json, n: usize) -> Result<Foreign, Box<Error>> {
    let mut f = Foreign { format: "doccano JSONL", unit: Unit::CodePoint, ..Foreign::default() };
    let (mut key_id, mut text, mut spans) = (String::new(), None, Vec::new());
    for (k, x) in v.obj("")? {
        match &**k {
            "id" => key_id = id(x)?,
            "text" => text = Some(x.str(k)?),
            "label" | "entities" => {
                let entities = k == "entities";
                for (m, item) in x.arr(k)?.iter().enumerate() {
                    let place = format!("line {n}, {} {}", if entities { "entity" } else { "label" }, m + 1);
                    match if entities { entity(item) } else { triple(item) } {
                        Ok(s) => spans.push(Ok(ForeignSpan { place, ..s })),
                        Err(e) => spans.push(Err(format!("{place}: {}", e.what))),
                    }
                }
            }
            _ => {}
        }
    }
    let text = v.need(text, "text")?.to_string();
    let len = text.chars().count();
    f.title = title(&text, &key_id);
    f.text = Some(text);
    add_all(&mut f, spans, Some(len));
    normalize(&mut f);
    Ok(f)
}

/// `[start, end, "LABEL"]`.
fn triple(v: &Json) -> Result<ForeignSpan, Box<Error>> {
    let mut s = ForeignSpan::default();
    let items = v.arr("")?;
    for (i, x) in items.iter().enumerate() {
        match i {
            0 => s.start = x.usize("")?,
            1 => s.end = x.usize("")?,
            2 => s.label = x.str("")?.into(),
            _ => {}
        }
    }
    if items.len() < 3 {
        return Err(Error { at: v.end, what: "a label should be [start, end, \"LABEL\"]".into(), syntax: false }.into());
    }
    Ok(s)
}

/// `{"id": 1, "start_offset": 0, "end_offset": 5, "label": "PER"}`.
fn entity(v: &Json) -> Result<ForeignSpan, Box<Error>> {
    let (mut s, mut start, mut end, mut label) = (ForeignSpan::default(), None, None, None);
    for (k, x) in v.obj("")? {
        match &**k {
            "id" => s.id = id(x)?,
            "start_offset" => start = Some(x.usize(k)?),
            "end_offset" => end = Some(x.usize(k)?),
            "label" => label = Some(x.str(k)?),
            _ => {}
        }
    }
    s.start = v.need(start, "start_offset")?;
    s.end = v.need(end, "end_offset")?;
    s.label = v.need(label, "label")?.into();
    Ok(s)
}
