//! Reading a scheme file: the JSON walked field by field, every problem kept with its path,
//! then the meaning checks of [`Scheme::problems`].

use super::{
    Actor, ActorKey, Applies, Area, Category, Code, CodeKind, Modifier, ProblemKind, Scheme,
    SchemeError, SchemeProblem, Tag, SCHEME_FORMAT, SCHEME_FORMAT_VERSION,
};
use crate::domain::observation::walk::{at, Problem, Walker};
use crate::domain::text::Bilingual;
use serde_json::{Map, Value};

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
