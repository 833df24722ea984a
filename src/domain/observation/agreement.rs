//! Agreement between mediators who observed the same work session: do their codings and their
//! ratings say the same thing? Formulas, choices and reading guide: `docs/formulas.md`, section
//! "Agreement between mediators".
//!
//! **Codes, in time windows.** The session is cut into windows of `window_ms` (10 s by
//! default): window k holds the events that *start* in `[k·W, (k+1)·W)` of session time. Only
//! point events with an actor are used (acts and meta-communication codes); silences and
//! markers are not. A window is a **unit** when at least one mediator logged such an event in
//! it; windows where nobody logged anything are left out, so long pauses do not pass for
//! agreement. In each unit, for each mediator:
//! * **act**: the most frequent act code of the window (ties: the code logged first), or
//!   **"no act"** when the mediator logged no act there. "No act" is a category of its own, not
//!   a missing value: one mediator seeing an act where the other saw none is a disagreement;
//! * **area**: the same with the acts' Bales areas (four categories plus "no act");
//! * **tag presence**, for each meta-communication tag: 1 if the mediator logged a code with
//!   that tag in the window, else 0.
//!
//! Krippendorff's alpha (nominal) over units × mediators for each. The actor of an event is
//! not compared (what happened, not who did it). Mediators' session times are compared as
//! they are: the mediators are expected to start their clocks together.
//!
//! **Ratings.** One unit per dimension of the grid, one value per mediator (missing when the
//! mediator did not rate it): Krippendorff's alpha interval and ordinal; with exactly two
//! mediators, Cohen's weighted kappa (linear and quadratic) on the dimensions both rated, on the
//! 1–5 scale.
//!
//! **Disputed codes.** Per code, over the units: `seen` = windows where at least one mediator
//! logged it, `disputed` = windows where some but not all did; rate = disputed ÷ seen. Codes
//! never disputed are left out; the rest sorted by rate, then disputed count (both descending),
//! then the scheme's order.
//!
//! Cost: O(n log n) in the events of all observations, plus O(units × codes) for the disputes.

use super::log::{Observation, ObservationStatus, SchemeRef};
use super::rating::{Bars, BarsRef, LEVEL_MAX, LEVEL_MIN};
use super::resolved::ResolvedLog;
use super::scheme::{Area, CodeKind, Scheme, Tag};
use crate::domain::sorting;
use crate::domain::stats::{
    cohen_kappa_on_scale, krippendorff_alpha, KappaWeights, Metric, StatsError,
    AGREEMENT_WARNING_BELOW,
};
use serde::Serialize;
use uuid::Uuid;

/// The default window length: 10 seconds.
pub const DEFAULT_WINDOW_MS: u64 = 10_000;
/// The shortest window allowed: 1 second (shorter windows split single utterances).
pub const MIN_WINDOW_MS: u64 = 1_000;
/// How many disputed codes are listed by default.
pub const DEFAULT_TOP_DISPUTED: usize = 10;
/// Below this many windows, the coding agreement is flagged as resting on too few units.
pub const MIN_WINDOWS: usize = 10;
/// Below this many dimensions rated by at least two mediators, the rating agreement is flagged
/// as resting on too few units.
pub const MIN_RATED_DIMENSIONS: usize = 3;

/// What the agreement is computed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgreementParams {
    /// Window length in milliseconds of session time; at least [`MIN_WINDOW_MS`].
    pub window_ms: u64,
    /// How many disputed codes to list.
    pub top_disputed: usize,
}

impl Default for AgreementParams {
    fn default() -> Self {
        Self {
            window_ms: DEFAULT_WINDOW_MS,
            top_disputed: DEFAULT_TOP_DISPUTED,
        }
    }
}

/// Why the agreement could not be computed at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "problem", content = "detail", rename_all = "snake_case")]
pub enum AgreementError {
    #[error("agreement needs the observations of at least two mediators, got {got}")]
    TooFewObservations { got: usize },
    #[error("the observations are not of the same work session")]
    DifferentSessions,
    #[error("two observations come from the same mediator")]
    SameMediator(Uuid),
    #[error("an observation was coded with scheme {found}, not {expected}")]
    SchemeMismatch { expected: String, found: String },
    #[error("an observation was rated with grid {found}, not {expected}")]
    BarsMismatch { expected: String, found: String },
    #[error("the window must last at least {min_ms} ms")]
    WindowTooShort { min_ms: u64 },
}

/// One agreement coefficient, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coefficient {
    /// `None` when undefined for these data (see `undefined`).
    pub value: Option<f64>,
    /// Units it rests on: units with at least two values for alpha, subjects rated by both
    /// for kappa.
    pub units: usize,
    /// Why the value is undefined: `NoData` (no unit with two values), `NoVariation`
    /// (everyone used one and the same value, so agreement beyond chance is 0/0).
    pub undefined: Option<StatsError>,
}

impl Coefficient {
    fn from(result: Result<(f64, usize), StatsError>, units: usize) -> Self {
        match result {
            Ok((value, units)) => Self {
                value: Some(value),
                units,
                undefined: None,
            },
            Err(e) => Self {
                value: None,
                units,
                undefined: Some(e),
            },
        }
    }

    /// True when the value exists and is below Krippendorff's lowest acceptable level.
    pub fn is_low(&self) -> bool {
        self.value.is_some_and(|v| v < AGREEMENT_WARNING_BELOW)
    }
}

