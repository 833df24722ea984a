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
    let back = read_fieldwork(&records.puts, t(0)).unwrap();
    assert_eq!(back, fw);
}

#[test]
fn coding_one_event_rewrites_one_chunk() {
    let before = store(vec![coded(100, 2_500), coded(200, 10)]);
    let mut after = before.clone();
    let o = &mut after.observations.observations[0];
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
    assert_eq!(read_fieldwork(&records, t(0)).unwrap(), after);
}

#[test]
fn an_event_inserted_early_rewrites_the_chunks_from_there() {
    let before = store(vec![coded(100, 2_500)]);
    let mut after = before.clone();
    let code = default_scheme().codes[0].id.clone();
    after.observations.observations[0]
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
        read_fieldwork(&without, t(0)),
        Err(StoredError::Damaged(key.clone()))
    );
    // Not JSON.
    records.push((KITS_KEY.into(), "{".into()));
    assert!(matches!(
        read_fieldwork(&records, t(0)),
        Err(StoredError::Damaged(_))
    ));
    // JSON, but an observation the checks refuse (an event with an unknown code).
    let mut bad = fieldwork_records(&fw).puts;
    let chunk = bad.iter_mut().find(|(k, _)| k.ends_with("#00000")).unwrap();
    let code = &default_scheme().codes[0].id;
    chunk.1 = chunk.1.replace(&format!("\"{code}\""), "\"no-such-code\"");
    assert!(matches!(
        read_fieldwork(&bad, t(0)),
        Err(StoredError::Invalid(_))
    ));
}

#[test]
fn the_respondents_page_reads_and_writes_only_invitations_and_responses() {
    let fw = store(vec![coded(100, 1_200)]);
    let records = fieldwork_records(&fw).puts;
    let survey = read_survey(&records).unwrap();
    assert!(survey.kits.is_empty() && survey.observations.observations.is_empty());
    assert_eq!(survey.invitations, fw.invitations);
    let mut after = survey.clone();
    after.responses.push(crate::domain::instrument::score::filled(
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
