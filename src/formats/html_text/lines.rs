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
    /// Add the text of a text node in normal flow.
    pub fn text(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' => self.space(),
                c => self.visible(c),
            }
        }
    }

    /// Add the text of a text node inside `<pre>`: spaces kept, each newline ends a line.
    pub fn pre(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '\n' => self.newline(),
                '\r' => {}
                '\u{a0}' => self.pending.push(' '),
                ' ' | '\t' => self.pending.push(c),
                c => self.visible(c),
            }
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

/// `s` on one line, white space collapsed and trimmed.
pub fn collapse(s: &str) -> String {
    let mut lines = Lines::default();
    lines.text(s);
    lines.finish()
}
