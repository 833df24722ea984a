//! Meta-communication indices of one coded session, by thirds of the session, and their trend
//! across sessions. Definitions (also in `docs/schemes.md`):
//!
//! * An **act** is a point event, with an actor, whose code's category has a Bales area (the
//!   twelve interaction codes of the default scheme). Meta-communication codes, silences and
//!   markers are not acts: they qualify the interaction and have their own counts.
//! * **Floor share** of an actor: their acts ÷ all acts.
//! * **Bales profile** of an actor: their acts per code and per area, each ÷ their acts.
//! * **Question/answer ratio**: acts in the *questions* area ÷ acts in the *attempted answers*
//!   area, per actor and for both together.
//! * **Positive/negative ratio**: acts in the *positive socio-emotional* area ÷ acts in the
//!   *negative socio-emotional* area, per actor and for both together.
//! * **Rates** of each meta-communication tag (builds on, reformulates, asks why, proposes,
//!   accepts a refusal, interrupts, talks over), per actor: events per 10 minutes of session
//!   time (pauses excluded) and per 100 of that actor's acts.
//! * **Silence**: how many silences start in the window, and their time within it (an open
//!   silence lasts until the end of the session) ÷ the window's length.
//! * **Thirds**: `[0, L/3)`, `[L/3, 2L/3)`, `[2L/3, L]` of the session length `L`; an event
//!   belongs to the third where it starts; a silence's time is split by overlap.
//! * **Transitions** (lag 1): for each act and the act that follows it in time, the pair
//!   (actor × area → actor × area) is counted.
//!
//! Ratios keep their parts ([`Ratio`]): a value is shown with what it is made of, and a zero
//! denominator gives no value rather than an infinity. Everything is computed in one pass over
//! the events, O(n + k) for n events and k codes, with one hash lookup per event.

use super::log::{Event, Observation};
use super::resolved::ResolvedLog;
use super::scheme::{Actor, Area, CodeKind, Scheme, Tag};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One value for each actor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActorPair<T> {
    pub ceo: T,
    pub candidate: T,
}

impl<T> ActorPair<T> {
    pub fn get(&self, actor: Actor) -> &T {
        match actor {
            Actor::Ceo => &self.ceo,
            Actor::Candidate => &self.candidate,
        }
    }

    fn from_fn(mut f: impl FnMut(Actor) -> T) -> Self {
        ActorPair {
            ceo: f(Actor::Ceo),
            candidate: f(Actor::Candidate),
        }
    }
}

/// A ratio with its parts; also used for shares (part ÷ whole).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub numerator: u32,
    pub denominator: u32,
}

impl Ratio {
    pub fn new(numerator: u32, denominator: u32) -> Self {
        Self {
            numerator,
            denominator,
        }
    }

    /// `None` when the denominator is zero.
    pub fn value(&self) -> Option<f64> {
        (self.denominator > 0).then(|| f64::from(self.numerator) / f64::from(self.denominator))
    }
}

/// How often something happens, with its parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub count: u32,
    /// Length of the window, in milliseconds of session time.
    pub span_ms: u64,
    /// The actor's acts in the window.
    pub acts: u32,
}

impl Rate {
    /// Events per 10 minutes; `None` for an empty window.
    pub fn per_10_min(&self) -> Option<f64> {
        (self.span_ms > 0).then(|| f64::from(self.count) * 600_000.0 / self.span_ms as f64)
    }

    /// Events per 100 of the actor's acts; `None` when the actor made no act.
    pub fn per_100_acts(&self) -> Option<f64> {
        (self.acts > 0).then(|| f64::from(self.count) * 100.0 / f64::from(self.acts))
    }
}

/// One code in a Bales profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeShare {
    pub code: String,
    pub area: Area,
    /// The code's acts ÷ the actor's acts.
    pub share: Ratio,
}

/// One actor's acts per code and per area.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub acts: u32,
    /// Every act code of the scheme, in scheme order.
    pub codes: Vec<CodeShare>,
    /// In [`Area::ALL`] order: the area's acts ÷ the actor's acts.
    pub areas: [Ratio; 4],
}

impl Profile {
    pub fn code(&self, id: &str) -> Ratio {
        self.codes
            .iter()
            .find(|c| c.code == id)
            .map_or(Ratio::new(0, self.acts), |c| c.share)
    }

    pub fn area(&self, area: Area) -> Ratio {
        self.areas[area.index()]
    }
}

/// The rates of one meta-communication tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TagRate {
    pub tag: Tag,
    pub rate: ActorPair<Rate>,
}

