//! Lining up two mediators' codings of one work session. Each mediator starts their session
//! clock by hand, so the same moment is stamped a few seconds apart in the two observations;
//! compared window by window (`agreement`), that gap passes for disagreement. A clock offset
//! (`campaign::ClockOffset`, chosen by the recruiter) moves every time of one observation;
//! [`propose_offset`] suggests one from a moment both mediators marked.

use super::log::Observation;
use super::scheme::{Scheme, Tag};
use crate::domain::limits::MAX_CLOCK_OFFSET_MS;
use crate::domain::sorting;

/// `o` with every time moved by `offset_ms` (positive: later): the start of each event, the
/// end of each closed state and each note. A time that would fall before the session's start
/// is put at 0 (a state that began before 0 keeps its shifted end, so it is shorter; one that
/// ended before 0 becomes a state of no length at 0). Events are kept in `(at_ms, seq)` order
/// and notes in time order. The clock, the ratings and everything else are unchanged: the
/// result is for reading (agreement, comparison), not a new version of the observation.
pub fn shifted(o: &Observation, offset_ms: i64) -> Observation {
    let mut out = o.clone();
    if offset_ms == 0 {
        return out;
    }
    let shift = |at: u64| -> u64 {
        let moved = i128::from(at) + i128::from(offset_ms);
        moved.clamp(0, i128::from(u64::MAX)) as u64
    };
    let mut events = out.events.to_vec();
    for e in &mut events {
        let end = e.duration_ms.map(|d| shift(e.at_ms.saturating_add(d)));
        e.at_ms = shift(e.at_ms);
        if let Some(end) = end {
            e.duration_ms = Some(end.saturating_sub(e.at_ms));
        }
    }
    // Clamping can put several events at 0: keep the log's order.
    sorting::sort_by_key(&mut events, |e| (e.at_ms, e.seq));
    out.events = events.into();
    for n in &mut out.notes {
        n.at_ms = shift(n.at_ms);
    }
    out
}

/// An offset proposed by lining up one shared "moment to note" marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkerAlignment {
    /// To add to the other observation's times: `reference_at_ms − other_at_ms`.
    pub offset_ms: i64,
    /// The marker in the reference observation, in its session time.
    pub reference_at_ms: u64,
    /// The same marker in the other observation, in its own session time (before shifting).
    pub other_at_ms: u64,
}

/// The offset that puts `other`'s first "moment to note" on `reference`'s first one.
///
/// Markers are the events whose code the scheme tags [`Tag::Marker`]. The reference's
/// earliest marker whose code `other` also logged is paired with `other`'s earliest marker of
/// that same code (with the default scheme: the first "moment to note" of each). `None` when
/// they share no marker, or when the offset would exceed [`MAX_CLOCK_OFFSET_MS`] either way
/// (then the two markers are not the same moment).
pub fn propose_offset(
    reference: &Observation,
    other: &Observation,
    scheme: &Scheme,
) -> Option<MarkerAlignment> {
    let is_marker = |code: &str| {
        scheme
            .code(code)
            .is_some_and(|c| c.tag == Some(Tag::Marker))
    };
    let first_of = |o: &Observation, code: &str| {
        o.events
            .iter()
            .filter(|e| e.code == code)
            .map(|e| e.at_ms)
            .min()
    };
    let (reference_at_ms, other_at_ms) = reference
        .events
        .iter()
        .filter(|e| is_marker(&e.code))
        .filter_map(|e| first_of(other, &e.code).map(|theirs| (e.at_ms, theirs)))
        .min_by_key(|(ours, _)| *ours)?;
    let offset_ms = i64::try_from(i128::from(reference_at_ms) - i128::from(other_at_ms)).ok()?;
    (offset_ms.abs() <= MAX_CLOCK_OFFSET_MS).then_some(MarkerAlignment {
        offset_ms,
        reference_at_ms,
        other_at_ms,
    })
}

