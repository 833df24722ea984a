//! Tests of the instrument module: every file of `data/instruments/`, one bad fixture per kind
//! of problem, the content hash, scoring on hand-computed responses, the quality flags, and
//! properties of the scores.

use super::*;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};
use uuid::Uuid;

/// A small valid likert instrument: facets `creating`, `keeping`, `sharing` (indices 0–2), six
/// items each, grouped (items 0–5, 6–11, 12–17); the sixth item of each facet is reverse-keyed.
/// Pairs: (cr-1, cr-6) and (ke-1, ke-6), at most 1 inconsistent. 80 % rule, run of 10, 1.5 s.
fn likert(points: u8) -> Value {
    let facets = [("creating", "cr"), ("keeping", "ke"), ("sharing", "sh")];
    let labels: Vec<Value> = (1..=points)
        .map(|p| json!({ "fr": format!("point {p}"), "en": format!("point {p}") }))
        .collect();
    let mut items = Vec::new();
    for (facet, short) in facets {
        for n in 1..=6 {
            items.push(json!({
                "id": format!("{short}-{n}"),
                "facet": facet,
                "keyed": if n == 6 { "-" } else { "+" },
                "text": { "fr": format!("Énoncé {short} {n}"), "en": format!("Statement {short} {n}") }
            }));
        }
    }
    json!({
        "format": "rally-instrument",
        "id": "test-likert",
        "version": "1.0.0",
        "form": "self",
        "construct": "test-likert",
        "title": { "fr": "Essai", "en": "Test" },
        "instructions": { "fr": "Répondez.", "en": "Answer." },
        "purpose": { "fr": "Pour tester.", "en": "For testing." },
        "response": { "kind": "likert", "points": points, "labels": labels },
        "facets": facets.iter().map(|(id, _)| json!({
            "id": id,
            "name": { "fr": format!("Nom {id}"), "en": format!("Name {id}") },
            "description": { "fr": "Une phrase.", "en": "One sentence." }
        })).collect::<Vec<_>>(),
        "items": items,
        "scoring": { "rule": "facet_mean", "min_answered": 0.8 },
        "quality": {
            "straight_lining": { "min_run": 10 },
            "min_ms_per_item": 1500,
            "inconsistent_pairs": [["cr-1", "cr-6"], ["ke-1", "ke-6"]],
            "max_inconsistent_pairs": 1
        }
    })
}

/// A small valid paired-poles instrument: facets `x` and `y`, each with items `a1 a2 a3 b1 b2
/// b3` (ids `x-a1`…), the third of each pole reverse-keyed. 60 % rule: 2 of 3 per pole.
fn paired() -> Value {
    let mut items = Vec::new();
    for facet in ["x", "y"] {
        for pole in ["a", "b"] {
            for n in 1..=3 {
                items.push(json!({
                    "id": format!("{facet}-{pole}{n}"),
                    "facet": facet,
                    "pole": pole,
                    "keyed": if n == 3 { "-" } else { "+" },
                    "text": { "fr": format!("Énoncé {facet}{pole}{n}"), "en": format!("Statement {facet}{pole}{n}") }
                }));
            }
        }
    }
    let mut v = likert(5);
    v["id"] = json!("test-paired");
    v["construct"] = json!("test-paired");
    v["response"]["kind"] = json!("paired_poles");
    v["facets"] = json!(["x", "y"]
        .iter()
        .map(|id| json!({
            "id": id,
            "name": { "fr": format!("Nom {id}"), "en": format!("Name {id}") },
            "description": { "fr": "Une phrase.", "en": "One sentence." },
            "poles": { "a": { "fr": "Pôle A", "en": "Pole A" }, "b": { "fr": "Pôle B", "en": "Pole B" } }
        }))
        .collect::<Vec<_>>());
    v["items"] = json!(items);
    v["scoring"]["min_answered"] = json!(0.6);
    v["quality"]["straight_lining"]["min_run"] = json!(5);
    v["quality"]["inconsistent_pairs"] = json!([["x-a1", "x-a3"], ["y-b1", "y-b3"]]);
    v
}

/// A small valid debrief of the `side` ("leader" or "candidate"): the facets of [`likert`],
/// three items each (`cr-1 cr-2 cr-3`, …), the second reverse-keyed; pairs (cr-1, cr-2) and
/// (ke-1, ke-2), at most 1 inconsistent; a run of 8.
fn debrief(side: &str) -> Value {
    let mut v = likert(5);
    v["id"] = json!(format!("test-debrief-{side}"));
    v["form"] = json!(format!("debrief-{side}"));
    v["construct"] = json!("test-debrief");
    let items: Vec<Value> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|it| it["id"].as_str().unwrap().ends_with(['1', '2', '3']))
        .map(|it| {
            let mut it = it.clone();
            let second = it["id"].as_str().unwrap().ends_with('2');
            it["keyed"] = json!(if second { "-" } else { "+" });
            it
        })
        .collect();
    v["items"] = json!(items);
    v["quality"]["straight_lining"]["min_run"] = json!(8);
    v["quality"]["inconsistent_pairs"] = json!([["cr-1", "cr-2"], ["ke-1", "ke-2"]]);
    v
}

fn load_value(v: &Value) -> Result<Instrument, Vec<InstrumentProblem>> {
    load(&v.to_string())
}

fn instrument(v: &Value) -> Instrument {
    load_value(v).unwrap_or_else(|p| panic!("fixture should load: {p:#?}"))
}