/// Agreement on the presence of one meta-communication tag in the windows.
#[derive(Clone, Debug, PartialEq)]
pub struct TagAgreement {
    pub tag: Tag,
    /// Nominal alpha on presence (1) / absence (0).
    pub alpha: Coefficient,
    /// Windows where at least one mediator logged the tag.
    pub windows_present: usize,
}

/// A code the mediators disagree on.
#[derive(Clone, Debug, PartialEq)]
pub struct DisputedCode {
    /// The code's id.
    pub code: String,
    /// Windows where at least one mediator logged it.
    pub seen: usize,
    /// Windows where some mediators logged it and others did not.
    pub disputed: usize,
    /// `disputed ÷ seen`, in (0, 1].
    pub rate: f64,
}

/// The levels the mediators gave one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionLevels {
    pub dimension: String,
    /// One per mediator, in the order of [`Agreement::mediators`]; `None` where not rated.
    pub levels: Vec<Option<u8>>,
}

/// Agreement on the ratings.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingAgreement {
    /// Every dimension of the grid, in its order.
    pub dimensions: Vec<DimensionLevels>,
    /// Dimensions rated by at least two mediators (the units alpha uses).
    pub rated_by_two: usize,
    pub interval: Coefficient,
    pub ordinal: Coefficient,
    /// Cohen's kappa, unweighted (levels as categories): only with exactly two mediators.
    pub kappa: Option<Coefficient>,
    /// Cohen's kappa with linear weights: only with exactly two mediators.
    pub kappa_linear: Option<Coefficient>,
    /// Cohen's kappa with quadratic weights: only with exactly two mediators.
    pub kappa_quadratic: Option<Coefficient>,
}

/// Which coefficient, to name the low ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Acts,
    Areas,
    Tag(Tag),
    RatingsInterval,
    RatingsOrdinal,
}

/// What the reader should know before trusting the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum AgreementNote {
    /// Fewer windows than [`MIN_WINDOWS`]: the coding coefficients rest on too few units.
    FewWindows { windows: usize, minimum: usize },
    /// Fewer dimensions rated by two mediators than [`MIN_RATED_DIMENSIONS`].
    FewRatedDimensions { dimensions: usize, minimum: usize },
    /// Some observations are drafts: the figures may still change.
    Drafts { count: usize },
}

/// The agreement between the mediators of one session.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The mediators, in the order the observations were given.
    pub mediators: Vec<Uuid>,
    pub window_ms: u64,
    /// Windows used as units (at least one mediator logged something in them).
    pub windows: usize,
    /// Nominal alpha on the most frequent act code per window ("no act" a category).
    pub acts: Coefficient,
    /// Nominal alpha on the most frequent Bales area per window ("no act" a category).
    pub areas: Coefficient,
    /// One per meta-communication tag the scheme has, in [`Tag::RATED`] order.
    pub tags: Vec<TagAgreement>,
    /// The most disputed codes, at most `top_disputed`.
    pub disputed: Vec<DisputedCode>,
    pub ratings: RatingAgreement,
    /// The alphas below [`AGREEMENT_WARNING_BELOW`].
    pub low: Vec<Measure>,
    /// True when any alpha is below [`AGREEMENT_WARNING_BELOW`].
    pub warning: bool,
    pub notes: Vec<AgreementNote>,
}

/// The category of "no act" in a window (codes and areas are 0 or more).
const NO_ACT: f64 = -1.0;

/// What one mediator logged, window by window: the codes (indices into the scheme's codes) of
/// the point events with an actor, in logging order, so that each window's codes form one run;
/// and where each window's run lies (an empty run for a window with nothing).
struct Coded {
    codes: Vec<usize>,
    runs: Vec<(usize, usize)>,
}

impl Coded {
    /// The codes logged in window `k`, in logging order (none past the last window).
    fn window(&self, k: u64) -> &[usize] {
        usize::try_from(k)
            .ok()
            .and_then(|k| self.runs.get(k))
            .map_or(&[], |&(a, b)| &self.codes[a..b])
    }
}

/// The most frequent value; on a tie, the one that came first. The counts live on the stack
/// (a window holds a few acts), spilling to the heap past 16 distinct values. The reference
/// that [`mode_of`], which the agreement uses, is tested against.
#[cfg(test)]
fn mode<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    const INLINE: usize = 16;
    let mut inline: [Option<(T, usize)>; INLINE] = [None; INLINE];
    let mut used = 0;
    let mut spill: Vec<(T, usize)> = Vec::new();
    for x in items {
        let known = inline[..used]
            .iter_mut()
            .flatten()
            .chain(spill.iter_mut())
            .find(|(y, _)| *y == x);
        match known {
            Some((_, n)) => *n += 1,
            None if used < INLINE => {
                inline[used] = Some((x, 1));
                used += 1;
            }
            None => spill.push((x, 1)),
        }
    }
    let mut best: Option<(T, usize)> = None;
    for (x, n) in inline[..used].iter().flatten().copied().chain(spill) {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((x, n));
        }
    }
    best.map(|(x, _)| x)
}

/// The most frequent of the values `key` gives the items of `window` (items it gives `None`
/// are left out); on a tie, the one that came first. `counts` holds one zero per possible
/// value, and is left so: two passes over the window, nothing to set up per call.
fn mode_of(
    window: &[usize],
    key: impl Fn(usize) -> Option<usize>,
    counts: &mut [u32],
) -> Option<usize> {
    for &i in window {
        if let Some(x) = key(i) {
            counts[x] += 1;
        }
    }
    let mut best: Option<(usize, u32)> = None;
    for &i in window {
        let Some(x) = key(i) else { continue };
        // A value's first appearance reads its count and clears it: later ones read 0.
        let n = std::mem::take(&mut counts[x]);
        if n > 0 && best.is_none_or(|(_, m)| n > m) {
            best = Some((x, n));
        }
    }
    best.map(|(x, _)| x)
}

