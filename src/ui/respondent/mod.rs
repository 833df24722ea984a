//! The respondent's pages: the invitations in this browser, the landing of an invitation link,
//! and the answering flow (consent, one page per facet, review, the answers to return).
//!
//! `home` lists the invitations and takes new ones in (file or pasted link), `link` lands an
//! invitation link, `answer` runs the flow of one invitation over its draft (`store` keeps it
//! in the browser) and shows one step at a time: `consent`, `question_page`, `review`, `done`.
//! Every rule (what a step allows, what counts as enough answers, the responses made on
//! submission) is the core's `Draft`; the pages only show it and send `DraftAction`s.

mod answer;
mod app;
mod consent;
mod done;
mod home;
mod instruments;
mod link;
mod open_question;
mod question_page;
mod review;
mod sealed_link;
mod store;

pub use answer::Answer;
pub use app::RespondentApp;
pub use home::RespondHome;
pub use link::RespondLink;
pub use sealed_link::SealedLink;

use crate::domain::file::{answers_json, export_file_name};
use crate::domain::instrument::score::Response;
use crate::domain::survey::address::{answer_fragment, INVITATIONS};
use crate::domain::survey::Invitation;
use crate::platform::clock;
use crate::platform::dom::go_to_fragment;
use crate::ui::widgets::protect::{save_json, Protection};
use uuid::Uuid;

/// The id of each step's heading, which takes the focus when the step changes.
pub(crate) const STEP_HEADING: &str = "rs-step-title";

/// Opens the answering flow of an invitation (`replace`: the link is not kept in history).
fn navigate_to_answer(id: Uuid, replace: bool) {
    go_to_fragment(&answer_fragment(id), replace);
}

/// Back to the invitations list.
fn navigate_to_invitations() {
    go_to_fragment(INVITATIONS, false);
}

/// A link to the invitations list (a plain link: the page follows `hashchange`).
fn invitations_href() -> &'static str {
    INVITATIONS
}

/// Offers the file of a respondent's answers (the save dialog, where it may be protected, says
/// if the browser refuses the download).
fn download_answers(inv: &Invitation, answers: &[Response]) {
    let now = clock::now();
    save_json(
        &export_file_name(&format!("answers {}", inv.respondent.name), now),
        answers_json(answers, now),
        Protection::Recommended,
    );
}

use crate::platform::dom::focus_by_id;

/// Back to the top of the page, with the keyboard focus on the step's heading.
fn to_step_heading() {
    crate::platform::dom::scroll_to_top();
    focus_by_id(STEP_HEADING);
}
