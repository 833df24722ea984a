//! Self-assessments in the field. The recruiter hands each respondent an **invitation** (a file,
//! or a link that carries it in the URL fragment, so nothing reaches a server); the respondent
//! answers in their own browser — a **draft** kept after every answer — and returns
//! **responses** as a file or a short code; the recruiter's browser takes them in, refusing
//! what belongs elsewhere and ignoring what it already has.

pub mod acceptance;
pub mod address;
pub mod code;
pub mod draft;
pub mod invitation;

pub use acceptance::{refusal, Refusal, ResponseReport};
pub use code::CodeError;
pub use draft::{Draft, DraftAction, Step};
pub use invitation::{
    instruments_for, leader_id, InstrumentRef, Invitation, InvitationError, RespondentKind,
};
