//! Coding schemes as data: the codes a mediator presses during a work session, grouped in
//! categories, with the actors' keys. A scheme is a versioned JSON file (`rally-scheme`,
//! documented in `docs/schemes.md`); [`read_scheme`] checks it and reports every problem with
//! its exact path (`codes[12].key`), not just the first one. The default scheme,
//! `data/schemes/bales-dyad.json`, is embedded in the app ([`default_scheme`]).

use super::walk::{at, Problem, Walker};
use crate::domain::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::text::Bilingual;
use crate::domain::text::{check_text, TextError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The value of the `format` field of a scheme file.
pub const SCHEME_FORMAT: &str = "rally-scheme";
/// The scheme file format version this build reads and writes.
pub const SCHEME_FORMAT_VERSION: u64 = 1;
/// Keys are one lowercase letter or digit: 36 keys, two of them for the actors.
pub const MAX_CODES: usize = 34;
/// Most categories in a scheme.
pub const MAX_CATEGORIES: usize = 34;
/// Most modifiers on one code.
pub const MAX_MODIFIERS: usize = 9;
/// Longest identifier (scheme, category, code, modifier).
pub const MAX_ID_CHARS: usize = 64;

/// The two people observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Ceo,
    Candidate,
}

impl Actor {
    pub const ALL: [Actor; 2] = [Actor::Ceo, Actor::Candidate];

    /// 0 for the CEO, 1 for the candidate (array positions).
    pub fn index(self) -> usize {
        match self {
            Actor::Ceo => 0,
            Actor::Candidate => 1,
        }
    }

    pub fn other(self) -> Actor {
        match self {
            Actor::Ceo => Actor::Candidate,
            Actor::Candidate => Actor::Ceo,
        }
    }
}

/// Who a code can be applied to. `none` is for codes that belong to nobody (a shared silence,
/// a marker).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    Ceo,
    Candidate,
    Both,
    None,
}

impl Applies {
    /// True when an event of this code may carry `actor` (`None` = no actor).
    pub fn allows(self, actor: Option<Actor>) -> bool {
        matches!(
            (self, actor),
            (Applies::None, None)
                | (Applies::Both, Some(_))
                | (Applies::Ceo, Some(Actor::Ceo))
                | (Applies::Candidate, Some(Actor::Candidate))
        )
    }
}

/// A point event happens at an instant; a state event lasts (it has a duration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    Point,
    State,
}

/// The four areas of Bales' Interaction Process Analysis. A category with an area holds
/// *acts*: the units the floor share and the profiles count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    PositiveSocioEmotional,
    AttemptedAnswers,
    Questions,
    NegativeSocioEmotional,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::PositiveSocioEmotional,
        Area::AttemptedAnswers,
        Area::Questions,
        Area::NegativeSocioEmotional,
    ];

    /// Position in [`Area::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a code means to the indices, whatever its label: lets any scheme feed the
/// meta-communication indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    BuildsOn,
    Reformulates,
    AsksWhy,
    Proposes,
    AcceptsRefusal,
    Interrupts,
    TalksOver,
    /// A state code: neither person speaks.
    Silence,
    /// A "moment to note" marker.
    Marker,
}

impl Tag {
    pub const ALL: [Tag; 9] = [
        Tag::BuildsOn,
        Tag::Reformulates,
        Tag::AsksWhy,
        Tag::Proposes,
        Tag::AcceptsRefusal,
        Tag::Interrupts,
        Tag::TalksOver,
        Tag::Silence,
        Tag::Marker,
    ];
    /// Tags counted as per-actor rates by the indices.
    pub const RATED: [Tag; 7] = [
        Tag::BuildsOn,
        Tag::Reformulates,
        Tag::AsksWhy,
        Tag::Proposes,
        Tag::AcceptsRefusal,
        Tag::Interrupts,
        Tag::TalksOver,
    ];

    /// The kind of code the tag requires.
    pub fn kind(self) -> CodeKind {
        match self {
            Tag::Silence => CodeKind::State,
            _ => CodeKind::Point,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Tag::BuildsOn => "builds_on",
            Tag::Reformulates => "reformulates",
            Tag::AsksWhy => "asks_why",
            Tag::Proposes => "proposes",
            Tag::AcceptsRefusal => "accepts_refusal",
            Tag::Interrupts => "interrupts",
            Tag::TalksOver => "talks_over",
            Tag::Silence => "silence",
            Tag::Marker => "marker",
        }
    }
}

/// The key that selects an actor before a code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorKey {
    pub actor: Actor,
    pub key: String,
    pub label: Bilingual,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub label: Bilingual,
    #[serde(default)]
    pub definition: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
}

