//! Reading W3C Web Annotation files (see `w3c` for the form we write): ours back whole,
//! Hypothesis exports and Recogito-style collections as far as they go.
use super::foreign::{Foreign, ForeignSpan, Unit};
use super::interchange::{add, dedupe, id};
use super::json_read::{Error, Json, Reader, Val};
use super::native::{not_json, SAID_BY};
use super::w3c::{GENERATOR, URN};
use crate::model::meta::parse_kb_id;

/// Read a W3C Web Annotation file: a collection (its first page embedded, or `items` given
/// directly), a page, a list of annotations, one annotation, or a Hypothesis export (a list,
/// or `{"rows": [...]}`). Ours count in code points; other tools' in code points or UTF-16
/// units (`Unit::Either`). `Err` says why the whole file was refused.
pub fn read(json: &str) -> Result<Foreign, String> {
    let mut f = Foreign { format: "W3C Web Annotation", unit: Unit::Either, ..Foreign::default() };
    let mut r = Reader::new(json);
    let top = r.whole().and_then(|v| file(&r, &v, &mut f));
    let Some(base) = top.map_err(|e| not_json(&r, &e))? else {
        return Err("The file holds JSON, but no Web Annotations (no \"items\", \"first\" page or \"rows\").".into());
    };
    if let Some(base) = base.filter(|b| b.starts_with(URN)) {
        // Ours: back to the document's own ids.
        let local = |id: &mut String| {
            if let Some(rest) = id.strip_prefix(&base).and_then(|r| r.strip_prefix(':')) {
                *id = rest.to_string();
            }
        };
        f.unit = Unit::CodePoint;
        f.spans.iter_mut().for_each(|s| local(&mut s.id));
        f.relations.iter_mut().for_each(|(_, from, to)| {
            local(from);
            local(to);
        });
    }
    dedupe(&mut f);
    Ok(f)
}

/// The top level (`v`): `None` when it holds no annotations; else the collection's id when
/// it is one we generated (empty otherwise).
fn file(r: &Reader, v: &Json, f: &mut Foreign) -> Result<Option<Option<String>>, Box<Error>> {
    let entries = match &v.val {
        Val::Arr(list) => {
            items(r, list, f);
            return Ok(Some(None));
        }
        Val::Obj(entries) => entries,
        _ => return Ok(None),
    };
    let (mut found, mut one, mut ours, mut base) = (false, false, false, "");
    for (k, x) in entries {
        match &**k {
            "id" => base = x.text().unwrap_or(""),
            "label" => f.title = x.text().unwrap_or("").into(),
            "generator" => ours = generator(x),
            "first" if matches!(x.val, Val::Obj(_)) => found |= file(r, x, f)?.is_some(),
            "items" | "rows" => {
                items(r, x.arr(k)?, f);
                found = true;
            }
            "target" => one = true,
            _ => {}
        }
    }
    if !found && one {
        items_one(r, v, f, 1);
        found = true;
    }
    Ok(found.then(|| ours.then(|| base.to_string())))
}

/// Whether a `generator` names this app.
fn generator(v: &Json) -> bool {
    let mut ours = false;
    if let Val::Obj(entries) = &v.val {
        for (_, x) in entries.iter().filter(|(k, _)| k == "name") {
            ours = x.text() == Some(GENERATOR);
        }
    }
    ours
}

/// A list of annotations, each read on its own.
fn items(r: &Reader, list: &[Json], f: &mut Foreign) {
    for (n, v) in list.iter().enumerate() {
        items_one(r, v, f, n + 1);
    }
}

/// Annotation `n` of the file: added to `f`, or said in `f.failed` why not.
fn items_one(r: &Reader, v: &Json, f: &mut Foreign, n: usize) {
    let place = format!("item {n}");
    let mut links = Vec::new();
    match annotation(r, v, &place, &mut links) {
        Ok(Some(s)) => {
            for to in links {
                f.relations.push((SAID_BY.to_string(), s.id.clone(), to));
            }
            add(f, s, None);
        }
        Ok(None) => f.failed.push(format!("{place}: it has neither a TextQuoteSelector nor a TextPositionSelector")),
        Err(e) => f.failed.push(format!("{place}: {}", r.locate(&e))),
    }
}

