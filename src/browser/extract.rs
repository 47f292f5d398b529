//! A saved news page (HTML) to its readable article text and metadata, read in the browser by
//! `extract.js` (the rules below are that script's; they live here because the script ships as it
//! is written). The page is parsed by DOMParser into a document of its own that is never shown:
//! no script runs, no handler fires, nothing is fetched. Then, for the page:
//!
//! - **Metadata**, read first (bylines are furniture): the address is `link[rel=canonical]`, else
//!   og:url (also when the canonical one is relative and og:url is not). Authors, without repeats (ASCII
//!   case aside), come from meta `author`, `article:author`, JSON-LD, then names marked in the page
//!   (`a[rel=author]`, `[itemprop=author]` with its `[itemprop=name]`, outside asides, navigation,
//!   comments and related stories). An author field loses its "By ", is split at ", ", "; ",
//!   " and ", " & " when every part holds a space (a full name); web addresses and names over 80
//!   characters are left out.
//!   The date is the first of article:published_time, a meta date (`date`, `dc.date`, …), JSON-LD,
//!   `[itemprop=datePublished]`, a `<time datetime>` (the article's, a byline's, …). JSON-LD: the first
//!   article-like object (`NewsArticle`, `BlogPosting`, …, also in `@graph` and `mainEntity`),
//!   else any object with an author or date but a comment or review.
//! - **Furniture** goes: what never holds text (scripts, media, figures, form controls); by tag
//!   navigation, asides, footers, dialogs, forms and the page's (not an article's or a section's)
//!   header; hidden elements (`hidden`, `aria-hidden`, an inline `display: none` or
//!   `visibility: hidden`), modal dialogs and furniture roles; class names or ids with a sign of furniture
//!   (cookie, share, related, comment, ad, byline, …), where a modifier token ("has-comments")
//!   does not count and a token naming the content ("article-body") protects. Weaker signs
//!   (sidebar, menu, nav, banner, …) count too unless they leave no text, in which case the page
//!   is read again without them. But for what never holds text, `<html>`, `<body>`, `<main>` and
//!   what holds an `<h1>` or the main content stay.
//! - **The root** is the `<article>` with the most paragraph text (all its text without `<p>`) if
//!   that is 140 characters or more, else likewise `<main>`, `[itemprop=articleBody]`,
//!   `[role=main]`; else the densest block of paragraphs (each `<p>` or `<pre>` of 25 characters
//!   or more scores its parent by its length and commas, its grandparent half that; a block loses
//!   the share of its text inside links); else the fullest of the short candidates; else `<body>`.
//! - **The headline** is the root's first `<h1>` if it has text; else the page's `<h1>` whose
//!   text the og:title (else the `<title>`) holds, the longest, or its first; never one naming
//!   only the site.
//! - **The text** is a line a block, white space collapsed as a browser renders it: a run of white
//!   space is one space, none at a line's edges, no empty lines; `<pre>` keeps its spaces and
//!   breaks at its newlines; `<br>` breaks a line; table cells are spaced; a no-break space is a
//!   space and a soft hyphen is dropped. The headline is the first line: a short kicker above it
//!   (under 120 characters) goes, a longer text above it follows it; a headline outside the root
//!   is put before it unless the text starts with it. "By …" lines among the first six (under 100
//!   characters) go when they name an author or hold only capitalised words.
//! - **The title** is the headline; else the og:title without the site's name; else the
//!   `<title>` without it (the site's name, or the shorter part after a separator, or a short
//!   "Section | " before a longer rest); else the first line.
use wasm_bindgen::prelude::*;

/// What a page yields: its readable text and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub title: String,
    pub text: String,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
}

#[wasm_bindgen(module = "/src/browser/extract.js")]
extern "C" {
    /// `[title, text, url, published, ...authors]` (url and published may be null); throws a
    /// message saying why there is no article.
    #[wasm_bindgen(catch)]
    fn read_page(html: &str) -> Result<Vec<JsValue>, JsValue>;
}

/// Extract the article from `html`. `Err` says why nothing readable was found.
pub fn extract(html: &str) -> Result<Extracted, String> {
    let page = read_page(html).map_err(|why| why.as_string().unwrap_or_default())?;
    let mut fields = page.iter().map(JsValue::as_string);
    let mut next = || fields.next().flatten();
    let (title, text, url, published) = (next().unwrap_or_default(), next().unwrap_or_default(), next(), next());
    Ok(Extracted { title, text, url, authors: fields.flatten().collect(), published })
}
