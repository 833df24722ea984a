//! Stable sorting through one shared copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site with
//! its own closure gets its own copy of the whole driftsort machinery (3–5 KB of WebAssembly
//! each): 130 KB of the recruiter's module were sorts. Here the standard sort runs once, on
//! positions (`usize`) compared through a `dyn` closure, and the slice is then put in that
//! order; what stays generic per element type is a few dozen instructions. Same results as
//! `sort_by` (stable: equal elements keep their order), checked by property tests below.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` puts the elements at those positions (stable).
fn order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Puts `v` in the order `positions` gives: afterwards `v[k]` is what `v[positions[k]]` was.
/// `positions` must be a permutation of `0..v.len()` (it is consumed as a work space).
fn permute<T>(v: &mut [T], mut positions: Vec<usize>) {
    for start in 0..v.len() {
        let mut here = start;
        loop {
            let from = positions[here];
            positions[here] = here;
            if from == start {
                break;
            }
            v.swap(here, from);
            here = from;
        }
    }
}

/// Stable sort of `v` by a comparison, like [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let positions = {
        let items = &*v;
        order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, positions);
}

/// Stable sort of `v` by a key, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort of `v` in its natural order, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_and_single_are_left_alone() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn a_reversed_comparison_sorts_descending() {
        let mut v = vec![3, 1, 4, 1, 5, 9, 2, 6];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [9, 6, 5, 4, 3, 2, 1, 1]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The same result as the standard library's stable sort, element for element (the
        /// payload tells equal keys apart, so stability is checked too).
        #[test]
        fn same_as_std_sort_by_key(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let v: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = v;
            theirs.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn same_as_std_sort(v in proptest::collection::vec(any::<i32>(), 0..300)) {
            let mut ours = v.clone();
            sort(&mut ours);
            let mut theirs = v;
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn strings_by_comparison(v in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            let mut theirs = v;
            theirs.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            prop_assert_eq!(ours, theirs);
        }
    }
}