/// An optional qualifier of a code (for example a faithful or a distorting reformulation).
/// Its key, if any, is read only while the modifier choice is open, so it may repeat a code key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Modifier {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub label: Bilingual,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub id: String,
    pub key: String,
    pub label: Bilingual,
    #[serde(default)]
    pub definition: Bilingual,
    pub category: String,
    pub kind: CodeKind,
    pub actors: Applies,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
}

impl Code {
    pub fn modifier(&self, id: &str) -> Option<&Modifier> {
        self.modifiers.iter().find(|m| m.id == id)
    }
}

/// A coding scheme. `id` and `version` identify it; an observation records both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheme {
    pub id: String,
    /// The content version: bumped whenever codes change meaning.
    pub version: u32,
    pub name: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    pub actors: Vec<ActorKey>,
    pub categories: Vec<Category>,
    pub codes: Vec<Code>,
}

/// What is wrong at one place of a scheme file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("at {path}: {kind}")]
pub struct SchemeProblem {
    /// `codes[12].key`, `actors`, `name.fr`…; empty for the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

/// The kinds of problems a scheme can have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("this is not a Rally coding scheme")]
    NotAScheme,
    #[error("scheme format version {found} is not supported (this build reads {supported})")]
    UnsupportedVersion { found: u64, supported: u64 },
    #[error("this field is required")]
    Missing,
    #[error("expected {expected}")]
    WrongType { expected: &'static str },
    #[error("unknown field")]
    UnknownField,
    #[error("“{value}” is not one of: {allowed}")]
    NotAllowed {
        value: String,
        allowed: &'static str,
    },
    #[error("the text is empty")]
    Blank,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the text contains invisible control characters")]
    ForbiddenCharacters,
    #[error("an identifier uses only a–z, 0–9, “_” and “-”, at most 64 characters")]
    BadId,
    #[error("a key is one lowercase letter a–z or one digit 0–9")]
    BadKey,
    #[error("this key is already used at {other}")]
    DuplicateKey { other: String },
    #[error("this identifier is already used at {other}")]
    DuplicateId { other: String },
    #[error("no category has the identifier “{id}”")]
    UnknownCategory { id: String },
    #[error("the actors must include the {}", match .0 { Actor::Ceo => "CEO", Actor::Candidate => "candidate" })]
    MissingActor(Actor),
    #[error("this actor is already declared at {other}")]
    DuplicateActor { other: String },
    #[error("a code tagged {tag:?} must be a {kind:?} code")]
    TagNeedsKind { tag: Tag, kind: CodeKind },
    #[error("the list needs at least one entry")]
    Empty,
    #[error("the list has more than {max} entries")]
    TooMany { max: usize },
    #[error("the version must be 1 or more")]
    ZeroVersion,
}

/// Why a scheme file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SchemeError {
    #[error("the JSON is malformed at line {line}, column {column}")]
    NotJson { line: usize, column: usize },
    #[error("{} problem(s) in the scheme: {}", .0.len(), join(.0))]
    Invalid(Vec<SchemeProblem>),
}

