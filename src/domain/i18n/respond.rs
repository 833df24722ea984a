//! Texts of the respondent's pages: the invitations, the consent step, the question pages,
//! the review and the answers to return.

use super::Lang;

catalogue! {
    R;
    Placeholder => "", "";
}

#[allow(dead_code)]
fn _lang(_: Lang) {}
