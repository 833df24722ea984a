//! The two stories the sample tells, as numbers: how each work session goes for each candidate.
//!
//! - **Candidate A** (`Arc::Rising`): a cautious start; session after session the rally with
//!   the leader improves — build-on both ways and "why" questions rise, interruptions fall, the
//!   mediators' ratings go from 3 to 4, and the leader's and the candidate's debriefs converge.
//! - **Candidate B** (`Arc::Falling`): a brilliant first session, then the candidate takes the
//!   floor — interruptions and talking over rise, build-on falls, "respect of the other's role"
//!   drops from 4 to 2, and in sessions 3 and 4 the candidate's debrief stays enthusiastic while
//!   the leader's falls: the two readings end far apart.
//!
//! Rates are probabilities per act (see `coding.rs`); ratings follow the default grid's order
//! (`data/bars/default.json`); debrief targets follow the debriefs' facets, on the 1–5 keyed
//! scale.

/// Which story a candidate tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Arc {
    Rising,
    Falling,
}

impl Arc {
    pub(super) const BOTH: [Arc; 2] = [Arc::Rising, Arc::Falling];

    /// How far along the story each session is, 0 (as at the start) to 1 (as at the end).
    fn progress(self, session: usize) -> f64 {
        let steps = match self {
            Arc::Rising => [0.0, 0.33, 0.67, 1.0],
            // Good, then a slide that accelerates after the second session.
            Arc::Falling => [0.0, 0.3, 0.55, 1.0],
        };
        steps[session.min(3)]
    }
}

/// One value for the leader (CEO) and one for the candidate, in `Actor::index` order.
pub(super) type PerActor = [f64; 2];

/// How one work session goes between the leader and one candidate.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Session {
    /// Share of the acts made by the leader.
    pub ceo_floor: f64,
    /// Mean time between two acts, in milliseconds.
    pub act_gap_ms: f64,
    /// Per actor, the weight of each Bales area (`Area::ALL` order).
    pub areas: [[f64; 4]; 2],
    /// Per act that follows the other's act: builds on the other's idea.
    pub build: PerActor,
    /// Per act that follows the other's act: reformulates it.
    pub reformulate: PerActor,
    /// Share of reformulations that distort.
    pub distorting: f64,
    /// Per question: asks why.
    pub why: PerActor,
    /// Per attempted answer: makes a proposal.
    pub propose: PerActor,
    /// After the other's disagreement: accepts the refusal.
    pub accept_refusal: PerActor,
    /// Per change of speaker: the new speaker cut the other off.
    pub interrupt: PerActor,
    /// Per change of speaker: both speak at once.
    pub talk_over: PerActor,
    /// Silences per 10 minutes, and their longest duration (ms).
    pub silences_per_10_min: f64,
    pub longest_silence_ms: f64,
    /// The mediators' levels on the default grid's six dimensions.
    pub ratings: [u8; 6],
    /// The debriefs' facet targets (1–5): the leader's, then the candidate's.
    pub debrief_leader: [f64; 6],
    pub debrief_candidate: [f64; 6],
    /// Session length in minutes, drawn between these bounds.
    pub minutes: (u64, u64),
}

fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

fn lerp2(a: PerActor, b: PerActor, t: f64) -> PerActor {
    [lerp(a[0], b[0], t), lerp(a[1], b[1], t)]
}

fn lerp4(a: [f64; 4], b: [f64; 4], t: f64) -> [f64; 4] {
    [0, 1, 2, 3].map(|i| lerp(a[i], b[i], t))
}