fn join(problems: &[SchemeProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn problem(path: impl Into<String>, kind: ProblemKind) -> SchemeProblem {
    SchemeProblem {
        path: path.into(),
        kind,
    }
}

/// True for `a`–`z` and `0`–`9`, exactly one character: typed without a modifier key on
/// QWERTY (letters also on AZERTY, where digits need Shift: see `docs/schemes.md`).
pub fn key_is_valid(key: &str) -> bool {
    let mut chars = key.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase() || c.is_ascii_digit())
}

fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

impl Scheme {
    pub fn code(&self, id: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }

    /// The code a key press selects (keys are lowercase; the caller lowercases the key).
    pub fn code_by_key(&self, key: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.key == key)
    }

    /// The actor a key press selects.
    pub fn actor_by_key(&self, key: &str) -> Option<Actor> {
        self.actors.iter().find(|a| a.key == key).map(|a| a.actor)
    }

    pub fn actor(&self, actor: Actor) -> Option<&ActorKey> {
        self.actors.iter().find(|a| a.actor == actor)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The Bales area of a code's category, if it has one (then its point events are acts).
    pub fn area_of(&self, code: &Code) -> Option<Area> {
        self.category(&code.category).and_then(|c| c.area)
    }

    /// The scheme as a file: pretty JSON with the format marker and version.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct File<'a> {
            format: &'static str,
            format_version: u64,
            #[serde(flatten)]
            scheme: &'a Scheme,
        }
        serde_json::to_string(&File {
            format: SCHEME_FORMAT,
            format_version: SCHEME_FORMAT_VERSION,
            scheme: self,
        })
        .expect("a scheme always serialises")
    }

    /// Every rule of meaning the scheme breaks (types are already right here), each with its
    /// path. Empty when the scheme is sound.
    pub fn problems(&self) -> Vec<SchemeProblem> {
        let mut out = Vec::new();
        if !id_is_valid(&self.id) {
            out.push(problem("id", ProblemKind::BadId));
        }
        if self.version == 0 {
            out.push(problem("version", ProblemKind::ZeroVersion));
        }
        text(&mut out, "name", &self.name, MAX_NAME_CHARS, true);
        text(
            &mut out,
            "description",
            &self.description,
            MAX_TEXT_CHARS,
            false,
        );

        // Keys are shared by actors and codes: each key with the path of its first use.
        let mut keys: Vec<(&str, String)> = Vec::new();

        let mut seen_actors: Vec<(Actor, String)> = Vec::new();
        for (i, a) in self.actors.iter().enumerate() {
            let path = format!("actors[{i}]");
            if let Some((_, other)) = seen_actors.iter().find(|(x, _)| *x == a.actor) {
                out.push(problem(
                    format!("{path}.actor"),
                    ProblemKind::DuplicateActor {
                        other: other.clone(),
                    },
                ));
            } else {
                seen_actors.push((a.actor, format!("{path}.actor")));
            }
            unique_key(&mut out, &mut keys, &a.key, format!("{path}.key"));
            text(
                &mut out,
                &format!("{path}.label"),
                &a.label,
                MAX_NAME_CHARS,
                true,
            );
        }
        for actor in Actor::ALL {
            if !self.actors.iter().any(|a| a.actor == actor) {
                out.push(problem("actors", ProblemKind::MissingActor(actor)));
            }
        }

        if self.categories.is_empty() {
            out.push(problem("categories", ProblemKind::Empty));
        } else if self.categories.len() > MAX_CATEGORIES {
            out.push(problem(
                "categories",
                ProblemKind::TooMany {
                    max: MAX_CATEGORIES,
                },
            ));
        }
        let mut ids: Vec<(&str, String)> = Vec::new();
        for (i, c) in self.categories.iter().enumerate() {
            let path = format!("categories[{i}]");
            unique_id(&mut out, &mut ids, &c.id, format!("{path}.id"));
            text(
                &mut out,
                &format!("{path}.label"),
                &c.label,
                MAX_NAME_CHARS,
                true,
            );
            text(
                &mut out,
                &format!("{path}.definition"),
                &c.definition,
                MAX_TEXT_CHARS,
                false,
            );
        }

        if self.codes.is_empty() {
            out.push(problem("codes", ProblemKind::Empty));
        } else if self.codes.len() > MAX_CODES {
            out.push(problem("codes", ProblemKind::TooMany { max: MAX_CODES }));
        }
        let mut ids: Vec<(&str, String)> = Vec::new();
        for (i, c) in self.codes.iter().enumerate() {
            let path = format!("codes[{i}]");
            unique_id(&mut out, &mut ids, &c.id, format!("{path}.id"));
            unique_key(&mut out, &mut keys, &c.key, format!("{path}.key"));
            text(
                &mut out,
                &format!("{path}.label"),
                &c.label,
                MAX_NAME_CHARS,
                true,
            );
            text(
                &mut out,
                &format!("{path}.definition"),
                &c.definition,
                MAX_TEXT_CHARS,
                false,
            );
            if !c.category.is_empty() && self.category(&c.category).is_none() {
                out.push(problem(
                    format!("{path}.category"),
                    ProblemKind::UnknownCategory {
                        id: c.category.clone(),
                    },
                ));
            }
            if let Some(tag) = c.tag {
                if tag.kind() != c.kind {
                    out.push(problem(
                        format!("{path}.kind"),
                        ProblemKind::TagNeedsKind {
                            tag,
                            kind: tag.kind(),
                        },
                    ));
                }
            }
            if c.modifiers.len() > MAX_MODIFIERS {
                out.push(problem(
                    format!("{path}.modifiers"),
                    ProblemKind::TooMany { max: MAX_MODIFIERS },
                ));
            }
            let mut mod_ids: Vec<(&str, String)> = Vec::new();
            let mut mod_keys: Vec<(&str, String)> = Vec::new();
            for (j, m) in c.modifiers.iter().enumerate() {
                let mpath = format!("{path}.modifiers[{j}]");
                unique_id(&mut out, &mut mod_ids, &m.id, format!("{mpath}.id"));
                if let Some(key) = &m.key {
                    unique_key(&mut out, &mut mod_keys, key, format!("{mpath}.key"));
                }
                text(
                    &mut out,
                    &format!("{mpath}.label"),
                    &m.label,
                    MAX_NAME_CHARS,
                    true,
                );
            }
        }
        out
    }
}

