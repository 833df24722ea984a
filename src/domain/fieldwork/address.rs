//! The addresses of the mediator's page (`observe.html#/…`), read by hand as the respondent's
//! are (`survey::address`; both split paths with `domain::address::segments`): the page holds
//! three, sends the respondent's and the recruiter's to their page with the fragment intact,
//! and says "page not found" itself for any other. No router: the page stays smaller.

use crate::domain::address::{is_recruiters, segments};

/// Where a fragment of the mediator's page leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ObserveAddress {
    /// `#/observe`, `#/` (or no fragment): the kits in this browser.
    Kits,
    /// `#/observe/<kit>/<session>/<candidate>`: coding one session with one candidate.
    Coding(Session),
    /// `#/observe/<kit>/<session>/<candidate>/rate`: its rating grid.
    Rating(Session),
    /// Another page's address: that page's file (`respond.html`, `index.html`).
    Elsewhere(&'static str),
    /// An address of no page (a session's address cut short among them).
    Unknown,
}

/// One session of a kit with one of its candidates, as the address names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub kit: String,
    pub session: String,
    pub candidate: String,
}

/// The fragment of the kits list.
pub const KITS: &str = "#/observe";

impl Session {
    /// The fragment of its coding screen.
    pub fn coding(&self) -> String {
        format!("{KITS}/{}/{}/{}", self.kit, self.session, self.candidate)
    }

    /// The fragment of its rating grid.
    pub fn rating(&self) -> String {
        format!("{}/rate", self.coding())
    }
}

/// Where `fragment` (`location.hash`, with or without its `#`) leads.
pub fn observe_address(fragment: &str) -> ObserveAddress {
    let session = |kit: &str, session: &str, candidate: &str| Session {
        kit: kit.to_owned(),
        session: session.to_owned(),
        candidate: candidate.to_owned(),
    };
    let named = |parts: &[&str]| parts.iter().all(|p| !p.is_empty());
    match segments(fragment).as_slice() {
        [""] | ["observe"] => ObserveAddress::Kits,
        ["observe", k, s, c] if named(&[k, s, c]) => ObserveAddress::Coding(session(k, s, c)),
        ["observe", k, s, c, "rate"] if named(&[k, s, c]) => {
            ObserveAddress::Rating(session(k, s, c))
        }
        ["respond", ..] | ["answer", ..] => ObserveAddress::Elsewhere("respond.html"),
        _ if is_recruiters(fragment) => ObserveAddress::Elsewhere("index.html"),
        _ => ObserveAddress::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_addresses_of_the_page_and_the_others() {
        use ObserveAddress::*;
        for f in ["", "#", "#/", "#/observe", "#/observe/", "/observe"] {
            assert_eq!(observe_address(f), Kits, "{f:?}");
        }
        let s = Session {
            kit: "k1".into(),
            session: "s2".into(),
            candidate: "c3".into(),
        };
        assert_eq!(s.coding(), "#/observe/k1/s2/c3");
        assert_eq!(s.rating(), "#/observe/k1/s2/c3/rate");
        assert_eq!(observe_address(&s.coding()), Coding(s.clone()));
        assert_eq!(observe_address(&s.rating()), Rating(s.clone()));
        assert_eq!(observe_address("#/observe/k1/s2/c3/"), Coding(s.clone()));
        for f in ["#/respond", "#/respond/eyJhIjox", "#/answer/x"] {
            assert_eq!(observe_address(f), Elsewhere("respond.html"), "{f:?}");
        }
        for f in ["#/campaign/x", "#/settings", "#/roles", "#/new"] {
            assert_eq!(observe_address(f), Elsewhere("index.html"), "{f:?}");
        }
        for f in [
            "#/observe/k1",
            "#/observe/k1/s2",
            "#/observe/k1//c3",
            "#/observe/k1/s2/c3/other",
            "#/nowhere",
            "#main",
        ] {
            assert_eq!(observe_address(f), Unknown, "{f:?}");
        }
    }
}
