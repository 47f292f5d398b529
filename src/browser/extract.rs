//! A saved news page (HTML) to its readable article text, through the browser's DOMParser.
//!
//! The page is parsed into a document of its own that is never shown: no script runs, no
//! handler fires, nothing is fetched. Its furniture (navigation, banners, share bars, related
//! stories, comments, figures, hidden blocks) is removed, the article's root is chosen, and
//! its markup, read in one piece, gives a line a block (see `formats::html_text`).
use super::extract_meta::{self, elements};
use crate::formats::html_text::{self, collapse, is_boilerplate, strip_site_name, text_of, Headline, HEADLINE_ATTR};
use web_sys::{Document, DomParser, Element, SupportedType};

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
const ALWAYS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "object", "embed", "canvas",
    "video", "audio", "picture", "img", "figure", "figcaption", "button", "input", "select", "textarea", "rt", "rp",
];

/// Page furniture by tag, dropped unless it holds the headline or the article (some sites wrap
/// the whole page in a `<form>`; a page's `<header>` may hold the headline).
const FURNITURE: &[&str] = &["form", "nav", "aside", "footer", "dialog", "address", "menu", "header"];

/// Attributes that hide an element or mark it as page furniture.
const DROP_ATTRS: &str = "[hidden],[aria-hidden=true i],[aria-modal=true i],[role=navigation i],\
    [role=complementary i],[role=contentinfo i],[role=banner i],[role=dialog i],[role=alertdialog i],\
    [role=search i],[role=menu i],[role=menubar i],[role=toolbar i]";

/// Read the page once; `None` when no text is left (`weak`: prune the less sure signs too).
fn read(html: &str, weak: bool) -> Result<Option<Extracted>, String> {
    let doc = DomParser::new()
        .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml))
        .map_err(|_| "The page could not be read as HTML.".to_string())?;
    let meta = extract_meta::read(&doc);
    prune(&doc, weak);
    let Some(root) = choose_root(&doc) else { return Ok(None) };
    let headline = extract_meta::headline(&doc, &root, &meta);
    let head = headline.as_ref().map(|(h, _)| render(h, None).0.replace('\n', " ")).unwrap_or_default();
    let (body, at) = render(&root, headline.as_ref().filter(|(_, inside)| *inside).map(|(h, _)| h));
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
/// name or id (the `weak` signs too, when asked). Apart from what never holds text, what holds
/// the headline or the main content is spared (a page saved with a dialog open has the rest of
/// it `aria-hidden`).
fn prune(doc: &Document, weak: bool) {
    let marked = format!("{},{},{DROP_ATTRS},[style*=none i],[style*=hidden i]", ALWAYS.join(","), FURNITURE.join(","));
    remove(doc, &marked, |el| {
        let name = el.local_name();
        if ALWAYS.contains(&name.as_str()) {
            return true;
        }
        let by_tag = match name.as_str() {
            // The page's header goes; an article's or a section's (its headline, its dek) stays.
            "header" => el.closest("article, section").ok().flatten().is_none(),
            name => FURNITURE.contains(&name),
        };
        (by_tag || el.matches(DROP_ATTRS).unwrap_or(false) || hidden_style(el)) && !spared(el, &name)
    });
    let hints: Vec<String> = html_text::HINTS.iter().map(|h| format!("[class*={h} i],[id*={h} i]")).collect();
    remove(doc, &hints.join(","), |el| {
        let class = el.get_attribute("class").unwrap_or_default();
        is_boilerplate(&class, &el.id(), weak) && !spared(el, &el.local_name())
    });
}

fn hidden_style(el: &Element) -> bool {
    let Some(style) = el.get_attribute("style") else { return false };
    let style = style.split_whitespace().collect::<String>().to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// Remove each element matching `selector` that `drop` says to.
fn remove(doc: &Document, selector: &str, drop: impl Fn(&Element) -> bool) {
    for el in elements(doc, selector) {
        if drop(&el) {
            el.remove();
        }
    }
}

/// Whether `el` (named `name`) is the page's frame or holds the headline or the main content.
fn spared(el: &Element, name: &str) -> bool {
    matches!(name, "html" | "body" | "main") || holds(el, "h1, main, [itemprop~=articleBody i], [role=main i]")
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

/// The text below `root`, one line a block, and where the line of `mark` (an `<h1>`) starts.
/// Its markup is read in one call rather than node by node (a call into the browser each).
fn render(root: &Element, mark: Option<&Element>) -> (String, Option<usize>) {
    if let Some(mark) = mark {
        let _ = mark.set_attribute(HEADLINE_ATTR, "");
    }
    text_of(&root.inner_html())
}
