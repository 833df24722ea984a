//! The app's pages, addressed by the URL fragment (`#/campaign/…`) so that any static host works.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/new")]
    NewCampaign,
    #[at("/campaign/:id")]
    Campaign { id: String },
    /// A session of a campaign: goes on to its only candidate's analysis, or lets the
    /// recruiter choose whose session to analyse.
    #[at("/campaign/:id/session/:session")]
    SessionAnalysis { id: String, session: String },
    /// The analysis of one session held with one candidate.
    #[at("/campaign/:id/session/:session/:candidate")]
    SessionAnalysisWith {
        id: String,
        session: String,
        candidate: String,
    },
    /// The compatibility picture of one candidate with the leader.
    #[at("/campaign/:id/compatibility/:candidate")]
    Compatibility { id: String, candidate: String },
    /// Candidates side by side, none chosen yet.
    #[at("/campaign/:id/compare")]
    Compare { id: String },
    /// Candidates side by side: their ids, joined by `~`, in the address.
    #[at("/campaign/:id/compare/:chosen")]
    CompareWith { id: String, chosen: String },
    /// The decision report of every candidate of a campaign.
    #[at("/campaign/:id/report")]
    CampaignReport { id: String },
    /// The decision report of one candidate.
    #[at("/campaign/:id/report/:candidate")]
    Report { id: String, candidate: String },
    #[at("/campaign/:id/results/:person")]
    Results { id: String, person: String },
    /// A campaign's information notice (GDPR), printable.
    #[at("/campaign/:id/notice")]
    CampaignNotice { id: String },
    #[at("/respond")]
    Respond,
    /// An invitation link: the invitation itself travels in the segment.
    #[at("/respond/:payload")]
    RespondLink { payload: String },
    #[at("/answer/:invitation")]
    Answer { invitation: String },
    #[at("/observe")]
    Observe,
    /// A mediator codes one session of a kit with one of its candidates.
    #[at("/observe/:kit/:session/:candidate")]
    Coding {
        kit: String,
        session: String,
        candidate: String,
    },
    #[at("/observe/:kit/:session/:candidate/rate")]
    Rating {
        kit: String,
        session: String,
        candidate: String,
    },
    #[at("/roles")]
    Roles,
    #[at("/roles/:id")]
    Role { id: String },
    #[at("/settings")]
    Settings,
    #[not_found]
    #[at("/404")]
    NotFound,
}
