//! Base64url (RFC 4648 §5: `A–Z a–z 0–9 - _`), written without padding. Two readers: a
//! lenient one for what people paste (links and answer codes wrapped by mail clients, `=`
//! padding, the `+ /` alphabet) and a strict one for the fields of a sealed file, where a text
//! that is not exactly what a writer produces is a sign of damage.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

/// The value of a base64url character, `None` for any other byte.
fn value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Reads base64url, tolerating padding, whitespace and the `+ /` alphabet; `None` on any
/// other character.
pub fn decode_lenient(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'+' => 62,
            b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => value(c)?,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Reads base64url exactly as [`encode`] writes it: only the 64 characters, no padding, no
/// whitespace, a length that some byte string has (not 1 more than a multiple of 4) and unused
/// low bits at zero. Every byte string thus has exactly one accepted text.
pub fn decode_strict(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        acc = (acc << 6) | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // What is left is padding bits of the last character: a writer sets them to zero.
    (acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors() {
        // RFC 4648 §10, without padding.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode_lenient(coded).unwrap(), plain.as_bytes());
            assert_eq!(decode_strict(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode_lenient("Zm9v!"), None);
    }

    #[test]
    fn the_lenient_reader_takes_what_mail_clients_do_to_a_link() {
        assert_eq!(decode_lenient("Zm9v\r\nYmE=").unwrap(), b"fooba");
        assert_eq!(
            decode_lenient("+/8").unwrap(),
            decode_lenient("-_8").unwrap()
        );
    }

    #[test]
    fn the_strict_reader_takes_one_text_per_byte_string() {
        for bad in [
            "Zm9vYmE=", // padding
            "Zm9v YmE", // whitespace
            "+/8",      // standard alphabet
            "Zm9vY",    // a length no byte string has
            "Zh",       // unused bits set: "Zg" is the only spelling of "f"
            "Zm9v!",
        ] {
            assert_eq!(decode_strict(bad), None, "{bad}");
        }
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode_strict(&encode(&bytes)).unwrap(), bytes);
        }
    }
}
