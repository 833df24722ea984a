//! The comparison as a CSV table: one row per candidate (in the comparison's column order)
//! and part (in the parts' order), with the value of each planned session, the mean, the
//! number of sessions with a value, the trend and what it was read from. Same conventions as
//! the other CSV exports (`observation::csv`, `assessment::export`): UTF-8 with a byte-order
//! mark, comma-separated, RFC 4180 quoting, CRLF, a leading apostrophe on any text a
//! spreadsheet would run as a formula, dot decimals; only titles and part names follow the
//! language. Columns: `docs/file-format.md`, "The comparison CSV".

pub mod columns;

use super::part::{tag_code, Part, Scale, WorkingIndex};
use super::{Comparison, Trend};
use crate::domain::instrument::builtin::debrief_for;
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::lang::Lang;
use crate::domain::observation::csv::push_row;
use crate::domain::observation::rating::default_bars;
use crate::domain::observation::scheme::{Actor, Tag};
use crate::domain::text::decimal;
use columns::{header, Cx};

/// Decimals written for a value on `scale`.
pub fn decimals(scale: Scale) -> u32 {
    match scale {
        Scale::Level | Scale::Pomp | Scale::Rate => 2,
        Scale::Balance | Scale::Ratio => 4,
    }
}

/// The name of a part in `lang`: the grid's dimension name, the debrief facet's name with
/// its side, or the working index's name from [`Cx`].
pub fn part_name(part: &Part, lang: Lang) -> String {
    match part {
        Part::Rating(d) => default_bars()
            .dimension(d)
            .map_or_else(|| d.clone(), |x| x.name.get(lang).to_owned()),
        Part::Working(WorkingIndex::FloorBalance) => Cx::FloorBalance.get(lang).to_owned(),
        Part::Working(WorkingIndex::Climate) => Cx::Climate.get(lang).to_owned(),
        Part::Working(WorkingIndex::Rate { tag, actor }) => {
            let name = match tag {
                Tag::BuildsOn => Cx::BuildsOn,
                Tag::Reformulates => Cx::Reformulates,
                Tag::AsksWhy => Cx::AsksWhy,
                Tag::Interrupts => Cx::Interrupts,
                Tag::TalksOver => Cx::TalksOver,
                other => return tag_code(*other).to_owned(),
            };
            let who = match actor {
                Actor::Ceo => Cx::ByLeader,
                Actor::Candidate => Cx::ByCandidate,
            };
            format!(
                "{} — {}, {}",
                name.get(lang),
                who.get(lang),
                Cx::PerTenMinutes.get(lang)
            )
        }
        Part::Debrief(side, facet) => {
            let name = debrief_for(*side)
                .facet(facet)
                .map_or_else(|| facet.clone(), |f| f.name.get(lang).to_owned());
            let whose = match side {
                DebriefSide::Leader => Cx::LeaderDebrief,
                DebriefSide::Candidate => Cx::CandidateDebrief,
            };
            format!("{} — {name}", whose.get(lang))
        }
        Part::Convergence => Cx::Convergence.get(lang).to_owned(),
    }
}

/// `rising`, `falling`, `stable` or `not_enough`.
pub fn trend_code(t: Trend) -> &'static str {
    match t {
        Trend::Rising { .. } => "rising",
        Trend::Falling { .. } => "falling",
        Trend::Stable => "stable",
        Trend::NotEnough { .. } => "not_enough",
    }
}

/// The comparison CSV (titles and part names in `lang`).
pub fn comparison_csv(comparison: &Comparison, lang: Lang) -> String {
    let rows = comparison.columns.len() * comparison.parts.len();
    let mut out = String::with_capacity((rows + 1) * 160);
    out.push('\u{feff}');
    let titles = header(lang, comparison.sessions);
    let cells: Vec<(&str, bool)> = titles.iter().map(|t| (t.as_str(), false)).collect();
    push_row(&mut out, &cells);
    let campaign = comparison.campaign_id.to_string();
    let names: Vec<(String, String)> = comparison
        .parts
        .iter()
        .map(|p| (p.code(), part_name(p, lang)))
        .collect();
    for column in &comparison.columns {
        let candidate = column.candidate.to_string();
        for (part, (code, name)) in comparison.parts.iter().zip(&names) {
            let Some(series) = column.picture.series(part) else {
                continue;
            };
            let d = decimals(part.scale());
            let number = |v: Option<f64>| v.map(|v| decimal(v, d)).unwrap_or_default();
            let values: Vec<String> = (0..comparison.sessions)
                .map(|k| number(series.values.get(k).copied().flatten()))
                .collect();
            let r = &series.reading;
            let consistent = match r.trend {
                Trend::Rising { consistent } | Trend::Falling { consistent } => {
                    if consistent {
                        "true"
                    } else {
                        "false"
                    }
                }
                _ => "",
            };
            let tail = [
                number(series.mean),
                series.values.iter().flatten().count().to_string(),
                trend_code(r.trend).to_owned(),
                consistent.to_owned(),
                number(r.change),
                number(r.tolerance),
            ];
            let mut row: Vec<(&str, bool)> = vec![
                (&campaign, false),
                (&candidate, false),
                (&column.name, true),
                (code, true),
                (name, true),
            ];
            row.extend(values.iter().map(|v| (v.as_str(), false)));
            row.extend(tail.iter().map(|v| (v.as_str(), false)));
            push_row(&mut out, &row);
        }
    }
    out
}