/// The problems of a fixture, as their English sentences.
fn problems(v: &Value) -> Vec<String> {
    match load_value(v) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn assert_problem(v: &Value, expected: &str) {
    let found = problems(v);
    assert!(
        found.iter().any(|p| p == expected),
        "expected «{expected}» among {found:#?}"
    );
}

mod files {
    use super::*;
    use std::path::PathBuf;

    fn dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/instruments")
    }

    fn json_files() -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = std::fs::read_dir(dir())
            .expect("data/instruments exists")
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).expect("readable file");
                (name, text)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_file_in_data_instruments_loads_cleanly() {
        let files = json_files();
        assert!(files.len() >= 2, "found {files:?}");
        let mut report = String::new();
        let mut loaded = Vec::new();
        for (name, text) in &files {
            match load(text) {
                Ok(i) => {
                    if format!("{}.json", i.id) != *name {
                        report.push_str(&format!(
                            "{name}: the file name is not the id \"{}\"\n",
                            i.id
                        ));
                    }
                    loaded.push(i);
                }
                Err(problems) => {
                    for p in problems {
                        report.push_str(&format!("{name}: {p}\n"));
                    }
                }
            }
        }
        for p in problems_across(&loaded) {
            report.push_str(&format!("across files: {p}\n"));
        }
        assert!(report.is_empty(), "instrument problems:\n{report}");
    }

    #[test]
    fn every_file_is_embedded_in_the_build() {
        let on_disk: Vec<String> = json_files().into_iter().map(|(n, _)| n).collect();
        let mut embedded: Vec<String> = builtin::FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(
            embedded, on_disk,
            "list every data/instruments/*.json in builtin::FILES"
        );
        for (name, text) in builtin::FILES {
            let on_disk = std::fs::read_to_string(dir().join(name)).unwrap();
            assert_eq!(*text, on_disk, "{name}");
        }
        assert_eq!(
            builtin().len(),
            builtin::FILES.len(),
            "every embedded file loads"
        );
    }

    /// The index every page knows (the respondent's holds no text) names exactly the embedded
    /// instruments, current then superseded, with their hash and form; the file each is
    /// served as is named by id and version, so a changed text must be a new version.
    #[test]
    fn the_index_names_every_embedded_instrument() {
        let form = |f: Form| match f {
            Form::SelfReport => "Form::SelfReport".to_owned(),
            Form::Observer => "Form::Observer".to_owned(),
            Form::Debrief(side) => format!("Form::Debrief(DebriefSide::{side:?})"),
        };
        let expected: Vec<String> = builtin()
            .iter()
            .chain(superseded())
            .map(|i| {
                format!(
                    "    Known {{\n        id: {:?},\n        version: {:?},\n        hash: {:?},\n        form: {},\n    }},\n",
                    i.id,
                    i.version,
                    i.hash(),
                    form(i.form)
                )
            })
            .collect();
        let listed: Vec<String> = builtin::INDEX
            .iter()
            .map(|k| {
                format!(
                    "    Known {{\n        id: {:?},\n        version: {:?},\n        hash: {:?},\n        form: {},\n    }},\n",
                    k.id,
                    k.version,
                    k.hash,
                    form(k.form)
                )
            })
            .collect();
        assert_eq!(
            listed.concat(),
            expected.concat(),
            "builtin::INDEX must be (a new version for a changed text):\n{}",
            expected.concat()
        );
        for k in builtin::INDEX {
            let i = builtin::known_text(k.id, k.version, k.hash).expect("embedded natively");
            assert_eq!(builtin::known(&i.id, &i.version, i.hash()), Some(k));
            assert_eq!(
                builtin::file_path(k),
                format!("instruments/{}-{}.json", i.id, i.version)
            );
        }
        assert_eq!(
            builtin::known("interpersonal-intelligence", "1.0.0", "fnv1a64:0"),
            None
        );
    }

    /// The respondent's page reads a fetched file by its shape alone (`load_known`): for every
    /// built-in file that is exactly what the full reading gives, and only with its own hash.
    #[test]
    fn a_known_file_reads_the_same_without_the_rule_checks() {
        for (name, text) in builtin::FILES.iter().chain(builtin::ARCHIVED) {
            let full = load(text).expect(name);
            assert_eq!(
                load::load_known(text, full.hash()).as_ref(),
                Some(&full),
                "{name}"
            );
            assert_eq!(
                load::load_known(text, "fnv1a64:0000000000000000"),
                None,
                "{name}"
            );
        }
        assert_eq!(load::load_known("{}", "fnv1a64:0"), None);
    }

    /// `MAJOR.MINOR.PATCH` as numbers, to compare versions.
    fn version(v: &str) -> [u32; 3] {
        let parts: Vec<u32> = v.split('.').map(|p| p.parse().unwrap()).collect();
        [parts[0], parts[1], parts[2]]
    }

    #[test]
    fn superseded_versions_are_embedded_older_and_never_offered() {
        let archive = dir().join("archive");
        let mut on_disk: Vec<String> = std::fs::read_dir(&archive)
            .map(|entries| {
                entries
                    .map(|e| e.expect("readable entry").path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        on_disk.sort();
        let mut embedded: Vec<String> = builtin::ARCHIVED
            .iter()
            .map(|(n, _)| n.to_string())
            .collect();
        embedded.sort();
        assert_eq!(
            embedded, on_disk,
            "list every data/instruments/archive/*.json in builtin::ARCHIVED"
        );
        let mut seen = std::collections::HashSet::new();
        for (name, text) in builtin::ARCHIVED {
            assert_eq!(*text, std::fs::read_to_string(archive.join(name)).unwrap());
            let old = load(text).unwrap_or_else(|p| panic!("{name}: {p:#?}"));
            assert_eq!(*name, format!("{}-{}.json", old.id, old.version));
            assert!(
                seen.insert((old.id.clone(), old.version.clone())),
                "{name} twice"
            );
            let current = builtin_by_id(&old.id).expect("a superseded version has a current one");
            assert!(
                version(&old.version) < version(&current.version),
                "{name}: older than the current {}",
                current.version
            );
            assert_ne!(old.hash(), current.hash());
            assert_eq!(
                (&old.construct, old.form),
                (&current.construct, current.form)
            );
            // Never offered for new invitations, always found by its exact text.
            assert!(builtin()
                .iter()
                .all(|i| (&i.id, &i.version) != (&old.id, &old.version)));
            let found =
                crate::domain::survey::invitation::resolve_text(&old.id, &old.version, old.hash());
            assert_eq!(found, Some(&old));
        }
        assert_eq!(
            superseded().len(),
            builtin::ARCHIVED.len(),
            "every superseded file loads"
        );
    }

    #[test]
    fn builtin_instruments_carry_their_hash() {
        for i in builtin() {
            assert_eq!(i.hash(), content_hash(i));
            assert!(
                i.hash().starts_with("fnv1a64:") && i.hash().len() == 24,
                "{}",
                i.hash()
            );
            assert!(i.hash()[8..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
            assert_eq!(builtin_by_id(&i.id).map(|x| x.hash()), Some(i.hash()));
        }
        assert!(builtin_by_id("no-such-instrument").is_none());
    }

    /// Any change to an instrument's text changes its hash; the version must then be bumped
    /// and the hash below updated, so that stored responses keep saying which text they used.
    #[test]
    fn our_instruments_are_pinned_to_their_version() {
        let pinned = [
            (
                "interpersonal-intelligence",
                "1.0.0",
                "fnv1a64:4688dfe34666c64b",
            ),
            (
                "intelligence-of-paradoxes",
                "1.0.0",
                "fnv1a64:246dfde285b29281",
            ),
        ];
        for (id, version, hash) in pinned {
            let i = builtin_by_id(id).expect(id);
            assert_eq!(
                (i.version.as_str(), i.hash()),
                (version, hash),
                "{id} changed: bump its version and update this pin"
            );
        }
    }

    #[test]
    fn the_paradoxes_observer_form_has_four_items_per_pole_since_1_1_0() {
        let current = builtin_by_id("intelligence-of-paradoxes-observer").unwrap();
        assert_eq!(
            (current.version.as_str(), current.hash()),
            ("1.1.0", "fnv1a64:571bbbfbcb7b4eef"),
            "changed: bump its version, archive the previous file and update this pin"
        );
        let old = superseded()
            .iter()
            .find(|i| i.id == current.id)
            .expect("1.0.0 is kept");
        // The hash that format-v3.json and every answer given to 1.0.0 name.
        assert_eq!(
            (old.version.as_str(), old.hash()),
            ("1.0.0", "fnv1a64:957fa1fb073318a5")
        );
        let self_form = builtin_by_id("intelligence-of-paradoxes").unwrap();
        let facets = |i: &Instrument| i.facets.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(facets(current), facets(old));
        assert_eq!(facets(current), facets(self_form));
        for f in &current.facets {
            for pole in Pole::BOTH {
                assert_eq!(old.items_of_pole(&f.id, pole).count(), 3);
                let items: Vec<&Item> = current.items_of_pole(&f.id, pole).collect();
                assert_eq!(items.len(), 4, "{} {pole:?}", f.id);
                assert_eq!(
                    items.iter().filter(|it| it.keyed == Keyed::Minus).count(),
                    1,
                    "{} {pole:?}",
                    f.id
                );
                // The old items are kept, word for word, under the same ids.
                for it in old.items_of_pole(&f.id, pole) {
                    assert_eq!(current.item(&it.id), Some(it));
                }
                // Every pole has its inconsistent pair.
                assert!(current.quality.inconsistent_pairs.iter().any(|[x, _]| {
                    let x = current.item(x).unwrap();
                    x.facet == f.id && x.pole == Some(pole)
                }));
            }
        }
        // One blank per pole is now tolerated: 3 of 4 (it was 3 of 3 with 0.8).
        assert_eq!(score::needed(current.scoring.min_answered, 4), 3);
        assert_eq!(score::needed(old.scoring.min_answered, 3), 3);
        assert_eq!(current.quality.inconsistent_pairs.len(), 12);
        assert_eq!(current.quality.max_inconsistent_pairs, 3);
    }

    #[test]
    fn session_debriefs_are_pinned_to_their_version() {
        // Any change to a debrief's text changes its hash: bump its version, update this pin.
        for (side, hash) in [
            (DebriefSide::Leader, "fnv1a64:29eab5c07500e50d"),
            (DebriefSide::Candidate, "fnv1a64:03530e8536555063"),
        ] {
            let i = debrief_for(side);
            assert_eq!((i.version.as_str(), i.hash()), ("1.0.0", hash), "{side:?}");
        }
    }

    /// The facets both sides of a session are asked about, in page order.
    const DEBRIEF_FACETS: [&str; 6] = [
        "mutual-understanding",
        "building-on-ideas",
        "disagreement",
        "roles-clarity",
        "pace-energy",
        "continue-together",
    ];

    #[test]
    fn session_debriefs_mirror_each_other() {
        let leader = debrief_for(DebriefSide::Leader);
        let candidate = debrief_for(DebriefSide::Candidate);
        assert_eq!(leader.id, "session-debrief-leader");
        assert_eq!(candidate.id, "session-debrief-candidate");
        assert_eq!(leader.form, Form::Debrief(DebriefSide::Leader));
        assert_eq!(candidate.form, Form::Debrief(DebriefSide::Candidate));
        assert_eq!(leader.construct, candidate.construct);
        for d in [leader, candidate] {
            let facets: Vec<&str> = d.facets.iter().map(|f| f.id.as_str()).collect();
            assert_eq!(facets, DEBRIEF_FACETS, "{}", d.id);
            assert_eq!(d.response.kind, ResponseKind::Likert);
            assert_eq!(d.points(), 5);
            assert!(d.items.len() <= 20, "{}: under four minutes", d.id);
            for f in DEBRIEF_FACETS {
                assert!(d.items_of(f).count() >= 3, "{} {f}", d.id);
                assert!(reverse_keyed(d, f) >= 1, "{} {f}", d.id);
                // One inconsistent pair per facet, so every facet is checked.
                assert_eq!(
                    d.quality
                        .inconsistent_pairs
                        .iter()
                        .filter(|[x, _]| d.item(x).unwrap().facet == f)
                        .count(),
                    1,
                    "{} {f}",
                    d.id
                );
            }
            // The page order is the facet order (one page per facet, as the respondent sees
            // it), and any run of 8 answers, the straight-lining threshold, spans at least two
            // reverse-keyed items: a run that long contradicts itself twice.
            let facet_order: Vec<&str> = d.items.iter().map(|it| it.facet.as_str()).collect();
            let mut grouped = facet_order.clone();
            grouped.dedup();
            assert_eq!(grouped, DEBRIEF_FACETS, "{}: grouped by facet", d.id);
            let min_run = d.quality.straight_lining.min_run as usize;
            assert_eq!(min_run, 8);
            for window in d.items.windows(min_run) {
                let reversed = window.iter().filter(|it| it.keyed == Keyed::Minus).count();
                assert!(reversed >= 2, "{}: {:?}", d.id, window[0].id);
            }
            let q = d.open_question.as_ref().expect("an open question");
            assert!(q.max_chars as usize <= crate::domain::limits::MAX_OPEN_ANSWER_CHARS);
            assert!(
                q.prompt.fr.contains("prochaine séance") && q.prompt.en.contains("next session")
            );
        }
        // Mirrored item by item: same facet and key at each place, ids that differ only by
        // the side's prefix, and texts that name the other side.
        assert_eq!(leader.items.len(), candidate.items.len());
        for (l, c) in leader.items.iter().zip(&candidate.items) {
            assert_eq!(
                (&l.facet, l.keyed),
                (&c.facet, c.keyed),
                "{} / {}",
                l.id,
                c.id
            );
            assert_eq!(l.id.strip_prefix("sdl-"), c.id.strip_prefix("sdc-"));
            assert!(!l.text.en.contains("the CEO"), "{}", l.id);
            assert!(!c.text.en.contains("the candidate"), "{}", c.id);
            assert!(!c.text.fr.contains("personne candidate"), "{}", c.id);
        }
        let pairs = |d: &Instrument| -> Vec<[String; 2]> {
            d.quality
                .inconsistent_pairs
                .iter()
                .map(|[x, y]| [x[4..].to_owned(), y[4..].to_owned()])
                .collect()
        };
        assert_eq!(pairs(leader), pairs(candidate));
        assert_eq!(leader.scoring, candidate.scoring);
        assert_eq!(
            (
                leader.quality.min_ms_per_item,
                leader.quality.max_inconsistent_pairs
            ),
            (
                candidate.quality.min_ms_per_item,
                candidate.quality.max_inconsistent_pairs
            )
        );
    }

    #[test]
    fn session_debriefs_are_not_self_assessments() {
        for d in builtin()
            .iter()
            .filter(|i| matches!(i.form, Form::Debrief(_)))
        {
            assert!(!d.id.ends_with("-observer"), "{}", d.id);
            assert!(
                builtin()
                    .iter()
                    .filter(|i| i.construct == d.construct)
                    .all(|i| matches!(i.form, Form::Debrief(_))),
                "no self or observer form shares the debrief's construct"
            );
        }
        let debriefs: Vec<&Instrument> = builtin()
            .iter()
            .filter(|i| matches!(i.form, Form::Debrief(_)))
            .collect();
        let one_per_side: Vec<&Instrument> = DebriefSide::BOTH.map(debrief_for).to_vec();
        assert_eq!(debriefs, one_per_side);
    }

    fn reverse_keyed(i: &Instrument, facet: &str) -> usize {
        i.items_of(facet)
            .filter(|it| it.keyed == Keyed::Minus)
            .count()
    }

    #[test]
    fn interpersonal_intelligence_covers_its_five_facets() {
        let i = builtin_by_id("interpersonal-intelligence").unwrap();
        let facets: Vec<&str> = i.facets.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            facets,
            [
                "creating-relationships",
                "maintaining-relationships",
                "collaboration",
                "accepting-diversity",
                "loyalty"
            ]
        );
        assert_eq!(i.form, Form::SelfReport);
        assert_eq!(i.response.kind, ResponseKind::Likert);
        for f in &facets {
            assert!(i.items_of(f).count() >= 6, "{f}");
            assert!(reverse_keyed(i, f) >= 2, "{f}");
        }
        assert!(i.quality.inconsistent_pairs.len() >= 2);
        assert!(!i.purpose.fr.is_empty() && !i.purpose.en.is_empty());
        assert_eq!(i.response.labels[0].fr, "Pas du tout d’accord");
        assert_eq!(i.response.labels[4].en, "Strongly agree");
    }

    #[test]
    fn intelligence_of_paradoxes_holds_six_paradoxes() {
        let i = builtin_by_id("intelligence-of-paradoxes").unwrap();
        let facets: Vec<&str> = i.facets.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            facets,
            [
                "transparency-confidentiality",
                "empathy-without-compassion",
                "self-questioning-benevolence",
                "expert-generalist",
                "working-with-not-for",
                "cooperating-with-competitors"
            ]
        );
        assert!(i.is_paired_poles());
        for f in &facets {
            assert!(i.facet(f).unwrap().poles.is_some(), "{f}");
            for pole in Pole::BOTH {
                assert!(i.items_of_pole(f, pole).count() >= 3, "{f} {pole:?}");
                assert!(
                    i.items_of_pole(f, pole).any(|it| it.keyed == Keyed::Minus),
                    "{f} {pole:?} has a reverse-keyed item"
                );
            }
        }
        assert!(i.quality.inconsistent_pairs.len() >= 2);
    }
}

mod problems {
    use super::*;

    #[test]
    fn the_fixtures_are_valid() {
        assert_eq!(problems(&likert(5)), Vec::<String>::new());
        assert_eq!(problems(&likert(7)), Vec::<String>::new());
        assert_eq!(problems(&paired()), Vec::<String>::new());
        assert_eq!(problems(&debrief("leader")), Vec::<String>::new());
        assert_eq!(problems(&debrief("candidate")), Vec::<String>::new());
        let leader = instrument(&debrief("leader"));
        assert_eq!(leader.form, Form::Debrief(DebriefSide::Leader));
        assert_eq!(
            instrument(&debrief("candidate")).form,
            Form::Debrief(DebriefSide::Candidate)
        );
        assert_eq!(
            problems_across(&[leader, instrument(&debrief("candidate"))]),
            vec![]
        );
    }

    #[test]
    fn syntax_and_shape_errors_say_where() {
        let huge = " ".repeat(crate::domain::limits::MAX_IMPORT_BYTES + 1);
        let p = load(&huge).unwrap_err();
        assert_eq!(p[0].kind, ProblemKind::TooLarge(huge.len()));

        let p = load("{ \"format\": ").unwrap_err();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "");
        assert!(matches!(p[0].kind, ProblemKind::Syntax(_)), "{p:?}");

        let mut v = likert(5);
        v["items"][3]["text"]["en"] = json!(42);
        let p = load_value(&v).unwrap_err();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "items[3].text.en");
        assert!(matches!(p[0].kind, ProblemKind::Shape(_)), "{p:?}");

        let mut v = likert(5);
        v["items"][2].as_object_mut().unwrap().remove("keyed");
        let p = load_value(&v).unwrap_err();
        assert_eq!(p[0].path, "items[2]");
        assert!(
            p[0].to_string().contains("missing field `keyed`"),
            "{}",
            p[0]
        );

        let mut v = likert(5);
        v["items"][4]["poel"] = json!("a");
        let p = load_value(&v).unwrap_err();
        assert!(p[0].path.starts_with("items[4]"), "{p:?}");
        assert!(
            p[0].to_string().contains("unknown field `poel`"),
            "{}",
            p[0]
        );

        let mut v = likert(5);
        v["response"]["points"] = json!(300);
        let p = load_value(&v).unwrap_err();
        assert_eq!(p[0].path, "response.points");
    }

    #[test]
    fn header_problems() {
        let mut v = likert(5);
        v["format"] = json!("rally-roles");
        assert_problem(
            &v,
            "format: expected \"rally-instrument\", found \"rally-roles\"",
        );

        let mut v = likert(5);
        v["id"] = json!("Test_Likert");
        assert_problem(
            &v,
            "id: \"Test_Likert\" is not a kebab-case identifier (a-z, 0-9 and single hyphens, at most 64 characters)",
        );

        let mut v = likert(5);
        v["construct"] = json!("a--b");
        assert!(problems(&v)[0].starts_with("construct: \"a--b\" is not a kebab-case"));

        for bad in [
            "1.0",
            "01.0.0",
            "1.0.0-beta",
            "v1.0.0",
            "1..0",
            "",
            "1.0.0.0",
        ] {
            let mut v = likert(5);
            v["version"] = json!(bad);
            assert_problem(
                &v,
                &format!("version: \"{bad}\" is not a MAJOR.MINOR.PATCH version"),
            );
        }
        let mut v = likert(5);
        v["version"] = json!("10.0.12");
        assert_eq!(problems(&v), Vec::<String>::new());

        let mut v = likert(5);
        v["form"] = json!("peer");
        assert_problem(
            &v,
            "form: unknown form \"peer\" (expected \"self\", \"observer\", \"debrief-leader\" or \"debrief-candidate\")",
        );

        let mut v = likert(5);
        v["form"] = json!("observer");
        assert_problem(&v, "id: an observer form's id ends with \"-observer\"");

        let mut v = likert(5);
        v["id"] = json!("test-likert-observer");
        assert_problem(&v, "id: only an observer form's id ends with \"-observer\"");

        let mut v = likert(5);
        v["form"] = json!("observer");
        v["id"] = json!("test-likert-observer");
        assert_eq!(problems(&v), Vec::<String>::new());

        let mut v = debrief("leader");
        v["form"] = json!("debrief-candidate");
        assert_problem(&v, "id: a debrief's id ends with its side, \"-candidate\"");
        let mut v = debrief("candidate");
        v["form"] = json!("debrief");
        assert_problem(
            &v,
            "form: unknown form \"debrief\" (expected \"self\", \"observer\", \"debrief-leader\" or \"debrief-candidate\")",
        );
    }

    #[test]
    fn open_question_problems() {
        let asked = |max_chars: Value| {
            let mut v = debrief("leader");
            v["open_question"] = json!({
                "prompt": { "fr": "Que changeriez-vous ?", "en": "What would you change?" },
                "max_chars": max_chars
            });
            v
        };
        assert_eq!(problems(&asked(json!(1000))), Vec::<String>::new());
        assert_eq!(problems(&asked(json!(1))), Vec::<String>::new());
        assert_eq!(problems(&asked(json!(2000))), Vec::<String>::new());
        for bad in [0, 2001] {
            assert_problem(
                &asked(json!(bad)),
                &format!("open_question.max_chars: an answer of {bad} characters: the limit is between 1 and 2000"),
            );
        }
        let mut v = asked(json!(500));
        v["open_question"]["prompt"]["en"] = json!(" ");
        assert_problem(&v, "open_question.prompt.en: empty");
        let mut v = asked(json!(500));
        v["open_question"]["prompt"]["fr"] = json!("x".repeat(401));
        assert_problem(&v, "open_question.prompt.fr: longer than 400 characters");
        let mut v = asked(json!(500));
        v["open_question"]["required"] = json!(true);
        let p = load_value(&v).unwrap_err();
        assert!(p[0].path.starts_with("open_question"), "{p:?}");
        assert!(
            p[0].to_string().contains("unknown field `required`"),
            "{}",
            p[0]
        );
        let mut v = asked(json!(500));
        v["open_question"]
            .as_object_mut()
            .unwrap()
            .remove("max_chars");
        assert!(load_value(&v).unwrap_err()[0]
            .to_string()
            .contains("missing field `max_chars`"));
    }

    #[test]
    fn debrief_problems() {
        // Three items per facet are enough for a debrief, not for a self form.
        let mut v = debrief("leader");
        v["items"].as_array_mut().unwrap().remove(8);
        assert_eq!(
            problems(&v),
            vec!["facets[2]: 2 items, at least 3 needed".to_owned()]
        );
        let mut v = debrief("leader");
        v["form"] = json!("self");
        v["id"] = json!("test-debrief");
        assert_problem(&v, "facets[0]: 3 items, at least 6 needed");

        // At most 20 items: the debrief follows every session.
        let mut v = debrief("candidate");
        let more: Vec<Value> = (4..=7)
            .flat_map(|n| {
                [("creating", "cr"), ("keeping", "ke"), ("sharing", "sh")].map(|(f, short)| {
                    json!({ "id": format!("{short}-{n}"), "facet": f, "keyed": "+",
                            "text": { "fr": format!("Énoncé {short} {n}"), "en": format!("Statement {short} {n}") } })
                })
            })
            .collect();
        v["items"].as_array_mut().unwrap().extend(more);
        assert_eq!(v["items"].as_array().unwrap().len(), 21);
        assert_eq!(
            problems(&v),
            vec![
                "items: 21 items; a debrief, answered after every session, has at most 20"
                    .to_owned()
            ]
        );
        v["items"].as_array_mut().unwrap().pop();
        assert_eq!(problems(&v), Vec::<String>::new());
    }

    #[test]
    fn text_problems() {
        let mut v = likert(5);
        v["items"][3]["text"]["en"] = json!("  ");
        assert_problem(&v, "items[3].text.en: empty");

        let mut v = likert(5);
        v["purpose"]["fr"] = json!("");
        assert_problem(&v, "purpose.fr: empty");

        let mut v = likert(5);
        v["title"]["en"] = json!("x".repeat(201));
        assert_problem(&v, "title.en: longer than 200 characters");

        let mut v = likert(5);
        v["items"][0]["text"]["fr"] = json!("x".repeat(401));
        assert_problem(&v, "items[0].text.fr: longer than 400 characters");

        let mut v = likert(5);
        v["facets"][1]["name"]["fr"] = json!("Évil\u{202e}txt");
        assert_problem(
            &v,
            "facets[1].name.fr: contains invisible control characters",
        );

        let mut v = likert(5);
        v["response"]["labels"][2]["en"] = json!("");
        assert_problem(&v, "response.labels[2].en: empty");

        let mut v = likert(5);
        v["items"][7]["text"]["fr"] = v["items"][1]["text"]["fr"].clone();
        assert_problem(&v, "items[7].text.fr: same text as items[1]");
    }

    #[test]
    fn response_problems() {
        let mut v = likert(5);
        v["response"]["kind"] = json!("slider");
        assert_problem(
            &v,
            "response.kind: unknown response kind \"slider\" (expected \"likert\" or \"paired_poles\")",
        );

        let mut v = likert(5);
        v["response"]["points"] = json!(4);
        assert_problem(&v, "response.points: 4 points; a scale has 5 or 7");

        let mut v = likert(5);
        v["response"]["labels"].as_array_mut().unwrap().pop();
        assert_problem(&v, "response.labels: 4 labels for 5 points");
    }

    #[test]
    fn facet_problems() {
        let mut v = likert(5);
        v["facets"] = json!([]);
        v["items"] = json!([]);
        v["quality"]["inconsistent_pairs"] = json!([]);
        v["quality"]["max_inconsistent_pairs"] = json!(0);
        assert_eq!(problems(&v), vec!["facets: no facets".to_owned()]);

        let mut v = likert(5);
        v["facets"][2]["id"] = json!("creating");
        assert_problem(&v, "facets[2].id: duplicate id \"creating\"");

        let mut v = likert(5);
        v["facets"][0]["id"] = json!("Creating");
        assert_problem(
            &v,
            "facets[0].id: \"Creating\" is not an identifier (a-z, 0-9 and single hyphens or underscores, at most 64 characters)",
        );

        let mut v = likert(5);
        v["items"].as_array_mut().unwrap().remove(12);
        assert_problem(&v, "facets[2]: 5 items, at least 6 needed");

        let mut v = likert(5);
        v["items"][11]["keyed"] = json!("+");
        v["quality"]["inconsistent_pairs"]
            .as_array_mut()
            .unwrap()
            .pop();
        v["quality"]["max_inconsistent_pairs"] = json!(0);
        assert_eq!(
            problems(&v),
            vec!["facets[1]: no reverse-keyed item (keyed \"-\")".to_owned()]
        );

        let mut v = likert(5);
        v["facets"][0]["poles"] =
            json!({ "a": { "fr": "A", "en": "A" }, "b": { "fr": "B", "en": "B" } });
        assert_problem(
            &v,
            "facets[0].poles: poles are only for paired_poles instruments",
        );

        let mut v = likert(5);
        let facets: Vec<Value> = (0..41)
            .map(|n| json!({ "id": format!("f{n}"), "name": { "fr": "N", "en": "N" }, "description": { "fr": "D", "en": "D" } }))
            .collect();
        v["facets"] = json!(facets);
        assert_problem(&v, "facets: 41 facets; at most 40");
    }

    #[test]
    fn item_problems() {
        let mut v = likert(5);
        v["items"][12]["facet"] = json!("creatng");
        assert_problem(&v, "items[12].facet: unknown facet \"creatng\"");

        let mut v = likert(5);
        v["items"][5]["id"] = json!("cr-1");
        assert_problem(&v, "items[5].id: duplicate id \"cr-1\"");

        let mut v = likert(5);
        v["items"][5]["id"] = json!("cr 6");
        assert!(problems(&v)
            .iter()
            .any(|p| p.starts_with("items[5].id: \"cr 6\" is not an identifier")));

        let mut v = likert(5);
        v["items"][4]["keyed"] = json!("R");
        assert_problem(
            &v,
            "items[4].keyed: keyed must be \"+\" or \"-\", found \"R\"",
        );

        let mut v = likert(5);
        v["items"][4]["pole"] = json!("a");
        assert_problem(&v, "items[4].pole: a likert item has no pole");

        let mut v = likert(5);
        let many: Vec<Value> = (0..401)
            .map(|n| json!({ "id": format!("i{n}"), "facet": "creating", "keyed": if n % 2 == 0 { "-" } else { "+" }, "text": { "fr": format!("F{n}"), "en": format!("E{n}") } }))
            .collect();
        v["items"] = json!(many);
        assert_problem(&v, "items: 401 items; at most 400");
    }

    #[test]
    fn paired_poles_problems() {
        let mut v = paired();
        v["facets"][1].as_object_mut().unwrap().remove("poles");
        assert_problem(&v, "facets[1]: a paired_poles facet needs poles a and b");

        let mut v = paired();
        v["facets"][0]["poles"]["b"]["en"] = json!("");
        assert_problem(&v, "facets[0].poles.b.en: empty");

        let mut v = paired();
        v["items"][4].as_object_mut().unwrap().remove("pole");
        assert_problem(
            &v,
            "items[4]: a paired_poles item needs a pole (\"a\" or \"b\")",
        );

        let mut v = paired();
        v["items"][4]["pole"] = json!("c");
        assert_problem(
            &v,
            "items[4].pole: unknown pole \"c\" (expected \"a\" or \"b\")",
        );

        // Move one item of facet y from pole b to pole a: 4 + 2, still 6 in the facet.
        let mut v = paired();
        v["items"][9]["pole"] = json!("a");
        v["quality"]["inconsistent_pairs"] = json!([["x-a1", "x-a3"], ["x-b1", "x-b3"]]);
        assert_eq!(
            problems(&v),
            vec!["facets[1]: pole b: 2 items, at least 3 needed".to_owned()]
        );

        let mut v = paired();
        v["quality"]["inconsistent_pairs"][1] = json!(["y-a1", "y-b3"]);
        assert_problem(
            &v,
            "quality.inconsistent_pairs[1]: items of different poles",
        );
    }

    #[test]
    fn scoring_problems() {
        let mut v = likert(5);
        v["scoring"]["rule"] = json!("sum");
        assert_problem(
            &v,
            "scoring.rule: unknown scoring rule \"sum\" (expected \"facet_mean\")",
        );

        for bad in [0.0, -0.5, 1.5] {
            let mut v = likert(5);
            v["scoring"]["min_answered"] = json!(bad);
            assert_problem(
                &v,
                &format!("scoring.min_answered: {bad} is not a share between 0 (excluded) and 1"),
            );
        }
    }

    #[test]
    fn quality_problems() {
        let mut v = likert(5);
        v["quality"]["straight_lining"]["min_run"] = json!(1);
        assert_problem(
            &v,
            "quality.straight_lining.min_run: a run of 1 cannot be a pattern; at least 2",
        );

        let mut v = likert(5);
        v["quality"]["straight_lining"]["min_run"] = json!(19);
        assert_problem(
            &v,
            "quality.straight_lining.min_run: a run of 19 is longer than the 18 items",
        );

        let mut v = likert(5);
        v["quality"]["inconsistent_pairs"][1] = json!(["ke-1", "nope"]);
        assert_problem(
            &v,
            "quality.inconsistent_pairs[1][1]: unknown item \"nope\"",
        );

        let mut v = likert(5);
        v["quality"]["inconsistent_pairs"][1] = json!(["ke-1", "ke-1"]);
        assert_problem(&v, "quality.inconsistent_pairs[1]: the same item twice");

        let mut v = likert(5);
        v["quality"]["inconsistent_pairs"][1] = json!(["cr-1", "ke-6"]);
        assert_problem(
            &v,
            "quality.inconsistent_pairs[1]: items of different facets",
        );

        let mut v = likert(5);
        v["quality"]["inconsistent_pairs"][1] = json!(["ke-1", "ke-2"]);
        assert_problem(
            &v,
            "quality.inconsistent_pairs[1]: same key (a pair needs one \"+\" and one \"-\" item)",
        );

        let mut v = likert(5);
        v["quality"]["inconsistent_pairs"][1] = json!(["cr-6", "cr-1"]);
        assert_problem(
            &v,
            "quality.inconsistent_pairs[1]: the same pair as quality.inconsistent_pairs[0]",
        );

        let mut v = likert(5);
        v["quality"]["max_inconsistent_pairs"] = json!(2);
        assert_problem(
            &v,
            "quality.max_inconsistent_pairs: 2 allowed out of 2 pairs: the flag could never be raised",
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut v = likert(5);
        v["version"] = json!("1.0");
        v["form"] = json!("peer");
        v["items"][3]["text"]["en"] = json!("");
        v["items"][12]["facet"] = json!("creatng");
        v["response"]["labels"].as_array_mut().unwrap().pop();
        v["quality"]["inconsistent_pairs"][1] = json!(["cr-1", "ke-1"]);
        let found = problems(&v);
        assert_eq!(
            found,
            [
                "version: \"1.0\" is not a MAJOR.MINOR.PATCH version",
                "form: unknown form \"peer\" (expected \"self\", \"observer\", \"debrief-leader\" or \"debrief-candidate\")",
                "response.labels: 4 labels for 5 points",
                "items[3].text.en: empty",
                "items[12].facet: unknown facet \"creatng\"",
                "facets[2]: 5 items, at least 6 needed",
                "quality.inconsistent_pairs[1]: items of different facets",
                "quality.inconsistent_pairs[1]: same key (a pair needs one \"+\" and one \"-\" item)",
            ]
        );
    }

    #[test]
    fn problems_across_forms() {
        let own = instrument(&likert(5));
        let mut v = likert(5);
        v["id"] = json!("test-likert-observer");
        v["form"] = json!("observer");
        let observer = instrument(&v);
        assert_eq!(problems_across(&[own.clone(), observer.clone()]), vec![]);

        let dup = problems_across(&[own.clone(), own.clone()]);
        assert_eq!(
            dup[0].to_string(),
            "test-likert.id: duplicate id \"test-likert\""
        );

        v["facets"][2]["id"] = json!("giving");
        for it in v["items"].as_array_mut().unwrap() {
            if it["facet"] == "sharing" {
                it["facet"] = json!("giving");
            }
        }
        let other_facets = instrument(&v);
        assert_eq!(
            problems_across(&[own.clone(), other_facets])[0].to_string(),
            "test-likert-observer.facets: another form of the construct, \"test-likert\", has other facet ids"
        );

        let mut p = paired();
        p["construct"] = json!("test-likert");
        let other_kind = instrument(&p);
        assert!(problems_across(&[own, other_kind])
            .iter()
            .any(|p| p.to_string()
                == "test-paired.response.kind: another form of the construct, \"test-likert\", has another response kind"));
    }
}

mod hash {
    use super::*;

    #[test]
    fn the_same_file_gives_the_same_hash() {
        let text = likert(5).to_string();
        let a = load(&text).unwrap();
        let b = load(&text).unwrap();
        assert_eq!(a.hash(), b.hash());
        // Layout and key order do not matter: the hash is over the canonical form.
        let pretty = serde_json::to_string_pretty(&likert(5)).unwrap();
        assert_eq!(load(&pretty).unwrap().hash(), a.hash());
        // The canonical form reads back to the same instrument.
        let again = load(&a.canonical_json()).unwrap();
        assert_eq!(again, a);
        assert_eq!(again.hash(), a.hash());
    }

    #[test]
    fn changing_one_character_changes_the_hash() {
        let base = instrument(&likert(5));
        let mut v = likert(5);
        v["items"][0]["text"]["en"] = json!("Statement cr 1.");
        let changed = instrument(&v);
        assert_ne!(changed.hash(), base.hash());

        let mut v = likert(5);
        v["items"][1]["keyed"] = json!("-");
        assert_ne!(instrument(&v).hash(), base.hash());

        let mut v = likert(5);
        v["version"] = json!("1.0.1");
        assert_ne!(instrument(&v).hash(), base.hash());
    }

    #[test]
    fn the_hash_is_fnv1a_over_the_canonical_json() {
        let i = instrument(&likert(5));
        assert_eq!(
            i.hash(),
            format!(
                "fnv1a64:{:016x}",
                crate::domain::hash::fnv1a64(i.canonical_json().as_bytes())
            )
        );
        assert!(i
            .canonical_json()
            .starts_with("{\"format\":\"rally-instrument\",\"id\":\"test-likert\""));
        assert!(!i.canonical_json().contains("hash"));
    }

    #[test]
    fn the_open_question_is_part_of_the_text() {
        let without = instrument(&debrief("leader"));
        assert_eq!(without.open_question, None);
        assert!(!without.canonical_json().contains("open_question"));
        let mut v = debrief("leader");
        v["open_question"] = json!({
            "prompt": { "fr": "Que changeriez-vous ?", "en": "What would you change?" },
            "max_chars": 800
        });
        let with = instrument(&v);
        assert_eq!(with.open_question.as_ref().map(|q| q.max_chars), Some(800));
        assert_ne!(with.hash(), without.hash());
        // After the items, before the scoring, as in the file shape.
        let json = with.canonical_json();
        let at = |key: &str| json.find(key).unwrap();
        assert!(
            at("\"items\"") < at("\"open_question\"")
                && at("\"open_question\"") < at("\"scoring\"")
        );
        assert_eq!(load(&json).unwrap(), with);
        v["open_question"]["max_chars"] = json!(801);
        assert_ne!(instrument(&v).hash(), with.hash());
        v["open_question"]["max_chars"] = json!(800);
        v["open_question"]["prompt"]["en"] = json!("What would you change next time?");
        assert_ne!(instrument(&v).hash(), with.hash());
    }

    #[test]
    fn every_form_reads_back_from_the_canonical_form() {
        for form in Form::ALL {
            assert_eq!(Form::parse(form.as_str()), Some(form));
        }
        let d = instrument(&debrief("candidate"));
        assert!(d
            .canonical_json()
            .contains("\"form\":\"debrief-candidate\""));
        assert_eq!(load(&d.canonical_json()).unwrap(), d);
        assert_ne!(d.hash(), instrument(&debrief("leader")).hash());
        // The self form keeps its historical spelling, so existing hashes do not move.
        assert!(instrument(&likert(5))
            .canonical_json()
            .contains("\"form\":\"self\""));
    }
}

mod scoring {
    use super::*;
    use crate::domain::i18n::quality as quality_text;
    use crate::domain::instrument::quality::Flag;
    use crate::domain::instrument::score::{needed, Shortfall};
    use crate::domain::lang::Lang;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 10, minute, 0).unwrap()
    }

    /// A response with the given answers (`None` = skipped), no timings.
    fn respond(i: &Instrument, answers: &[(&str, Option<u8>)]) -> Response {
        let mut r = Response::start(
            i,
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            at(0),
        );
        r.submitted_at = at(20);
        r.answers = answers
            .iter()
            .map(|(item, value)| Answer {
                item: (*item).to_owned(),
                value: *value,
                ms: None,
            })
            .collect();
        r
    }

    fn all(i: &Instrument, value: u8) -> Response {
        let ids: Vec<String> = i.items.iter().map(|it| it.id.clone()).collect();
        let answers: Vec<(&str, Option<u8>)> =
            ids.iter().map(|id| (id.as_str(), Some(value))).collect();
        respond(i, &answers)
    }

    const EPS: f64 = 1e-9;

    #[track_caller]
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < EPS, "{a} ≠ {b}");
    }

    #[test]
    fn likert_scores_by_hand() {
        let i = instrument(&likert(5));
        let r = respond(
            &i,
            &[
                // creating: cr-6 is reverse-keyed, 6 − 2 = 4.
                // keyed 4 + 4 + 5 + 3 + 4 + 4 = 24, mean 24 / 6 = 4.0, POMP 100 × 3 / 4 = 75.
                ("cr-1", Some(4)),
                ("cr-2", Some(4)),
                ("cr-3", Some(5)),
                ("cr-4", Some(3)),
                ("cr-5", Some(4)),
                ("cr-6", Some(2)),
                // keeping: 5 of 6 answered (needed ⌈0.8 × 6⌉ = 5): 1 + 2 + 2 + 3 + 1 = 9,
                // mean 9 / 5 = 1.8, POMP 100 × 0.8 / 4 = 20.
                ("ke-1", Some(1)),
                ("ke-2", Some(2)),
                ("ke-3", Some(2)),
                ("ke-4", Some(3)),
                ("ke-5", Some(1)),
                ("ke-6", None),
                // sharing: 4 of 6 answered, fewer than 5: not scored.
                ("sh-1", Some(5)),
                ("sh-2", Some(5)),
                ("sh-5", Some(3)),
                ("sh-6", Some(1)),
            ],
        );
        let s = score(&i, &r).unwrap();
        assert_eq!(s.instrument_hash, i.hash());
        let cr = s.facet("creating").unwrap();
        close(cr.mean().unwrap(), 4.0);
        close(cr.pomp().unwrap(), 75.0);
        assert_eq!((cr.answered, cr.items), (6, 6));
        let ke = s.facet("keeping").unwrap();
        close(ke.mean().unwrap(), 1.8);
        close(ke.pomp().unwrap(), 20.0);
        let sh = s.facet("sharing").unwrap();
        assert_eq!(
            sh.result,
            FacetResult::NotScored {
                shortfalls: vec![Shortfall {
                    pole: None,
                    answered: 4,
                    items: 6,
                    needed: 5
                }]
            }
        );
        let FacetResult::NotScored { shortfalls } = &sh.result else {
            unreachable!()
        };
        assert_eq!(
            quality_text::shortfall(Lang::En, &shortfalls[0], 0.8),
            "Not scored: 4 of 6 items answered, at least 5 needed (the 80% rule)."
        );
        assert_eq!(
            quality_text::shortfall(Lang::Fr, &shortfalls[0], 0.8),
            "Non calculé : 4 question(s) répondue(s) sur 6, il en faut au moins 5 (règle des 80\u{a0}%)."
        );
        // Scale: mean of the scored facets' means, (4.0 + 1.8) / 2 = 2.9; POMP 100 × 1.9 / 4 = 47.5.
        let scale = s.scale.unwrap();
        close(scale.mean, 2.9);
        close(scale.pomp, 47.5);
        assert_eq!((scale.facets_scored, scale.facets), (2, 3));
    }

    #[test]
    fn reverse_keys_turn_the_answer_around() {
        let i = instrument(&likert(7));
        // On 7 points, a "-" item answered 1 scores 7 + 1 − 1 = 7, answered 7 scores 1.
        let it = i.item("cr-6").unwrap();
        assert_eq!(i.keyed_score(it, 1), 7);
        assert_eq!(i.keyed_score(it, 7), 1);
        assert_eq!(i.keyed_score(it, 4), 4);
        assert_eq!(i.keyed_score(i.item("cr-1").unwrap(), 2), 2);
        // All answered 2: "+" items score 2, the "-" item 6: (5 × 2 + 6) / 6 = 16 / 6.
        let s = score(&i, &all(&i, 2)).unwrap();
        let cr = s.facet("creating").unwrap();
        close(cr.mean().unwrap(), 16.0 / 6.0);
        // POMP on 7 points: 100 × (16/6 − 1) / 6 = 100 × (10/6) / 6 = 27.77…
        close(cr.pomp().unwrap(), 1000.0 / 36.0);
    }

    #[test]
    fn every_builtin_instrument_scores_end_to_end() {
        for i in builtin().iter().chain(superseded()) {
            // The middle answer is its own reverse: every facet (and pole) scores POMP 50.
            let mid = i.points().div_ceil(2);
            let s = score(i, &all(i, mid)).unwrap();
            for f in &s.facets {
                close(f.pomp().expect("fully answered"), 50.0);
            }
            close(s.scale.as_ref().unwrap().pomp, 50.0);
            assert!(s.quality.straight_lining.raised, "{}", i.id);
        }
        // Interpersonal intelligence, all answered 5: each facet has 8 items, 3 reverse-keyed,
        // so (5 × 5 + 3 × 1) / 8 = 28 / 8 = 3.5, POMP 100 × 2.5 / 4 = 62.5.
        let ii = builtin_by_id("interpersonal-intelligence").unwrap();
        let s = score(ii, &all(ii, 5)).unwrap();
        for f in &s.facets {
            close(f.mean().unwrap(), 3.5);
            close(f.pomp().unwrap(), 62.5);
        }
        // Paradoxes, all answered 5: each pole has 4 items, 1 reverse-keyed,
        // (3 × 5 + 1) / 4 = 4, POMP 75 on both poles: holding 75, lean 0.
        let px = builtin_by_id("intelligence-of-paradoxes").unwrap();
        let s = score(px, &all(px, 5)).unwrap();
        for f in &s.facets {
            let p = f.poles().unwrap();
            close(p.holding, 75.0);
            close(p.lean, 0.0);
        }
    }

    #[test]
    fn a_session_debrief_scores_each_facet() {
        use crate::domain::instrument::score::filled;
        let leader = debrief_for(DebriefSide::Leader);
        let answered = |value: fn(&Item) -> u8| {
            let (id, campaign, who) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
            filled(&leader.id, id, campaign, who, None, 4000, move |_, it| {
                Some(value(it))
            })
        };
        // A session that went well, read consistently: 5 on the "+" items, 1 on the "-" ones,
        // which reverse-keying turns into 5: every facet at POMP 100, no flag raised.
        let good = score(
            leader,
            &answered(|it| if it.keyed == Keyed::Minus { 1 } else { 5 }),
        )
        .unwrap();
        let facets: Vec<&str> = good.facets.iter().map(|f| f.facet.as_str()).collect();
        assert_eq!(facets.len(), 6);
        for f in &good.facets {
            assert_eq!((f.answered, f.items), (3, 3), "{}", f.facet);
            close(f.pomp().unwrap(), 100.0);
        }
        close(good.scale.as_ref().unwrap().pomp, 100.0);
        assert_eq!(good.quality.raised(), vec![]);
        // Agreeing with everything: the "-" item of each facet scores 6 − 5 = 1, so each facet
        // is (5 + 1 + 5) / 3 = 11/3, POMP 100 × (8/3) / 4 = 66.67; 18 identical answers in a
        // row and six contradictory pairs raise both flags.
        let yes = score(leader, &answered(|_| 5)).unwrap();
        for f in &yes.facets {
            close(f.mean().unwrap(), 11.0 / 3.0);
            close(f.pomp().unwrap(), 200.0 / 3.0);
        }
        assert_eq!(
            yes.quality.raised(),
            vec![Flag::StraightLining, Flag::InconsistentPairs]
        );
        assert_eq!(yes.quality.inconsistent_pairs.inconsistent.len(), 6);

        // By hand, on the candidate's side, with blanks (2 of 3 answers score a facet).
        let candidate = debrief_for(DebriefSide::Candidate);
        let r = respond(
            candidate,
            &[
                // 4, reversed 2 → 4, 5: 13/3, POMP 100 × (10/3) / 4 = 83.33.
                ("sdc-mu-1", Some(4)),
                ("sdc-mu-2", Some(2)),
                ("sdc-mu-3", Some(5)),
                // 3, skipped, 4: 2 of 3 answered, enough: 3.5, POMP 62.5.
                ("sdc-di-1", Some(3)),
                ("sdc-di-2", None),
                ("sdc-di-3", Some(4)),
                // Reversed 5 → 1 alone: 1 of 3 answered, 2 needed.
                ("sdc-pe-2", Some(5)),
            ],
        );
        let s = score(candidate, &r).unwrap();
        let mu = s.facet("mutual-understanding").unwrap();
        close(mu.mean().unwrap(), 13.0 / 3.0);
        close(mu.pomp().unwrap(), 250.0 / 3.0);
        close(s.facet("disagreement").unwrap().pomp().unwrap(), 62.5);
        assert_eq!(
            s.facet("pace-energy").unwrap().result,
            FacetResult::NotScored {
                shortfalls: vec![Shortfall {
                    pole: None,
                    answered: 1,
                    items: 3,
                    needed: 2
                }]
            }
        );
        assert!(s.facet("roles-clarity").unwrap().pomp().is_none());
        let scale = s.scale.unwrap();
        assert_eq!((scale.facets_scored, scale.facets), (2, 6));
        close(scale.mean, (13.0 / 3.0 + 3.5) / 2.0);
        // A response to one side is not a response to the other.
        assert!(matches!(
            score(leader, &r),
            Err(ScoreError::WrongInstrument { .. })
        ));
    }

    #[test]
    fn the_80_percent_rule() {
        assert_eq!(needed(0.8, 6), 5);
        assert_eq!(needed(0.8, 8), 7);
        assert_eq!(needed(0.8, 10), 8);
        assert_eq!(needed(0.8, 5), 4);
        assert_eq!(needed(0.75, 4), 3);
        assert_eq!(needed(0.6, 3), 2);
        assert_eq!(needed(1.0, 6), 6);
        assert_eq!(needed(0.01, 6), 1);
        let i = instrument(&likert(5));
        let five = respond(
            &i,
            &[
                ("cr-1", Some(3)),
                ("cr-2", Some(3)),
                ("cr-3", Some(3)),
                ("cr-4", Some(3)),
                ("cr-5", Some(3)),
            ],
        );
        assert!(score(&i, &five)
            .unwrap()
            .facet("creating")
            .unwrap()
            .pomp()
            .is_some());
        let four = respond(
            &i,
            &five
                .answers
                .iter()
                .take(4)
                .map(|a| (a.item.as_str(), a.value))
                .collect::<Vec<_>>(),
        );
        let s = score(&i, &four).unwrap();
        assert!(s.facet("creating").unwrap().pomp().is_none());
        let empty = respond(&i, &[]);
        let s = score(&i, &empty).unwrap();
        assert!(s.facets.iter().all(|f| f.pomp().is_none()));
        assert_eq!(s.scale, None);
    }

    #[test]
    fn paired_poles_holding_and_lean_by_hand() {
        let i = instrument(&paired());
        let r = respond(
            &i,
            &[
                // x, pole a: 5, 4 and the reversed a3 answered 2 → 6 − 2 = 4: mean 13/3,
                // POMP 100 × (13/3 − 1) / 4 = 100 × (10/3) / 4 = 83.33…
                ("x-a1", Some(5)),
                ("x-a2", Some(4)),
                ("x-a3", Some(2)),
                // x, pole b: 2, 3 and the reversed b3 answered 4 → 2: mean 7/3, POMP 33.33…
                ("x-b1", Some(2)),
                ("x-b2", Some(3)),
                ("x-b3", Some(4)),
                // y, pole a: 3, 3, 3 → mean 3, POMP 50; pole b: 1 of 3 answered, 2 needed.
                ("y-a1", Some(3)),
                ("y-a2", Some(3)),
                ("y-a3", Some(3)),
                ("y-b1", Some(4)),
            ],
        );
        let s = score(&i, &r).unwrap();
        let x = s.facet("x").unwrap();
        let p = x.poles().unwrap();
        close(p.a_mean, 13.0 / 3.0);
        close(p.b_mean, 7.0 / 3.0);
        close(p.a, 250.0 / 3.0);
        close(p.b, 100.0 / 3.0);
        // holding = min(83.33, 33.33) = 33.33; lean = 83.33 − 33.33 = 50 (towards pole a).
        close(p.holding, 100.0 / 3.0);
        close(p.lean, 50.0);
        close(x.pomp().unwrap(), 100.0 / 3.0);
        close(x.mean().unwrap(), 7.0 / 3.0);
        let y = s.facet("y").unwrap();
        assert_eq!(
            y.result,
            FacetResult::NotScored {
                shortfalls: vec![Shortfall {
                    pole: Some(Pole::B),
                    answered: 1,
                    items: 3,
                    needed: 2
                }]
            }
        );
        assert_eq!(y.answered, 4);
        // The scale rests on x alone: mean 7/3, POMP 33.33.
        let scale = s.scale.unwrap();
        close(scale.mean, 7.0 / 3.0);
        assert_eq!(scale.facets_scored, 1);
    }

    #[test]
    fn a_lean_towards_pole_b_is_negative() {
        let i = instrument(&paired());
        // Pole a: 2, 2, reversed 4 → 2: mean 2, POMP 25. Pole b: 5, 5, reversed 1 → 5: POMP 100.
        let r = respond(
            &i,
            &[
                ("x-a1", Some(2)),
                ("x-a2", Some(2)),
                ("x-a3", Some(4)),
                ("x-b1", Some(5)),
                ("x-b2", Some(5)),
                ("x-b3", Some(1)),
            ],
        );
        let p = score(&i, &r)
            .unwrap()
            .facet("x")
            .unwrap()
            .poles()
            .unwrap()
            .clone();
        close(p.holding, 25.0);
        close(p.lean, -75.0);
    }

    #[test]
    fn refused_responses() {
        let i = instrument(&likert(5));
        let mut r = all(&i, 3);
        r.instrument_hash = "fnv1a64:0123456789abcdef".into();
        assert!(matches!(
            score(&i, &r),
            Err(ScoreError::HashMismatch { .. })
        ));

        let mut r = all(&i, 3);
        r.instrument_id = "other".into();
        assert!(matches!(
            score(&i, &r),
            Err(ScoreError::WrongInstrument { .. })
        ));

        for bad in [0u8, 6] {
            let r = respond(&i, &[("cr-1", Some(bad))]);
            assert_eq!(
                score(&i, &r),
                Err(ScoreError::OutOfRange {
                    item: "cr-1".into(),
                    value: bad,
                    points: 5
                })
            );
        }
        let r = respond(&i, &[("zz-9", Some(3))]);
        assert_eq!(score(&i, &r), Err(ScoreError::UnknownItem("zz-9".into())));
        let r = respond(&i, &[("cr-1", Some(3)), ("cr-1", Some(4))]);
        assert_eq!(
            score(&i, &r),
            Err(ScoreError::DuplicateAnswer {
                item: "cr-1".into()
            })
        );
        assert_eq!(
            quality::check(&i, &r),
            Err(ScoreError::DuplicateAnswer {
                item: "cr-1".into()
            })
        );
    }

    #[test]
    fn responses_round_trip_as_json() {
        let i = instrument(&likert(5));
        let mut r = all(&i, 4);
        r.answers[0].ms = Some(2300);
        r.answers[1].value = None;
        let text = serde_json::to_string(&r).unwrap();
        assert!(
            text.contains("\"started_at\":\"2026-11-25T10:00:00Z\""),
            "{text}"
        );
        let back: Response = serde_json::from_str(&text).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn item_matrix_is_keyed_and_aligned() {
        let i = instrument(&likert(5));
        let a = respond(&i, &[("cr-1", Some(5)), ("cr-6", Some(2)), ("cr-3", None)]);
        let b = all(&i, 1);
        let mut stale = all(&i, 3);
        stale.instrument_hash = "fnv1a64:ffffffffffffffff".into();
        let m = item_matrix(&i, &[a, b, stale], "creating");
        assert_eq!(
            m,
            vec![
                // cr-6 is reverse-keyed: 6 − 2 = 4; 6 − 1 = 5.
                vec![Some(5.0), None, None, None, None, Some(4.0)],
                vec![
                    Some(1.0),
                    Some(1.0),
                    Some(1.0),
                    Some(1.0),
                    Some(1.0),
                    Some(5.0)
                ],
                vec![None; 6],
            ]
        );
        assert_eq!(
            item_matrix(&i, &[all(&i, 1)], "nope"),
            vec![Vec::<Option<f64>>::new()]
        );

        let p = instrument(&paired());
        let m = pole_item_matrix(&p, &[all(&p, 2)], "x", Pole::B);
        assert_eq!(m, vec![vec![Some(2.0), Some(2.0), Some(4.0)]]);
        assert_eq!(item_matrix(&p, &[all(&p, 2)], "x")[0].len(), 6);
    }

    mod flags {
        use super::*;

        fn timed(mut r: Response, ms: u32) -> Response {
            for a in &mut r.answers {
                a.ms = Some(ms);
            }
            r
        }

        #[test]
        fn straight_lining_on_and_off() {
            let i = instrument(&likert(5));
            let s = score(&i, &all(&i, 3)).unwrap();
            assert!(s.quality.straight_lining.raised);
            assert_eq!(s.quality.straight_lining.longest_run, 18);
            assert_eq!(s.quality.straight_lining.from_item.as_deref(), Some("cr-1"));
            assert!(s.quality.raised().contains(&Flag::StraightLining));
            assert_eq!(
                quality_text::straight_lining(Lang::En, &s.quality.straight_lining),
                "The same answer (3) was given to 18 questions in a row. From 10 on, this suggests the questions were not read one by one: interpret these scores with care."
            );

            // Exactly 10 in a row (cr-1 … ke-4), then alternating: raised at the threshold.
            let ids: Vec<String> = i.items.iter().map(|it| it.id.clone()).collect();
            let answers = |run: usize| -> Vec<(&str, Option<u8>)> {
                ids.iter()
                    .enumerate()
                    .map(|(n, id)| {
                        (
                            id.as_str(),
                            Some(if n < run {
                                4
                            } else if n % 2 == 0 {
                                1
                            } else {
                                2
                            }),
                        )
                    })
                    .collect()
            };
            let at10 = score(&i, &respond(&i, &answers(10))).unwrap();
            assert_eq!(at10.quality.straight_lining.longest_run, 10);
            assert!(at10.quality.straight_lining.raised);
            let at9 = score(&i, &respond(&i, &answers(9))).unwrap();
            assert_eq!(at9.quality.straight_lining.longest_run, 9);
            assert!(!at9.quality.straight_lining.raised);
            assert!(
                quality_text::straight_lining(Lang::Fr, &at9.quality.straight_lining)
                    .starts_with("Pas de longue suite")
            );

            // A skipped item neither breaks nor extends the run.
            let mut skipped = answers(10);
            skipped[4].1 = None;
            let s = score(&i, &respond(&i, &skipped)).unwrap();
            assert_eq!(s.quality.straight_lining.longest_run, 9);
        }

        #[test]
        fn too_fast_on_and_off() {
            let i = instrument(&likert(5));
            let alternating = |i: &Instrument| {
                let ids: Vec<String> = i.items.iter().map(|it| it.id.clone()).collect();
                let answers: Vec<(&str, Option<u8>)> = ids
                    .iter()
                    .enumerate()
                    .map(|(n, id)| (id.as_str(), Some(if n % 2 == 0 { 2 } else { 4 })))
                    .collect();
                respond(i, &answers)
            };
            let fast = score(&i, &timed(alternating(&i), 900)).unwrap().quality;
            assert!(fast.too_fast.raised);
            assert_eq!(fast.raised(), vec![Flag::TooFast]);
            assert_eq!(
                quality_text::too_fast(Lang::Fr, &fast.too_fast),
                "En moyenne 0,9 s par question, moins que les 1,5 s qu'il faut au minimum pour lire une question et y répondre : les réponses ont sans doute été données trop vite pour être réfléchies."
            );
            let calm = score(&i, &timed(alternating(&i), 4200)).unwrap().quality;
            assert!(!calm.too_fast.raised);
            assert_eq!(
                quality_text::too_fast(Lang::En, &calm.too_fast),
                "A plausible pace: 4.2 s per question on average (expected minimum: 1.5 s)."
            );
            // Exactly at the minimum is not too fast.
            assert!(
                !score(&i, &timed(alternating(&i), 1500))
                    .unwrap()
                    .quality
                    .too_fast
                    .raised
            );
            // No timings: not checked, not raised.
            let untimed = score(&i, &alternating(&i)).unwrap().quality;
            assert!(!untimed.too_fast.raised);
            assert_eq!(untimed.too_fast.mean_ms, None);
            assert!(quality_text::too_fast(Lang::En, &untimed.too_fast).contains("not recorded"));
            // The mean is over the answered items that carry a time: 1000 and 3000 → 2000.
            let mut mixed = alternating(&i);
            mixed.answers[0].ms = Some(1000);
            mixed.answers[1].ms = Some(3000);
            mixed.answers[2].value = None;
            mixed.answers[2].ms = Some(10);
            let q = score(&i, &mixed).unwrap().quality;
            assert_eq!((q.too_fast.mean_ms, q.too_fast.timed), (Some(2000.0), 2));
            assert!(!q.too_fast.raised);
        }

        #[test]
        fn inconsistent_pairs_on_and_off() {
            let i = instrument(&likert(5));
            let with = |pairs: &[(&'static str, u8)]| {
                let ids: Vec<String> = i.items.iter().map(|it| it.id.clone()).collect();
                let answers: Vec<(&str, Option<u8>)> = ids
                    .iter()
                    .enumerate()
                    .map(|(n, id)| {
                        let set = pairs
                            .iter()
                            .find(|(p, _)| *p == id.as_str())
                            .map(|(_, v)| *v);
                        (
                            id.as_str(),
                            Some(set.unwrap_or(if n % 2 == 0 { 2 } else { 3 })),
                        )
                    })
                    .collect();
                score(&i, &respond(&i, &answers)).unwrap().quality
            };
            // cr-1 = 5 and cr-6 = 5 (keyed 1): gap 4 ≥ 3. ke-1 = 1 and ke-6 = 1 (keyed 5): gap 4.
            let both = with(&[("cr-1", 5), ("cr-6", 5), ("ke-1", 1), ("ke-6", 1)]);
            assert_eq!(both.inconsistent_pairs.checked, 2);
            assert_eq!(both.inconsistent_pairs.inconsistent.len(), 2);
            assert!(both.inconsistent_pairs.raised, "2 > max 1");
            assert_eq!(both.raised(), vec![Flag::InconsistentPairs]);
            assert!(quality_text::flag(Lang::En, &both, Flag::InconsistentPairs)
                .starts_with("Of 2 pairs"));
            // One inconsistent pair is tolerated (max 1).
            let one = with(&[("cr-1", 5), ("cr-6", 5), ("ke-1", 4), ("ke-6", 2)]);
            assert_eq!(
                one.inconsistent_pairs.inconsistent,
                vec![["cr-1".to_owned(), "cr-6".to_owned()]]
            );
            assert!(!one.inconsistent_pairs.raised);
            assert_eq!(
                quality_text::inconsistent_pairs(Lang::En, &one.inconsistent_pairs),
                "Consistent answers: 1 contradictory pair(s) out of 2 checked (flagged above 1)."
            );
            // The threshold is points − 2 = 3: cr-1 = 5, cr-6 = 4 (keyed 2) is a gap of 3,
            // inconsistent; cr-1 = 4, cr-6 = 4 (keyed 2) is a gap of 2, consistent.
            let gap3 = with(&[("cr-1", 5), ("cr-6", 4), ("ke-1", 5), ("ke-6", 5)]);
            assert_eq!(gap3.inconsistent_pairs.inconsistent.len(), 2);
            let gap2 = with(&[("cr-1", 4), ("cr-6", 4), ("ke-1", 5), ("ke-6", 5)]);
            assert_eq!(
                gap2.inconsistent_pairs.inconsistent,
                vec![["ke-1".to_owned(), "ke-6".to_owned()]],
                "only ke: 5 against keyed 1"
            );
            // Pairs with a skipped item are not checked.
            let r = respond(&i, &[("cr-1", Some(5)), ("ke-6", Some(5))]);
            let q = score(&i, &r).unwrap().quality;
            assert_eq!(q.inconsistent_pairs.checked, 0);
            assert!(
                quality_text::inconsistent_pairs(Lang::Fr, &q.inconsistent_pairs)
                    .contains("pas pu être vérifiée")
            );
        }

        #[test]
        fn every_explanation_exists_in_both_languages() {
            let i = instrument(&likert(5));
            for r in [all(&i, 3), timed(all(&i, 1), 100), respond(&i, &[])] {
                let q = score(&i, &r).unwrap().quality;
                for flag in [Flag::StraightLining, Flag::TooFast, Flag::InconsistentPairs] {
                    let (fr, en) = (
                        quality_text::flag(Lang::Fr, &q, flag),
                        quality_text::flag(Lang::En, &q, flag),
                    );
                    assert!(!fr.is_empty() && !en.is_empty());
                    assert_ne!(fr, en);
                }
            }
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn answers_strategy(n: usize, points: u8) -> impl Strategy<Value = Vec<Option<u8>>> {
            proptest::collection::vec(proptest::option::weighted(0.85, 1..=points), n)
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

            #[test]
            fn pomp_is_always_within_0_and_100(
                seven in any::<bool>(),
                pairs in any::<bool>(),
                values in answers_strategy(18, 7),
            ) {
                let i = if pairs { instrument(&paired()) } else { instrument(&likert(if seven { 7 } else { 5 })) };
                let points = i.points();
                let ids: Vec<String> = i.items.iter().map(|it| it.id.clone()).collect();
                let answers: Vec<(&str, Option<u8>)> = ids
                    .iter()
                    .zip(&values)
                    .map(|(id, v)| (id.as_str(), v.map(|v| (v - 1) % points + 1)))
                    .collect();
                let s = score(&i, &respond(&i, &answers)).unwrap();
                let within = |x: f64| (0.0..=100.0).contains(&x);
                for f in &s.facets {
                    if let Some(p) = f.pomp() { prop_assert!(within(p), "{p}"); }
                    if let Some(p) = f.poles() {
                        prop_assert!(within(p.a) && within(p.b) && within(p.holding));
                        prop_assert!((-100.0..=100.0).contains(&p.lean));
                        prop_assert!((p.holding - p.a.min(p.b)).abs() < EPS);
                    }
                }
                if let Some(scale) = &s.scale { prop_assert!(within(scale.pomp)); }
            }

            #[test]
            fn reversing_every_answer_mirrors_the_facet_score(
                seven in any::<bool>(),
                values in proptest::collection::vec(1u8..=7, 6),
            ) {
                let i = instrument(&likert(if seven { 7 } else { 5 }));
                let points = i.points();
                let facet: Vec<String> = i.items_of("keeping").map(|it| it.id.clone()).collect();
                let values: Vec<u8> = values.iter().map(|v| (v - 1) % points + 1).collect();
                let given: Vec<(&str, Option<u8>)> =
                    facet.iter().zip(&values).map(|(id, v)| (id.as_str(), Some(*v))).collect();
                let reversed: Vec<(&str, Option<u8>)> =
                    facet.iter().zip(&values).map(|(id, v)| (id.as_str(), Some(points + 1 - v))).collect();
                let s = score(&i, &respond(&i, &given)).unwrap().facet("keeping").unwrap().mean().unwrap();
                let r = score(&i, &respond(&i, &reversed)).unwrap().facet("keeping").unwrap().mean().unwrap();
                prop_assert!((r - (f64::from(points) + 1.0 - s)).abs() < EPS, "{s} → {r}");
            }
        }
    }
}
