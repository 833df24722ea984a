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
    #[at("/campaign/:id/session/:session")]
    SessionAnalysis { id: String, session: String },
    #[at("/campaign/:id/results/:person")]
    Results { id: String, person: String },
    #[at("/respond")]
    Respond,
    /// An invitation link: the invitation itself travels in the segment.
    #[at("/respond/:payload")]
    RespondLink { payload: String },
    #[at("/answer/:invitation")]
    Answer { invitation: String },
    #[at("/observe")]
    Observe,
    #[at("/observe/:kit/:session")]
    Coding { kit: String, session: String },
    #[at("/observe/:kit/:session/rate")]
    Rating { kit: String, session: String },
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
