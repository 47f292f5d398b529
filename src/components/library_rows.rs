//! The library's rows, written as markup: a hundred rows are some two thousand elements and
//! texts, which the browser's parser makes in a fraction of the time that creating them one
//! call at a time from wasm takes. The buttons carry the article's id in `data-open`,
//! `data-rename` or `data-delete`, and one listener on the table serves them all. The row
//! being renamed holds a field, and is drawn as elements between two bodies of markup.
use crate::browser::page;
use crate::formats::report::escape;
use crate::formats::text_in::thousands;
use crate::model::library::DocEntry;
use yew::prelude::*;

/// What a row shows past its title, each with its cell's class: source, entities, claims,
/// length and last change (`date` writes a stored time as the reader reads it).
pub fn cells(d: &DocEntry, date: fn(&str) -> String) -> [(&'static str, String); 5] {
    [
        ("muted", d.source.clone()),
        ("num", d.entities.to_string()),
        ("num", d.claims.to_string()),
        ("num", thousands(d.length)),
        ("muted", date(&d.modified)),
    ]
}

/// The buttons ending each row: the action (which starts the button's name, as in "Rename
/// “title”"), the button's attributes (the last carries the article's id) and its class.
pub const ACTIONS: [(&str, &[&str], Option<&str>); 2] = [
    ("Rename", &["type", "class", "aria-label", "data-rename"], None),
    ("Delete", &["type", "class", "aria-label", "data-delete"], Some("danger-text")),
];

/// `rows` as the markup of a table body's rows; `current` is the open article's id. Every
/// text and attribute value is escaped: titles and sources are the reader's text.
pub fn markup(rows: &[&DocEntry], current: &str, date: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(rows.len() * 640);
    // Each action's markup around the title and the id, the same for every row.
    let actions = ACTIONS.map(|(name, keys, class)| {
        let class = class.map(|c| format!(r#" class="{c}""#)).unwrap_or_default();
        let key = keys[3];
        [
            format!(r#"<button type="button"{class} aria-label="{name} “"#),
            format!(r#"”" {key}=""#),
            format!(r#"">{name}</button>"#),
        ]
    });
    let put = |out: &mut String, parts: &[&str]| {
        for (k, part) in parts.iter().enumerate() {
            // (Even parts are markup, odd ones text.)
            if k % 2 == 0 {
                out.push_str(part);
            } else {
                escape(out, part);
            }
        }
    };
    for d in rows {
        let (id, title) = (d.id.as_str(), d.title.as_str());
        let open = id == current;
        out.push_str(if open { r#"<tr aria-current="true" class="current">"# } else { "<tr>" });
        put(
            &mut out,
            &[
                r#"<td class="title-cell"><button type="button" class="link" data-open=""#,
                id,
                r#"">"#,
                title,
                "</button>",
            ],
        );
        if open {
            out.push_str(r#"<span class="badge">Open</span>"#);
        }
        out.push_str("</td>");
        for (class, text) in cells(d, date) {
            put(&mut out, &[r#"<td class=""#, class, r#"">"#, &text, "</td>"]);
        }
        out.push_str(r#"<td class="row-actions">"#);
        for [open, key, close] in &actions {
            put(&mut out, &[open, title, key, id, close]);
        }
        out.push_str("</td></tr>");
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    /// The rows' markup (from `markup`).
    pub rows: AttrValue,
}

/// A table body holding `rows`, written anew only when they change; a button of it that had
/// the focus has it again after.
#[function_component(Body)]
pub fn body(p: &BodyProps) -> Html {
    let el = use_node_ref();
    {
        let el = el.clone();
        use_effect_with(p.rows.clone(), move |rows| {
            if let Some(el) = el.cast::<web_sys::Element>() {
                page::fill(&el, rows);
            }
        });
    }
    html! { <tbody ref={el}></tbody> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, title: &str, source: &str) -> DocEntry {
        DocEntry {
            id: id.into(),
            title: title.into(),
            source: source.into(),
            entities: 3,
            claims: 1,
            length: 12_345,
            modified: "2026-11-29T10:42:00Z".into(),
            ..DocEntry::default()
        }
    }

    #[test]
    fn rows_escape_the_readers_text_and_mark_the_open_article() {
        let a = entry("doc-1", r#"<b>"Budget" & 'vote'</b>"#, "<script>x</script>");
        let b = entry("doc-2", "Storm", "pasted");
        let html = markup(&[&a, &b], "doc-2", |s| format!("at {s}"));
        assert!(html.starts_with(r#"<tr><td class="title-cell"><button type="button" class="link" data-open="doc-1">&lt;b&gt;&quot;Budget&quot; &amp; &#39;vote&#39;&lt;/b&gt;</button></td>"#));
        assert!(html.contains(r#"<td class="muted">&lt;script&gt;x&lt;/script&gt;</td><td class="num">3</td><td class="num">1</td><td class="num">12,345</td><td class="muted">at 2026-11-29T10:42:00Z</td>"#));
        assert!(html.contains(
            r#"aria-label="Rename “&lt;b&gt;&quot;Budget&quot; &amp; &#39;vote&#39;&lt;/b&gt;”" data-rename="doc-1""#
        ));
        assert!(html.contains(r#"<tr aria-current="true" class="current"><td class="title-cell"><button type="button" class="link" data-open="doc-2">Storm</button><span class="badge">Open</span></td>"#));
        assert!(html.ends_with(r#"data-delete="doc-2">Delete</button></td></tr>"#));
        assert_eq!(html.matches("<tr").count(), 2);
        assert_eq!(html.matches("<script").count(), 0);
    }
}
