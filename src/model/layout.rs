//! How the text is cut into blocks (one per non-empty line) and each block into segments
//! that share the same set of covering annotations. Pure, so it is tested natively.
use super::annotation::Annotation;
use super::text::TextIndex;
use std::rc::Rc;

/// One rendered block: a non-empty line, `[start, end)` in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
}

/// The blocks of a text: every line holding something other than white space.
pub fn blocks(text: &str, index: &TextIndex) -> Vec<Block> {
    let mut out = Vec::new();
    let mut byte = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            let start = index.byte_to_cp(byte);
            let end = index.byte_to_cp(byte + line.len());
            out.push(Block { start, end });
        }
        byte += line.len() + 1;
    }
    out
}

/// Indexes of the blocks that `[start, end)` touches (a half-open range of block indexes).
pub fn blocks_touching(blocks: &[Block], start: usize, end: usize) -> std::ops::Range<usize> {
    let first = blocks.partition_point(|b| b.end <= start);
    let last = blocks.partition_point(|b| b.start < end.max(start + 1));
    first..last.max(first)
}

/// The chunks (runs of `chunk` blocks) that a screen spans: from the one holding block `top`, at
/// the top of the window, to the one holding the last block that starts within `reach` code
/// points of `top`'s start (at least the first chunk; a `top` past the end counts from the start).
pub fn screen_chunks(blocks: &[Block], top: usize, reach: usize, chunk: usize) -> std::ops::Range<usize> {
    let top = if top < blocks.len() { top } else { 0 };
    let until = blocks.get(top).map_or(0, |b| b.start).saturating_add(reach);
    top / chunk..blocks.partition_point(|b| b.start < until).div_ceil(chunk).max(top / chunk + 1)
}

/// Each character of the text from code point `from` (the start of block `top`) to `reach`
/// code points further, once and white space left out, by kind of block: the headline's
/// (block 0), the standfirst's (block 1) and the paragraphs'. What a screen asks of the fonts.
pub fn screen_characters(text: &str, index: &TextIndex, from: usize, top: usize, reach: usize) -> [String; 3] {
    let mut kinds: [String; 3] = Default::default();
    // (Each kind's characters so far, sorted: a screen dense in CJK has thousands of distinct
    // ones, which a search of the string for each would compare millions of times.)
    let mut seen: [Vec<char>; 3] = Default::default();
    let (a, b) =
        (index.cp_to_byte(from.min(index.len())), index.cp_to_byte(from.saturating_add(reach).min(index.len())));
    let lines = text[a..b].split('\n').filter(|l| !l.trim().is_empty());
    for (i, line) in lines.enumerate() {
        let k = (top + i).min(2);
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            if let Err(at) = seen[k].binary_search(&c) {
                seen[k].insert(at, c);
                kinds[k].push(c);
            }
        }
    }
    kinds
}

/// Blocks longer than this (in code points) are watched for nearness on their own.
const LONG_BLOCK: usize = 2000;

/// Whether block `i` is watched for coming near the viewport. Every other block is enough:
/// a short block's neighbours lie within a screen of it, and each watched block that comes
/// near brings its neighbours with it (see `near_with`). Long blocks are always watched.
/// Fewer watched elements make every frame's intersection pass cheaper.
pub fn watched(blocks: &[Block], i: usize) -> bool {
    i.is_multiple_of(2) || blocks.get(i).is_some_and(|b| b.end - b.start > LONG_BLOCK)
}

/// The blocks to draw when watched block `i` comes near: it and its two neighbours.
pub fn near_with(blocks: &[Block], i: usize) -> std::ops::Range<usize> {
    i.saturating_sub(1)..(i + 2).min(blocks.len())
}

/// A long block is drawn in runs of about this many code points, each a line-broken part of
/// the paragraph with its own component, so that an edit in a paragraph of a hundred thousand
/// characters re-renders and re-lays-out only the run it touches. Blocks up to twice this long
/// are drawn whole.
pub const RUN: usize = 1000;

/// Whether `c` belongs with the character before it (a combining mark, a joiner, a variation
/// selector, a skin tone or tag character), so that a run must not start with it.
fn clings(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F
        | 0x900..=0x903 | 0x93A..=0x94F | 0xE31 | 0xE34..=0xE3A | 0xE47..=0xE4E | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// Whether `block` is short enough to be drawn whole, as one run.
pub fn drawn_whole(block: Block) -> bool {
    block.end - block.start <= 2 * RUN
}

/// The runs of a block (`text` is the block's own text). A block of up to `2 × RUN` code points
/// is one run. A longer one is cut once a run holds `RUN` code points: after the white space
/// that follows a sentence's end (or after a CJK full stop, question or exclamation mark);
/// failing that within another `RUN`, after any white space; failing that, anywhere not before
/// a combining mark. Cuts depend on the text alone, so runs stay put while annotations change.
pub fn runs(block: Block, text: &str) -> Vec<Block> {
    if drawn_whole(block) {
        return vec![block];
    }
    let mut out = Vec::new();
    let (mut start, mut at) = (block.start, block.start);
    // Whether the text since the last letter or digit ends a sentence ("end." or "end?”").
    let mut sentence = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        at += 1;
        let held = at - start;
        let space = c.is_whitespace();
        let cut = match held {
            _ if at >= block.end || chars.peek().is_some_and(|&n| clings(n)) => false,
            h if h < RUN => false,
            h if h < 2 * RUN => (space && sentence) || matches!(c, '。' | '！' | '？'),
            h if h < 3 * RUN => space,
            _ => true,
        };
        if matches!(c, '.' | '?' | '!' | '…') {
            sentence = true;
        } else if c.is_alphanumeric() {
            sentence = false;
        }
        if cut {
            out.push(Block { start, end: at });
            start = at;
        }
    }
    out.push(Block { start, end: block.end });
    out
}

