//! Markdown to readable plain text (headings, emphasis, links, lists, code), and its title.
//!
//! The text becomes the document users annotate, so it must be clean: one paragraph (heading,
//! list item, table row, code line) per line, blocks separated by a blank line, no markup left.
//! This is the block level, line by line: `markdown_line` tells what each line is, and
//! `markdown_inline` does what happens inside a block.
use super::markdown_inline::inline;
use super::markdown_line::{
    atx, cells, fence_open, indented, is_delim_row, is_hr, is_underline, list_item, plain, ref_def, unquote, untask,
};
use crate::model::text::{default_title, normalize_text};

/// The readable text of a Markdown source and its title (the first heading, else the first line).
///
/// Hand-written rather than a CommonMark crate, which would weigh more in the wasm bundle than
/// the whole app; it covers what articles use and never panics, whatever the input.
pub fn to_text(md: &str) -> (String, String) {
    let src = normalize_text(md);
    let mut lines: Vec<&str> = src.lines().collect();
    let meta_title = front_matter(&mut lines);
    let refs: Vec<String> = lines.iter().filter_map(|l| ref_def(unquote(l, usize::MAX).1.trim_start())).collect();
    let mut b = Blocks { refs, ..Blocks::default() };
    for (i, raw) in lines.iter().enumerate() {
        let max = if b.fence.is_some() { b.depth } else { usize::MAX };
        let (depth, text) = unquote(raw, max);
        let next = lines.get(i + 1).map(|n| unquote(n, usize::MAX)).filter(|n| n.0 == depth);
        b.line(depth, &text, next.as_ref().map(|n| n.1.trim()));
    }
    b.close_all();
    let title = meta_title.or(b.title).unwrap_or_else(|| default_title(&b.text));
    (title, b.text)
}

/// Drop YAML front matter (`---` … `---` or `...` on the first line), giving its `title:`.
fn front_matter(lines: &mut Vec<&str>) -> Option<String> {
    if lines.first()?.trim_end() != "---" {
        return None;
    }
    let end = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "..."))? + 1;
    let title = lines[1..end].iter().find_map(|l| l.strip_prefix("title:")).map(|t| {
        let t = t.trim();
        let unquoted = [('"', '"'), ('\'', '\'')].iter().find_map(|&(a, b)| t.strip_prefix(a)?.strip_suffix(b));
        unquoted.unwrap_or(t).trim().to_string()
    });
    lines.drain(..=end);
    title.filter(|t| !t.is_empty())
}

/// The block being built and the text so far.
#[derive(Default)]
struct Blocks {
    /// Normalised labels of the reference definitions (`[label]: url`).
    refs: Vec<String>,
    text: String,
    title: Option<String>,
    /// A blank line is due before the next line of text.
    gap: bool,
    /// Raw lines of the open paragraph.
    para: Vec<String>,
    /// Lines of the open code block, fenced or indented.
    code: Vec<String>,
    /// The open fence: its character, length and indentation.
    fence: Option<(u8, usize, usize)>,
    /// Content columns of the open list items, innermost last.
    lists: Vec<usize>,
    /// Block-quote depth of the open blocks.
    depth: usize,
    /// The previous line was blank (a list item's lazy continuation ends there).
    blank: bool,
    /// Inside a table (its rows are lines with a `|`).
    table: bool,
    /// Inside an HTML comment spanning lines.
    comment: bool,
}

impl Blocks {
    /// One source line, at block-quote `depth`; `next` is the following line at the same depth.
    fn line(&mut self, depth: usize, text: &str, next: Option<&str>) {
        if self.comment {
            self.comment = !text.contains("-->");
            return;
        }
        let t = text.trim_start_matches(' '); // leading tabs are spaces by now
        let blank = t.trim().is_empty();
        if depth != self.depth {
            if depth < self.depth && !self.para.is_empty() && !blank && plain(t) {
                return self.para.push(t.to_string()); // lazy continuation of a quoted paragraph
            }
            self.close_all();
            self.depth = depth;
        }
        let indent = text.len() - t.len();
        if let Some((ch, n, fence_indent)) = self.fence {
            let closes = t.bytes().take_while(|&b| b == ch).count() >= n;
            if indent <= fence_indent + 3 && closes && t.trim_start_matches(char::from(ch)).trim().is_empty() {
                return self.flush_code();
            }
            return self.code.push(text[indent.min(fence_indent)..].to_string());
        }
        if blank {
            self.flush_para();
            self.table = false;
            if !self.code.is_empty() {
                self.code.push(String::new());
            }
            self.blank = true;
            return;
        }
        self.line_text(t, indent, next);
        self.blank = false;
    }

