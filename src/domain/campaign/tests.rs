use super::*;
use crate::domain::role::builtin_roles;
use chrono::NaiveDate;

pub fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap()
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub fn sample() -> Campaign {
    Campaign {
        id: id(1),
        name: "CSO 5.0 — Lyon".into(),
        role: builtin_roles()[0].clone(),
        leader: Leader {
            name: "Claire Martin".into(),
            title: "CEO".into(),
        },
        candidates: vec![Person {
            id: id(10),
            name: "Jean Dupont".into(),
            email: "jean@example.org".into(),
        }],
        mediators: vec![Person {
            id: id(20),
            name: "Amina Benali".into(),
            email: String::new(),
        }],
        sessions: (0..3).map(|i| WorkSession::empty(id(30 + i))).collect(),
        instruments: vec![InstrumentId::InterpersonalIntelligence],
        status: Status::Draft,
        status_before_archive: None,
        created_at: at(0),
        updated_at: at(0),
        revision: 1,
        decisions: Vec::new(),
        version_choices: Vec::new(),
        clock_offsets: Vec::new(),
        sample: false,
        closed_on: None,
        retention_months: None,
        erasures: Vec::new(),
        imports: Vec::new(),
    }
}

#[test]
fn rename_bumps_revision_and_time() {
    let c = sample();
    let next = c
        .apply(
            &CampaignAction::Rename {
                name: "  New name ".into(),
            },
            at(60),
        )
        .unwrap();
    assert_eq!(next.name, "New name");
    assert_eq!(next.revision, 2);
    assert_eq!(next.updated_at, at(60));
    assert_eq!(c.name, "CSO 5.0 — Lyon", "the original is untouched");
}

#[test]
fn a_change_that_changes_nothing_keeps_the_revision() {
    let c = sample();
    let next = c
        .apply(
            &CampaignAction::Rename {
                name: c.name.clone(),
            },
            at(60),
        )
        .unwrap();
    assert_eq!(next, c);
}

#[test]
fn empty_name_is_refused() {
    let err = sample()
        .apply(&CampaignAction::Rename { name: "   ".into() }, at(1))
        .unwrap_err();
    assert_eq!(err, CampaignError::NameRequired);
}

#[test]
fn sessions_stay_between_three_and_four() {
    let c = sample();
    assert_eq!(
        c.apply(&CampaignAction::RemoveSession { id: id(30) }, at(1))
            .unwrap_err(),
        CampaignError::SessionCount
    );
    let four = c
        .apply(
            &CampaignAction::AddSession {
                session: WorkSession::empty(id(99)),
            },
            at(1),
        )
        .unwrap();
    assert_eq!(four.sessions.len(), 4);
    assert_eq!(
        four.apply(
            &CampaignAction::AddSession {
                session: WorkSession::empty(id(98))
            },
            at(2)
        )
        .unwrap_err(),
        CampaignError::SessionCount
    );
    let back = four
        .apply(&CampaignAction::RemoveSession { id: id(99) }, at(3))
        .unwrap();
    assert_eq!(back.sessions.len(), 3);
}

#[test]
fn people_are_added_updated_and_removed() {
    let c = sample();
    let p = Person {
        id: id(11),
        name: " Zoé Roux ".into(),
        email: "zoe@example.fr".into(),
    };
    let c2 = c
        .apply(
            &CampaignAction::AddPerson {
                list: PeopleList::Candidates,
                person: p.clone(),
            },
            at(1),
        )
        .unwrap();
    assert_eq!(c2.candidates[1].name, "Zoé Roux");
    let dup = c2.apply(
        &CampaignAction::AddPerson {
            list: PeopleList::Mediators,
            person: p.clone(),
        },
        at(2),
    );
    assert_eq!(dup.unwrap_err(), CampaignError::DuplicateId);
    let bad = Person {
        email: "not an address".into(),
        ..p.clone()
    };
    assert_eq!(
        c2.apply(
            &CampaignAction::UpdatePerson {
                list: PeopleList::Candidates,
                person: bad
            },
            at(2)
        )
        .unwrap_err(),
        CampaignError::BadEmail
    );
    let c3 = c2
        .apply(
            &CampaignAction::RemovePerson {
                list: PeopleList::Candidates,
                id: id(11),
            },
            at(3),
        )
        .unwrap();
    assert_eq!(c3.candidates.len(), 1);
    assert_eq!(
        c3.apply(
            &CampaignAction::RemovePerson {
                list: PeopleList::Candidates,
                id: id(11)
            },
            at(4)
        )
        .unwrap_err(),
        CampaignError::NotFound
    );
}

#[test]
fn archive_and_unarchive_restore_the_previous_status() {
    let c = sample()
        .apply(
            &CampaignAction::SetStatus {
                status: Status::Active,
            },
            at(1),
        )
        .unwrap();
    let archived = c.apply(&CampaignAction::Archive, at(2)).unwrap();
    assert_eq!(archived.status, Status::Archived);
    assert_eq!(
        archived
            .apply(&CampaignAction::Rename { name: "x".into() }, at(3))
            .unwrap_err(),
        CampaignError::Archived
    );
    let back = archived.apply(&CampaignAction::Unarchive, at(3)).unwrap();
    assert_eq!(back.status, Status::Active);
    assert_eq!(back.status_before_archive, None);
}

