//! Text gathered line by line with white space collapsed as a browser renders it.

/// The article's text as it is being gathered: runs of spaces, tabs and newlines become one
/// space (a no-break space counts as one too and comes out as U+0020), nothing at a line's
/// edges, no empty lines; in preformatted text spaces are kept and newlines break lines.
#[derive(Debug, Default)]
pub struct Lines {
    out: String,
    /// White space seen since the last visible character, written only if another follows.
    pending: String,
}

impl Lines {
    /// Add text in normal flow.
    pub fn text(&mut self, s: &str) {
        // Byte by byte and a word at a time: a page's text is long. White space is ASCII but
        // for the no-break space (C2 A0); the soft hyphen (C2 AD) shows only where a line wraps.
        let bytes = s.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let (width, space) = match (bytes[i], bytes.get(i + 1)) {
                (b' ' | b'\t' | b'\n' | b'\r' | 0x0c, _) => (1, true),
                (0xc2, Some(0xa0)) => (2, true),
                (0xc2, Some(0xad)) => (2, false),
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.word(&s[start..i]);
            if space {
                self.space();
            }
            i += width;
            start = i;
        }
        self.word(&s[start..]);
    }

    fn word(&mut self, word: &str) {
        if !word.is_empty() {
            self.out.push_str(&self.pending);
            self.pending.clear();
            self.out.push_str(word);
        }
    }

    /// Add text inside `<pre>` or not.
    pub fn add(&mut self, s: &str, pre: bool) {
        if pre {
            self.pre(s);
        } else {
            self.text(s);
        }
    }

    /// Add text inside `<pre>`: spaces kept, each newline ends a line.
    pub fn pre(&mut self, s: &str) {
        s.chars().for_each(|c| self.pre_char(c));
    }

    /// Add one character of text, inside `<pre>` or not.
    pub fn push(&mut self, c: char, pre: bool) {
        if pre {
            self.pre_char(c);
        } else {
            self.text_char(c);
        }
    }

    fn text_char(&mut self, c: char) {
        if is_space(c) {
            self.space();
        } else {
            self.visible(c);
        }
    }

    fn pre_char(&mut self, c: char) {
        match c {
            '\n' => self.newline(),
            '\r' => {}
            '\u{a0}' => self.pending.push(' '),
            ' ' | '\t' => self.pending.push(c),
            c => self.visible(c),
        }
    }

    /// A collapsible space (between inline pieces, or table cells).
    pub fn space(&mut self) {
        if self.pending.is_empty() && !self.at_line_start() {
            self.pending.push(' ');
        }
    }

    /// End the current line, if it has anything (a block's edge, a `<br>`).
    pub fn newline(&mut self) {
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.pending.clear();
    }

    /// End the current line and return the byte offset where the next one starts.
    pub fn mark(&mut self) -> usize {
        self.newline();
        self.out.len()
    }

    /// The text so far, without a final newline.
    pub fn finish(mut self) -> String {
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn visible(&mut self, c: char) {
        if c == '\u{ad}' {
            return; // a soft hyphen shows only where a line wraps
        }
        self.out.push_str(&self.pending);
        self.pending.clear();
        self.out.push(c);
    }
}

/// White space as CSS collapses it, and the no-break space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

/// `s` on one line, white space collapsed and trimmed.
pub fn collapse(s: &str) -> String {
    let mut lines = Lines::default();
    lines.text(s);
    lines.finish()
}
