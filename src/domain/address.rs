//! The app's addresses, carried in the URL fragment (`#/campaign/…`) so that any static host
//! works: the path splitting every page reads them with ([`segments`]), and the recruiter's
//! routes ([`Route`], read and written by hand: the pages follow them without a router crate).

/// The segments of `fragment`'s path (`location.hash`, with or without its `#`): `#/a/b/`
/// is `["a", "b"]`, and `#`, `#/` and no fragment are `[""]` (a query is left out).
pub fn segments(fragment: &str) -> Vec<&str> {
    let path = fragment.strip_prefix('#').unwrap_or(fragment);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

/// Plain links between the three pages (each its own file and module): the recruiter's
/// navigation, which the mediator's and the respondent's pages show too in a browser the
/// recruiter's page runs in. Relative, so that a site served from a sub-folder works.
pub mod links {
    /// The recruiter's campaign list.
    pub const CAMPAIGNS: &str = "index.html#/";
    /// The recruiter's role library.
    pub const ROLES: &str = "index.html#/roles";
    /// The recruiter's settings.
    pub const SETTINGS: &str = "index.html#/settings";
    /// The mediator's kits.
    pub const OBSERVE: &str = "observe.html#/observe";
    /// The respondent's invitations.
    pub const RESPOND: &str = "respond.html#/respond";
}

/// The first segments of the recruiter's addresses (`#/campaign/…`, `#/roles`, …; `#/` aside):
/// how the mediator's and the respondent's pages, which do not hold the recruiter's routes,
/// tell an address to send on to `index.html` from one that leads nowhere.
pub const RECRUITER_SECTIONS: [&str; 4] = ["new", "campaign", "roles", "settings"];

/// Whether `fragment` is one of the recruiter's addresses by its first segment (see
/// [`RECRUITER_SECTIONS`]; the recruiter's page reads the rest).
pub fn is_recruiters(fragment: &str) -> bool {
    segments(fragment)
        .first()
        .is_some_and(|first| RECRUITER_SECTIONS.contains(first))
}

/// A page of the recruiter's app (and the other pages' addresses, which it sends on).
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Home,
    NewCampaign,
    Campaign {
        id: String,
    },
    /// A session of a campaign: goes on to its only candidate's analysis, or lets the
    /// recruiter choose whose session to analyse.
    SessionAnalysis {
        id: String,
        session: String,
    },
    /// The analysis of one session held with one candidate.
    SessionAnalysisWith {
        id: String,
        session: String,
        candidate: String,
    },
    /// The compatibility picture of one candidate with the leader.
    Compatibility {
        id: String,
        candidate: String,
    },
    /// Candidates side by side, none chosen yet.
    Compare {
        id: String,
    },
    /// Candidates side by side: their ids, joined by `~`, in the address.
    CompareWith {
        id: String,
        chosen: String,
    },
    /// The decision report of every candidate of a campaign.
    CampaignReport {
        id: String,
    },
    /// The decision report of one candidate.
    Report {
        id: String,
        candidate: String,
    },
    Results {
        id: String,
        person: String,
    },
    /// A campaign's information notice (GDPR), printable.
    CampaignNotice {
        id: String,
    },
    Respond,
    /// An invitation link: the invitation itself travels in the segment.
    RespondLink {
        payload: String,
    },
    Answer {
        invitation: String,
    },
    Observe,
    /// A mediator codes one session of a kit with one of its candidates.
    Coding {
        kit: String,
        session: String,
        candidate: String,
    },
    Rating {
        kit: String,
        session: String,
        candidate: String,
    },
    Roles,
    Role {
        id: String,
    },
    Settings,
    NotFound,
}

