//! Inline Markdown to plain text: emphasis and links lose their markers, code spans keep their
//! content as it is, images and HTML tags go, escapes and entities become their characters.
//!
//! Every search is bounded or done once, so that no input (thousands of unclosed `[`, say)
//! takes quadratic time: a pasted book must not freeze the page. Emphasis is paired in
//! `markdown_emphasis`.
use super::markdown_emphasis::{delimiter, emphasis, Tok};

/// The longest HTML tag or autolink, in bytes; longer, a `<` is a less-than sign.
const MAX_TAG: usize = 2048;

/// The characters that may start inline markup.
const SPECIAL: [char; 9] = ['\\', '`', '*', '_', '~', '!', '[', '<', '&'];

/// Named entities decoded: the ones HTML-minded writers and news systems actually put in text.
const ENTITIES: [(&str, char); 14] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("copy", '©'),
];

/// The plain text of one block's inline Markdown (a hard line break stays a `\n`). `refs` holds
/// the normalised labels of the reference definitions: a bare `[label]` is a link only when it
/// is defined, so that editorial brackets like `[sic]` are kept.
pub fn inline(s: &str, refs: &[String]) -> String {
    nested(s, refs, 0)
}

/// A link label as definitions and references are matched: whitespace collapsed, ASCII case
/// folded (full Unicode case tables would weigh more than this whole module).
pub fn label_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

/// `inline` inside `depth` link texts: deeper than a few, links stay literal (and the stack small).
fn nested(s: &str, refs: &[String], depth: usize) -> String {
    let mut state = Inline {
        s,
        refs,
        depth,
        toks: Vec::new(),
        brackets: pairs(s, b'[', b']'),
        parens: pairs(s, b'(', b')'),
        gt: s.find('>'),
        comment_end: s.find("-->"),
        unclosed_ticks: Vec::new(),
    };
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let used = match c {
            '\\' => state.escape(i),
            '`' => state.code(i),
            '*' | '_' | '~' => state.delim(i),
            '!' | '[' if depth < 4 => state.link(i),
            '<' => state.html(i),
            '&' => state.entity(i),
            _ => 0,
        };
        if used > 0 {
            i += used;
        } else {
            // Not markup: this character and the plain run after it.
            let n = c.len_utf8() + s[i + c.len_utf8()..].find(SPECIAL).unwrap_or(s.len() - i - c.len_utf8());
            state.text(&s[i..i + n]);
            i += n;
        }
    }
    emphasis(&mut state.toks);
    let mut out = String::with_capacity(s.len());
    for tok in &state.toks {
        match tok {
            Tok::Text(t) => out.push_str(t),
            Tok::Delim { c, n, .. } => out.extend(std::iter::repeat_n(char::from(*c), *n)),
        }
    }
    out
}

/// The state of one block's conversion: its source, where its brackets close, what comes next.
struct Inline<'a> {
    s: &'a str,
    refs: &'a [String],
    depth: usize,
    toks: Vec<Tok>,
    /// Byte positions (open, close) of matching `[` `]` and `(` `)`, by opening position.
    brackets: Vec<(usize, Option<usize>)>,
    parens: Vec<(usize, Option<usize>)>,
    /// The next `>` and `-->` at or after the last place looked (the scan only moves forward).
    gt: Option<usize>,
    comment_end: Option<usize>,
    /// Lengths of backtick runs with no closing run of the same length further on.
    unclosed_ticks: Vec<usize>,
}

