//! Self-assessment results for spreadsheets and statistics software: one [`ScoreRow`] per
//! response and facet (plus one per response for the scale score), written as the **scores**
//! CSV, and one row per response and item as the **answers** CSV. Columns, encoding and number
//! format are documented in `docs/file-format.md` ("CSV exports").
//!
//! Both files follow the CSV export of coded events (`observation::csv`): UTF-8 with a
//! byte-order mark, comma-separated, RFC 4180 quoting, CRLF line ends, and a leading apostrophe
//! on any text a spreadsheet would run as a formula. Only the column titles and the facet names
//! change with the language: codes (`candidate`, `scored`, `+`, `too_fast`…) and numbers (dot
//! decimal mark, no thousands separator) are the same in French and English, so two exports of
//! the same campaign can be stacked and read by the same script.
//!
//! A response is exported when it belongs to the campaign and the import would still take it
//! in (see [`refusal`]): its instrument text is known, its answers fit, and its respondent (and
//! the candidate an observer form is about) are still people of the campaign. Anything else is
//! left out, as it is left out of the results page.

pub mod columns;

use crate::domain::campaign::Campaign;
use crate::domain::instrument::builtin::builtin;
use crate::domain::instrument::definition::{Instrument, Keyed, Pole};
use crate::domain::instrument::quality::Flag;
use crate::domain::instrument::score::{score, FacetResult, Response, ScoreReport};
use crate::domain::lang::Lang;
use crate::domain::observation::csv::push_row;
use crate::domain::sorting;
use crate::domain::survey::invitation::{instrument_of, respondent};
use crate::domain::survey::refusal;
use crate::domain::survey::RespondentKind;
pub use crate::domain::text::decimal;
use crate::domain::timefmt::write_utc;
use chrono::{DateTime, Utc};
use columns::{answers_header, scores_header, Ex};
use serde::Serialize;
use std::cmp::Ordering;
use uuid::Uuid;

/// The `facet` of the row that carries a response's scale score.
pub const SCALE_FACET: &str = "_scale";
/// Decimals written for means (on the 1–points scale).
pub const MEAN_DECIMALS: u32 = 4;
/// Decimals written for POMP values (pomp, poles, holding, lean).
pub const POMP_DECIMALS: u32 = 2;

/// Whether a facet (or the scale) got a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreStatus {
    Scored,
    NotScored,
}

impl ScoreStatus {
    pub fn code(self) -> &'static str {
        match self {
            ScoreStatus::Scored => "scored",
            ScoreStatus::NotScored => "not_scored",
        }
    }
}

/// One facet of one response (or, with `facet` = [`SCALE_FACET`], its scale score).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreRow {
    pub campaign_id: Uuid,
    pub response_id: Uuid,
    pub respondent_id: Uuid,
    /// The respondent's name as the campaign has it now.
    pub respondent: String,
    pub respondent_kind: RespondentKind,
    /// The candidate an observer form is about; `None` for a self-assessment.
    pub subject_id: Option<Uuid>,
    /// The subject's name; empty for a self-assessment.
    pub subject: String,
    pub instrument_id: String,
    pub instrument_version: String,
    pub instrument_hash: String,
    /// The facet id, or [`SCALE_FACET`].
    pub facet: String,
    /// The facet's name in the chosen language (for the scale row, a fixed label).
    pub facet_name: String,
    pub status: ScoreStatus,
    /// Items answered, of `items` (the whole instrument for the scale row).
    pub answered: usize,
    pub items: usize,
    /// Mean keyed score on the 1–points scale (a paradox: the lower pole mean).
    pub mean: Option<f64>,
    /// The same as POMP, 0–100 (a paradox: the holding).
    pub pomp: Option<f64>,
    /// Paired poles only, when scored.
    pub pole_a_pomp: Option<f64>,
    pub pole_b_pomp: Option<f64>,
    pub holding: Option<f64>,
    /// `pole a − pole b`, in POMP points.
    pub lean: Option<f64>,
    /// The raised quality flags of the response, joined by `;` (the same on all its rows).
    pub quality_flags: String,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub submitted_at: DateTime<Utc>,
}

/// A response the export keeps, with what every row of it repeats.
struct Exported<'a> {
    response: &'a Response,
    instrument: &'static Instrument,
    report: ScoreReport,
    respondent: String,
    kind: RespondentKind,
    subject: String,
}

