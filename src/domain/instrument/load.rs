//! Loading an instrument file: JSON syntax, then shape (with the exact path of a wrong value),
//! then every rule of `docs/instruments.md`, each broken rule reported with its JSON path.
//!
//! The messages are in English only: instrument files are written by developers (or by an
//! author working with one), not by recruiters or candidates, and the tests print them.

use super::definition::{
    content_hash, Facet, Form, Instrument, Item, Keyed, OpenQuestion, Pole, Poles, QualitySpec,
    ResponseKind, ResponseScale, Scoring, ScoringRule, StraightLiningSpec, FORMAT,
};
use super::raw::{RawFacet, RawInstrument, RawItem, RawQuality};
use crate::domain::limits::{
    MAX_IMPORT_BYTES, MAX_NAME_CHARS, MAX_OPEN_ANSWER_CHARS, MAX_TEXT_CHARS,
};
use crate::domain::sorting;
use crate::domain::text::Bilingual;
use crate::domain::text::{self, TextError};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Fewest items per facet (of a self or observer form).
pub const MIN_ITEMS_PER_FACET: usize = 6;
/// Fewest items per facet of a session debrief: it is answered after every work session and
/// read across the three or four sessions and against the other side, not as a trait measure.
pub const MIN_ITEMS_PER_DEBRIEF_FACET: usize = 3;
/// Most items in a session debrief, so that it takes under four minutes after each session.
pub const MAX_DEBRIEF_ITEMS: usize = 20;
/// Fewest items per pole of a paradox facet.
pub const MIN_ITEMS_PER_POLE: usize = 3;
/// Most facets in one instrument.
pub const MAX_FACETS: usize = 40;
/// Most items in one instrument.
pub const MAX_ITEMS: usize = 400;
/// Longest identifier (instrument, construct, facet, item), in characters.
pub const MAX_ID_CHARS: usize = 64;
/// Longest item text, in characters.
pub const MAX_ITEM_CHARS: usize = 400;

/// One broken rule, where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentProblem {
    /// JSON path: `items[12].facet`, `facets[2]`, `quality.inconsistent_pairs[1]`; empty for
    /// the whole document.
    pub path: String,
    pub kind: ProblemKind,
}

impl fmt::Display for InstrumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl std::error::Error for InstrumentProblem {}

