//! The mediator's rating of a work session: a behaviourally anchored rating scale (BARS) as
//! data, and the ratings stored in the observation.
//!
//! A rating grid (`rally-bars`, documented in `docs/schemes.md`, section "Rating grid") lists
//! dimensions of the CEO–candidate interaction; each dimension has five levels, each anchored by
//! a concrete, observable behaviour of the pair. [`read_bars`] checks a grid file and reports
//! every problem with its exact path (`dimensions[2].anchors[4].text`). The default grid,
//! `data/bars/default.json`, is embedded in the app ([`default_bars`]).
//!
//! The ratings themselves ([`Rating`]) live in [`super::log::Observation`] and change only
//! through its actions (`Rate`, `ClearRating`, `SetSynthesis`).

use super::walk::{at, Problem, Walker};
use crate::domain::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::sorting;
use crate::domain::text::Bilingual;
use crate::domain::text::{check_text, TextError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The value of the `format` field of a rating grid file.
pub const BARS_FORMAT: &str = "rally-bars";
/// The lowest level of the scale.
pub const LEVEL_MIN: u8 = 1;
/// The highest level of the scale.
pub const LEVEL_MAX: u8 = 5;
/// Most dimensions in a grid.
pub const MAX_DIMENSIONS: usize = 12;
/// Longest identifier (grid, dimension): the same rule as scheme identifiers.
pub const MAX_ID_CHARS: usize = 64;
/// Longest synthesis of an observation, in characters.
pub const MAX_SYNTHESIS_CHARS: usize = 10_000;
/// Longest comment on one rating, in characters.
pub const MAX_COMMENT_CHARS: usize = MAX_TEXT_CHARS;
/// Most events cited as evidence for one rating.
pub const MAX_EVIDENCE: usize = 100;

/// One level of a dimension and the behaviour that anchors it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// 1 to 5.
    pub level: u8,
    pub text: Bilingual,
}

/// One rated dimension: what it covers and its five anchors, sorted by level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: Bilingual,
    pub definition: Bilingual,
    /// Exactly one anchor per level, levels 1 to 5 in order.
    pub anchors: Vec<Anchor>,
}

impl Dimension {
    pub fn anchor(&self, level: u8) -> Option<&Anchor> {
        self.anchors.iter().find(|a| a.level == level)
    }
}

/// A rating grid. `id` and `version` identify it; an observation records both ([`BarsRef`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bars {
    pub id: String,
    /// The content version: bumped whenever an anchor changes meaning.
    pub version: u32,
    #[serde(default)]
    pub name: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    /// In display order.
    pub dimensions: Vec<Dimension>,
}

impl Bars {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }
}

/// The rating grid an observation was rated with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BarsRef {
    pub id: String,
    pub version: u32,
}

impl BarsRef {
    pub fn of(bars: &Bars) -> Self {
        Self {
            id: bars.id.clone(),
            version: bars.version,
        }
    }
}

impl std::fmt::Display for BarsRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} v{}", self.id, self.version)
    }
}

/// The mediator's rating of one dimension, with the coded events that support it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// A dimension id of the observation's grid.
    pub dimension: String,
    /// 1 to 5.
    pub level: u8,
    /// Ids of events of the observation's log, in the order the mediator cited them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Uuid>,
    /// Trimmed; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// What is wrong at one place of a rating grid file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("at {path}: {kind}")]
pub struct BarsProblem {
    /// `dimensions[2].anchors[4].text.fr`, `version`…; empty for the whole file.
    pub path: String,
    pub kind: BarsProblemKind,
}

/// The kinds of problems a rating grid can have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BarsProblemKind {
    #[error("this is not a Rally rating grid")]
    NotABars,
    #[error("this field is required")]
    Missing,
    #[error("expected {expected}")]
    WrongType { expected: &'static str },
    #[error("unknown field")]
    UnknownField,
    #[error("the text is empty")]
    Blank,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the text contains invisible control characters")]
    ForbiddenCharacters,
    #[error("an identifier uses only a–z, 0–9, “_” and “-”, at most 64 characters")]
    BadId,
    #[error("this identifier is already used at {other}")]
    DuplicateId { other: String },
    #[error("the list needs at least one entry")]
    Empty,
    #[error("the list has more than {max} entries")]
    TooMany { max: usize },
    #[error("the version must be 1 or more")]
    ZeroVersion,
    #[error("level {level} is not on the scale (1 to 5)")]
    LevelOutOfRange { level: u64 },
    #[error("this level is already anchored at {other}")]
    DuplicateLevel { other: String },
    #[error("level {level} has no anchor")]
    MissingLevel { level: u8 },
}

