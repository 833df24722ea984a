//! The rules of meaning a scheme holds once its types are right: unique identifiers and keys,
//! known categories, bounded texts. Every broken rule is reported with its path.

use super::{
    id_is_valid, key_is_valid, problem, Actor, ProblemKind, Scheme, SchemeProblem, MAX_CATEGORIES,
    MAX_CODES, MAX_MODIFIERS,
};
use crate::domain::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::text::{check_text, Bilingual, TextError};

impl Scheme {
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
