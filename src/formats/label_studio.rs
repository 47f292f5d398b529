//! Label Studio JSON: a list of tasks, each `{"data": {"text": …}, "annotations": [{"result":
//! [{"type": "labels", "value": {"start", "end", "text", "labels": [..]}}]}]}`.
//!
//! Label Studio's front end counts offsets in UTF-16 code units (DESIGN §5), so export writes
//! UTF-16 units: the highlights land on the right characters after an emoji there. Files from
//! Label Studio come as either unit (`Unit::Either`: the quote at the position decides).
use super::foreign::{Export, Foreign, ForeignSpan, Unit};
use super::interchange::{add_all, field, id, left_out, normalize, title};
use super::json_read::{Error, Reader};
use super::json_write::{number, string};
use super::native::not_json;
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
        string(&mut out, state.label(&a.label).map_or(&a.label, |l| &l.name));
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
    while let Some(i) = rest.find(['\n', '\t']) {
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
    let all = if r.peek() == b'[' {
        r.array().and_then(|()| {
            let mut n = 0;
            while r.item()? {
                n += 1;
                task(&mut r, n, &mut out, &mut failed)?;
            }
            Ok(())
        })
    } else {
        task(&mut r, 1, &mut out, &mut failed)
    };
    all.and_then(|()| r.finish()).map_err(|e| not_json(&r, &e))?;
    let Some(first) = out.first_mut() else {
        let why = failed.first().cloned().unwrap_or_else(|| "it holds no tasks".into());
        return Err(format!("The file is not a Label Studio export: {why}."));
    };
    failed.append(&mut first.failed);
    first.failed = failed;
    Ok(out)
}

/// Task `n`: a document in `out`, or why not in `failed`.
fn task(r: &mut Reader, n: usize, out: &mut Vec<Foreign>, failed: &mut Vec<String>) -> Result<(), Error> {
    match r.attempt(|r| task_in(r, n))? {
        Ok(f) => out.push(f),
        Err(e) => failed.push(format!("task {n}: {}", r.locate(&e))),
    }
    Ok(())
}

type Results = Option<Vec<Result<ForeignSpan, String>>>;

fn task_in(r: &mut Reader, n: usize) -> Result<Foreign, Error> {
    let mut f = Foreign { format: "Label Studio", unit: Unit::Either, ..Foreign::default() };
    let (mut task_id, mut text, mut done, mut predicted): (_, _, Results, Results) = (String::new(), None, None, None);
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "id" => task_id = id(r)?,
            "data" => text = data(r)?,
            "annotations" => done = first_result(r, n)?,
            "predictions" => predicted = first_result(r, n)?,
            _ => r.skip()?,
        }
    }
    let Some(text) = text else { return Err(r.error("the task's \"data\" holds no text".into())) };
    let len = text.encode_utf16().count();
    f.title = title(&text, &task_id);
    f.text = Some(text);
    add_all(&mut f, done.or(predicted).unwrap_or_default(), Some(len));
    normalize(&mut f);
    Ok(f)
}

/// The task's text: `data.text`, else the first string in `data`.
fn data(r: &mut Reader) -> Result<Option<String>, Error> {
    let mut text = None;
    r.object()?;
    while let Some(k) = r.key()? {
        if r.peek() == b'"' && (k == "text" || text.is_none()) {
            text = Some(r.string()?);
        } else {
            r.skip()?;
        }
    }
    Ok(text)
}

/// The labelled spans of the first annotation (or prediction) of a list; `None` when the list
/// is empty.
fn first_result(r: &mut Reader, n: usize) -> Result<Results, Error> {
    let mut got = None;
    r.array()?;
    while r.item()? {
        if got.is_some() {
            r.skip()?;
            continue;
        }
        let mut spans = Vec::new();
        r.object()?;
        while let Some(k) = r.key()? {
            if k != "result" {
                r.skip()?;
                continue;
            }
            r.array()?;
            let mut m = 0;
            while r.item()? {
                m += 1;
                let place = format!("task {n}, result {m}");
                match r.attempt(result)? {
                    Ok(Some(s)) => spans.push(Ok(ForeignSpan { place, ..s })),
                    Ok(None) => {}
                    Err(e) => spans.push(Err(format!("{place}: {}", r.locate(&e)))),
                }
            }
        }
        got = Some(spans);
    }
    Ok(got)
}

/// One result: a span when its type is "labels" (others, such as relations, are passed over).
fn result(r: &mut Reader) -> Result<Option<ForeignSpan>, Error> {
    let (mut s, mut labels, mut value) = (ForeignSpan::default(), false, None);
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "id" => s.id = id(r)?,
            "type" => labels = r.str()? == "labels",
            "value" => value = Some(r.attempt(|r| span_value(r, &mut s))?),
            _ => r.skip()?,
        }
    }
    if !labels {
        return Ok(None);
    }
    r.need(value, "value")??;
    Ok(Some(s))
}

/// A labelled span's `value`: `start`, `end`, `text` and the first of `labels`.
fn span_value(r: &mut Reader, s: &mut ForeignSpan) -> Result<(), Error> {
    let (mut start, mut end) = (None, None);
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            "text" => s.quote = r.string()?,
            "labels" => s.label = r.list(Reader::string)?.into_iter().next().unwrap_or_default(),
            _ => r.skip()?,
        }
    }
    s.start = r.need(start, "start")?;
    s.end = r.need(end, "end")?;
    Ok(())
}
