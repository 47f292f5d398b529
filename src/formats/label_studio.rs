//! Label Studio JSON: a list of tasks, each `{"data": {"text": …}, "annotations": [{"result":
//! [{"type": "labels", "value": {"start", "end", "text", "labels": [..]}}]}]}`.
//!
//! Label Studio's front end counts offsets in UTF-16 code units (DESIGN §5), so export writes
//! UTF-16 units: the highlights land on the right characters after an emoji there. Files from
//! Label Studio come as either unit (`Unit::Either`: the quote at the position decides).
use super::foreign::{Export, Foreign, ForeignSpan, Unit};
use super::interchange::{add_all, field, gather, id, left_out, normalize, title};
use super::json_read::{Error, Json, Reader, Val};
use super::json_write::{number, string};
use super::native::not_json;
use super::report::label_name;
use crate::model::state::State;

/// The article as one task with one annotation (`<slug>.label-studio.json`), made at `now`;
/// each span is labelled with its label's name, as `config` names them.
pub fn export(state: &State, now: &str) -> Export {
    let (text, index) = (&state.doc.text, &state.index);
    let mut out = String::with_capacity(text.len() + 128 + state.annotations().len() * 200);
    out.push_str("[{\"id\":1,\"data\":{\"text\":");
    string(&mut out, text);
    out.push_str("},\"annotations\":[{\"result\":[");
    for (i, a) in state.annotations().iter().enumerate() {
        out.push_str(if i > 0 { ",{\"id\":" } else { "{\"id\":" });
        string(&mut out, &a.id);
        out.push_str(",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":");
        number(&mut out, index.cp_to_utf16(a.start));
        out.push_str(",\"end\":");
        number(&mut out, index.cp_to_utf16(a.end));
        field(&mut out, "text", index.slice(text, a.start, a.end));
        out.push_str(",\"labels\":[");
        string(&mut out, label_name(state, &a.label));
        out.push_str("]}}");
    }
    out.push(']');
    field(&mut out, "created_at", now);
    out.push_str("}]}]");
    Export {
        name: format!("{}.label-studio.json", super::slug(&state.doc.title)),
        mime: "application/json",
        bytes: out.into_bytes(),
        left_out: left_out(state, "Label Studio"),
    }
}

/// The labelling config that matches `export`: one `Label` per label of the document, by
/// name, in its colour. For the default labels it begins:
///
/// ```xml
/// <View>
///   <Labels name="label" toName="text">
///     <Label value="Person" background="#e69f00"/>
///     <Label value="Organization" background="#56b4e9"/>
///     …
///   </Labels>
///   <Text name="text" value="$text"/>
/// </View>
/// ```
pub fn config(state: &State) -> String {
    let mut out = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in state.labels.iter() {
        out.push_str("    <Label value=\"");
        attr(&mut out, &l.name);
        out.push_str("\" background=\"");
        attr(&mut out, &l.color);
        out.push_str("\"/>\n");
    }
    out.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
    out
}

/// Append `s` escaped for an XML attribute in double quotes: as the report escapes its text,
/// and line breaks and tabs as character references (an attribute's own would read as spaces).
fn attr(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.bytes().position(|b| b == b'\n' || b == b'\t') {
        super::report::escape(out, &rest[..i]);
        out.push_str(if rest.as_bytes()[i] == b'\n' { "&#10;" } else { "&#9;" });
        rest = &rest[i + 1..];
    }
    super::report::escape(out, rest);
}

/// Read a Label Studio export: a list of tasks, or one task. Each task with a text becomes a
/// document, its spans from the first annotation (else the first prediction); a task that
/// cannot be read is reported in the first document's `failed`. `Err` when the file is not
/// JSON or no task could be read.
pub fn read(json: &str) -> Result<Vec<Foreign>, String> {
    let (mut out, mut failed) = (Vec::new(), Vec::new());
    let mut r = Reader::new(json);
    let all = r.whole().map_err(|e| not_json(&r, &e))?;
    for (n, v) in all.each().iter().enumerate() {
        match task(&r, v, n + 1) {
            Ok(f) => out.push(f),
            Err(e) => failed.push(format!("task {}: {}", n + 1, r.locate(&e))),
        }
    }
    gather(out, failed, "a Label Studio export: ", "tasks")
}

type Results = Option<Vec<Result<ForeignSpan, String>>>;

/// Task `n`, a document.
fn task(r: &Reader, v: &Json, n: usize) -> Result<Foreign, Box<Error>> {
    let mut f = Foreign { format: "Label Studio", unit: Unit::Either, ..Foreign::default() };
    let (mut task_id, mut text, mut done, mut predicted): (_, _, Results, Results) = (String::new(), None, None, None);
    for (k, x) in v.obj("")? {
        match &**k {
            "id" => task_id = id(x)?,
            "data" => text = data(x)?,
            "annotations" => done = first_result(r, x, k, n)?,
            "predictions" => predicted = first_result(r, x, k, n)?,
            _ => {}
        }
    }
    let Some(text) = text else { return Err(r.at(v.end).error("the task's \"data\" holds no text".into()).into()) };
    let text = text.to_string();
    let len = text.encode_utf16().count();
    f.title = title(&text, &task_id);
    f.text = Some(text);
    add_all(&mut f, done.or(predicted).unwrap_or_default(), Some(len));
    normalize(&mut f);
    Ok(f)
}

/// The task's text: `data.text`, else the first string in `data`.
fn data<'v>(v: &'v Json) -> Result<Option<&'v str>, Box<Error>> {
    let mut text = None;
    for (k, x) in v.obj("data")? {
        if matches!(x.val, Val::Str(_) | Val::Bad(_)) && (k == "text" || text.is_none()) {
            text = Some(x.str(k)?);
        }
    }
    Ok(text)
}