fn alpha<R: AsRef<[Option<f64>]>>(units: &[R], metric: Metric) -> Coefficient {
    let pairable = units
        .iter()
        .filter(|u| u.as_ref().iter().filter(|v| v.is_some()).count() >= 2)
        .count();
    Coefficient::from(
        krippendorff_alpha(units, metric).map(|k| (k.alpha, k.units_used)),
        pairable,
    )
}

fn check_inputs(
    observations: &[&Observation],
    scheme: &Scheme,
    bars: &Bars,
    params: &AgreementParams,
) -> Result<(), AgreementError> {
    if observations.len() < 2 {
        return Err(AgreementError::TooFewObservations {
            got: observations.len(),
        });
    }
    if params.window_ms < MIN_WINDOW_MS {
        return Err(AgreementError::WindowTooShort {
            min_ms: MIN_WINDOW_MS,
        });
    }
    let first = observations[0];
    let scheme_ref = SchemeRef::of(scheme);
    let bars_ref = BarsRef::of(bars);
    for (i, o) in observations.iter().enumerate() {
        if o.session_id != first.session_id || o.campaign_id != first.campaign_id {
            return Err(AgreementError::DifferentSessions);
        }
        if observations[..i]
            .iter()
            .any(|p| p.mediator_id == o.mediator_id)
        {
            return Err(AgreementError::SameMediator(o.mediator_id));
        }
        if o.scheme != scheme_ref {
            return Err(AgreementError::SchemeMismatch {
                expected: format!("{} v{}", scheme_ref.id, scheme_ref.version),
                found: format!("{} v{}", o.scheme.id, o.scheme.version),
            });
        }
        if let Some(b) = o.bars.as_ref().filter(|b| **b != bars_ref) {
            return Err(AgreementError::BarsMismatch {
                expected: bars_ref.to_string(),
                found: b.to_string(),
            });
        }
    }
    Ok(())
}

/// The agreement between the mediators' observations of one session (2 or more, one per
/// mediator), coded with `scheme` and rated with `bars`. See the module documentation for the
/// units and the choices.
pub fn agreement(
    observations: &[&Observation],
    scheme: &Scheme,
    bars: &Bars,
    params: &AgreementParams,
) -> Result<Agreement, AgreementError> {
    check_inputs(observations, scheme, bars, params)?;
    let logs: Vec<ResolvedLog> = observations
        .iter()
        .map(|o| ResolvedLog::of(&o.events, scheme))
        .collect();
    let logs: Vec<&ResolvedLog> = logs.iter().collect();
    Ok(agreement_of(observations, &logs, scheme, bars, params))
}

/// [`agreement`] when the observations' event logs are resolved already: `logs[i]` is
/// `observations[i]`'s, resolved against `scheme` (a log resolved against another scheme is
/// resolved again). The same result as [`agreement`].
pub fn agreement_resolved(
    observations: &[&Observation],
    logs: &[&ResolvedLog],
    scheme: &Scheme,
    bars: &Bars,
    params: &AgreementParams,
) -> Result<Agreement, AgreementError> {
    check_inputs(observations, scheme, bars, params)?;
    assert_eq!(
        logs.len(),
        observations.len(),
        "one resolved log per observation"
    );
    let again: Vec<Option<ResolvedLog>> = logs
        .iter()
        .zip(observations)
        .map(|(log, o)| (!log.is_of(scheme)).then(|| ResolvedLog::of(&o.events, scheme)))
        .collect();
    let logs: Vec<&ResolvedLog> = logs
        .iter()
        .zip(&again)
        .map(|(log, again)| again.as_ref().unwrap_or(log))
        .collect();
    Ok(agreement_of(observations, &logs, scheme, bars, params))
}

/// Per tag of [`Tag::RATED`], the bit `1 << position` of each code: its tag's bit, or 0.
fn tag_bits(scheme: &Scheme) -> Vec<u8> {
    scheme
        .codes
        .iter()
        .map(|c| {
            c.tag
                .and_then(|t| Tag::RATED.iter().position(|x| *x == t))
                .map_or(0, |r| 1 << r)
        })
        .collect()
}

