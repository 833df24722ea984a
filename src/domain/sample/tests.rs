use super::*;
use crate::domain::assessment::gaps::Quadrant;
use crate::domain::assessment::profile::{profile_flags, ProfileFlag};
use crate::domain::assessment::results::candidate_results;
use crate::domain::campaign::tests::sample as plain_campaign;
use crate::domain::fieldwork::check_observation;
use crate::domain::file::{read_document, Document, CURRENT_VERSION, FORMAT_NAME};
use crate::domain::instrument::definition::{DebriefSide, Form};
use crate::domain::instrument::score::score;
use crate::domain::observation::agreement::{agreement, AgreementParams};
use crate::domain::observation::indices::session_indices;
use crate::domain::observation::scheme::{Actor, Tag};
use crate::domain::role::SupportAxis;
use crate::domain::survey::invitation::instrument_of;
use crate::domain::survey::refusal;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn now() -> DateTime<Utc> {
    // 2026-05-28 20:26:40 UTC
    DateTime::from_timestamp(1_780_000_000, 0).unwrap()
}

/// The sample of seed 1, drawn once for the tests that only read it.
fn one() -> &'static SampleData {
    static ONE: OnceLock<SampleData> = OnceLock::new();
    ONE.get_or_init(|| sample_campaign(1, now(), Lang::Fr))
}

fn document(s: &SampleData) -> Document {
    Document {
        format: FORMAT_NAME.into(),
        format_version: CURRENT_VERSION,
        exported_at: now(),
        app_version: "test".into(),
        campaigns: vec![s.campaign.clone()],
        roles: Vec::new(),
        kits: s.kits.clone(),
        observations: s.observations.clone(),
        invitations: s.invitations.clone(),
        responses: s.responses.clone(),
        scores: Vec::new(),
    }
}

