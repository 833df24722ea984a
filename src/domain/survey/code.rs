//! Compact text forms that travel without a file: the invitation **link** (the invitation's
//! JSON in base64url, after `#/respond/` in the URL fragment, which browsers never send to a
//! server) and the **short code** a respondent pastes back (the answers packed in bytes, with
//! a checksum so that a code cut or mistyped is refused instead of misread).
//!
//! Short code: `R1-` (or `R2-`, see below) then base64url (no padding) of
//! `count:u8`, then per response: `id, campaign_id, respondent_id:[u8;16]`, `flags:u8` (bit 0:
//! subject present, bit 1: invitation present, bit 2: session present, bit 3: free-text answer
//! present), `subject_id`, `invitation_id`, `session_id` when present,
//! `instrument id` (`u8` length + UTF-8), `version` (same), `hash:u64`, `started_at,
//! submitted_at: i64` seconds, then per item of the instrument in order an answer `u8`
//! (0 = blank) and a time `u16` in tenths of a second (`u16::MAX` = not measured), then the
//! free-text answer when present (`u16` length + UTF-8); finally a 4-byte checksum of all that
//! (FNV-1a 64, its two halves XOR-ed). A code that uses bit 2 or 3 (a session debrief) starts
//! with `R2-`, so that a Rally that predates them says it cannot read the code rather than
//! misreading it; both prefixes are read.

use super::invitation::{instrument_of, resolve_text, Invitation};
use crate::domain::base64::{decode_lenient as from_base64url, encode as base64url};
use crate::domain::hash::fnv1a64;
use crate::domain::instrument::score::{Answer, Response};
use chrono::DateTime;
use uuid::Uuid;

/// The prefix of a short code without session or free text.
pub const CODE_PREFIX: &str = "R1-";
/// The prefix of a short code that carries a session or a free-text answer.
pub const CODE_PREFIX_2: &str = "R2-";
/// The fragment route an invitation link opens.
pub const LINK_ROUTE: &str = "#/respond/";
/// Longest code or link payload read (characters).
pub const MAX_CODE_CHARS: usize = 64 * 1024;

/// Why a pasted code or an opened link cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("nothing was pasted")]
    Empty,
    #[error("this is not a Rally answer code")]
    NotACode,
    #[error("the code is too long")]
    TooLong,
    #[error("the code is incomplete or mistyped")]
    Damaged,
    #[error("the answers were given to an instrument this version of Rally does not know")]
    UnknownInstrument,
    #[error("the link is incomplete or damaged")]
    BadLink,
}

fn checksum(bytes: &[u8]) -> [u8; 4] {
    let h = fnv1a64(bytes);
    ((h ^ (h >> 32)) as u32).to_be_bytes()
}

/// The link payload of an invitation (what follows [`LINK_ROUTE`]).
pub fn invitation_payload(inv: &Invitation) -> String {
    let json = crate::domain::json::to_vec(inv);
    base64url(&json)
}

/// Reads an invitation from a link payload (or a whole link) and checks it.
pub fn invitation_from_payload(text: &str) -> Result<Invitation, CodeError> {
    let text = text.trim();
    let text = text.rsplit(LINK_ROUTE).next().unwrap_or(text);
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    if text.len() > MAX_CODE_CHARS {
        return Err(CodeError::TooLong);
    }
    let bytes = from_base64url(text).ok_or(CodeError::BadLink)?;
    // Read as text, like every other JSON: one copy of the reader in the module.
    let json = std::str::from_utf8(&bytes).map_err(|_| CodeError::BadLink)?;
    let inv: Invitation = serde_json::from_str(json).map_err(|_| CodeError::BadLink)?;
    inv.check().map_err(|_| CodeError::BadLink)?;
    Ok(inv)
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodeError> {
        if self.0.len() < n {
            return Err(CodeError::Damaged);
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, CodeError> {
        Ok(self.take(1)?[0])
    }
    fn uuid(&mut self) -> Result<Uuid, CodeError> {
        Uuid::from_slice(self.take(16)?).map_err(|_| CodeError::Damaged)
    }
    fn text(&mut self) -> Result<String, CodeError> {
        let n = usize::from(self.u8()?);
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| CodeError::Damaged)
    }
    fn long_text(&mut self) -> Result<String, CodeError> {
        let n = usize::from(u16::from_be_bytes(self.array()?));
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| CodeError::Damaged)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], CodeError> {
        self.take(N)?.try_into().map_err(|_| CodeError::Damaged)
    }
}

