//! The parts of the compatibility picture: what is followed session by session, in which
//! group, on which scale (which sets its trend tolerance) and which way reads as better.

use crate::domain::instrument::builtin::debrief_for;
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::observation::rating::Bars;
use crate::domain::observation::scheme::{Actor, Tag};
use serde::Serialize;

/// The meta-communication tags that speak to working together, followed per actor.
pub const WORKING_TAGS: [Tag; 5] = [
    Tag::BuildsOn,
    Tag::Reformulates,
    Tag::AsksWhy,
    Tag::Interrupts,
    Tag::TalksOver,
];

/// A meta-communication index of one session that speaks to working together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "index")]
pub enum WorkingIndex {
    /// Balance of the floor: `1 − |leader's share − candidate's share|` of the acts; 1 when
    /// both hold the floor equally, 0 when one speaks alone.
    FloorBalance,
    /// Climate: positive ÷ negative socio-emotional acts, both people together.
    Climate,
    /// One of [`WORKING_TAGS`] logged for one person, per 10 minutes of session time.
    Rate { tag: Tag, actor: Actor },
}

impl WorkingIndex {
    /// Every index, in display order: balance, climate, then each tag for the leader and the
    /// candidate ("builds on" both ways, and so on).
    pub fn all() -> Vec<WorkingIndex> {
        let mut out = vec![WorkingIndex::FloorBalance, WorkingIndex::Climate];
        for tag in WORKING_TAGS {
            for actor in Actor::ALL {
                out.push(WorkingIndex::Rate { tag, actor });
            }
        }
        out
    }
}

/// One thing the picture follows across sessions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "part", content = "of")]
pub enum Part {
    /// A dimension of the rating grid (its id): the mediators' mean level, 1–5.
    Rating(String),
    /// A meta-communication index.
    Working(WorkingIndex),
    /// One side's debrief, one facet (its id, the same on both sides): POMP 0–100.
    Debrief(DebriefSide, String),
    /// The mean gap between the two debriefs over the facets both scored, POMP points.
    Convergence,
}

/// The groups a picture summarises its trends by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartGroup {
    Ratings,
    Working,
    LeaderDebrief,
    CandidateDebrief,
    Convergence,
}

impl PartGroup {
    pub const ALL: [PartGroup; 5] = [
        PartGroup::Ratings,
        PartGroup::Working,
        PartGroup::LeaderDebrief,
        PartGroup::CandidateDebrief,
        PartGroup::Convergence,
    ];
}

/// What a part's values are, which sets how much change counts as a trend
/// ([`super::trend::Tolerance::of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// A mean level on the grid's 1–5 scale.
    Level,
    /// POMP 0–100, or a gap in POMP points.
    Pomp,
    /// The floor balance, 0–1.
    Balance,
    /// A ratio of counts (the climate).
    Ratio,
    /// Events per 10 minutes.
    Rate,
}

/// Which way a part reads as better, for the points to discuss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

impl Part {
    pub fn group(&self) -> PartGroup {
        match self {
            Part::Rating(_) => PartGroup::Ratings,
            Part::Working(_) => PartGroup::Working,
            Part::Debrief(DebriefSide::Leader, _) => PartGroup::LeaderDebrief,
            Part::Debrief(DebriefSide::Candidate, _) => PartGroup::CandidateDebrief,
            Part::Convergence => PartGroup::Convergence,
        }
    }

    pub fn scale(&self) -> Scale {
        match self {
            Part::Rating(_) => Scale::Level,
            Part::Working(WorkingIndex::FloorBalance) => Scale::Balance,
            Part::Working(WorkingIndex::Climate) => Scale::Ratio,
            Part::Working(WorkingIndex::Rate { .. }) => Scale::Rate,
            Part::Debrief(..) | Part::Convergence => Scale::Pomp,
        }
    }

    /// Which way is better: the grid's levels, the debriefs, the balance, the climate and the
    /// cooperative moves (builds on, reformulates, asks why) read better higher; interruptions,
    /// talking over and the gap between the debriefs read better lower.
    pub fn better(&self) -> Better {
        match self {
            Part::Working(WorkingIndex::Rate {
                tag: Tag::Interrupts | Tag::TalksOver,
                ..
            })
            | Part::Convergence => Better::Lower,
            _ => Better::Higher,
        }
    }

    /// A stable text code (`rating:clarity`, `working:builds_on:candidate`,
    /// `debrief_leader:pace-energy`, `convergence`), for the CSV and for tests.
    pub fn code(&self) -> String {
        let actor = |a: Actor| match a {
            Actor::Ceo => "leader",
            Actor::Candidate => "candidate",
        };
        match self {
            Part::Rating(d) => format!("rating:{d}"),
            Part::Working(WorkingIndex::FloorBalance) => "working:floor_balance".into(),
            Part::Working(WorkingIndex::Climate) => "working:climate".into(),
            Part::Working(WorkingIndex::Rate { tag, actor: a }) => {
                format!("working:{}:{}", tag_code(*tag), actor(*a))
            }
            Part::Debrief(DebriefSide::Leader, f) => format!("debrief_leader:{f}"),
            Part::Debrief(DebriefSide::Candidate, f) => format!("debrief_candidate:{f}"),
            Part::Convergence => "convergence".into(),
        }
    }
}

/// The snake-case id of a tag, as in the scheme files.
pub fn tag_code(tag: Tag) -> &'static str {
    match tag {
        Tag::BuildsOn => "builds_on",
        Tag::Reformulates => "reformulates",
        Tag::AsksWhy => "asks_why",
        Tag::Proposes => "proposes",
        Tag::AcceptsRefusal => "accepts_refusal",
        Tag::Interrupts => "interrupts",
        Tag::TalksOver => "talks_over",
        Tag::Silence => "silence",
        Tag::Marker => "marker",
    }
}

/// The facets of the session debriefs (mirrored: the same ids on both sides), in order.
pub fn debrief_facets() -> Vec<String> {
    debrief_for(DebriefSide::Leader)
        .facets
        .iter()
        .map(|f| f.id.clone())
        .collect()
}

/// Every part of a picture, in display order: the grid's dimensions, the working indices,
/// the leader's debrief facets, the candidate's, and the convergence.
pub fn parts(bars: &Bars) -> Vec<Part> {
    let facets = debrief_facets();
    let mut out: Vec<Part> = bars
        .dimensions
        .iter()
        .map(|d| Part::Rating(d.id.clone()))
        .collect();
    out.extend(WorkingIndex::all().into_iter().map(Part::Working));
    for side in DebriefSide::BOTH {
        out.extend(facets.iter().map(|f| Part::Debrief(side, f.clone())));
    }
    out.push(Part::Convergence);
    out
}