/// What is wrong. English only (see the module documentation).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("the file is {0} bytes; the limit is {MAX_IMPORT_BYTES}")]
    TooLarge(usize),
    #[error("not JSON: {0}")]
    Syntax(String),
    #[error("{0}")]
    Shape(String),
    #[error("expected \"{FORMAT}\", found \"{0}\"")]
    WrongFormat(String),
    #[error("\"{0}\" is not a kebab-case identifier (a-z, 0-9 and single hyphens, at most {MAX_ID_CHARS} characters)")]
    BadId(String),
    #[error("\"{0}\" is not an identifier (a-z, 0-9 and single hyphens or underscores, at most {MAX_ID_CHARS} characters)")]
    BadSlug(String),
    #[error("\"{0}\" is not a MAJOR.MINOR.PATCH version")]
    BadVersion(String),
    #[error("unknown form \"{0}\" (expected \"self\", \"observer\", \"debrief-leader\" or \"debrief-candidate\")")]
    UnknownForm(String),
    #[error("an observer form's id ends with \"-observer\"")]
    ObserverIdSuffix,
    #[error("only an observer form's id ends with \"-observer\"")]
    SelfIdSuffix,
    #[error("a debrief's id ends with its side, \"{0}\"")]
    DebriefIdSuffix(&'static str),
    #[error("{0} items; a debrief, answered after every session, has at most {MAX_DEBRIEF_ITEMS}")]
    TooManyDebriefItems(usize),
    #[error("empty")]
    Empty,
    #[error("longer than {0} characters")]
    TooLong(usize),
    #[error("contains invisible control characters")]
    ForbiddenCharacters,
    #[error("unknown response kind \"{0}\" (expected \"likert\" or \"paired_poles\")")]
    UnknownResponseKind(String),
    #[error("{0} points; a scale has 5 or 7")]
    BadPoints(u8),
    #[error("{labels} labels for {points} points")]
    LabelCount { labels: usize, points: u8 },
    #[error("no facets")]
    NoFacets,
    #[error("{0} facets; at most {MAX_FACETS}")]
    TooManyFacets(usize),
    #[error("{0} items; at most {MAX_ITEMS}")]
    TooManyItems(usize),
    #[error("duplicate id \"{0}\"")]
    DuplicateId(String),
    #[error("same text as {0}")]
    DuplicateText(String),
    #[error("unknown facet \"{0}\"")]
    UnknownFacet(String),
    #[error("keyed must be \"+\" or \"-\", found \"{0}\"")]
    BadKey(String),
    #[error("{found} items, at least {needed} needed")]
    TooFewItems { found: usize, needed: usize },
    #[error("pole {pole}: {found} items, at least {needed} needed")]
    TooFewPoleItems {
        pole: char,
        found: usize,
        needed: usize,
    },
    #[error("no reverse-keyed item (keyed \"-\")")]
    NoReverseKeyed,
    #[error("a paired_poles facet needs poles a and b")]
    MissingPoles,
    #[error("poles are only for paired_poles instruments")]
    UnexpectedPoles,
    #[error("a paired_poles item needs a pole (\"a\" or \"b\")")]
    MissingPole,
    #[error("a likert item has no pole")]
    UnexpectedPole,
    #[error("unknown pole \"{0}\" (expected \"a\" or \"b\")")]
    UnknownPole(String),
    #[error("an answer of {0} characters: the limit is between 1 and {MAX_OPEN_ANSWER_CHARS}")]
    BadMaxChars(u32),
    #[error("unknown scoring rule \"{0}\" (expected \"facet_mean\")")]
    UnknownRule(String),
    #[error("{0} is not a share between 0 (excluded) and 1")]
    BadMinAnswered(f64),
    #[error("a run of {0} cannot be a pattern; at least 2")]
    MinRunTooShort(u32),
    #[error("a run of {min_run} is longer than the {items} items")]
    MinRunTooLong { min_run: u32, items: usize },
    #[error("unknown item \"{0}\"")]
    UnknownItem(String),
    #[error("the same item twice")]
    SameItem,
    #[error("items of different facets")]
    DifferentFacets,
    #[error("items of different poles")]
    DifferentPoles,
    #[error("same key (a pair needs one \"+\" and one \"-\" item)")]
    SameKey,
    #[error("the same pair as quality.inconsistent_pairs[{0}]")]
    DuplicatePair(usize),
    #[error("{max} allowed out of {pairs} pairs: the flag could never be raised")]
    MaxPairsUnreachable { max: u32, pairs: usize },
    #[error("another form of the construct, \"{0}\", has other facet ids")]
    FacetsDifferAcrossForms(String),
    #[error("another form of the construct, \"{0}\", has another response kind")]
    KindDiffersAcrossForms(String),
}

fn problem(path: impl Into<String>, kind: ProblemKind) -> InstrumentProblem {
    InstrumentProblem {
        path: path.into(),
        kind,
    }
}

/// Reads and validates an instrument file. On failure, every problem found, each with its
/// JSON path (a syntax or shape error stops the reading, so it comes alone).
pub fn load(text: &str) -> Result<Instrument, Vec<InstrumentProblem>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(vec![problem("", ProblemKind::TooLarge(text.len()))]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vec![problem("", ProblemKind::Syntax(e.to_string()))])?;
    let raw: RawInstrument = crate::domain::json_path::from_value(&value)
        .map_err(|e| vec![problem(e.path, ProblemKind::Shape(e.message))])?;
    let mut out = Vec::new();
    let instrument = check(raw, &mut out);
    match instrument {
        Some(mut i) if out.is_empty() => {
            i.hash = content_hash(&i);
            Ok(i)
        }
        _ => Err(out),
    }
}

