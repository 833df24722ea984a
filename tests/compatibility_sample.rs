//! The compatibility picture of the sample campaign: its two stories read as told (candidate A's
//! rally improves, B's degrades), and a golden snapshot in plain words of both pictures
//! (`tests/fixtures/sample-picture.txt`, English). After a deliberate change, rewrite the
//! snapshot with `RALLY_BLESS=1 cargo test --test compatibility_sample` and review its diff.

use chrono::{DateTime, Utc};
use rally::domain::compatibility::{
    compare, comparison_csv, picture, Part, PartGroup, Picture, Point, SessionNote, Trend,
};
use rally::domain::fieldwork::Fieldwork;
use rally::domain::i18n::compatibility as text;
use rally::domain::lang::Lang;
use rally::domain::sample::sample_campaign;
use rally::domain::workspace::Workspace;
use std::fmt::Write;

const SEED: u64 = 2026;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-03T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn loaded() -> (rally::domain::campaign::Campaign, Fieldwork) {
    let sample = sample_campaign(SEED, now(), Lang::En);
    let (ws, fw) = sample
        .add_to(&Workspace::default(), &Fieldwork::default(), now())
        .expect("the sample goes in");
    (ws.campaigns[0].clone(), fw)
}

/// A picture in plain words: sessions (what counted, agreement, gap, notes), every part with
/// its values and trend reading, the summaries, the convergence, the points and caveats.
fn describe(out: &mut String, c: &rally::domain::campaign::Campaign, name: &str, p: &Picture) {
    let lang = Lang::En;
    writeln!(out, "# {name}").unwrap();
    for s in &p.sessions {
        let gap = s.mean_gap.map_or("—".to_owned(), |g| {
            format!("{g:.2} over {} facets", s.facets_compared)
        });
        writeln!(
            out,
            "session {}: {} observation(s) counted (offsets {:?}); mean debrief gap {gap}",
            s.session.number,
            s.observations.len(),
            s.observations
                .iter()
                .map(|o| o.offset_ms)
                .collect::<Vec<_>>()
        )
        .unwrap();
        writeln!(out, "  {}", text::agreement(lang, &s.agreement)).unwrap();
        for n in &s.notes {
            writeln!(out, "  note: {}", text::session_note(lang, c, n)).unwrap();
        }
    }
    for series in &p.parts {
        let values: Vec<String> = series
            .values
            .iter()
            .map(|v| v.map_or("—".to_owned(), |v| format!("{v:.2}")))
            .collect();
        writeln!(
            out,
            "{} [{}] — {}",
            text::part_name(lang, &series.part),
            values.join(", "),
            text::trend_reading(lang, series.part.scale(), &series.reading)
        )
        .unwrap();
    }
    for s in &p.summaries {
        writeln!(
            out,
            "{}: {}",
            text::group(lang, s.group),
            text::summary(lang, s)
        )
        .unwrap();
    }
    writeln!(out, "{}", text::convergence(lang, p.convergence())).unwrap();
    for point in &p.points {
        writeln!(out, "point: {}", text::point(lang, c, point)).unwrap();
    }
    for caveat in &p.provenance.caveats {
        writeln!(out, "caveat: {}", text::caveat(lang, caveat)).unwrap();
    }
    writeln!(out).unwrap();
}

#[test]
fn the_sample_tells_its_two_stories() {
    let (c, fw) = loaded();
    let a = picture(&c, &fw, c.candidates[0].id).unwrap();
    let b = picture(&c, &fw, c.candidates[1].id).unwrap();
    assert_eq!(a.sessions.len(), 4);
    // A: the mediators' ratings rise, the debriefs come closer; every session has both
    // mediators and both debriefs.
    let ratings = a.summary(PartGroup::Ratings).unwrap();
    assert!(ratings.rising > ratings.falling, "{ratings:?}");
    assert!(a.convergence().is_falling(), "{:?}", a.convergence());
    assert!(a.sessions.iter().all(|s| s.observations.len() == 2));
    // A, session 1: the offset accepted from a marker is applied.
    assert!(a.sessions[0].observations.iter().any(|o| o.offset_ms != 0));
    // B: respect of the other's role falls, the debriefs drift apart.
    let role = b.series(&Part::Rating("role_respect".into())).unwrap();
    assert!(role.reading.trend.is_falling(), "{role:?}");
    assert!(b.points.contains(&Point::Falling {
        part: Part::Rating("role_respect".into()),
        consistent: matches!(role.reading.trend, Trend::Falling { consistent: true }),
    }));
    assert!(b.convergence().is_rising(), "{:?}", b.convergence());
    // B, session 3: one mediator only; session 4: two versions, none chosen.
    assert!(b.sessions[2].notes.contains(&SessionNote::OneMediator));
    assert!(b.sessions[3]
        .notes
        .iter()
        .any(|n| matches!(n, SessionNote::VersionsNotChosen { versions: 2, .. })));
    // B's blind spot and unbalanced profile are points to discuss, as context.
    assert!(b.points.iter().any(|p| matches!(p, Point::BlindSpot(_))));
    assert!(b
        .points
        .iter()
        .any(|p| matches!(p, Point::UnbalancedProfile(_))));
    // The comparison of the two: A first when sorted by the convergence (lower gap), as a CSV.
    let ids = [c.candidates[1].id, c.candidates[0].id];
    let cmp = compare(&c, &fw, &ids).unwrap().sorted_by(
        &rally::domain::compatibility::SortKey::Part(Part::Convergence),
        false,
    );
    assert_eq!(cmp.columns[0].candidate, c.candidates[0].id);
    let csv = comparison_csv(&cmp, Lang::En);
    assert_eq!(csv.matches("\r\n").count(), 1 + 2 * cmp.parts.len());
}

#[test]
fn the_sample_pictures_match_the_golden_snapshot() {
    let (c, fw) = loaded();
    let mut out = String::new();
    for person in &c.candidates {
        let p = picture(&c, &fw, person.id).unwrap();
        describe(&mut out, &c, &person.name, &p);
    }
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-picture.txt");
    if std::env::var_os("RALLY_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&path)
        .expect("tests/fixtures/sample-picture.txt (write it with RALLY_BLESS=1)");
    if golden != out {
        let first = golden
            .lines()
            .zip(out.lines())
            .position(|(g, o)| g != o)
            .unwrap_or(golden.lines().count().min(out.lines().count()));
        panic!(
            "the sample's pictures changed at line {}:\n  golden: {:?}\n  now:    {:?}\n(review, then RALLY_BLESS=1 to accept)",
            first + 1,
            golden.lines().nth(first),
            out.lines().nth(first)
        );
    }
}
