//! The points to discuss: what a recruiter should raise with the leader and the candidate
//! before deciding, each with the figures it rests on. In this order: parts moving the wrong
//! way, large gaps between the two debriefs, mediators who disagree, blind spots, profile
//! flags, missing data.

use super::context::{BlindSpot, Context, ProfileContext};
use super::part::{Better, Part};
use super::session::{AgreementReading, SessionNote, SessionPicture, SessionRef};
use super::PartSeries;
use crate::domain::assessment::profile::ProfileFlag;
use crate::domain::observation::agreement::Measure;
use serde::Serialize;

/// Data missing from the picture as a whole (the per-session notes say the rest).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "missing")]
pub enum Missing {
    /// Something missing in one session.
    Session {
        session: SessionRef,
        note: SessionNote,
    },
    /// A soft skill the campaign plans that the candidate has not answered.
    SelfAssessment { construct: String },
    /// The support-axis profile is planned but not answered.
    Profile,
    /// The profile was answered but cannot be read (an axis with too few answers).
    ProfileUnreadable,
}

/// One point to discuss.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "point")]
pub enum Point {
    /// A part that reads better higher is falling.
    Falling {
        part: Part,
        consistent: bool,
    },
    /// A part that reads better lower (interruptions, talking over, the debriefs' gap) is
    /// rising.
    Rising {
        part: Part,
        consistent: bool,
    },
    /// The leader and the candidate felt a facet of a session far apart.
    LargeGap {
        session: SessionRef,
        facet: String,
        leader: f64,
        candidate: f64,
        gap: f64,
    },
    /// The mediators of a session disagree on the ratings or the acts ([`DISAGREE_ON`]: alphas
    /// below 0.667).
    MediatorsDisagree {
        session: SessionRef,
        measures: Vec<(Measure, f64)>,
    },
    BlindSpot(BlindSpot),
    UnbalancedProfile(ProfileFlag),
    Missing(Missing),
}

/// The alphas whose warning makes a point to discuss: the ratings (the part shown) and the
/// acts (what every index is counted from). A low alpha on one meta-communication tag, or on
/// the ratings read as ranks (the same data as intervals), is a caveat only: a rare tag has
/// a low alpha almost by construction (see "Agreement between mediators").
pub const DISAGREE_ON: [Measure; 2] = [Measure::RatingsInterval, Measure::Acts];

pub(super) fn points(
    parts: &[PartSeries],
    sessions: &[SessionPicture],
    context: &Context,
) -> Vec<Point> {
    let mut out = Vec::new();
    for p in parts {
        match (p.part.better(), p.reading.trend) {
            (Better::Higher, super::Trend::Falling { consistent }) => out.push(Point::Falling {
                part: p.part.clone(),
                consistent,
            }),
            (Better::Lower, super::Trend::Rising { consistent }) => out.push(Point::Rising {
                part: p.part.clone(),
                consistent,
            }),
            _ => {}
        }
    }
    for s in sessions {
        for f in s.debriefs.iter().filter(|f| f.large) {
            if let (Some(leader), Some(candidate), Some(gap)) = (f.leader, f.candidate, f.gap) {
                out.push(Point::LargeGap {
                    session: s.session,
                    facet: f.facet.clone(),
                    leader,
                    candidate,
                    gap,
                });
            }
        }
    }
    for s in sessions {
        if let AgreementReading::Read { low, .. } = &s.agreement {
            let measures: Vec<(Measure, f64)> = low
                .iter()
                .filter(|(m, _)| DISAGREE_ON.contains(m))
                .copied()
                .collect();
            if !measures.is_empty() {
                out.push(Point::MediatorsDisagree {
                    session: s.session,
                    measures,
                });
            }
        }
    }
    out.extend(context.blind_spots.iter().cloned().map(Point::BlindSpot));
    if let ProfileContext::Read { flags } = &context.profile {
        out.extend(flags.iter().copied().map(Point::UnbalancedProfile));
    }
    for s in sessions {
        out.extend(s.notes.iter().map(|n| {
            Point::Missing(Missing::Session {
                session: s.session,
                note: n.clone(),
            })
        }));
    }
    out.extend(context.unanswered.iter().map(|c| {
        Point::Missing(Missing::SelfAssessment {
            construct: c.clone(),
        })
    }));
    match context.profile {
        ProfileContext::NotAnswered => out.push(Point::Missing(Missing::Profile)),
        ProfileContext::Unreadable => out.push(Point::Missing(Missing::ProfileUnreadable)),
        _ => {}
    }
    out
}
