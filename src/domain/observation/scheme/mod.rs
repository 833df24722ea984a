//! Coding schemes as data: the codes a mediator presses during a work session, grouped in
//! categories, with the actors' keys. A scheme is a versioned JSON file (`rally-scheme`,
//! documented in `docs/schemes.md`); [`read_scheme`] checks it and reports every problem with
//! its exact path (`codes[12].key`), not just the first one. The default scheme,
//! `data/schemes/bales-dyad.json`, is embedded in the app ([`default_scheme`]).
//!
//! This file holds the types; `read.rs` walks a file, `check.rs` holds the rules of meaning.

use crate::domain::text::Bilingual;
use serde::{Deserialize, Serialize};

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
        crate::domain::json::to_string(&File {
            format: SCHEME_FORMAT,
            format_version: SCHEME_FORMAT_VERSION,
            scheme: self,
        })
    }
}

/// The built-in scheme: Bales' Interaction Process Analysis adapted to a dyad, plus
/// meta-communication codes (`data/schemes/bales-dyad.json`). Read by shape only, as a kit's
/// scheme is: the tests check that the file passes every rule of [`read_scheme`] and reads
/// the same both ways, so the pages do not carry the checks.
pub fn default_scheme() -> &'static Scheme {
    static SCHEME: std::sync::OnceLock<Scheme> = std::sync::OnceLock::new();
    SCHEME.get_or_init(|| {
        serde_json::from_str(DEFAULT_SCHEME_JSON)
            .expect("the built-in scheme reads (see the tests)")
    })
}

/// The text of the built-in scheme file.
pub const DEFAULT_SCHEME_JSON: &str = include_str!("../../../../data/schemes/bales-dyad.json");

mod check;
mod read;

pub use read::{read_scheme, read_scheme_value};

#[cfg(test)]
mod tests;
