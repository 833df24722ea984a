//! A JSON walker shared by the loaders of coding schemes and rating grids. It reads by hand so
//! that every wrong field is reported with its path, not only the first one serde would stop
//! at; a field with the wrong shape yields nothing and its own problem. Each loader adds its
//! meaning checks in its own `impl Walker<ItsProblem>`.

use serde_json::{Map, Value};

/// A loader's problem type: built from a path and a kind, with the kinds for shape errors.
pub(crate) trait Problem {
    type Kind;
    fn new(path: String, kind: Self::Kind) -> Self;
    fn missing() -> Self::Kind;
    fn wrong_type(expected: &'static str) -> Self::Kind;
    fn unknown_field() -> Self::Kind;
}

/// Collects the problems found while walking one document.
pub(crate) struct Walker<P> {
    pub(crate) problems: Vec<P>,
}

impl<P> Default for Walker<P> {
    fn default() -> Self {
        Self {
            problems: Vec::new(),
        }
    }
}

/// The path of `field` inside `path` (`codes[3]` + `key` → `codes[3].key`).
pub(crate) fn at(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

impl<P: Problem> Walker<P> {
    pub(crate) fn report(&mut self, path: String, kind: P::Kind) {
        self.problems.push(P::new(path, kind));
    }

    /// The object at `path`, with its unknown fields reported.
    pub(crate) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(obj) = v.as_object() else {
            self.report(path.to_owned(), P::wrong_type("an object"));
            return None;
        };
        for k in obj.keys() {
            if !fields.contains(&k.as_str()) {
                self.report(at(path, k), P::unknown_field());
            }
        }
        Some(obj)
    }

    /// A field's value; `null` counts as absent, and a required absent field is reported.
    pub(crate) fn field<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
    ) -> Option<&'v Value> {
        match obj.get(name) {
            None | Some(Value::Null) => {
                if required {
                    self.report(at(path, name), P::missing());
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    pub(crate) fn string(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
    ) -> Option<String> {
        let v = self.field(obj, path, name, required)?;
        match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                self.report(at(path, name), P::wrong_type("a text"));
                None
            }
        }
    }

    /// A required list (empty when missing or of the wrong shape, which is reported).
    pub(crate) fn array<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        name: &str,
    ) -> &'v [Value] {
        match self.field(obj, path, name, true) {
            None => &[],
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.report(at(path, name), P::wrong_type("a list"));
                &[]
            }
        }
    }
}
