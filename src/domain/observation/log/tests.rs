use super::*;
use crate::domain::observation::rating::{
    default_bars, MAX_COMMENT_CHARS, MAX_EVIDENCE, MAX_SYNTHESIS_CHARS,
};
use crate::domain::observation::scheme::{default_scheme, CodeKind};
use Actor::{Candidate, Ceo};

/// Wall-clock instants: `t(ms)` is `ms` milliseconds after a fixed origin.
pub fn t(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(1_764_000_000_000 + ms).unwrap()
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub fn fresh() -> Observation {
    Observation::new(id(1), id(2), id(3), id(4), default_scheme(), t(0))
}

pub fn add(actor: Option<Actor>, code: &str, n: u128) -> ObservationAction {
    ObservationAction::AddEvent {
        id: id(n),
        actor,
        code: code.into(),
        modifier: None,
    }
}

pub fn insert(n: u128, actor: Option<Actor>, code: &str, at_ms: u64) -> ObservationAction {
    ObservationAction::InsertEvent {
        id: id(n),
        fields: EventFields {
            actor,
            code: code.into(),
            modifier: None,
            at_ms,
            duration_ms: None,
        },
    }
}

fn run(o: &mut Observation, steps: &[(i64, ObservationAction)]) {
    for (ms, a) in steps {
        o.apply_mut(default_scheme(), a, t(*ms))
            .unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
}

fn codes(o: &Observation) -> Vec<(u64, &str)> {
    o.events
        .iter()
        .map(|e| (e.at_ms, e.code.as_str()))
        .collect()
}

#[test]
fn events_are_stamped_with_session_time_across_pauses() {
    let mut o = fresh();
    let s = default_scheme();
    assert_eq!(
        o.apply(s, &add(Some(Ceo), "agrees", 10), t(0)),
        Err(ObservationError::ClockNotStarted)
    );
    run(
        &mut o,
        &[
            (1_000, ObservationAction::StartClock),
            (6_000, add(Some(Ceo), "gives_information", 10)),
            (20_000, ObservationAction::PauseClock),
            (80_000, ObservationAction::ResumeClock),
            (85_000, add(Some(Candidate), "agrees", 11)),
        ],
    );
    // 5 s after the start; then 19 s before the pause + 5 s after resuming.
    assert_eq!(
        codes(&o),
        vec![(5_000, "gives_information"), (24_000, "agrees")]
    );
    assert_eq!(o.revision, 5);
    assert_eq!(o.updated_at, t(85_000));
    assert_eq!(o.events[1].actor, Some(Candidate));
}

#[test]
fn a_reload_mid_session_resumes_with_the_right_time() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (30_000, ObservationAction::PauseClock),
            (50_000, ObservationAction::ResumeClock),
            (60_000, add(Some(Ceo), "agrees", 10)),
        ],
    );
    let stored = serde_json::to_string(&o).unwrap();
    // The browser tab crashes; the mediator reopens it 15 s later.
    let mut back: Observation = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, o);
    back.check_with(default_scheme()).unwrap();
    run(&mut back, &[(75_000, add(Some(Candidate), "agrees", 11))]);
    // 30 s + (75 − 50) s = 55 s of session time.
    assert_eq!(back.events[1].at_ms, 55_000);
}

#[test]
fn undo_removes_the_event_added_last_even_when_inserted_earlier() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (10_000, add(Some(Ceo), "agrees", 10)),
            (20_000, add(Some(Ceo), "gives_opinion", 11)),
            (21_000, insert(12, Some(Candidate), "asks_opinion", 5_000)),
        ],
    );
    assert_eq!(
        codes(&o),
        vec![
            (5_000, "asks_opinion"),
            (10_000, "agrees"),
            (20_000, "gives_opinion")
        ]
    );
    run(&mut o, &[(22_000, ObservationAction::UndoLastEvent)]);
    assert_eq!(
        codes(&o),
        vec![(10_000, "agrees"), (20_000, "gives_opinion")]
    );
    run(&mut o, &[(23_000, ObservationAction::UndoLastEvent)]);
    run(&mut o, &[(24_000, ObservationAction::UndoLastEvent)]);
    assert_eq!(
        o.apply(
            default_scheme(),
            &ObservationAction::UndoLastEvent,
            t(25_000)
        ),
        Err(ObservationError::NothingToUndo)
    );
}