/// Silences in a window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Silence {
    /// Silences that start in the window.
    pub count: u32,
    /// Silent time within the window.
    pub total_ms: u64,
    pub span_ms: u64,
}

impl Silence {
    /// Share of the window's time spent in silence.
    pub fn share(&self) -> Option<f64> {
        (self.span_ms > 0).then(|| self.total_ms as f64 / self.span_ms as f64)
    }
}

/// The indices of one window of session time (the whole session or one third).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowIndices {
    pub start_ms: u64,
    pub end_ms: u64,
    pub acts: ActorPair<u32>,
    pub floor_share: ActorPair<Ratio>,
    pub profile: ActorPair<Profile>,
    pub question_answer: ActorPair<Ratio>,
    pub question_answer_dyad: Ratio,
    pub positive_negative: ActorPair<Ratio>,
    pub positive_negative_dyad: Ratio,
    /// One entry per tag of [`Tag::RATED`], in that order.
    pub rates: Vec<TagRate>,
    pub silence: Silence,
    /// "Moment to note" markers.
    pub markers: u32,
}

impl WindowIndices {
    pub fn span_ms(&self) -> u64 {
        self.end_ms - self.start_ms
    }

    pub fn rate(&self, tag: Tag, actor: Actor) -> Rate {
        self.rates
            .iter()
            .find(|r| r.tag == tag)
            .map(|r| *r.rate.get(actor))
            .unwrap_or(Rate {
                count: 0,
                span_ms: self.span_ms(),
                acts: *self.acts.get(actor),
            })
    }

    /// The value of one index, for trends and charts.
    pub fn value(&self, index: TrendIndex) -> Option<f64> {
        let pick = |pair: &ActorPair<Ratio>, dyad: Ratio, who: Option<Actor>| match who {
            Some(a) => pair.get(a).value(),
            None => dyad.value(),
        };
        match index {
            TrendIndex::FloorShare(a) => self.floor_share.get(a).value(),
            TrendIndex::QuestionAnswer(who) => {
                pick(&self.question_answer, self.question_answer_dyad, who)
            }
            TrendIndex::PositiveNegative(who) => {
                pick(&self.positive_negative, self.positive_negative_dyad, who)
            }
            TrendIndex::Per10Min(tag, a) => self.rate(tag, a).per_10_min(),
            TrendIndex::Per100Acts(tag, a) => self.rate(tag, a).per_100_acts(),
            TrendIndex::SilenceShare => self.silence.share(),
        }
    }
}

/// A lag-1 transition table over acts: (actor × area) → (actor × area).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Transitions {
    /// `counts[from][to]`, states numbered by [`Transitions::state`].
    pub counts: [[u32; 8]; 8],
    /// Number of consecutive act pairs (acts − 1, or 0).
    pub total: u32,
}

impl Transitions {
    /// The row/column of a state: the CEO's four areas, then the candidate's.
    pub fn state(actor: Actor, area: Area) -> usize {
        actor.index() * 4 + area.index()
    }

    /// The state at a row/column.
    pub fn state_at(i: usize) -> (Actor, Area) {
        (Actor::ALL[i / 4], Area::ALL[i % 4])
    }

    pub fn count(&self, from: (Actor, Area), to: (Actor, Area)) -> u32 {
        self.counts[Self::state(from.0, from.1)][Self::state(to.0, to.1)]
    }

    /// Who follows whom: `[from][to]` over actors (0 = CEO, 1 = candidate).
    pub fn by_actor(&self) -> [[u32; 2]; 2] {
        let mut out = [[0; 2]; 2];
        for (i, row) in self.counts.iter().enumerate() {
            for (j, n) in row.iter().enumerate() {
                out[i / 4][j / 4] += n;
            }
        }
        out
    }

    /// Probability that `to` follows `from`: the pair's count ÷ all transitions from `from`.
    pub fn probability(&self, from: (Actor, Area), to: (Actor, Area)) -> Ratio {
        let row = &self.counts[Self::state(from.0, from.1)];
        Ratio::new(self.count(from, to), row.iter().sum())
    }
}

/// Every index of one session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SessionIndices {
    pub length_ms: u64,
    pub whole: WindowIndices,
    pub thirds: [WindowIndices; 3],
    pub transitions: Transitions,
}

/// What the indices need to know about a code.
#[derive(Clone, Copy)]
struct Info {
    /// Position among the act codes, and the area, for act codes.
    act: Option<(usize, Area)>,
    tag: Option<Tag>,
    /// The tag's position in [`Tag::RATED`].
    rated: Option<usize>,
    state: bool,
}