/// Reads the file of an instrument whose content hash is known beforehand (a built-in one that
/// a page fetched, see `survey::invitation::InstrumentRef::take_in`): its shape only, without
/// the rules [`load`] checks — a text with that hash is one that passed them, which the tests
/// make sure of for every built-in file. `None` unless it reads and its hash is `hash`. (The
/// respondent's page reads instruments this way only, so it does not carry the checks.)
pub fn load_known(text: &str, hash: &str) -> Option<Instrument> {
    let raw: RawInstrument =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()?;
    let paired = match raw.response.kind.as_str() {
        "likert" => false,
        "paired_poles" => true,
        _ => return None,
    };
    let mut items = Vec::with_capacity(raw.items.len());
    for it in raw.items {
        let keyed = match it.keyed.as_str() {
            "+" => Keyed::Plus,
            "-" => Keyed::Minus,
            _ => return None,
        };
        let pole = match (&it.pole, paired) {
            (Some(p), true) => Some(parse_pole(p)?),
            _ => None,
        };
        items.push(Item {
            id: it.id,
            facet: it.facet,
            pole,
            keyed,
            text: it.text,
        });
    }
    let mut instrument = Instrument {
        format: raw.format,
        id: raw.id,
        version: raw.version,
        form: Form::parse(&raw.form)?,
        construct: raw.construct,
        title: raw.title,
        instructions: raw.instructions,
        purpose: raw.purpose,
        response: ResponseScale {
            kind: if paired {
                ResponseKind::PairedPoles
            } else {
                ResponseKind::Likert
            },
            points: raw.response.points,
            labels: raw.response.labels,
        },
        facets: raw.facets.into_iter().map(facet).collect(),
        items,
        open_question: raw.open_question.map(|q| OpenQuestion {
            prompt: q.prompt,
            max_chars: q.max_chars,
        }),
        scoring: Scoring {
            rule: match raw.scoring.rule.as_str() {
                "facet_mean" => ScoringRule::FacetMean,
                _ => return None,
            },
            min_answered: raw.scoring.min_answered,
        },
        quality: quality_spec(raw.quality),
        hash: String::new(),
    };
    instrument.hash = content_hash(&instrument);
    (instrument.hash == hash).then_some(instrument)
}

/// A facet as read (both readers).
fn facet(f: RawFacet) -> Facet {
    Facet {
        id: f.id,
        name: f.name,
        description: f.description,
        poles: f.poles.map(|p| Poles { a: p.a, b: p.b }),
    }
}

/// The quality rules as read (both readers: the full check and the by-shape reading).
fn quality_spec(raw: RawQuality) -> QualitySpec {
    QualitySpec {
        straight_lining: StraightLiningSpec {
            min_run: raw.straight_lining.min_run,
        },
        min_ms_per_item: raw.min_ms_per_item,
        inconsistent_pairs: raw.inconsistent_pairs,
        max_inconsistent_pairs: raw.max_inconsistent_pairs,
    }
}

/// Kebab-case: lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A facet or item identifier: lowercase ASCII letters and digits, with single `-` or `_`
/// between groups (`creating-relationships`, `it_digital`, `ii-cr-1`).
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split(['-', '_']).all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `MAJOR.MINOR.PATCH`, each a whole number without leading zeros.
pub fn is_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

fn check_id(path: &str, id: &str, out: &mut Vec<InstrumentProblem>) {
    if !is_kebab_id(id) {
        out.push(problem(path, ProblemKind::BadId(id.to_owned())));
    }
}

fn check_slug(path: &str, id: &str, out: &mut Vec<InstrumentProblem>) {
    if !is_slug(id) {
        out.push(problem(path, ProblemKind::BadSlug(id.to_owned())));
    }
}

fn check_text(path: &str, text: &Bilingual, max: usize, out: &mut Vec<InstrumentProblem>) {
    for (lang, t) in [("fr", &text.fr), ("en", &text.en)] {
        let path = format!("{path}.{lang}");
        if t.trim().is_empty() {
            out.push(problem(path, ProblemKind::Empty));
            continue;
        }
        match text::check_text(t, max) {
            Ok(()) => {}
            Err(TextError::TooLong) => out.push(problem(path, ProblemKind::TooLong(max))),
            Err(_) => out.push(problem(path, ProblemKind::ForbiddenCharacters)),
        }
    }
}

fn parse_pole(p: &str) -> Option<Pole> {
    match p {
        "a" => Some(Pole::A),
        "b" => Some(Pole::B),
        _ => None,
    }
}

fn pole_char(p: Pole) -> char {
    match p {
        Pole::A => 'a',
        Pole::B => 'b',
    }
}

