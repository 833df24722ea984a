//! What the recruiter's analysis screens show, derived from observations: which observations of
//! a session were received (resolved, or several versions of one kept side by side) and which
//! of them count (the version the recruiter chose, shifted by its clock offset), a session's
//! timeline gathered into time buckets (so that a 5,000-event session draws as a few shapes),
//! the ticks of its time axis, and the trend of each index across sessions when several
//! mediators coded the same session (the mean of their values), and how to read an agreement
//! coefficient. Pure data, no formatting.

use super::agreement::Coefficient;
use super::align::shifted;
use super::indices::{direction, SessionIndices, Trend, TrendIndex};
use super::log::{Event, Note, Observation, ObservationStatus};
use super::merge::{fingerprint, MergedObservations};
use super::scheme::{Area, CodeKind, Scheme, Tag};
use crate::domain::campaign::{Campaign, OffsetSource};
use crate::domain::sorting;
use crate::domain::stats::{StatsError, AGREEMENT_WARNING_BELOW};
use std::borrow::Cow;
use std::collections::HashMap;
use uuid::Uuid;

/// One observation the recruiter can analyse: a resolved one, or one version of several kept
/// side by side (`version` = (k, n): the k-th of n, counted from 1, oldest revision first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Received<'a> {
    pub observation: &'a Observation,
    pub version: Option<(usize, usize)>,
    /// One of several versions, the one the recruiter chose as the one that counts
    /// (`Campaign::version_choices`). Always `false` for a resolved observation.
    pub chosen: bool,
}

impl Received<'_> {
    pub fn is_submitted(&self) -> bool {
        self.observation.status == ObservationStatus::Submitted
    }

    /// Whether the observation counts for agreement and trends: submitted, and either the
    /// only version of itself or the version the recruiter chose. The other versions of a
    /// conflict do not count, chosen or not.
    pub fn is_settled(&self) -> bool {
        self.is_submitted() && (self.version.is_none() || self.chosen)
    }
}

/// Whether `o` is of this session of `campaign`, with `candidate` when one is given (told by
/// [`Observation::candidate_among`] over the campaign's candidates).
fn of_session(
    o: &Observation,
    campaign: &Campaign,
    session_id: Uuid,
    candidate: Option<Uuid>,
) -> bool {
    if o.campaign_id != campaign.id || o.session_id != session_id {
        return false;
    }
    let Some(wanted) = candidate else {
        return true;
    };
    let ids: Vec<Uuid> = campaign.candidates.iter().map(|c| c.id).collect();
    o.candidate_among(&ids) == Some(wanted)
}

/// Every observation received for one session of `campaign` — with `candidate` when `Some`
/// (an observation whose candidate cannot be told is then left out), with anyone when `None`
/// — resolved ones first, each group in the order of the campaign's mediators (unknown
/// mediators last, by id), then by observation id and version. A version named by the
/// campaign's `version_choices` is marked `chosen`.
pub fn received<'a>(
    merged: &'a MergedObservations,
    campaign: &Campaign,
    session_id: Uuid,
    candidate: Option<Uuid>,
) -> Vec<Received<'a>> {
    let fits = |o: &Observation| of_session(o, campaign, session_id, candidate);
    let rank = |o: &Observation| {
        let place = campaign
            .mediators
            .iter()
            .position(|m| m.id == o.mediator_id);
        (place.unwrap_or(usize::MAX), o.mediator_id, o.id)
    };
    let mut out: Vec<Received<'a>> = merged
        .observations
        .iter()
        .filter(|o| fits(o))
        .map(|observation| Received {
            observation,
            version: None,
            chosen: false,
        })
        .collect();
    sorting::sort_by_key(&mut out, |r| rank(r.observation));
    let mut conflicts: Vec<_> = merged
        .conflicts
        .iter()
        .filter(|c| c.versions.first().is_some_and(|o| fits(o)))
        .collect();
    sorting::sort_by_key(&mut conflicts, |c| rank(&c.versions[0]));
    for c in conflicts {
        let n = c.versions.len();
        let chosen = c.chosen(&campaign.version_choices);
        out.extend(
            c.versions
                .iter()
                .enumerate()
                .map(|(k, observation)| Received {
                    observation,
                    version: Some((k + 1, n)),
                    chosen: chosen.is_some_and(|v| std::ptr::eq(v, &**observation)),
                }),
        );
    }
    out
}