/// Counts for one window, filled in one pass.
#[derive(Clone)]
struct Acc {
    acts: [u32; 2],
    codes: [Vec<u32>; 2],
    areas: [[u32; 4]; 2],
    tags: [[u32; Tag::RATED.len()]; 2],
    silences: u32,
    silence_ms: u64,
    markers: u32,
}

impl Acc {
    /// One event of `actor` (its index) with a code of `info`, but its act code (counted
    /// apart, see `compute_resolved`).
    fn count(&mut self, actor: usize, info: &Info) {
        if let Some((_, area)) = info.act {
            self.acts[actor] += 1;
            self.areas[actor][area.index()] += 1;
        }
        if let Some(r) = info.rated {
            self.tags[actor][r] += 1;
        }
    }

    fn new(act_codes: usize) -> Self {
        Acc {
            acts: [0; 2],
            codes: [vec![0; act_codes], vec![0; act_codes]],
            areas: [[0; 4]; 2],
            tags: [[0; Tag::RATED.len()]; 2],
            silences: 0,
            silence_ms: 0,
            markers: 0,
        }
    }
}

/// The indices of an observation at `now` (the session length is [`Observation::length_ms`]).
pub fn session_indices(
    observation: &Observation,
    scheme: &Scheme,
    now: DateTime<Utc>,
) -> SessionIndices {
    let log = ResolvedLog::of(&observation.events, scheme);
    compute_resolved(&log, observation.length_ms_given(now, log.last_end_ms))
}

/// The indices of a time-ordered event log over a session of `length_ms`. Events whose code
/// the scheme does not know are ignored.
pub fn compute<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    scheme: &Scheme,
    length_ms: u64,
) -> SessionIndices {
    compute_resolved(&ResolvedLog::of(events, scheme), length_ms)
}

/// [`compute`] over a log already resolved against its scheme.
pub fn compute_resolved(log: &ResolvedLog, length_ms: u64) -> SessionIndices {
    let scheme = log.scheme;
    let mut act_codes: Vec<(&str, Area)> = Vec::new();
    // By the code's position in the scheme. A code id given twice: the event resolves to the
    // last code of that id, whose act position counts all earlier act codes.
    let info: Vec<Info> = scheme
        .codes
        .iter()
        .map(|c| {
            let area = scheme.area_of(c).filter(|_| c.kind == CodeKind::Point);
            let act = area.map(|a| {
                act_codes.push((&c.id, a));
                (act_codes.len() - 1, a)
            });
            Info {
                act,
                tag: c.tag,
                rated: c.tag.and_then(|t| Tag::RATED.iter().position(|x| *x == t)),
                state: c.kind == CodeKind::State,
            }
        })
        .collect();
    // Thirds in whole milliseconds.
    let two_thirds = (u128::from(length_ms) * 2 / 3) as u64;
    let bounds = [0, length_ms / 3, two_thirds, length_ms];
    let third_of = |t: u64| {
        if t < bounds[1] {
            0
        } else if t < bounds[2] {
            1
        } else {
            2
        }
    };
    let mut whole = Acc::new(act_codes.len());
    let mut thirds = [whole.clone(), whole.clone(), whole.clone()];
    let mut transitions = Transitions::default();
    let mut previous: Option<usize> = None;
    // The acts per code, counted in one slice (the build for the browser optimises for size,
    // which leaves `Vec` indexing a call; a slice indexes directly): the whole session, then
    // each third; per actor; per act code. Moved into the accumulators after the pass.
    let n = act_codes.len();
    let mut per_code_buffer = vec![0u32; 4 * 2 * n];
    let per_code: &mut [u32] = &mut per_code_buffer;
    let info: &[Info] = &info;

    for e in &log.events {
        let i = &info[e.code];
        let third = third_of(e.at_ms);
        if i.state {
            // An open state lasts until the end of the session.
            let end = match e.duration_ms {
                Some(_) => e.end_ms(),
                None => length_ms.max(e.at_ms),
            };
            let add = |acc: &mut Acc, from: u64, to: u64, starts: bool| {
                if i.tag == Some(Tag::Silence) {
                    acc.silences += u32::from(starts);
                    acc.silence_ms += end.min(to).saturating_sub(e.at_ms.max(from));
                }
            };
            add(&mut whole, 0, u64::MAX, true);
            for (k, acc) in thirds.iter_mut().enumerate() {
                let to = if k == 2 { u64::MAX } else { bounds[k + 1] };
                add(acc, bounds[k], to, k == third);
            }
            continue;
        }
        if i.tag == Some(Tag::Marker) {
            whole.markers += 1;
            thirds[third].markers += 1;
        }
        let Some(actor) = e.actor else {
            continue;
        };
        let a = actor.index();
        if let Some((k, _)) = i.act {
            per_code[a * n + k] += 1;
            per_code[((1 + third) * 2 + a) * n + k] += 1;
        }
        whole.count(a, i);
        thirds[third].count(a, i);
        if let Some((_, area)) = i.act {
            let state = Transitions::state(actor, area);
            if let Some(p) = previous {
                transitions.counts[p][state] += 1;
                transitions.total += 1;
            }
            previous = Some(state);
        }
    }

    for (w, acc) in std::iter::once(&mut whole).chain(&mut thirds).enumerate() {
        for (a, codes) in acc.codes.iter_mut().enumerate() {
            let from = (w * 2 + a) * n;
            codes.copy_from_slice(&per_code[from..from + n]);
        }
    }
    let window = |acc: &Acc, start: u64, end: u64| finish(acc, &act_codes, start, end);
    SessionIndices {
        length_ms,
        whole: window(&whole, 0, length_ms),
        thirds: [
            window(&thirds[0], bounds[0], bounds[1]),
            window(&thirds[1], bounds[1], bounds[2]),
            window(&thirds[2], bounds[2], bounds[3]),
        ],
        transitions,
    }
}

