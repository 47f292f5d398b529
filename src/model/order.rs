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
    let mut out = vec![0; names.len()];
    for (rank, (_, i)) in Names::new(names.iter().copied()).0.iter().enumerate() {
        out[*i] = rank as u64;
    }
    out
}

/// A set of strings, sorted once and searched by halves. Every set the app needs is one of
/// these (each kind of hash set or map compiled its own hashing and growing code into the
/// bundle).
pub struct Names<'a>(Vec<(&'a str, usize)>);

impl<'a> Names<'a> {
    /// The set of `names`, each remembering where it first came (its index in `names`).
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut v: Vec<(&str, usize)> = names.into_iter().enumerate().map(|(i, n)| (n, i)).collect();
        v.sort_unstable();
        Names(v)
    }

    /// Where `name` first came in the list the set was made of, if it is there.
    pub fn first(&self, name: &str) -> Option<usize> {
        let i = self.0.partition_point(|(n, _)| *n < name);
        self.0.get(i).filter(|(n, _)| *n == name).map(|(_, at)| *at)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.first(name).is_some()
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
    fn ranks_strings_alphabetically() {
        assert_eq!(ranks(&["b", "a", "c", "a"]), [2, 0, 3, 1]);
        assert!(ranks(&[]).is_empty());
    }
}