/// Every rule of the spec. Returns the typed instrument when the enumerations could be read
/// (the caller still refuses it if `out` holds any problem).
fn check(raw: RawInstrument, out: &mut Vec<InstrumentProblem>) -> Option<Instrument> {
    use ProblemKind as K;
    if raw.format != FORMAT {
        out.push(problem("format", K::WrongFormat(raw.format.clone())));
    }
    check_id("id", &raw.id, out);
    if !is_version(&raw.version) {
        out.push(problem("version", K::BadVersion(raw.version.clone())));
    }
    let form = Form::parse(&raw.form);
    match form {
        None => out.push(problem("form", K::UnknownForm(raw.form.clone()))),
        Some(Form::Observer) if !raw.id.ends_with("-observer") => {
            out.push(problem("id", K::ObserverIdSuffix))
        }
        Some(Form::SelfReport) if raw.id.ends_with("-observer") => {
            out.push(problem("id", K::SelfIdSuffix))
        }
        Some(Form::Debrief(side)) if !raw.id.ends_with(side.id_suffix()) => {
            out.push(problem("id", K::DebriefIdSuffix(side.id_suffix())))
        }
        _ => {}
    }
    let debrief = matches!(form, Some(Form::Debrief(_)));
    check_id("construct", &raw.construct, out);
    check_text("title", &raw.title, MAX_NAME_CHARS, out);
    check_text("instructions", &raw.instructions, MAX_TEXT_CHARS, out);
    check_text("purpose", &raw.purpose, MAX_TEXT_CHARS, out);

    // Response scale.
    let kind = match raw.response.kind.as_str() {
        "likert" => Some(ResponseKind::Likert),
        "paired_poles" => Some(ResponseKind::PairedPoles),
        other => {
            out.push(problem(
                "response.kind",
                K::UnknownResponseKind(other.to_owned()),
            ));
            None
        }
    };
    let points = raw.response.points;
    if points != 5 && points != 7 {
        out.push(problem("response.points", K::BadPoints(points)));
    }
    if raw.response.labels.len() != usize::from(points) {
        out.push(problem(
            "response.labels",
            K::LabelCount {
                labels: raw.response.labels.len(),
                points,
            },
        ));
    }
    for (i, label) in raw.response.labels.iter().enumerate() {
        check_text(&format!("response.labels[{i}]"), label, MAX_NAME_CHARS, out);
    }
    let paired = kind == Some(ResponseKind::PairedPoles);

    // Facets.
    if raw.facets.is_empty() {
        out.push(problem("facets", K::NoFacets));
    }
    if raw.facets.len() > MAX_FACETS {
        out.push(problem("facets", K::TooManyFacets(raw.facets.len())));
    }
    let mut facet_index: HashMap<&str, usize> = HashMap::new();
    for (i, f) in raw.facets.iter().enumerate() {
        let path = format!("facets[{i}]");
        check_slug(&format!("{path}.id"), &f.id, out);
        if facet_index.insert(&f.id, i).is_some() {
            out.push(problem(format!("{path}.id"), K::DuplicateId(f.id.clone())));
        }
        check_text(&format!("{path}.name"), &f.name, MAX_NAME_CHARS, out);
        check_text(
            &format!("{path}.description"),
            &f.description,
            MAX_TEXT_CHARS,
            out,
        );
        match (&f.poles, kind) {
            (Some(p), _) => {
                if kind == Some(ResponseKind::Likert) {
                    out.push(problem(format!("{path}.poles"), K::UnexpectedPoles));
                }
                check_text(&format!("{path}.poles.a"), &p.a, MAX_NAME_CHARS, out);
                check_text(&format!("{path}.poles.b"), &p.b, MAX_NAME_CHARS, out);
            }
            (None, Some(ResponseKind::PairedPoles)) => {
                out.push(problem(path.clone(), K::MissingPoles))
            }
            (None, _) => {}
        }
    }

    // Items.
    if raw.items.len() > MAX_ITEMS {
        out.push(problem("items", K::TooManyItems(raw.items.len())));
    } else if debrief && raw.items.len() > MAX_DEBRIEF_ITEMS {
        out.push(problem("items", K::TooManyDebriefItems(raw.items.len())));
    }
    let mut item_index: HashMap<&str, usize> = HashMap::new();
    let mut texts: HashMap<(&str, &str), usize> = HashMap::new();
    let mut items = Vec::with_capacity(raw.items.len());
    let mut typed_ok = kind.is_some() && form.is_some();
    for (i, it) in raw.items.iter().enumerate() {
        let path = format!("items[{i}]");
        check_slug(&format!("{path}.id"), &it.id, out);
        if item_index.contains_key(it.id.as_str()) {
            out.push(problem(format!("{path}.id"), K::DuplicateId(it.id.clone())));
        } else {
            item_index.insert(&it.id, i);
        }
        if !facet_index.contains_key(it.facet.as_str()) {
            out.push(problem(
                format!("{path}.facet"),
                K::UnknownFacet(it.facet.clone()),
            ));
        }
        let keyed = match it.keyed.as_str() {
            "+" => Some(Keyed::Plus),
            "-" => Some(Keyed::Minus),
            other => {
                out.push(problem(
                    format!("{path}.keyed"),
                    K::BadKey(other.to_owned()),
                ));
                None
            }
        };
        let pole = match (&it.pole, paired) {
            (Some(p), true) => {
                let pole = parse_pole(p);
                if pole.is_none() {
                    out.push(problem(format!("{path}.pole"), K::UnknownPole(p.clone())));
                }
                pole
            }
            (Some(_), false) => {
                if kind.is_some() {
                    out.push(problem(format!("{path}.pole"), K::UnexpectedPole));
                }
                None
            }
            (None, true) => {
                out.push(problem(path.clone(), K::MissingPole));
                None
            }
            (None, false) => None,
        };
        check_text(&format!("{path}.text"), &it.text, MAX_ITEM_CHARS, out);
        for (lang, t) in [("fr", &it.text.fr), ("en", &it.text.en)] {
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            let first = *texts.entry((lang, t)).or_insert(i);
            if first != i {
                out.push(problem(
                    format!("{path}.text.{lang}"),
                    K::DuplicateText(format!("items[{first}]")),
                ));
            }
        }
        match keyed {
            Some(keyed) => items.push(Item {
                id: it.id.clone(),
                facet: it.facet.clone(),
                pole,
                keyed,
                text: it.text.clone(),
            }),
            None => typed_ok = false,
        }
    }

    // Items per facet, per pole, and reverse keys.
    let min_items = if debrief {
        MIN_ITEMS_PER_DEBRIEF_FACET
    } else {
        MIN_ITEMS_PER_FACET
    };
    for (i, f) in raw.facets.iter().enumerate() {
        if facet_index.get(f.id.as_str()) != Some(&i) {
            continue; // a duplicate, already reported
        }
        let path = format!("facets[{i}]");
        let of: Vec<&RawItem> = raw.items.iter().filter(|it| it.facet == f.id).collect();
        if of.len() < min_items {
            out.push(problem(
                path.clone(),
                K::TooFewItems {
                    found: of.len(),
                    needed: min_items,
                },
            ));
        }
        if paired && f.poles.is_some() {
            for pole in Pole::BOTH {
                let c = pole_char(pole);
                let found = of
                    .iter()
                    .filter(|it| it.pole.as_deref().and_then(parse_pole) == Some(pole))
                    .count();
                if found < MIN_ITEMS_PER_POLE {
                    out.push(problem(
                        path.clone(),
                        K::TooFewPoleItems {
                            pole: c,
                            found,
                            needed: MIN_ITEMS_PER_POLE,
                        },
                    ));
                }
            }
        }
        if !of.is_empty() && !of.iter().any(|it| it.keyed == "-") {
            out.push(problem(path, K::NoReverseKeyed));
        }
    }

    // The open question.
    if let Some(q) = &raw.open_question {
        check_text("open_question.prompt", &q.prompt, MAX_ITEM_CHARS, out);
        if q.max_chars == 0 || q.max_chars as usize > MAX_OPEN_ANSWER_CHARS {
            out.push(problem(
                "open_question.max_chars",
                K::BadMaxChars(q.max_chars),
            ));
        }
    }

    // Scoring.
    let rule = match raw.scoring.rule.as_str() {
        "facet_mean" => Some(ScoringRule::FacetMean),
        other => {
            out.push(problem("scoring.rule", K::UnknownRule(other.to_owned())));
            None
        }
    };
    let share = raw.scoring.min_answered;
    if !(share > 0.0 && share <= 1.0) {
        out.push(problem("scoring.min_answered", K::BadMinAnswered(share)));
    }

    // Quality.
    let q = &raw.quality;
    if q.straight_lining.min_run < 2 {
        out.push(problem(
            "quality.straight_lining.min_run",
            K::MinRunTooShort(q.straight_lining.min_run),
        ));
    } else if !raw.items.is_empty() && q.straight_lining.min_run as usize > raw.items.len() {
        out.push(problem(
            "quality.straight_lining.min_run",
            K::MinRunTooLong {
                min_run: q.straight_lining.min_run,
                items: raw.items.len(),
            },
        ));
    }
    let mut seen_pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (p, [x, y]) in q.inconsistent_pairs.iter().enumerate() {
        let path = format!("quality.inconsistent_pairs[{p}]");
        let mut known = true;
        for (k, id) in [x, y].into_iter().enumerate() {
            if !item_index.contains_key(id.as_str()) {
                out.push(problem(format!("{path}[{k}]"), K::UnknownItem(id.clone())));
                known = false;
            }
        }
        if !known {
            continue;
        }
        if x == y {
            out.push(problem(path, K::SameItem));
            continue;
        }
        let key = if x < y {
            (x.as_str(), y.as_str())
        } else {
            (y.as_str(), x.as_str())
        };
        if let Some(first) = seen_pairs.get(&key) {
            out.push(problem(path, K::DuplicatePair(*first)));
            continue;
        }
        seen_pairs.insert(key, p);
        let (a, b) = (
            &raw.items[item_index[x.as_str()]],
            &raw.items[item_index[y.as_str()]],
        );
        if a.facet != b.facet {
            out.push(problem(path.clone(), K::DifferentFacets));
        } else if paired && a.pole != b.pole {
            out.push(problem(path.clone(), K::DifferentPoles));
        }
        if a.keyed == b.keyed {
            out.push(problem(path, K::SameKey));
        }
    }
    let pairs = q.inconsistent_pairs.len();
    if pairs > 0 && q.max_inconsistent_pairs as usize >= pairs {
        out.push(problem(
            "quality.max_inconsistent_pairs",
            K::MaxPairsUnreachable {
                max: q.max_inconsistent_pairs,
                pairs,
            },
        ));
    }

    let (form, kind, rule) = (form?, kind?, rule?);
    if !typed_ok {
        return None;
    }
    let facets = raw.facets.into_iter().map(facet).collect();
    Some(Instrument {
        format: raw.format,
        id: raw.id,
        version: raw.version,
        form,
        construct: raw.construct,
        title: raw.title,
        instructions: raw.instructions,
        purpose: raw.purpose,
        response: ResponseScale {
            kind,
            points,
            labels: raw.response.labels,
        },
        facets,
        items,
        open_question: raw.open_question.map(|q| OpenQuestion {
            prompt: q.prompt,
            max_chars: q.max_chars,
        }),
        scoring: Scoring {
            rule,
            min_answered: share,
        },
        quality: quality_spec(raw.quality),
        hash: String::new(),
    })
}