/// Every string of a JSON value that reads as a UUID.
fn uuids(v: &serde_json::Value, out: &mut BTreeSet<Uuid>) {
    match v {
        serde_json::Value::String(s) => {
            if let Ok(id) = Uuid::parse_str(s) {
                out.insert(id);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| uuids(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| uuids(x, out)),
        _ => {}
    }
}

fn all_ids(s: &SampleData) -> BTreeSet<Uuid> {
    let mut out = BTreeSet::new();
    uuids(&serde_json::to_value(document(s)).unwrap(), &mut out);
    out
}

/// (candidate, session, mediator) positions of an observation in the campaign.
fn place(s: &SampleData, o: &Observation) -> (usize, usize, usize) {
    let c = &s.campaign;
    (
        c.candidates
            .iter()
            .position(|x| Some(x.id) == o.candidate_id)
            .unwrap(),
        c.sessions
            .iter()
            .position(|x| x.id == o.session_id)
            .unwrap(),
        c.mediators
            .iter()
            .position(|x| x.id == o.mediator_id)
            .unwrap(),
    )
}

/// The observations of candidate `c` in session `s`, one per mediator (the first version).
fn coded(s: &SampleData, c: usize, session: usize) -> Vec<&Observation> {
    let mut out: Vec<&Observation> = Vec::new();
    for o in &s.observations {
        let (oc, os, _) = place(s, o);
        if (oc, os) == (c, session) && !out.iter().any(|x| x.id == o.id) {
            out.push(o);
        }
    }
    out
}

/// The mean over the mediators of an index rate per 10 minutes, both actors or one.
fn rate(s: &SampleData, c: usize, session: usize, tag: Tag, actors: &[Actor]) -> f64 {
    let obs = coded(s, c, session);
    let per: Vec<f64> = obs
        .iter()
        .map(|o| {
            let ix = session_indices(o, default_scheme(), now());
            let sum: f64 = actors
                .iter()
                .map(|a| ix.whole.rate(tag, *a).per_10_min().unwrap())
                .sum();
            sum / actors.len() as f64
        })
        .collect();
    per.iter().sum::<f64>() / per.len() as f64
}

fn mean_rating(s: &SampleData, c: usize, session: usize, dimension: Option<&str>) -> f64 {
    let levels: Vec<f64> = coded(s, c, session)
        .iter()
        .flat_map(|o| o.ratings.iter())
        .filter(|r| dimension.is_none_or(|d| r.dimension == d))
        .map(|r| f64::from(r.level))
        .collect();
    levels.iter().sum::<f64>() / levels.len() as f64
}

/// How far apart the leader's and the candidate's debriefs of one session are: the mean
/// absolute difference of their facet scores, in POMP points.
fn debrief_gap(s: &SampleData, c: usize, session: usize) -> f64 {
    let candidate = s.campaign.candidates[c].id;
    let session = s.campaign.sessions[session].id;
    let side = |form: Form| {
        let r = s
            .responses
            .iter()
            .find(|r| {
                r.session_id == Some(session)
                    && (r.subject_id == Some(candidate) || r.respondent_id == candidate)
                    && instrument_of(r).unwrap().form == form
            })
            .unwrap();
        score(instrument_of(r).unwrap(), r).unwrap()
    };
    let leader = side(Form::Debrief(DebriefSide::Leader));
    let own = side(Form::Debrief(DebriefSide::Candidate));
    let gaps: Vec<f64> = leader
        .facets
        .iter()
        .map(|f| (f.pomp().unwrap() - own.facet(&f.facet).unwrap().pomp().unwrap()).abs())
        .collect();
    gaps.iter().sum::<f64>() / gaps.len() as f64
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_identifiers() {
    let start = std::time::Instant::now();
    let a = sample_campaign(42, now(), Lang::Fr);
    eprintln!(
        "sample campaign generated in {:.1} ms (debug build)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let again = sample_campaign(42, now(), Lang::Fr);
    assert_eq!(document(&a).to_json(), document(&again).to_json());
    let other = sample_campaign(43, now(), Lang::Fr);
    assert_ne!(document(&a).to_json(), document(&other).to_json());
    let (ids_a, ids_other) = (all_ids(&a), all_ids(&other));
    assert!(ids_a.len() > 9_000, "{} identifiers", ids_a.len());
    assert!(ids_a.is_disjoint(&ids_other));
    // The language changes the words, not the identifiers or the numbers.
    let english = sample_campaign(42, now(), Lang::En);
    assert_eq!(all_ids(&english), ids_a);
    assert_ne!(english.campaign.name, a.campaign.name);
    assert_eq!(english.observations[3].events, a.observations[3].events);
}

#[test]
fn the_whole_sample_reads_back_as_a_rally_file() {
    for lang in Lang::ALL {
        let s = sample_campaign(7, now(), lang);
        let doc = document(&s);
        let json = doc.to_json();
        eprintln!("{lang:?}: {} bytes of JSON", json.len());
        assert!(json.len() < 3 * 1024 * 1024, "{} bytes", json.len());
        let read = read_document(json.as_bytes()).expect("the sample is a valid file");
        assert_eq!(read, doc);
    }
}

#[test]
fn every_observation_passes_every_check_and_is_rated_in_full() {
    let s = one();
    let bars = default_bars();
    for o in &s.observations {
        assert_eq!(check_observation(o), Ok(()));
        assert!(o.is_submitted());
        assert_eq!(o.campaign_id, s.campaign.id);
        assert_eq!(o.candidate_id.map(|_| ()), Some(()));
        assert!(o.unrated_dimensions(bars).is_empty());
        assert!(o.ratings.iter().filter(|r| !r.evidence.is_empty()).count() >= 4);
        assert!(o.ratings.iter().all(|r| !r.comment.is_empty()));
        assert!(!o.synthesis.is_empty());
        assert!(!o.notes.is_empty());
        assert!(
            (300..=1_000).contains(&o.events.len()),
            "{} events",
            o.events.len()
        );
        let length = o.length_ms(now());
        assert!((45 * 60_000..=76 * 60_000).contains(&length), "{length} ms");
        let count = |code: &str| o.events.iter().filter(|e| e.code == code).count();
        assert_eq!(count("moment"), 4);
        assert!(count("silence") >= 3);
        for code in ["builds_on", "reformulates", "asks_why", "proposes"] {
            assert!(count(code) > 0, "no {code}");
        }
        assert!(o
            .events
            .iter()
            .filter(|e| e.code == "silence")
            .all(|e| e.duration_ms.is_some_and(|d| d >= 2_000)));
    }
}

#[test]
fn every_response_is_accepted_scored_and_unflagged() {
    let s = one();
    let campaigns = [s.campaign.clone()];
    for r in &s.responses {
        assert_eq!(refusal(&campaigns, r), None, "{}", r.instrument_id);
        let instrument = instrument_of(r).unwrap();
        let report = score(instrument, r).unwrap();
        assert!(report.facets.iter().all(|f| f.pomp().is_some()));
        assert!(report.quality.raised().is_empty(), "{}", r.instrument_id);
        assert!(r.started_at < r.submitted_at && r.submitted_at < now());
        let inv = s
            .invitations
            .iter()
            .find(|i| Some(i.id) == r.invitation_id)
            .unwrap();
        assert_eq!(inv.respondent.id, r.respondent_id);
        assert!(inv.issued_at <= r.started_at);
    }
    for inv in &s.invitations {
        assert_eq!(inv.check(), Ok(()));
    }
}

#[test]
fn the_sample_holds_what_it_promises() {
    let s = one();
    let c = &s.campaign;
    assert!(c.sample);
    assert_eq!(c.check(), Ok(()));
    assert_eq!((c.candidates.len(), c.mediators.len()), (2, 2));
    assert_eq!(c.sessions.len(), 4);
    assert!(c
        .sessions
        .iter()
        .all(|x| x.date.unwrap() < now().date_naive()));
    assert!(c
        .sessions
        .iter()
        .all(|x| !x.place.is_empty() && !x.topic.is_empty()));
    assert_eq!(c.instruments, InstrumentId::ALL.to_vec());
    assert_eq!(s.kits.len(), 2);
    assert!(s.kits.iter().all(|k| k.check().is_ok()));
    // 4 sessions × 2 candidates × 2 mediators, but B's third session was coded by one
    // mediator only, and B's fourth arrived in two versions from the first mediator.
    assert_eq!(s.observations.len(), 16);
    let distinct: BTreeSet<Uuid> = s.observations.iter().map(|o| o.id).collect();
    assert_eq!(distinct.len(), 15);
    assert_eq!(coded(s, 1, 2).len(), 1);
    let (fw, _) = Fieldwork::default().import(&s.kits, &s.observations);
    assert_eq!(fw.observations.observations.len(), 14);
    assert_eq!(fw.observations.conflicts.len(), 1);
    let conflict = &fw.observations.conflicts[0];
    assert_eq!(place(s, &conflict.versions[0]), (1, 3, 0));
    // Invitations: 2 self-assessments, 3 observers × 2 candidates, 2 debriefs × 4 sessions ×
    // 2 candidates.
    assert_eq!(s.invitations.len(), 2 + 6 + 16);
    let forms = |form: Form| {
        s.responses
            .iter()
            .filter(|r| instrument_of(r).unwrap().form == form)
            .count()
    };
    assert_eq!(forms(Form::SelfReport), 2 * 5);
    assert_eq!(forms(Form::Observer), 3 * 2 * 3);
    assert_eq!(forms(Form::Debrief(DebriefSide::Leader)), 8);
    assert_eq!(forms(Form::Debrief(DebriefSide::Candidate)), 8);
    for (ci, cand) in c.candidates.iter().enumerate() {
        for session in &c.sessions {
            let debriefs: Vec<&Response> = s
                .responses
                .iter()
                .filter(|r| r.session_id == Some(session.id))
                .filter(|r| r.respondent_id == cand.id || r.subject_id == Some(cand.id))
                .collect();
            assert_eq!(debriefs.len(), 2, "candidate {ci}");
        }
    }
    let open = s
        .responses
        .iter()
        .filter(|r| r.open_answer.is_some())
        .count();
    assert!((10..16).contains(&open), "{open} free-text answers");
    assert_eq!(c.decisions.len(), 1);
    assert_eq!(c.clock_offsets.len(), 1);
    assert!(
        c.version_choices.is_empty(),
        "the conflict is left to choose"
    );
    assert!(c.updated_at < now() && c.revision == 3);
}

#[test]
fn the_second_mediator_starts_late_and_markers_line_the_clocks_up() {
    let s = one();
    let (scheme, bars) = (default_scheme(), default_bars());
    let mut better = 0;
    let mut sessions = 0;
    for c in 0..2 {
        for session in 0..4 {
            let obs = coded(s, c, session);
            if obs.len() < 2 {
                continue;
            }
            sessions += 1;
            let late = obs[1].clock.started_at.unwrap() - obs[0].clock.started_at.unwrap();
            assert!((3_000..=8_000).contains(&late.num_milliseconds()));
            let markers = |o: &Observation| -> Vec<u64> {
                o.events
                    .iter()
                    .filter(|e| e.code == "moment")
                    .map(|e| e.at_ms)
                    .collect()
            };
            let (first, second) = (markers(obs[0]), markers(obs[1]));
            // The same four moments, each a few seconds earlier on the late clock.
            for (x, y) in first.iter().zip(&second) {
                let d = *x as i64 - *y as i64;
                assert!((1_500..=9_000).contains(&d), "{d} ms");
            }
            let offset = first[0] as i64 - second[0] as i64;
            let mut aligned = obs[1].clone();
            for e in aligned.events.iter_mut() {
                e.at_ms = (e.at_ms as i64 + offset) as u64;
            }
            let p = AgreementParams::default();
            let raw = agreement(&obs, scheme, bars, &p).unwrap();
            let lined = agreement(&[obs[0], &aligned], scheme, bars, &p).unwrap();
            let (raw, lined) = (raw.acts.value.unwrap(), lined.acts.value.unwrap());
            eprintln!("c{c} s{session}: acts alpha {raw:.3} as coded, {lined:.3} aligned");
            assert!(lined >= 0.667, "{lined}");
            if lined > raw {
                better += 1;
            }
        }
    }
    assert_eq!(sessions, 7);
    assert_eq!(better, sessions);
    // A's first session: the offset accepted from the first marker.
    let offset = &s.campaign.clock_offsets[0];
    let late = s
        .observations
        .iter()
        .find(|o| o.id == offset.observation_id)
        .unwrap();
    assert_eq!(place(s, late), (0, 0, 1));
    assert!((1_500..=9_000).contains(&offset.offset_ms));
}

fn check_stories(s: &SampleData) {
    let both = [Actor::Ceo, Actor::Candidate];
    // A: build-on both ways rises, interruptions fall, ratings 3 → 4, debriefs converge.
    assert!(rate(s, 0, 3, Tag::BuildsOn, &both) > 2.0 * rate(s, 0, 0, Tag::BuildsOn, &both));
    for a in both {
        assert!(rate(s, 0, 3, Tag::BuildsOn, &[a]) > rate(s, 0, 0, Tag::BuildsOn, &[a]));
    }
    assert!(rate(s, 0, 3, Tag::Interrupts, &both) < rate(s, 0, 0, Tag::Interrupts, &both));
    let (first, last) = (mean_rating(s, 0, 0, None), mean_rating(s, 0, 3, None));
    assert!(first < 3.5 && last >= 3.9, "{first} → {last}");
    assert!(debrief_gap(s, 0, 3) + 10.0 < debrief_gap(s, 0, 0));
    // B: interruptions and talking over rise, build-on and role respect fall, debriefs part.
    let cand = [Actor::Candidate];
    let interrupts: Vec<f64> = (0..4)
        .map(|k| rate(s, 1, k, Tag::Interrupts, &cand))
        .collect();
    assert!(interrupts.windows(2).all(|w| w[0] < w[1]), "{interrupts:?}");
    assert!(rate(s, 1, 3, Tag::TalksOver, &cand) > rate(s, 1, 0, Tag::TalksOver, &cand));
    assert!(rate(s, 1, 3, Tag::BuildsOn, &both) < rate(s, 1, 0, Tag::BuildsOn, &both));
    let respect = |k| mean_rating(s, 1, k, Some("role_respect"));
    assert!(
        respect(0) >= 3.5 && respect(3) <= 2.5,
        "{} → {}",
        respect(0),
        respect(3)
    );
    assert!(mean_rating(s, 1, 0, None) > mean_rating(s, 1, 3, None) + 1.0);
    assert!(debrief_gap(s, 1, 0) < 15.0);
    assert!(debrief_gap(s, 1, 2) > 30.0 && debrief_gap(s, 1, 3) > 40.0);
    // Self versus observers: A has a hidden strength and no blind spot; B one blind spot.
    let fw = Fieldwork {
        responses: s.responses.clone().into(),
        ..Fieldwork::default()
    };
    let current = fw.current_responses(s.campaign.id);
    let quadrants = |c: usize| -> Vec<(String, Quadrant)> {
        candidate_results(&s.campaign, &current, s.campaign.candidates[c].id)
            .constructs
            .iter()
            .flat_map(|k| k.gaps.iter().map(|g| (g.facet.clone(), g.quadrant)))
            .collect()
    };
    let (a, b) = (quadrants(0), quadrants(1));
    assert_eq!(a.len(), 15);
    let blind = |q: &[(String, Quadrant)]| -> Vec<String> {
        q.iter()
            .filter(|(_, x)| *x == Quadrant::BlindSpot)
            .map(|(f, _)| f.clone())
            .collect()
    };
    assert!(blind(&a).is_empty(), "{a:?}");
    assert_eq!(blind(&b), ["collaboration"], "{b:?}");
    assert!(a.contains(&("collaboration".into(), Quadrant::HiddenStrength)));
    // The profile: A balanced, B "an expert, but too much" in finance.
    let flags = |c: usize| {
        let r = candidate_results(&s.campaign, &current, s.campaign.candidates[c].id);
        profile_flags(&r.profile.unwrap().unwrap())
    };
    assert!(flags(0).is_empty(), "{:?}", flags(0));
    let b = flags(1);
    assert!(
        b.contains(&ProfileFlag::AboveBand(SupportAxis::Finance)),
        "{b:?}"
    );
    assert!(
        b.contains(&ProfileFlag::LeansTo(SupportAxis::Finance)),
        "{b:?}"
    );
}

#[test]
fn the_two_candidates_tell_their_stories() {
    check_stories(one());
}

#[test]
fn the_stories_hold_whatever_the_seed() {
    for seed in [0, 2, 3, 1_000, u64::MAX] {
        let s = sample_campaign(seed, now(), Lang::En);
        check_stories(&s);
        for o in &s.observations {
            assert_eq!(check_observation(o), Ok(()), "seed {seed}");
        }
        let campaigns = [s.campaign.clone()];
        for r in &s.responses {
            assert_eq!(refusal(&campaigns, r), None, "seed {seed}");
            let report = score(instrument_of(r).unwrap(), r).unwrap();
            assert!(report.quality.raised().is_empty(), "seed {seed}");
        }
    }
}

#[test]
fn everything_is_dated_before_now() {
    let s = one();
    let c = &s.campaign;
    assert!(c.created_at < c.updated_at && c.updated_at < now());
    assert!(s.kits.iter().all(|k| k.issued_at
        < c.sessions[0]
            .date
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()));
    for o in &s.observations {
        let day = c
            .sessions
            .iter()
            .find(|x| x.id == o.session_id)
            .unwrap()
            .date
            .unwrap();
        let started = o.clock.started_at.unwrap();
        assert_eq!(started.date_naive(), day);
        assert!(o.created_at < started && o.submitted_at.unwrap() < now());
    }
    assert!(s
        .invitations
        .iter()
        .all(|i| i.issued_at < now() && i.keep_until > now().date_naive()));
    assert!(c.decisions.iter().all(|d| d.recorded_at < now()));
}

#[test]
fn the_sample_is_added_in_one_step_and_removed_in_one_click() {
    let s = one();
    let mine = plain_campaign();
    let ws = Workspace {
        campaigns: vec![mine.clone()],
        roles: Vec::new(),
    };
    let fw = Fieldwork::default();
    let (with, fw_with) = s.add_to(&ws, &fw, now()).unwrap();
    assert_eq!(with.campaigns.len(), 2);
    assert_eq!(fw_with.kits.len(), 2);
    assert_eq!(fw_with.observations.versions().count(), 16);
    assert_eq!(fw_with.invitations.len(), 24);
    assert_eq!(fw_with.responses.len(), s.responses.len());
    assert_eq!(
        s.add_to(&with, &fw_with, now()),
        Err(ActionError::CampaignExists)
    );
    // Removing the sample leaves the recruiter's own data exactly as it was.
    let (ws_after, fw_after) = remove_samples(&with, &fw_with, now());
    assert_eq!(ws_after, ws);
    assert_eq!(fw_after, fw);
    // Two samples, and work of one's own in the store: only the samples go.
    let other = sample_campaign(9, now(), Lang::En);
    let (with, fw_with) = other.add_to(&with, &fw_with, now()).unwrap();
    let own = Kit::for_mediator(
        &mine,
        mine.mediators[0].id,
        default_scheme(),
        Uuid::from_u128(77),
        now(),
    )
    .unwrap();
    let (fw_with, _) = fw_with.import(std::slice::from_ref(&own), &[]);
    let (ws_after, fw_after) = remove_samples(&with, &fw_with, now());
    assert_eq!(ws_after, ws);
    assert_eq!(*fw_after.kits, vec![own]);
    assert_eq!(fw_after.observations.versions().count(), 0);
    assert!(fw_after.responses.is_empty() && fw_after.invitations.is_empty());
}

/// The stories and the checks over a hundred more seeds: `cargo test --release --lib
/// many_seeds -- --ignored` (500 seeds passed when the stories were tuned).
#[test]
#[ignore]
fn many_seeds() {
    let mut failed = Vec::new();
    for seed in 100..200u64 {
        let r = std::panic::catch_unwind(|| {
            let s = sample_campaign(seed, now(), Lang::Fr);
            check_stories(&s);
            let campaigns = [s.campaign.clone()];
            for o in &s.observations {
                assert_eq!(check_observation(o), Ok(()));
                assert!(o
                    .events
                    .iter()
                    .filter(|e| e.code == "silence")
                    .all(|e| e.duration_ms.is_some_and(|d| d >= 2_000)));
            }
            for r in &s.responses {
                assert_eq!(refusal(&campaigns, r), None);
                assert!(score(instrument_of(r).unwrap(), r)
                    .unwrap()
                    .quality
                    .raised()
                    .is_empty());
            }
        });
        if r.is_err() {
            failed.push(seed);
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