/// One observation that counts for a session and a candidate, as the analysis reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted<'a> {
    /// The observation with the campaign's clock offset applied ([`shifted`]); borrowed as
    /// received when it has no offset.
    pub observation: Cow<'a, Observation>,
    pub mediator_id: Uuid,
    /// The version as received (before any shift).
    pub received: &'a Observation,
    /// The offset applied, in ms (0 when none is set).
    pub offset_ms: i64,
    /// How the offset was found, when one is set.
    pub offset_source: Option<OffsetSource>,
    pub submitted: bool,
    /// One of several versions, counted because the recruiter chose it.
    pub chosen: bool,
}

impl Counted<'_> {
    /// The fingerprint of the version as received (before any shift): computed on demand,
    /// since it serialises the whole observation (a few milliseconds for thousands of
    /// events) and most readings never need it.
    pub fn fingerprint(&self) -> String {
        fingerprint(self.received)
    }
}

/// The observations that count for one session and candidate of `campaign`, in the order of
/// the campaign's mediators (unknown ones last, by id; the first is the natural reference
/// for the clocks): every resolved observation (drafts included, marked `submitted: false`) and,
/// of an observation received in several versions, the version the recruiter chose (none
/// while no choice is made). Each is shifted by its clock offset (`campaign.clock_offsets`).
/// The result depends only on what was received, never on the order of the imports.
pub fn counting<'a>(
    merged: &'a MergedObservations,
    campaign: &Campaign,
    session_id: Uuid,
    candidate: Uuid,
) -> Vec<Counted<'a>> {
    let mut out: Vec<Counted<'a>> = received(merged, campaign, session_id, Some(candidate))
        .into_iter()
        .filter(|r| r.version.is_none() || r.chosen)
        .map(|r| {
            let o = r.observation;
            let offset = campaign
                .clock_offsets
                .iter()
                .find(|x| x.observation_id == o.id);
            let offset_ms = offset.map_or(0, |x| x.offset_ms);
            Counted {
                observation: if offset_ms == 0 {
                    Cow::Borrowed(o)
                } else {
                    Cow::Owned(shifted(o, offset_ms))
                },
                mediator_id: o.mediator_id,
                received: o,
                offset_ms,
                offset_source: offset.map(|x| x.source),
                submitted: r.is_submitted(),
                chosen: r.chosen,
            }
        })
        .collect();
    sorting::sort_by_key(&mut out, |k| {
        let place = campaign
            .mediators
            .iter()
            .position(|m| m.id == k.mediator_id);
        (place.unwrap_or(usize::MAX), k.mediator_id, k.observation.id)
    });
    out
}

/// Acts of one lane (actor) in one time bucket, per area in [`Area::ALL`] order.
pub type Stack = [u32; 4];

/// A session's events gathered into equal time buckets, for a chart that stays light whatever
/// the number of events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub length_ms: u64,
    /// Number of buckets; bucket `b` covers `[b·L/n, (b+1)·L/n)` (the last one includes `L`).
    pub buckets: usize,
    /// Per actor (`Actor::index`), per bucket: acts per area.
    pub acts: [Vec<Stack>; 2],
    /// Per actor, per bucket: meta-communication events (codes with a rated tag).
    pub meta: [Vec<u32>; 2],
    /// The largest number of acts of one actor in one bucket (the chart's vertical scale).
    pub peak: u32,
    /// Silences as `(start, end)` in ms, sorted, overlapping or touching ones joined; an open
    /// silence lasts until the end.
    pub silences: Vec<(u64, u64)>,
    /// "Moment to note" markers, in ms.
    pub markers: Vec<u64>,
    /// Notes, in ms, in the observation's order.
    pub notes: Vec<u64>,
}

impl Timeline {
    /// The bucket an instant falls in.
    pub fn bucket_of(&self, at_ms: u64) -> usize {
        bucket_of(at_ms, self.length_ms, self.buckets)
    }
}

fn bucket_of(at_ms: u64, length_ms: u64, buckets: usize) -> usize {
    if length_ms == 0 || buckets == 0 {
        return 0;
    }
    let b = u128::from(at_ms.min(length_ms)) * buckets as u128 / u128::from(length_ms);
    (b as usize).min(buckets - 1)
}