/// A free text of at most `u16::MAX` bytes, cut at a character boundary.
fn push_long_text(out: &mut Vec<u8>, t: &str) {
    let mut end = t.len().min(usize::from(u16::MAX));
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    out.extend_from_slice(&(end as u16).to_be_bytes());
    out.extend_from_slice(&t.as_bytes()[..end]);
}

fn push_text(out: &mut Vec<u8>, t: &str) {
    let bytes = &t.as_bytes()[..t.len().min(255)];
    out.push(bytes.len() as u8);
    out.extend_from_slice(bytes);
}

/// The short code of some responses. Answers are written in the instrument's item order; an
/// answer to an item the instrument does not have cannot be written and is left out (a
/// response from this app never has one).
pub fn encode_responses(responses: &[Response]) -> Result<String, CodeError> {
    let mut out = vec![u8::try_from(responses.len()).map_err(|_| CodeError::TooLong)?];
    let mut second = false;
    for r in responses {
        let instrument = instrument_of(r).ok_or(CodeError::UnknownInstrument)?;
        for id in [r.id, r.campaign_id, r.respondent_id] {
            out.extend_from_slice(id.as_bytes());
        }
        let flags = u8::from(r.subject_id.is_some())
            | (u8::from(r.invitation_id.is_some()) << 1)
            | (u8::from(r.session_id.is_some()) << 2)
            | (u8::from(r.open_answer.is_some()) << 3);
        second |= flags > 3;
        out.push(flags);
        for id in [r.subject_id, r.invitation_id, r.session_id]
            .into_iter()
            .flatten()
        {
            out.extend_from_slice(id.as_bytes());
        }
        push_text(&mut out, &r.instrument_id);
        push_text(&mut out, &r.instrument_version);
        let hash = u64::from_str_radix(r.instrument_hash.trim_start_matches("fnv1a64:"), 16)
            .map_err(|_| CodeError::UnknownInstrument)?;
        out.extend_from_slice(&hash.to_be_bytes());
        out.extend_from_slice(&r.started_at.timestamp().to_be_bytes());
        out.extend_from_slice(&r.submitted_at.timestamp().to_be_bytes());
        for item in &instrument.items {
            let a = r.answers.iter().find(|a| a.item == item.id);
            out.push(a.and_then(|a| a.value).unwrap_or(0));
            let tenths = a.and_then(|a| a.ms).map_or(u16::MAX, |ms| {
                (ms / 100).min(u32::from(u16::MAX - 1)) as u16
            });
            out.extend_from_slice(&tenths.to_be_bytes());
        }
        if let Some(text) = &r.open_answer {
            push_long_text(&mut out, text);
        }
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum);
    let prefix = if second { CODE_PREFIX_2 } else { CODE_PREFIX };
    Ok(format!("{prefix}{}", base64url(&out)))
}

