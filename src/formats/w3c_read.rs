//! Reading W3C Web Annotation files (see `w3c` for the form we write): ours back whole,
//! Hypothesis exports and Recogito-style collections as far as they go.
use super::foreign::{Foreign, ForeignSpan, Unit};
use super::interchange::{add, dedupe, id};
use super::json_read::{Error, Reader};
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
    let top = file(&mut r, &mut f).and_then(|top| r.finish().map(|()| top));
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

/// The top level: `None` when it holds no annotations; else the collection's id when it is
/// one we generated (empty otherwise).
fn file(r: &mut Reader, f: &mut Foreign) -> Result<Option<Option<String>>, Error> {
    match r.peek() {
        b'[' => items(r, f).map(|()| Some(None)),
        b'{' => {
            let mark = r.mark();
            let (mut found, mut one, mut ours, mut base) = (false, false, false, String::new());
            r.object()?;
            while let Some(k) = r.key()? {
                match &*k {
                    "id" => base = r.attempt(Reader::string)?.unwrap_or_default(),
                    "label" => f.title = r.attempt(Reader::string)?.unwrap_or_default(),
                    "generator" => ours = generator(r)?,
                    "first" if r.peek() == b'{' => found |= file(r, f)?.is_some(),
                    "items" | "rows" => {
                        items(r, f)?;
                        found = true;
                    }
                    "target" => {
                        one = true;
                        r.skip()?;
                    }
                    _ => r.skip()?,
                }
            }
            if !found && one {
                r.rewind(mark);
                items_one(r, f, 1)?;
                found = true;
            }
            Ok(found.then(|| ours.then_some(base)))
        }
        _ => r.skip().map(|()| None),
    }
}

/// Whether a `generator` names this app.
fn generator(r: &mut Reader) -> Result<bool, Error> {
    if r.peek() != b'{' {
        return r.skip().map(|()| false);
    }
    let mut ours = false;
    r.object()?;
    while let Some(k) = r.key()? {
        if k == "name" {
            ours = r.attempt(Reader::str)?.is_ok_and(|n| n == GENERATOR);
        } else {
            r.skip()?;
        }
    }
    Ok(ours)
}

/// A list of annotations, each read on its own.
fn items(r: &mut Reader, f: &mut Foreign) -> Result<(), Error> {
    r.array()?;
    let mut n = 0;
    while r.item()? {
        n += 1;
        items_one(r, f, n)?;
    }
    Ok(())
}

/// Annotation `n` of the file: added to `f`, or said in `f.failed` why not.
fn items_one(r: &mut Reader, f: &mut Foreign, n: usize) -> Result<(), Error> {
    let place = format!("item {n}");
    let mut links = Vec::new();
    match r.attempt(|r| annotation(r, &place, &mut links))? {
        Ok(Some(s)) => {
            for to in links {
                f.relations.push((SAID_BY.to_string(), s.id.clone(), to));
            }
            add(f, s, None);
        }
        Ok(None) => f.failed.push(format!("{place}: it has neither a TextQuoteSelector nor a TextPositionSelector")),
        Err(e) => f.failed.push(format!("{place}: {}", r.locate(&e))),
    }
    Ok(())
}

/// One annotation (W3C or Hypothesis); `None` when it selects no text. Our speaker links go
/// to `links`.
fn annotation(r: &mut Reader, place: &str, links: &mut Vec<String>) -> Result<Option<ForeignSpan>, Error> {
    let mut s = ForeignSpan { place: place.to_string(), ..ForeignSpan::default() };
    let mut selected = false;
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "id" => s.id = id(r)?,
            "body" if r.peek() == b'[' => {
                r.array()?;
                while r.item()? {
                    body(r, &mut s, links)?;
                }
            }
            "body" => body(r, &mut s, links)?,
            "bodyValue" | "text" => s.note = r.string()?,
            "tags" => {
                for tag in r.list(Reader::string)? {
                    if s.label.is_empty() {
                        s.label = tag;
                    }
                }
            }
            "target" => selected |= target(r, &mut s)?,
            "aa:claim" => s.claim = Some(super::native_read::claim(r)?),
            _ => r.skip()?,
        }
    }
    Ok(selected.then_some(s))
}

/// One body: the label (the first tag), a note, a Wikidata link, or our speaker link.
fn body(r: &mut Reader, s: &mut ForeignSpan, links: &mut Vec<String>) -> Result<(), Error> {
    if r.peek() != b'{' {
        return r.skip();
    }
    let (mut purpose, mut value, mut source, mut label) = (String::new(), String::new(), String::new(), None);
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "purpose" => purpose = r.attempt(Reader::string)?.unwrap_or_default(),
            "value" => value = r.string()?,
            "source" => source = r.attempt(Reader::string)?.unwrap_or_default(),
            "aa:label" => label = Some(r.string()?),
            _ => r.skip()?,
        }
    }
    match purpose.as_str() {
        "tagging" if s.label.is_empty() => s.label = label.unwrap_or(value),
        "commenting" | "" if s.note.is_empty() => s.note = value,
        "identifying" if source.contains("wikidata.org/") => s.kb_id = parse_kb_id(&source).unwrap_or_default(),
        "linking" if source.starts_with(URN) => links.push(source),
        _ => {}
    }
    Ok(())
}

/// A target (or the first of a list that selects text): its quote and position selectors.
fn target(r: &mut Reader, s: &mut ForeignSpan) -> Result<bool, Error> {
    let mut found = false;
    match r.peek() {
        b'[' => {
            r.array()?;
            while r.item()? {
                if found {
                    r.skip()?;
                } else {
                    found = target(r, s)?;
                }
            }
        }
        b'{' => {
            r.object()?;
            while let Some(k) = r.key()? {
                match &*k {
                    "selector" if r.peek() == b'[' => {
                        r.array()?;
                        while r.item()? {
                            found |= selector(r, s)?;
                        }
                    }
                    "selector" => found |= selector(r, s)?,
                    _ => r.skip()?,
                }
            }
        }
        _ => r.skip()?,
    }
    Ok(found)
}

/// A `TextQuoteSelector` or `TextPositionSelector` (true), or another kind (passed over).
fn selector(r: &mut Reader, s: &mut ForeignSpan) -> Result<bool, Error> {
    if r.peek() != b'{' {
        return r.skip().map(|()| false);
    }
    let (mut kind, mut start, mut end) = (String::new(), None, None);
    let (mut exact, mut prefix, mut suffix) = (None, String::new(), String::new());
    r.object()?;
    while let Some(k) = r.key()? {
        match &*k {
            "type" => kind = r.string()?,
            "exact" => exact = Some(r.string()?),
            "prefix" => prefix = r.string()?,
            "suffix" => suffix = r.string()?,
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            _ => r.skip()?,
        }
    }
    match (kind.as_str(), exact, start, end) {
        ("TextQuoteSelector", Some(exact), ..) => {
            (s.quote, s.prefix, s.suffix) = (exact, prefix, suffix);
            Ok(true)
        }
        ("TextPositionSelector", _, Some(start), Some(end)) => {
            (s.start, s.end) = (start, end);
            Ok(true)
        }
        _ => Ok(false),
    }
}