/// Gathers events and notes into `buckets` buckets over a session of `length_ms` (at least one
/// bucket). Events whose code the scheme does not know are left out. O(n + buckets).
pub fn timeline<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    notes: &[Note],
    scheme: &Scheme,
    length_ms: u64,
    buckets: usize,
) -> Timeline {
    let buckets = buckets.max(1);
    struct Kind {
        area: Option<Area>,
        tag: Option<Tag>,
        state: bool,
    }
    let kinds: HashMap<&str, Kind> = scheme
        .codes
        .iter()
        .map(|c| {
            let kind = Kind {
                area: scheme.area_of(c).filter(|_| c.kind == CodeKind::Point),
                tag: c.tag,
                state: c.kind == CodeKind::State,
            };
            (c.id.as_str(), kind)
        })
        .collect();
    let mut t = Timeline {
        length_ms,
        buckets,
        acts: [vec![[0; 4]; buckets], vec![[0; 4]; buckets]],
        meta: [vec![0; buckets], vec![0; buckets]],
        ..Timeline::default()
    };
    let mut silences = Vec::new();
    for e in events {
        let Some(k) = kinds.get(e.code.as_str()) else {
            continue;
        };
        if k.state {
            if k.tag == Some(Tag::Silence) {
                let end = match e.duration_ms {
                    Some(_) => e.end_ms(),
                    None => length_ms.max(e.at_ms),
                };
                silences.push((e.at_ms, end));
            }
            continue;
        }
        if k.tag == Some(Tag::Marker) {
            t.markers.push(e.at_ms);
        }
        let Some(actor) = e.actor else {
            continue;
        };
        let b = bucket_of(e.at_ms, length_ms, buckets);
        let a = actor.index();
        if let Some(area) = k.area {
            let stack = &mut t.acts[a][b];
            stack[area.index()] += 1;
            t.peak = t.peak.max(stack.iter().sum());
        }
        if k.tag.is_some_and(|tag| Tag::RATED.contains(&tag)) {
            t.meta[a][b] += 1;
        }
    }
    sorting::sort(&mut silences);
    for (start, end) in silences {
        match t.silences.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => t.silences.push((start, end)),
        }
    }
    t.notes = notes.iter().map(|n| n.at_ms).collect();
    t
}

/// Ticks of a time axis in ms: 0 and every step up to `length_ms`, the step the smallest of
/// 30 s, 1, 2, 5, 10, 15, 20, 30 or 60 minutes (then whole hours) that gives at most
/// `max_ticks` ticks.
pub fn axis_ticks(length_ms: u64, max_ticks: usize) -> Vec<u64> {
    const STEPS: [u64; 9] = [
        30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_200_000, 1_800_000, 3_600_000,
    ];
    let max_ticks = max_ticks.max(2) as u64;
    let fits = |step: u64| length_ms / step < max_ticks;
    let step = STEPS.into_iter().find(|s| fits(*s)).unwrap_or_else(|| {
        let hours = length_ms.div_ceil(3_600_000 * (max_ticks - 1)).max(1);
        hours * 3_600_000
    });
    (0..=length_ms / step).map(|k| k * step).collect()
}

/// Every index across sessions when each session may have been coded by several mediators:
/// a session's value is the mean of the values its observations give (those with a value),
/// `None` when none does; the direction is then read as in [`super::indices::trend`].
/// With one observation per session, the same result as [`super::indices::trend`].
pub fn pooled_trend(sessions: &[Vec<&SessionIndices>]) -> Vec<Trend> {
    TrendIndex::all()
        .into_iter()
        .map(|index| {
            let values: Vec<Option<f64>> = sessions
                .iter()
                .map(|coded| {
                    let got: Vec<f64> = coded.iter().filter_map(|s| s.whole.value(index)).collect();
                    (!got.is_empty()).then(|| got.iter().sum::<f64>() / got.len() as f64)
                })
                .collect();
            Trend {
                index,
                direction: direction(&values),
                values,
            }
        })
        .collect()
}

/// From this value on, Krippendorff's guideline says codings can be relied on; from
/// [`AGREEMENT_WARNING_BELOW`] (0.667) up to it, only tentative conclusions are drawn
/// (Krippendorff 2004, §11.4.4; `docs/formulas.md`).
pub const AGREEMENT_RELY_FROM: f64 = 0.800;

