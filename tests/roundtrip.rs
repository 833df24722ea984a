//! Property tests of the file format: export → import is lossless, merging is idempotent and
//! order-independent for disjoint files, and reading never panics whatever the bytes.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use rally::domain::campaign::{Campaign, InstrumentId, Leader, Person, Status, WorkSession};
use rally::domain::file::{
    merge, read_document, read_document_value, Document, ImportError, MergeReport, CURRENT_VERSION,
};
use rally::domain::i18n::import_error;
use rally::domain::lang::Lang;
use rally::domain::role::{builtin_roles, PostureWeights, Role, SoftSkill};
use rally::domain::text::Bilingual;
use rally::domain::workspace::Workspace;
use std::path::Path;
use uuid::Uuid;

// ---- strategies -----------------------------------------------------------------------------

/// Characters a recruiter may type in a one-line name: accents, CJK, emoji (with a zero-width
/// joiner), quotes, backslashes, markup characters, non-breaking and other exotic spaces.
const NAME_CHARS: &[char] = &[
    'a',
    'Z',
    'q',
    '0',
    '9',
    ' ',
    ' ',
    '-',
    '.',
    ',',
    '(',
    ')',
    'é',
    'È',
    'ç',
    'ß',
    'ø',
    'Å',
    'ñ',
    'œ',
    '·',
    '’',
    '—',
    '李',
    '中',
    '文',
    '日',
    '本',
    '한',
    'ع',
    'Ж',
    '😀',
    '🎉',
    '👩',
    '\u{200d}',
    '💻',
    '🦀',
    '"',
    '\'',
    '\\',
    '/',
    '<',
    '>',
    '&',
    '{',
    '}',
    '[',
    ']',
    ':',
    '%',
    '$',
    '#',
    '\u{a0}',
    '\u{3000}',
    '\u{2028}',
    '\u{fffd}',
    '\u{10ffff}',
];

fn name_char() -> impl Strategy<Value = char> {
    select(NAME_CHARS)
}

/// 1–60 characters, never blank.
fn name() -> impl Strategy<Value = String> {
    (
        name_char().prop_filter("visible", |c| !c.is_whitespace()),
        prop::collection::vec(name_char(), 0..60),
        any::<bool>(),
    )
        .prop_map(|(first, rest, first_at_end)| {
            let mut s: String = rest.into_iter().collect();
            if first_at_end {
                s.push(first);
            } else {
                s.insert(0, first);
            }
            s
        })
}

/// 0–`max` characters, possibly blank.
fn text(max: usize, multiline: bool) -> impl Strategy<Value = String> {
    let extra: &'static [char] = if multiline { &['\n', '\t'] } else { &[] };
    let chars: Vec<char> = NAME_CHARS.iter().chain(extra).copied().collect();
    prop::collection::vec(select(chars), 0..=max).prop_map(|v| v.into_iter().collect())
}

fn email() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        ("[a-z0-9._+-]{1,12}", "[a-z0-9-]{1,12}", "[a-z]{2,6}")
            .prop_map(|(local, domain, tld)| format!("{local}@{domain}.{tld}")),
    ]
}

fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    // 2001 to 2096, with sub-second precision.
    (1_000_000_000i64..4_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(s, ns)| DateTime::from_timestamp(s, ns).unwrap())
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1990i32..2100, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
    )
}

fn time() -> impl Strategy<Value = Option<NaiveTime>> {
    prop::option::of(
        (0u32..86_400, prop_oneof![Just(0u32), 0u32..1_000_000_000])
            .prop_map(|(s, ns)| NaiveTime::from_num_seconds_from_midnight_opt(s, ns).unwrap()),
    )
}

fn status() -> impl Strategy<Value = (Status, Option<Status>)> {
    prop_oneof![
        select(Status::SELECTABLE.to_vec()).prop_map(|s| (s, None)),
        prop::option::of(select(Status::SELECTABLE.to_vec()))
            .prop_map(|before| (Status::Archived, before)),
    ]
}

