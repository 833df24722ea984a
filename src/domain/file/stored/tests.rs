use super::*;
use crate::domain::observation::log::tests::{add, fresh, id, insert, t};
use crate::domain::observation::log::ObservationAction;
use crate::domain::observation::scheme::{default_scheme, Actor};

/// An observation with `n` events, coded one a second.
fn coded(obs: u128, n: u64) -> Observation {
    let mut o = fresh();
    o.id = id(obs);
    let s = default_scheme();
    o.apply_mut(s, &ObservationAction::StartClock, t(0))
        .unwrap();
    let code = s.codes[0].id.clone();
    for k in 0..n {
        o.apply_mut(
            s,
            &add(Some(Actor::Ceo), &code, 10_000 + u128::from(k)),
            t(1000 * (k as i64 + 1)),
        )
        .unwrap();
    }
    o
}

fn store(observations: Vec<Observation>) -> Fieldwork {
    Fieldwork {
        observations: merge_observations(observations.iter()),
        ..Fieldwork::default()
    }
}

fn keys(puts: &[(String, String)]) -> Vec<&str> {
    puts.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn a_store_round_trips_through_its_records() {
    let a = coded(100, 2_500);
    let b = coded(200, 3);
    let mut b2 = b.clone();
    b2.synthesis = "a diverging copy".into();
    let fw = store(vec![a.clone(), b, b2]);
    assert_eq!(fw.observations.conflicts.len(), 1);
    let records = fieldwork_records(&fw);
    // Three lists, one header and three chunks for `a`, two versions of `b` with one chunk.
    assert_eq!(records.puts.len(), 3 + 4 + 2 * 2);
    let back = read_fieldwork(&records.puts).unwrap();
    assert_eq!(back, fw);
}

#[test]
fn coding_one_event_rewrites_one_chunk() {
    let before = store(vec![coded(100, 2_500), coded(200, 10)]);
    let mut after = before.clone();
    let o = std::sync::Arc::make_mut(&mut after.observations.observations[0]);
    let code = default_scheme().codes[0].id.clone();
    o.apply_mut(
        default_scheme(),
        &add(Some(Actor::Candidate), &code, 99_999),
        t(3_000_000),
    )
    .unwrap();
    let changes = fieldwork_changes(&before, &after);
    let key = id(100).to_string();
    assert_eq!(
        keys(&changes.puts),
        [format!("obs/{key}"), format!("obs/{key}#00002")]
    );
    assert!(changes.deletes.is_empty());
    // Nothing changed: nothing written.
    assert!(fieldwork_changes(&after, &after).is_empty());
    // Applied to the stored records, the change gives the new store.
    let mut stored: BTreeMap<String, String> =
        fieldwork_records(&before).puts.into_iter().collect();
    stored.extend(changes.puts);
    let records: Vec<(String, String)> = stored.into_iter().collect();
    assert_eq!(read_fieldwork(&records).unwrap(), after);
}

#[test]
fn an_event_inserted_early_rewrites_the_chunks_from_there() {
    let before = store(vec![coded(100, 2_500)]);
    let mut after = before.clone();
    let code = default_scheme().codes[0].id.clone();
    std::sync::Arc::make_mut(&mut after.observations.observations[0])
        .apply_mut(
            default_scheme(),
            &insert(99_999, Some(Actor::Ceo), &code, 1_500_500),
            t(3_000_000),
        )
        .unwrap();
    let changes = fieldwork_changes(&before, &after);
    let key = id(100).to_string();
    // Event 1,500 moves every later one: chunks 1 and 2 change, chunk 0 does not.
    assert_eq!(
        keys(&changes.puts),
        [
            format!("obs/{key}"),
            format!("obs/{key}#00001"),
            format!("obs/{key}#00002")
        ]
    );
}

#[test]
fn a_version_gone_is_deleted_with_its_chunks() {
    let before = store(vec![coded(100, 1_200), coded(200, 1)]);
    let after = store(vec![coded(200, 1)]);
    let changes = fieldwork_changes(&before, &after);
    let key = id(100).to_string();
    assert!(changes.puts.is_empty());
    assert_eq!(
        changes.deletes,
        [
            format!("obs/{key}"),
            format!("obs/{key}#00000"),
            format!("obs/{key}#00001")
        ]
    );
}

#[test]
fn damaged_or_invalid_records_are_refused() {
    let fw = store(vec![coded(100, 5)]);
    let mut records = fieldwork_records(&fw).puts;
    let key = id(100).to_string();
    // A chunk missing.
    let without: Vec<_> = records
        .iter()
        .filter(|(k, _)| !k.ends_with("#00000"))
        .cloned()
        .collect();
    assert_eq!(
        read_fieldwork(&without),
        Err(StoredError::Damaged(key.clone()))
    );
    // Not JSON.
    records.push((KITS_KEY.into(), "{".into()));
    assert!(matches!(
        read_fieldwork(&records),
        Err(StoredError::Damaged(_))
    ));
    // JSON, but an observation the checks refuse (an event with an unknown code).
    let mut bad = fieldwork_records(&fw).puts;
    let chunk = bad.iter_mut().find(|(k, _)| k.ends_with("#00000")).unwrap();
    let code = &default_scheme().codes[0].id;
    chunk.1 = chunk.1.replace(&format!("\"{code}\""), "\"no-such-code\"");
    assert!(matches!(read_fieldwork(&bad), Err(StoredError::Invalid(_))));
}

#[test]
fn the_respondents_page_reads_and_writes_only_invitations_and_responses() {
    let fw = store(vec![coded(100, 1_200)]);
    let records = fieldwork_records(&fw).puts;
    let survey = read_survey(&records).unwrap();
    assert!(survey.kits.is_empty() && survey.observations.observations.is_empty());
    assert_eq!(survey.invitations, fw.invitations);
    let mut after = survey.clone();
    after
        .responses
        .push(crate::domain::instrument::score::filled(
            "interpersonal-intelligence",
            id(7),
            id(8),
            id(9),
            None,
            3000,
            |_, _| Some(4),
        ));
    assert_eq!(keys(&survey_changes(&survey, &after).puts), [RESPONSES_KEY]);
    assert!(survey_changes(&after, &after).is_empty());
}

#[test]
fn the_mediators_page_reads_and_writes_only_kits_and_observations() {
    let s = crate::domain::sample::sample_campaign(
        7,
        crate::domain::campaign::tests::at(0),
        crate::domain::lang::Lang::En,
    );
    let (fw, _) = Fieldwork::default().import(&s.kits, &s.observations);
    let (fw, _) = fw.add_invitations(&s.invitations);
    let fw = fw.keep_submitted(&s.responses);
    assert!(!fw.invitations.is_empty() && !fw.responses.is_empty());
    let mut records = fieldwork_records(&fw).puts;
    let observing = read_observing(&records).unwrap();
    assert_eq!(observing.kits, fw.kits);
    assert_eq!(observing.observations, fw.observations);
    assert!(observing.invitations.is_empty() && observing.responses.is_empty());
    // The lists it does not hold are left unread: a damaged one is the recruiter's to see.
    for (k, v) in records.iter_mut() {
        if k == INVITATIONS_KEY {
            *v = "not json".into();
        }
    }
    assert_eq!(read_observing(&records).unwrap(), observing);
    assert!(matches!(
        read_fieldwork(&records),
        Err(StoredError::Damaged(_))
    ));
    // Its writes: the same kit and observation records as the whole store's, nothing else.
    let mut after = observing.clone();
    after.kits.retain(|k| k.id != fw.kits[0].id);
    let mut whole = fw.clone();
    whole.kits = after.kits.clone();
    assert_eq!(
        keys(&observing_changes(&observing, &after).puts),
        [KITS_KEY]
    );
    assert_eq!(
        observing_changes(&observing, &after),
        fieldwork_changes(&fw, &whole)
    );
    // From nothing (a store moved from an older copy): kits and observations only.
    let all = observing_changes(&Fieldwork::default(), &fw);
    assert!(all
        .puts
        .iter()
        .all(|(k, _)| k == KITS_KEY || k.starts_with(OBSERVATION_PREFIX)));
    let back: Vec<(String, String)> = all.puts;
    assert_eq!(read_observing(&back).unwrap(), observing);
}

/// Applies written records to a stored map, as the database does.
fn apply(stored: &mut BTreeMap<String, String>, records: Records) {
    for k in records.deletes {
        stored.remove(&k);
    }
    stored.extend(records.puts);
}

#[test]
fn a_large_store_round_trips_and_a_coded_event_writes_two_records() {
    use crate::domain::lang::Lang;
    use crate::domain::sample::sample_campaign;
    use crate::domain::workspace::Workspace;
    // Three sample campaigns (kits, observations, invitations, answers), a long observation
    // and one received in two diverging versions.
    let now = t(0);
    let (mut ws, mut fw) = (Workspace::default(), Fieldwork::default());
    for seed in 1..=3 {
        (ws, fw) = sample_campaign(seed, now, Lang::En)
            .add_to(&ws, &fw, now)
            .unwrap();
    }
    let long = coded(100, 4_321);
    let mut fork = coded(200, 3);
    let base = fork.clone();
    fork.synthesis = "a diverging copy".into();
    let conflicts = fw.observations.conflicts.len();
    let (fw, _) = fw.import(&[], &[long, base, fork]);
    assert_eq!(fw.observations.conflicts.len(), conflicts + 1);
    let records = fieldwork_records(&fw);
    let back = read_fieldwork(&records.puts).unwrap();
    assert_eq!(back, fw);
    assert!(fieldwork_changes(&back, &fw).is_empty());

    // One event coded in the loaded store: its header and its last chunk, nothing else.
    let code = default_scheme().codes[2].id.clone();
    let next = back
        .observe(id(100), &add(Some(Actor::Ceo), &code, 77_777), t(9_000_000))
        .unwrap();
    let changes = fieldwork_changes(&back, &next);
    let key = id(100).to_string();
    assert_eq!(
        keys(&changes.puts),
        [format!("obs/{key}"), format!("obs/{key}#00004")]
    );
    let mut stored: BTreeMap<String, String> = records.puts.into_iter().collect();
    apply(&mut stored, changes);
    let stored: Vec<(String, String)> = stored.into_iter().collect();
    assert_eq!(read_fieldwork(&stored).unwrap(), next);
}

proptest::proptest! {
    // Each case serialises whole stores of a few thousand events, many times.
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]

    /// Whatever the coding actions, writing the changes of each one to the stored records
    /// gives the records of the new store, and appending an event writes two records.
    #[test]
    fn the_records_follow_every_change(sizes in proptest::collection::vec(0u64..1_600, 1..4), steps in proptest::collection::vec((0usize..4, 0u8..6, 0u64..3_000_000), 1..25)) {
        let mut fw = store(sizes.iter().enumerate().map(|(k, n)| coded(100 + k as u128, *n)).collect());
        let mut stored: BTreeMap<String, String> = fieldwork_records(&fw).puts.into_iter().collect();
        let code = default_scheme().codes[0].id.clone();
        for (k, (which, kind, at)) in steps.into_iter().enumerate() {
            let obs = id(100 + (which % sizes.len()) as u128);
            let n = 50_000 + k as u128;
            let action = match kind {
                0 => insert(n, Some(Actor::Candidate), &code, at),
                1 => ObservationAction::UndoLastEvent,
                2 => ObservationAction::AddNote { id: id(n), text: "a note".into(), at_ms: Some(at) },
                _ => add(Some(Actor::Ceo), &code, n),
            };
            let Ok(next) = fw.observe(obs, &action, t(5_000_000 + k as i64 * 1_000)) else {
                continue;
            };
            let changes = fieldwork_changes(&fw, &next);
            if kind >= 3 {
                proptest::prop_assert_eq!(changes.puts.len(), 2, "{:?}", keys(&changes.puts));
            }
            apply(&mut stored, changes);
            fw = next;
            if k % 6 == 5 {
                let whole: BTreeMap<String, String> = fieldwork_records(&fw).puts.into_iter().collect();
                proptest::prop_assert_eq!(&stored, &whole);
            }
        }
        let whole: BTreeMap<String, String> = fieldwork_records(&fw).puts.into_iter().collect();
        proptest::prop_assert_eq!(&stored, &whole);
    }
}