#[test]
fn control_and_override_characters_are_refused() {
    for bad in ["Jean\u{0}", "Jean\u{202e}nimda", "a\nb"] {
        let err = sample()
            .apply(&CampaignAction::Rename { name: bad.into() }, at(1))
            .unwrap_err();
        assert_eq!(err, CampaignError::ForbiddenCharacters, "{bad:?}");
    }
    let ok = sample().apply(
        &CampaignAction::Rename {
            name: "Zoë 李 — مرحبا".into(),
        },
        at(1),
    );
    assert!(ok.is_ok());
}

#[test]
fn status_before_archive_must_fit() {
    let mut c = sample();
    c.status_before_archive = Some(Status::Active);
    assert_eq!(c.check(), Err(CampaignError::InconsistentStatus));
    c.status = Status::Archived;
    assert_eq!(c.check(), Ok(()));
    c.status_before_archive = Some(Status::Archived);
    assert_eq!(c.check(), Err(CampaignError::InconsistentStatus));
}

#[test]
fn emails() {
    for ok in ["", "a@b.fr", "jean.dupont+rally@exemple.co.uk"] {
        assert!(email_is_plausible(ok), "{ok}");
    }
    for bad in ["a", "a@b", "@b.fr", "a@.fr", "a b@c.fr", "a@b@c.fr", "a@b."] {
        assert!(!email_is_plausible(bad), "{bad}");
    }
}

fn decision(n: u128, candidate: Uuid, rationale: &str) -> Decision {
    Decision {
        id: id(n),
        candidate_id: candidate,
        kind: DecisionKind::AnotherSession,
        rationale: rationale.into(),
        decided_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        recorded_at: at(50),
    }
}

#[test]
fn decisions_are_kept_with_their_reasons_and_leave_with_their_candidate() {
    let c = sample();
    let jean = c.candidates[0].id;
    let record = |c: &Campaign, d: Decision| {
        c.apply(&CampaignAction::RecordDecision { decision: d }, at(60))
    };
    assert_eq!(
        record(&c, decision(900, jean, "  ")),
        Err(CampaignError::RationaleRequired)
    );
    assert_eq!(
        record(&c, decision(900, id(999), "ok")),
        Err(CampaignError::NotFound)
    );
    let one = record(&c, decision(900, jean, "  Deux bonnes séances.  ")).unwrap();
    assert_eq!(one.decisions[0].rationale, "Deux bonnes séances.");
    assert_eq!(one.revision, c.revision + 1);
    assert_eq!(
        record(&one, decision(900, jean, "again")),
        Err(CampaignError::DuplicateId)
    );
    let two = record(&one, decision(901, jean, "Offre.")).unwrap();
    assert_eq!(two.decisions.len(), 2, "the history keeps every decision");
    let gone = two
        .apply(
            &CampaignAction::RemovePerson {
                list: PeopleList::Candidates,
                id: jean,
            },
            at(70),
        )
        .unwrap();
    assert!(gone.decisions.is_empty());
}

#[test]
fn one_version_choice_and_one_offset_per_observation() {
    let c = sample();
    let choice = |v: &str| VersionChoice {
        observation_id: id(600),
        version: v.into(),
        chosen_at: at(5),
    };
    let c1 = c
        .apply(
            &CampaignAction::ChooseVersion {
                choice: choice("fnv1a64:1"),
            },
            at(6),
        )
        .unwrap();
    let c2 = c1
        .apply(
            &CampaignAction::ChooseVersion {
                choice: choice("fnv1a64:2"),
            },
            at(7),
        )
        .unwrap();
    assert_eq!(c2.version_choices.len(), 1);
    assert_eq!(c2.version_choices[0].version, "fnv1a64:2");
    let cleared = c2
        .apply(
            &CampaignAction::ClearVersionChoice {
                observation_id: id(600),
            },
            at(8),
        )
        .unwrap();
    assert!(cleared.version_choices.is_empty());
    let offset = |ms: i64| ClockOffset {
        observation_id: id(600),
        offset_ms: ms,
        source: OffsetSource::Manual,
        set_at: at(9),
    };
    let o = c
        .apply(
            &CampaignAction::SetClockOffset {
                offset: offset(-1500),
            },
            at(9),
        )
        .unwrap();
    let o = o
        .apply(
            &CampaignAction::SetClockOffset {
                offset: offset(2000),
            },
            at(10),
        )
        .unwrap();
    assert_eq!(o.clock_offsets.len(), 1);
    assert_eq!(o.clock_offsets[0].offset_ms, 2000);
    assert_eq!(
        c.apply(
            &CampaignAction::SetClockOffset {
                offset: offset(3_600_001)
            },
            at(11)
        ),
        Err(CampaignError::OffsetTooLarge)
    );
}