/// The labelled spans of the first annotation (or prediction) of the list `v`, the value of
/// `key`; `None` when the list is empty.
fn first_result(r: &Reader, v: &Json, key: &str, n: usize) -> Result<Results, Box<Error>> {
    let Some(first) = v.arr(key)?.first() else { return Ok(None) };
    let mut spans = Vec::new();
    for (k, x) in first.obj("")?.iter().filter(|(k, _)| k == "result") {
        for (m, item) in x.arr(k)?.iter().enumerate() {
            let place = format!("task {n}, result {}", m + 1);
            match result(item) {
                Ok(Some(s)) => spans.push(Ok(ForeignSpan { place, ..s })),
                Ok(None) => {}
                Err(e) => spans.push(Err(format!("{place}: {}", r.locate(&e)))),
            }
        }
    }
    Ok(Some(spans))
}

/// One result: a span when its type is "labels" (others, such as relations, are passed over).
fn result(v: &Json) -> Result<Option<ForeignSpan>, Box<Error>> {
    let (mut s, mut labels, mut value) = (ForeignSpan::default(), false, None);
    for (k, x) in v.obj("")? {
        match &**k {
            "id" => s.id = id(x)?,
            "type" => labels = x.str(k)? == "labels",
            "value" => value = Some(span_value(x, &mut s)),
            _ => {}
        }
    }
    if !labels {
        return Ok(None);
    }
    v.need(value, "value")??;
    Ok(Some(s))
}

/// A labelled span's `value`: `start`, `end`, `text` and the first of `labels`.
fn span_value(v: &Json, s: &mut ForeignSpan) -> Result<(), Box<Error>> {
    let (mut start, mut end) = (None, None);
    for (k, x) in v.obj("value")? {
        match &**k {
            "start" => start = Some(x.usize(k)?),
            "end" => end = Some(x.usize(k)?),
            "text" => s.quote = x.str(k)?.into(),
            "labels" => s.label = x.strings(k)?.first().copied().unwrap_or("").into(),
            _ => {}
        }
    }
    s.start = v.need(start, "start")?;
    s.end = v.need(end, "end")?;
    Ok(())
}