impl Route {
    /// The route of a fragment's path (`/campaign/<id>`, with or without `#`); `NotFound` for
    /// any other.
    pub fn recognize(path: &str) -> Route {
        let s = |x: &&str| (*x).to_owned();
        let named = |parts: &[&&str]| parts.iter().all(|p| !p.is_empty());
        match segments(path).as_slice() {
            [""] => Route::Home,
            ["new"] => Route::NewCampaign,
            ["campaign", id] if named(&[id]) => Route::Campaign { id: s(id) },
            ["campaign", id, "session", session] if named(&[id, session]) => {
                Route::SessionAnalysis {
                    id: s(id),
                    session: s(session),
                }
            }
            ["campaign", id, "session", session, candidate] if named(&[id, session, candidate]) => {
                Route::SessionAnalysisWith {
                    id: s(id),
                    session: s(session),
                    candidate: s(candidate),
                }
            }
            ["campaign", id, "compatibility", candidate] if named(&[id, candidate]) => {
                Route::Compatibility {
                    id: s(id),
                    candidate: s(candidate),
                }
            }
            ["campaign", id, "compare"] if named(&[id]) => Route::Compare { id: s(id) },
            ["campaign", id, "compare", chosen] if named(&[id, chosen]) => Route::CompareWith {
                id: s(id),
                chosen: s(chosen),
            },
            ["campaign", id, "report"] if named(&[id]) => Route::CampaignReport { id: s(id) },
            ["campaign", id, "report", candidate] if named(&[id, candidate]) => Route::Report {
                id: s(id),
                candidate: s(candidate),
            },
            ["campaign", id, "results", person] if named(&[id, person]) => Route::Results {
                id: s(id),
                person: s(person),
            },
            ["campaign", id, "notice"] if named(&[id]) => Route::CampaignNotice { id: s(id) },
            ["respond"] => Route::Respond,
            ["respond", payload] if named(&[payload]) => Route::RespondLink {
                payload: s(payload),
            },
            ["answer", invitation] if named(&[invitation]) => Route::Answer {
                invitation: s(invitation),
            },
            ["observe"] => Route::Observe,
            ["observe", kit, session, candidate] if named(&[kit, session, candidate]) => {
                Route::Coding {
                    kit: s(kit),
                    session: s(session),
                    candidate: s(candidate),
                }
            }
            ["observe", kit, session, candidate, "rate"] if named(&[kit, session, candidate]) => {
                Route::Rating {
                    kit: s(kit),
                    session: s(session),
                    candidate: s(candidate),
                }
            }
            ["roles"] => Route::Roles,
            ["roles", id] if named(&[id]) => Route::Role { id: s(id) },
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The fragment's path of this route (`/campaign/<id>`), without its `#`.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::NewCampaign => "/new".into(),
            Route::Campaign { id } => format!("/campaign/{id}"),
            Route::SessionAnalysis { id, session } => format!("/campaign/{id}/session/{session}"),
            Route::SessionAnalysisWith {
                id,
                session,
                candidate,
            } => format!("/campaign/{id}/session/{session}/{candidate}"),
            Route::Compatibility { id, candidate } => {
                format!("/campaign/{id}/compatibility/{candidate}")
            }
            Route::Compare { id } => format!("/campaign/{id}/compare"),
            Route::CompareWith { id, chosen } => format!("/campaign/{id}/compare/{chosen}"),
            Route::CampaignReport { id } => format!("/campaign/{id}/report"),
            Route::Report { id, candidate } => format!("/campaign/{id}/report/{candidate}"),
            Route::Results { id, person } => format!("/campaign/{id}/results/{person}"),
            Route::CampaignNotice { id } => format!("/campaign/{id}/notice"),
            Route::Respond => "/respond".into(),
            Route::RespondLink { payload } => format!("/respond/{payload}"),
            Route::Answer { invitation } => format!("/answer/{invitation}"),
            Route::Observe => "/observe".into(),
            Route::Coding {
                kit,
                session,
                candidate,
            } => format!("/observe/{kit}/{session}/{candidate}"),
            Route::Rating {
                kit,
                session,
                candidate,
            } => format!("/observe/{kit}/{session}/{candidate}/rate"),
            Route::Roles => "/roles".into(),
            Route::Role { id } => format!("/roles/{id}"),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/404".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_path() {
        let s = |x: &str| x.to_owned();
        let all = [
            Route::Home,
            Route::NewCampaign,
            Route::Campaign { id: s("c1") },
            Route::SessionAnalysis {
                id: s("c1"),
                session: s("s1"),
            },
            Route::SessionAnalysisWith {
                id: s("c1"),
                session: s("s1"),
                candidate: s("p1"),
            },
            Route::Compatibility {
                id: s("c1"),
                candidate: s("p1"),
            },
            Route::Compare { id: s("c1") },
            Route::CompareWith {
                id: s("c1"),
                chosen: s("p1~p2"),
            },
            Route::CampaignReport { id: s("c1") },
            Route::Report {
                id: s("c1"),
                candidate: s("p1"),
            },
            Route::Results {
                id: s("c1"),
                person: s("p1"),
            },
            Route::CampaignNotice { id: s("c1") },
            Route::Respond,
            Route::RespondLink {
                payload: s("eyJhIjox"),
            },
            Route::Answer {
                invitation: s("i1"),
            },
            Route::Observe,
            Route::Coding {
                kit: s("k"),
                session: s("s"),
                candidate: s("c"),
            },
            Route::Rating {
                kit: s("k"),
                session: s("s"),
                candidate: s("c"),
            },
            Route::Roles,
            Route::Role { id: s("r1") },
            Route::Settings,
        ];
        for r in all {
            assert_eq!(Route::recognize(&r.to_path()), r, "{}", r.to_path());
            assert_eq!(Route::recognize(&format!("#{}/", r.to_path())), r);
            // The other pages send on exactly the recruiter's own addresses.
            let shared_or_others = matches!(
                r,
                Route::Home
                    | Route::Respond
                    | Route::RespondLink { .. }
                    | Route::Answer { .. }
                    | Route::Observe
                    | Route::Coding { .. }
                    | Route::Rating { .. }
            );
            assert_eq!(is_recruiters(&r.to_path()), !shared_or_others, "{r:?}");
        }
        for p in [
            "",
            "#/",
            "#main",
            "#/nowhere",
            "#/404",
            "#/respond/x",
            "#/observe",
        ] {
            assert!(!is_recruiters(p), "{p:?}");
        }
        for p in ["", "#", "#/", "/"] {
            assert_eq!(Route::recognize(p), Route::Home, "{p:?}");
        }
        for p in [
            "#/nowhere",
            "#/campaign",
            "#/campaign//notice",
            "#/campaign/c1/x",
            "#/404",
            "#/roles/a/b",
        ] {
            assert_eq!(Route::recognize(p), Route::NotFound, "{p:?}");
        }
    }

    #[test]
    fn links_between_pages_name_their_page_and_route() {
        use super::links::*;
        for (link, file, route) in [
            (CAMPAIGNS, "index.html", Route::Home),
            (ROLES, "index.html", Route::Roles),
            (SETTINGS, "index.html", Route::Settings),
            (OBSERVE, "observe.html", Route::Observe),
            (RESPOND, "respond.html", Route::Respond),
        ] {
            let (f, fragment) = link.split_once('#').expect("a fragment");
            assert_eq!(f, file, "{link}");
            assert_eq!(Route::recognize(fragment), route, "{link}");
            assert_eq!(
                format!("#{}", route.to_path()),
                format!("#{fragment}"),
                "{link}"
            );
        }
    }

    #[test]
    fn segments_of_a_fragment() {
        assert_eq!(segments(""), vec![""]);
        assert_eq!(segments("#/"), vec![""]);
        assert_eq!(segments("#/a/b/"), vec!["a", "b"]);
        assert_eq!(segments("#/a?x=1"), vec!["a"]);
    }
}