/// For each run, the annotations (in document order) that overlap it.
pub fn per_run(runs: &[Block], anns: &[Rc<Annotation>]) -> Vec<Vec<Rc<Annotation>>> {
    let mut out = vec![Vec::new(); runs.len()];
    for a in anns {
        let first = runs.partition_point(|r| r.end <= a.start);
        let last = runs.partition_point(|r| r.start < a.end);
        for bucket in &mut out[first..last.max(first)] {
            bucket.push(a.clone());
        }
    }
    out
}

/// A run of text inside a block covered by the same annotations (outer first).
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub covering: Vec<Rc<Annotation>>,
}

/// Cut a block into segments at every annotation boundary. `anns` are the annotations that
/// touch the block, in document order.
pub fn segments(block: Block, anns: &[Rc<Annotation>]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for a in anns {
        for p in [a.start, a.end] {
            if p > block.start && p < block.end {
                cuts.push(p);
            }
        }
    }
    super::order::by_key(&mut cuts, |&c| (c as u64, 0));
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let covering = anns.iter().filter(|a| a.start <= w[0] && a.end >= w[1]).cloned().collect();
            Segment { start: w[0], end: w[1], covering }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Kind;

    #[test]
    fn a_screen_spans_the_chunks_from_its_top_block_to_the_last_block_it_reaches() {
        // 100 blocks of 10 code points and a separator: block i starts at 11 i.
        let blocks: Vec<Block> = (0..100).map(|i| Block { start: 11 * i, end: 11 * i + 10 }).collect();
        assert_eq!(screen_chunks(&blocks, 0, 1, 16), 0..1);
        // Blocks 0..=15 start before 170; block 16 at 176 does not.
        assert_eq!(screen_chunks(&blocks, 0, 170, 16), 0..1);
        assert_eq!(screen_chunks(&blocks, 0, 177, 16), 0..2);
        // From block 40 (chunk 2, at 440): blocks up to 63 start before 440 + 260.
        assert_eq!(screen_chunks(&blocks, 40, 260, 16), 2..4);
        assert_eq!(screen_chunks(&blocks, 40, 270, 16), 2..5);
        assert_eq!(screen_chunks(&blocks, 99, 5000, 16), 6..7);
        assert_eq!(screen_chunks(&blocks, 500, 1, 16), 0..1, "a top block that is no more");
        assert_eq!(screen_chunks(&blocks, 0, usize::MAX, 16), 0..7);
        assert_eq!(screen_chunks(&[], 0, 100, 16), 0..1);
    }

    #[test]
    fn a_screen_asks_the_fonts_for_each_of_its_characters_once_by_kind_of_block() {
        let text = "Zoë met 李\n\nStand 😀 e\u{301}\r\nPara 李 Zoë 🇨🇳\nmore text here\nfar away ß";
        let index = TextIndex::new(text);
        let blocks = blocks(text, &index);
        assert_eq!(blocks.len(), 5);
        // The last block starts past the reach: left out; the fourth is cut at it.
        let reach = text.chars().count() - "here\nfar away ß".chars().count();
        let [head, stand, paras] = screen_characters(text, &index, 0, 0, reach);
        assert_eq!(head, "Zoëmet李");
        assert_eq!(stand, "Stand😀e\u{301}");
        assert_eq!(paras, "Par李Zoë🇨🇳metx");
        // From the third block on: all are paragraphs.
        let [head, stand, paras] = screen_characters(text, &index, blocks[2].start, 2, 1000);
        assert_eq!((head.as_str(), stand.as_str()), ("", ""));
        assert_eq!(paras, "Par李Zoë🇨🇳metxhfwyß");
        assert_eq!(screen_characters(text, &index, 900, 9, 1000), <[String; 3]>::default());
    }

    #[test]
    fn every_block_is_watched_or_next_to_a_watched_one() {
        let blocks: Vec<Block> = [(0, 10), (11, 3000), (3001, 3010), (3011, 3020), (3021, 3030)]
            .iter()
            .map(|&(start, end)| Block { start, end })
            .collect();
        assert!(watched(&blocks, 0) && watched(&blocks, 1) && watched(&blocks, 2) && !watched(&blocks, 3));
        for j in 0..blocks.len() {
            let covered = (0..blocks.len()).any(|i| watched(&blocks, i) && near_with(&blocks, i).contains(&j));
            assert!(covered, "block {j}");
        }
        assert_eq!(near_with(&blocks, 0), 0..2);
        assert_eq!(near_with(&blocks, 4), 3..5);
    }

    fn ann(id: &str, start: usize, end: usize) -> Rc<Annotation> {
        Rc::new(Annotation {
            id: id.into(),
            kind: Kind::Entity,
            label: "PERSON".into(),
            start,
            end,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            note: String::new(),
            entity_ref: None,
            created: String::new(),
            modified: String::new(),
            claim: None,
        })
    }

    #[test]
    fn blocks_skip_blank_lines_and_count_code_points() {
        let text = "Head 😀\n\n  \nBody 北京\nLast";
        let idx = TextIndex::new(text);
        let b = blocks(text, &idx);
        assert_eq!(b, vec![Block { start: 0, end: 6 }, Block { start: 11, end: 18 }, Block { start: 19, end: 23 }]);
        assert_eq!(blocks_touching(&b, 3, 12), 0..2);
        assert_eq!(blocks_touching(&b, 7, 10), 1..1);
        assert_eq!(blocks_touching(&b, 19, 19), 2..3);
    }

    #[test]
    fn segments_split_at_nested_and_crossing_boundaries() {
        let block = Block { start: 0, end: 10 };
        let outer = ann("o", 0, 8);
        let inner = ann("i", 2, 4);
        let cross = ann("c", 6, 12);
        let segs = segments(block, &[outer.clone(), inner.clone(), cross.clone()]);
        let spans: Vec<(usize, usize, usize)> = segs.iter().map(|s| (s.start, s.end, s.covering.len())).collect();
        assert_eq!(spans, vec![(0, 2, 1), (2, 4, 2), (4, 6, 1), (6, 8, 2), (8, 10, 1)]);
        assert_eq!(segs[1].covering[1].id, "i");
    }

    #[test]
    fn runs_cut_long_blocks_after_sentences_then_spaces_never_before_a_mark() {
        let short = Block { start: 5, end: 5 + 2 * RUN };
        assert_eq!(runs(short, &"a".repeat(2 * RUN)), vec![short]);
        // Sentences of 99 code points and a space: cuts fall after the first sentence past RUN.
        let sentence = format!("{}.” ", "abcdefgh ".repeat(10).trim_end());
        let text = sentence.repeat(40);
        let len = sentence.chars().count();
        let n = text.chars().count();
        let block = Block { start: 100, end: 100 + n };
        let r = runs(block, &text);
        assert_eq!(r.first().map(|b| b.start), Some(100));
        assert_eq!(r.last().map(|b| b.end), Some(100 + n));
        for w in r.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_eq!((w[0].end - 100) % len, 0, "cut after a sentence: {w:?}");
        }
        assert!(r[..r.len() - 1].iter().all(|b| b.end - b.start >= RUN && b.end - b.start < RUN + len));
        // No sentence: after a space once past 2 × RUN.
        let text = "abcdefghi ".repeat(500);
        let r = runs(Block { start: 0, end: 5000 }, &text);
        assert_eq!(r[0], Block { start: 0, end: 2 * RUN });
        // No space at all (CJK without punctuation, an accented letter, emoji): hard cuts from
        // 3 × RUN on, moved past a combining mark.
        let mut text: String = "北".repeat(3 * RUN - 1);
        text.push('e');
        text.push('\u{301}');
        text.push_str(&"😀".repeat(4000));
        let n = text.chars().count();
        let r = runs(Block { start: 0, end: n }, &text);
        assert_eq!(r[0], Block { start: 0, end: 3 * RUN + 1 });
        assert_eq!(r.last().map(|b| b.end), Some(n));
        assert!(r.windows(2).all(|w| w[0].end == w[1].start));
        // A CJK full stop ends a run.
        let text = format!("{}。{}", "北".repeat(RUN + 4), "京".repeat(2 * RUN));
        let r = runs(Block { start: 0, end: text.chars().count() }, &text);
        assert_eq!(r[0].end, RUN + 5);
    }

    #[test]
    fn per_run_puts_each_annotation_in_every_run_it_overlaps() {
        let r = [Block { start: 0, end: 10 }, Block { start: 10, end: 20 }, Block { start: 20, end: 30 }];
        let (a, b, c) = (ann("a", 2, 4), ann("b", 8, 22), ann("c", 20, 30));
        let got = per_run(&r, &[a, b, c]);
        let ids: Vec<Vec<&str>> = got.iter().map(|v| v.iter().map(|x| x.id.as_str()).collect()).collect();
        assert_eq!(ids, vec![vec!["a", "b"], vec!["b"], vec!["b", "c"]]);
    }
}