/// Reads a short code back into responses. The code must name instruments this build knows;
/// the answers are then checked like any imported response.
pub fn decode_responses(code: &str) -> Result<Vec<Response>, CodeError> {
    let code: String = code.split_whitespace().collect();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if code.len() > MAX_CODE_CHARS {
        return Err(CodeError::TooLong);
    }
    let (body, second) = match code.strip_prefix(CODE_PREFIX) {
        Some(body) => (body, false),
        None => (
            code.strip_prefix(CODE_PREFIX_2)
                .ok_or(CodeError::NotACode)?,
            true,
        ),
    };
    let bytes = from_base64url(body).ok_or(CodeError::Damaged)?;
    if bytes.len() < 5 {
        return Err(CodeError::Damaged);
    }
    let (data, sum) = bytes.split_at(bytes.len() - 4);
    if checksum(data) != sum {
        return Err(CodeError::Damaged);
    }
    let mut r = Reader(data);
    let count = r.u8()?;
    let mut out = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let (id, campaign_id, respondent_id) = (r.uuid()?, r.uuid()?, r.uuid()?);
        let flags = r.u8()?;
        if flags > 15 || (flags > 3 && !second) {
            return Err(CodeError::Damaged);
        }
        let subject_id = if flags & 1 != 0 {
            Some(r.uuid()?)
        } else {
            None
        };
        let invitation_id = if flags & 2 != 0 {
            Some(r.uuid()?)
        } else {
            None
        };
        let session_id = if flags & 4 != 0 {
            Some(r.uuid()?)
        } else {
            None
        };
        let instrument_id = r.text()?;
        let instrument_version = r.text()?;
        let hash = format!("fnv1a64:{:016x}", u64::from_be_bytes(r.array()?));
        let started = i64::from_be_bytes(r.array()?);
        let submitted = i64::from_be_bytes(r.array()?);
        let instrument = resolve_text(&instrument_id, &instrument_version, &hash)
            .ok_or(CodeError::UnknownInstrument)?;
        let mut answers = Vec::with_capacity(instrument.items.len());
        for item in &instrument.items {
            let value = r.u8()?;
            let tenths = u16::from_be_bytes(r.array()?);
            answers.push(Answer {
                item: item.id.clone(),
                value: (value != 0).then_some(value),
                ms: (tenths != u16::MAX).then(|| u32::from(tenths) * 100),
            });
        }
        let open_answer = if flags & 8 != 0 {
            Some(r.long_text()?)
        } else {
            None
        };
        out.push(Response {
            id,
            campaign_id,
            respondent_id,
            instrument_id,
            instrument_version,
            instrument_hash: hash,
            invitation_id,
            subject_id,
            session_id,
            answers,
            open_answer,
            started_at: DateTime::from_timestamp(started, 0).ok_or(CodeError::Damaged)?,
            submitted_at: DateTime::from_timestamp(submitted, 0).ok_or(CodeError::Damaged)?,
        });
    }
    if !r.0.is_empty() {
        return Err(CodeError::Damaged);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id};
    use crate::domain::instrument::builtin::builtin_by_id;
    use crate::domain::survey::invitation::tests::candidate_invitation;
    use proptest::prelude::*;

    fn response(values: &[Option<u8>]) -> Response {
        let inst = builtin_by_id("interpersonal-intelligence").unwrap();
        let mut r = Response::start(inst, id(1), id(2), id(3), at(0));
        r.submitted_at = at(600);
        r.invitation_id = Some(id(4));
        r.answers = inst
            .items
            .iter()
            .zip(values.iter().cycle())
            .map(|(item, v)| Answer {
                item: item.id.clone(),
                value: *v,
                ms: v.map(|x| u32::from(x) * 1000),
            })
            .collect();
        r
    }

    #[test]
    fn a_code_round_trips_and_stays_short() {
        let r = response(&[Some(4), Some(5), None, Some(2), Some(3)]);
        let code = encode_responses(std::slice::from_ref(&r)).unwrap();
        assert!(code.starts_with(CODE_PREFIX));
        assert!(code.len() < 400, "{} chars", code.len());
        let back = decode_responses(&code).unwrap();
        assert_eq!(back, vec![r]);
    }

    #[test]
    fn a_debrief_travels_with_its_session_and_free_text_as_an_r2_code() {
        use crate::domain::instrument::{builtin::debrief_for, DebriefSide};
        let inst = debrief_for(DebriefSide::Candidate);
        let mut r = Response::start(inst, id(1), id(2), id(3), at(0));
        r.session_id = Some(id(5));
        r.open_answer =
            Some("Plus de temps sur le budget — «\u{a0}et moins sur l'agenda\u{a0}» 😀".into());
        r.answers = inst
            .items
            .iter()
            .map(|item| Answer {
                item: item.id.clone(),
                value: Some(4),
                ms: Some(2500),
            })
            .collect();
        let code = encode_responses(std::slice::from_ref(&r)).unwrap();
        assert!(code.starts_with(CODE_PREFIX_2));
        assert_eq!(decode_responses(&code).unwrap(), vec![r.clone()]);
        // A code without the new fields keeps the first prefix, so older Rallies read it.
        r.session_id = None;
        r.open_answer = None;
        assert!(encode_responses(&[r]).unwrap().starts_with(CODE_PREFIX));
        // An R1 code may not use the new fields: its flags are checked.
        let r1 = encode_responses(&[response(&[Some(3)])]).unwrap();
        let mut bytes = from_base64url(&r1[3..]).unwrap();
        bytes[49] |= 4;
        let n = bytes.len();
        let sum = checksum(&bytes[..n - 4]);
        bytes[n - 4..].copy_from_slice(&sum);
        assert_eq!(
            decode_responses(&format!("{CODE_PREFIX}{}", base64url(&bytes))),
            Err(CodeError::Damaged)
        );
    }

    #[test]
    fn a_mistyped_or_cut_code_is_refused() {
        let code = encode_responses(&[response(&[Some(3)])]).unwrap();
        let mut chars: Vec<char> = code.chars().collect();
        let k = chars.len() / 2;
        chars[k] = if chars[k] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert_eq!(decode_responses(&typo), Err(CodeError::Damaged));
        assert_eq!(
            decode_responses(&code[..code.len() - 3]),
            Err(CodeError::Damaged)
        );
        assert_eq!(decode_responses("hello"), Err(CodeError::NotACode));
        assert_eq!(decode_responses("  "), Err(CodeError::Empty));
        assert_eq!(decode_responses("R1-@@@"), Err(CodeError::Damaged));
        // Line breaks added by a mail client are ignored.
        let wrapped = format!("{}\n{}", &code[..20], &code[20..]);
        assert!(decode_responses(&wrapped).is_ok());
    }

    #[test]
    fn an_unknown_instrument_cannot_travel_as_a_code() {
        let mut r = response(&[Some(3)]);
        r.instrument_version = "9.0.0".into();
        assert_eq!(encode_responses(&[r]), Err(CodeError::UnknownInstrument));
    }

    #[test]
    fn an_invitation_link_round_trips_and_bad_links_are_refused() {
        let inv = candidate_invitation();
        let payload = invitation_payload(&inv);
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(invitation_from_payload(&payload), Ok(inv.clone()));
        let link = format!("http://127.0.0.1:8080/{LINK_ROUTE}{payload}");
        assert_eq!(invitation_from_payload(&link), Ok(inv));
        assert_eq!(
            invitation_from_payload(&payload[..payload.len() / 2]),
            Err(CodeError::BadLink)
        );
        assert_eq!(invitation_from_payload(""), Err(CodeError::Empty));
    }

    proptest! {
        #[test]
        fn any_answers_round_trip(values in proptest::collection::vec(proptest::option::of(1u8..=5), 1..40)) {
            let r = response(&values);
            let code = encode_responses(std::slice::from_ref(&r)).unwrap();
            prop_assert_eq!(decode_responses(&code).unwrap(), vec![r]);
        }

        #[test]
        fn garbage_never_panics(text in ".{0,300}") {
            let _ = decode_responses(&text);
            let _ = invitation_from_payload(&text);
        }
    }
}
