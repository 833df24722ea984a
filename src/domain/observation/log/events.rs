//! The event log of an observation as a list of shared chunks, so that a change copies one
//! chunk, not the log.
//!
//! [`Events`] holds its events in order, in chunks of [`EVENTS_PER_CHUNK`]: every chunk but
//! the last is full, so event `i` is always in chunk `i / EVENTS_PER_CHUNK`, whatever the
//! history of the log. Chunks are shared (`Arc`) between copies: cloning a log of n events
//! copies n / 100 pointers, and a change copies only the chunk it touches — appending at the
//! end (live coding) or removing the last event copies at most 100 events; inserting or
//! removing at another place rebuilds the chunks from there to the end (the O(n) memory move
//! of a plain vector). Two logs that share a chunk compare it by pointer (`Arc::ptr_eq`), so
//! comparing a log with the copy it was made from costs n / 100 pointer comparisons plus the
//! chunks that differ; the storage layout (`file::stored`) and the live counts (`Tally`) use
//! the same test to find what a change touched.
//!
//! It reads and writes as a plain JSON array of events.

use super::Event;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Index, IndexMut, Range};
use std::sync::Arc;
use uuid::Uuid;

/// Events per shared chunk. The stored chunks (`file::stored::CHUNK_EVENTS`) are a whole
/// number of these.
pub const EVENTS_PER_CHUNK: usize = 100;

type Chunk = Arc<Vec<Event>>;

/// A time-ordered event log in shared chunks (see the module documentation).
#[derive(Clone, Default)]
pub struct Events {
    /// Every chunk but the last holds exactly `EVENTS_PER_CHUNK` events; none is empty.
    chunks: Vec<Chunk>,
    len: usize,
}

fn new_chunk() -> Vec<Event> {
    Vec::with_capacity(EVENTS_PER_CHUNK)
}

