//! A saved news page (HTML) to its readable article text, through the browser's DOMParser.
//!
//! The page is parsed into a document of its own that is never shown: no script runs, no
//! handler fires, nothing is fetched. Its furniture (navigation, banners, share bars, related
//! stories, comments, figures, hidden blocks) is removed, the article's root is chosen, and
//! one walk over it writes each block as a line.
use super::extract_meta::{self, elements};
use crate::formats::html_text::{self, collapse, is_boilerplate, strip_site_name, Headline, Lines};
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

mod density;

/// What a page yields: its readable text and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub title: String,
    pub text: String,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
}

/// Extract the article from `html`. `Err` says why nothing readable was found.
pub fn extract(html: &str) -> Result<Extracted, String> {
    // Class names are a guess; when the guess leaves nothing, read again with only the surest.
    match read(html, true)? {
        Some(found) => Ok(found),
        None => read(html, false)?.ok_or_else(|| NO_TEXT.to_string()),
    }
}

const NO_TEXT: &str = "The page has no readable article text: once its navigation, scripts, adverts and \
                       other page furniture are set aside, no paragraphs remain. Is it the article's own page?";

/// Elements that never hold article text, dropped with their content.
#[rustfmt::skip]
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "object", "embed", "canvas",
    "video", "audio", "picture", "img", "figure", "figcaption", "form", "button", "input", "select", "textarea",
    "nav", "aside", "footer", "dialog", "address", "menu", "head", "title", "meta", "link", "rt", "rp",
];

/// Elements that are their own lines.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section",
    "article", "header", "main", "hgroup", "table", "caption", "thead", "tbody", "tfoot", "tr", "center", "details",
    "summary", "fieldset", "legend", "hr", "body", "html",
];

/// Attributes that hide an element or mark it as page furniture.
const DROP_ATTRS: &str = "[hidden],[aria-hidden=true i],[aria-modal=true i],[role=navigation i],\
    [role=complementary i],[role=contentinfo i],[role=banner i],[role=dialog i],[role=alertdialog i],\
    [role=search i],[role=menu i],[role=menubar i],[role=toolbar i]";

fn read(html: &str, weak: bool) -> Result<Option<Extracted>, String> {
    let doc = DomParser::new()
        .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml))
        .map_err(|_| "The page could not be read as HTML.".to_string())?;
    let meta = extract_meta::read(&doc);
    prune(&doc, weak);
    let Some(root) = choose_root(&doc) else { return Ok(None) };
    let headline = extract_meta::headline(&doc, &root, &meta);
    let (body, at) = render(&root, headline.as_ref().filter(|(_, inside)| *inside).map(|(h, _)| h));
    let head = headline.as_ref().map(|(h, _)| render(h, None).0.replace('\n', " ")).unwrap_or_default();
    let place = match (&headline, at) {
        (Some((_, true)), Some(at)) => Headline::At(at),
        (Some((_, false)), _) => Headline::Outside(head.clone()),
        _ => Headline::None,
    };
    let text = html_text::assemble(&body, place, &meta.authors);
    if text.is_empty() || text == head {
        return Ok(None);
    }
    let title = Some(head)
        .filter(|h| !h.is_empty())
        .or_else(|| meta.og_title.as_ref().map(|t| strip_site_name(t, meta.site_name.as_deref(), false).0))
        .or_else(|| Some(strip_site_name(&meta.doc_title, meta.site_name.as_deref(), true).0))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| text.lines().next().unwrap_or_default().to_string());
    Ok(Some(Extracted { title, text, url: meta.url, authors: meta.authors, published: meta.published }))
}

/// Remove the page furniture from `doc`: by tag, by attribute, by inline style, and by class
/// name or id (the `weak` signs too, when asked). What is marked by attribute, style or class
/// is spared when it holds the headline or the main content (a page saved with a dialog open
/// has the rest of it `aria-hidden`).
fn prune(doc: &Document, weak: bool) {
    const HOLDS_MAIN: &str = "h1, main, [itemprop~=articleBody i], [role=main i]";
    remove(doc, &SKIP.join(","), |_| true);
    remove(doc, "header", |el| !holds(el, "h1"));
    remove(doc, DROP_ATTRS, |el| !spared(el, &format!("{HOLDS_MAIN}, article")));
    remove(doc, "[style*=none i],[style*=hidden i]", |el| {
        let style: String = el.get_attribute("style").unwrap_or_default().split_whitespace().collect();
        let style = style.to_ascii_lowercase();
        (style.contains("display:none") || style.contains("visibility:hidden")) && !spared(el, HOLDS_MAIN)
    });
    let hints: Vec<String> = html_text::HINTS.iter().map(|h| format!("[class*={h} i],[id*={h} i]")).collect();
    remove(doc, &hints.join(","), |el| {
        let class = el.get_attribute("class").unwrap_or_default();
        is_boilerplate(&class, &el.id(), weak) && !spared(el, HOLDS_MAIN)
    });
}

