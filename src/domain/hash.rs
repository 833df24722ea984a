//! A content fingerprint: which exact text (an instrument, a version of an observation) a
//! record refers to.

/// FNV-1a, 64 bits. It *identifies* a text (two different texts practically never
/// share a hash, so a score says which exact instrument text produced it); it does not *secure* anything:
/// anyone can forge a text with a chosen hash. Do not use it against tampering.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    Fnv1a64::default().write_bytes(bytes).value()
}

/// `fnv1a64:` then 16 lowercase hex digits of [`fnv1a64`] over `text`.
pub fn fingerprint(text: &str) -> String {
    Fnv1a64::default().write_str(text).fingerprint()
}

/// [`fnv1a64`] fed piece by piece (as an `io::Write`, so a serialiser can write into it
/// without building the whole text first): the same value as over the concatenation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv1a64(u64);

impl Default for Fnv1a64 {
    fn default() -> Self {
        Fnv1a64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a64 {
    pub fn write_bytes(self, bytes: &[u8]) -> Self {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        Fnv1a64(
            bytes
                .iter()
                .fold(self.0, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME)),
        )
    }

    pub fn write_str(self, text: &str) -> Self {
        self.write_bytes(text.as_bytes())
    }

    pub fn value(self) -> u64 {
        self.0
    }

    /// `fnv1a64:` then 16 lowercase hex digits, as [`fingerprint`].
    pub fn fingerprint(self) -> String {
        format!("fnv1a64:{:016x}", self.0)
    }
}

/// A quick hasher for maps keyed by short texts looked up once per event (code ids): eight
/// bytes per step, multiplied by a constant (the rustc "Fx" hash). Much faster than the
/// default SipHash there, and no hostile input can make it matter: the keys come from a
/// built-in scheme. Not for anything that must resist collisions.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let word = tail
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, b)| w | u64::from(*b) << (8 * i));
            self.add(word);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` built with [`QuickHasher`].
pub type QuickMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<QuickHasher>>;

impl std::io::Write for Fnv1a64 {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self = self.write_bytes(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        // Test vectors from the FNV reference (Fowler, Noll, Vo): "", "a", "foobar".
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_fingerprint_names_the_hash() {
        assert_eq!(fingerprint("a"), "fnv1a64:af63dc4c8601ec8c");
        // Fed in pieces, the same hash as over the whole text.
        let pieces = Fnv1a64::default().write_str("foo").write_str("bar");
        assert_eq!(pieces.value(), fnv1a64(b"foobar"));
    }
}
