//! A parsed page's metadata (canonical address, authors, publication date, titles) and which
//! `<h1>` is its headline. Read before the page furniture is pruned: bylines live there.
use crate::formats::html_text::{collapse, ld_json, push_unique, split_authors, strip_site_name, LdMeta};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, NodeList};

/// What a page's head and markup say about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// `link[rel=canonical]`, else `og:url`.
    pub url: Option<String>,
    /// De-duplicated, in the order: meta author, article:author, JSON-LD, rel=author, itemprop.
    pub authors: Vec<String>,
    /// As given (usually ISO 8601): article:published_time, meta date, JSON-LD, itemprop, `<time>`.
    pub published: Option<String>,
    pub og_title: Option<String>,
    /// The `<title>`, as the browser reads it (white space collapsed).
    pub doc_title: String,
    pub site_name: Option<String>,
}

/// Every element of `doc` matching `selector` (none for a selector the browser rejects).
pub fn elements(doc: &Document, selector: &str) -> Vec<Element> {
    listed(doc.query_selector_all(selector))
}

/// Every element below `root` matching `selector`.
pub fn elements_in(root: &Element, selector: &str) -> Vec<Element> {
    listed(root.query_selector_all(selector))
}

fn listed(list: Result<NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else { return vec![] };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// The page's metadata.
pub fn read(doc: &Document) -> Meta {
    let tags = Tags::read(doc);
    let mut ld = LdMeta::default();
    for script in elements(doc, "script[type='application/ld+json' i]") {
        ld_json(&script.text_content().unwrap_or_default(), &mut ld);
    }
    let mut authors = Vec::new();
    let marked = marked_authors(doc);
    for name in tags.author.iter().chain(&tags.article_author).chain(&ld.authors).chain(&marked) {
        push_unique(&mut authors, name.clone());
    }
    let canonical = first(doc, "link[rel~=canonical i]").and_then(|l| l.get_attribute("href"));
    let url = match (canonical, tags.og_url) {
        (Some(c), Some(og)) if !c.contains("://") && og.contains("://") => Some(og),
        (c, og) => c.or(og),
    };
    let published = [tags.published, tags.date, ld.published, itemprop_date(doc), time_date(doc)]
        .into_iter()
        .flatten()
        .map(|d| d.trim().to_string())
        .find(|d| !d.is_empty());
    Meta { url, authors, published, og_title: tags.og_title, doc_title: doc.title(), site_name: tags.site_name }
}

/// The `<meta>` tags that matter, by property or name.
#[derive(Default)]
struct Tags {
    og_title: Option<String>,
    site_name: Option<String>,
    og_url: Option<String>,
    author: Vec<String>,
    article_author: Vec<String>,
    published: Option<String>,
    date: Option<String>,
}

impl Tags {
    fn read(doc: &Document) -> Tags {
        let mut t = Tags::default();
        for meta in elements(doc, "meta[content]") {
            let key = ["property", "name"].iter().find_map(|a| meta.get_attribute(a)).unwrap_or_default();
            let content = collapse(&meta.get_attribute("content").unwrap_or_default());
            if content.is_empty() {
                continue;
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "og:title" => &mut t.og_title,
                "og:site_name" => &mut t.site_name,
                "og:url" => &mut t.og_url,
                "article:published_time" => &mut t.published,
                "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date" | "dc.date" | "dc.date.issued"
                | "dcterms.created" | "parsely-pub-date" | "sailthru.date" => &mut t.date,
                "author" => {
                    t.author.extend(split_authors(&content));
                    continue;
                }
                "article:author" => {
                    t.article_author.extend(split_authors(&content));
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(content);
        }
        t
    }
}

fn first(doc: &Document, selector: &str) -> Option<Element> {
    doc.query_selector(selector).ok().flatten()
}

/// Names marked in the page: `<a rel=author>`, `[itemprop=author]` (its `name` inside when it
/// has one), not those of commenters or of related stories.
fn marked_authors(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for el in elements(doc, "a[rel~=author i], [itemprop~=author i]") {
        if in_comments(&el) {
            continue;
        }
        let named = el.query_selector("[itemprop~=name i]").ok().flatten().unwrap_or_else(|| el.clone());
        let name = match named.get_attribute("content") {
            Some(content) => content,
            None if named.local_name() == "link" => continue,
            None => named.text_content().unwrap_or_default(),
        };
        split_authors(&name).into_iter().for_each(|n| push_unique(&mut out, n));
    }
    out
}

/// Whether `el` sits in a comments section, a related-stories block or navigation.
fn in_comments(el: &Element) -> bool {
    let mut at = el.parent_element();
    while let Some(e) = at {
        if matches!(e.local_name().as_str(), "aside" | "nav") {
            return true;
        }
        let (class, id) = (e.get_attribute("class").unwrap_or_default(), e.id());
        let tokens = class.split_ascii_whitespace().chain(id.split_ascii_whitespace()).map(str::to_ascii_lowercase);
        if tokens.filter(|t| !t.starts_with("has-")).any(|t| t.contains("comment") || t.contains("related")) {
            return true;
        }
        at = e.parent_element();
    }
    false
}

fn itemprop_date(doc: &Document) -> Option<String> {
    let el = first(doc, "[itemprop~=datePublished i]")?;
    ["content", "datetime"].iter().find_map(|a| el.get_attribute(a)).or_else(|| el.text_content())
}

fn time_date(doc: &Document) -> Option<String> {
    let selector = "article time[datetime], main time[datetime], [class*=byline i] time[datetime], \
                    [class*=dateline i] time[datetime], time[pubdate][datetime]";
    first(doc, selector).and_then(|t| t.get_attribute("datetime"))
}

/// The page's headline, and whether it is inside `root`: the first `<h1>` with text there; else
/// the one in the document whose text the og:title or `<title>` contains (the longest), or
/// the first; never one that only names the site.
pub fn headline(doc: &Document, root: &Element, meta: &Meta) -> Option<(Element, bool)> {
    let text = |h: &Element| collapse(&h.text_content().unwrap_or_default());
    if let Some(h) = root.query_selector("h1").ok().flatten().filter(|h| !text(h).is_empty()) {
        return Some((h, true));
    }
    let title = meta.og_title.clone().unwrap_or_else(|| meta.doc_title.clone()).to_ascii_lowercase();
    let cut = strip_site_name(&meta.doc_title, meta.site_name.as_deref(), true).1;
    let sites: Vec<String> = meta.site_name.iter().chain(&cut).map(|s| s.to_ascii_lowercase()).collect();
    let mut best: Option<(Element, (bool, usize))> = None;
    for h in elements(doc, "h1") {
        let t = text(&h).to_ascii_lowercase();
        if t.is_empty() || sites.contains(&t) {
            continue;
        }
        let key = (title.contains(&t), t.len());
        let key = if key.0 { key } else { (false, 0) };
        if best.as_ref().is_none_or(|(_, k)| key > *k) {
            best = Some((h, key));
        }
    }
    best.map(|(h, _)| {
        let inside = root.contains(Some(&h));
        (h, inside)
    })
}