/// Remove each element matching `selector` that `drop` says to.
fn remove(doc: &Document, selector: &str, drop: impl Fn(&Element) -> bool) {
    for el in elements(doc, selector) {
        if drop(&el) {
            el.remove();
        }
    }
}

/// Whether `el` is the page's frame or holds something matching `selector`.
fn spared(el: &Element, selector: &str) -> bool {
    matches!(el.local_name().as_str(), "html" | "body" | "main") || holds(el, selector)
}

fn holds(el: &Element, selector: &str) -> bool {
    el.query_selector(selector).ok().flatten().is_some()
}

/// Below this many characters of paragraphs, an `<article>` or `<main>` is not the article.
const MIN_ROOT: usize = 140;

/// The article's root: the `<article>` with the most paragraph text, else `<main>`,
/// `[itemprop=articleBody]`, `[role=main]`; else the densest block of paragraphs; else `<body>`.
fn choose_root(doc: &Document) -> Option<Element> {
    let mut fallback: Option<(usize, Element)> = None; // the semantic block with most text
    for selector in ["article", "main", "[itemprop~=articleBody i]", "[role=main i]"] {
        let mut best: Option<(usize, Element)> = None;
        for el in elements(doc, selector) {
            let chars = paragraph_chars(&el);
            if best.as_ref().is_none_or(|(c, _)| chars > *c) {
                best = Some((chars, el));
            }
        }
        match best {
            Some((chars, el)) if chars >= MIN_ROOT => return Some(el),
            Some((chars, el)) if chars > 0 && fallback.as_ref().is_none_or(|(c, _)| chars > *c) => {
                fallback = Some((chars, el))
            }
            _ => {}
        }
    }
    density::densest(doc).or(fallback.map(|(_, el)| el)).or_else(|| doc.body().map(Into::into))
}

/// Characters of text in `el`'s paragraphs (of all its text when it has no `<p>`).
fn paragraph_chars(el: &Element) -> usize {
    let Ok(ps) = el.query_selector_all("p") else { return 0 };
    if ps.length() == 0 {
        return collapse(&el.text_content().unwrap_or_default()).chars().count();
    }
    let text = |i| ps.item(i).and_then(|p| p.text_content()).unwrap_or_default();
    (0..ps.length()).map(|i| text(i).trim().chars().count()).sum()
}

/// How an element shapes the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Skip,
    Inline,
    Block,
    Pre,
    Break,
    Cell,
}

fn kind(name: &str) -> Kind {
    match name {
        "br" => Kind::Break,
        "pre" | "listing" | "xmp" | "plaintext" => Kind::Pre,
        "td" | "th" => Kind::Cell,
        _ if BLOCKS.contains(&name) => Kind::Block,
        _ if SKIP.contains(&name) => Kind::Skip,
        _ => Kind::Inline,
    }
}

/// The text below `root`, one line a block, and where the line of `mark` (an `<h1>`) starts.
fn render(root: &Element, mark: Option<&Element>) -> (String, Option<usize>) {
    let mut lines = Lines::default();
    let mut at = None;
    let mut open: Vec<Kind> = Vec::new(); // the elements we are in, below `root`
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut child = None;
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                let text = node.node_value().unwrap_or_default();
                if open.contains(&Kind::Pre) {
                    lines.pre(&text);
                } else {
                    lines.text(&text);
                }
            }
            Node::ELEMENT_NODE => {
                let name = node.unchecked_ref::<Element>().local_name();
                let kind = kind(&name);
                edge(&mut lines, kind);
                if name == "h1" && mark.is_some_and(|m| m.is_same_node(Some(&node))) {
                    at = Some(lines.mark());
                }
                child = if kind == Kind::Skip { None } else { node.first_child() };
                if child.is_some() {
                    open.push(kind);
                } else {
                    edge(&mut lines, kind);
                }
            }
            _ => {}
        }
        next = child.or_else(|| after(node, &mut open, &mut lines));
    }
    (lines.finish(), at)
}

/// The node after `node` and its subtree, closing the elements left on the way up.
fn after(mut node: Node, open: &mut Vec<Kind>, lines: &mut Lines) -> Option<Node> {
    loop {
        if let Some(sibling) = node.next_sibling() {
            return Some(sibling);
        }
        let kind = open.pop()?;
        edge(lines, kind);
        node = node.parent_node()?;
    }
}

/// What the start or end of an element of `kind` does to the text.
fn edge(lines: &mut Lines, kind: Kind) {
    match kind {
        Kind::Block | Kind::Pre | Kind::Break => lines.newline(),
        Kind::Cell => lines.space(),
        Kind::Skip | Kind::Inline => {}
    }
}
