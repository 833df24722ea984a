//! The sample's only source of chance: SplitMix64 (Steele, Lea and Flood, "Fast splittable
//! pseudorandom number generators", OOPSLA 2014), seeded by the caller, and identifiers derived
//! from the seed. Nothing here reads a clock or the system's randomness, so one seed always
//! gives the same sample, byte for byte.
//!
//! **Identifiers.** A UUID (version 4 layout: the version nibble and the variant bits are set,
//! 122 bits are free) holds, in its first 32 bits, a counter passed through a bijection (`c`);
//! in the next 64 free bits, the seed passed through a bijection, XOR-ed with a mask computed
//! from `c`; then 26 bits of filler. From an identifier one reads `c`, hence the mask, hence the
//! seed: two different seeds therefore never give the same identifier, and one seed never gives
//! the same one twice, while every identifier looks like an ordinary random one.

use uuid::Uuid;

/// SplitMix64's output function: a bijection of `u64` that spreads every input bit.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A bijection of `u32` ("lowbias32", C. Wellons' hash prospector).
fn mix32(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^ (x >> 16)
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64: a 64-bit state advanced by a constant, each output mixed.
#[derive(Clone, Debug)]
pub(super) struct Rng {
    state: u64,
}

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent stream for one part of the sample (a session, a respondent), so that
    /// changing how one part draws leaves the others as they were.
    pub(super) fn stream(seed: u64, label: u64) -> Self {
        Rng::new(mix64(seed ^ mix64(label.wrapping_add(GOLDEN))))
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix64(self.state)
    }

    /// A number in `[0, 1)`, with 53 bits of precision.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A whole number in `lo..=hi`.
    pub(super) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// A number in `[lo, hi)`.
    pub(super) fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// An index drawn with the given weights (at least one positive).
    pub(super) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A waiting time with mean `mean` and at least `min` (exponential above the minimum).
    pub(super) fn wait(&mut self, min: f64, mean: f64) -> f64 {
        min + -(1.0 - self.unit()).ln() * (mean - min).max(0.0)
    }
}

/// The identifiers of one sample: one seed, a counter.
#[derive(Clone, Debug)]
pub(super) struct Ids {
    seed: u64,
    count: u32,
}

impl Ids {
    pub(super) fn new(seed: u64) -> Self {
        Ids {
            seed: mix64(seed),
            count: 0,
        }
    }

    /// The next identifier: a version 4 UUID that encodes the counter and the mixed seed.
    pub(super) fn next(&mut self) -> Uuid {
        let n = self.count;
        self.count += 1;
        let c = mix32(n);
        let seed = self.seed ^ mix64(u64::from(c) ^ GOLDEN);
        let filler = mix64(self.seed ^ u64::from(n).wrapping_mul(GOLDEN)) & ((1 << 26) - 1);
        let v: u128 = (u128::from(c) << 96)
            | (u128::from(seed >> 48) << 80)
            | (0x4 << 76)
            | (u128::from((seed >> 36) & 0xfff) << 64)
            | (0b10 << 62)
            | (u128::from(seed & 0xf_ffff_ffff) << 26)
            | u128::from(filler);
        Uuid::from_u128(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mixers_are_bijections_on_a_sample_of_inputs() {
        let mut seen: Vec<u32> = (0..100_000u32).map(mix32).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 100_000);
    }

    #[test]
    fn splitmix_matches_its_reference_output() {
        // The first outputs of SplitMix64 seeded with 1234567 (reference implementation by
        // S. Vigna, splitmix64.c).
        let mut r = Rng::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
    }

    /// The mixed seed an identifier carries (the inverse of [`Ids::next`]).
    fn seed_of(id: Uuid) -> u64 {
        let v = id.as_u128();
        let c = (v >> 96) as u32;
        let seed = ((v >> 80) as u64 & 0xffff) << 48
            | ((v >> 64) as u64 & 0xfff) << 36
            | ((v >> 26) as u64 & 0xf_ffff_ffff);
        seed ^ mix64(u64::from(c) ^ GOLDEN)
    }

    #[test]
    fn identifiers_are_version_4_and_carry_the_seed() {
        let mut a = Ids::new(1);
        let mut b = Ids::new(2);
        let ids_a: Vec<Uuid> = (0..1000).map(|_| a.next()).collect();
        let ids_b: Vec<Uuid> = (0..1000).map(|_| b.next()).collect();
        for id in ids_a.iter().chain(&ids_b) {
            assert_eq!(id.get_version_num(), 4);
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
        }
        assert!(ids_a.iter().all(|id| seed_of(*id) == mix64(1)));
        assert!(ids_b.iter().all(|id| seed_of(*id) == mix64(2)));
        // They look random: no shared prefix.
        assert_ne!(ids_a[0].as_u128() >> 96, ids_a[1].as_u128() >> 96);
        let mut all: Vec<Uuid> = ids_a.into_iter().chain(ids_b).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 2000);
    }

    #[test]
    fn draws_stay_in_their_bounds() {
        let mut r = Rng::new(7);
        for _ in 0..10_000 {
            let x = r.range(3, 8);
            assert!((3..=8).contains(&x));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(r.wait(1.0, 5.0) >= 1.0);
            assert!(r.weighted(&[0.0, 1.0, 0.0]) == 1);
        }
    }
}