impl Inline<'_> {
    fn text(&mut self, s: &str) {
        match self.toks.last_mut() {
            Some(Tok::Text(t)) => t.push_str(s),
            _ => self.toks.push(Tok::Text(s.to_string())),
        }
    }

    /// `\*` is a literal `*`; a backslash before anything but ASCII punctuation is itself.
    fn escape(&mut self, i: usize) -> usize {
        let s = self.s;
        if !s[i + 1..].starts_with(|c: char| c.is_ascii_punctuation()) {
            return 0;
        }
        self.text(&s[i + 1..i + 2]);
        2
    }

    /// A code span keeps its content literally; an unmatched backtick run is literal as a whole.
    fn code(&mut self, i: usize) -> usize {
        let s = self.s;
        let n = run(&s[i..], b'`');
        if !self.unclosed_ticks.contains(&n) {
            let mut j = i + n;
            while let Some(k) = s[j..].find('`').map(|k| k + j) {
                let m = run(&s[k..], b'`');
                if m == n {
                    let content = s[i + n..k].replace('\n', " ");
                    let padded = content.starts_with(' ') && content.ends_with(' ');
                    let strip = padded && !content.trim().is_empty(); // `` ` `` is a backtick
                    self.text(if strip { &content[1..content.len() - 1] } else { &content });
                    return k + n - i;
                }
                j = k + m;
            }
            self.unclosed_ticks.push(n);
        }
        self.text(&s[i..i + n]);
        n
    }

    /// A run of `*`, `_` or `~`: a token when it can open or close emphasis, else text.
    fn delim(&mut self, i: usize) -> usize {
        let s = self.s;
        let (n, tok) = delimiter(s, i);
        match tok {
            Some(tok) => self.toks.push(tok),
            None => self.text(&s[i..i + n]),
        }
        n
    }

    /// A link (`[text](url)`, `[text][ref]`, `[ref]`) gives its text; an image (`![alt](src)`)
    /// nothing.
    fn link(&mut self, i: usize) -> usize {
        let s = self.s;
        let start = i + usize::from(s[i..].starts_with('!'));
        let Some(close) = closing(&self.brackets, start) else { return 0 };
        let label = &s[start + 1..close];
        let end = match s.as_bytes().get(close + 1) {
            Some(b'(') => closing(&self.parens, close + 1),
            Some(b'[') => closing(&self.brackets, close + 1),
            _ if label.len() < 1000 && self.refs.contains(&label_key(label)) => Some(close),
            _ => None,
        };
        let Some(end) = end else { return 0 };
        if start == i {
            let text = nested(label, self.refs, self.depth + 1);
            self.text(&text);
        }
        end + 1 - i
    }

    /// An autolink (`<https://…>`, `<a@b.org>`) gives its address; an HTML comment or tag
    /// goes, `<br>` (and the tags of blocks) leaving a line break.
    fn html(&mut self, i: usize) -> usize {
        let s = self.s;
        if s[i..].starts_with("<!--") {
            return forward(s, &mut self.comment_end, "-->", i + 4).map_or(0, |e| e + 3 - i);
        }
        let Some(end) = forward(s, &mut self.gt, ">", i).filter(|&e| e - i <= MAX_TAG) else { return 0 };
        let inner = &s[i + 1..end];
        let scheme = inner.split(':').next().unwrap_or("");
        let url = inner.len() > scheme.len() && (2..=32).contains(&scheme.len());
        let url = url && scheme.starts_with(|c: char| c.is_ascii_alphabetic());
        let url = url && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b));
        if (url || inner.contains('@')) && !inner.contains(|c: char| c.is_whitespace() || c == '<') {
            self.text(inner);
            return end + 1 - i;
        }
        let tag = inner.strip_prefix('/').unwrap_or(inner);
        let name = &tag[..tag.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count()];
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || !attributes(&tag[name.len()..]) {
            return 0;
        }
        if ["br", "p", "div", "li", "tr"].iter().any(|b| name.eq_ignore_ascii_case(b)) {
            self.text("\n");
        }
        end + 1 - i
    }

    /// `&amp;`, `&#233;`, `&#xE9;` and the other entities above, decoded; anything else literal.
    fn entity(&mut self, i: usize) -> usize {
        let rest = &self.s[i..];
        let Some(semi) = rest.bytes().take(34).position(|b| b == b';') else { return 0 };
        let name = &rest[1..semi];
        let c = match name.strip_prefix('#') {
            Some(num) => {
                let (digits, radix) = num.strip_prefix(['x', 'X']).map_or((num, 10), |h| (h, 16));
                let valid = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
                let value = u32::from_str_radix(digits, radix).ok().filter(|_| valid);
                value.map(|v| char::from_u32(v).filter(|&c| c != '\0').unwrap_or('\u{fffd}'))
            }
            None => ENTITIES.iter().find(|(k, _)| *k == name).map(|&(_, c)| c),
        };
        let Some(c) = c else { return 0 };
        self.text(c.encode_utf8(&mut [0; 4]));
        semi + 1
    }
}

/// How many bytes `b` start `s`.
pub(super) fn run(s: &str, b: u8) -> usize {
    s.bytes().take_while(|&x| x == b).count()
}

/// Where each bracket closes (`None`: it does not), by opening position, found in one pass
/// with a stack (escaped ones left out): each link then costs a binary search, not a scan.
fn pairs(s: &str, open: u8, close: u8) -> Vec<(usize, Option<usize>)> {
    let (mut stack, mut out, mut escaped) = (Vec::new(), Vec::new(), false);
    for (i, b) in s.bytes().enumerate() {
        if escaped {
            escaped = false;
        } else if b == b'\\' {
            escaped = true;
        } else if b == open {
            stack.push(out.len());
            out.push((i, None));
        } else if b == close {
            if let Some(k) = stack.pop() {
                out[k].1 = Some(i);
            }
        }
    }
    out
}

/// Where the bracket at `open` closes, if it does.
fn closing(pairs: &[(usize, Option<usize>)], open: usize) -> Option<usize> {
    pairs.binary_search_by_key(&open, |p| p.0).ok().and_then(|k| pairs[k].1)
}

/// The next `pat` at or after `from`, resuming from the last answer (callers move forward only,
/// so a pattern that is not there is looked for once).
fn forward(s: &str, memo: &mut Option<usize>, pat: &str, from: usize) -> Option<usize> {
    if memo.is_some_and(|m| m < from) {
        *memo = s[from..].find(pat).map(|k| k + from);
    }
    *memo
}

/// Whether what follows a tag name looks like HTML attributes (`href="x" class=a /`), so that
/// prose such as `a <b, c> d` is not taken for a tag.
fn attributes(s: &str) -> bool {
    let mut quote = None;
    let shaped = s.chars().all(|c| match quote {
        Some(q) => {
            quote = (c != q).then_some(q);
            true
        }
        None if c == '"' || c == '\'' => {
            quote = Some(c);
            true
        }
        None => c.is_ascii_alphanumeric() || " \t\n_:.-=/".contains(c),
    });
    shaped && quote.is_none() && (s.is_empty() || s.starts_with(|c: char| c.is_whitespace() || c == '/'))
}