/// Why a rating grid file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BarsError {
    #[error("the JSON is malformed at line {line}, column {column}")]
    NotJson { line: usize, column: usize },
    #[error("{} problem(s) in the rating grid: {}", .0.len(), join(.0))]
    Invalid(Vec<BarsProblem>),
}

fn join(problems: &[BarsProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// `a`–`z`, `0`–`9`, `_`, `-`, 1 to 64 characters (the rule of scheme identifiers).
pub fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Reads and checks a rating grid file. Every problem is reported, each with its path; a grid
/// is returned only when there is none. Anchors come back sorted by level.
pub fn read_bars(text: &str) -> Result<Bars, BarsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| BarsError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    read_bars_value(&value)
}

/// Like [`read_bars`], from parsed JSON.
pub fn read_bars_value(value: &Value) -> Result<Bars, BarsError> {
    let mut r = Reader::default();
    match r.bars(value) {
        Some(bars) if r.problems.is_empty() => Ok(bars),
        _ => Err(BarsError::Invalid(r.problems)),
    }
}

/// The text of the built-in grid file.
pub const DEFAULT_BARS_JSON: &str = include_str!("../../../data/bars/default.json");

/// The built-in rating grid (`data/bars/default.json`). Read by shape only: the tests below
/// check that the file passes every rule of [`read_bars`] and reads the same both ways, so the
/// pages do not carry the checks.
pub fn default_bars() -> &'static Bars {
    static BARS: std::sync::OnceLock<Bars> = std::sync::OnceLock::new();
    BARS.get_or_init(|| {
        serde_json::from_str(DEFAULT_BARS_JSON)
            .expect("the built-in rating grid reads (see the tests)")
    })
}

/// The walker, with this file's problems.
type Reader = Walker<BarsProblem>;

impl Problem for BarsProblem {
    type Kind = BarsProblemKind;
    fn new(path: String, kind: BarsProblemKind) -> Self {
        BarsProblem { path, kind }
    }
    fn missing() -> BarsProblemKind {
        BarsProblemKind::Missing
    }
    fn wrong_type(expected: &'static str) -> BarsProblemKind {
        BarsProblemKind::WrongType { expected }
    }
    fn unknown_field() -> BarsProblemKind {
        BarsProblemKind::UnknownField
    }
}

impl Walker<BarsProblem> {
    fn id(&mut self, obj: &Map<String, Value>, path: &str) -> String {
        let id = self.string(obj, path, "id", true);
        if let Some(id) = &id {
            if !id_is_valid(id) {
                self.report(at(path, "id"), BarsProblemKind::BadId);
            }
        }
        id.unwrap_or_default()
    }

    fn whole(&mut self, obj: &Map<String, Value>, path: &str, name: &str) -> Option<u64> {
        let v = self.field(obj, path, name, true)?;
        let n = v.as_u64();
        if n.is_none() {
            self.report(
                at(path, name),
                BarsProblemKind::WrongType {
                    expected: "a whole number",
                },
            );
        }
        n
    }

