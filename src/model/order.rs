//! Sorting by numeric keys through one sort of one key type, so that the many orders the app
//! needs share a single sort routine in the bundle (each element type and comparator given to
//! `sort_by` would otherwise be compiled into a sort of its own).

/// Sort `v` by `key`, smallest first; equal keys keep their order.
pub fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> (u64, u64)) {
    let mut keys: Vec<(u64, u64, usize)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let (a, b) = key(x);
            (a, b, i)
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.iter().filter_map(|k| slots[k.2].take()));
}

/// The rank of each string of `names` in alphabetical order (equal strings in their order).
pub fn ranks(names: &[&str]) -> Vec<u64> {
    let mut sorted: Vec<(&str, usize)> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    sorted.sort_unstable();
    let mut out = vec![0; names.len()];
    for (rank, (_, i)) in sorted.iter().enumerate() {
        out[*i] = rank as u64;
    }
    out
}

/// A set of strings, ordered once by a hash of each and searched by halves. Every set the app
/// needs is one of these (each kind of hash set or map compiled its own hashing and growing
/// code into the bundle). The order is by hash, not by the strings: the standard library is
/// built for size, so its sorts are heap sorts, and a heap sort of 20,000 ids compared as
/// strings took tens of milliseconds where one of numbers takes one or two.
pub struct Names<'a> {
    names: Vec<&'a str>,
    /// (hash, index in `names`), smallest first.
    order: Vec<(u64, usize)>,
}

/// FNV-1a, 64 bits: a few instructions a byte, and strings that differ rarely share one.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

impl<'a> Names<'a> {
    /// The set of `names`, each remembering where it first came (its index in `names`).
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let names: Vec<&str> = names.into_iter().collect();
        let mut order: Vec<(u64, usize)> = names.iter().enumerate().map(|(i, n)| (hash(n), i)).collect();
        order.sort_unstable();
        Names { names, order }
    }

    /// Where `name` first came in the list the set was made of, if it is there.
    pub fn first(&self, name: &str) -> Option<usize> {
        let h = hash(name);
        let i = self.order.partition_point(|(k, _)| *k < h);
        // (Same hash: in the order they came, so the first equal one is the first place.)
        self.order[i..].iter().take_while(|(k, _)| *k == h).map(|(_, at)| *at).find(|at| self.names[*at] == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.first(name).is_some()
    }

    /// For each name of the list the set was made of, whether it is the first of its text
    /// there: one walk of the order, where asking `first` of each would search it each time.
    pub fn firsts(&self) -> Vec<bool> {
        let mut out = vec![false; self.names.len()];
        for run in self.order.chunk_by(|a, b| a.0 == b.0) {
            // (Places ascend within a run of one hash: the first of each text is its first place.)
            let mut texts: Vec<&str> = Vec::new();
            for &(_, at) in run {
                if !texts.contains(&self.names[at]) {
                    texts.push(self.names[at]);
                    out[at] = true;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut v, |x| (x.0, 0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        by_key(&mut v, |x| (u64::MAX - x.0, x.1 as u64));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
    }

    #[test]
    fn names_find_the_first_place_of_each() {
        let names = Names::new(["b", "a", "c", "a", ""]);
        assert_eq!((names.first("a"), names.first("b"), names.first("")), (Some(1), Some(0), Some(4)));
        assert!(names.contains("c") && !names.contains("d") && !names.contains("aa"));
        assert!(!Names::new([]).contains(""));
    }

    #[test]
    fn names_find_the_first_of_many_repeated() {
        let many: Vec<String> = (0..5000).map(|i| format!("a{}", i % 2500)).collect();
        let names = Names::new(many.iter().map(String::as_str));
        assert!((0..2500).all(|i| names.first(&format!("a{i}")) == Some(i)));
        assert!(!names.contains("a2500") && !names.contains("a") && !names.contains("é"));
    }

    #[test]
    fn firsts_mark_the_first_place_of_each_text_as_first_does() {
        let names = Names::new(["b", "a", "c", "a", "", "b", ""]);
        assert_eq!(names.firsts(), [true, true, true, false, true, false, false]);
        let many: Vec<String> = (0..5000).map(|i| format!("Zoë {}", i % 7 * 13 % 2500)).collect();
        let names = Names::new(many.iter().map(String::as_str));
        let expected: Vec<bool> = many.iter().enumerate().map(|(i, n)| names.first(n) == Some(i)).collect();
        assert_eq!(names.firsts(), expected);
        assert!(Names::new([]).firsts().is_empty());
    }

    #[test]
    fn ranks_strings_alphabetically() {
        assert_eq!(ranks(&["b", "a", "c", "a"]), [2, 0, 3, 1]);
        assert!(ranks(&[]).is_empty());
    }
}