fn agreement_of(
    observations: &[&Observation],
    logs: &[&ResolvedLog],
    scheme: &Scheme,
    bars: &Bars,
    params: &AgreementParams,
) -> Agreement {
    let w = params.window_ms;
    let areas: Vec<Option<Area>> = scheme.codes.iter().map(|c| scheme.area_of(c)).collect();
    let point: Vec<bool> = scheme
        .codes
        .iter()
        .map(|c| c.kind == CodeKind::Point)
        .collect();
    let point: &[bool] = &point;

    // Per mediator: what was logged in each window, by window index (dense: a session lasts
    // at most 12 hours, so at most 43,200 windows of the shortest length).
    let per_mediator: Vec<Coded> = logs
        .iter()
        .map(|log| {
            // (window, code) of each point event with an actor, in logging order. Events are
            // kept in time order, so windows come in order too; a stable sort makes sure.
            let mut logged: Vec<(u64, usize)> = vec![(0, 0); log.events.len()];
            let slots: &mut [(u64, usize)] = &mut logged;
            let mut n = 0;
            for e in &log.events {
                if point[e.code] && e.actor.is_some() {
                    slots[n] = (e.at_ms / w, e.code);
                    n += 1;
                }
            }
            logged.truncate(n);
            if !logged.is_sorted_by_key(|x| x.0) {
                sorting::sort_by_key(&mut logged, |x| x.0);
            }
            let windows = logged
                .last()
                .map_or(0, |x| usize::try_from(x.0).map_or(usize::MAX, |k| k + 1));
            let mut runs = vec![(0, 0); windows];
            let slots: &mut [(usize, usize)] = &mut runs;
            for (at, &(k, _)) in logged.iter().enumerate() {
                let run = &mut slots[k as usize];
                if run.1 == 0 {
                    run.0 = at;
                }
                run.1 = at + 1;
            }
            Coded {
                codes: logged.into_iter().map(|x| x.1).collect(),
                runs,
            }
        })
        .collect();
    // The units, ascending: windows where at least one mediator logged something.
    let span = per_mediator.iter().map(|m| m.runs.len()).max().unwrap_or(0);
    let units: Vec<usize> = (0..span)
        .filter(|&k| {
            per_mediator
                .iter()
                .any(|m| m.runs.get(k).is_some_and(|(a, b)| b > a))
        })
        .collect();

    // One pass over units × mediators for every measure. Values are stored units × mediators,
    // one row after the other (one allocation per measure, not per unit).
    let width = per_mediator.len();
    let bits = tag_bits(scheme);
    // The tags some code of the scheme carries, as positions in `Tag::RATED`.
    let rated: Vec<usize> = (0..Tag::RATED.len())
        .filter(|&r| bits.iter().any(|b| b & (1 << r) != 0))
        .collect();
    // Every cell is written in place (the build for the browser optimises for size, which
    // leaves `push` and `Vec` indexing calls; slices index directly).
    let cells = units.len() * width;
    let mut act_values = vec![None; cells];
    let mut area_values = vec![None; cells];
    // Tag by tag of `rated`, one block of `cells` each.
    let mut tag_values = vec![None; rated.len() * cells];
    let mut tag_present = vec![0usize; rated.len()];
    // Disputes: per code, windows where anyone logged it, and where not everyone did.
    let codes = scheme.codes.len();
    let (mut seen, mut disputed) = (vec![0usize; codes], vec![0usize; codes]);
    // Per code, the mediators of the current unit who logged it, and the codes of the unit.
    let mut counts_buffer = vec![0usize; codes];
    let mut touched: Vec<usize> = Vec::new();
    // The last (unit, mediator) that counted each code, so a code counts once per mediator.
    let mut counted_by_buffer = vec![usize::MAX; codes];
    let mut stamp = 0usize;
    // The counts of the modes: per code, per area.
    let mut code_counts = vec![0u32; codes];
    let mut area_counts = [0u32; Area::ALL.len()];
    {
        let (acts, areas_out, tags_out) = (
            &mut act_values[..],
            &mut area_values[..],
            &mut tag_values[..],
        );
        let (counts, counted_by) = (&mut counts_buffer[..], &mut counted_by_buffer[..]);
        let (seen, disputed, present) = (&mut seen[..], &mut disputed[..], &mut tag_present[..]);
        let (areas, bits, rated) = (&areas[..], &bits[..], &rated[..]);
        let mut cell = 0;
        for &k in &units {
            let mut anyone = 0u8;
            for m in &per_mediator {
                let win = m.window(k as u64);
                let act = mode_of(win, |i| areas[i].map(|_| i), &mut code_counts);
                acts[cell] = Some(act.map_or(NO_ACT, |i| i as f64));
                let area = mode_of(win, |i| areas[i].map(Area::index), &mut area_counts);
                areas_out[cell] = Some(area.map_or(NO_ACT, |a| a as f64));
                stamp += 1;
                let mut has = 0u8;
                for &i in win {
                    has |= bits[i];
                    if counted_by[i] != stamp {
                        counted_by[i] = stamp;
                        if counts[i] == 0 {
                            touched.push(i);
                        }
                        counts[i] += 1;
                    }
                }
                anyone |= has;
                for (j, &r) in rated.iter().enumerate() {
                    tags_out[j * cells + cell] = Some(f64::from((has >> r) & 1));
                }
                cell += 1;
            }
            for (n, &r) in present.iter_mut().zip(rated) {
                *n += usize::from((anyone >> r) & 1);
            }
            for &i in &touched {
                seen[i] += 1;
                if counts[i] < width {
                    disputed[i] += 1;
                }
                counts[i] = 0;
            }
            touched.clear();
        }
    }
    let act_units: Vec<&[Option<f64>]> = act_values.chunks(width).collect();
    let area_units: Vec<&[Option<f64>]> = area_values.chunks(width).collect();
    let tags: Vec<TagAgreement> = rated
        .iter()
        .enumerate()
        .zip(tag_present)
        .map(|((j, &r), present)| {
            let values = &tag_values[j * cells..(j + 1) * cells];
            let tag_units: Vec<&[Option<f64>]> = values.chunks(width).collect();
            TagAgreement {
                tag: Tag::RATED[r],
                alpha: alpha(&tag_units, Metric::Nominal),
                windows_present: present,
            }
        })
        .collect();

    let mut order: Vec<usize> = (0..scheme.codes.len())
        .filter(|&i| disputed[i] > 0)
        .collect();
    // rate_i > rate_j ⇔ d_i·s_j > d_j·s_i: exact, no floating-point ties.
    sorting::sort_by(&mut order, |&i, &j| {
        (disputed[j] * seen[i])
            .cmp(&(disputed[i] * seen[j]))
            .then(disputed[j].cmp(&disputed[i]))
            .then(i.cmp(&j))
    });
    let disputed_codes: Vec<DisputedCode> = order
        .into_iter()
        .take(params.top_disputed)
        .map(|i| DisputedCode {
            code: scheme.codes[i].id.clone(),
            seen: seen[i],
            disputed: disputed[i],
            rate: disputed[i] as f64 / seen[i] as f64,
        })
        .collect();

    let ratings = rating_agreement(observations, bars);

    let acts = alpha(&act_units, Metric::Nominal);
    let areas = alpha(&area_units, Metric::Nominal);
    let mut low = Vec::new();
    let named = [
        (Measure::Acts, &acts),
        (Measure::Areas, &areas),
        (Measure::RatingsInterval, &ratings.interval),
        (Measure::RatingsOrdinal, &ratings.ordinal),
    ];
    for (measure, c) in named {
        if c.is_low() {
            low.push(measure);
        }
    }
    for t in &tags {
        if t.alpha.is_low() {
            low.push(Measure::Tag(t.tag));
        }
    }

    let mut notes = Vec::new();
    if units.len() < MIN_WINDOWS {
        notes.push(AgreementNote::FewWindows {
            windows: units.len(),
            minimum: MIN_WINDOWS,
        });
    }
    if ratings.rated_by_two < MIN_RATED_DIMENSIONS {
        notes.push(AgreementNote::FewRatedDimensions {
            dimensions: ratings.rated_by_two,
            minimum: MIN_RATED_DIMENSIONS,
        });
    }
    let drafts = observations
        .iter()
        .filter(|o| o.status == ObservationStatus::Draft)
        .count();
    if drafts > 0 {
        notes.push(AgreementNote::Drafts { count: drafts });
    }

    Agreement {
        mediators: observations.iter().map(|o| o.mediator_id).collect(),
        window_ms: w,
        windows: units.len(),
        acts,
        areas,
        tags,
        disputed: disputed_codes,
        ratings,
        warning: !low.is_empty(),
        low,
        notes,
    }
}