/// How an agreement coefficient reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// 0.800 or more.
    Solid,
    /// From 0.667 up to 0.800.
    Tentative,
    /// Below 0.667: the agreement warning.
    Low,
    /// No unit had two values.
    NoData,
    /// Everyone gave one and the same value: agreement beyond chance is 0/0.
    NoVariation,
    /// Undefined for another reason.
    Undefined,
}

pub fn reading(c: &Coefficient) -> Reading {
    match (c.value, c.undefined) {
        (Some(v), _) if v < AGREEMENT_WARNING_BELOW => Reading::Low,
        (Some(v), _) if v < AGREEMENT_RELY_FROM => Reading::Tentative,
        (Some(_), _) => Reading::Solid,
        (None, Some(StatsError::NoData)) => Reading::NoData,
        (None, Some(StatsError::NoVariation)) => Reading::NoVariation,
        (None, _) => Reading::Undefined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::{ClockOffset, Person, VersionChoice};
    use crate::domain::observation::indices::{compute, trend, Direction};
    use crate::domain::observation::log::tests::{fresh, id, t};
    use crate::domain::observation::merge::merge_observations;
    use crate::domain::observation::scheme::{default_scheme, Actor};

    fn event(n: u128, at_s: u64, actor: Option<Actor>, code: &str, dur_s: Option<u64>) -> Event {
        Event {
            id: id(n),
            seq: n as u64,
            at_ms: at_s * 1000,
            actor,
            code: code.into(),
            modifier: None,
            duration_ms: dur_s.map(|d| d * 1000),
        }
    }

    #[test]
    fn the_timeline_gathers_events_into_buckets() {
        use Actor::{Candidate as V, Ceo as C};
        // A 100-second session in 10 buckets of 10 s.
        let events = [
            event(1, 0, Some(C), "gives_information", None), // bucket 0, answers
            event(2, 5, Some(C), "asks_opinion", None),      // bucket 0, questions
            event(3, 9, Some(V), "gives_opinion", None),     // bucket 0, answers
            event(4, 9, Some(V), "builds_on", None),         // bucket 0, meta, not an act
            event(5, 20, None, "silence", Some(10)),         // 20–30 s
            event(6, 25, None, "silence", Some(10)),         // 25–35 s: joined with the first
            event(7, 50, None, "moment", None),              // marker
            event(8, 55, Some(C), "disagrees", None),        // bucket 5, negative
            event(9, 56, Some(C), "agrees", None),           // bucket 5, positive
            event(10, 57, Some(C), "agrees", None),          // bucket 5, positive
            event(11, 80, None, "silence", None),            // open: until 100 s
            event(12, 100, Some(V), "supports", None),       // the end belongs to the last bucket
            event(13, 60, Some(V), "not-a-code", None),      // ignored
        ];
        let notes = [Note {
            id: id(50),
            at_ms: 42_000,
            text: "x".into(),
        }];
        let tl = timeline(&events, &notes, default_scheme(), 100_000, 10);
        assert_eq!(tl.buckets, 10);
        let (pos, ans, q, neg) = (0, 1, 2, 3);
        assert_eq!(tl.acts[0][0][ans], 1);
        assert_eq!(tl.acts[0][0][q], 1);
        assert_eq!(tl.acts[1][0][ans], 1);
        assert_eq!(tl.meta[1][0], 1);
        assert_eq!(tl.acts[0][5][neg], 1);
        assert_eq!(tl.acts[0][5][pos], 2);
        assert_eq!(tl.acts[1][9][pos], 1);
        assert_eq!(tl.peak, 3, "three CEO acts in bucket 5");
        assert_eq!(tl.silences, vec![(20_000, 35_000), (80_000, 100_000)]);
        assert_eq!(tl.markers, vec![50_000]);
        assert_eq!(tl.notes, vec![42_000]);
        let acts: u32 = tl.acts.iter().flatten().flatten().sum();
        assert_eq!(acts, 7);
        assert_eq!(tl.bucket_of(99_999), 9);
        assert_eq!(tl.bucket_of(200_000), 9);
    }

    #[test]
    fn an_empty_session_has_one_bucket_and_no_panic() {
        let tl = timeline(&[], &[], default_scheme(), 0, 0);
        assert_eq!(tl.buckets, 1);
        assert_eq!(tl.peak, 0);
        assert_eq!(tl.bucket_of(5), 0);
    }

    #[test]
    fn five_thousand_events_make_a_bounded_timeline() {
        let codes = ["gives_information", "asks_opinion", "agrees", "interrupts"];
        let events: Vec<Event> = (0..5_000u128)
            .map(|n| {
                let actor = if n % 3 == 0 {
                    Actor::Ceo
                } else {
                    Actor::Candidate
                };
                event(n + 1, n as u64, Some(actor), codes[n as usize % 4], None)
            })
            .collect();
        let tl = timeline(&events, &[], default_scheme(), 5_000_000, 200);
        assert_eq!(tl.acts[0].len(), 200);
        let acts: u32 = tl.acts.iter().flatten().flatten().sum();
        let meta: u32 = tl.meta.iter().flatten().sum();
        assert_eq!((acts, meta), (3_750, 1_250));
    }

    #[test]
    fn axis_ticks_pick_a_round_step() {
        assert_eq!(
            axis_ticks(140_000, 8),
            vec![0, 30_000, 60_000, 90_000, 120_000]
        );
        // 45 min: 5-minute steps would give 10 ticks; 10-minute steps give 5.
        assert_eq!(
            axis_ticks(45 * 60_000, 8),
            (0..=4).map(|k| k * 600_000).collect::<Vec<_>>()
        );
        // 3 h with at most 8 ticks: 30-minute steps.
        assert_eq!(axis_ticks(3 * 3_600_000, 8).len(), 7);
        assert_eq!(axis_ticks(0, 8), vec![0]);
        // 12 h with at most 4 ticks: whole hours, 4 per step.
        assert_eq!(
            axis_ticks(12 * 3_600_000, 4),
            vec![0, 4 * 3_600_000, 8 * 3_600_000, 12 * 3_600_000]
        );
    }

    fn obs(n: u128, session: u128, mediator: u128, revision: u64, submitted: bool) -> Observation {
        let mut o = fresh();
        o.id = id(n);
        o.session_id = id(session);
        o.mediator_id = id(mediator);
        o.revision = revision;
        if submitted {
            o.status = ObservationStatus::Submitted;
            o.submitted_at = Some(t(0));
        }
        o
    }

    /// A campaign (id 2, like [`fresh`]'s observations) with mediators 20 and 21 and the
    /// candidates given.
    fn campaign(candidates: &[u128]) -> Campaign {
        let mut c = crate::domain::campaign::tests::sample();
        c.id = fresh().campaign_id;
        c.mediators = [20, 21]
            .iter()
            .map(|m| Person {
                id: id(*m),
                name: format!("M{m}"),
                email: String::new(),
            })
            .collect();
        c.candidates = candidates
            .iter()
            .map(|n| Person {
                id: id(*n),
                name: format!("C{n}"),
                email: String::new(),
            })
            .collect();
        c
    }

    #[test]
    fn received_lists_resolved_observations_then_every_conflicting_version() {
        let c = campaign(&[10]);
        let a = obs(100, 30, 21, 3, true);
        let b = obs(101, 30, 20, 2, false);
        let other_session = obs(102, 31, 20, 1, true);
        let c1 = obs(103, 30, 22, 5, true);
        let mut c2 = c1.clone();
        c2.revision = 6;
        let merged = merge_observations([&a, &b, &other_session, &c1, &c2]);
        assert_eq!(merged.conflicts.len(), 1);
        let got = received(&merged, &c, id(30), None);
        let ids: Vec<(Uuid, Option<(usize, usize)>)> =
            got.iter().map(|r| (r.observation.id, r.version)).collect();
        assert_eq!(
            ids,
            vec![
                (id(101), None),
                (id(100), None),
                (id(103), Some((1, 2))),
                (id(103), Some((2, 2))),
            ]
        );
        assert!(!got[0].is_settled(), "a draft");
        assert!(got[1].is_settled());
        assert!(got[2].is_submitted() && !got[2].is_settled(), "in conflict");
        assert!(got.iter().all(|r| !r.chosen));
        assert!(received(&merged, &c, id(99), None).is_empty());
        // With one candidate, observations that name nobody are theirs.
        assert_eq!(received(&merged, &c, id(30), Some(id(10))), got);
        assert!(received(&merged, &c, id(30), Some(id(11))).is_empty());
    }

    #[test]
    fn received_keeps_the_candidates_observations_apart() {
        let c = campaign(&[10, 11]);
        let mut with_a = obs(100, 30, 20, 3, true);
        with_a.candidate_id = Some(id(10));
        let mut with_b = obs(101, 30, 20, 3, true);
        with_b.candidate_id = Some(id(11));
        let nobody = obs(102, 30, 21, 3, true);
        let mut stranger = obs(103, 30, 21, 3, true);
        stranger.candidate_id = Some(id(99));
        let merged = merge_observations([&with_a, &with_b, &nobody, &stranger]);
        let of = |cand: u128| -> Vec<Uuid> {
            received(&merged, &c, id(30), Some(id(cand)))
                .iter()
                .map(|r| r.observation.id)
                .collect()
        };
        assert_eq!(of(10), vec![id(100)]);
        assert_eq!(of(11), vec![id(101)]);
        // Two candidates: an observation naming nobody, or a stranger, is nobody's.
        assert_eq!(received(&merged, &c, id(30), None).len(), 4);
    }

    /// Two submitted versions of observation 103 (mediator 21), and a settled observation of
    /// mediator 20, all with candidate 10.
    fn conflicted() -> (Observation, Observation, Observation) {
        let mut settled = obs(100, 30, 20, 3, true);
        settled.events = vec![event(1, 10, Some(Actor::Ceo), "agrees", None)].into();
        let mut v1 = obs(103, 30, 21, 5, true);
        v1.events = vec![event(2, 12, Some(Actor::Ceo), "agrees", None)].into();
        let mut v2 = v1.clone();
        v2.events.push(event(3, 20, None, "moment", None));
        v2.revision = 6;
        for o in [&mut settled, &mut v1, &mut v2] {
            o.candidate_id = Some(id(10));
        }
        (settled, v1, v2)
    }

    #[test]
    fn a_chosen_version_counts_and_the_others_do_not() {
        let (settled, v1, v2) = conflicted();
        let mut c = campaign(&[10, 11]);
        let merged = merge_observations([&settled, &v1, &v2]);
        // No choice yet: only the settled observation counts.
        let ids = |got: &[Counted]| -> Vec<(Uuid, String)> {
            got.iter()
                .map(|k| (k.observation.id, k.fingerprint()))
                .collect()
        };
        let got = counting(&merged, &c, id(30), id(10));
        assert_eq!(ids(&got), vec![(id(100), fingerprint(&settled))]);
        assert!(got[0].submitted && !got[0].chosen);
        // The recruiter chooses version 2.
        c.version_choices.push(VersionChoice {
            observation_id: id(103),
            version: fingerprint(&v2),
            chosen_at: t(0),
        });
        let got = counting(&merged, &c, id(30), id(10));
        assert_eq!(
            ids(&got),
            vec![
                (id(100), fingerprint(&settled)),
                (id(103), fingerprint(&v2))
            ]
        );
        assert!(got[1].chosen);
        assert_eq!(*got[1].observation, v2);
        let seen = received(&merged, &c, id(30), Some(id(10)));
        let settled_flags: Vec<(bool, bool)> =
            seen.iter().map(|r| (r.chosen, r.is_settled())).collect();
        assert_eq!(
            settled_flags,
            vec![(false, true), (false, false), (true, true)]
        );
        // Nothing counts for the other candidate.
        assert!(counting(&merged, &c, id(30), id(11)).is_empty());
        // The same whatever the order of the imports.
        for order in [[&v2, &settled, &v1], [&v1, &v2, &settled]] {
            let (m, _) = MergedObservations::default().import(order);
            assert_eq!(counting(&m, &c, id(30), id(10)), got);
            let (m, _) = merge_observations([order[0]]).import([order[1], order[2]]);
            assert_eq!(counting(&m, &c, id(30), id(10)), got);
        }
    }

    #[test]
    fn what_counts_follows_the_mediators_order_even_when_chosen() {
        // Mediator 20's observation arrived in two versions; mediator 21's is settled.
        let (_, v1, v2) = conflicted();
        let mut a1 = v1.clone();
        a1.mediator_id = id(20);
        let mut a2 = v2.clone();
        a2.mediator_id = id(20);
        let mut settled = obs(100, 30, 21, 3, true);
        settled.candidate_id = Some(id(10));
        let mut c = campaign(&[10]);
        c.version_choices.push(VersionChoice {
            observation_id: id(103),
            version: fingerprint(&a1),
            chosen_at: t(0),
        });
        let merged = merge_observations([&settled, &a1, &a2]);
        let order: Vec<Uuid> = counting(&merged, &c, id(30), id(10))
            .iter()
            .map(|k| k.mediator_id)
            .collect();
        assert_eq!(order, vec![id(20), id(21)]);
    }

    #[test]
    fn counted_observations_carry_their_clock_offset() {
        let (settled, v1, _) = conflicted();
        let mut c = campaign(&[10]);
        c.clock_offsets.push(ClockOffset {
            observation_id: id(103),
            offset_ms: -2_000,
            source: OffsetSource::Marker,
            set_at: t(0),
        });
        let merged = merge_observations([&settled, &v1]);
        let got = counting(&merged, &c, id(30), id(10));
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].offset_ms, got[0].offset_source), (0, None));
        assert!(matches!(got[0].observation, Cow::Borrowed(_)));
        assert_eq!(
            (got[1].offset_ms, got[1].offset_source),
            (-2_000, Some(OffsetSource::Marker))
        );
        assert_eq!(got[1].observation.events[0].at_ms, 10_000);
        // The fingerprint names the version received, not its shifted reading.
        assert_eq!(got[1].fingerprint(), fingerprint(&v1));
        assert_eq!(got[1].mediator_id, id(21));
    }

    #[test]
    fn pooled_trend_means_the_mediators_and_matches_trend_for_one_each() {
        let s = default_scheme();
        let session = |ceo: u64, candidate: u64| {
            let mut events = Vec::new();
            let mut n = 0;
            for (actor, count) in [(Actor::Ceo, ceo), (Actor::Candidate, candidate)] {
                for _ in 0..count {
                    n += 1;
                    events.push(event(n, n as u64, Some(actor), "gives_opinion", None));
                }
            }
            events.sort_by_key(|e| e.at_ms);
            compute(&events, s, 600_000)
        };
        // Session 1: two mediators see CEO shares 3/4 and 1/2 → mean 0.625; session 2: 1/4.
        let (a, b, c) = (session(3, 1), session(1, 1), session(1, 3));
        let pooled = pooled_trend(&[vec![&a, &b], vec![&c]]);
        let floor = pooled
            .iter()
            .find(|tr| tr.index == TrendIndex::FloorShare(Actor::Ceo))
            .unwrap();
        assert_eq!(floor.values, vec![Some(0.625), Some(0.25)]);
        assert_eq!(floor.direction, Direction::Falling);
        // A session nobody coded has no value.
        let gap = pooled_trend(&[vec![&a], vec![], vec![&c]]);
        assert_eq!(gap[0].values[1], None);
        assert_eq!(pooled_trend(&[vec![&a], vec![&c]]), trend(&[&a, &c]));
    }

    #[test]
    fn coefficients_read_against_krippendorffs_levels() {
        let c = |value: Option<f64>, undefined: Option<StatsError>| Coefficient {
            value,
            units: 12,
            undefined,
        };
        assert_eq!(reading(&c(Some(0.95), None)), Reading::Solid);
        assert_eq!(reading(&c(Some(0.8), None)), Reading::Solid);
        assert_eq!(reading(&c(Some(0.7999), None)), Reading::Tentative);
        assert_eq!(reading(&c(Some(0.667), None)), Reading::Tentative);
        assert_eq!(reading(&c(Some(0.6669), None)), Reading::Low);
        assert_eq!(reading(&c(Some(-0.2), None)), Reading::Low);
        assert_eq!(reading(&c(None, Some(StatsError::NoData))), Reading::NoData);
        assert_eq!(
            reading(&c(None, Some(StatsError::NoVariation))),
            Reading::NoVariation
        );
        assert_eq!(
            reading(&c(None, Some(StatsError::NonFinite))),
            Reading::Undefined
        );
    }
}