fn finish(acc: &Acc, act_codes: &[(&str, Area)], start_ms: u64, end_ms: u64) -> WindowIndices {
    let span_ms = end_ms - start_ms;
    let total = acc.acts[0] + acc.acts[1];
    let area = |a: usize, area: Area| acc.areas[a][area.index()];
    let ratio = |a: usize, num: Area, den: Area| Ratio::new(area(a, num), area(a, den));
    let dyad =
        |num: Area, den: Area| Ratio::new(area(0, num) + area(1, num), area(0, den) + area(1, den));
    WindowIndices {
        start_ms,
        end_ms,
        acts: ActorPair::from_fn(|x| acc.acts[x.index()]),
        floor_share: ActorPair::from_fn(|x| Ratio::new(acc.acts[x.index()], total)),
        profile: ActorPair::from_fn(|x| {
            let a = x.index();
            Profile {
                acts: acc.acts[a],
                codes: act_codes
                    .iter()
                    .zip(&acc.codes[a])
                    .map(|((code, area), n)| CodeShare {
                        code: (*code).to_owned(),
                        area: *area,
                        share: Ratio::new(*n, acc.acts[a]),
                    })
                    .collect(),
                areas: Area::ALL.map(|ar| Ratio::new(area(a, ar), acc.acts[a])),
            }
        }),
        question_answer: ActorPair::from_fn(|x| {
            ratio(x.index(), Area::Questions, Area::AttemptedAnswers)
        }),
        question_answer_dyad: dyad(Area::Questions, Area::AttemptedAnswers),
        positive_negative: ActorPair::from_fn(|x| {
            ratio(
                x.index(),
                Area::PositiveSocioEmotional,
                Area::NegativeSocioEmotional,
            )
        }),
        positive_negative_dyad: dyad(Area::PositiveSocioEmotional, Area::NegativeSocioEmotional),
        rates: Tag::RATED
            .iter()
            .enumerate()
            .map(|(r, tag)| TagRate {
                tag: *tag,
                rate: ActorPair::from_fn(|x| Rate {
                    count: acc.tags[x.index()][r],
                    span_ms,
                    acts: acc.acts[x.index()],
                }),
            })
            .collect(),
        silence: Silence {
            count: acc.silences,
            total_ms: acc.silence_ms,
            span_ms,
        },
        markers: acc.markers,
    }
}

/// An index followed across sessions (or across the thirds of one session).
/// `None` as the actor means both actors together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum TrendIndex {
    FloorShare(Actor),
    QuestionAnswer(Option<Actor>),
    PositiveNegative(Option<Actor>),
    Per10Min(Tag, Actor),
    Per100Acts(Tag, Actor),
    SilenceShare,
}

impl TrendIndex {
    /// Every index a trend is computed for, in display order.
    pub fn all() -> Vec<TrendIndex> {
        let mut out = Vec::new();
        out.extend(Actor::ALL.map(TrendIndex::FloorShare));
        for who in [None, Some(Actor::Ceo), Some(Actor::Candidate)] {
            out.push(TrendIndex::QuestionAnswer(who));
        }
        for who in [None, Some(Actor::Ceo), Some(Actor::Candidate)] {
            out.push(TrendIndex::PositiveNegative(who));
        }
        for tag in Tag::RATED {
            for a in Actor::ALL {
                out.push(TrendIndex::Per10Min(tag, a));
                out.push(TrendIndex::Per100Acts(tag, a));
            }
        }
        out.push(TrendIndex::SilenceShare);
        out
    }
}

