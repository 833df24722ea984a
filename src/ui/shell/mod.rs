//! What every page shares: the frame (header, banners, notices, routes), the app's state and
//! its reducer, the autosave of the recruiter's workspace, and the store of kits, observations,
//! invitations and answers ([`fieldwork`]).

pub mod app;
pub mod autosave;
pub mod fieldwork;
pub mod frame;
pub mod lang;
pub mod router;
pub mod routes;
pub mod state;