#[test]
fn edits_keep_the_log_sorted_and_the_id_stable() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (1_000, add(Some(Ceo), "agrees", 10)),
            (2_000, add(Some(Ceo), "gives_opinion", 11)),
            (3_000, add(Some(Ceo), "disagrees", 12)),
        ],
    );
    let edit = ObservationAction::EditEvent {
        id: id(10),
        fields: EventFields {
            actor: Some(Candidate),
            code: "supports".into(),
            modifier: None,
            at_ms: 2_500,
            duration_ms: None,
        },
    };
    run(&mut o, &[(4_000, edit.clone())]);
    assert_eq!(
        codes(&o),
        vec![
            (2_000, "gives_opinion"),
            (2_500, "supports"),
            (3_000, "disagrees")
        ]
    );
    assert_eq!(o.events[1].id, id(10));
    assert_eq!(o.events[1].actor, Some(Candidate));
    // The same edit again changes nothing and keeps the revision.
    let rev = o.revision;
    run(&mut o, &[(5_000, edit)]);
    assert_eq!(o.revision, rev);
    run(
        &mut o,
        &[(6_000, ObservationAction::DeleteEvent { id: id(11) })],
    );
    assert_eq!(codes(&o), vec![(2_500, "supports"), (3_000, "disagrees")]);
    assert_eq!(
        o.apply(
            default_scheme(),
            &ObservationAction::DeleteEvent { id: id(11) },
            t(7_000)
        ),
        Err(ObservationError::EventNotFound)
    );
    o.check_with(default_scheme()).unwrap();
}

#[test]
fn events_at_the_same_millisecond_keep_their_logging_order() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, insert(10, Some(Ceo), "agrees", 1_000)),
            (0, insert(11, Some(Ceo), "supports", 1_000)),
            (0, insert(12, Some(Ceo), "gives_opinion", 500)),
            (0, insert(13, Some(Candidate), "agrees", 1_000)),
        ],
    );
    let ids: Vec<Uuid> = o.events.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![id(12), id(10), id(11), id(13)]);
}

#[test]
fn the_scheme_decides_what_an_event_may_be() {
    let s = default_scheme();
    let mut o = fresh();
    run(&mut o, &[(0, ObservationAction::StartClock)]);
    let cases = [
        (
            add(Some(Ceo), "nope", 10),
            ObservationError::UnknownCode("nope".into()),
        ),
        (add(None, "agrees", 10), ObservationError::ActorNotAllowed),
        (
            add(Some(Ceo), "silence", 10),
            ObservationError::ActorNotAllowed,
        ),
        (
            add(Some(Ceo), "moment", 10),
            ObservationError::ActorNotAllowed,
        ),
        (
            ObservationAction::AddEvent {
                id: id(10),
                actor: Some(Ceo),
                code: "agrees".into(),
                modifier: Some("faithful".into()),
            },
            ObservationError::UnknownModifier("faithful".into()),
        ),
        (
            ObservationAction::InsertEvent {
                id: id(10),
                fields: EventFields {
                    actor: Some(Ceo),
                    code: "agrees".into(),
                    modifier: None,
                    at_ms: 0,
                    duration_ms: Some(5),
                },
            },
            ObservationError::DurationOnPointCode,
        ),
        (
            insert(10, Some(Ceo), "agrees", MAX_SESSION_MS + 1),
            ObservationError::TooLate,
        ),
    ];
    for (action, err) in cases {
        let before = o.clone();
        assert_eq!(o.apply_mut(s, &action, t(1)), Err(err), "{action:?}");
        assert_eq!(o, before, "a refused change leaves nothing behind");
    }
    let reformulation = ObservationAction::AddEvent {
        id: id(11),
        actor: Some(Candidate),
        code: "reformulates".into(),
        modifier: Some("faithful".into()),
    };
    run(&mut o, &[(2, reformulation), (3, add(None, "moment", 12))]);
    assert_eq!(
        o.apply(s, &add(Some(Ceo), "agrees", 12), t(4)),
        Err(ObservationError::DuplicateId)
    );
}