/// How session `session` (0 to 3) goes for a candidate telling `arc`.
pub(super) fn session(arc: Arc, session: usize) -> Session {
    let t = arc.progress(session);
    let s = session.min(3);
    match arc {
        Arc::Rising => Session {
            ceo_floor: lerp(0.62, 0.52, t),
            act_gap_ms: lerp(7_600.0, 6_600.0, t),
            areas: [
                lerp4([0.13, 0.57, 0.20, 0.10], [0.20, 0.50, 0.25, 0.05], t),
                lerp4([0.15, 0.55, 0.17, 0.13], [0.21, 0.51, 0.23, 0.05], t),
            ],
            build: lerp2([0.05, 0.06], [0.17, 0.19], t),
            reformulate: lerp2([0.03, 0.06], [0.07, 0.12], t),
            distorting: 0.08,
            why: lerp2([0.08, 0.10], [0.20, 0.30], t),
            propose: lerp2([0.10, 0.05], [0.10, 0.12], t),
            accept_refusal: lerp2([0.30, 0.25], [0.50, 0.55], t),
            interrupt: lerp2([0.05, 0.07], [0.015, 0.015], t),
            talk_over: lerp2([0.02, 0.03], [0.005, 0.005], t),
            silences_per_10_min: lerp(3.0, 1.8, t),
            longest_silence_ms: lerp(16_000.0, 9_000.0, t),
            ratings: [
                [3, 3, 3, 2, 3, 3],
                [3, 3, 3, 3, 4, 3],
                [4, 4, 3, 4, 4, 4],
                [4, 5, 4, 4, 4, 4],
            ][s],
            debrief_leader: [
                [3.0, 2.6, 3.0, 3.2, 3.0, 3.2],
                [3.4, 3.2, 3.2, 3.6, 3.4, 3.6],
                [3.8, 4.0, 3.6, 4.0, 3.8, 4.0],
                [4.2, 4.4, 4.0, 4.2, 4.2, 4.5],
            ][s],
            debrief_candidate: [
                [4.2, 4.0, 3.8, 4.0, 4.2, 4.6],
                [4.2, 4.0, 3.8, 4.0, 4.0, 4.4],
                [4.2, 4.2, 3.8, 4.2, 4.0, 4.4],
                [4.4, 4.4, 4.0, 4.2, 4.2, 4.6],
            ][s],
            minutes: (50, 70),
        },
        Arc::Falling => Session {
            ceo_floor: lerp(0.52, 0.36, t),
            act_gap_ms: lerp(6_400.0, 6_000.0, t),
            areas: [
                lerp4([0.20, 0.50, 0.22, 0.08], [0.11, 0.43, 0.20, 0.26], t),
                lerp4([0.20, 0.53, 0.20, 0.07], [0.07, 0.67, 0.08, 0.18], t),
            ],
            build: lerp2([0.15, 0.16], [0.04, 0.03], t),
            reformulate: lerp2([0.06, 0.09], [0.05, 0.02], t),
            distorting: lerp(0.05, 0.40, t),
            why: lerp2([0.16, 0.26], [0.10, 0.04], t),
            propose: lerp2([0.08, 0.09], [0.05, 0.14], t),
            accept_refusal: lerp2([0.45, 0.50], [0.40, 0.08], t),
            interrupt: lerp2([0.01, 0.02], [0.03, 0.22], t),
            talk_over: lerp2([0.005, 0.01], [0.02, 0.09], t),
            silences_per_10_min: lerp(1.8, 3.6, t),
            longest_silence_ms: lerp(9_000.0, 24_000.0, t),
            ratings: [
                [4, 4, 4, 4, 4, 4],
                [4, 3, 3, 4, 3, 4],
                [3, 3, 2, 3, 2, 3],
                [2, 2, 2, 3, 2, 3],
            ][s],
            debrief_leader: [
                [4.2, 4.2, 4.0, 4.0, 4.2, 4.2],
                [3.6, 3.2, 3.2, 3.4, 3.6, 3.6],
                [2.6, 2.4, 2.2, 2.4, 2.8, 2.6],
                [2.2, 2.0, 1.8, 2.0, 2.4, 2.0],
            ][s],
            debrief_candidate: [
                [4.4, 4.2, 4.0, 4.2, 4.4, 4.4],
                [4.4, 4.4, 4.2, 4.2, 4.4, 4.6],
                [4.6, 4.4, 4.2, 4.4, 4.4, 4.6],
                [4.6, 4.6, 4.4, 4.6, 4.4, 4.7],
            ][s],
            minutes: if s == 0 { (55, 65) } else { (45, 75) },
        },
    }
}

/// Facet targets (1–5, keyed) of one construct for one candidate: their own view and the
/// observers' (before each observer's own leaning). Facets in the instrument's order; a paradox
/// facet has a target per pole (`(a, b)`), the other constructs use `a` only.
pub(super) struct Portrait {
    pub own: &'static [(f64, f64)],
    pub observed: &'static [(f64, f64)],
}