/// Where an index is heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Direction {
    Rising,
    Falling,
    Stable,
    /// Fewer than two values.
    NotEnoughData,
}

/// Below this share of the mean value, a fitted change counts as stable.
pub const STABLE_WITHIN: f64 = 0.10;

/// A least-squares line through a series, read from its first to its last value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// How many positions had a value.
    pub points: usize,
    /// The fitted change from the first to the last position with a value (slope × distance).
    pub change: f64,
    /// The mean absolute value of the series (the scale a relative tolerance is taken of).
    pub mean_abs: f64,
}

/// The least-squares line through the values at their positions (`None` = no value there);
/// `None` with fewer than two values. The one fit behind every trend Rally shows: the session
/// analysis ([`direction`]) and the compatibility picture, which only chooses another
/// tolerance.
pub fn fit(values: &[Option<f64>]) -> Option<Fit> {
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i as f64, v)))
        .collect();
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = points.iter().map(|(x, _)| (x - mx) * (x - mx)).sum();
    Some(Fit {
        points: points.len(),
        change: sxy / sxx * (points[points.len() - 1].0 - points[0].0),
        mean_abs: points.iter().map(|p| p.1.abs()).sum::<f64>() / n,
    })
}

/// The direction of a series (`None` = no value at that position). A least-squares line is
/// fitted through the values at their positions ([`fit`]); its change from the first to the
/// last value is *stable* when within [`STABLE_WITHIN`] (10 %) of the mean absolute value,
/// otherwise rising or falling.
pub fn direction(values: &[Option<f64>]) -> Direction {
    let Some(f) = fit(values) else {
        return Direction::NotEnoughData;
    };
    if f.change.abs() <= STABLE_WITHIN * f.mean_abs {
        Direction::Stable
    } else if f.change > 0.0 {
        Direction::Rising
    } else {
        Direction::Falling
    }
}

/// One index over a series of windows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub index: TrendIndex,
    pub values: Vec<Option<f64>>,
    pub direction: Direction,
}

fn trends<'a>(windows: impl Iterator<Item = &'a WindowIndices> + Clone) -> Vec<Trend> {
    TrendIndex::all()
        .into_iter()
        .map(|index| {
            let values: Vec<Option<f64>> = windows.clone().map(|w| w.value(index)).collect();
            Trend {
                index,
                direction: direction(&values),
                values,
            }
        })
        .collect()
}

/// Every index across sessions, in the order given (the campaign's session order).
pub fn trend(sessions: &[&SessionIndices]) -> Vec<Trend> {
    trends(sessions.iter().map(|s| &s.whole))
}