fn candidate_name(campaign: &Campaign, id: Uuid) -> Option<String> {
    campaign
        .candidates
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.clone())
}

/// Position of an instrument among the built-in ones (their display order).
fn instrument_rank(id: &str) -> usize {
    builtin()
        .iter()
        .position(|i| i.id == id)
        .unwrap_or(usize::MAX)
}

/// Case-insensitive first, then exact, so "zoé" and "Zoé" sit together but in a fixed order.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// The responses to export, scored, in row order: respondent name, then subject name, then
/// instrument (built-in order); identifiers and submission time break every tie.
fn exported<'a>(campaign: &Campaign, responses: &[&'a Response]) -> Vec<Exported<'a>> {
    let campaigns = std::slice::from_ref(campaign);
    let mut out: Vec<Exported<'a>> = responses
        .iter()
        .filter(|r| r.campaign_id == campaign.id && refusal(campaigns, r).is_none())
        .filter_map(|r| {
            let instrument = instrument_of(r)?;
            let report = score(instrument, r).ok()?;
            let (respondent, kind) = respondent(campaign, r.respondent_id)?;
            let subject = match r.subject_id {
                Some(s) => candidate_name(campaign, s)?,
                None => String::new(),
            };
            Some(Exported {
                response: r,
                instrument,
                report,
                respondent,
                kind,
                subject,
            })
        })
        .collect();
    sorting::sort_by(&mut out, |a, b| {
        let (x, y) = (a.response, b.response);
        by_name(&a.respondent, &b.respondent)
            .then_with(|| x.respondent_id.cmp(&y.respondent_id))
            .then_with(|| by_name(&a.subject, &b.subject))
            .then_with(|| x.subject_id.cmp(&y.subject_id))
            .then_with(|| instrument_rank(&x.instrument_id).cmp(&instrument_rank(&y.instrument_id)))
            .then_with(|| x.instrument_id.cmp(&y.instrument_id))
            .then_with(|| x.submitted_at.cmp(&y.submitted_at))
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// The id of a quality flag, as in the JSON reports.
pub fn flag_id(flag: Flag) -> &'static str {
    match flag {
        Flag::StraightLining => "straight_lining",
        Flag::TooFast => "too_fast",
        Flag::InconsistentPairs => "inconsistent_pairs",
    }
}

/// `candidate`, `leader` or `mediator`.
pub fn kind_code(kind: RespondentKind) -> &'static str {
    match kind {
        RespondentKind::Candidate => "candidate",
        RespondentKind::Leader => "leader",
        RespondentKind::Mediator => "mediator",
    }
}

fn rows_of(e: &Exported, lang: Lang) -> Vec<ScoreRow> {
    let r = e.response;
    let flags: Vec<&str> = e.report.quality.raised().into_iter().map(flag_id).collect();
    let row = |facet: String, facet_name: String, answered: usize, items: usize| ScoreRow {
        campaign_id: r.campaign_id,
        response_id: r.id,
        respondent_id: r.respondent_id,
        respondent: e.respondent.clone(),
        respondent_kind: e.kind,
        subject_id: r.subject_id,
        subject: e.subject.clone(),
        instrument_id: r.instrument_id.clone(),
        instrument_version: r.instrument_version.clone(),
        instrument_hash: r.instrument_hash.clone(),
        facet,
        facet_name,
        status: ScoreStatus::NotScored,
        answered,
        items,
        mean: None,
        pomp: None,
        pole_a_pomp: None,
        pole_b_pomp: None,
        holding: None,
        lean: None,
        quality_flags: flags.join(";"),
        submitted_at: r.submitted_at,
    };
    let mut out = Vec::with_capacity(e.report.facets.len() + 1);
    for f in &e.report.facets {
        let name = e
            .instrument
            .facet(&f.facet)
            .map(|d| d.name.get(lang).to_owned())
            .unwrap_or_default();
        let mut line = row(f.facet.clone(), name, f.answered, f.items);
        if let FacetResult::Scored { mean, pomp, poles } = &f.result {
            line.status = ScoreStatus::Scored;
            line.mean = Some(*mean);
            line.pomp = Some(*pomp);
            if let Some(p) = poles {
                line.pole_a_pomp = Some(p.a);
                line.pole_b_pomp = Some(p.b);
                line.holding = Some(p.holding);
                line.lean = Some(p.lean);
            }
        }
        out.push(line);
    }
    let answered = e.report.facets.iter().map(|f| f.answered).sum();
    let items = e.report.facets.iter().map(|f| f.items).sum();
    let mut scale = row(
        SCALE_FACET.to_owned(),
        Ex::ScaleName.get(lang).to_owned(),
        answered,
        items,
    );
    if let Some(s) = &e.report.scale {
        scale.status = ScoreStatus::Scored;
        scale.mean = Some(s.mean);
        scale.pomp = Some(s.pomp);
    }
    out.push(scale);
    out
}

