//! Mutated files of every kind: a valid file of each kind (built through the domain, as Rally
//! writes it) is damaged at random — JSON-aware changes (a member deleted or renamed, a value of
//! another type, an array element repeated or moved, numbers made huge, negative or fractional,
//! texts made long, invisible or garbled), then byte changes (flipped, cut, inserted, removed) —
//! and taken in as its page does (`tests/kinds`). Nothing may panic; a refusal must be a sentence
//! in French and in English, with the browser unchanged; what is taken in must merge, and
//! taking it in again must change nothing. `CASES` cases per kind and run.

mod kinds;

use kinds::{assert_sentences, fixtures_dir, v4, Got, Kind, State};
use proptest::collection::vec;
use proptest::prelude::*;
use rally::domain::base64::{decode_lenient, encode};
use rally::domain::file::envelope::LINK_MARK;
use rally::domain::file::Document;
use rally::domain::hash::fnv1a64;
use rally::domain::observation::rating::{BarsRef, Rating};
use rally::domain::survey::code::{encode_responses, CODE_PREFIX, CODE_PREFIX_2, LINK_ROUTE};
use serde_json::{json, Value};
use std::sync::OnceLock;

/// Cases per kind and run (nine kinds).
const CASES: u32 = 512;

const BASE_URL: &str = "https://rally.example/respond.html";

/// A change to a parsed file. Numbers pick a node (modulo how many there are) or a replacement.
#[derive(Clone, Debug)]
enum JsonOp {
    /// Removes a member of an object, or an element of an array.
    Delete(u32, u32),
    /// Renames a member (the old name is then missing, the new one unknown).
    Rename(u32, u32, String),
    /// Repeats an element of an array.
    Repeat(u32, u32),
    /// Swaps two elements of an array.
    Swap(u32, u32, u32),
    /// Replaces any value with one of [`replacement`].
    Replace(u32, u8, String),
    /// Replaces a number with another number, possibly out of every range.
    Renumber(u32, u8),
    /// Replaces a text with another, possibly long, invisible or garbled.
    Retext(u32, u8, String),
}

/// A change to the bytes.
#[derive(Clone, Debug)]
enum ByteOp {
    Flip(u32, u8),
    Cut(u32),
    Insert(u32, Vec<u8>),
    Remove(u32, u8),
}

#[derive(Clone, Debug)]
struct Plan {
    json: Vec<JsonOp>,
    /// On the file once written, when `raw` (for a code: on its bytes before the checksum,
    /// always).
    bytes: Vec<ByteOp>,
    raw: bool,
    /// On the text as pasted (codes and links).
    text: Vec<ByteOp>,
    pretty: bool,
    /// Picks among the bases of a kind; for a code, whether its checksum is written again.
    pick: u8,
}

fn json_op() -> impl Strategy<Value = JsonOp> {
    let n = any::<u32>;
    prop_oneof![
        (n(), n()).prop_map(|(a, b)| JsonOp::Delete(a, b)),
        (n(), n(), ".{0,8}").prop_map(|(a, b, s)| JsonOp::Rename(a, b, s)),
        (n(), n()).prop_map(|(a, b)| JsonOp::Repeat(a, b)),
        (n(), n(), n()).prop_map(|(a, b, c)| JsonOp::Swap(a, b, c)),
        (n(), any::<u8>(), ".{0,12}").prop_map(|(a, r, s)| JsonOp::Replace(a, r, s)),
        (n(), any::<u8>()).prop_map(|(a, r)| JsonOp::Renumber(a, r)),
        (n(), any::<u8>(), ".{0,12}").prop_map(|(a, r, s)| JsonOp::Retext(a, r, s)),
    ]
}

fn byte_op() -> impl Strategy<Value = ByteOp> {
    let significant = prop_oneof![
        any::<u8>(),
        proptest::sample::select(b"{}[]\",:\\ \n0-.eE".to_vec()),
    ];
    prop_oneof![
        // Within ASCII, mostly: a text flipped into invalid UTF-8 is soon refused as such.
        (any::<u32>(), 1..=127u8).prop_map(|(at, mask)| ByteOp::Flip(at, mask)),
        any::<u32>().prop_map(ByteOp::Cut),
        (any::<u32>(), vec(significant, 1..6)).prop_map(|(at, b)| ByteOp::Insert(at, b)),
        (any::<u32>(), any::<u8>()).prop_map(|(at, n)| ByteOp::Remove(at, n)),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        vec(json_op(), 0..=3),
        vec(byte_op(), 1..=2),
        prop::bool::weighted(0.3),
        prop_oneof![2 => Just(Vec::new()), 1 => vec(byte_op(), 1..=2)],
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(|(json, bytes, raw, text, pretty, pick)| Plan {
            json,
            bytes,
            raw,
            text,
            pretty,
            pick,
        })
}

// ---- applying the changes ---------------------------------------------------------------------

/// The `n`-th value (depth first, modulo how many) for which `pick` holds.
fn nth<'a>(v: &'a mut Value, n: u32, pick: &dyn Fn(&Value) -> bool) -> Option<&'a mut Value> {
    let count = count(v, pick);
    if count == 0 {
        return None;
    }
    find(v, &mut (n as usize % count), pick)
}

