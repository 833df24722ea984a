use super::*;
use crate::domain::limits::MAX_NAME_CHARS;
use serde_json::{json, Value};

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

/// `default_scheme` reads the built-in file by shape only: it must pass every check, and
/// read the same both ways.
#[test]
fn the_builtin_scheme_passes_the_checks_and_reads_the_same_by_shape() {
    let checked = read_scheme(DEFAULT_SCHEME_JSON).expect("the built-in scheme is valid");
    assert_eq!(*default_scheme(), checked);
}
