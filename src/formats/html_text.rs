//! The DOM-free half of reading a saved news page: white space as a browser renders it, site
//! names off titles, boilerplate class names, bylines, and JSON-LD article metadata.
mod ld_json;
mod lines;
mod markup;

pub use ld_json::{ld_json, LdMeta};
pub use lines::{collapse, Lines};
pub use markup::{text_of, HEADLINE_ATTR};

/// Pieces of class names and ids that mark page furniture whatever the page: an element whose
/// class or id token contains one (see `is_boilerplate` for the exact rules) is dropped.
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "recommend", "comment", "newsletter",
    "subscri", "signup", "sign-up", "promo", "advert", "sponsor", "popup", "modal", "byline", "author", "outbrain",
    "taboola", "disqus", "sr-only", "visually-hidden", "screen-reader", "skip-link", "adslot", "adunit",
    "adcontainer", "ad-slot", "dfp-",
];

/// Pieces that usually mark furniture but now and then name a layout wrapping the article.
#[rustfmt::skip]
const WEAK: &[&str] = &[
    "banner", "sidebar", "breadcrumb", "footer", "menu", "masthead", "trending", "popular", "pagination", "toolbar",
    "tags", "navbar", "navigation",
];

/// Pieces of the container names that hold an article: a token with one (and no noise) keeps
/// its element even when another token looks like noise (`"content has-sidebar"`).
const CONTENT: &[&str] = &["article", "content", "story", "main"];

/// Substrings such that every class or id `is_boilerplate` flags contains one: the browser
/// side asks the document for `[class*=…]` / `[id*=…]` once, then checks the few matches here.
#[rustfmt::skip]
pub const HINTS: &[&str] = &[
    "ad", "nav", "meta", "hid", "none", "cookie", "consent", "gdpr", "banner", "shar", "social", "related",
    "recommend", "comment", "newsletter", "subscri", "sign", "promo", "sponsor", "sidebar", "footer", "menu",
    "popup", "modal", "byline", "author", "outbrain", "taboola", "disqus", "trending", "popular", "pagination",
    "toolbar", "sr-only", "screen-reader", "skip", "tags", "dfp",
];

/// Whether an element with this `class` and `id` is page furniture (cookie banner, share bar,
/// related stories, comments, ads, byline…; with `weak`, also navigation, sidebars, menus,
/// footers…) rather than article text.
pub fn is_boilerplate(class: &str, id: &str, weak: bool) -> bool {
    let tokens = || class.split_ascii_whitespace().chain(id.split_ascii_whitespace());
    let mut noisy = false;
    for token in tokens() {
        let t = token.to_ascii_lowercase();
        if ["has-", "with-", "no-"].iter().any(|p| t.starts_with(p)) {
            continue; // a modifier ("has-comments"), not what the element is
        }
        if strong_token(&t) || (weak && weak_token(&t)) {
            noisy = true;
        } else if CONTENT.iter().any(|c| t.contains(c)) && !weak_token(&t) {
            return false;
        }
    }
    noisy
}

fn strong_token(t: &str) -> bool {
    (STRONG.iter().any(|n| t.contains(n)) && !t.contains("commentary")) // "commentary": opinion
        || matches!(t, "ad" | "ads")
        || ["ad-", "ad_", "ads-", "ads_"].iter().any(|p| t.starts_with(p))
        || ["-ad", "_ad", "-ads", "_ads"].iter().any(|s| t.ends_with(s))
        || t.contains("-ad-")
}

fn weak_token(t: &str) -> bool {
    WEAK.iter().any(|n| t.contains(n))
        || matches!(t, "nav" | "meta" | "hidden" | "hide" | "d-none")
        || ["nav-", "nav_", "meta-"].iter().any(|p| t.starts_with(p))
        || ["-nav", "_nav", "-meta", "-hidden", "-none"].iter().any(|s| t.ends_with(s))
        || t.contains("-nav-")
}

/// Separators between a headline and the site's name in a `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » "];

