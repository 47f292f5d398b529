//! The HTML report: one self-contained page (no script, nothing fetched) holding the article
//! with its highlights, a legend, the entities by label and a table of the claims, made to be
//! read on screen and printed.
use super::foreign::Export;
use super::{label_tokens, slug};
use crate::model::annotation::{Annotation, Kind};
use crate::model::layout::segments;
use crate::model::meta::{is_web_link, rating_name};
use crate::model::order::{by_key, ranks};
use crate::model::state::State;
use std::fmt::Write;
use std::rc::Rc;

const STYLE: &str = "body{font:17px/1.6 Georgia,serif;color:#111;background:#fff;max-width:46em;margin:2em auto;padding:0 1em}\
h1{line-height:1.25}h2{font:600 1.15em system-ui,sans-serif;border-bottom:1px solid #bbb;margin-top:2em}\
h3,dl,ul,table,.n{font-family:system-ui,sans-serif;font-size:.9rem}dl{display:grid;grid-template-columns:auto 1fr;gap:0 1em}\
dt{color:#555}dd{margin:0}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}.n{color:#555}\
mark{color:#111;border-bottom:2px solid;padding:0 1px}mark mark{padding-bottom:3px}mark mark mark{padding-bottom:5px}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#eee}a{color:#0645ad}\
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{margin:0;max-width:none}\
tr{break-inside:avoid;page-break-inside:avoid}h2,h3{break-after:avoid}a[href]::after{content:\" (\" attr(href) \")\"}}";

/// Append `s` to `out` with `& < > " '` escaped, for text and attribute values alike.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Append `open`, `text` escaped, then `close`.
fn el(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    escape(out, text);
    out.push_str(close);
}

/// A label colour ("#e69f00" or "#fa0"; grey when it is not one) and a light tint of it, a
/// background dark text reads well on.
fn colors(c: &str) -> (u32, u32) {
    let hex = c.strip_prefix('#').filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit())).unwrap_or("");
    let full: String = match hex.len() {
        3 => {
            let mut full = String::new();
            for c in hex.chars() {
                full.push(c);
                full.push(c);
            }
            full
        }
        6 => hex.into(),
        _ => "8c8c8c".into(),
    };
    let v = u32::from_str_radix(&full, 16).unwrap_or(0x8c8c8c);
    (v, [16, 8, 0].iter().fold(0, |t, s| (t << 8) | ((((v >> s) & 0xff) + 3 * 255) / 4)))
}

/// The class number of label `id`: its place in `label_tokens`' list.
fn class_of(types: &[(String, String, Kind)], id: &str) -> usize {
    types.iter().position(|t| t.0 == id).unwrap_or(0)
}

/// The name of label `id` (the id when the label set lacks it).
pub(super) fn label_name<'a>(state: &'a State, id: &'a str) -> &'a str {
    state.label(id).map_or(id, |l| &l.name)
}

/// The report of the document, exported at `now` (as the user reads it).
pub fn export(state: &State, now: &str) -> Export {
    let doc = &state.doc;
    let types = label_tokens(state);
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    );
    el(
        &mut out,
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>",
        &doc.title,
        "</title><style>",
    );
    out.push_str(STYLE);
    for (i, t) in types.iter().enumerate() {
        let (c, tint) = colors(state.label(&t.0).map_or("", |l| l.color.as_str()));
        let _ = write!(out, ".l{i}{{background:#{tint:06x};border-color:#{c:06x}}}");
    }
    el(&mut out, "</style></head><body><header><h1>", &doc.title, "</h1><dl>");
    let authors = doc.authors.join(", ");
    for (head, value) in [
        ("Source", doc.source.as_str()),
        ("Address", doc.url.as_str()),
        ("Author", authors.as_str()),
        ("Published", doc.published.as_str()),
        ("Exported", now),
    ] {
        if !value.trim().is_empty() {
            el(&mut out, "<dt>", head, "</dt><dd>");
            el(&mut out, "", value, "</dd>");
        }
    }
    out.push_str("</dl></header>\n<section><h2>Labels</h2><ul class=\"legend\">");
    let mut counts = vec![0; types.len()];
    for a in state.annotations().iter() {
        counts[class_of(&types, &a.label)] += 1;
    }
    for (i, t) in types.iter().enumerate().filter(|(i, _)| counts[*i] > 0) {
        let _ = write!(out, "<li><mark class=\"l{i}\">");
        escape(&mut out, label_name(state, &t.0));
        let _ = write!(out, "</mark> <span class=\"n\">{}</span></li>", counts[i]);
    }
    out.push_str("</ul></section>\n");
    article(state, &types, &mut out);
    entities(state, &types, &mut out);
    claims(state, &mut out);
    out.push_str("</body></html>\n");
    Export {
        name: format!("{}.report.html", slug(&doc.title)),
        mime: "text/html",
        bytes: out.into_bytes(),
        left_out: vec![],
    }
}