    /// A non-blank line outside a fence: list containers, indented code, block starts, text.
    fn line_text(&mut self, t: &str, indent: usize, next: Option<&str>) {
        let item = list_item(t).is_some();
        let was_list = !self.lists.is_empty();
        while let Some(&col) = self.lists.last() {
            if indent >= col || (!item && !self.blank && !self.para.is_empty()) {
                break;
            }
            self.lists.pop();
        }
        let base = self.lists.last().map_or(0, |&c| c.min(indent));
        let rel = indent - base;
        if !self.code.is_empty() && rel < 4 {
            self.flush_code();
        }
        if rel >= 4 && self.para.is_empty() && !self.table {
            return self.code.push(indented(rel - 4, t));
        }
        if rel >= 4 || !self.block_start(t, indent, next, was_list) {
            self.para.push(t.to_string());
        }
    }

    /// Start (and maybe finish) the block that `t` opens, if it opens one.
    fn block_start(&mut self, t: &str, indent: usize, next: Option<&str>, was_list: bool) -> bool {
        if self.table {
            if t.contains('|') {
                if !is_delim_row(t) {
                    self.row(t);
                }
                return true;
            }
            self.table = false;
        }
        if t.starts_with("<!--") && !t.contains("-->") {
            self.flush_para();
            self.comment = true;
        } else if let Some((ch, n)) = fence_open(t) {
            self.flush_para();
            self.fence = Some((ch, n, indent));
        } else if let Some(h) = atx(t) {
            self.flush_para();
            self.heading(h);
        } else if !self.para.is_empty() && is_underline(t) {
            let raw = para_raw(&std::mem::take(&mut self.para));
            self.heading(&raw);
        } else if is_hr(t) {
            self.flush_para();
        } else if let Some((col, marker, content)) = list_item(t) {
            return self.item(indent + col, marker, content, was_list);
        } else if t.contains('|')
            && next.is_some_and(|n| n.contains('|') && is_delim_row(n) && cells(n).len() == cells(t).len())
        {
            self.flush_para();
            self.table = true;
            self.row(t);
        } else {
            return self.para.is_empty() && ref_def(t).is_some(); // a definition is dropped
        }
        true
    }

    /// A list item: its content is a paragraph of its own. An ordered item keeps its number:
    /// "10. Paris" in a list of places says something.
    fn item(&mut self, col: usize, marker: &str, content: &str, was_list: bool) -> bool {
        let ordered = marker.starts_with(|c: char| c.is_ascii_digit());
        let one = matches!(marker.trim_start_matches('0'), "1." | "1)");
        if ordered && !one && !was_list && !self.para.is_empty() {
            return false; // "2019. That year…" wrapped into a paragraph is not a list
        }
        self.flush_para();
        self.lists.push(col);
        let content = untask(content);
        self.para.push(if ordered { marker.to_string() + " " + content } else { content.to_string() });
        true
    }

    fn heading(&mut self, raw: &str) {
        let text = inline(raw, &self.refs);
        let title = clean(&text.replace('\n', " "));
        if self.title.is_none() && !title.is_empty() {
            self.title = Some(title);
        }
        self.push_block(&text);
    }

    fn row(&mut self, t: &str) {
        let mut row = String::new();
        for (k, cell) in cells(t).into_iter().enumerate() {
            row.push_str(if k == 0 { "" } else { " | " });
            row.push_str(&inline(cell, &self.refs).replace('\n', " "));
        }
        self.push_block(&row);
    }

    fn flush_para(&mut self) {
        if !self.para.is_empty() {
            let raw = para_raw(&std::mem::take(&mut self.para));
            let text = inline(&raw, &self.refs);
            self.push_block(&text);
        }
    }

    fn flush_code(&mut self) {
        self.gap = true;
        for line in std::mem::take(&mut self.code) {
            self.push_line(line.trim_end());
        }
        self.fence = None;
    }

    fn close_all(&mut self) {
        self.flush_para();
        self.flush_code();
        self.table = false;
        self.lists.clear();
    }

    /// Append a block of prose, a blank line before it, each line cleaned.
    fn push_block(&mut self, block: &str) {
        self.gap = true;
        for line in block.split('\n') {
            self.push_line(&clean(line));
        }
    }

    /// Append a line of the current block; an empty one makes (at most) one blank line.
    fn push_line(&mut self, line: &str) {
        if line.is_empty() {
            self.gap = true;
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str(if self.gap { "\n\n" } else { "\n" });
        }
        self.text.push_str(line);
        self.gap = false;
    }
}

/// A line of prose as it reads: runs of spaces and tabs made one space, trimmed.
fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split([' ', '\t']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_string()
}

/// The lines of a paragraph joined: a soft break is a space, a hard break (two spaces or a
/// backslash at the end of the line) a newline.
fn para_raw(lines: &[String]) -> String {
    let mut raw = String::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_end_matches(' ');
        if i + 1 == lines.len() {
            raw.push_str(t);
        } else if let Some(t) = t.strip_suffix('\\') {
            raw.push_str(t);
            raw.push('\n');
        } else {
            raw.push_str(t);
            raw.push(if line.len() - t.len() >= 2 { '\n' } else { ' ' });
        }
    }
    raw
}