/// `title` without the site's name: `site` (og:site_name) wherever it is attached by a
/// separator or ": "; else, when `generic`, the part after the last separator provided what
/// stays is longer, or a short "Section | " before a longer rest. Also returns what was cut.
pub fn strip_site_name(title: &str, site: Option<&str>, generic: bool) -> (String, Option<String>) {
    let t = collapse(title);
    if let Some(site) = site.map(collapse).filter(|s| !s.is_empty() && *s != t) {
        for sep in SEPARATORS.iter().chain(&[": "]) {
            if let Some(rest) = t.strip_suffix(&*format!("{sep}{site}")) {
                return (rest.trim().to_string(), Some(site));
            }
            if let Some(rest) = t.strip_prefix(&*format!("{site}{sep}")) {
                return (rest.trim().to_string(), Some(site));
            }
        }
    }
    if !generic {
        return (t, None);
    }
    let last = SEPARATORS.iter().filter_map(|s| t.rfind(s).map(|i| (i, s.len()))).max();
    if let Some((i, n)) = last {
        let (left, right) = (&t[..i], &t[i + n..]);
        if left.chars().count() > right.chars().count() {
            return (left.trim().to_string(), Some(right.trim().to_string()));
        }
    }
    let first = [" | ", " · "].iter().filter_map(|s| t.find(s).map(|i| (i, s.len()))).min();
    if let Some((i, n)) = first {
        let (left, right) = (&t[..i], &t[i + n..]);
        if left.split(' ').count() <= 3 && left.chars().count() < right.chars().count() {
            return (right.trim().to_string(), Some(left.trim().to_string()));
        }
    }
    (t, None)
}

/// Names in one author field: "By " dropped, "A B, C D and E F" split when every part looks
/// like a full name (so "Doe, Jane" stays whole), links and empty names left out.
pub fn split_authors(field: &str) -> Vec<String> {
    let s = collapse(field);
    let s = strip_by(&s).unwrap_or(&s);
    let mut parts = vec![s.to_string()];
    for sep in [", ", "; ", " and ", " & "] {
        let next: Vec<String> = parts.iter().flat_map(|p| p.split(sep)).map(|p| p.trim().to_string()).collect();
        if next.iter().all(|p| p.contains(' ')) {
            parts = next;
        }
    }
    parts.retain(|p| !p.is_empty() && p.chars().count() <= 80 && !is_url(p));
    parts
}

/// Add `name` to `list` unless it is already there (ignoring ASCII case).
pub fn push_unique(list: &mut Vec<String>, name: String) {
    if !list.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
        list.push(name);
    }
}

/// Whether `s` is a web address rather than a name.
pub fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") || s.starts_with('/')
}

fn strip_by(s: &str) -> Option<&str> {
    ["By ", "by ", "BY ", "By: ", "by: "].iter().find_map(|p| s.strip_prefix(p)).map(str::trim)
}

/// Where the headline is in relation to the article's text.
pub enum Headline {
    /// The text has the headline's line starting at this byte.
    At(usize),
    /// The headline sits outside the article (e.g. in the page header above `<main>`).
    Outside(String),
    /// The page has no `<h1>`.
    None,
}

/// The article's text with the headline as its first line (a short kicker above it dropped,
/// a long text above it kept after it) and the byline lines near the top left out.
pub fn assemble(body: &str, headline: Headline, authors: &[String]) -> String {
    let mut text = match headline {
        Headline::At(at) if at > 0 => {
            let (before, from) = body.split_at(at);
            let (head, after) = from.split_once('\n').unwrap_or((from, ""));
            if before.chars().count() < 120 {
                from.to_string()
            } else {
                [head, before.trim_end(), after]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
        Headline::Outside(h) if body == h || body.starts_with(&format!("{h}\n")) => body.to_string(),
        Headline::Outside(h) if !h.is_empty() && !body.is_empty() => format!("{h}\n{body}"),
        Headline::Outside(h) if !h.is_empty() => h,
        _ => body.to_string(),
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let kept: Vec<&str> =
        lines.iter().enumerate().filter(|(i, l)| *i >= 6 || !is_byline(l, authors)).map(|(_, l)| *l).collect();
    if kept.len() != lines.len() {
        text = kept.join("\n");
    }
    text
}

/// A short "By Jane Doe and John Roe" line: naming a known author, or only capitalised words.
fn is_byline(line: &str, authors: &[String]) -> bool {
    let Some(rest) = strip_by(line) else { return false };
    if line.chars().count() >= 100 || rest.is_empty() {
        return false;
    }
    authors.iter().any(|a| rest.contains(a.as_str()))
        || rest.split(' ').all(|w| {
            // ASCII case only (Unicode's tables would cost the bundle); other scripts count as capitals.
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase() || !c.is_ascii())
                || matches!(w, "and" | "&" | "in" | "for" | "|")
        })
}

#[cfg(test)]
mod tests;