fn count(v: &Value, pick: &dyn Fn(&Value) -> bool) -> usize {
    usize::from(pick(v))
        + match v {
            Value::Object(m) => m.values().map(|x| count(x, pick)).sum(),
            Value::Array(a) => a.iter().map(|x| count(x, pick)).sum(),
            _ => 0,
        }
}

fn find<'a>(
    v: &'a mut Value,
    n: &mut usize,
    pick: &dyn Fn(&Value) -> bool,
) -> Option<&'a mut Value> {
    if pick(v) {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
    }
    match v {
        Value::Object(m) => m.values_mut().find_map(|x| find(x, n, pick)),
        Value::Array(a) => a.iter_mut().find_map(|x| find(x, n, pick)),
        _ => None,
    }
}

fn non_empty(v: &Value) -> bool {
    match v {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

/// A raw JSON text put in place of a marker after writing: what `Value` cannot hold.
const RAW: [&str; 6] = [
    "18446744073709551616",
    "-9223372036854775809",
    "1e400",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "1E+2",
];

fn raw(k: usize) -> Value {
    Value::String(format!("\u{1}RAW{}", k % RAW.len()))
}

fn number(r: u8) -> Value {
    match r % 14 {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(u64::MAX),
        3 => json!(i64::MIN),
        4 => json!(i64::MAX),
        5 => json!(0.5),
        6 => json!(-2.75),
        7 => json!(1e300),
        8 => json!(256),
        9 => json!(65536),
        10 => json!(4_294_967_296_u64),
        11 => json!(12 * 3_600_000 + 1),
        12 => json!(u32::MAX),
        _ => raw(usize::from(r)),
    }
}

fn text(r: u8, garbage: &str) -> Value {
    Value::String(match r % 16 {
        0 => String::new(),
        1 => "   ".into(),
        2 => format!("a\u{202e}b{garbage}"),
        3 => format!("{garbage}\u{0}"),
        4 => "\u{7}\u{1b}[31m".into(),
        5 => "🦀".repeat(201),
        6 => "x".repeat(4001),
        7 => format!(" {garbage} "),
        8 => "00000000-0000-0000-0000-000000000011".into(),
        9 => "2026-02-30".into(),
        10 => "fnv1a64:0000000000000000".into(),
        11 => "rally-sealed".into(),
        12 => "\u{2066}\u{feff}\u{200b}".into(),
        13 => "1.0.0".into(),
        14 => "2025-12-30T13:06:40Z".into(),
        _ => garbage.to_owned(),
    })
}

fn replacement(r: u8, garbage: &str) -> Value {
    match r % 8 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!([]),
        3 => json!({}),
        4 | 5 => number(r / 8),
        _ => text(r / 8, garbage),
    }
}

fn apply_json(v: &mut Value, op: &JsonOp) {
    let is_number = |v: &Value| v.is_number();
    let is_text = |v: &Value| v.is_string();
    let is_array = |v: &Value| matches!(v, Value::Array(a) if !a.is_empty());
    match op {
        JsonOp::Delete(n, child) => match nth(v, *n, &non_empty) {
            Some(Value::Object(m)) => {
                let key = m.keys().nth(*child as usize % m.len()).cloned().unwrap();
                m.remove(&key);
            }
            Some(Value::Array(a)) => {
                a.remove(*child as usize % a.len());
            }
            _ => {}
        },
        JsonOp::Rename(n, child, name) => {
            if let Some(Value::Object(m)) =
                nth(v, *n, &|v| matches!(v, Value::Object(m) if !m.is_empty()))
            {
                let key = m.keys().nth(*child as usize % m.len()).cloned().unwrap();
                let value = m.remove(&key).unwrap();
                m.insert(name.clone(), value);
            }
        }
        JsonOp::Repeat(n, child) => {
            if let Some(Value::Array(a)) = nth(v, *n, &is_array) {
                let i = *child as usize % a.len();
                a.insert(i, a[i].clone());
            }
        }
        JsonOp::Swap(n, x, y) => {
            if let Some(Value::Array(a)) = nth(v, *n, &is_array) {
                let len = a.len();
                a.swap(*x as usize % len, *y as usize % len);
            }
        }
        JsonOp::Replace(n, r, garbage) => {
            if let Some(node) = nth(v, *n, &|_| true) {
                *node = replacement(*r, garbage);
            }
        }
        JsonOp::Renumber(n, r) => {
            if let Some(node) = nth(v, *n, &is_number) {
                *node = number(*r);
            }
        }
        JsonOp::Retext(n, r, garbage) => {
            if let Some(node) = nth(v, *n, &is_text) {
                *node = text(*r, garbage);
            }
        }
    }
}

fn apply_bytes(b: &mut Vec<u8>, op: &ByteOp) {
    let at = |n: u32, len: usize| n as usize % (len + 1);
    match op {
        ByteOp::Flip(n, mask) if !b.is_empty() => {
            let i = *n as usize % b.len();
            b[i] ^= mask;
        }
        ByteOp::Flip(..) => {}
        ByteOp::Cut(n) => b.truncate(at(*n, b.len())),
        ByteOp::Insert(n, bytes) => {
            let i = at(*n, b.len());
            b.splice(i..i, bytes.iter().copied());
        }
        ByteOp::Remove(n, count) => {
            let i = at(*n, b.len());
            let end = (i + usize::from(*count)).min(b.len());
            b.drain(i..end);
        }
    }
}

/// The value written as a file, raw markers replaced.
fn written(v: &Value, pretty: bool) -> Vec<u8> {
    let mut text = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .unwrap();
    if text.contains("\\u0001RAW") {
        for (k, literal) in RAW.iter().enumerate() {
            text = text.replace(&format!("\"\\u0001RAW{k}\""), literal);
        }
    }
    text.into_bytes()
}

// ---- the valid files --------------------------------------------------------------------------

struct Bases {
    /// Per kind, the parsed files it starts from (codes: none).
    files: Vec<(Kind, Vec<Value>)>,
    /// The bytes of the codes (before their checksum), with their prefix.
    codes: Vec<(&'static str, Vec<u8>)>,
}

fn value(doc: &Document) -> Value {
    serde_json::to_value(doc).unwrap()
}

fn bases() -> &'static Bases {
    static BASES: OnceLock<Bases> = OnceLock::new();
    BASES.get_or_init(|| {
        let doc = v4();
        let at = doc.exported_at;
        let ws = doc.clone().into_workspace();
        let c0 = ws.campaigns[0].id;
        let fieldwork = kinds::recruiter().fw;
        let mut campaign = Document::of_campaign(&ws, c0, at)
            .unwrap()
            .with_campaign_fieldwork(&fieldwork, c0);
        // Without the kit and observation (the observation files have them): a smaller file.
        campaign.kits.clear();
        campaign.observations.clear();
        let kit = &doc.kits[0];
        // The observation rated on the built-in grid, so that ratings are damaged too.
        let mut observation = doc.observations[0].clone();
        observation.bars = Some(BarsRef {
            id: "default".into(),
            version: 1,
        });
        observation.ratings = vec![Rating {
            dimension: "co_construction".into(),
            level: 4,
            evidence: vec![observation.events[3].id, observation.events[4].id],
            comment: "Reprend la proposition du CEO.".into(),
        }];
        observation.synthesis = "Une séance constructive.".into();
        let mut invitations = Document::of_invitation(&doc.invitations[0], at);
        invitations.invitations = doc.invitations.clone();
        let sealed: Value = serde_json::from_slice(
            &std::fs::read(fixtures_dir().join("sealed/valid.json")).unwrap(),
        )
        .unwrap();
        let link = |i: usize| serde_json::to_value(&doc.invitations[i]).unwrap();
        let code = |responses: &[_]| {
            let text = encode_responses(responses).unwrap();
            let prefix = if text.starts_with(CODE_PREFIX) {
                CODE_PREFIX
            } else {
                CODE_PREFIX_2
            };
            let mut bytes = decode_lenient(&text[prefix.len()..]).unwrap();
            bytes.truncate(bytes.len() - 4);
            (prefix, bytes)
        };
        Bases {
            files: vec![
                (
                    Kind::Workspace,
                    vec![value(
                        &Document::of_workspace(&ws, at).with_fieldwork(&fieldwork),
                    )],
                ),
                (Kind::Campaign, vec![value(&campaign)]),
                (Kind::Kit, vec![value(&Document::of_kit(kit, at))]),
                (
                    Kind::Observation,
                    vec![value(&Document::of_observation(kit, &observation, at))],
                ),
                (Kind::Invitation, vec![value(&invitations)]),
                (
                    Kind::Answers,
                    vec![value(&Document::of_responses(&doc.responses, at))],
                ),
                (Kind::Link, vec![link(0), link(1), link(2), sealed.clone()]),
                (Kind::Envelope, vec![sealed]),
            ],
            codes: vec![code(&doc.responses[..1]), code(&doc.responses[4..])],
        }
    })
}

/// The state of each kind's browser, made once.
fn state(kind: Kind) -> &'static State {
    static STATES: OnceLock<Vec<(Kind, State)>> = OnceLock::new();
    let all = STATES.get_or_init(|| Kind::ALL.iter().map(|k| (*k, k.state())).collect());
    &all.iter().find(|(k, _)| *k == kind).unwrap().1
}