/// One row per response and facet, in the instrument's facet order, then one row
/// [`SCALE_FACET`] for the scale score. Responses are ordered by respondent name, subject name
/// and instrument; a response that cannot be scored, or whose people are no longer in the
/// campaign, is left out.
pub fn score_rows(campaign: &Campaign, responses: &[&Response], lang: Lang) -> Vec<ScoreRow> {
    exported(campaign, responses)
        .iter()
        .flat_map(|e| rows_of(e, lang))
        .collect()
}

fn opt(value: Option<f64>, decimals: u32) -> String {
    value.map(|v| decimal(v, decimals)).unwrap_or_default()
}

fn begin(rows: usize, header: &[&str]) -> String {
    let mut out = String::with_capacity((rows + 1) * 200);
    out.push('\u{feff}');
    let titles: Vec<(&str, bool)> = header.iter().map(|h| (*h, false)).collect();
    push_row(&mut out, &titles);
    out
}

/// The texts of the four identifier cells of a response (campaign, response, respondent,
/// subject; the last empty for a self-assessment).
fn id_cells(
    campaign: Uuid,
    response: Uuid,
    respondent: Uuid,
    subject: Option<Uuid>,
) -> [String; 4] {
    [
        campaign.to_string(),
        response.to_string(),
        respondent.to_string(),
        subject.map(|s| s.to_string()).unwrap_or_default(),
    ]
}