#[test]
fn silence_is_one_event_with_a_duration() {
    let s = default_scheme();
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (10_000, add(None, "silence", 10)),
        ],
    );
    assert_eq!(o.open_state("silence", None).map(|e| e.id), Some(id(10)));
    assert_eq!(
        o.apply(s, &add(None, "silence", 11), t(11_000)),
        Err(ObservationError::StateAlreadyOpen)
    );
    run(
        &mut o,
        &[(14_500, ObservationAction::EndState { id: id(10) })],
    );
    assert_eq!(o.events[0].duration_ms, Some(4_500));
    assert_eq!(o.open_state("silence", None), None);
    assert_eq!(
        o.apply(s, &ObservationAction::EndState { id: id(10) }, t(15_000)),
        Err(ObservationError::NotAnOpenState)
    );
    // A silence left open is closed when the observation is submitted.
    run(
        &mut o,
        &[
            (20_000, add(None, "silence", 11)),
            (23_000, ObservationAction::Submit),
        ],
    );
    assert_eq!(o.events[1].duration_ms, Some(3_000));
    o.check_with(s).unwrap();
}

#[test]
fn notes_are_timestamped_and_sorted() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (
                90_000,
                ObservationAction::AddNote {
                    id: id(50),
                    text: "  Le candidat recadre l'enjeu, le CEO sourit. ".into(),
                    at_ms: None,
                },
            ),
            (
                95_000,
                ObservationAction::AddNote {
                    id: id(51),
                    text: "Earlier moment".into(),
                    at_ms: Some(30_000),
                },
            ),
        ],
    );
    assert_eq!(o.notes[0].at_ms, 30_000);
    assert_eq!(o.notes[1].at_ms, 90_000);
    assert_eq!(
        o.notes[1].text,
        "Le candidat recadre l'enjeu, le CEO sourit."
    );
    let s = default_scheme();
    assert_eq!(
        o.apply(
            s,
            &ObservationAction::AddNote {
                id: id(52),
                text: "  ".into(),
                at_ms: None
            },
            t(1)
        ),
        Err(ObservationError::EmptyNote)
    );
    run(
        &mut o,
        &[
            (
                96_000,
                ObservationAction::EditNote {
                    id: id(51),
                    text: "Edited".into(),
                },
            ),
            (97_000, ObservationAction::DeleteNote { id: id(50) }),
        ],
    );
    assert_eq!(o.notes.len(), 1);
    assert_eq!(o.notes[0].text, "Edited");
}

#[test]
fn submit_locks_everything() {
    let s = default_scheme();
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (5_000, add(Some(Ceo), "agrees", 10)),
            (60_000, ObservationAction::Submit),
        ],
    );
    assert!(o.is_submitted());
    assert_eq!(o.submitted_at, Some(t(60_000)));
    assert_eq!(o.clock.running_since, None);
    assert_eq!(o.length_ms(t(999_999)), 60_000, "the clock stopped");
    let rev = o.revision;
    for action in [
        ObservationAction::ResumeClock,
        add(Some(Ceo), "agrees", 11),
        ObservationAction::UndoLastEvent,
        ObservationAction::DeleteEvent { id: id(10) },
        insert(12, Some(Ceo), "agrees", 1),
        ObservationAction::AddNote {
            id: id(13),
            text: "late".into(),
            at_ms: None,
        },
        ObservationAction::Submit,
    ] {
        assert_eq!(
            o.apply(s, &action, t(70_000)),
            Err(ObservationError::Submitted),
            "{action:?}"
        );
    }
    assert_eq!(o.revision, rev);
    o.check_with(s).unwrap();
}