/// Rules that span several instruments: ids unique across instruments, and the forms of one
/// construct sharing the same facet ids and response kind (so self-versus-observer gaps can be
/// computed facet by facet). Paths start with the instrument id: `three-postures-observer.facets`.
pub fn problems_across(instruments: &[Instrument]) -> Vec<InstrumentProblem> {
    fn facets(x: &Instrument) -> Vec<&str> {
        let mut v: Vec<&str> = x.facets.iter().map(|f| f.id.as_str()).collect();
        sorting::sort(&mut v);
        v
    }
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for i in instruments {
        if !ids.insert(i.id.as_str()) {
            out.push(problem(
                format!("{}.id", i.id),
                ProblemKind::DuplicateId(i.id.clone()),
            ));
        }
    }
    for (n, i) in instruments.iter().enumerate() {
        let Some(first) = instruments[..n]
            .iter()
            .find(|o| o.construct == i.construct && o.id != i.id)
        else {
            continue;
        };
        if facets(first) != facets(i) {
            out.push(problem(
                format!("{}.facets", i.id),
                ProblemKind::FacetsDifferAcrossForms(first.id.clone()),
            ));
        }
        if first.response.kind != i.response.kind {
            out.push(problem(
                format!("{}.response.kind", i.id),
                ProblemKind::KindDiffersAcrossForms(first.id.clone()),
            ));
        }
    }
    out
}