impl Events {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            chunks: self.chunks.iter(),
            front: [].iter(),
            back: [].iter(),
        }
    }

    /// The events of `range` (clamped to the log), in order.
    pub fn iter_range(&self, range: Range<usize>) -> impl Iterator<Item = &Event> + '_ {
        let end = range.end.min(self.len);
        let start = range.start.min(end);
        let first = start / EVENTS_PER_CHUNK;
        let mut skip = start % EVENTS_PER_CHUNK;
        let mut left = end - start;
        self.chunks[first..]
            .iter()
            .flat_map(move |c| {
                let from = std::mem::take(&mut skip);
                let take = (c.len() - from).min(left);
                left -= take;
                c[from..from + take].iter()
            })
            .take(end - start)
    }

    /// Every event, mutably: copies every chunk shared with another log.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Event> + '_ {
        self.chunks
            .iter_mut()
            .flat_map(|c| Arc::make_mut(c).iter_mut())
    }

    pub fn get(&self, i: usize) -> Option<&Event> {
        self.chunks
            .get(i / EVENTS_PER_CHUNK)?
            .get(i % EVENTS_PER_CHUNK)
    }

    /// Event `i`, mutably: copies its chunk if another log shares it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Event> {
        let chunk = self.chunks.get_mut(i / EVENTS_PER_CHUNK)?;
        Arc::make_mut(chunk).get_mut(i % EVENTS_PER_CHUNK)
    }

    pub fn first(&self) -> Option<&Event> {
        self.chunks.first().and_then(|c| c.first())
    }

    pub fn last(&self) -> Option<&Event> {
        self.chunks.last().and_then(|c| c.last())
    }

    /// Appends an event: copies the last chunk at most.
    pub fn push(&mut self, e: Event) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < EVENTS_PER_CHUNK => Arc::make_mut(last).push(e),
            _ => {
                let mut chunk = new_chunk();
                chunk.push(e);
                self.chunks.push(Arc::new(chunk));
            }
        }
        self.len += 1;
    }

    /// Inserts an event at `i` (`i <= len`); the events after it move by one.
    pub fn insert(&mut self, i: usize, e: Event) {
        assert!(i <= self.len, "insertion index {i} beyond {}", self.len);
        if i == self.len {
            return self.push(e);
        }
        self.rebuild_from(i, |tail, at| tail.insert(at, e));
    }

    /// Removes and returns event `i` (`i < len`); the events after it move back by one.
    pub fn remove(&mut self, i: usize) -> Event {
        assert!(i < self.len, "removal index {i} beyond {}", self.len);
        let c = i / EVENTS_PER_CHUNK;
        if c + 1 == self.chunks.len() {
            // In the last chunk: nothing after it moves between chunks.
            let last = Arc::make_mut(&mut self.chunks[c]);
            let e = last.remove(i % EVENTS_PER_CHUNK);
            if last.is_empty() {
                self.chunks.pop();
            }
            self.len -= 1;
            return e;
        }
        let mut removed = None;
        self.rebuild_from(i, |tail, at| removed = Some(tail.remove(at)));
        removed.expect("the event was in the tail")
    }

    /// Takes the chunks from the one holding event `i` to the end, lets `change` edit their
    /// events (`i` is at the given offset), and cuts them into chunks again.
    fn rebuild_from(&mut self, i: usize, change: impl FnOnce(&mut Vec<Event>, usize)) {
        let c = i / EVENTS_PER_CHUNK;
        let mut tail: Vec<Event> = Vec::with_capacity(self.len - c * EVENTS_PER_CHUNK + 1);
        for chunk in self.chunks.drain(c..) {
            match Arc::try_unwrap(chunk) {
                Ok(events) => tail.extend(events),
                Err(shared) => tail.extend(shared.iter().cloned()),
            }
        }
        change(&mut tail, i - c * EVENTS_PER_CHUNK);
        self.len = c * EVENTS_PER_CHUNK + tail.len();
        let mut rest = tail.into_iter().peekable();
        while rest.peek().is_some() {
            let mut chunk = new_chunk();
            chunk.extend(rest.by_ref().take(EVENTS_PER_CHUNK));
            self.chunks.push(Arc::new(chunk));
        }
    }

    /// Whether an event satisfies `f`. This and the searches below walk the chunks as slices:
    /// a tight loop, several times faster than the event iterator in a release build.
    pub fn any(&self, mut f: impl FnMut(&Event) -> bool) -> bool {
        self.chunks.iter().any(|c| c.iter().any(&mut f))
    }

    /// The index of the first event that satisfies `f`.
    pub fn position(&self, mut f: impl FnMut(&Event) -> bool) -> Option<usize> {
        self.chunks
            .iter()
            .enumerate()
            .find_map(|(k, c)| Some(k * EVENTS_PER_CHUNK + c.iter().position(&mut f)?))
    }

    /// The last event that satisfies `f`, searched from the end.
    pub fn rfind(&self, mut f: impl FnMut(&Event) -> bool) -> Option<&Event> {
        self.chunks
            .iter()
            .rev()
            .find_map(|c| c.iter().rev().find(|e| f(e)))
    }

    /// The index of the event with this identifier (its 16 bytes compared as one 128-bit
    /// number, in the machine's byte order: two loads, no byte swap).
    pub fn position_of_id(&self, id: Uuid) -> Option<usize> {
        let bits = |id: &Uuid| u128::from_ne_bytes(*id.as_bytes());
        let id = bits(&id);
        self.position(|e| bits(&e.id) == id)
    }

    /// The number of events for which `pred` holds, when it holds for a prefix of the log and
    /// for nothing after (a binary search, like `slice::partition_point`).
    pub fn partition_point(&self, mut pred: impl FnMut(&Event) -> bool) -> usize {
        let c = self
            .chunks
            .partition_point(|chunk| chunk.last().is_some_and(&mut pred));
        match self.chunks.get(c) {
            Some(chunk) => c * EVENTS_PER_CHUNK + chunk.partition_point(pred),
            None => self.len,
        }
    }

    /// Whether events `range` of both logs are the same: chunks shared by both are equal
    /// without looking inside. `range.start` is a multiple of [`EVENTS_PER_CHUNK`].
    pub fn same_range(&self, other: &Events, range: Range<usize>) -> bool {
        debug_assert_eq!(range.start % EVENTS_PER_CHUNK, 0);
        let clamp = |len: usize| range.start.min(len)..range.end.min(len);
        let (mine, theirs) = (clamp(self.len), clamp(other.len));
        if mine.len() != theirs.len() {
            return false;
        }
        let chunks = mine.start / EVENTS_PER_CHUNK..mine.end.div_ceil(EVENTS_PER_CHUNK);
        chunks.into_iter().all(|c| {
            let (a, b) = (&self.chunks[c], &other.chunks[c]);
            let end = (mine.end - c * EVENTS_PER_CHUNK).min(EVENTS_PER_CHUNK);
            Arc::ptr_eq(a, b) || a[..end] == b[..end]
        })
    }

    /// The chunks of this log that are not chunks of `other` (by pointer), with the index of
    /// their first event: what a change from `other` to this log touched.
    pub fn chunks_not_in<'a>(
        &'a self,
        other: &'a Events,
    ) -> impl Iterator<Item = (usize, &'a [Event])> + 'a {
        self.chunks
            .iter()
            .enumerate()
            .filter_map(move |(c, chunk)| {
                let shared = other.chunks.get(c).is_some_and(|o| Arc::ptr_eq(o, chunk));
                (!shared).then_some((c * EVENTS_PER_CHUNK, chunk.as_slice()))
            })
    }

    /// A copy in one plain vector.
    pub fn to_vec(&self) -> Vec<Event> {
        self.iter().cloned().collect()
    }
}