fn rating_agreement(observations: &[&Observation], bars: &Bars) -> RatingAgreement {
    let dimensions: Vec<DimensionLevels> = bars
        .dimensions
        .iter()
        .map(|d| DimensionLevels {
            dimension: d.id.clone(),
            levels: observations
                .iter()
                .map(|o| o.rating(&d.id).map(|r| r.level))
                .collect(),
        })
        .collect();
    let units: Vec<Vec<Option<f64>>> = dimensions
        .iter()
        .map(|d| d.levels.iter().map(|l| l.map(f64::from)).collect())
        .collect();
    let rated_by_two = dimensions
        .iter()
        .filter(|d| d.levels.iter().flatten().count() >= 2)
        .count();
    let (kappa_unweighted, kappa_linear, kappa_quadratic) = if observations.len() == 2 {
        let (a, b): (Vec<u8>, Vec<u8>) = dimensions
            .iter()
            .filter_map(|d| Some((d.levels[0]?, d.levels[1]?)))
            .unzip();
        let scale: Vec<u8> = (LEVEL_MIN..=LEVEL_MAX).collect();
        let kappa = |weights| {
            Coefficient::from(
                cohen_kappa_on_scale(&a, &b, &scale, weights).map(|k| (k.kappa, k.subjects)),
                a.len(),
            )
        };
        (
            Some(kappa(KappaWeights::Unweighted)),
            Some(kappa(KappaWeights::Linear)),
            Some(kappa(KappaWeights::Quadratic)),
        )
    } else {
        (None, None, None)
    };
    RatingAgreement {
        interval: alpha(&units, Metric::Interval),
        ordinal: alpha(&units, Metric::Ordinal),
        dimensions,
        rated_by_two,
        kappa: kappa_unweighted,
        kappa_linear,
        kappa_quadratic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{fresh, id, insert, t};
    use crate::domain::observation::log::ObservationAction;
    use crate::domain::observation::rating::default_bars;
    use crate::domain::observation::scheme::{default_scheme, Actor};

    const TOL: f64 = 1e-9;

    fn close(c: &Coefficient, expected: f64) {
        let v = c.value.unwrap_or_else(|| panic!("undefined: {c:?}"));
        assert!((v - expected).abs() < TOL, "expected {expected}, got {v}");
    }

    /// One mediator's observation: `windows` lists, per 10-second window, the codes logged in
    /// it (one second apart, by the CEO; markers by nobody), and `levels` the ratings of the
    /// default grid's dimensions in order (0 = not rated). Submitted.
    fn observation(mediator: u128, windows: &[(u64, &[&str])], levels: &[u8]) -> Observation {
        let s = default_scheme();
        let g = default_bars();
        let mut o = fresh();
        o.id = id(1_000 + mediator);
        o.mediator_id = id(mediator);
        o.apply_mut(s, &ObservationAction::StartClock, t(0))
            .unwrap();
        let mut n = 100;
        for (k, codes) in windows {
            for (j, code) in codes.iter().enumerate() {
                n += 1;
                let actor = (*code != "moment").then_some(Actor::Ceo);
                let at = k * 10_000 + j as u64 * 1_000;
                o.apply_mut(s, &insert(n, actor, code, at), t(0)).unwrap();
            }
        }
        for (d, &level) in g.dimensions.iter().zip(levels) {
            if level > 0 {
                let rate = ObservationAction::Rate {
                    dimension: d.id.clone(),
                    level,
                    evidence: Vec::new(),
                    comment: String::new(),
                };
                o.apply_mut_with(s, Some(g), &rate, t(1)).unwrap();
            }
        }
        o.apply_mut_with(s, Some(g), &ObservationAction::SubmitIncomplete, t(600_000))
            .unwrap();
        o
    }

    /// Mediator A of the worked example (each window's value is in the reference script of
    /// the test below).
    fn mediator_a(levels: &[u8]) -> Observation {
        observation(
            1,
            &[
                (0, &["gives_information"]),
                (
                    1,
                    &["asks_information", "gives_information", "gives_information"],
                ),
                // A tie, 2–2: the code logged first wins (agrees).
                (2, &["agrees", "gives_opinion", "gives_opinion", "agrees"]),
                (3, &["asks_opinion"]),
                (4, &["disagrees", "interrupts"]),
                (5, &["gives_direction"]),
                (6, &["supports"]),
                (7, &["gives_information", "reformulates"]),
                (8, &["asks_information"]),
                (9, &["shows_tension"]),
                (10, &["gives_opinion", "builds_on"]),
                // A meta-communication code alone: the window counts, with "no act".
                (11, &["asks_why"]),
                // A marker alone does not make a window a unit.
                (13, &["moment"]),
                (14, &["gives_information"]),
            ],
            levels,
        )
    }

    fn mediator_b(levels: &[u8]) -> Observation {
        observation(
            2,
            &[
                (0, &["gives_information"]),
                (1, &["gives_information"]),
                (2, &["gives_opinion"]),
                (3, &["asks_opinion", "builds_on"]),
                (4, &["disagrees", "interrupts"]),
                (6, &["agrees"]),
                (7, &["gives_information", "reformulates"]),
                (8, &["asks_information"]),
                (9, &["disagrees"]),
                (10, &["gives_opinion", "builds_on"]),
                (11, &["gives_opinion"]),
                (14, &["gives_information"]),
            ],
            levels,
        )
    }

    fn run(observations: &[&Observation]) -> Agreement {
        agreement(
            observations,
            default_scheme(),
            default_bars(),
            &AgreementParams::default(),
        )
        .unwrap()
    }

    fn tag(a: &Agreement, tag: Tag) -> &TagAgreement {
        a.tags.iter().find(|t| t.tag == tag).unwrap()
    }

    #[test]
    fn identical_mediators_agree_perfectly() {
        let a = mediator_a(&[4, 3, 2, 5, 4, 3]);
        let mut b = a.clone();
        b.id = id(2_000);
        b.mediator_id = id(2);
        let r = run(&[&a, &b]);
        assert_eq!(r.mediators, vec![id(1), id(2)]);
        assert_eq!(r.windows, 13);
        close(&r.acts, 1.0);
        close(&r.areas, 1.0);
        assert_eq!(r.acts.units, 13);
        for t in &r.tags {
            if t.windows_present > 0 {
                close(&t.alpha, 1.0);
            } else {
                // Nobody logged it: agreement beyond chance is 0/0, not a number.
                assert_eq!(t.alpha.value, None, "{:?}", t.tag);
                assert_eq!(t.alpha.undefined, Some(StatsError::NoVariation));
            }
        }
        close(&r.ratings.interval, 1.0);
        close(&r.ratings.ordinal, 1.0);
        close(r.ratings.kappa_linear.as_ref().unwrap(), 1.0);
        close(r.ratings.kappa_quadratic.as_ref().unwrap(), 1.0);
        assert!(r.disputed.is_empty());
        assert!(!r.warning && r.low.is_empty());
        assert!(r.notes.is_empty(), "{:?}", r.notes);
    }

    /// Expected values from the `krippendorff` package 0.9.0 (PyPI) and scikit-learn 1.9.1,
    /// in a throwaway virtual environment:
    ///
    /// ```python
    /// import numpy as np, krippendorff
    /// from sklearn.metrics import cohen_kappa_score
    /// k = lambda rows, level: krippendorff.alpha(
    ///     reliability_data=np.array(rows, dtype=float), level_of_measurement=level)
    /// # Units = windows 0–11 and 14. Codes: 1 gives_information, 2 agrees, 3 gives_opinion,
    /// # 4 asks_opinion, 5 disagrees, 6 gives_direction, 7 supports, 8 asks_information,
    /// # 9 shows_tension, 0 no act.
    /// k([[1,1,2,4,5,6,7,1,8,9,3,0,1], [1,1,3,4,5,0,2,1,8,5,3,3,1]], "nominal")  # 0.5598591549295775
    /// # Areas: 1 answers, 2 positive, 3 questions, 4 negative, 0 no act.
    /// k([[1,1,2,3,4,1,2,1,3,4,1,0,1], [1,1,1,3,4,0,2,1,3,4,1,1,1]], "nominal")  # 0.6753246753246753
    /// # builds_on present in window 10 (A) and windows 3, 10 (B); asks_why in window 11 (A).
    /// k([[0]*10+[1,0,0], [0,0,0,1]+[0]*6+[1,0,0]], "nominal")  # 0.6376811594202898
    /// k([[0]*11+[1,0], [0]*13], "nominal")  # 0.0
    /// a, b = [4,3,2,5,4,3], [4,2,2,4,5,3]
    /// k([a, b], "interval"), k([a, b], "ordinal")  # 0.7870967741935484, 0.8146067415730337
    /// cohen_kappa_score(a, b, labels=[1,2,3,4,5])                       # 0.33333333333333337
    /// cohen_kappa_score(a, b, labels=[1,2,3,4,5], weights="linear")     # 0.5714285714285714
    /// cohen_kappa_score(a, b, labels=[1,2,3,4,5], weights="quadratic")  # 0.7692307692307692
    /// ```
    #[test]
    fn a_known_disagreement_matches_the_reference_implementations() {
        let a = mediator_a(&[4, 3, 2, 5, 4, 3]);
        let b = mediator_b(&[4, 2, 2, 4, 5, 3]);
        let r = run(&[&a, &b]);
        assert_eq!(
            r.windows, 13,
            "windows 0–11 and 14; 12 is empty, 13 has a marker only"
        );
        close(&r.acts, 0.5598591549295775);
        close(&r.areas, 0.6753246753246753);
        close(&tag(&r, Tag::BuildsOn).alpha, 0.6376811594202898);
        assert_eq!(tag(&r, Tag::BuildsOn).windows_present, 2);
        close(&tag(&r, Tag::AsksWhy).alpha, 0.0);
        close(&tag(&r, Tag::Interrupts).alpha, 1.0);
        close(&tag(&r, Tag::Reformulates).alpha, 1.0);
        assert_eq!(tag(&r, Tag::Proposes).alpha.value, None);
        assert_eq!(r.tags.len(), Tag::RATED.len());
        close(&r.ratings.interval, 0.7870967741935484);
        close(&r.ratings.ordinal, 0.8146067415730337);
        assert_eq!(r.ratings.interval.units, 6);
        close(r.ratings.kappa.as_ref().unwrap(), 0.33333333333333337);
        let kl = r.ratings.kappa_linear.unwrap();
        close(&kl, 0.5714285714285714);
        assert_eq!(kl.units, 6);
        close(&r.ratings.kappa_quadratic.unwrap(), 0.7692307692307692);
        assert_eq!(r.ratings.rated_by_two, 6);
        assert_eq!(
            r.ratings.dimensions[1],
            DimensionLevels {
                dimension: "co_construction".into(),
                levels: vec![Some(3), Some(2)]
            }
        );
        // Alphas below .667: acts, and the asks-why and builds-on tags.
        assert!(r.warning);
        assert_eq!(
            r.low,
            vec![
                Measure::Acts,
                Measure::Tag(Tag::BuildsOn),
                Measure::Tag(Tag::AsksWhy)
            ]
        );
        assert!(r.notes.is_empty(), "{:?}", r.notes);
    }

    #[test]
    fn the_most_disputed_codes_come_first() {
        let a = mediator_a(&[]);
        let b = mediator_b(&[]);
        let r = run(&[&a, &b]);
        let got: Vec<(&str, usize, usize)> = r
            .disputed
            .iter()
            .map(|d| (d.code.as_str(), d.disputed, d.seen))
            .collect();
        assert_eq!(
            got,
            vec![
                // Rate 1, disputed twice (A in window 2, B in window 6).
                ("agrees", 2, 2),
                // Rate 1, once each: in the scheme's order.
                ("supports", 1, 1),
                ("gives_direction", 1, 1),
                ("shows_tension", 1, 1),
                ("asks_why", 1, 1),
                // Rate 1/2.
                ("asks_information", 1, 2),
                ("disagrees", 1, 2),
                ("builds_on", 1, 2),
                // Rate 1/3.
                ("gives_opinion", 1, 3),
            ]
        );
        assert!((r.disputed[8].rate - 1.0 / 3.0).abs() < TOL);
        // Codes both always logged together (gives_information, interrupts…) are not listed.
        assert!(r.disputed.iter().all(|d| d.code != "gives_information"));
        let top3 = agreement(
            &[&a, &b],
            default_scheme(),
            default_bars(),
            &AgreementParams {
                top_disputed: 3,
                ..AgreementParams::default()
            },
        )
        .unwrap();
        assert_eq!(top3.disputed, r.disputed[..3].to_vec());
        // No ratings at all: undefined, and said so.
        assert_eq!(r.ratings.interval.value, None);
        assert_eq!(r.ratings.interval.undefined, Some(StatsError::NoData));
        assert_eq!(
            r.ratings.kappa_linear.unwrap().undefined,
            Some(StatsError::NoData)
        );
    }

    /// Three mediators, one of whom left two dimensions unrated. Reference: `krippendorff`
    /// 0.9.0, `k([[4,3,2,5,4,3], [4,2,2,4,5,3], [5,3,1,nan,4,nan]], "interval")` =
    /// 0.7844827586206896, `"ordinal"` = 0.8123539719626168.
    #[test]
    fn three_mediators_with_missing_ratings() {
        let a = mediator_a(&[4, 3, 2, 5, 4, 3]);
        let b = mediator_b(&[4, 2, 2, 4, 5, 3]);
        let mut c = mediator_a(&[5, 3, 1, 0, 4, 0]);
        c.id = id(3_000);
        c.mediator_id = id(3);
        let r = run(&[&a, &b, &c]);
        close(&r.ratings.interval, 0.7844827586206896);
        close(&r.ratings.ordinal, 0.8123539719626168);
        assert_eq!(r.ratings.kappa_linear, None, "kappa is for two raters");
        assert_eq!(r.ratings.dimensions[3].levels, vec![Some(5), Some(4), None]);
        assert_eq!(r.ratings.rated_by_two, 6);
        // A and C coded the same: a window is disputed when B alone differs too.
        assert!(r.disputed.iter().any(|d| d.code == "agrees" && d.seen == 2));
    }

    #[test]
    fn too_few_units_are_noted() {
        let a = observation(
            1,
            &[(0, &["agrees"]), (1, &["gives_opinion"]), (2, &["agrees"])],
            &[3, 4],
        );
        let mut b = observation(
            2,
            &[(0, &["agrees"]), (1, &["asks_opinion"]), (2, &["agrees"])],
            &[3, 5, 2],
        );
        b.status = ObservationStatus::Draft;
        b.submitted_at = None;
        let r = run(&[&a, &b]);
        assert_eq!(r.windows, 3);
        assert_eq!(
            r.notes,
            vec![
                AgreementNote::FewWindows {
                    windows: 3,
                    minimum: MIN_WINDOWS
                },
                AgreementNote::FewRatedDimensions {
                    dimensions: 2,
                    minimum: MIN_RATED_DIMENSIONS
                },
                AgreementNote::Drafts { count: 1 },
            ]
        );
        assert_eq!(r.ratings.interval.units, 2);
    }

    #[test]
    fn logs_resolved_once_give_the_same_agreement() {
        let (a, b) = (
            mediator_a(&[3, 4, 2, 5, 1, 3]),
            mediator_b(&[3, 5, 2, 4, 2, 3]),
        );
        let s = default_scheme();
        let params = AgreementParams::default();
        let whole = run(&[&a, &b]);
        let (la, lb) = (ResolvedLog::of(&a.events, s), ResolvedLog::of(&b.events, s));
        let once = agreement_resolved(&[&a, &b], &[&la, &lb], s, default_bars(), &params);
        assert_eq!(once.unwrap(), whole);
        // A log resolved against another scheme (here a copy) is resolved again.
        let copy = s.clone();
        let other = ResolvedLog::of(&b.events, &copy);
        let again = agreement_resolved(&[&a, &b], &[&la, &other], s, default_bars(), &params);
        assert_eq!(again.unwrap(), whole);
        // Without a single unit, every tag of the scheme is still listed, without a value.
        let (mut c, mut d) = (mediator_a(&[]), mediator_b(&[]));
        c.events = Default::default();
        d.events = Default::default();
        let none = run(&[&c, &d]);
        assert_eq!((none.windows, none.tags.len()), (0, Tag::RATED.len()));
        assert!(none
            .tags
            .iter()
            .all(|t| t.alpha.value.is_none() && t.windows_present == 0));
        // The inputs are checked first, as `agreement` does.
        assert_eq!(
            agreement_resolved(&[&a], &[&la], s, default_bars(), &params),
            Err(AgreementError::TooFewObservations { got: 1 })
        );
    }

    #[test]
    fn the_window_length_is_a_parameter() {
        let a = mediator_a(&[]);
        let b = mediator_b(&[]);
        // One window of a minute holds the first six 10-second windows, and so on.
        let r = agreement(
            &[&a, &b],
            default_scheme(),
            default_bars(),
            &AgreementParams {
                window_ms: 60_000,
                ..AgreementParams::default()
            },
        )
        .unwrap();
        assert_eq!(r.window_ms, 60_000);
        assert_eq!(r.windows, 3);
        assert!(r.notes.contains(&AgreementNote::FewWindows {
            windows: 3,
            minimum: MIN_WINDOWS
        }));
    }

    proptest::proptest! {
        #[test]
        fn mode_of_is_the_mode(window in proptest::collection::vec(0usize..30, 0..40)) {
            // Codes 0..30, every third without an area: as in the agreement, and by area.
            let key = |i: usize| (!i.is_multiple_of(3)).then_some(i);
            let mut counts = vec![0u32; 30];
            let expected = mode(window.iter().copied().filter_map(key));
            proptest::prop_assert_eq!(mode_of(&window, key, &mut counts), expected);
            proptest::prop_assert!(counts.iter().all(|&n| n == 0));
            let area = |i: usize| (!i.is_multiple_of(3)).then_some(i % 4);
            let expected = mode(window.iter().copied().filter_map(area));
            proptest::prop_assert_eq!(mode_of(&window, area, &mut counts[..4]), expected);
            proptest::prop_assert!(counts.iter().all(|&n| n == 0));
        }
    }

    #[test]
    fn mode_ties_go_to_the_first_logged() {
        assert_eq!(mode([2, 1, 1, 2].into_iter()), Some(2));
        assert_eq!(mode([3, 1, 2, 2].into_iter()), Some(2));
        assert_eq!(mode(std::iter::empty::<u8>()), None);
    }

    #[test]
    fn inputs_are_checked() {
        let s = default_scheme();
        let g = default_bars();
        let p = AgreementParams::default();
        let a = mediator_a(&[]);
        let b = mediator_b(&[]);
        assert_eq!(
            agreement(&[&a], s, g, &p),
            Err(AgreementError::TooFewObservations { got: 1 })
        );
        let mut other = b.clone();
        other.session_id = id(99);
        assert_eq!(
            agreement(&[&a, &other], s, g, &p),
            Err(AgreementError::DifferentSessions)
        );
        let mut same = b.clone();
        same.mediator_id = a.mediator_id;
        assert_eq!(
            agreement(&[&a, &same], s, g, &p),
            Err(AgreementError::SameMediator(id(1)))
        );
        let mut s2 = s.clone();
        s2.version = 2;
        assert!(matches!(
            agreement(&[&a, &b], &s2, g, &p),
            Err(AgreementError::SchemeMismatch { .. })
        ));
        let mut g2 = g.clone();
        g2.version = 2;
        assert!(matches!(
            agreement(&[&a, &b], s, &g2, &p),
            Err(AgreementError::BarsMismatch { .. })
        ));
        let short = AgreementParams {
            window_ms: 999,
            ..p
        };
        assert_eq!(
            agreement(&[&a, &b], s, g, &short),
            Err(AgreementError::WindowTooShort {
                min_ms: MIN_WINDOW_MS
            })
        );
    }
}