/// What `arc`'s candidate and their observers say on the construct `construct`; `None` for a
/// construct the sample does not answer.
pub(super) fn portrait(arc: Arc, construct: &str) -> Option<Portrait> {
    let p = |own, observed| Some(Portrait { own, observed });
    match (arc, construct) {
        // creating, maintaining, collaboration, accepting diversity, loyalty. A underrates
        // their collaboration (a hidden strength); B overrates it (a blind spot).
        (Arc::Rising, "interpersonal-intelligence") => p(
            &[(4.0, 0.0), (4.1, 0.0), (2.7, 0.0), (4.0, 0.0), (4.2, 0.0)],
            &[(4.1, 0.0), (4.2, 0.0), (4.1, 0.0), (3.9, 0.0), (4.2, 0.0)],
        ),
        (Arc::Falling, "interpersonal-intelligence") => p(
            &[(4.4, 0.0), (4.2, 0.0), (4.5, 0.0), (4.1, 0.0), (4.2, 0.0)],
            &[(4.2, 0.0), (4.0, 0.0), (2.4, 0.0), (4.0, 0.0), (4.1, 0.0)],
        ),
        // transparency/confidentiality, empathy/compassion, self-questioning/benevolence,
        // expert/generalist, working with/for, cooperating with competitors.
        (Arc::Rising, "intelligence-of-paradoxes") => p(
            &[
                (3.9, 4.1),
                (4.0, 3.9),
                (4.1, 4.2),
                (3.8, 4.0),
                (4.1, 3.9),
                (3.9, 3.9),
            ],
            &[
                (4.0, 4.1),
                (4.1, 4.0),
                (4.0, 4.2),
                (3.9, 4.0),
                (4.2, 4.0),
                (4.0, 3.9),
            ],
        ),
        (Arc::Falling, "intelligence-of-paradoxes") => p(
            &[
                (4.4, 4.0),
                (4.2, 3.9),
                (4.0, 4.1),
                (4.6, 3.8),
                (4.3, 3.9),
                (4.2, 4.0),
            ],
            &[
                (4.3, 4.0),
                (4.1, 3.9),
                (3.9, 4.0),
                (4.5, 3.9),
                (4.0, 3.9),
                (4.1, 4.0),
            ],
        ),
        // going up to the stakes, bringing value, proposing/accepting refusal, channel.
        (Arc::Rising, "business-partner-posture") => p(
            &[(3.9, 0.0), (3.8, 0.0), (4.0, 0.0), (3.8, 0.0)],
            &[(4.0, 0.0), (3.9, 0.0), (4.2, 0.0), (3.9, 0.0)],
        ),
        (Arc::Falling, "business-partner-posture") => p(
            &[(4.3, 0.0), (4.5, 0.0), (4.2, 0.0), (4.0, 0.0)],
            &[(4.0, 0.0), (4.4, 0.0), (3.9, 0.0), (3.9, 0.0)],
        ),
        // law, finance, IT, rules, sales administration, digital communication, HR: A is
        // balanced; B is a finance expert, "too much" for the role, light on digital work.
        (Arc::Rising, "support-axis-profile") => p(
            &[
                (3.2, 0.0),
                (3.0, 0.0),
                (3.3, 0.0),
                (3.0, 0.0),
                (2.9, 0.0),
                (3.2, 0.0),
                (3.0, 0.0),
            ],
            &[],
        ),
        (Arc::Falling, "support-axis-profile") => p(
            &[
                (2.8, 0.0),
                (4.8, 0.0),
                (2.6, 0.0),
                (3.0, 0.0),
                (2.3, 0.0),
                (1.5, 0.0),
                (2.8, 0.0),
            ],
            &[],
        ),
        // conductor, business partner, entrepreneur.
        (Arc::Rising, "three-postures") => p(&[(3.8, 0.0), (4.1, 0.0), (3.5, 0.0)], &[]),
        (Arc::Falling, "three-postures") => p(&[(3.1, 0.0), (3.4, 0.0), (4.5, 0.0)], &[]),
        _ => None,
    }
}