impl PartialEq for Events {
    fn eq(&self, other: &Self) -> bool {
        // Both are cut at the same places: chunk k of one matches chunk k of the other.
        self.len == other.len
            && self
                .chunks
                .iter()
                .zip(&other.chunks)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a == b)
    }
}

impl Eq for Events {}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Index<usize> for Events {
    type Output = Event;

    fn index(&self, i: usize) -> &Event {
        match self.get(i) {
            Some(e) => e,
            None => panic!("event index {i} beyond {}", self.len),
        }
    }
}

impl IndexMut<usize> for Events {
    fn index_mut(&mut self, i: usize) -> &mut Event {
        let len = self.len;
        match self.get_mut(i) {
            Some(e) => e,
            None => panic!("event index {i} beyond {len}"),
        }
    }
}

impl Extend<Event> for Events {
    fn extend<I: IntoIterator<Item = Event>>(&mut self, events: I) {
        for e in events {
            self.push(e);
        }
    }
}

impl FromIterator<Event> for Events {
    fn from_iter<I: IntoIterator<Item = Event>>(events: I) -> Self {
        let mut out = Events::new();
        out.extend(events);
        out
    }
}

impl From<Vec<Event>> for Events {
    fn from(events: Vec<Event>) -> Self {
        events.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Events {
    type Item = &'a Event;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The events of a log in order, from either end.
#[derive(Clone)]
pub struct Iter<'a> {
    chunks: std::slice::Iter<'a, Chunk>,
    front: std::slice::Iter<'a, Event>,
    back: std::slice::Iter<'a, Event>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Event;

    #[inline]
    fn next(&mut self) -> Option<&'a Event> {
        loop {
            if let Some(e) = self.front.next() {
                return Some(e);
            }
            match self.chunks.next() {
                Some(c) => self.front = c.iter(),
                None => return self.back.next(),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.front.len()
            + self
                .chunks
                .as_slice()
                .iter()
                .map(|c| c.len())
                .sum::<usize>()
            + self.back.len();
        (n, Some(n))
    }

    fn fold<B, F: FnMut(B, &'a Event) -> B>(self, init: B, mut f: F) -> B {
        let mut acc = self.front.fold(init, &mut f);
        for c in self.chunks {
            acc = c.iter().fold(acc, &mut f);
        }
        self.back.fold(acc, f)
    }
}

impl DoubleEndedIterator for Iter<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.back.next_back() {
                return Some(e);
            }
            match self.chunks.next_back() {
                Some(c) => self.back = c.iter(),
                None => return self.front.next_back(),
            }
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl std::iter::FusedIterator for Iter<'_> {}

impl Serialize for Events {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Events {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Events;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of events")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Events, A::Error> {
                let mut out = Events::new();
                while let Some(e) = seq.next_element()? {
                    out.push(e);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::scheme::Actor;
    use proptest::prelude::*;

    fn event(n: u64) -> Event {
        Event {
            id: Uuid::from_u128(u128::from(n) + 1),
            seq: n + 1,
            at_ms: n * 10,
            actor: Some(Actor::Ceo),
            code: "agrees".into(),
            modifier: None,
            duration_ms: None,
        }
    }

    fn cut_right(e: &Events) {
        let sizes: Vec<usize> = e.chunks.iter().map(|c| c.len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), e.len);
        if let Some((last, full)) = sizes.split_last() {
            assert!(full.iter().all(|s| *s == EVENTS_PER_CHUNK), "{sizes:?}");
            assert!((1..=EVENTS_PER_CHUNK).contains(last), "{sizes:?}");
        }
    }

    /// One change to a log and the same change to a plain vector.
    #[derive(Clone, Debug)]
    enum Change {
        Push,
        Insert(usize),
        Remove(usize),
        Edit(usize),
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            4 => Just(Change::Push),
            2 => any::<usize>().prop_map(Change::Insert),
            2 => any::<usize>().prop_map(Change::Remove),
            1 => any::<usize>().prop_map(Change::Edit),
        ]
    }

    proptest! {
        /// Any sequence of changes leaves the same events as on a plain vector, cut in full
        /// chunks, and every copy made on the way keeps what it held.
        #[test]
        fn a_log_behaves_like_a_vector(start in 0usize..350, changes in prop::collection::vec(change(), 0..40)) {
            let mut plain: Vec<Event> = (0..start as u64).map(event).collect();
            let mut log: Events = plain.clone().into();
            let mut copies: Vec<(Events, Vec<Event>)> = Vec::new();
            for (k, c) in changes.into_iter().enumerate() {
                copies.push((log.clone(), plain.clone()));
                let fresh = event(10_000 + k as u64);
                match c {
                    Change::Push => { plain.push(fresh.clone()); log.push(fresh); }
                    Change::Insert(i) => {
                        let i = i % (plain.len() + 1);
                        plain.insert(i, fresh.clone());
                        log.insert(i, fresh);
                    }
                    Change::Remove(i) if !plain.is_empty() => {
                        let i = i % plain.len();
                        prop_assert_eq!(log.remove(i), plain.remove(i));
                    }
                    Change::Edit(i) if !plain.is_empty() => {
                        let i = i % plain.len();
                        plain[i].at_ms += 1;
                        log[i].at_ms += 1;
                    }
                    _ => {}
                }
                cut_right(&log);
                prop_assert_eq!(log.len(), plain.len());
                prop_assert_eq!(log.to_vec(), plain.clone());
                prop_assert_eq!(log.iter().rev().cloned().collect::<Vec<_>>(), plain.iter().rev().cloned().collect::<Vec<_>>());
            }
            for (copy, held) in copies {
                prop_assert_eq!(copy.to_vec(), held.clone());
                prop_assert_eq!(copy == log, held == plain);
                prop_assert_eq!(copy.same_range(&log, 0..usize::MAX), held == plain);
            }
        }

        #[test]
        fn ranges_searches_and_json_match_a_vector(n in 0usize..450, a in 0usize..500, b in 0usize..500, cut in 0u64..5_000) {
            let plain: Vec<Event> = (0..n as u64).map(event).collect();
            let log: Events = plain.clone().into();
            let (a, b) = (a.min(b), a.max(b));
            let want: Vec<&Event> = plain.iter().skip(a).take(b.saturating_sub(a)).collect();
            prop_assert_eq!(log.iter_range(a..b).collect::<Vec<_>>(), want);
            prop_assert_eq!(log.partition_point(|e| e.at_ms < cut), plain.partition_point(|e| e.at_ms < cut));
            let near = |e: &Event| e.at_ms / 100 == cut / 100;
            prop_assert_eq!(log.any(near), plain.iter().any(near));
            prop_assert_eq!(log.position(near), plain.iter().position(near));
            prop_assert_eq!(log.rfind(near), plain.iter().rev().find(|e| near(e)));
            let id = Uuid::from_u128(u128::from(cut) + 1);
            prop_assert_eq!(log.position_of_id(id), plain.iter().position(|e| e.id == id));
            prop_assert_eq!(log.iter().len(), n);
            // From both ends at once, the length left always exact.
            let (mut it, mut want) = (log.iter(), plain.iter());
            for k in 0..n + 1 {
                prop_assert_eq!(it.len(), want.len());
                if k % 3 == 0 {
                    prop_assert_eq!(it.next_back(), want.next_back());
                } else {
                    prop_assert_eq!(it.next(), want.next());
                }
            }
            prop_assert_eq!(log.iter().fold(0, |s, e| s + e.at_ms), plain.iter().map(|e| e.at_ms).sum::<u64>());
            prop_assert_eq!(log.first(), plain.first());
            prop_assert_eq!(log.last(), plain.last());
            let json = serde_json::to_string(&log).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&plain).unwrap());
            let back: Events = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, log);
        }
    }

    #[test]
    fn a_change_copies_one_chunk_and_shares_the_others() {
        let base: Events = (0..1_000).map(event).collect();
        let mut next = base.clone();
        next.push(event(5_000));
        assert_eq!(next.chunks_not_in(&base).count(), 1);
        assert!(base.same_range(&next, 0..1_000));
        assert!(!base.same_range(&next, 1_000..2_000));
        next[250].at_ms += 1;
        let touched: Vec<usize> = next.chunks_not_in(&base).map(|(at, _)| at).collect();
        assert_eq!(touched, vec![200, 1_000]);
        assert!(!base.same_range(&next, 200..300));
        assert!(base.same_range(&next, 300..1_000));
    }
}