/// A band `min ≤ target ≤ max` on the 1–5 scale.
fn band() -> impl Strategy<Value = (u8, u8, u8)> {
    prop::array::uniform3(1u8..=5).prop_map(|mut b| {
        b.sort();
        (b[0], b[1], b[2])
    })
}

fn postures() -> impl Strategy<Value = PostureWeights> {
    (0u8..=100)
        .prop_flat_map(|c| (Just(c), 0..=100 - c))
        .prop_map(|(c, b)| PostureWeights {
            conductor: c,
            business_partner: b,
            entrepreneur: 100 - c - b,
        })
}

/// A built-in role, possibly with other (valid) bands, postures and soft skills.
fn role() -> impl Strategy<Value = Role> {
    let count = builtin_roles().len();
    (
        0..count,
        prop::option::of(prop::collection::vec(band(), 7)),
        prop::option::of(postures()),
        prop::option::of(subsequence(SoftSkill::ALL.to_vec(), 0..=3).prop_shuffle()),
    )
        .prop_map(|(i, bands, postures, skills)| {
            let mut r = builtin_roles()[i].clone();
            if let Some(bands) = bands {
                for (a, (min, target, max)) in r.axes.iter_mut().zip(bands) {
                    (a.min, a.target, a.max) = (min, target, max);
                }
            }
            if let Some(p) = postures {
                r.postures = p;
            }
            if let Some(s) = skills {
                r.soft_skills = s;
            }
            assert!(r.problems().is_empty(), "the strategy made a bad role");
            r
        })
}

/// The parts of a campaign that carry no identifier.
#[derive(Clone, Debug)]
struct Shape {
    name: String,
    role: Role,
    leader: Leader,
    candidates: Vec<(String, String)>,
    mediators: Vec<(String, String)>,
    sessions: Vec<(Option<NaiveDate>, Option<NaiveTime>, String, String)>,
    instruments: Vec<InstrumentId>,
    status: (Status, Option<Status>),
    created_at: DateTime<Utc>,
    age_secs: i64,
    revision: u64,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        (
            name(),
            role(),
            (name(), text(40, false)).prop_map(|(name, title)| Leader { name, title }),
            prop::collection::vec((name(), email()), 0..=5),
            prop::collection::vec((name(), email()), 0..=3),
            prop::collection::vec((date(), time(), text(40, false), text(120, true)), 3..=4),
        ),
        (
            subsequence(InstrumentId::ALL.to_vec(), 0..=InstrumentId::ALL.len()).prop_shuffle(),
            status(),
            timestamp(),
            0i64..10_000_000,
            1u64..10_000,
        ),
    )
        .prop_map(
            |(
                (name, role, leader, candidates, mediators, sessions),
                (instruments, status, created_at, age_secs, revision),
            )| Shape {
                name,
                role,
                leader,
                candidates,
                mediators,
                sessions,
                instruments,
                status,
                created_at,
                age_secs,
                revision,
            },
        )
}

/// Identifiers: `space` keeps two generated workspaces disjoint, `salt` varies them.
fn uuid(space: u128, salt: u64, campaign: usize, item: usize) -> Uuid {
    Uuid::from_u128(
        (space << 112) | (u128::from(salt) << 32) | ((campaign as u128) << 16) | item as u128,
    )
}