/// One annotation (W3C or Hypothesis); `None` when it selects no text. Our speaker links go
/// to `links`.
fn annotation(r: &Reader, v: &Json, place: &str, links: &mut Vec<String>) -> Result<Option<ForeignSpan>, Box<Error>> {
    let mut s = ForeignSpan { place: place.to_string(), ..ForeignSpan::default() };
    let mut selected = false;
    for (k, x) in v.obj("")? {
        match &**k {
            "id" => s.id = id(x)?,
            "body" => {
                for b in x.each() {
                    body(b, &mut s, links)?;
                }
            }
            "bodyValue" | "text" => s.note = x.str(k)?.into(),
            "tags" => {
                for tag in x.strings(k)? {
                    if s.label.is_empty() {
                        s.label = tag.into();
                    }
                }
            }
            "target" => selected |= target(x, &mut s)?,
            "aa:claim" => {
                x.obj(k)?;
                s.claim = Some(super::native_read::claim(&mut r.at(x.at))?);
            }
            _ => {}
        }
    }
    Ok(selected.then_some(s))
}

/// One body: the label (the first tag), a note, a Wikidata link, or our speaker link.
fn body(v: &Json, s: &mut ForeignSpan, links: &mut Vec<String>) -> Result<(), Box<Error>> {
    let Val::Obj(entries) = &v.val else { return Ok(()) };
    let (mut purpose, mut value, mut source, mut label) = ("", "", "", None);
    for (k, x) in entries {
        match &**k {
            "purpose" => purpose = x.text().unwrap_or(""),
            "value" => value = x.str(k)?,
            "source" => source = x.text().unwrap_or(""),
            "aa:label" => label = Some(x.str(k)?),
            _ => {}
        }
    }
    match purpose {
        "tagging" if s.label.is_empty() => s.label = label.unwrap_or(value).into(),
        "commenting" | "" if s.note.is_empty() => s.note = value.into(),
        "identifying" if source.contains("wikidata.org/") => s.kb_id = parse_kb_id(source).unwrap_or_default(),
        "linking" if source.starts_with(URN) => links.push(source.into()),
        _ => {}
    }
    Ok(())
}

/// A target (or the first of a list that selects text): its quote and position selectors.
fn target(v: &Json, s: &mut ForeignSpan) -> Result<bool, Box<Error>> {
    let mut found = false;
    match &v.val {
        Val::Arr(list) => {
            for t in list {
                if !found {
                    found = target(t, s)?;
                }
            }
        }
        Val::Obj(entries) => {
            for (_, x) in entries.iter().filter(|(k, _)| k == "selector") {
                for sel in x.each() {
                    found |= selector(sel, s)?;
                }
            }
        }
        _ => {}
    }
    Ok(found)
}

/// A `TextQuoteSelector` or `TextPositionSelector` (true), or another kind (passed over).
fn selector(v: &Json, s: &mut ForeignSpan) -> Result<bool, Box<Error>> {
    let Val::Obj(entries) = &v.val else { return Ok(false) };
    let (mut kind, mut start, mut end) = ("", None, None);
    let (mut exact, mut prefix, mut suffix) = (None, "", "");
    for (k, x) in entries {
        match &**k {
            "type" => kind = x.str(k)?,
            "exact" => exact = Some(x.str(k)?),
            "prefix" => prefix = x.str(k)?,
            "suffix" => suffix = x.str(k)?,
            "start" => start = Some(x.usize(k)?),
            "end" => end = Some(x.usize(k)?),
            _ => {}
        }
    }
    match (kind, exact, start, end) {
        ("TextQuoteSelector", Some(exact), ..) => {
            (s.quote, s.prefix, s.suffix) = (exact.into(), prefix.into(), suffix.into());
            Ok(true)
        }
        ("TextPositionSelector", _, Some(start), Some(end)) => {
            (s.start, s.end) = (start, end);
            Ok(true)
        }
        _ => Ok(false),
    }
}