/// Checks an identifier's form and that no earlier one in `seen` is the same.
fn unique_id<'a>(
    out: &mut Vec<SchemeProblem>,
    seen: &mut Vec<(&'a str, String)>,
    id: &'a str,
    path: String,
) {
    if !id_is_valid(id) {
        out.push(problem(path, ProblemKind::BadId));
    } else if let Some((_, other)) = seen.iter().find(|(x, _)| *x == id) {
        let other = other.clone();
        out.push(problem(path, ProblemKind::DuplicateId { other }));
    } else {
        seen.push((id, path));
    }
}

/// Checks a key's form and that no earlier one in `seen` is the same.
fn unique_key<'a>(
    out: &mut Vec<SchemeProblem>,
    seen: &mut Vec<(&'a str, String)>,
    key: &'a str,
    path: String,
) {
    if !key_is_valid(key) {
        out.push(problem(path, ProblemKind::BadKey));
    } else if let Some((_, other)) = seen.iter().find(|(x, _)| *x == key) {
        let other = other.clone();
        out.push(problem(path, ProblemKind::DuplicateKey { other }));
    } else {
        seen.push((key, path));
    }
}

/// A bilingual text: required ones must not be blank; each language within `max` characters
/// and free of control characters.
fn text(out: &mut Vec<SchemeProblem>, path: &str, t: &Bilingual, max: usize, required: bool) {
    if required && t.is_blank() {
        out.push(problem(path, ProblemKind::Blank));
    }
    for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
        match check_text(s, max) {
            Ok(()) => {}
            Err(TextError::TooLong) => out.push(problem(
                format!("{path}.{lang}"),
                ProblemKind::TooLong { max },
            )),
            Err(_) => out.push(problem(
                format!("{path}.{lang}"),
                ProblemKind::ForbiddenCharacters,
            )),
        }
    }
}

/// Reads and checks a scheme file. Every problem is reported, each with its path; a scheme is
/// returned only when there is none.
pub fn read_scheme(text: &str) -> Result<Scheme, SchemeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| SchemeError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    read_scheme_value(&value)
}