fn build(space: u128, salt: u64, i: usize, s: Shape) -> Campaign {
    let person = |k: usize, (name, email): (String, String)| Person {
        id: uuid(space, salt, i + 1, k),
        name,
        email,
    };
    let c = Campaign {
        id: uuid(space, salt, i + 1, 0),
        name: s.name,
        role: s.role,
        leader: s.leader,
        candidates: s
            .candidates
            .into_iter()
            .enumerate()
            .map(|(k, p)| person(100 + k, p))
            .collect(),
        mediators: s
            .mediators
            .into_iter()
            .enumerate()
            .map(|(k, p)| person(200 + k, p))
            .collect(),
        sessions: s
            .sessions
            .into_iter()
            .enumerate()
            .map(|(k, (date, time, place, topic))| WorkSession {
                id: uuid(space, salt, i + 1, 300 + k),
                date,
                time,
                place,
                topic,
            })
            .collect(),
        instruments: s.instruments,
        status: s.status.0,
        status_before_archive: s.status.1,
        created_at: s.created_at,
        updated_at: s.created_at + chrono::Duration::seconds(s.age_secs),
        revision: s.revision,
        decisions: Vec::new(),
        version_choices: Vec::new(),
        clock_offsets: Vec::new(),
        sample: false,
        closed_on: None,
        retention_months: None,
        erasures: Vec::new(),
        imports: Vec::new(),
    };
    assert_eq!(c.check(), Ok(()), "the strategy made a bad campaign");
    c
}

/// A valid workspace whose identifiers all live in `space`.
fn workspace(space: u128) -> impl Strategy<Value = Workspace> {
    (
        any::<u64>(),
        prop::collection::vec(shape(), 0..=6),
        prop::collection::vec((role(), name()), 0..=3),
    )
        .prop_map(move |(salt, shapes, roles)| Workspace {
            campaigns: shapes
                .into_iter()
                .enumerate()
                .map(|(i, s)| build(space, salt, i, s))
                .collect(),
            roles: roles
                .into_iter()
                .enumerate()
                .map(|(k, (r, suffix))| {
                    let id = uuid(space, salt, 0, 900 + k).to_string();
                    r.duplicate(id, &Bilingual::both(&suffix))
                })
                .collect(),
        })
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_000_000, 123_456_789).unwrap()
}

fn export(ws: &Workspace) -> String {
    Document::of_workspace(ws, now()).to_json()
}

fn sorted_by_id(ws: &Workspace) -> (Vec<Campaign>, Vec<Role>) {
    let mut campaigns = ws.campaigns.clone();
    campaigns.sort_by_key(|c| c.id);
    let mut roles = ws.roles.clone();
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    (campaigns, roles)
}

/// The current-version fixture as a JSON value, the start of the structural mutations.
fn fixture_v3() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v3.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("format-v3.json")).unwrap()
}

/// The values a mutation writes: every JSON type, edge numbers, dates, ids, long text.
fn odd_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    select(vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(3),
        json!(1.5),
        json!(1e300),
        json!(u64::MAX),
        json!(""),
        json!("x"),
        json!("2026-02-30"),
        json!("2026-03-04T10:00:00Z"),
        json!("00000000-0000-0000-0000-000000000001"),
        json!("<script>alert(1)</script>"),
        json!("a".repeat(400)),
        json!([]),
        json!([1, 2]),
        json!({}),
        json!({"fr": "", "en": ""}),
    ])
}

/// Walks `path` (indices taken modulo each container's size) and replaces, or with `delete`
/// removes, the node it reaches.
fn mutate(value: &mut serde_json::Value, path: &[usize], new: serde_json::Value, delete: bool) {
    use serde_json::Value;
    let Some((&step, rest)) = path.split_first() else {
        *value = new;
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).unwrap().clone();
            if rest.is_empty() && delete {
                map.remove(&key);
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, new, delete);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            if rest.is_empty() && delete {
                items.remove(i);
            } else {
                mutate(&mut items[i], rest, new, delete);
            }
        }
        other => *other = new,
    }
}

fn fixture_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.json");
    std::fs::read_to_string(path).expect("format-v1.json")
}

/// Whatever `read_document` says about `bytes`, it says it without panicking; if it accepts
/// them, the document survives its own export, and if it refuses them, it says why.
fn read_is_total(bytes: &[u8]) -> Result<(), TestCaseError> {
    match read_document(bytes) {
        Ok(doc) => {
            prop_assert_eq!(doc.format_version, CURRENT_VERSION);
            let again = read_document(doc.to_json().as_bytes());
            prop_assert_eq!(again, Ok(doc));
        }
        Err(e) => {
            for lang in Lang::ALL {
                prop_assert!(!import_error(lang, &e).trim().is_empty());
            }
        }
    }
    Ok(())
}