    /// A bilingual text: each language a text within `max` characters without control
    /// characters (line breaks allowed in long texts); a required one not blank in both.
    fn bilingual(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        name: &str,
        max: usize,
        required: bool,
    ) -> Bilingual {
        let Some(v) = self.field(obj, path, name, required) else {
            return Bilingual::default();
        };
        let p = at(path, name);
        let Some(o) = self.object(v, &p, &["fr", "en"]) else {
            return Bilingual::default();
        };
        let mut shape_ok = true;
        let mut langs = [String::new(), String::new()];
        for (slot, lang) in langs.iter_mut().zip(["fr", "en"]) {
            let lp = at(&p, lang);
            match o.get(lang) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => {
                    match check_text(s, max) {
                        Ok(()) => {}
                        Err(TextError::TooLong) => {
                            self.report(lp, BarsProblemKind::TooLong { max });
                        }
                        Err(_) => self.report(lp, BarsProblemKind::ForbiddenCharacters),
                    }
                    *slot = s.clone();
                }
                Some(_) => {
                    shape_ok = false;
                    self.report(lp, BarsProblemKind::WrongType { expected: "a text" });
                }
            }
        }
        let [fr, en] = langs;
        let text = Bilingual { fr, en };
        if required && shape_ok && text.is_blank() {
            self.report(p, BarsProblemKind::Blank);
        }
        text
    }

    fn bars(&mut self, v: &Value) -> Option<Bars> {
        let Some(obj) = v.as_object() else {
            self.report(String::new(), BarsProblemKind::NotABars);
            return None;
        };
        if obj.get("format").and_then(Value::as_str) != Some(BARS_FORMAT) {
            self.report("format".into(), BarsProblemKind::NotABars);
            return None;
        }
        let fields = [
            "format",
            "id",
            "version",
            "name",
            "description",
            "dimensions",
        ];
        let obj = self.object(v, "", &fields)?;
        let id = self.id(obj, "");
        let version = match self.whole(obj, "", "version") {
            None => 1,
            Some(0) => {
                self.report("version".into(), BarsProblemKind::ZeroVersion);
                1
            }
            Some(n) => match u32::try_from(n) {
                Ok(n) => n,
                Err(_) => {
                    self.report(
                        "version".into(),
                        BarsProblemKind::WrongType {
                            expected: "a whole number below 2³²",
                        },
                    );
                    1
                }
            },
        };
        let name = self.bilingual(obj, "", "name", MAX_NAME_CHARS, false);
        let description = self.bilingual(obj, "", "description", MAX_TEXT_CHARS, false);

        let values = match self.field(obj, "", "dimensions", true) {
            Some(Value::Array(a)) if a.is_empty() => {
                self.report("dimensions".into(), BarsProblemKind::Empty);
                &[][..]
            }
            Some(Value::Array(a)) => {
                if a.len() > MAX_DIMENSIONS {
                    self.report(
                        "dimensions".into(),
                        BarsProblemKind::TooMany {
                            max: MAX_DIMENSIONS,
                        },
                    );
                }
                &a[..]
            }
            Some(_) => {
                self.report(
                    "dimensions".into(),
                    BarsProblemKind::WrongType { expected: "a list" },
                );
                &[][..]
            }
            None => &[][..],
        };
        let mut dimensions = Vec::new();
        let mut seen: Vec<(String, String)> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let path = format!("dimensions[{i}]");
            let Some(d) = self.dimension(v, &path) else {
                continue;
            };
            if id_is_valid(&d.id) {
                if let Some((_, other)) = seen.iter().find(|(x, _)| *x == d.id) {
                    let other = other.clone();
                    self.report(at(&path, "id"), BarsProblemKind::DuplicateId { other });
                } else {
                    seen.push((d.id.clone(), at(&path, "id")));
                }
            }
            dimensions.push(d);
        }
        Some(Bars {
            id,
            version,
            name,
            description,
            dimensions,
        })
    }

    fn dimension(&mut self, v: &Value, path: &str) -> Option<Dimension> {
        let o = self.object(v, path, &["id", "name", "definition", "anchors"])?;
        let id = self.id(o, path);
        let name = self.bilingual(o, path, "name", MAX_NAME_CHARS, true);
        let definition = self.bilingual(o, path, "definition", MAX_TEXT_CHARS, true);
        let list = at(path, "anchors");
        let values = self.array(o, path, "anchors");
        let mut anchors: Vec<Anchor> = Vec::new();
        // Where each level was anchored first, to name it in a duplicate's problem.
        let mut first: [Option<String>; LEVEL_MAX as usize] = Default::default();
        let mut unreadable = !o.get("anchors").is_some_and(Value::is_array);
        for (j, v) in values.iter().enumerate() {
            let apath = format!("{list}[{j}]");
            let Some(ao) = self.object(v, &apath, &["level", "text"]) else {
                unreadable = true;
                continue;
            };
            let level = match self.whole(ao, &apath, "level") {
                None => {
                    unreadable = true;
                    None
                }
                Some(n) if (u64::from(LEVEL_MIN)..=u64::from(LEVEL_MAX)).contains(&n) => {
                    Some(n as u8)
                }
                Some(n) => {
                    self.report(
                        at(&apath, "level"),
                        BarsProblemKind::LevelOutOfRange { level: n },
                    );
                    None
                }
            };
            let text = self.bilingual(ao, &apath, "text", MAX_TEXT_CHARS, true);
            let Some(level) = level else {
                continue;
            };
            let slot = &mut first[usize::from(level - LEVEL_MIN)];
            if let Some(other) = slot {
                let other = other.clone();
                self.report(
                    at(&apath, "level"),
                    BarsProblemKind::DuplicateLevel { other },
                );
            } else {
                *slot = Some(at(&apath, "level"));
                anchors.push(Anchor { level, text });
            }
        }
        // A level is missing only if every entry could be read (an unreadable one may be it).
        if !unreadable {
            for (i, f) in first.iter().enumerate() {
                if f.is_none() {
                    self.report(
                        list.clone(),
                        BarsProblemKind::MissingLevel {
                            level: LEVEL_MIN + i as u8,
                        },
                    );
                }
            }
        }
        sorting::sort_by_key(&mut anchors, |a| a.level);
        Some(Dimension {
            id,
            name,
            definition,
            anchors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;
    use serde_json::json;

    fn problems(v: Value) -> Vec<(String, BarsProblemKind)> {
        match read_bars_value(&v) {
            Ok(_) => Vec::new(),
            Err(BarsError::Invalid(p)) => p.into_iter().map(|p| (p.path, p.kind)).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    fn anchors() -> Value {
        Value::Array(
            (1..=5)
                .map(|l| json!({ "level": l, "text": { "fr": format!("niveau {l}"), "en": format!("level {l}") } }))
                .collect(),
        )
    }

    fn minimal() -> Value {
        json!({
            "format": "rally-bars",
            "id": "mini",
            "version": 1,
            "dimensions": [
                { "id": "a", "name": { "fr": "A", "en": "A" }, "definition": { "fr": "d", "en": "d" }, "anchors": anchors() }
            ]
        })
    }

    #[test]
    fn the_default_grid_has_the_six_dimensions_fully_anchored() {
        let bars = read_bars(DEFAULT_BARS_JSON).expect("default.json is valid");
        assert_eq!(bars, *default_bars());
        assert_eq!(bars.id, "default");
        assert_eq!(bars.version, 1);
        let ids: Vec<&str> = bars.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "listening_reformulation",
                "co_construction",
                "handling_disagreement",
                "stakes_why",
                "role_respect",
                "energy_pace"
            ]
        );
        for d in &bars.dimensions {
            for t in [&d.name, &d.definition] {
                assert!(
                    !t.fr.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    d.id
                );
            }
            let levels: Vec<u8> = d.anchors.iter().map(|a| a.level).collect();
            assert_eq!(levels, [1, 2, 3, 4, 5], "{}", d.id);
            for a in &d.anchors {
                assert!(
                    a.text.fr.len() > 60 && a.text.en.len() > 60,
                    "{} level {}: an anchor describes a behaviour, not a word",
                    d.id,
                    a.level
                );
            }
            // Anchors differ from one level to the next.
            let mut texts: Vec<&str> = d.anchors.iter().map(|a| a.text.get(Lang::En)).collect();
            texts.dedup();
            assert_eq!(texts.len(), 5);
        }
    }

    #[test]
    fn a_minimal_grid_reads_and_anchors_are_sorted() {
        let mut v = minimal();
        v["dimensions"][0]["anchors"]
            .as_array_mut()
            .unwrap()
            .reverse();
        let bars = read_bars_value(&v).unwrap();
        let levels: Vec<u8> = bars.dimensions[0].anchors.iter().map(|a| a.level).collect();
        assert_eq!(levels, [1, 2, 3, 4, 5]);
        assert_eq!(bars.dimensions[0].anchor(3).unwrap().text.en, "level 3");
        assert_eq!(bars.dimension("a").map(|d| d.id.as_str()), Some("a"));
        assert_eq!(BarsRef::of(&bars).to_string(), "mini v1");
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut v = minimal();
        v["version"] = json!(0);
        v["colour"] = json!("red");
        v["id"] = json!("Bad Id");
        let mut second = v["dimensions"][0].clone();
        second["name"] = json!({ "fr": " ", "en": "" });
        second["definition"] = json!({ "fr": "a\u{7}b", "en": 3 });
        let list = second["anchors"].as_array_mut().unwrap();
        list[1]["level"] = json!(1);
        list[2]["level"] = json!(7);
        list[3]["text"] = json!("plain");
        list[4]["hint"] = json!(true);
        v["dimensions"].as_array_mut().unwrap().push(second);
        let p = problems(v);
        let expected = vec![
            ("colour".to_owned(), BarsProblemKind::UnknownField),
            ("id".into(), BarsProblemKind::BadId),
            ("version".into(), BarsProblemKind::ZeroVersion),
            ("dimensions[1].name".into(), BarsProblemKind::Blank),
            (
                "dimensions[1].definition.fr".into(),
                BarsProblemKind::ForbiddenCharacters,
            ),
            (
                "dimensions[1].definition.en".into(),
                BarsProblemKind::WrongType { expected: "a text" },
            ),
            (
                "dimensions[1].anchors[1].level".into(),
                BarsProblemKind::DuplicateLevel {
                    other: "dimensions[1].anchors[0].level".into(),
                },
            ),
            (
                "dimensions[1].anchors[2].level".into(),
                BarsProblemKind::LevelOutOfRange { level: 7 },
            ),
            (
                "dimensions[1].anchors[3].text".into(),
                BarsProblemKind::WrongType {
                    expected: "an object",
                },
            ),
            (
                "dimensions[1].anchors[4].hint".into(),
                BarsProblemKind::UnknownField,
            ),
            (
                "dimensions[1].anchors".into(),
                BarsProblemKind::MissingLevel { level: 2 },
            ),
            (
                "dimensions[1].anchors".into(),
                BarsProblemKind::MissingLevel { level: 3 },
            ),
            (
                "dimensions[1].id".into(),
                BarsProblemKind::DuplicateId {
                    other: "dimensions[0].id".into(),
                },
            ),
        ];
        let sorted = |mut x: Vec<(String, BarsProblemKind)>| {
            x.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            x
        };
        assert_eq!(sorted(p), sorted(expected));
    }

    #[test]
    fn file_level_problems() {
        assert_eq!(
            read_bars("{ nope"),
            Err(BarsError::NotJson { line: 1, column: 3 })
        );
        assert_eq!(
            problems(json!([1])),
            vec![(String::new(), BarsProblemKind::NotABars)]
        );
        assert_eq!(
            problems(json!({ "format": "rally-scheme" })),
            vec![("format".into(), BarsProblemKind::NotABars)]
        );
        assert_eq!(
            problems(json!({ "format": "rally-bars" })),
            vec![
                ("id".into(), BarsProblemKind::Missing),
                ("version".into(), BarsProblemKind::Missing),
                ("dimensions".into(), BarsProblemKind::Missing),
            ]
        );
        assert_eq!(
            problems(json!({ "format": "rally-bars", "id": "x", "version": 1, "dimensions": [] })),
            vec![("dimensions".into(), BarsProblemKind::Empty)]
        );
        let mut v = minimal();
        let d = v["dimensions"][0].clone();
        v["dimensions"] = Value::Array(
            (0..=MAX_DIMENSIONS)
                .map(|i| {
                    let mut d = d.clone();
                    d["id"] = json!(format!("d{i}"));
                    d
                })
                .collect(),
        );
        assert_eq!(
            problems(v),
            vec![(
                "dimensions".into(),
                BarsProblemKind::TooMany {
                    max: MAX_DIMENSIONS
                }
            )]
        );
        let mut v = minimal();
        v["dimensions"][0]["anchors"] = json!({});
        assert_eq!(
            problems(v),
            vec![(
                "dimensions[0].anchors".into(),
                BarsProblemKind::WrongType { expected: "a list" }
            )]
        );
        let mut v = minimal();
        v["dimensions"][0]["name"]["en"] = json!("x".repeat(MAX_NAME_CHARS + 1));
        assert_eq!(
            problems(v),
            vec![(
                "dimensions[0].name.en".into(),
                BarsProblemKind::TooLong {
                    max: MAX_NAME_CHARS
                }
            )]
        );
        // A byte-order mark is tolerated.
        let text = format!("\u{feff}{}", minimal());
        assert!(read_bars(&text).is_ok());
    }
}