fn checksum(bytes: &[u8]) -> [u8; 4] {
    let h = fnv1a64(bytes);
    ((h ^ (h >> 32)) as u32).to_be_bytes()
}

/// The damaged file (or text) of `kind` that `plan` makes.
fn damaged(kind: Kind, plan: &Plan) -> Vec<u8> {
    let bases = bases();
    let mut out = if kind == Kind::Code {
        let (prefix, base) = &bases.codes[usize::from(plan.pick) % bases.codes.len()];
        let mut bytes = base.clone();
        let original = checksum(&bytes);
        plan.bytes.iter().for_each(|op| apply_bytes(&mut bytes, op));
        // Mostly with the checksum written again, so that the reader goes past it.
        let sum = if (plan.pick / 2).is_multiple_of(4) {
            original
        } else {
            checksum(&bytes)
        };
        bytes.extend_from_slice(&sum);
        format!("{prefix}{}", encode(&bytes)).into_bytes()
    } else {
        let files = &bases.files.iter().find(|(k, _)| *k == kind).unwrap().1;
        let index = usize::from(plan.pick) % files.len();
        let mut v = files[index].clone();
        plan.json.iter().for_each(|op| apply_json(&mut v, op));
        let mut bytes = written(&v, plan.pretty);
        if plan.raw {
            plan.bytes.iter().for_each(|op| apply_bytes(&mut bytes, op));
        }
        match kind {
            Kind::Link if index == files.len() - 1 => {
                format!("{BASE_URL}{LINK_ROUTE}{LINK_MARK}{}", encode(&bytes)).into_bytes()
            }
            Kind::Link => format!("{BASE_URL}{LINK_ROUTE}{}", encode(&bytes)).into_bytes(),
            _ => bytes,
        }
    };
    if matches!(kind, Kind::Code | Kind::Link) {
        plan.text.iter().for_each(|op| apply_bytes(&mut out, op));
    }
    out
}