#[test]
fn clock_errors_and_scheme_mismatch() {
    let s = default_scheme();
    let o = fresh();
    assert_eq!(
        o.apply(s, &ObservationAction::PauseClock, t(0)),
        Err(ObservationError::Clock(ClockError::NotStarted))
    );
    let mut other = s.clone();
    other.version = 2;
    assert!(matches!(
        o.apply(&other, &ObservationAction::StartClock, t(0)),
        Err(ObservationError::SchemeMismatch { .. })
    ));
}

#[test]
fn stored_observations_are_checked() {
    let s = default_scheme();
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (1_000, add(Some(Ceo), "agrees", 10)),
            (2_000, add(Some(Ceo), "agrees", 11)),
        ],
    );
    let mut bad = o.clone();
    let (first, second) = (bad.events[0].clone(), bad.events[1].clone());
    (bad.events[0], bad.events[1]) = (second, first);
    assert_eq!(bad.check(), Err(ObservationError::Unsorted));
    let mut bad = o.clone();
    bad.events[1].id = id(10);
    assert_eq!(bad.check(), Err(ObservationError::DuplicateId));
    let mut bad = o.clone();
    bad.events[1].seq = 99;
    assert_eq!(bad.check(), Err(ObservationError::BadSeq));
    let mut bad = o.clone();
    bad.status = ObservationStatus::Submitted;
    assert_eq!(bad.check(), Err(ObservationError::InconsistentStatus));
    let mut bad = o.clone();
    bad.events[0].code = "gone".into();
    assert_eq!(
        bad.check_with(s),
        Err(ObservationError::UnknownCode("gone".into()))
    );
    o.check_with(s).unwrap();
}

#[test]
fn live_counts_follow_the_log() {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (1, add(Some(Ceo), "agrees", 10)),
            (2, add(Some(Ceo), "agrees", 11)),
            (3, add(Some(Candidate), "agrees", 12)),
            (4, add(None, "moment", 13)),
        ],
    );
    let mut tally = Tally::of(&o);
    assert_eq!(tally.get("agrees", Some(Ceo)), 2);
    assert_eq!(tally.get("agrees", Some(Candidate)), 1);
    assert_eq!(tally.total("agrees"), 3);
    assert_eq!(tally.get("moment", None), 1);
    assert_eq!(tally.get("supports", Some(Ceo)), 0);
    let last = o.events[3].clone();
    run(&mut o, &[(5, ObservationAction::UndoLastEvent)]);
    tally.remove(&last);
    assert_eq!(tally, {
        let mut t = Tally::of(&o);
        t.add(&last);
        t.remove(&last);
        t
    });
    assert_eq!(tally.get("moment", None), 0);
}

fn rate(dimension: &str, level: u8, evidence: &[u128], comment: &str) -> ObservationAction {
    ObservationAction::Rate {
        dimension: dimension.into(),
        level,
        evidence: evidence.iter().map(|n| id(*n)).collect(),
        comment: comment.into(),
    }
}