// ---- properties -----------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// (a) Export → import gives back exactly the workspace.
    #[test]
    fn export_then_import_is_lossless(ws in workspace(1)) {
        let doc = read_document(export(&ws).as_bytes());
        prop_assert!(doc.is_ok(), "refused: {:?}", doc);
        let doc = doc.unwrap();
        prop_assert_eq!(doc.format_version, CURRENT_VERSION);
        prop_assert_eq!(doc.exported_at, now());
        prop_assert_eq!(doc.into_workspace(), ws);
    }

    /// (b) Merging into an empty workspace gives the workspace; merging again changes nothing.
    #[test]
    fn merge_is_idempotent(ws in workspace(1)) {
        let doc = read_document(export(&ws).as_bytes()).unwrap();
        let (once, report) = merge(&Workspace::default(), &doc).unwrap();
        prop_assert_eq!(&once, &ws);
        prop_assert_eq!(report.added, ws.campaigns.len());
        prop_assert_eq!(report.roles_added, ws.roles.len());
        let (twice, report) = merge(&once, &doc).unwrap();
        prop_assert_eq!(
            report,
            MergeReport { unchanged: ws.campaigns.len(), ..MergeReport::default() }
        );
        prop_assert_eq!(twice, once);
    }

    /// (c) Two files with disjoint identifiers merge to the same content in either order.
    #[test]
    fn disjoint_merges_commute(a in workspace(1), b in workspace(2)) {
        let da = read_document(export(&a).as_bytes()).unwrap();
        let db = read_document(export(&b).as_bytes()).unwrap();
        let empty = Workspace::default();
        let (ab, _) = merge(&empty, &da).and_then(|(ws, _)| merge(&ws, &db)).unwrap();
        let (ba, _) = merge(&empty, &db).and_then(|(ws, _)| merge(&ws, &da)).unwrap();
        prop_assert_eq!(ab.campaigns.len(), a.campaigns.len() + b.campaigns.len());
        prop_assert_eq!(ab.roles.len(), a.roles.len() + b.roles.len());
        prop_assert_eq!(sorted_by_id(&ab), sorted_by_id(&ba));
    }

    /// An older copy of a campaign never overwrites a newer one, whatever the import order.
    #[test]
    fn the_newer_copy_wins_in_either_order(ws in workspace(1), bump in 1u64..100) {
        prop_assume!(!ws.campaigns.is_empty());
        let mut newer = ws.clone();
        newer.campaigns[0].name.push_str(" (v2)");
        newer.campaigns[0].revision += bump;
        let old = read_document(export(&ws).as_bytes()).unwrap();
        let new = read_document(export(&newer).as_bytes()).unwrap();
        let empty = Workspace::default();
        let (x, _) = merge(&empty, &old).and_then(|(w, _)| merge(&w, &new)).unwrap();
        let (y, report) = merge(&empty, &new).and_then(|(w, _)| merge(&w, &old)).unwrap();
        prop_assert_eq!(&x.campaigns, &newer.campaigns);
        prop_assert_eq!(&y.campaigns, &newer.campaigns);
        prop_assert_eq!(report.kept_ours, 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The reader's fast path (one typed parse of a current-version document) gives exactly
    /// the answer of the migrating path, the same document or the same error, whatever one
    /// node of the fixture is replaced with or whether it is removed.
    #[test]
    fn fast_path_agrees(
        path in prop::collection::vec(any::<usize>(), 1..7),
        new in odd_value(),
        delete in any::<bool>(),
        version in prop_oneof![Just(None), (1u64..4).prop_map(Some)],
    ) {
        let mut value = fixture_v3();
        mutate(&mut value, &path, new, delete);
        if let Some(v) = version {
            value["format_version"] = v.into();
        }
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(read_document(text.as_bytes()), read_document_value(value));
    }

    /// A wrong value is reported at the same path as the path-tracking deserializer
    /// (serde_path_to_error) that the reader used before reports it: that deserializer, kept
    /// here as the reference, reads the value directly. (Only the path reaches the recruiter;
    /// serde's technical detail is kept for developers and may be worded differently.)
    #[test]
    fn shape_errors_name_the_same_path(
        path in prop::collection::vec(any::<usize>(), 1..7),
        new in odd_value(),
        delete in any::<bool>(),
    ) {
        let mut value = fixture_v3();
        mutate(&mut value, &path, new, delete);
        value["format"] = "rally".into();
        value["format_version"] = CURRENT_VERSION.into();
        let reference = serde_path_to_error::deserialize::<_, Document>(value.clone());
        let ours = read_document_value(value);
        match (reference, ours) {
            (Err(e), Err(ImportError::WrongShape { path, detail })) => {
                let want = e.path().to_string();
                let want = if want == "." { "(root)".to_owned() } else { want };
                prop_assert_eq!(path, want, "reference: {}", e.inner());
                prop_assert!(!detail.is_empty());
            }
            (Err(e), other) => prop_assert!(false, "reference refused ({e}), we said {other:?}"),
            (Ok(_), Err(ImportError::WrongShape { path, detail })) => {
                prop_assert!(false, "reference accepted, we refused at {path}: {detail}")
            }
            (Ok(_), _) => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// (d) Arbitrary bytes never make the reader panic.
    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_is_total(&bytes)?;
    }

    /// (d) Nor does JSON-looking noise, which gets further into the reader.
    #[test]
    fn reading_json_like_noise_never_panics(
        text in prop::collection::vec(
            select(vec![
                "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d800", " ", "0", "-1", "1e999",
                "\"format\"", "\"rally\"", "\"format_version\"", "1", "null", "true",
                "\"campaigns\"", "\"roles\"", "\"exported_at\"", "\"2026-01-01T00:00:00Z\"",
            ]),
            0..200,
        )
    ) {
        read_is_total(text.concat().as_bytes())?;
    }

    /// (d) Nor does a valid file with a random range of characters deleted or replaced.
    #[test]
    fn reading_a_mangled_valid_file_never_panics(
        start in 0.0f64..1.0,
        len in prop_oneof![0usize..4, 0usize..64, 0usize..20_000],
        replacement in prop::collection::vec(
            select(vec!['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', '9', '-', 'e', 'a', 'é', '\u{202e}', '\0']),
            0..8,
        ),
    ) {
        let chars: Vec<char> = fixture_text().chars().collect();
        let from = ((chars.len() as f64) * start) as usize;
        let to = (from + len).min(chars.len());
        let mangled: String = chars[..from]
            .iter()
            .chain(replacement.iter())
            .chain(chars[to..].iter())
            .collect();
        read_is_total(mangled.as_bytes())?;
    }

    /// (d) Nor does a valid file with random bytes written over a random byte range.
    #[test]
    fn reading_a_byte_mangled_valid_file_never_panics(
        start in 0.0f64..1.0,
        noise in prop::collection::vec(any::<u8>(), 1..16),
    ) {
        let mut bytes = fixture_text().into_bytes();
        let from = ((bytes.len() as f64) * start) as usize;
        for (b, n) in bytes[from..].iter_mut().zip(&noise) {
            *b = *n;
        }
        read_is_total(&bytes)?;
    }
}

#[test]
fn the_mangling_properties_start_from_an_accepted_file() {
    // Without this the "never panics" properties could pass by refusing everything early.
    let doc = read_document(fixture_text().as_bytes()).expect("format-v1.json reads");
    assert_eq!(doc.campaigns.len(), 2);
}
