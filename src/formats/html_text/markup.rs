//! The text of a parsed page's serialised markup (an element's `innerHTML`): a line a block.
//! The browser writes that markup in one canonical form (every element closed, attribute
//! values double-quoted, only `&amp; &lt; &gt; &nbsp; &quot;` escaped), which is all this
//! reads: it is not an HTML parser. One read of the markup costs far less than a call into
//! the browser for each of the page's nodes.
use super::Lines;

/// The attribute the browser side puts on the headline's `<h1>` before reading the markup.
pub const HEADLINE_ATTR: &str = "data-aa-headline";

/// Whether elements named `name` are their own lines (a `match`: asked for every tag).
#[rustfmt::skip]
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl" | "dt" | "dd"
            | "blockquote" | "section" | "article" | "header" | "main" | "hgroup" | "table" | "caption" | "thead"
            | "tbody" | "tfoot" | "tr" | "center" | "details" | "summary" | "fieldset" | "legend" | "hr" | "body"
            | "html" | "figure" | "figcaption" | "aside" | "nav" | "footer" | "form" | "address" | "menu" | "dialog"
    )
}

/// Whether the content of elements named `name` is text the browser writes out unescaped (or
/// a template's): skipped whole.
fn is_raw(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext" | "template" | "textarea"
    )
}

/// The text of `html`, one line a block, and where the line of the `<h1>` carrying
/// `HEADLINE_ATTR` starts (a byte offset), if there is one.
pub fn text_of(html: &str) -> (String, Option<usize>) {
    let mut reader = Reader { lines: Lines::default(), pre: 0, at: None };
    let mut rest = html;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        reader.text(&rest[..lt]);
        rest = &rest[lt..];
        if !rest.is_empty() {
            rest = reader.tag(rest);
        }
    }
    (reader.lines.finish(), reader.at)
}

struct Reader {
    lines: Lines,
    /// How many `<pre>` elements we are in.
    pre: usize,
    at: Option<usize>,
}

impl Reader {
    /// Text between tags, its character references decoded.
    fn text(&mut self, s: &str) {
        let pre = self.pre > 0;
        let mut rest = s;
        while let Some(amp) = rest.find('&') {
            self.lines.add(&rest[..amp], pre);
            let (c, after) = reference(&rest[amp..]);
            self.lines.push(c, pre);
            rest = after;
        }
        self.lines.add(rest, pre);
    }

    /// Read the tag (or comment) at the start of `s`; returns what follows it.
    fn tag<'a>(&mut self, s: &'a str) -> &'a str {
        if let Some(comment) = s.strip_prefix("<!--") {
            return comment.find("-->").map_or("", |i| &comment[i + 3..]);
        }
        if s.starts_with("<!") || s.starts_with("<?") {
            return s.find('>').map_or("", |i| &s[i + 1..]);
        }
        let (closing, body) = match s.strip_prefix("</") {
            Some(body) => (true, body),
            None => (false, &s[1..]),
        };
        let name_end =
            body.bytes().position(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>').unwrap_or(body.len());
        let name = &body[..name_end];
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.lines.push('<', self.pre > 0); // a '<' that starts no tag
            return &s[1..];
        }
        let end = name_end + attributes_end(&body[name_end..]);
        let rest = body.get(end + 1..).unwrap_or("");
        self.element(name, closing, &body[name_end..end]);
        if !closing && is_raw(name) {
            let close = format!("</{name}");
            return rest.find(&close).map_or("", |i| rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]));
        }
        rest
    }

    /// What an element's start or end tag does to the text.
    fn element(&mut self, name: &str, closing: bool, attributes: &str) {
        match name {
            "br" => self.lines.newline(),
            "td" | "th" => self.lines.space(),
            "pre" | "listing" => {
                self.lines.newline();
                self.pre = if closing { self.pre.saturating_sub(1) } else { self.pre + 1 };
            }
            "h1" if !closing && self.at.is_none() && attributes.contains(HEADLINE_ATTR) => {
                self.at = Some(self.lines.mark());
            }
            _ if is_block(name) => self.lines.newline(),
            _ => {}
        }
    }
}

/// Where the attributes of a tag end (the index of its `>`), quoted values skipped.
fn attributes_end(s: &str) -> usize {
    let mut quote = None;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return i,
            _ => {}
        }
    }
    s.len()
}

/// The character of the reference at the start of `s` ("&amp;", "&#8217;"…) and what follows
/// it; a lone '&' is itself.
fn reference(s: &str) -> (char, &str) {
    let end = s[1..].find(';').filter(|&i| i <= 10).map(|i| i + 1);
    let decoded = end.and_then(|end| match &s[1..end] {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some('\u{a0}'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        n => n
            .strip_prefix("#x")
            .or_else(|| n.strip_prefix("#X"))
            .map(|h| u32::from_str_radix(h, 16))
            .or_else(|| n.strip_prefix('#').map(str::parse))
            .and_then(Result::ok)
            .and_then(char::from_u32),
    });
    match (decoded, end) {
        (Some(c), Some(end)) => (c, &s[end + 1..]),
        _ => ('&', &s[1..]),
    }
}