/// Like [`read_scheme`], from parsed JSON.
pub fn read_scheme_value(value: &Value) -> Result<Scheme, SchemeError> {
    let mut r = Reader::default();
    let scheme = r.scheme(value);
    let mut problems = r.problems;
    if let Some(scheme) = scheme {
        // Meaning checks, except inside a place whose shape was already wrong (one problem per
        // place). A missing actor is not reported when an actor entry could not be read.
        let shape = problems.len();
        for p in scheme.problems() {
            let skip = problems[..shape].iter().any(|q| {
                inside(&q.path, &p.path)
                    || (matches!(p.kind, ProblemKind::MissingActor(_)) && inside("actors", &q.path))
            });
            if !skip {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            return Ok(scheme);
        }
    }
    Err(SchemeError::Invalid(problems))
}

/// True when `inner` is `outer` or lies inside it (`codes[3]` holds `codes[3].key`; the root
/// path, empty, holds everything).
fn inside(outer: &str, inner: &str) -> bool {
    outer.is_empty()
        || inner == outer
        || (inner.starts_with(outer)
            && matches!(inner.as_bytes().get(outer.len()), Some(b'.') | Some(b'[')))
}

/// The walker, with this file's problems.
type Reader = Walker<SchemeProblem>;

impl Problem for SchemeProblem {
    type Kind = ProblemKind;
    fn new(path: String, kind: ProblemKind) -> Self {
        SchemeProblem { path, kind }
    }
    fn missing() -> ProblemKind {
        ProblemKind::Missing
    }
    fn wrong_type(expected: &'static str) -> ProblemKind {
        ProblemKind::WrongType { expected }
    }
    fn unknown_field() -> ProblemKind {
        ProblemKind::UnknownField
    }
}

impl Walker<SchemeProblem> {
    fn bilingual(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
    ) -> Bilingual {
        let Some(v) = self.field(obj, path, name, required) else {
            return Bilingual::default();
        };
        let p = at(path, name);
        let Some(o) = self.object(v, &p, &["fr", "en"]) else {
            return Bilingual::default();
        };
        Bilingual {
            fr: self.string(o, &p, "fr", false).unwrap_or_default(),
            en: self.string(o, &p, "en", false).unwrap_or_default(),
        }
    }

    fn choice<T: Copy>(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
        options: &[(&str, T)],
        allowed: &'static str,
    ) -> Option<T> {
        let s = self.string(obj, path, name, required)?;
        match options.iter().find(|(n, _)| *n == s) {
            Some((_, t)) => Some(*t),
            None => {
                self.report(
                    at(path, name),
                    ProblemKind::NotAllowed { value: s, allowed },
                );
                None
            }
        }
    }

    fn scheme(&mut self, v: &Value) -> Option<Scheme> {
        let fields = [
            "format",
            "format_version",
            "id",
            "version",
            "name",
            "description",
            "actors",
            "categories",
            "codes",
        ];
        let Some(obj) = v.as_object() else {
            self.report(String::new(), ProblemKind::NotAScheme);
            return None;
        };
        if obj.get("format").and_then(Value::as_str) != Some(SCHEME_FORMAT) {
            self.report("format".into(), ProblemKind::NotAScheme);
            return None;
        }
        match obj.get("format_version").map(Value::as_u64) {
            None => {
                self.report("format_version".into(), ProblemKind::Missing);
                return None;
            }
            Some(Some(SCHEME_FORMAT_VERSION)) => {}
            Some(Some(found)) => {
                self.report(
                    "format_version".into(),
                    ProblemKind::UnsupportedVersion {
                        found,
                        supported: SCHEME_FORMAT_VERSION,
                    },
                );
                return None;
            }
            Some(None) => {
                self.report(
                    "format_version".into(),
                    ProblemKind::WrongType {
                        expected: "a whole number",
                    },
                );
                return None;
            }
        }
        let obj = self.object(v, "", &fields)?;
        let id = self.string(obj, "", "id", true).unwrap_or_default();
        let version = match self.field(obj, "", "version", true) {
            None => 1,
            Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => n,
                None => {
                    self.report(
                        "version".into(),
                        ProblemKind::WrongType {
                            expected: "a whole number",
                        },
                    );
                    1
                }
            },
        };
        let name = self.bilingual(obj, "", "name", true);
        let description = self.bilingual(obj, "", "description", false);

        let actor_values = self.array(obj, "", "actors");
        let mut actors = Vec::new();
        for (i, v) in actor_values.iter().enumerate() {
            let path = format!("actors[{i}]");
            let Some(o) = self.object(v, &path, &["actor", "key", "label"]) else {
                continue;
            };
            let actor = self.choice(
                o,
                &path,
                "actor",
                true,
                &[("ceo", Actor::Ceo), ("candidate", Actor::Candidate)],
                "ceo, candidate",
            );
            let key = self.string(o, &path, "key", true).unwrap_or_default();
            let label = self.bilingual(o, &path, "label", true);
            // An entry without a valid actor cannot be kept: its other fields still got checked.
            if let Some(actor) = actor {
                actors.push(ActorKey { actor, key, label });
            }
        }

        let category_values = self.array(obj, "", "categories");
        let mut categories = Vec::new();
        for (i, v) in category_values.iter().enumerate() {
            let path = format!("categories[{i}]");
            let Some(o) = self.object(v, &path, &["id", "label", "definition", "area"]) else {
                categories.push(Category {
                    id: String::new(),
                    label: Bilingual::default(),
                    definition: Bilingual::default(),
                    area: None,
                });
                continue;
            };
            categories.push(Category {
                id: self.string(o, &path, "id", true).unwrap_or_default(),
                label: self.bilingual(o, &path, "label", true),
                definition: self.bilingual(o, &path, "definition", false),
                area: self.choice(
                    o,
                    &path,
                    "area",
                    false,
                    &[
                        ("positive_socio_emotional", Area::PositiveSocioEmotional),
                        ("attempted_answers", Area::AttemptedAnswers),
                        ("questions", Area::Questions),
                        ("negative_socio_emotional", Area::NegativeSocioEmotional),
                    ],
                    "positive_socio_emotional, attempted_answers, questions, negative_socio_emotional",
                ),
            });
        }

        let code_values = self.array(obj, "", "codes");
        let mut codes = Vec::new();
        for (i, v) in code_values.iter().enumerate() {
            let path = format!("codes[{i}]");
            codes.push(self.code(v, &path));
        }

        let scheme = Scheme {
            id,
            version,
            name,
            description,
            actors,
            categories,
            codes,
        };
        Some(scheme)
    }

    fn code(&mut self, v: &Value, path: &str) -> Code {
        let fields = [
            "id",
            "key",
            "label",
            "definition",
            "category",
            "kind",
            "actors",
            "modifiers",
            "tag",
        ];
        let mut code = Code {
            id: String::new(),
            key: String::new(),
            label: Bilingual::default(),
            definition: Bilingual::default(),
            category: String::new(),
            kind: CodeKind::Point,
            actors: Applies::Both,
            modifiers: Vec::new(),
            tag: None,
        };
        let Some(o) = self.object(v, path, &fields) else {
            return code;
        };
        code.id = self.string(o, path, "id", true).unwrap_or_default();
        code.key = self.string(o, path, "key", true).unwrap_or_default();
        code.label = self.bilingual(o, path, "label", true);
        code.definition = self.bilingual(o, path, "definition", false);
        code.category = self.string(o, path, "category", true).unwrap_or_default();
        code.kind = self
            .choice(
                o,
                path,
                "kind",
                true,
                &[("point", CodeKind::Point), ("state", CodeKind::State)],
                "point, state",
            )
            .unwrap_or(CodeKind::Point);
        code.actors = self
            .choice(
                o,
                path,
                "actors",
                true,
                &[
                    ("ceo", Applies::Ceo),
                    ("candidate", Applies::Candidate),
                    ("both", Applies::Both),
                    ("none", Applies::None),
                ],
                "ceo, candidate, both, none",
            )
            .unwrap_or(Applies::Both);
        let tags: Vec<(&str, Tag)> = Tag::ALL.iter().map(|t| (t.name(), *t)).collect();
        code.tag = self.choice(
            o,
            path,
            "tag",
            false,
            &tags,
            "builds_on, reformulates, asks_why, proposes, accepts_refusal, interrupts, talks_over, silence, marker",
        );
        if let Some(v) = self.field(o, path, "modifiers", false) {
            let mpath = at(path, "modifiers");
            match v.as_array() {
                None => self.report(mpath, ProblemKind::WrongType { expected: "a list" }),
                Some(list) => {
                    for (j, m) in list.iter().enumerate() {
                        let p = format!("{mpath}[{j}]");
                        let Some(mo) = self.object(m, &p, &["id", "key", "label"]) else {
                            code.modifiers.push(Modifier {
                                id: String::new(),
                                key: None,
                                label: Bilingual::default(),
                            });
                            continue;
                        };
                        code.modifiers.push(Modifier {
                            id: self.string(mo, &p, "id", true).unwrap_or_default(),
                            key: self.string(mo, &p, "key", false),
                            label: self.bilingual(mo, &p, "label", true),
                        });
                    }
                }
            }
        }
        code
    }
}