/// Every index across the three thirds of one session: its evolution within the session.
pub fn within_session(session: &SessionIndices) -> Vec<Trend> {
    trends(session.thirds.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{fresh, id, insert, t};
    use crate::domain::observation::log::{EventFields, ObservationAction};
    use crate::domain::observation::scheme::default_scheme;
    use Actor::{Candidate as V, Ceo as C};
    use Area::{
        AttemptedAnswers as Ans, NegativeSocioEmotional as Neg, PositiveSocioEmotional as Pos,
        Questions as Q,
    };

    fn approx(a: Option<f64>, b: f64) {
        let a = a.expect("a value");
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    /// A 10-minute session coded by hand (times in seconds):
    ///
    /// | #  | s   | who | code              | area / tag       |
    /// |----|-----|-----|-------------------|------------------|
    /// | 1  | 10  | C   | gives_information | answers          |
    /// | 2  | 20  | C   | asks_opinion      | questions        |
    /// | 3  | 30  | V   | gives_opinion     | answers          |
    /// | 4  | 35  | V   | builds_on         | tag              |
    /// | 5  | 40  | C   | agrees            | positive         |
    /// | 6  | 50  | –   | silence 6 s       | silence          |
    /// | 7  | 60  | V   | proposes          | tag              |
    /// | 8  | 61  | V   | gives_direction   | answers          |
    /// | 9  | 250 | C   | disagrees         | negative         |
    /// | 10 | 255 | V   | interrupts        | tag              |
    /// | 11 | 256 | V   | gives_opinion     | answers          |
    /// | 12 | 300 | C   | asks_why          | tag              |
    /// | 13 | 301 | C   | asks_information  | questions        |
    /// | 14 | 310 | V   | reformulates      | tag              |
    /// | 15 | 311 | V   | gives_information | answers          |
    /// | 16 | 395 | –   | silence 10 s      | silence          |
    /// | 17 | 450 | C   | eases_tension     | positive         |
    /// | 18 | 460 | V   | supports          | positive         |
    /// | 19 | 470 | C   | talks_over        | tag              |
    /// | 20 | 480 | V   | shows_tension     | negative         |
    /// | 21 | 500 | –   | moment            | marker           |
    /// | 22 | 550 | V   | agrees            | positive         |
    fn hand_session() -> Observation {
        let s = default_scheme();
        let mut o = fresh();
        let rows: [(u64, Option<Actor>, &str, Option<u64>); 22] = [
            (10, Some(C), "gives_information", None),
            (20, Some(C), "asks_opinion", None),
            (30, Some(V), "gives_opinion", None),
            (35, Some(V), "builds_on", None),
            (40, Some(C), "agrees", None),
            (50, None, "silence", Some(6_000)),
            (60, Some(V), "proposes", None),
            (61, Some(V), "gives_direction", None),
            (250, Some(C), "disagrees", None),
            (255, Some(V), "interrupts", None),
            (256, Some(V), "gives_opinion", None),
            (300, Some(C), "asks_why", None),
            (301, Some(C), "asks_information", None),
            (310, Some(V), "reformulates", None),
            (311, Some(V), "gives_information", None),
            (395, None, "silence", Some(10_000)),
            (450, Some(C), "eases_tension", None),
            (460, Some(V), "supports", None),
            (470, Some(C), "talks_over", None),
            (480, Some(V), "shows_tension", None),
            (500, None, "moment", None),
            (550, Some(V), "agrees", None),
        ];
        for (n, (s_, actor, code, duration_ms)) in rows.into_iter().enumerate() {
            let action = ObservationAction::InsertEvent {
                id: id(100 + n as u128),
                fields: EventFields {
                    actor,
                    code: code.into(),
                    modifier: None,
                    at_ms: s_ * 1000,
                    duration_ms,
                },
            };
            o.apply_mut(s, &action, t(0)).unwrap();
        }
        o.apply_mut(s, &ObservationAction::StartClock, t(0))
            .unwrap();
        o.apply_mut(s, &ObservationAction::Submit, t(600_000))
            .unwrap();
        o
    }

    fn hand() -> SessionIndices {
        session_indices(&hand_session(), default_scheme(), t(700_000))
    }

    #[test]
    fn whole_session_indices_match_the_hand_count() {
        let ix = hand();
        assert_eq!(ix.length_ms, 600_000);
        let w = &ix.whole;
        // Acts: CEO #1 2 5 9 13 17 = 6; candidate #3 8 11 15 18 20 22 = 7; 13 in all.
        assert_eq!(
            w.acts,
            ActorPair {
                ceo: 6,
                candidate: 7
            }
        );
        assert_eq!(w.floor_share.ceo, Ratio::new(6, 13));
        approx(w.floor_share.candidate.value(), 7.0 / 13.0);
        // CEO profile: answers 1 (#1), questions 2 (#2 #13), positive 2 (#5 #17), negative 1 (#9).
        let p = &w.profile.ceo;
        assert_eq!(p.area(Ans), Ratio::new(1, 6));
        assert_eq!(p.area(Q), Ratio::new(2, 6));
        assert_eq!(p.area(Pos), Ratio::new(2, 6));
        assert_eq!(p.area(Neg), Ratio::new(1, 6));
        assert_eq!(p.code("asks_opinion"), Ratio::new(1, 6));
        assert_eq!(p.codes.len(), 12, "every act code is listed, even at zero");
        // Candidate: answers 4 (#3 #8 #11 #15), positive 2 (#18 #22), negative 1 (#20), no question.
        let p = &w.profile.candidate;
        assert_eq!(p.area(Ans), Ratio::new(4, 7));
        assert_eq!(p.area(Q), Ratio::new(0, 7));
        assert_eq!(p.code("gives_opinion"), Ratio::new(2, 7));
        // Questions ÷ answers: CEO 2/1, candidate 0/4, both (2+0)/(1+4) = 2/5.
        assert_eq!(w.question_answer.ceo, Ratio::new(2, 1));
        assert_eq!(w.question_answer.candidate.value(), Some(0.0));
        approx(w.question_answer_dyad.value(), 0.4);
        // Positive ÷ negative: CEO 2/1, candidate 2/1, both 4/2.
        assert_eq!(w.positive_negative.ceo, Ratio::new(2, 1));
        assert_eq!(w.positive_negative.candidate, Ratio::new(2, 1));
        approx(w.positive_negative_dyad.value(), 2.0);
        // Builds on: candidate once in 10 minutes → 1 per 10 min; 100 × 1/7 = 14.2857 per 100 acts.
        let b = w.rate(Tag::BuildsOn, V);
        approx(b.per_10_min(), 1.0);
        approx(b.per_100_acts(), 100.0 / 7.0);
        assert_eq!(w.rate(Tag::BuildsOn, C).count, 0);
        approx(w.rate(Tag::Reformulates, V).per_10_min(), 1.0);
        approx(w.rate(Tag::Interrupts, V).per_10_min(), 1.0);
        // Asks why: CEO once, 100 × 1/6 = 16.667 per 100 acts.
        approx(w.rate(Tag::AsksWhy, C).per_100_acts(), 100.0 / 6.0);
        assert_eq!(w.rate(Tag::TalksOver, C).count, 1);
        assert_eq!(w.rate(Tag::AcceptsRefusal, C).count, 0);
        assert_eq!(w.rate(Tag::AcceptsRefusal, V).per_10_min(), Some(0.0));
        // Silence: 6 s + 10 s = 16 s of 600 s = 0.02667.
        assert_eq!(w.silence.count, 2);
        assert_eq!(w.silence.total_ms, 16_000);
        approx(w.silence.share(), 16.0 / 600.0);
        assert_eq!(w.markers, 1);
    }

    #[test]
    fn thirds_match_the_hand_count() {
        let ix = hand();
        let [a, b, c] = &ix.thirds;
        assert_eq!((a.start_ms, a.end_ms), (0, 200_000));
        assert_eq!((b.start_ms, b.end_ms), (200_000, 400_000));
        assert_eq!((c.start_ms, c.end_ms), (400_000, 600_000));
        // First third (#1–#8): CEO 3 acts (#1 #2 #5), candidate 2 (#3 #8): CEO 3/5.
        assert_eq!(a.floor_share.ceo, Ratio::new(3, 5));
        // Builds on once in 200 s: 1 × 600/200 = 3 per 10 min; 100 × 1/2 = 50 per 100 acts.
        approx(a.rate(Tag::BuildsOn, V).per_10_min(), 3.0);
        approx(a.rate(Tag::BuildsOn, V).per_100_acts(), 50.0);
        assert_eq!(a.rate(Tag::Proposes, V).count, 1);
        // Silence #6: 6 s in 200 s = 0.03.
        assert_eq!((a.silence.count, a.silence.total_ms), (1, 6_000));
        approx(a.silence.share(), 0.03);
        // Second third (#9–#16): 2 acts each; the CEO asks but gives no answer: 1/0, no value.
        assert_eq!(b.floor_share.candidate, Ratio::new(2, 4));
        assert_eq!(b.question_answer.ceo, Ratio::new(1, 0));
        assert_eq!(b.question_answer.ceo.value(), None);
        assert_eq!(b.rate(Tag::Interrupts, V).count, 1);
        assert_eq!(b.rate(Tag::AsksWhy, C).count, 1);
        // Silence #16 runs 395–405 s: it starts here, 5 s in this third, 5 s in the next.
        assert_eq!((b.silence.count, b.silence.total_ms), (1, 5_000));
        // Last third (#17–#22): CEO 1 act (#17), candidate 3 (#18 #20 #22): CEO 1/4.
        assert_eq!(c.floor_share.ceo, Ratio::new(1, 4));
        assert_eq!((c.silence.count, c.silence.total_ms), (0, 5_000));
        approx(c.silence.share(), 0.025);
        assert_eq!(c.markers, 1);
        assert_eq!(c.rate(Tag::TalksOver, C).count, 1);
        // The thirds add up to the whole.
        let sum: u32 = ix
            .thirds
            .iter()
            .map(|w| w.acts.ceo + w.acts.candidate)
            .sum();
        assert_eq!(sum, 13);
        // Within the session the CEO's floor share falls: 3/5, 2/4, 1/4 = 0.6, 0.5, 0.25;
        // fitted change −0.175 × 2 = −0.35, beyond 10 % of the mean 0.45.
        let within = within_session(&ix);
        let ceo = within
            .iter()
            .find(|tr| tr.index == TrendIndex::FloorShare(C))
            .unwrap();
        assert_eq!(ceo.values, vec![Some(0.6), Some(0.5), Some(0.25)]);
        assert_eq!(ceo.direction, Direction::Falling);
    }

    #[test]
    fn transitions_match_the_hand_count() {
        let ix = hand();
        let tr = &ix.transitions;
        // Acts in order: C-ans C-q V-ans C-pos V-ans C-neg V-ans C-q V-ans C-pos V-pos V-neg V-pos
        // → 12 pairs; C-q→V-ans and V-ans→C-pos happen twice, the other eight once.
        assert_eq!(tr.total, 12);
        assert_eq!(tr.count((C, Q), (V, Ans)), 2);
        assert_eq!(tr.count((V, Ans), (C, Pos)), 2);
        assert_eq!(tr.count((C, Ans), (C, Q)), 1);
        assert_eq!(tr.count((V, Pos), (V, Neg)), 1);
        assert_eq!(tr.count((V, Neg), (V, Pos)), 1);
        assert_eq!(tr.count((V, Ans), (V, Ans)), 0);
        // C→C 1; C→V: C-q→V-ans ×2, C-pos→V-ans, C-neg→V-ans, C-pos→V-pos = 5;
        // V→C: V-ans→C-pos ×2, V-ans→C-neg, V-ans→C-q = 4; V→V 2.
        assert_eq!(tr.by_actor(), [[1, 5], [4, 2]]);
        // From V-ans (4 transitions): to C-pos 2 of 4.
        assert_eq!(tr.probability((V, Ans), (C, Pos)), Ratio::new(2, 4));
        assert_eq!(Transitions::state_at(Transitions::state(V, Neg)), (V, Neg));
    }

    #[test]
    fn an_open_silence_lasts_until_the_end_and_unknown_codes_are_ignored() {
        let s = default_scheme();
        let mut o = fresh();
        o.apply_mut(s, &ObservationAction::StartClock, t(0))
            .unwrap();
        o.apply_mut(s, &insert(10, None, "silence", 50_000), t(0))
            .unwrap();
        o.events.push(Event {
            id: id(11),
            seq: 99,
            at_ms: 55_000,
            actor: Some(C),
            code: "not-in-scheme".into(),
            modifier: None,
            duration_ms: None,
        });
        let ix = session_indices(&o, s, t(60_000));
        assert_eq!(ix.length_ms, 60_000);
        assert_eq!(ix.whole.silence.total_ms, 10_000);
        assert_eq!(ix.whole.acts, ActorPair::default());
        assert_eq!(ix.whole.floor_share.ceo.value(), None);
        assert_eq!(ix.transitions.total, 0);
    }

    #[test]
    fn an_empty_session_has_no_values_and_no_panic() {
        let ix = compute(&[], default_scheme(), 0);
        assert_eq!(ix.whole.rate(Tag::BuildsOn, C).per_10_min(), None);
        assert_eq!(ix.whole.silence.share(), None);
        assert!(trend(&[&ix])
            .iter()
            .all(|t| t.direction == Direction::NotEnoughData));
    }

    #[test]
    fn directions() {
        use Direction::*;
        // 0.4, 0.5, 0.6: slope 0.1 per session, change 0.2 > 10 % of the mean 0.5.
        assert_eq!(direction(&[Some(0.4), Some(0.5), Some(0.6)]), Rising);
        // 0.50, 0.52, 0.49: slope (−1 × −0.00333 + 1 × −0.01333) / 2 = −0.005, change −0.01,
        // within 0.0503.
        assert_eq!(direction(&[Some(0.5), Some(0.52), Some(0.49)]), Stable);
        // Positions 0 and 2: slope −0.5, change −1 beyond 10 % of 1.5.
        assert_eq!(direction(&[Some(2.0), None, Some(1.0)]), Falling);
        assert_eq!(direction(&[Some(2.0), None, None]), NotEnoughData);
        assert_eq!(direction(&[Some(0.0), Some(0.0)]), Stable);
    }

    #[test]
    fn trend_across_sessions() {
        let first = hand();
        let later = |extra: u64| {
            // The same session plus `extra` candidate "builds on" near the end.
            let s = default_scheme();
            let mut o = hand_session();
            o.status = crate::domain::observation::log::ObservationStatus::Draft;
            o.submitted_at = None;
            for k in 0..extra {
                o.apply_mut(
                    s,
                    &insert(500 + u128::from(k), Some(V), "builds_on", 590_000),
                    t(0),
                )
                .unwrap();
            }
            session_indices(&o, s, t(0))
        };
        let (second, third) = (later(1), later(3));
        let all = trend(&[&first, &second, &third]);
        assert_eq!(all.len(), TrendIndex::all().len());
        let b = all
            .iter()
            .find(|tr| tr.index == TrendIndex::Per10Min(Tag::BuildsOn, V))
            .unwrap();
        // 1, 2 and 4 per 10 minutes.
        assert_eq!(b.values, vec![Some(1.0), Some(2.0), Some(4.0)]);
        assert_eq!(b.direction, Direction::Rising);
        let f = all
            .iter()
            .find(|tr| tr.index == TrendIndex::FloorShare(C))
            .unwrap();
        assert_eq!(f.direction, Direction::Stable);
    }
}
