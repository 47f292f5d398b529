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
}