/// Why a clock offset typed by hand is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OffsetInputError {
    #[error("no offset was typed")]
    Empty,
    #[error("the offset is not a number of seconds")]
    NotANumber,
    #[error("the offset is larger than allowed")]
    TooLarge,
}

/// Reads an offset typed in seconds — `3`, `+2.5`, `-1,25`, `−4` (a minus sign as typeset),
/// spaces around and a trailing `s` allowed, at most three decimals — into milliseconds,
/// within [`MAX_CLOCK_OFFSET_MS`] either way.
pub fn parse_offset_seconds(text: &str) -> Result<i64, OffsetInputError> {
    let t = text.trim();
    let t = t.strip_suffix('s').unwrap_or(t).trim_end();
    if t.is_empty() {
        return Err(OffsetInputError::Empty);
    }
    let (negative, rest) = match t.chars().next() {
        Some('-' | '\u{2212}') => (true, &t[t.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let rest = rest.trim_start();
    let (whole, frac) = match rest.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (rest, ""),
    };
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || frac.len() > 3 {
        return Err(OffsetInputError::NotANumber);
    }
    // More digits than any allowed offset has: too large, without overflowing.
    if whole.trim_start_matches('0').len() > 7 {
        return Err(OffsetInputError::TooLarge);
    }
    let seconds: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| OffsetInputError::NotANumber)?
    };
    let millis: i64 = format!("{frac:0<3}")
        .parse()
        .map_err(|_| OffsetInputError::NotANumber)?;
    let ms = seconds * 1000 + millis;
    if ms > MAX_CLOCK_OFFSET_MS {
        return Err(OffsetInputError::TooLarge);
    }
    Ok(if negative { -ms } else { ms })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{fresh, id};
    use crate::domain::observation::log::{Event, Note};
    use crate::domain::observation::scheme::{default_scheme, Actor};

    fn event(n: u128, at_ms: u64, code: &str, duration_ms: Option<u64>) -> Event {
        let scheme = default_scheme();
        let code_def = scheme.code(code).expect("a code of the default scheme");
        let actor = match code_def.tag {
            Some(Tag::Marker | Tag::Silence) => None,
            _ => Some(Actor::Ceo),
        };
        Event {
            id: id(n),
            seq: n as u64,
            at_ms,
            actor,
            code: code.into(),
            modifier: None,
            duration_ms,
        }
    }

    fn with(mut events: Vec<Event>) -> Observation {
        let mut o = fresh();
        o.revision = 1_000;
        events.sort_by_key(|e| (e.at_ms, e.seq));
        o.events = events.into();
        o
    }

    #[test]
    fn shifting_moves_every_time_and_clamps_at_the_start() {
        let mut o = with(vec![
            event(1, 1_000, "agrees", None),
            event(2, 3_000, "silence", Some(4_000)), // 3 s – 7 s
            event(3, 9_000, "moment", None),
        ]);
        o.notes = vec![Note {
            id: id(50),
            at_ms: 2_000,
            text: "n".into(),
        }];
        let later = shifted(&o, 2_500);
        let times: Vec<(u64, Option<u64>)> = later
            .events
            .iter()
            .map(|e| (e.at_ms, e.duration_ms))
            .collect();
        assert_eq!(
            times,
            vec![(3_500, None), (5_500, Some(4_000)), (11_500, None)]
        );
        assert_eq!(later.notes[0].at_ms, 4_500);
        assert_eq!((later.id, later.revision), (o.id, o.revision));

        let earlier = shifted(&o, -5_000);
        let times: Vec<(u128, u64, Option<u64>)> = earlier
            .events
            .iter()
            .map(|e| (e.id.as_u128(), e.at_ms, e.duration_ms))
            .collect();
        // The agreement at 1 s and the silence's start fall before 0; the silence keeps its
        // shifted end (2 s).
        assert_eq!(
            times,
            vec![(1, 0, None), (2, 0, Some(2_000)), (3, 4_000, None)]
        );
        assert_eq!(earlier.notes[0].at_ms, 0);
        assert_eq!(shifted(&o, 0), o);
        // Shifting there and back is the identity when nothing was clamped.
        assert_eq!(shifted(&shifted(&o, 700), -700), o);
    }

    #[test]
    fn clamped_events_keep_the_logs_order() {
        // Event 5 (seq 5) at 1 s and event 3 (seq 3) at 2 s both land on 0.
        let o = with(vec![
            event(5, 1_000, "agrees", None),
            event(3, 2_000, "agrees", None),
        ]);
        let seqs: Vec<u64> = shifted(&o, -10_000).events.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![3, 5]);
    }

    #[test]
    fn the_first_shared_marker_gives_the_offset() {
        let s = default_scheme();
        let reference = with(vec![
            event(1, 4_000, "agrees", None),
            event(2, 12_000, "moment", None),
            event(3, 50_000, "moment", None),
        ]);
        let other = with(vec![
            event(10, 2_000, "agrees", None),
            event(11, 9_000, "moment", None),
            event(12, 47_000, "moment", None),
        ]);
        let a = propose_offset(&reference, &other, s).unwrap();
        assert_eq!(
            a,
            MarkerAlignment {
                offset_ms: 3_000,
                reference_at_ms: 12_000,
                other_at_ms: 9_000
            }
        );
        // Shifted by the proposal, the other's first marker lands on the reference's.
        let moved = shifted(&other, a.offset_ms);
        assert!(moved
            .events
            .iter()
            .any(|e| e.code == "moment" && e.at_ms == 12_000));
        // The other way round, the opposite offset.
        assert_eq!(
            propose_offset(&other, &reference, s).map(|a| a.offset_ms),
            Some(-3_000)
        );
    }

    #[test]
    fn offsets_typed_in_seconds_are_read_to_the_millisecond() {
        for (text, ms) in [
            ("3", 3_000),
            ("+2.5", 2_500),
            ("-1,25", -1_250),
            ("\u{2212}4", -4_000),
            (" 12 s ", 12_000),
            ("0.001", 1),
            (".5", 500),
            ("- 7", -7_000),
            ("0", 0),
            ("3600", MAX_CLOCK_OFFSET_MS),
            ("-3600.000", -MAX_CLOCK_OFFSET_MS),
        ] {
            assert_eq!(parse_offset_seconds(text), Ok(ms), "{text:?}");
        }
        for (text, e) in [
            ("", OffsetInputError::Empty),
            ("  s", OffsetInputError::Empty),
            ("abc", OffsetInputError::NotANumber),
            ("1.2.3", OffsetInputError::NotANumber),
            ("1.2345", OffsetInputError::NotANumber),
            ("--2", OffsetInputError::NotANumber),
            ("+", OffsetInputError::NotANumber),
            ("1e3", OffsetInputError::NotANumber),
            ("3600.001", OffsetInputError::TooLarge),
            ("-99999999999999999999", OffsetInputError::TooLarge),
        ] {
            assert_eq!(parse_offset_seconds(text), Err(e), "{text:?}");
        }
    }

    #[test]
    fn no_shared_marker_or_too_far_apart_proposes_nothing() {
        let s = default_scheme();
        let marked = with(vec![event(1, 10_000, "moment", None)]);
        let unmarked = with(vec![event(2, 10_000, "agrees", None)]);
        assert_eq!(propose_offset(&marked, &unmarked, s), None);
        assert_eq!(propose_offset(&unmarked, &marked, s), None);
        assert_eq!(propose_offset(&unmarked, &unmarked, s), None);
        let far = MAX_CLOCK_OFFSET_MS as u64 + 10_000;
        let late = with(vec![event(3, far + 1, "moment", None)]);
        let early = with(vec![event(4, 10_000, "moment", None)]);
        assert_eq!(propose_offset(&late, &early, s), None);
        let edge = with(vec![event(
            5,
            MAX_CLOCK_OFFSET_MS as u64 + 10_000,
            "moment",
            None,
        )]);
        assert_eq!(
            propose_offset(&edge, &early, s).map(|a| a.offset_ms),
            Some(MAX_CLOCK_OFFSET_MS)
        );
    }
}
