//! Whether a returned response may be taken in: it must belong to a campaign of this browser,
//! name an instrument text this build knows, fit that instrument and come from a person of that
//! campaign answering the right form. The store that takes responses in is
//! `fieldwork::responses`.

use super::invitation::{instrument_of, respondent_kind, RespondentKind};
use crate::domain::campaign::Campaign;
use crate::domain::instrument::definition::{DebriefSide, Form};
use crate::domain::instrument::score::{score, Response};
use uuid::Uuid;

/// Why a response was not taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It belongs to a campaign that is not in this browser.
    OtherCampaign,
    /// Its instrument (or that version of its text) is unknown here.
    UnknownInstrument,
    /// The respondent or the person it is about is not in the campaign, or the form does not
    /// fit them (a candidate answering an observer form…).
    NotInCampaign,
    /// The answers do not fit the instrument (an unknown item, a value off the scale).
    BadAnswers,
    /// The browser already holds as many responses as it accepts.
    Full,
}

/// What an import of responses did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponseReport {
    pub added: usize,
    /// Already here, identical: ignored.
    pub duplicates: usize,
    pub refused: usize,
    /// The reason of the first refusal, to tell the recruiter.
    pub first_refusal: Option<Refusal>,
}

/// Checks that a response fits a campaign; `None` when it does.
pub fn refusal(campaigns: &[Campaign], r: &Response) -> Option<Refusal> {
    let Some(c) = campaigns.iter().find(|c| c.id == r.campaign_id) else {
        return Some(Refusal::OtherCampaign);
    };
    let Some(instrument) = instrument_of(r) else {
        return Some(Refusal::UnknownInstrument);
    };
    if score(instrument, r).is_err() {
        return Some(Refusal::BadAnswers);
    }
    let kind = respondent_kind(c, r.respondent_id);
    let is_candidate = |id: Uuid| respondent_kind(c, id) == Some(RespondentKind::Candidate);
    let session_fits = match (instrument.form, r.session_id) {
        (Form::Debrief(_), Some(s)) => c.sessions.iter().any(|x| x.id == s),
        (Form::Debrief(_), None) => false,
        (_, session) => session.is_none(),
    };
    if !session_fits {
        return Some(Refusal::NotInCampaign);
    }
    let fits = match (instrument.form, r.subject_id) {
        (Form::SelfReport, None) => kind == Some(RespondentKind::Candidate),
        (Form::Debrief(DebriefSide::Candidate), None) => kind == Some(RespondentKind::Candidate),
        (Form::Debrief(DebriefSide::Leader), Some(subject)) => {
            kind == Some(RespondentKind::Leader) && is_candidate(subject)
        }
        (Form::Observer, Some(subject)) => {
            is_candidate(subject)
                && matches!(
                    kind,
                    Some(RespondentKind::Leader | RespondentKind::Mediator)
                )
        }
        _ => false,
    };
    (!fits).then_some(Refusal::NotInCampaign)
}
