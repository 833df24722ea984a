//! The addresses of the respondent's page (`respond.html#/…`), read by hand: the page holds
//! four, sends the mediator's and the recruiter's to their page with the fragment intact,
//! and says "page not found" itself for any other (a candidate's phone never downloads the
//! recruiter's module for an address that leads nowhere). No router: the page stays small.

use crate::domain::address::{is_recruiters, segments};
use uuid::Uuid;

/// Where a fragment of the respondent's page leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RespondAddress {
    /// `#/`, `#/respond` (or no fragment): the invitations in this browser.
    Invitations,
    /// `#/respond/<payload>`: an invitation link.
    Link(String),
    /// `#/answer/<invitation>`: the answering flow of an invitation.
    Answer(String),
    /// Another page's address: that page's file (`observe.html`, `index.html`).
    Elsewhere(&'static str),
    /// An address of no page.
    Unknown,
}

/// The fragment of the invitations list.
pub const INVITATIONS: &str = "#/respond";

/// The fragment of an invitation's answering flow.
pub fn answer_fragment(invitation: Uuid) -> String {
    format!("#/answer/{invitation}")
}

/// Where `fragment` (`location.hash`, with or without its `#`) leads.
pub fn respond_address(fragment: &str) -> RespondAddress {
    match segments(fragment).as_slice() {
        [""] | ["respond"] => RespondAddress::Invitations,
        // A link whose payload a mail client split is still an invitation link: its reader
        // says it is damaged, and what to ask for.
        ["respond", payload @ ..] if payload.iter().any(|p| !p.is_empty()) => {
            RespondAddress::Link(payload.join("/"))
        }
        ["answer", id] if !id.is_empty() => RespondAddress::Answer((*id).to_owned()),
        ["observe", ..] => RespondAddress::Elsewhere("observe.html"),
        _ if is_recruiters(fragment) => RespondAddress::Elsewhere("index.html"),
        _ => RespondAddress::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_addresses_of_the_page_and_the_others() {
        use RespondAddress::*;
        for f in ["", "#", "#/", "#/respond", "#/respond/", "/respond"] {
            assert_eq!(respond_address(f), Invitations, "{f:?}");
        }
        assert_eq!(
            respond_address("#/respond/eyJhIjox"),
            Link("eyJhIjox".into())
        );
        assert_eq!(respond_address("#/respond/s.abc-_"), Link("s.abc-_".into()));
        let id = Uuid::from_u128(7);
        assert_eq!(
            respond_address(&answer_fragment(id)),
            Answer(id.to_string())
        );
        assert_eq!(respond_address("#/observe"), Elsewhere("observe.html"));
        assert_eq!(
            respond_address("#/observe/a/b/c/rate"),
            Elsewhere("observe.html")
        );
        assert_eq!(respond_address("#/respond/a/b"), Link("a/b".into()));
        for f in [
            "#/campaign/x",
            "#/settings",
            "#/new",
            "#/roles/r1",
            "#/campaign/x/y/z/w",
        ] {
            assert_eq!(respond_address(f), Elsewhere("index.html"), "{f:?}");
        }
        for f in [
            "#main",
            "#/nowhere",
            "#/answer",
            "#/answer/a/b",
            "#/404",
            "#/respond//",
        ] {
            assert_eq!(respond_address(f), Unknown, "{f:?}");
        }
        assert_eq!(respond_address(INVITATIONS), Invitations);
    }
}