/// The cells of the identity columns that open both CSVs (`IDENTITY_COLUMNS`): identifiers,
/// the respondent's and subject's names (`[respondent, subject]`, guarded as free text), the
/// kind of respondent and the instrument's id, version and hash.
fn identity_cells<'a>(
    ids: &'a [String; 4],
    names: [&'a str; 2],
    kind: RespondentKind,
    instrument: [&'a str; 3],
) -> Vec<(&'a str, bool)> {
    vec![
        (&ids[0], false),
        (&ids[1], false),
        (&ids[2], false),
        (names[0], true),
        (kind_code(kind), false),
        (&ids[3], false),
        (names[1], true),
        (instrument[0], true),
        (instrument[1], true),
        (instrument[2], true),
    ]
}

/// The scores CSV (titles in `lang`; see `docs/file-format.md`).
pub fn scores_csv(rows: &[ScoreRow], lang: Lang) -> String {
    let mut out = begin(rows.len(), &scores_header(lang));
    for r in rows {
        let ids = id_cells(r.campaign_id, r.response_id, r.respondent_id, r.subject_id);
        let answered = r.answered.to_string();
        let items = r.items.to_string();
        let numbers = [
            opt(r.mean, MEAN_DECIMALS),
            opt(r.pomp, POMP_DECIMALS),
            opt(r.pole_a_pomp, POMP_DECIMALS),
            opt(r.pole_b_pomp, POMP_DECIMALS),
            opt(r.holding, POMP_DECIMALS),
            opt(r.lean, POMP_DECIMALS),
        ];
        let submitted = write_utc(&r.submitted_at);
        let mut cells = identity_cells(
            &ids,
            [&r.respondent, &r.subject],
            r.respondent_kind,
            [&r.instrument_id, &r.instrument_version, &r.instrument_hash],
        );
        cells.extend_from_slice(&[
            (&r.facet, true),
            (&r.facet_name, true),
            (r.status.code(), false),
            (&answered, false),
            (&items, false),
            (&numbers[0], false),
            (&numbers[1], false),
            (&numbers[2], false),
            (&numbers[3], false),
            (&numbers[4], false),
            (&numbers[5], false),
            (&r.quality_flags, true),
            (&submitted, false),
        ]);
        push_row(&mut out, &cells);
    }
    out
}

/// The answers CSV: one row per exported response and item of its instrument, in page order,
/// skipped items included (blank answer). Titles in `lang`; see `docs/file-format.md`.
pub fn answers_csv(campaign: &Campaign, responses: &[&Response], lang: Lang) -> String {
    let kept = exported(campaign, responses);
    let rows: usize = kept.iter().map(|e| e.instrument.items.len()).sum();
    let mut out = begin(rows, &answers_header(lang));
    for e in &kept {
        let r = e.response;
        let ids = id_cells(r.campaign_id, r.id, r.respondent_id, r.subject_id);
        let submitted = write_utc(&r.submitted_at);
        for item in &e.instrument.items {
            let answer = r.answers.iter().find(|a| a.item == item.id);
            let value = answer.and_then(|a| a.value);
            let given = value.map(|v| v.to_string()).unwrap_or_default();
            let keyed_score = value
                .map(|v| e.instrument.keyed_score(item, v).to_string())
                .unwrap_or_default();
            let seconds = answer
                .and_then(|a| a.ms)
                .map(|ms| decimal(f64::from(ms) / 1000.0, 1))
                .unwrap_or_default();
            let pole = match item.pole {
                Some(Pole::A) => "a",
                Some(Pole::B) => "b",
                None => "",
            };
            // A lone sign is not a formula: written bare, as the instrument files have it.
            let keyed = match item.keyed {
                Keyed::Plus => "+",
                Keyed::Minus => "-",
            };
            let mut cells = identity_cells(
                &ids,
                [&e.respondent, &e.subject],
                e.kind,
                [&r.instrument_id, &r.instrument_version, &r.instrument_hash],
            );
            cells.extend_from_slice(&[
                (&item.id, true),
                (&item.facet, true),
                (pole, false),
                (keyed, false),
                (&given, false),
                (&keyed_score, false),
                (&seconds, false),
                (&submitted, false),
            ]);
            push_row(&mut out, &cells);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::campaign::{InstrumentId, Person};
    use crate::domain::instrument::builtin::builtin_by_id;
    use crate::domain::instrument::score::filled;
    use crate::domain::survey::leader_id;

    /// A response of `respondent` to `instrument`, with `value(item)` for each item in page
    /// order (`None`: skipped) and 4 s per item.
    fn response(
        instrument: &str,
        n: u128,
        respondent: Uuid,
        subject: Option<Uuid>,
        value: impl Fn(&crate::domain::instrument::Item) -> Option<u8>,
    ) -> Response {
        let mut r = filled(
            instrument,
            id(n),
            sample().id,
            respondent,
            subject,
            4000,
            |_, it| value(it),
        );
        r.submitted_at = at(600);
        r
    }

    /// Jean Dupont's self-assessment, hand-checked below: "creating relationships" answered
    /// 5, 4, 2 (reverse-keyed), 3, 2 (reverse-keyed), 4, 4, and ii-cr-8 skipped; the other
    /// facets all 3, except two items of "maintaining relationships" skipped.
    fn hand_checked() -> Response {
        let c = sample();
        response(
            "interpersonal-intelligence",
            100,
            c.candidates[0].id,
            None,
            |it| match it.id.as_str() {
                "ii-cr-1" => Some(5),
                "ii-cr-2" => Some(4),
                "ii-cr-3" => Some(2),
                "ii-cr-4" => Some(3),
                "ii-cr-5" => Some(2),
                "ii-cr-6" => Some(4),
                "ii-cr-7" => Some(4),
                "ii-cr-8" | "ii-mr-7" | "ii-mr-8" => None,
                _ => Some(3),
            },
        )
    }

    fn row<'a>(rows: &'a [ScoreRow], response: u128, facet: &str) -> &'a ScoreRow {
        rows.iter()
            .find(|r| r.response_id == id(response) && r.facet == facet)
            .unwrap_or_else(|| panic!("no row {response} {facet}"))
    }

    fn csv_lines(csv: &str) -> Vec<&str> {
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        assert!(body.ends_with("\r\n"));
        body.trim_end_matches("\r\n").split("\r\n").collect()
    }

    #[test]
    fn a_hand_checked_facet_and_scale() {
        let c = sample();
        let r = hand_checked();
        let rows = score_rows(&c, &[&r], Lang::En);
        let cr = row(&rows, 100, "creating-relationships");
        // ii-cr-3 and ii-cr-5 are reverse-keyed: 2 counts 6 − 2 = 4.
        // Keyed: 5 + 4 + 4 + 3 + 4 + 4 + 4 = 28 over 7 answered → mean 4.0;
        // POMP = 100 × (4 − 1) / (5 − 1) = 75. 7 of 8 answered, ⌈0.8 × 8⌉ = 7 needed.
        assert_eq!(cr.status, ScoreStatus::Scored);
        assert_eq!((cr.answered, cr.items), (7, 8));
        assert_eq!(cr.mean, Some(4.0));
        assert_eq!(cr.pomp, Some(75.0));
        assert_eq!(cr.facet_name, "Creating relationships");
        assert_eq!(cr.respondent, "Jean Dupont");
        assert_eq!(cr.respondent_kind, RespondentKind::Candidate);
        assert_eq!((cr.subject_id, cr.subject.as_str()), (None, ""));
        assert_eq!(cr.pole_a_pomp, None);
        assert_eq!(cr.lean, None);
        // 6 of 8 answered: under the 80 % rule.
        let mr = row(&rows, 100, "maintaining-relationships");
        assert_eq!(mr.status, ScoreStatus::NotScored);
        assert_eq!(
            (mr.answered, mr.items, mr.mean, mr.pomp),
            (6, 8, None, None)
        );
        // Every other facet answers 3 → keyed 3 whatever the key; mean 3, POMP 50.
        let co = row(&rows, 100, "collaboration");
        assert_eq!((co.mean, co.pomp), (Some(3.0), Some(50.0)));
        // Scale: (4 + 3 + 3 + 3) / 4 = 3.25 → POMP 56.25; 37 of 40 items answered.
        let scale = row(&rows, 100, SCALE_FACET);
        assert_eq!(scale.status, ScoreStatus::Scored);
        assert_eq!((scale.mean, scale.pomp), (Some(3.25), Some(56.25)));
        assert_eq!((scale.answered, scale.items), (37, 40));
        assert_eq!(scale.facet_name, "Whole scale (mean of the facets)");

        let csv = scores_csv(&rows, Lang::En);
        let lines = csv_lines(&csv);
        assert_eq!(lines[0], "campaign_id,response_id,respondent_id,respondent,respondent_kind,subject_id,subject,instrument_id,instrument_version,instrument_hash,facet,facet_name,status,answered,items,mean,pomp,pole_a_pomp,pole_b_pomp,holding,lean,quality_flags,submitted_at");
        let hash = builtin_by_id("interpersonal-intelligence").unwrap().hash();
        let flags = &cr.quality_flags;
        assert_eq!(
            lines[1],
            format!(
                "{},{},{},Jean Dupont,candidate,,,interpersonal-intelligence,1.0.0,{hash},creating-relationships,Creating relationships,scored,7,8,4.0000,75.00,,,,,{flags},2025-11-24T16:10:00Z",
                c.id, id(100), c.candidates[0].id
            )
        );
        assert!(lines[2].contains(
            ",maintaining-relationships,Maintaining relationships,not_scored,6,8,,,,,,,"
        ));
        assert!(lines[6]
            .contains(",_scale,Whole scale (mean of the facets),scored,37,40,3.2500,56.25,,,,,"));
    }

    #[test]
    fn one_row_per_respondent_and_facet_sorted_by_name_then_instrument() {
        let mut c = sample();
        c.instruments.push(InstrumentId::IntelligenceOfParadoxes);
        let cand = c.candidates[0].id;
        let leader = leader_id(c.id);
        let mediator = c.mediators[0].id;
        let all3 = |_: &crate::domain::instrument::Item| Some(3);
        let responses = [
            response("intelligence-of-paradoxes", 101, cand, None, all3),
            response(
                "interpersonal-intelligence-observer",
                102,
                leader,
                Some(cand),
                all3,
            ),
            response("interpersonal-intelligence", 103, cand, None, all3),
            response(
                "interpersonal-intelligence-observer",
                104,
                mediator,
                Some(cand),
                all3,
            ),
        ];
        let refs: Vec<&Response> = responses.iter().collect();
        let rows = score_rows(&c, &refs, Lang::Fr);
        let facets = |inst: &str| builtin_by_id(inst).unwrap().facets.len() + 1;
        assert_eq!(
            rows.len(),
            facets("intelligence-of-paradoxes")
                + 2 * facets("interpersonal-intelligence-observer")
                + facets("interpersonal-intelligence")
        );
        // Amina Benali (mediator), Claire Martin (leader), then Jean Dupont: interpersonal
        // intelligence before paradoxes (the built-in order), facets in order, scale last.
        let order: Vec<(u128, &str)> = rows
            .iter()
            .map(|r| (r.response_id.as_u128(), r.facet.as_str()))
            .collect();
        let expect_blocks = [104, 102, 103, 101];
        let mut k = 0;
        for n in expect_blocks {
            let i = builtin_by_id(&responses[n as usize - 101].instrument_id).unwrap();
            for f in &i.facets {
                assert_eq!(order[k], (n, f.id.as_str()));
                k += 1;
            }
            assert_eq!(order[k], (n, SCALE_FACET));
            k += 1;
        }
        let leader_row = rows.iter().find(|r| r.response_id == id(102)).unwrap();
        assert_eq!(leader_row.respondent, "Claire Martin");
        assert_eq!(leader_row.respondent_kind, RespondentKind::Leader);
        assert_eq!(leader_row.subject, "Jean Dupont");
        assert_eq!(leader_row.subject_id, Some(cand));
        assert_eq!(rows[0].respondent_kind, RespondentKind::Mediator);
        // French facet names and the French scale label.
        let fr = row(&rows, 103, "creating-relationships");
        assert_eq!(fr.facet_name, "Créer la relation");
        let fr_scale = row(&rows, 103, SCALE_FACET);
        assert_eq!(
            fr_scale.facet_name,
            "Échelle entière (moyenne des facettes)"
        );
        // Each respondent and instrument gives its rows once: no facet repeats in a response.
        let mut seen = std::collections::HashSet::new();
        for r in &rows {
            assert!(seen.insert((r.response_id, r.facet.clone())));
        }
    }

    #[test]
    fn paradox_rows_carry_their_poles() {
        let mut c = sample();
        c.instruments.push(InstrumentId::IntelligenceOfParadoxes);
        // Pole a at the top (5 on `+` items, 1 on `-` items: keyed 5), pole b in the middle.
        let r = response(
            "intelligence-of-paradoxes",
            7,
            c.candidates[0].id,
            None,
            |it| match (it.pole, it.keyed) {
                (Some(Pole::A), Keyed::Plus) => Some(5),
                (Some(Pole::A), Keyed::Minus) => Some(1),
                _ => Some(3),
            },
        );
        let rows = score_rows(&c, &[&r], Lang::En);
        let i = builtin_by_id("intelligence-of-paradoxes").unwrap();
        assert_eq!(rows.len(), i.facets.len() + 1);
        for f in &i.facets {
            let line = row(&rows, 7, &f.id);
            assert_eq!(line.status, ScoreStatus::Scored);
            // a: POMP 100; b: mean 3 → POMP 50; holding = min = 50; lean = 100 − 50 = 50.
            assert_eq!(line.pole_a_pomp, Some(100.0));
            assert_eq!(line.pole_b_pomp, Some(50.0));
            assert_eq!(line.holding, Some(50.0));
            assert_eq!(line.lean, Some(50.0));
            assert_eq!(line.pomp, Some(50.0));
            assert_eq!(line.mean, Some(3.0));
        }
        let scale = row(&rows, 7, SCALE_FACET);
        assert_eq!((scale.mean, scale.pomp), (Some(3.0), Some(50.0)));
        assert_eq!(
            (scale.pole_a_pomp, scale.holding, scale.lean),
            (None, None, None)
        );
        let csv = scores_csv(&rows, Lang::En);
        assert!(csv.contains(",transparency-confidentiality,Transparency and confidentiality,scored,8,8,3.0000,50.00,100.00,50.00,50.00,50.00,"));

        // Leaning to pole b: a negative lean, written as a plain negative number.
        let r = response(
            "intelligence-of-paradoxes",
            8,
            c.candidates[0].id,
            None,
            |it| match (it.pole, it.keyed) {
                (Some(Pole::B), Keyed::Plus) => Some(5),
                (Some(Pole::B), Keyed::Minus) => Some(1),
                _ => Some(3),
            },
        );
        let rows = score_rows(&c, &[&r], Lang::En);
        assert_eq!(rows[0].lean, Some(-50.0));
        let csv = scores_csv(&rows, Lang::En);
        assert!(csv.contains(",3.0000,50.00,50.00,100.00,50.00,-50.00,"));
        assert!(!csv.contains("'-50"));
    }

    #[test]
    fn the_answers_csv_shows_reverse_keying_skips_and_times() {
        let c = sample();
        let mut r = hand_checked();
        // Not timed: typed in from paper.
        r.answers
            .iter_mut()
            .find(|a| a.item == "ii-cr-1")
            .unwrap()
            .ms = None;
        r.answers
            .iter_mut()
            .find(|a| a.item == "ii-cr-2")
            .unwrap()
            .ms = Some(12_345);
        // An item with no answer entry at all is a skipped item too.
        r.answers.retain(|a| a.item != "ii-lo-8");
        let csv = answers_csv(&c, &[&r], Lang::En);
        let lines = csv_lines(&csv);
        assert_eq!(lines[0], "campaign_id,response_id,respondent_id,respondent,respondent_kind,subject_id,subject,instrument_id,instrument_version,instrument_hash,item,facet,pole,keyed,answer,keyed_score,seconds,submitted_at");
        // One row per item of the instrument, in page order.
        let i = builtin_by_id("interpersonal-intelligence").unwrap();
        assert_eq!(lines.len(), 1 + i.items.len());
        let prefix = format!(
            "{},{},{},Jean Dupont,candidate,,,interpersonal-intelligence,1.0.0,{},",
            c.id,
            id(100),
            c.candidates[0].id,
            i.hash()
        );
        let line = |item: &str| {
            lines
                .iter()
                .find(|l| l.contains(&format!(",{item},")))
                .unwrap_or_else(|| panic!("no line for {item}"))
                .strip_prefix(prefix.as_str())
                .expect("identity columns")
        };
        let end = ",2025-11-24T16:10:00Z";
        assert_eq!(
            line("ii-cr-1"),
            format!("ii-cr-1,creating-relationships,,+,5,5,{end}")
        );
        assert_eq!(
            line("ii-cr-2"),
            format!("ii-cr-2,creating-relationships,,+,4,4,12.3{end}")
        );
        // Reverse-keyed: answered 2, counts 6 − 2 = 4.
        assert_eq!(
            line("ii-cr-3"),
            format!("ii-cr-3,creating-relationships,,-,2,4,4.0{end}")
        );
        // Skipped: blank answer and keyed score; the time spent is still shown.
        assert_eq!(
            line("ii-cr-8"),
            format!("ii-cr-8,creating-relationships,,-,,,4.0{end}")
        );
        assert_eq!(line("ii-lo-8"), format!("ii-lo-8,loyalty,,+,,,{end}"));
        assert!(lines[1].starts_with(&format!("{prefix}ii-cr-1,")));
        assert!(lines[2].starts_with(&format!("{prefix}ii-mr-1,")));

        let fr = answers_csv(&c, &[&r], Lang::Fr);
        assert!(fr.starts_with("\u{feff}id_campagne,id_réponse,id_répondant,répondant,type_répondant,id_personne_évaluée,personne_évaluée,id_questionnaire,version_questionnaire,empreinte_questionnaire,question,facette,pôle,sens,réponse,score_orienté,secondes,envoyé_le\r\n"));
        // Numbers and codes do not change with the language.
        assert_eq!(
            fr.split("\r\n").skip(1).collect::<Vec<_>>(),
            csv.split("\r\n").skip(1).collect::<Vec<_>>()
        );
    }

    #[test]
    fn paradox_answers_carry_the_pole() {
        let mut c = sample();
        c.instruments.push(InstrumentId::IntelligenceOfParadoxes);
        let r = response(
            "intelligence-of-paradoxes",
            9,
            c.candidates[0].id,
            None,
            |_| Some(2),
        );
        let csv = answers_csv(&c, &[&r], Lang::En);
        assert!(csv.contains(",px-tc-a1,transparency-confidentiality,a,+,2,2,4.0,"));
        assert!(csv.contains(",px-tc-b4,transparency-confidentiality,b,-,2,4,4.0,"));
    }

    #[test]
    fn names_that_look_like_formulas_are_defused() {
        let mut c = sample();
        c.candidates[0].name = "=HYPERLINK(\"http://evil.example\",\"clic\")".into();
        c.mediators[0].name = "@SUM(A1:A9)".into();
        c.leader.name = "+33 6 12 34 56 78".into();
        let cand = c.candidates[0].id;
        let all4 = |_: &crate::domain::instrument::Item| Some(4);
        let responses = [
            response("interpersonal-intelligence", 1, cand, None, all4),
            response(
                "interpersonal-intelligence-observer",
                2,
                c.mediators[0].id,
                Some(cand),
                all4,
            ),
            response(
                "interpersonal-intelligence-observer",
                3,
                leader_id(c.id),
                Some(cand),
                all4,
            ),
        ];
        let refs: Vec<&Response> = responses.iter().collect();
        let guarded = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\"";
        for csv in [
            scores_csv(&score_rows(&c, &refs, Lang::En), Lang::En),
            answers_csv(&c, &refs, Lang::Fr),
        ] {
            assert!(csv.starts_with('\u{feff}'));
            assert!(csv.contains(guarded), "{csv}");
            assert!(csv.contains(",'@SUM(A1:A9),mediator,"));
            assert!(csv.contains(",'+33 6 12 34 56 78,leader,"));
            // No field starts with a formula character unless it is defused.
            for line in csv.split("\r\n") {
                assert!(!line.contains(",=") && !line.contains(",@") && !line.contains(",+3"));
            }
            // Every line ends with CRLF: no bare LF.
            assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
        }
    }

    #[test]
    fn quality_flags_are_listed_by_id() {
        let c = sample();
        let mut r = response(
            "interpersonal-intelligence",
            5,
            c.candidates[0].id,
            None,
            |_| Some(4),
        );
        for a in &mut r.answers {
            a.ms = Some(300);
        }
        let rows = score_rows(&c, &[&r], Lang::En);
        assert!(rows
            .iter()
            .all(|x| x.quality_flags == "straight_lining;too_fast"));
        let csv = scores_csv(&rows, Lang::En);
        assert!(csv.contains(",straight_lining;too_fast,"));
        let clean = hand_checked();
        let rows = score_rows(&c, &[&clean], Lang::En);
        assert!(rows.iter().all(|x| x.quality_flags.is_empty()));
    }

    #[test]
    fn responses_that_cannot_be_exported_are_left_out() {
        let c = sample();
        let good = hand_checked();
        let mut other_campaign = hand_checked();
        other_campaign.campaign_id = id(777);
        let mut old_text = hand_checked();
        old_text.instrument_hash = "fnv1a64:0000000000000000".into();
        let mut off_scale = hand_checked();
        off_scale.answers[0].value = Some(9);
        let stranger = response("interpersonal-intelligence", 6, id(4242), None, |_| Some(3));
        let about_stranger = response(
            "interpersonal-intelligence-observer",
            7,
            leader_id(c.id),
            Some(id(4242)),
            |_| Some(3),
        );
        let all = [
            &good,
            &other_campaign,
            &old_text,
            &off_scale,
            &stranger,
            &about_stranger,
        ];
        let rows = score_rows(&c, &all, Lang::En);
        assert!(rows.iter().all(|r| r.response_id == good.id));
        assert_eq!(rows.len(), 6);
        let csv = answers_csv(&c, &all, Lang::En);
        assert_eq!(csv_lines(&csv).len(), 1 + 40);
        // A person removed from the campaign after answering is no longer exported.
        let mut gone = c.clone();
        gone.candidates = vec![Person {
            id: id(11),
            name: "Zoé Roux".into(),
            email: String::new(),
        }];
        assert!(score_rows(&gone, &[&good], Lang::En).is_empty());
        assert_eq!(csv_lines(&answers_csv(&gone, &[&good], Lang::En)).len(), 1);
    }

    #[test]
    fn rows_serialise_with_their_codes() {
        let c = sample();
        let r = hand_checked();
        let rows = score_rows(&c, &[&r], Lang::En);
        let v = serde_json::to_value(&rows[1]).unwrap();
        assert_eq!(v["respondent_kind"], "candidate");
        assert_eq!(v["status"], "not_scored");
        assert_eq!(v["mean"], serde_json::Value::Null);
        assert_eq!(v["submitted_at"], "2025-11-24T16:10:00Z");
        assert_eq!(v["subject_id"], serde_json::Value::Null);
    }

    #[test]
    fn decimals_round_half_away_from_zero_with_a_dot() {
        assert_eq!(decimal(75.0, 2), "75.00");
        assert_eq!(decimal(4.285_714, 4), "4.2857");
        assert_eq!(decimal(0.125, 2), "0.13");
        assert_eq!(decimal(-0.125, 2), "-0.13");
        assert_eq!(decimal(-0.001, 2), "0.00");
        assert_eq!(decimal(1234.5, 1), "1234.5");
        assert_eq!(decimal(12.345, 1), "12.3");
        assert_eq!(decimal(3.0, 0), "3");
        assert_eq!(decimal(f64::NAN, 2), "");
    }
}