/// The article, one paragraph a block, its spans as <mark>s nested as they nest (a span
/// crossing another is cut where it does, as the app's layout cuts it).
fn article(state: &State, types: &[(String, String, Kind)], out: &mut String) {
    out.push_str("<section><h2>Article</h2><article>\n");
    for (i, &block) in state.blocks.iter().enumerate() {
        out.push_str("<p>");
        // The marks open around the text so far, outermost first.
        let mut open: Vec<Rc<Annotation>> = Vec::new();
        for seg in segments(block, &state.bucket(i)) {
            let keep = open.iter().zip(&seg.covering).take_while(|(a, b)| Rc::ptr_eq(a, b)).count();
            out.push_str(&"</mark>".repeat(open.len() - keep));
            open.truncate(keep);
            for a in &seg.covering[keep..] {
                let class = class_of(types, &a.label);
                let _ = write!(out, "<mark class=\"l{class}\" title=\"");
                el(out, "", label_name(state, &a.label), "\">");
                open.push(a.clone());
            }
            escape(out, state.index.slice(&state.doc.text, seg.start, seg.end));
        }
        out.push_str(&"</mark>".repeat(open.len()));
        out.push_str("</p>\n");
    }
    out.push_str("</article></section>\n");
}

/// Each entity once under its label, with how many mentions it has and its Wikidata id; a
/// mention not linked to an entity counts as the entity its text names.
fn entities(state: &State, types: &[(String, String, Kind)], out: &mut String) {
    let mut all: Vec<(usize, &str, &str)> = Vec::new();
    for a in state.annotations().iter().filter(|a| a.kind == Kind::Entity) {
        let e = a.entity_ref.as_deref().and_then(|e| state.entity(e));
        let class = class_of(types, &a.label);
        all.push((class, e.map_or(a.quote.as_str(), |e| e.name.as_str()), e.map_or("", |e| e.kb_id.as_str())));
    }
    if all.is_empty() {
        return;
    }
    let mut names = Vec::with_capacity(all.len());
    for x in &all {
        names.push(x.1);
    }
    let rank = ranks(&names);
    let mut order: Vec<usize> = (0..all.len()).collect();
    by_key(&mut order, |&i| (all[i].0 as u64, rank[i]));
    out.push_str("<section><h2>Entities</h2>");
    let mut i = 0;
    while i < order.len() {
        let (class, name, kb) = all[order[i]];
        if i == 0 || all[order[i - 1]].0 != class {
            let label = &types[class].0;
            let _ = write!(out, "{}<h3><mark class=\"l{class}\">", if i > 0 { "</ul>" } else { "" });
            el(out, "", label_name(state, label), "</mark></h3><ul>");
        }
        let n = order[i..].iter().take_while(|&&j| all[j] == (class, name, kb)).count();
        el(out, "<li>", name, "");
        let _ = write!(out, " <span class=\"n\">{n} {}</span>", if n == 1 { "mention" } else { "mentions" });
        if !kb.is_empty() {
            el(out, " <code>", kb, "</code>");
        }
        out.push_str("</li>");
        i += n;
    }
    out.push_str("</ul></section>\n");
}

/// The claims, one row each: quote, speaker, attribution, check-worthiness, verdict,
/// explanation and evidence (links only to web pages).
fn claims(state: &State, out: &mut String) {
    let anns = state.annotations();
    if anns.iter().all(|a| a.claim.is_none()) {
        return;
    }
    out.push_str("<section><h2>Claims</h2><table><thead><tr><th>Claim</th><th>Speaker</th><th>Attribution</th>");
    out.push_str(
        "<th>Check-worthiness</th><th>Verdict</th><th>Explanation</th><th>Evidence</th></tr></thead><tbody>\n",
    );
    for a in anns.iter() {
        let Some(c) = &a.claim else { continue };
        let mention = c.speaker.as_deref().and_then(|id| state.get(id));
        let entity = mention.and_then(|m| state.entity(m.entity_ref.as_deref()?));
        let speaker = entity.map(|e| e.name.as_str()).or(mention.map(|m| m.quote.as_str())).unwrap_or(&c.speaker_text);
        let worth = c.worthiness.map_or("Not assessed", |w| w.name());
        let cells = [
            &*a.quote,
            speaker,
            c.attribution.name(),
            worth,
            rating_name(&state.scale, &c.verdict),
            c.explanation.as_str(),
        ];
        out.push_str("<tr>");
        for cell in cells {
            el(out, "<td>", cell, "</td>");
        }
        out.push_str("<td>");
        for (i, e) in c.evidence.iter().enumerate() {
            out.push_str(if i > 0 { "<br>" } else { "" });
            let label = if e.note.trim().is_empty() { &e.url } else { &e.note };
            if is_web_link(&e.url) {
                el(out, "<a href=\"", &e.url, "\">");
                el(out, "", label, "</a>");
            } else {
                escape(out, &e.url);
                if !e.note.trim().is_empty() {
                    el(out, " (", &e.note, ")");
                }
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}