/// The built-in scheme: Bales' Interaction Process Analysis adapted to a dyad, plus
/// meta-communication codes (`data/schemes/bales-dyad.json`, checked by the tests below).
pub fn default_scheme() -> &'static Scheme {
    static SCHEME: std::sync::OnceLock<Scheme> = std::sync::OnceLock::new();
    SCHEME.get_or_init(|| {
        read_scheme(DEFAULT_SCHEME_JSON).expect("the built-in scheme is valid (see the tests)")
    })
}

/// The text of the built-in scheme file.
pub const DEFAULT_SCHEME_JSON: &str = include_str!("../../../data/schemes/bales-dyad.json");

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems_of(v: Value) -> Vec<SchemeProblem> {
        match read_scheme_value(&v) {
            Ok(_) => vec![],
            Err(SchemeError::Invalid(p)) => p,
            Err(e) => panic!("{e}"),
        }
    }

    fn paths(problems: &[SchemeProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.path.as_str()).collect()
    }

    fn base() -> Value {
        serde_json::from_str(DEFAULT_SCHEME_JSON).unwrap()
    }

    #[test]
    fn the_default_scheme_is_sound_and_complete() {
        let s = default_scheme();
        assert_eq!(s.id, "bales-dyad");
        assert_eq!(s.problems(), vec![]);
        // Twelve Bales codes, three in each area.
        for area in Area::ALL {
            let n = s
                .codes
                .iter()
                .filter(|c| s.area_of(c) == Some(area))
                .count();
            assert_eq!(n, 3, "{area:?}");
        }
        // Every meta-communication tag is present exactly once.
        for tag in Tag::ALL {
            assert_eq!(
                s.codes.iter().filter(|c| c.tag == Some(tag)).count(),
                1,
                "{tag:?}"
            );
        }
        // Both languages everywhere.
        for c in &s.codes {
            for t in [&c.label, &c.definition] {
                assert!(
                    !t.fr.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}",
                    c.id
                );
            }
            for m in &c.modifiers {
                assert!(!m.label.fr.is_empty() && !m.label.en.is_empty());
            }
        }
        for c in &s.categories {
            assert!(!c.label.fr.is_empty() && !c.label.en.is_empty(), "{}", c.id);
        }
        assert_eq!(s.actor_by_key("c"), Some(Actor::Ceo));
        assert_eq!(s.actor_by_key("v"), Some(Actor::Candidate));
        assert_eq!(s.code_by_key("m").unwrap().kind, CodeKind::State);
        // Letters only: the same keys on QWERTY and AZERTY keyboards, without Shift.
        for c in &s.codes {
            assert!(c.key.chars().all(|c| c.is_ascii_lowercase()), "{}", c.key);
        }
    }

    #[test]
    fn a_scheme_round_trips_through_its_file() {
        let s = default_scheme();
        assert_eq!(&read_scheme(&s.to_json()).unwrap(), s);
        let with_bom = format!("\u{feff}{}", s.to_json());
        assert_eq!(&read_scheme(&with_bom).unwrap(), s);
    }

    #[test]
    fn duplicate_keys_are_reported_at_each_repeat_with_the_first_use() {
        let mut v = base();
        v["codes"][12]["key"] = json!("s"); // codes[0] is "s"
        v["codes"][13]["key"] = json!("s");
        v["codes"][3]["key"] = json!("c"); // the CEO's key
        let p = problems_of(v);
        assert_eq!(
            p,
            vec![
                problem(
                    "codes[3].key",
                    ProblemKind::DuplicateKey {
                        other: "actors[0].key".into()
                    }
                ),
                problem(
                    "codes[12].key",
                    ProblemKind::DuplicateKey {
                        other: "codes[0].key".into()
                    }
                ),
                problem(
                    "codes[13].key",
                    ProblemKind::DuplicateKey {
                        other: "codes[0].key".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut v = base();
        v["codes"][1]["category"] = json!("nowhere");
        v["codes"][2]["key"] = json!("Ab");
        v["codes"][4]["kind"] = json!("sometimes");
        v["codes"][5]["label"] = json!({"fr": " ", "en": ""});
        v["codes"][6]["id"] = json!("supports"); // codes[0]'s id
        v["codes"][7]["lable"] = json!("typo");
        v["codes"][8]["label"]["en"] = json!(42);
        v["codes"][9].as_object_mut().unwrap().remove("actors");
        v["codes"][10]["actors"] = json!("everyone");
        v["categories"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "Bad Id", "label": {"fr": "x", "en": "x"}}));
        v["codes"][11] = json!("not an object");
        v["version"] = json!(0);
        let p = problems_of(v);
        assert_eq!(
            paths(&p),
            vec![
                // Shape problems, in file order…
                "codes[4].kind",
                "codes[7].lable",
                "codes[8].label.en",
                "codes[9].actors",
                "codes[10].actors",
                "codes[11]",
                // …then problems of meaning, in file order.
                "version",
                "categories[6].id",
                "codes[1].category",
                "codes[2].key",
                "codes[5].label",
                "codes[6].id",
            ],
            "{p:#?}"
        );
        assert!(matches!(p[0].kind, ProblemKind::NotAllowed { .. }));
        assert_eq!(p[1].kind, ProblemKind::UnknownField);
        assert_eq!(p[2].kind, ProblemKind::WrongType { expected: "a text" });
        assert_eq!(p[3].kind, ProblemKind::Missing);
        assert_eq!(
            p[4].kind,
            ProblemKind::NotAllowed {
                value: "everyone".into(),
                allowed: "ceo, candidate, both, none"
            }
        );
        assert_eq!(
            p[5].kind,
            ProblemKind::WrongType {
                expected: "an object"
            }
        );
        assert_eq!(p[6].kind, ProblemKind::ZeroVersion);
        assert_eq!(p[7].kind, ProblemKind::BadId);
        assert_eq!(
            p[8].kind,
            ProblemKind::UnknownCategory {
                id: "nowhere".into()
            }
        );
        assert_eq!(p[9].kind, ProblemKind::BadKey);
        assert_eq!(p[10].kind, ProblemKind::Blank);
        assert_eq!(
            p[11].kind,
            ProblemKind::DuplicateId {
                other: "codes[0].id".into()
            }
        );
    }

    #[test]
    fn actors_must_be_declared_once_each() {
        let mut v = base();
        v["actors"][1]["actor"] = json!("ceo");
        let p = problems_of(v);
        assert_eq!(
            p,
            vec![
                problem(
                    "actors[1].actor",
                    ProblemKind::DuplicateActor {
                        other: "actors[0].actor".into()
                    }
                ),
                problem("actors", ProblemKind::MissingActor(Actor::Candidate)),
            ]
        );
    }

    #[test]
    fn tags_need_the_right_kind_and_lists_need_entries() {
        let mut v = base();
        let silence = v["codes"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["tag"] == "silence")
            .unwrap();
        v["codes"][silence]["kind"] = json!("point");
        v["codes"][0]["tag"] = json!("shouting");
        v["categories"] = json!([]);
        let p = problems_of(v);
        let silence_kind = format!("codes[{silence}].kind");
        assert!(p.contains(&problem(
            silence_kind.as_str(),
            ProblemKind::TagNeedsKind {
                tag: Tag::Silence,
                kind: CodeKind::State
            }
        )));
        assert!(p.contains(&problem("categories", ProblemKind::Empty)));
        assert!(paths(&p).contains(&"codes[0].tag"));
        // Every code now points to an unknown category: one problem per code.
        let unknown = p
            .iter()
            .filter(|q| matches!(q.kind, ProblemKind::UnknownCategory { .. }))
            .count();
        assert_eq!(unknown, default_scheme().codes.len());
    }

    #[test]
    fn modifiers_are_checked_within_their_code() {
        let mut v = base();
        let i = v["codes"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["modifiers"].is_array())
            .unwrap();
        v["codes"][i]["modifiers"][1]["id"] = v["codes"][i]["modifiers"][0]["id"].clone();
        v["codes"][i]["modifiers"][1]["key"] = v["codes"][i]["modifiers"][0]["key"].clone();
        v["codes"][i]["modifiers"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "x", "key": "!", "label": {"fr": "x", "en": "x"}}));
        let p = problems_of(v);
        assert_eq!(
            paths(&p),
            vec![
                format!("codes[{i}].modifiers[1].id"),
                format!("codes[{i}].modifiers[1].key"),
                format!("codes[{i}].modifiers[2].key"),
            ]
        );
        assert_eq!(p[2].kind, ProblemKind::BadKey);
    }

    #[test]
    fn texts_are_bounded_and_visible() {
        let mut v = base();
        v["name"]["fr"] = json!("x".repeat(MAX_NAME_CHARS + 1));
        v["codes"][0]["label"]["en"] = json!("Evil\u{202e}txt");
        v["description"] = json!({"fr": "ligne 1\nligne 2", "en": ""});
        let p = problems_of(v);
        assert_eq!(
            p,
            vec![
                problem(
                    "name.fr",
                    ProblemKind::TooLong {
                        max: MAX_NAME_CHARS
                    }
                ),
                problem("codes[0].label.en", ProblemKind::ForbiddenCharacters),
            ]
        );
    }

    #[test]
    fn the_file_must_be_a_scheme_of_a_known_version() {
        assert_eq!(
            problems_of(json!([1, 2])),
            vec![problem("", ProblemKind::NotAScheme)]
        );
        assert_eq!(
            problems_of(json!({"format": "rally"})),
            vec![problem("format", ProblemKind::NotAScheme)]
        );
        let mut v = base();
        v["format_version"] = json!(2);
        assert_eq!(
            problems_of(v),
            vec![problem(
                "format_version",
                ProblemKind::UnsupportedVersion {
                    found: 2,
                    supported: 1
                }
            )]
        );
        assert_eq!(
            read_scheme("{\"format\": "),
            Err(SchemeError::NotJson {
                line: 1,
                column: 11
            })
        );
        let mut v = base();
        v.as_object_mut().unwrap().remove("codes");
        v.as_object_mut().unwrap().remove("name");
        assert_eq!(
            problems_of(v),
            vec![
                problem("name", ProblemKind::Missing),
                problem("codes", ProblemKind::Missing),
            ]
        );
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = SchemeError::Invalid(vec![problem("codes[12].key", ProblemKind::BadKey)]);
        assert_eq!(
            e.to_string(),
            "1 problem(s) in the scheme: at codes[12].key: a key is one lowercase letter a–z or one digit 0–9"
        );
    }

    #[test]
    fn keys() {
        for ok in ["a", "z", "0", "9"] {
            assert!(key_is_valid(ok), "{ok}");
        }
        for bad in ["", "A", "ab", " ", "é", "!", "\n"] {
            assert!(!key_is_valid(bad), "{bad:?}");
        }
        assert!(Applies::Both.allows(Some(Actor::Ceo)));
        assert!(!Applies::Both.allows(None));
        assert!(Applies::None.allows(None));
        assert!(!Applies::Ceo.allows(Some(Actor::Candidate)));
    }
}