/// Takes the damaged file in: no panic, a refusal in sentences that changes nothing, and what
/// is taken in is taken in once.
fn take(kind: Kind, plan: &Plan) {
    let bytes = damaged(kind, plan);
    let state = state(kind);
    let outcome = kind.take(state, &bytes);
    let what = format!("{kind:?}");
    match &outcome.got {
        Got::Import(_) | Got::Code(_) | Got::Refused(..) | Got::NoInvitation => {
            assert_sentences(&what, &outcome.said);
            assert_eq!(
                &outcome.next, state,
                "{what}: a refusal changed the browser"
            );
        }
        Got::Sealed => assert_eq!(&outcome.next, state),
        Got::Taken => {
            let again = kind.take(&outcome.next, &bytes);
            assert_eq!(again.next, outcome.next, "{what}: taken in twice");
        }
    }
}

/// The damage starts from sound files: each base, undamaged, is taken in (or, sealed, asks for
/// its passphrase).
#[test]
fn every_base_is_taken_in_undamaged() {
    for kind in Kind::ALL {
        for pick in 0..8u8 {
            let plan = Plan {
                json: Vec::new(),
                bytes: Vec::new(),
                raw: false,
                text: Vec::new(),
                pretty: pick.is_multiple_of(2),
                pick,
            };
            let bytes = damaged(kind, &plan);
            let got = kind.take(state(kind), &bytes).got;
            assert!(
                matches!(got, Got::Taken | Got::Sealed),
                "{kind:?} {pick}: {got:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_full_export(plan in plan()) {
        take(Kind::Workspace, &plan);
    }

    #[test]
    fn a_damaged_campaign_export(plan in plan()) {
        take(Kind::Campaign, &plan);
    }

    #[test]
    fn a_damaged_kit(plan in plan()) {
        take(Kind::Kit, &plan);
    }

    #[test]
    fn a_damaged_observation(plan in plan()) {
        take(Kind::Observation, &plan);
    }

    #[test]
    fn a_damaged_invitation_file(plan in plan()) {
        take(Kind::Invitation, &plan);
    }

    #[test]
    fn a_damaged_answers_file(plan in plan()) {
        take(Kind::Answers, &plan);
    }

    #[test]
    fn a_damaged_short_code(plan in plan()) {
        take(Kind::Code, &plan);
    }

    #[test]
    fn a_damaged_link(plan in plan()) {
        take(Kind::Link, &plan);
    }

    #[test]
    fn a_damaged_envelope(plan in plan()) {
        take(Kind::Envelope, &plan);
    }
}