fn run_rated(o: &mut Observation, steps: &[(i64, ObservationAction)]) {
    for (ms, a) in steps {
        o.apply_mut_with(default_scheme(), Some(default_bars()), a, t(*ms))
            .unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
}

/// An observation with three coded events (ids 10, 11, 12), clock running.
fn coded() -> Observation {
    let mut o = fresh();
    run(
        &mut o,
        &[
            (0, ObservationAction::StartClock),
            (1_000, add(Some(Ceo), "gives_opinion", 10)),
            (2_000, add(Some(Candidate), "reformulates", 11)),
            (3_000, add(Some(Candidate), "agrees", 12)),
        ],
    );
    o
}

fn rate_all(o: &mut Observation, level: u8) {
    for d in &default_bars().dimensions {
        run_rated(o, &[(10_000, rate(&d.id, level, &[], ""))]);
    }
}

#[test]
fn ratings_are_set_replaced_and_cleared() {
    let s = default_scheme();
    let g = default_bars();
    let mut o = coded();
    let with = |o: &Observation, a: &ObservationAction| o.apply_with(s, Some(g), a, t(5_000));
    // Rating needs the grid.
    assert_eq!(
        o.apply(s, &rate("co_construction", 4, &[], ""), t(5_000)),
        Err(ObservationError::NoRatingGrid)
    );
    let refused = [
        (
            rate("charisma", 4, &[], ""),
            ObservationError::UnknownDimension("charisma".into()),
        ),
        (
            rate("co_construction", 0, &[], ""),
            ObservationError::BadLevel(0),
        ),
        (
            rate("co_construction", 6, &[], ""),
            ObservationError::BadLevel(6),
        ),
        (
            rate("co_construction", 4, &[10, 99], ""),
            ObservationError::UnknownEvidence(id(99)),
        ),
        (
            rate("co_construction", 4, &[10, 10], ""),
            ObservationError::DuplicateId,
        ),
        (
            rate("co_construction", 4, &[], "bad\u{202e}text"),
            ObservationError::ForbiddenCharacters,
        ),
        (
            rate(
                "co_construction",
                4,
                &[],
                &"x".repeat(MAX_COMMENT_CHARS + 1),
            ),
            ObservationError::TooLong,
        ),
    ];
    for (action, err) in refused {
        assert_eq!(with(&o, &action), Err(err), "{action:?}");
    }
    let many: Vec<u128> = (1_000..1_000 + MAX_EVIDENCE as u128 + 1).collect();
    assert_eq!(
        with(&o, &rate("co_construction", 4, &many, "")),
        Err(ObservationError::TooMuchEvidence)
    );
    assert_eq!(o.bars, None);
    let rev = o.revision;
    run_rated(
        &mut o,
        &[
            (6_000, rate("stakes_why", 2, &[], "")),
            (
                7_000,
                rate(
                    "co_construction",
                    4,
                    &[11, 10],
                    "  Le candidat reprend l'idée.\n\tPuis la prolonge.  ",
                ),
            ),
        ],
    );
    assert_eq!(o.revision, rev + 2);
    assert_eq!(o.bars, Some(BarsRef::of(g)));
    // Sorted by dimension id, whatever the order they were rated in.
    let dims: Vec<&str> = o.ratings.iter().map(|r| r.dimension.as_str()).collect();
    assert_eq!(dims, ["co_construction", "stakes_why"]);
    let r = o.rating("co_construction").unwrap();
    assert_eq!(r.evidence, vec![id(11), id(10)]);
    assert_eq!(
        r.comment,
        "Le candidat reprend l'idée.\n\tPuis la prolonge."
    );
    // The same rating again changes nothing; a new level replaces the old one.
    let again = rate(
        "co_construction",
        4,
        &[11, 10],
        "Le candidat reprend l'idée.\n\tPuis la prolonge.",
    );
    run_rated(&mut o, &[(8_000, again)]);
    assert_eq!(o.revision, rev + 2);
    run_rated(&mut o, &[(9_000, rate("co_construction", 5, &[], ""))]);
    assert_eq!(o.rating("co_construction").unwrap().level, 5);
    assert!(o.rating("co_construction").unwrap().evidence.is_empty());
    assert_eq!(o.ratings.len(), 2);
    // Clearing does not need the grid.
    run(
        &mut o,
        &[(
            10_000,
            ObservationAction::ClearRating {
                dimension: "stakes_why".into(),
            },
        )],
    );
    assert_eq!(o.rating("stakes_why"), None);
    assert_eq!(
        o.apply(
            s,
            &ObservationAction::ClearRating {
                dimension: "stakes_why".into()
            },
            t(11_000)
        ),
        Err(ObservationError::RatingNotFound)
    );
    o.check_with_bars(s, g).unwrap();
    // Another version of the grid is refused once rated with this one.
    let mut other = g.clone();
    other.version = 2;
    assert!(matches!(
        o.apply_with(s, Some(&other), &rate("stakes_why", 3, &[], ""), t(12_000)),
        Err(ObservationError::BarsMismatch { .. })
    ));
    assert!(matches!(
        o.check_with_bars(s, &other),
        Err(ObservationError::BarsMismatch { .. })
    ));
}

#[test]
fn submitting_with_the_grid_needs_every_dimension_rated_or_an_explicit_choice() {
    let s = default_scheme();
    let g = default_bars();
    let mut o = coded();
    run_rated(&mut o, &[(5_000, rate("co_construction", 4, &[], ""))]);
    let missing: Vec<String> = g
        .dimensions
        .iter()
        .map(|d| d.id.clone())
        .filter(|d| d != "co_construction")
        .collect();
    assert_eq!(o.unrated_dimensions(g).len(), 5);
    let err = o
        .apply_with(s, Some(g), &ObservationAction::Submit, t(6_000))
        .unwrap_err();
    assert_eq!(err, ObservationError::Unrated(missing));
    assert!(err
        .to_string()
        .contains("listening_reformulation, handling_disagreement"));
    // Without the grid, a rated observation cannot be checked, so `Submit` is refused.
    assert_eq!(
        o.apply(s, &ObservationAction::Submit, t(6_000)),
        Err(ObservationError::NoRatingGrid)
    );
    // The explicit choice.
    let done = o
        .apply_with(s, Some(g), &ObservationAction::SubmitIncomplete, t(6_000))
        .unwrap();
    assert!(done.is_submitted());
    done.check_with_bars(s, g).unwrap();
    // Every dimension rated: `Submit` goes through, and then nothing changes any more.
    rate_all(&mut o, 3);
    run_rated(&mut o, &[(20_000, ObservationAction::Submit)]);
    assert!(o.is_submitted());
    assert_eq!(o.bars, Some(BarsRef::of(g)));
    for action in [
        rate("co_construction", 2, &[], ""),
        ObservationAction::ClearRating {
            dimension: "co_construction".into(),
        },
        ObservationAction::SetSynthesis {
            text: "late".into(),
        },
        ObservationAction::SubmitIncomplete,
    ] {
        assert_eq!(
            o.apply_with(s, Some(g), &action, t(30_000)),
            Err(ObservationError::Submitted),
            "{action:?}"
        );
    }
    o.check_with_bars(s, g).unwrap();
    // An unrated observation submitted with the grid records the grid.
    let mut bare = coded();
    assert_eq!(
        bare.apply_with(s, Some(g), &ObservationAction::Submit, t(6_000)),
        Err(ObservationError::Unrated(
            g.dimensions.iter().map(|d| d.id.clone()).collect()
        ))
    );
    run_rated(&mut bare, &[(6_000, ObservationAction::SubmitIncomplete)]);
    assert_eq!(bare.bars, Some(BarsRef::of(g)));
    assert!(bare.ratings.is_empty());
}

#[test]
fn the_synthesis_is_bounded_free_text() {
    let s = default_scheme();
    let mut o = coded();
    let set = |text: &str| ObservationAction::SetSynthesis { text: text.into() };
    run(
        &mut o,
        &[(
            5_000,
            set("  Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi ».\n"),
        )],
    );
    assert_eq!(
        o.synthesis,
        "Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi »."
    );
    let rev = o.revision;
    run(
        &mut o,
        &[(
            6_000,
            set("Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi »."),
        )],
    );
    assert_eq!(o.revision, rev, "the same text changes nothing");
    let long = "é".repeat(MAX_SYNTHESIS_CHARS);
    run(&mut o, &[(7_000, set(&long))]);
    assert_eq!(o.synthesis.chars().count(), MAX_SYNTHESIS_CHARS);
    for (text, err) in [
        (
            "é".repeat(MAX_SYNTHESIS_CHARS + 1),
            ObservationError::TooLong,
        ),
        ("a\u{0}b".to_owned(), ObservationError::ForbiddenCharacters),
        (
            "a\u{1b}[31mb".to_owned(),
            ObservationError::ForbiddenCharacters,
        ),
        (
            "a\u{2066}b".to_owned(),
            ObservationError::ForbiddenCharacters,
        ),
    ] {
        assert_eq!(o.apply(s, &set(&text), t(8_000)), Err(err));
    }
    run(&mut o, &[(9_000, set(""))]);
    assert_eq!(o.synthesis, "");
    o.check_with(s).unwrap();
}

#[test]
fn deleting_an_event_removes_it_from_the_evidence() {
    let s = default_scheme();
    let mut o = coded();
    run_rated(
        &mut o,
        &[
            (5_000, rate("listening_reformulation", 4, &[11, 12], "")),
            (5_000, rate("co_construction", 3, &[12], "")),
        ],
    );
    run(
        &mut o,
        &[(6_000, ObservationAction::DeleteEvent { id: id(12) })],
    );
    assert_eq!(
        o.rating("listening_reformulation").unwrap().evidence,
        vec![id(11)]
    );
    assert!(o.rating("co_construction").unwrap().evidence.is_empty());
    run(&mut o, &[(7_000, add(Some(Ceo), "asks_why", 13))]);
    run_rated(&mut o, &[(8_000, rate("stakes_why", 2, &[13], ""))]);
    run(&mut o, &[(9_000, ObservationAction::UndoLastEvent)]);
    assert!(o.rating("stakes_why").unwrap().evidence.is_empty());
    o.check_with_bars(s, default_bars()).unwrap();
}

#[test]
fn ratings_are_stored_and_older_files_still_read() {
    let s = default_scheme();
    let g = default_bars();
    // An observation without ratings writes no rating field: older files and older
    // builds see the same text.
    let plain = coded();
    let text = serde_json::to_string(&plain).unwrap();
    for field in ["ratings", "synthesis", "bars"] {
        assert!(!text.contains(field), "{field}");
    }
    let back: Observation = serde_json::from_str(&text).unwrap();
    assert_eq!(back, plain);
    let mut o = coded();
    run_rated(
        &mut o,
        &[
            (5_000, rate("energy_pace", 5, &[10], "Rythme soutenu")),
            (
                6_000,
                ObservationAction::SetSynthesis {
                    text: "Bonne dynamique".into(),
                },
            ),
        ],
    );
    let text = serde_json::to_string(&o).unwrap();
    let back: Observation = serde_json::from_str(&text).unwrap();
    assert_eq!(back, o);
    back.check_with_bars(s, g).unwrap();
    // Actions travel as JSON too; evidence and comment may be left out.
    let action: ObservationAction =
        serde_json::from_str(r#"{"type":"rate","dimension":"stakes_why","level":3}"#).unwrap();
    assert_eq!(action, rate("stakes_why", 3, &[], ""));
    let action: ObservationAction =
        serde_json::from_str(r#"{"type":"submit_incomplete"}"#).unwrap();
    assert_eq!(action, ObservationAction::SubmitIncomplete);
}

#[test]
fn stored_ratings_are_checked() {
    let s = default_scheme();
    let g = default_bars();
    let mut o = coded();
    run_rated(
        &mut o,
        &[
            (5_000, rate("co_construction", 4, &[10], "")),
            (5_000, rate("stakes_why", 2, &[], "")),
        ],
    );
    o.check_with_bars(s, g).unwrap();
    let mut bad = o.clone();
    bad.ratings.swap(0, 1);
    assert_eq!(bad.check(), Err(ObservationError::Unsorted));
    let mut bad = o.clone();
    bad.ratings[1].dimension = "co_construction".into();
    assert_eq!(bad.check(), Err(ObservationError::DuplicateId));
    let mut bad = o.clone();
    bad.ratings[0].level = 9;
    assert_eq!(bad.check(), Err(ObservationError::BadLevel(9)));
    let mut bad = o.clone();
    bad.ratings[0].evidence = vec![id(77)];
    assert_eq!(bad.check(), Err(ObservationError::UnknownEvidence(id(77))));
    let mut bad = o.clone();
    bad.bars = None;
    assert_eq!(bad.check(), Err(ObservationError::NoRatingGrid));
    let mut bad = o.clone();
    bad.synthesis = "a\u{7}".into();
    assert_eq!(bad.check(), Err(ObservationError::ForbiddenCharacters));
    let mut bad = o.clone();
    bad.synthesis = " a".into();
    assert_eq!(bad.check(), Err(ObservationError::Untrimmed));
    let mut bad = o.clone();
    bad.ratings[1].dimension = "zeal".into();
    bad.check().unwrap();
    assert_eq!(
        bad.check_with_bars(s, g),
        Err(ObservationError::UnknownDimension("zeal".into()))
    );
}

#[test]
fn ratings_are_part_of_what_merge_compares() {
    use crate::domain::observation::merge::merge_observations;
    let mut a = coded();
    rate_all(&mut a, 3);
    let mut b = a.clone();
    run_rated(&mut a, &[(20_000, rate("energy_pace", 4, &[], ""))]);
    run_rated(&mut b, &[(20_000, rate("energy_pace", 2, &[], ""))]);
    assert_eq!(a.revision, b.revision);
    let m = merge_observations([&a, &b]);
    assert!(m.observations.is_empty());
    assert_eq!(m.conflicts.len(), 1, "same revision, different ratings");
    // A later draft with a rating supersedes the earlier one.
    let mut c = a.clone();
    run_rated(
        &mut c,
        &[(
            30_000,
            ObservationAction::SetSynthesis { text: "Fin".into() },
        )],
    );
    assert_eq!(
        merge_observations([&a, &c]).observations,
        vec![std::sync::Arc::new(c)]
    );
}

/// 5,000 events logged live, one key press at a time, then every index: the whole path a
/// long session takes. (Timing is measured by the benchmark harness, not asserted here.)
#[test]
fn five_thousand_events() {
    let s = default_scheme();
    let mut o = fresh();
    o.apply_mut(s, &ObservationAction::StartClock, t(0))
        .unwrap();
    let codes: Vec<&str> = s
        .codes
        .iter()
        .filter(|c| c.kind == CodeKind::Point && c.actors.allows(Some(Ceo)))
        .map(|c| c.id.as_str())
        .collect();
    for i in 0..5_000u64 {
        let actor = if i % 3 == 0 { Candidate } else { Ceo };
        let code = codes[(i as usize * 7) % codes.len()];
        o.apply_mut(
            s,
            &add(Some(actor), code, 1_000 + u128::from(i)),
            t(i as i64 * 720),
        )
        .unwrap();
    }
    assert_eq!(o.events.len(), 5_000);
    o.check_with(s).unwrap();
    let tally = Tally::of(&o);
    let total: u32 = codes.iter().map(|c| tally.total(c)).sum();
    assert_eq!(total, 5_000);
    let ix = crate::domain::observation::indices::session_indices(&o, s, t(3_600_000));
    assert_eq!(ix.length_ms, 3_600_000);
    let acts = ix.whole.acts.ceo + ix.whole.acts.candidate;
    let third_acts: u32 = ix
        .thirds
        .iter()
        .map(|w| w.acts.ceo + w.acts.candidate)
        .sum();
    assert_eq!(third_acts, acts);
    assert!(acts > 0 && acts < 5_000);
    assert_eq!(ix.transitions.total, acts - 1);
}
