//! Hostile imports: every file under `tests/fixtures/hostile/` must be refused with exactly the
//! error the table below names, and a refused import must leave the workspace as it was.
//! See `tests/fixtures/hostile/README.md` for what each file checks.

use rally::domain::campaign::{Campaign, CampaignError};
use rally::domain::fieldwork::Fieldwork;
use rally::domain::file::{merge, read_document, Document, ImportError, Problem, CURRENT_VERSION};
use rally::domain::i18n::import_error;
use rally::domain::lang::Lang;
use rally::domain::limits::{
    MAX_ANSWERS, MAX_CAMPAIGNS, MAX_IMPORT_BYTES, MAX_JSON_DEPTH, MAX_NAME_CHARS, MAX_ROLES,
    MAX_TEXT_CHARS,
};
use rally::domain::role::{builtin_roles, Role, RoleProblem, SupportAxis};
use rally::domain::survey::{InvitationError, Refusal};
use rally::domain::text::Bilingual;
use rally::domain::workspace::Workspace;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The fewest hostile files the directory may hold; fewer means one went missing. (Its folders
/// hold the other kinds of file: `tests/hostile_kinds.rs`.)
const MIN_FIXTURES: usize = 120;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn valid_text() -> String {
    std::fs::read_to_string(fixtures_dir().join("format-v1.json")).expect("format-v1.json")
}

fn valid_doc() -> Document {
    read_document(valid_text().as_bytes()).expect("the valid fixture reads")
}

fn valid_workspace() -> Workspace {
    valid_doc().into_workspace()
}

/// The hostile files, sorted by name (README.md is their description, not a fixture; the
/// folders hold other kinds of file).
fn hostile_files() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixtures_dir().join("hostile"))
        .expect("tests/fixtures/hostile exists")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).expect("fixture readable");
            (name, bytes)
        })
        .filter(|(name, _)| name != "README.md")
        .collect();
    out.sort();
    out
}

/// What reading a file must give.
#[derive(Debug)]
enum Expect {
    /// Exactly this error.
    Is(ImportError),
    /// `WrongShape` at exactly this path (the detail comes from serde and is only checked
    /// to be non-empty).
    Shape(&'static str),
}

fn is(e: ImportError) -> Expect {
    Expect::Is(e)
}

fn malformed(line: usize, column: usize) -> Expect {
    is(ImportError::Malformed { line, column })
}

fn invalid(path: &str, problem: Problem) -> Expect {
    is(ImportError::Invalid {
        path: path.to_owned(),
        problem,
    })
}

fn campaign(i: usize, e: CampaignError) -> Expect {
    invalid(&format!("campaigns[{i}]"), Problem::Campaign(e))
}

fn role(i: usize, p: RoleProblem) -> Expect {
    invalid(&format!("roles[{i}]"), Problem::Role(p))
}

fn shape(path: &'static str) -> Expect {
    Expect::Shape(path)
}

fn invitation(i: usize, e: InvitationError) -> Expect {
    invalid(&format!("invitations[{i}]"), Problem::Invitation(e))
}

/// File name → the exact expected error.
fn table() -> Vec<(&'static str, Expect)> {
    use CampaignError as C;
    use ImportError as E;
    use InvitationError as I;
    use RoleProblem as R;
    vec![
        // Bytes, encoding, syntax.
        ("empty.json", is(E::Empty)),
        ("whitespace-only.json", is(E::Empty)),
        ("bom-only.json", is(E::Empty)),
        ("truncated.json", is(E::Truncated)),
        // A file cut inside a multi-byte character is reported as "not text", not as
        // truncated: pinned as it is today (see the README).
        ("truncated-mid-utf8-char.json", is(E::Truncated)),
        ("not-utf8.bin", is(E::NotText)),
        ("latin1-encoded.json", is(E::NotText)),
        ("utf16-le-bom.json", is(E::NotText)),
        ("utf16-be-bom.json", is(E::NotText)),
        ("malformed-trailing-comma.json", malformed(153, 7)),
        ("json-with-comment.json", malformed(1, 1)),
        ("trailing-garbage.json", malformed(406, 1)),
        ("lone-surrogate.json", malformed(110, 31)),
        ("raw-tab-in-string.json", malformed(104, 24)),
        ("number-out-of-range.json", malformed(157, 23)),
        ("nan-literal.json", malformed(157, 19)),
        (
            "deep-nesting.json",
            is(E::TooDeep {
                max: MAX_JSON_DEPTH,
            }),
        ),
        (
            "deep-nesting-objects-unknown-field.json",
            is(E::TooDeep {
                max: MAX_JSON_DEPTH,
            }),
        ),
        // Not a Rally file at all.
        ("json-array-top.json", is(E::NotRally)),
        ("json-string-top.json", is(E::NotRally)),
        ("json-null-top.json", is(E::NotRally)),
        ("other-app-format.json", is(E::NotRally)),
        ("missing-format-marker.json", is(E::NotRally)),
        ("format-wrong-case.json", is(E::NotRally)),
        // Version.
        ("missing-version.json", is(E::MissingVersion)),
        ("version-null.json", is(E::MissingVersion)),
        ("version-string.json", is(E::BadVersion)),
        ("version-float.json", is(E::BadVersion)),
        ("version-negative.json", is(E::BadVersion)),
        ("version-beyond-u64.json", is(E::BadVersion)),
        ("version-zero.json", is(E::UnknownVersion { found: 0 })),
        (
            "future-version.json",
            is(E::FutureVersion {
                found: 99,
                supported: CURRENT_VERSION,
            }),
        ),
        // With a repeated key the last one wins (serde_json's map): the file says version 99.
        (
            "duplicate-key-format-version.json",
            is(E::FutureVersion {
                found: 99,
                supported: CURRENT_VERSION,
            }),
        ),
        // Shape: a value of the wrong type, with the exact path.
        ("campaigns-not-array.json", shape("campaigns")),
        ("roles-not-array.json", shape("roles")),
        ("campaign-null.json", shape("campaigns[0]")),
        ("campaign-name-number.json", shape("campaigns[0].name")),
        ("bad-uuid.json", shape("campaigns[0].id")),
        (
            "bad-person-uuid.json",
            shape("campaigns[0].candidates[1].id"),
        ),
        ("bad-date.json", shape("campaigns[0].sessions[0].date")),
        ("bad-time.json", shape("campaigns[0].sessions[0].time")),
        ("bad-exported-at.json", shape("exported_at")),
        ("missing-exported-at.json", shape("(root)")),
        ("bad-status.json", shape("campaigns[1].status")),
        (
            "bad-status-before-archive.json",
            shape("campaigns[1].status_before_archive"),
        ),
        (
            "wrong-type-deep.json",
            shape("campaigns[0].sessions[1].time"),
        ),
        ("missing-leader.json", shape("campaigns[1]")),
        (
            "unknown-instrument.json",
            shape("campaigns[0].instruments[2]"),
        ),
        ("revision-negative.json", shape("campaigns[0].revision")),
        ("revision-float.json", shape("campaigns[0].revision")),
        ("band-not-u8.json", shape("roles[0].axes[3].max")),
        // Identifiers.
        (
            "duplicate-campaign-ids.json",
            invalid("campaigns[1].id", Problem::DuplicateCampaign),
        ),
        (
            "duplicate-campaign-ids-other-spelling.json",
            invalid("campaigns[1].id", Problem::DuplicateCampaign),
        ),
        ("duplicate-person-ids.json", campaign(0, C::DuplicateId)),
        (
            "session-id-reuses-person-id.json",
            campaign(1, C::DuplicateId),
        ),
        (
            "duplicate-role-ids.json",
            invalid("roles[1].id", Problem::DuplicateRole),
        ),
        (
            "role-with-builtin-id.json",
            invalid("roles[0].id", Problem::ReservedRoleId),
        ),
        ("role-empty-id.json", role(0, R::BadId)),
        ("role-id-too-long.json", role(0, R::BadId)),
        // Roles.
        (
            "role-band-inverted.json",
            role(0, R::BadBand(SupportAxis::Law)),
        ),
        (
            "role-level-zero.json",
            role(0, R::BadBand(SupportAxis::ItDigital)),
        ),
        ("role-level-six.json", role(0, R::BadBand(SupportAxis::Hr))),
        ("campaign-role-band-inverted.json", campaign(0, C::BadRole)),
        ("role-postures-not-100.json", role(0, R::PostureTotal(99))),
        ("role-postures-wrap-256.json", role(0, R::PostureTotal(356))),
        ("role-missing-axis.json", role(0, R::AxesIncomplete)),
        ("role-duplicate-axis.json", role(0, R::AxesIncomplete)),
        (
            "role-duplicate-soft-skill.json",
            role(0, R::DuplicateSoftSkill),
        ),
        ("role-no-name.json", role(0, R::NoName)),
        // Campaign texts and lists.
        ("empty-campaign-name.json", campaign(0, C::NameRequired)),
        (
            "whitespace-campaign-name.json",
            campaign(0, C::NameRequired),
        ),
        ("leader-name-blank.json", campaign(1, C::LeaderRequired)),
        ("person-name-blank.json", campaign(0, C::PersonNameRequired)),
        ("two-sessions.json", campaign(0, C::SessionCount)),
        ("sessions-empty.json", campaign(1, C::SessionCount)),
        ("five-sessions.json", campaign(0, C::SessionCount)),
        ("name-too-long.json", campaign(0, C::TooLong)),
        ("name-too-long-in-chars.json", campaign(0, C::TooLong)),
        ("leader-title-too-long.json", campaign(0, C::TooLong)),
        ("topic-too-long.json", campaign(0, C::TooLong)),
        ("nul-in-name.json", campaign(0, C::ForbiddenCharacters)),
        (
            "bidi-override-in-name.json",
            campaign(0, C::ForbiddenCharacters),
        ),
        (
            "bidi-isolate-in-leader-name.json",
            campaign(1, C::ForbiddenCharacters),
        ),
        (
            "newline-in-person-name.json",
            campaign(0, C::ForbiddenCharacters),
        ),
        (
            "control-char-in-place.json",
            campaign(0, C::ForbiddenCharacters),
        ),
        ("bad-email.json", campaign(0, C::BadEmail)),
        ("email-with-space.json", campaign(1, C::BadEmail)),
        (
            "duplicate-instrument.json",
            campaign(0, C::DuplicateInstrument),
        ),
        ("too-many-people.json", campaign(0, C::TooManyPeople)),
        // Version 4: erasures and retention (on format-v1.json, see the README).
        (
            "erased-candidate-still-listed.json",
            campaign(0, C::ErasedPersonListed),
        ),
        ("retention-zero-months.json", campaign(0, C::BadRetention)),
        (
            "erasure-bad-kind.json",
            shape("campaigns[0].erasures[0].kind"),
        ),
        // Version 3: invitations and responses (on the v3 base, see the README).
        (
            "v3-future-version.json",
            is(E::FutureVersion {
                found: 99,
                supported: CURRENT_VERSION,
            }),
        ),
        ("v3-invitations-not-array.json", shape("invitations")),
        ("v3-invitation-bad-kind.json", shape("invitations[1].kind")),
        ("v3-responses-not-array.json", shape("responses")),
        (
            "v3-answer-value-not-u8.json",
            shape("responses[0].answers[3].value"),
        ),
        (
            "v3-response-bad-submitted-at.json",
            shape("responses[0].submitted_at"),
        ),
        (
            "v3-invitation-unknown-hash.json",
            invitation(0, I::UnknownInstrument),
        ),
        (
            "v3-candidate-invitation-observer-form.json",
            invitation(0, I::UnknownInstrument),
        ),
        (
            "v3-invitation-instrument-twice.json",
            invitation(0, I::DuplicateInstrument),
        ),
        (
            "v3-invitation-keep-until-before-issue.json",
            invitation(0, I::KeepUntilPast),
        ),
        (
            "v3-observer-invitation-without-subject.json",
            invitation(1, I::MissingSubject),
        ),
        (
            "v3-self-invitation-with-subject.json",
            invitation(0, I::UnexpectedSubject),
        ),
        (
            "v3-duplicate-invitation-ids.json",
            invalid("invitations[1].id", Problem::DuplicateInvitation),
        ),
        (
            "v3-response-600-answers.json",
            invalid("responses[0].answers", Problem::TooManyAnswers),
        ),
        (
            "v3-response-instrument-id-300-chars.json",
            invalid("responses[0]", Problem::Campaign(C::TooLong)),
        ),
        (
            "v3-answer-item-id-too-long.json",
            invalid("responses[0]", Problem::Campaign(C::TooLong)),
        ),
        // Version 5: a campaign's import log.
        (
            "v5-import-log-bad-timestamp.json",
            shape("campaigns[0].imports[0].imported_at"),
        ),
        (
            "v5-import-log-timestamp-number.json",
            shape("campaigns[0].imports[0].imported_at"),
        ),
        (
            "v5-import-log-not-array.json",
            shape("campaigns[0].imports"),
        ),
        (
            "v5-import-log-unknown-kind.json",
            shape("campaigns[0].imports[0].kind"),
        ),
        (
            "v5-import-log-unknown-outcome.json",
            shape("campaigns[0].imports[0].outcome"),
        ),
        (
            "v5-import-log-record-id-number.json",
            shape("campaigns[0].imports[0].records[0].id"),
        ),
        (
            "v5-import-log-negative-revision.json",
            shape("campaigns[0].imports[0].records[0].revision"),
        ),
        (
            "v5-import-log-bad-hash.json",
            campaign(0, C::BadImportEntry),
        ),
        (
            "v5-import-log-blank-file-name.json",
            campaign(0, C::BadImportEntry),
        ),
        (
            "v5-import-log-bidi-file-name.json",
            campaign(0, C::ForbiddenCharacters),
        ),
        (
            "v5-import-log-file-name-too-long.json",
            campaign(0, C::TooLong),
        ),
        (
            "v5-import-log-101-entries.json",
            campaign(0, C::TooManyImports),
        ),
    ]
}

fn check(name: &str, got: &Result<Document, ImportError>, want: &Expect) {
    let err = match got {
        Ok(_) => panic!("{name}: a hostile file was accepted"),
        Err(e) => e,
    };
    match want {
        Expect::Is(want) => assert_eq!(err, want, "{name}"),
        Expect::Shape(want_path) => match err {
            ImportError::WrongShape { path, detail } => {
                assert_eq!(path, want_path, "{name}: path");
                assert!(!detail.trim().is_empty(), "{name}: detail is empty");
            }
            other => panic!("{name}: expected WrongShape at {want_path}, got {other:?}"),
        },
    }
}

/// Reads and merges like the import button does; the workspace must come out untouched.
fn import_into(ws: &Workspace, bytes: &[u8]) -> Result<(Workspace, usize), ImportError> {
    let before = ws.clone();
    let result = read_document(bytes).and_then(|d| merge(ws, &d));
    assert_eq!(*ws, before, "the workspace changed");
    result.map(|(next, report)| (next, report.added + report.updated))
}

#[test]
fn the_directory_and_the_table_list_the_same_files() {
    let files: BTreeSet<String> = hostile_files().into_iter().map(|(n, _)| n).collect();
    assert!(
        files.len() >= MIN_FIXTURES,
        "only {} hostile fixtures; expected at least {MIN_FIXTURES}",
        files.len()
    );
    let names: Vec<&str> = table().iter().map(|(n, _)| *n).collect();
    let listed: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
    assert_eq!(listed.len(), names.len(), "a file is listed twice");
    let missing: Vec<_> = listed.difference(&files).collect();
    let unlisted: Vec<_> = files.difference(&listed).collect();
    assert!(missing.is_empty(), "listed but not on disk: {missing:?}");
    assert!(
        unlisted.is_empty(),
        "on disk without an expectation: {unlisted:?}"
    );
    let readme = std::fs::read_to_string(fixtures_dir().join("hostile/README.md"))
        .expect("hostile/README.md");
    for name in &files {
        assert!(
            readme.contains(name.as_str()),
            "README.md does not describe {name}"
        );
    }
}

#[test]
fn hostile_files_are_small() {
    for (name, bytes) in hostile_files() {
        assert!(bytes.len() < 20 * 1024, "{name} is {} bytes", bytes.len());
    }
}

#[test]
fn the_valid_fixture_is_accepted_so_each_refusal_comes_from_the_one_change() {
    let ws = Workspace::default();
    let (next, added) = import_into(&ws, valid_text().as_bytes()).expect("valid file");
    assert_eq!(added, 2);
    assert_eq!(next, valid_workspace());
}

#[test]
fn every_hostile_file_is_refused_with_its_error_and_changes_nothing() {
    let table = table();
    let ws = valid_workspace();
    let snapshot = ws.clone();
    let mut checked = 0;
    for (name, bytes) in hostile_files() {
        let want = &table
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no expectation for {name}"))
            .1;
        check(&name, &read_document(&bytes), want);
        let merged = import_into(&ws, &bytes);
        assert!(merged.is_err(), "{name}: import succeeded");
        assert_eq!(ws, snapshot, "{name}: the workspace changed");
        // Also into an empty workspace: nothing half-imported.
        assert!(
            import_into(&Workspace::default(), &bytes).is_err(),
            "{name}"
        );
        checked += 1;
    }
    assert!(checked >= MIN_FIXTURES);
}

// ---- size -----------------------------------------------------------------------------------

/// A valid, empty document padded with spaces to exactly `len` bytes.
fn padded_empty_document(len: usize) -> Vec<u8> {
    let head = format!(
        "{{\"format\":\"rally\",\"format_version\":{CURRENT_VERSION},\"exported_at\":\"2026-01-01T00:00:00Z\"}}"
    );
    let mut bytes = head.into_bytes();
    assert!(bytes.len() <= len);
    bytes.resize(len, b' ');
    bytes
}

#[test]
fn one_byte_over_the_limit_is_too_large() {
    let bytes = padded_empty_document(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        read_document(&bytes),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            max: MAX_IMPORT_BYTES
        })
    );
    let ws = valid_workspace();
    assert!(import_into(&ws, &bytes).is_err());
    assert_eq!(ws, valid_workspace());
}

#[test]
fn size_is_checked_before_anything_else() {
    let garbage = vec![0xffu8; MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        read_document(&garbage),
        Err(ImportError::TooLarge { bytes, .. }) if bytes == MAX_IMPORT_BYTES + 1
    ));
}

#[test]
fn a_file_exactly_at_the_limit_is_accepted() {
    let bytes = padded_empty_document(MAX_IMPORT_BYTES);
    assert_eq!(bytes.len(), MAX_IMPORT_BYTES);
    let doc = read_document(&bytes).expect("a file at the limit is accepted");
    assert!(doc.campaigns.is_empty() && doc.roles.is_empty());

    let mut real = valid_text().into_bytes();
    real.resize(MAX_IMPORT_BYTES, b'\n');
    assert_eq!(read_document(&real), Ok(valid_doc()));
}

// ---- counts too large to keep on disk -------------------------------------------------------

/// `count` campaigns with short texts, so thousands of them stay under the size limit.
fn lean_campaigns(count: usize) -> Vec<Campaign> {
    let template = lean_campaign(valid_doc().campaigns.remove(0));
    (0..count as u128)
        .map(|n| Campaign {
            id: Uuid::from_u128(0xC000_0000 + n),
            name: format!("C{n}"),
            ..template.clone()
        })
        .collect()
}

fn lean_campaign(mut c: Campaign) -> Campaign {
    c.candidates.clear();
    c.mediators.clear();
    c.role.name = Bilingual::both("R");
    c.role.summary = Bilingual::default();
    for a in &mut c.role.axes {
        a.why = Bilingual::default();
    }
    for s in &mut c.sessions {
        s.topic.clear();
        s.place.clear();
        s.date = None;
        s.time = None;
    }
    c
}

fn document_json(campaigns: Vec<Campaign>, roles: Vec<Role>) -> Vec<u8> {
    let ws = Workspace { campaigns, roles };
    let doc = Document::of_workspace(&ws, valid_doc().exported_at);
    serde_json::to_vec(&doc).unwrap()
}

fn lean_roles(count: usize) -> Vec<Role> {
    let mut template = builtin_roles()[0].duplicate(String::new(), &Bilingual::both("copy"));
    template.summary = Bilingual::default();
    for a in &mut template.axes {
        a.why = Bilingual::default();
    }
    (0..count)
        .map(|n| Role {
            id: format!("custom-{n}"),
            ..template.clone()
        })
        .collect()
}

#[test]
fn too_many_campaigns_in_one_file() {
    let campaigns: Vec<Campaign> = lean_campaigns(MAX_CAMPAIGNS + 1);
    let bytes = document_json(campaigns, vec![]);
    assert!(bytes.len() <= MAX_IMPORT_BYTES, "{} bytes", bytes.len());
    let ws = valid_workspace();
    assert_eq!(
        read_document(&bytes),
        Err(ImportError::Invalid {
            path: "campaigns".into(),
            problem: Problem::TooManyCampaigns
        })
    );
    assert!(import_into(&ws, &bytes).is_err());
}

#[test]
fn too_many_roles_in_one_file() {
    let roles = lean_roles(MAX_ROLES + 1);
    let bytes = document_json(vec![], roles);
    assert_eq!(
        read_document(&bytes),
        Err(ImportError::Invalid {
            path: "roles".into(),
            problem: Problem::TooManyRoles
        })
    );
}

#[test]
fn a_merge_that_would_overflow_the_workspace_is_refused_and_changes_nothing() {
    let ws = valid_workspace();
    let snapshot = ws.clone();
    // The file alone is within the limit; the workspace plus the file is not.
    let fill = MAX_CAMPAIGNS - ws.campaigns.len() + 1;
    let bytes = document_json(lean_campaigns(fill), vec![]);
    assert!(read_document(&bytes).is_ok());
    assert_eq!(
        import_into(&ws, &bytes),
        Err(ImportError::Invalid {
            path: "campaigns".into(),
            problem: Problem::TooManyCampaigns
        })
    );
    assert_eq!(ws, snapshot);
    // One fewer fits exactly.
    let bytes = document_json(lean_campaigns(fill - 1), vec![]);
    let (next, added) = import_into(&ws, &bytes).expect("fits exactly");
    assert_eq!(added, fill - 1);
    assert_eq!(next.campaigns.len(), MAX_CAMPAIGNS);

    let fill = MAX_ROLES - ws.roles.len() + 1;
    let bytes = document_json(vec![], lean_roles(fill));
    assert!(read_document(&bytes).is_ok());
    assert_eq!(
        import_into(&ws, &bytes),
        Err(ImportError::Invalid {
            path: "roles".into(),
            problem: Problem::TooManyRoles
        })
    );
    assert_eq!(ws, snapshot);
}

// ---- boundaries that must be accepted -------------------------------------------------------

fn with_value(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(&valid_text()).unwrap();
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn nesting_up_to_the_limit_is_read() {
    // The document object is level 1; an unknown field adds the rest.
    let nest = |levels: usize| {
        let text = format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        let value: Value = serde_json::from_str(&text).unwrap();
        with_value(|v| {
            v["extra"] = value;
        })
    };
    assert_eq!(read_document(&nest(MAX_JSON_DEPTH - 1)), Ok(valid_doc()));
    assert_eq!(
        read_document(&nest(MAX_JSON_DEPTH)),
        Err(ImportError::TooDeep {
            max: MAX_JSON_DEPTH
        })
    );
}

#[test]
fn texts_at_their_limits_are_accepted() {
    let name: String = "🦀".repeat(MAX_NAME_CHARS);
    let topic: String =
        "ligne\n\tsuite ".repeat(MAX_TEXT_CHARS / 13) + &"x".repeat(MAX_TEXT_CHARS % 13);
    assert_eq!(topic.chars().count(), MAX_TEXT_CHARS);
    let bytes = with_value(|v| {
        v["campaigns"][0]["name"] = json!(name);
        v["campaigns"][0]["sessions"][0]["topic"] = json!(topic);
    });
    let doc = read_document(&bytes).expect("texts at the limit");
    assert_eq!(doc.campaigns[0].name, name);
    assert_eq!(doc.campaigns[0].sessions[0].topic, topic);
}

#[test]
fn script_looking_names_are_data_and_round_trip_unchanged() {
    let texts = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"'&amp;</td><td>",
        "{{7*7}} ${7*7} javascript:alert(1)",
        "'; DROP TABLE campaigns; --",
    ];
    let bytes = with_value(|v| {
        let c = &mut v["campaigns"][0];
        c["name"] = json!(texts[0]);
        c["leader"]["name"] = json!(texts[1]);
        c["leader"]["title"] = json!(texts[2]);
        c["candidates"][0]["name"] = json!(texts[3]);
        c["mediators"][0]["name"] = json!(texts[4]);
        c["sessions"][0]["place"] = json!(texts[0]);
        c["sessions"][0]["topic"] = json!(format!("{}\n{}", texts[1], texts[2]));
        v["roles"][0]["name"]["en"] = json!(texts[1]);
    });
    let ws = Workspace::default();
    let (next, added) = import_into(&ws, &bytes).expect("script-looking text is valid data");
    assert_eq!(added, 2);
    let c = &next.campaigns[0];
    assert_eq!(c.name, texts[0]);
    assert_eq!(c.leader.name, texts[1]);
    assert_eq!(c.leader.title, texts[2]);
    assert_eq!(c.candidates[0].name, texts[3]);
    assert_eq!(c.mediators[0].name, texts[4]);
    assert_eq!(c.sessions[0].place, texts[0]);
    assert_eq!(next.roles[0].name.en, texts[1]);

    let again = read_document(
        Document::of_workspace(&next, valid_doc().exported_at)
            .to_json()
            .as_bytes(),
    )
    .expect("re-import");
    assert_eq!(again.into_workspace(), next);
}

// ---- messages -------------------------------------------------------------------------------

/// Fails to compile when a variant is added, so the list below stays complete.
fn all_campaign_errors() -> Vec<CampaignError> {
    use CampaignError as C;
    let all = vec![
        C::NameRequired,
        C::LeaderRequired,
        C::PersonNameRequired,
        C::TooLong,
        C::ForbiddenCharacters,
        C::TooManyPeople,
        C::BadEmail,
        C::SessionCount,
        C::NotFound,
        C::DuplicateId,
        C::BadRole,
        C::DuplicateInstrument,
        C::Archived,
        C::InconsistentStatus,
        C::RationaleRequired,
        C::TooManyRecords,
        C::OffsetTooLarge,
        C::BadRetention,
        C::ErasedPersonListed,
        C::TooManyImports,
        C::BadImportEntry,
    ];
    for e in &all {
        match e {
            C::NameRequired
            | C::LeaderRequired
            | C::PersonNameRequired
            | C::TooLong
            | C::ForbiddenCharacters
            | C::TooManyPeople
            | C::BadEmail
            | C::SessionCount
            | C::NotFound
            | C::DuplicateId
            | C::BadRole
            | C::DuplicateInstrument
            | C::Archived
            | C::InconsistentStatus
            | C::RationaleRequired
            | C::TooManyRecords
            | C::OffsetTooLarge
            | C::BadRetention
            | C::ErasedPersonListed
            | C::TooManyImports
            | C::BadImportEntry => {}
        }
    }
    all
}

fn all_role_problems() -> Vec<RoleProblem> {
    use RoleProblem as R;
    let mut all = vec![
        R::NoName,
        R::TooLong,
        R::AxesIncomplete,
        R::PostureTotal(0),
        R::PostureTotal(356),
        R::DuplicateSoftSkill,
        R::BadId,
        R::ForbiddenCharacters,
    ];
    all.extend(SupportAxis::ALL.iter().map(|a| R::BadBand(*a)));
    for p in &all {
        match p {
            R::NoName
            | R::TooLong
            | R::AxesIncomplete
            | R::BadBand(_)
            | R::PostureTotal(_)
            | R::DuplicateSoftSkill
            | R::BadId
            | R::ForbiddenCharacters => {}
        }
    }
    all
}

fn all_import_errors() -> Vec<ImportError> {
    use ImportError as E;
    let mut all = vec![
        E::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            max: MAX_IMPORT_BYTES,
        },
        E::Empty,
        E::NotText,
        E::Truncated,
        E::Malformed { line: 3, column: 7 },
        E::TooDeep {
            max: MAX_JSON_DEPTH,
        },
        E::NotRally,
        E::MissingVersion,
        E::BadVersion,
        E::FutureVersion {
            found: u64::MAX,
            supported: CURRENT_VERSION,
        },
        E::UnknownVersion { found: 0 },
        E::WrongShape {
            path: "(root)".into(),
            detail: "missing field `exported_at`".into(),
        },
    ];
    let mut problems = vec![
        Problem::DuplicateCampaign,
        Problem::DuplicateRole,
        Problem::ReservedRoleId,
        Problem::TooManyCampaigns,
        Problem::TooManyRoles,
    ];
    problems.extend(all_campaign_errors().into_iter().map(Problem::Campaign));
    problems.extend(all_role_problems().into_iter().map(Problem::Role));
    all.extend(problems.into_iter().map(|problem| E::Invalid {
        path: "campaigns[0]".into(),
        problem,
    }));
    for (_, bytes) in hostile_files() {
        all.push(read_document(&bytes).unwrap_err());
    }
    all
}

#[test]
fn every_import_error_reads_as_a_sentence_in_both_languages() {
    const DEBUG_TEXT: [&str; 12] = [
        "Some(", "None", "Ok(", "Err(", "Error(", "Error {", "::", "{\"", "\":", "`", "\\u", "\\\"",
    ];
    let errors = all_import_errors();
    assert!(errors.len() > 60);
    for e in &errors {
        let fr = import_error(Lang::Fr, e);
        let en = import_error(Lang::En, e);
        for (lang, text) in [("fr", &fr), ("en", &en)] {
            assert!(!text.trim().is_empty(), "{lang}: empty message for {e:?}");
            assert!(
                text.ends_with('.'),
                "{lang}: the message for {e:?} is not a sentence: {text}"
            );
            for raw in DEBUG_TEXT {
                assert!(
                    !text.contains(raw),
                    "{lang}: message for {e:?} shows {raw:?}: {text}"
                );
            }
            if let ImportError::WrongShape { detail, path } = e {
                assert!(
                    !text.contains(detail.as_str()),
                    "{lang}: serde detail leaks: {text}"
                );
                assert!(
                    text.contains(path.as_str()),
                    "{lang}: the path is missing: {text}"
                );
            }
            if let ImportError::Invalid { path, .. } = e {
                assert!(
                    text.contains(path.as_str()),
                    "{lang}: the path is missing: {text}"
                );
            }
        }
        assert_ne!(
            fr, en,
            "the French and English messages are the same for {e:?}"
        );
    }
}

// ---- version 3: invitations and responses ---------------------------------------------------

fn v3_text() -> String {
    std::fs::read_to_string(fixtures_dir().join("format-v3.json")).expect("format-v3.json")
}

fn v3_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(&v3_text()).unwrap();
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

/// The base of the `v3-*` hostile files: `format-v3.json` without campaigns, roles, kits and
/// observations, with its two invitations and its first response. It must read, so that each
/// of those files is refused for its one change.
#[test]
fn the_v3_base_of_the_hostile_files_is_accepted() {
    let bytes = v3_with(|v| {
        for key in ["campaigns", "roles", "kits", "observations"] {
            v[key] = json!([]);
        }
        let first = v["responses"][0].clone();
        v["responses"] = json!([first]);
    });
    let doc = read_document(&bytes).expect("the v3 base reads");
    assert_eq!(doc.invitations.len(), 2);
    assert_eq!(doc.responses.len(), 1);
    assert!(doc.responses[0].answers.len() <= MAX_ANSWERS);
    // And so does the whole golden file.
    let full = read_document(v3_text().as_bytes()).expect("format-v3.json reads");
    assert_eq!(full.responses.len(), 4);
}

/// The store the recruiter has after importing `format-v3.json` once.
fn v3_store() -> (Fieldwork, Vec<Campaign>) {
    let doc = read_document(v3_text().as_bytes()).expect("format-v3.json reads");
    let (store, report) = Fieldwork::default().import_responses(&doc.responses, &doc.campaigns);
    assert_eq!(
        (report.added, report.refused),
        (doc.responses.len(), 0),
        "{report:?}"
    );
    (store, doc.campaigns)
}

/// Reads a changed copy of `format-v3.json` (reading accepts it: whether a response fits is
/// decided when it is taken in) and takes its responses into `store`.
fn import_changed_v3(
    store: &Fieldwork,
    campaigns: &[Campaign],
    edit: impl FnOnce(&mut Value),
) -> (Fieldwork, rally::domain::survey::ResponseReport) {
    let doc = read_document(&v3_with(edit)).expect("the changed file still reads");
    store.import_responses(&doc.responses, campaigns)
}

#[test]
fn a_response_for_another_campaign_is_refused_and_changes_nothing() {
    let (store, campaigns) = v3_store();
    let snapshot = store.clone();
    let (after, report) = import_changed_v3(&store, &campaigns, |v| {
        v["responses"][0]["campaign_id"] = json!("7a1b2c3d-0000-4000-8000-000000000777");
    });
    assert_eq!(after, snapshot, "the store changed");
    assert_eq!(store, snapshot);
    assert_eq!(report.added, 0);
    assert_eq!(report.refused, 1);
    assert_eq!(
        report.duplicates, 3,
        "the unchanged responses are already here"
    );
    assert_eq!(report.first_refusal, Some(Refusal::OtherCampaign));
    // Into an empty store too: only the response that fits is taken in.
    let (fresh, report) = import_changed_v3(&Fieldwork::default(), &campaigns, |v| {
        v["responses"][0]["campaign_id"] = json!("7a1b2c3d-0000-4000-8000-000000000777");
    });
    assert_eq!((report.added, report.refused), (3, 1));
    assert_eq!(report.first_refusal, Some(Refusal::OtherCampaign));
    assert!(fresh
        .responses
        .iter()
        .all(|r| snapshot.responses.contains(r)));
}

#[test]
fn a_response_to_an_unknown_instrument_version_is_refused_and_changes_nothing() {
    let (store, campaigns) = v3_store();
    let snapshot = store.clone();
    for edit in [
        ("instrument_version", json!("0.9.0")),
        ("instrument_hash", json!("fnv1a64:0000000000000000")),
        ("instrument_id", json!("tarot-reading")),
    ] {
        let (after, report) = import_changed_v3(&store, &campaigns, |v| {
            v["responses"][1][edit.0] = edit.1.clone();
        });
        assert_eq!(after, snapshot, "{edit:?}: the store changed");
        assert_eq!((report.added, report.refused), (0, 1), "{edit:?}");
        assert_eq!(
            report.first_refusal,
            Some(Refusal::UnknownInstrument),
            "{edit:?}"
        );
    }
    assert_eq!(store, snapshot);
}

// ---- version 5: the import log --------------------------------------------------------------

/// The malformed import logs read as exactly these sentences, in English and French.
#[test]
fn a_malformed_import_log_reads_as_its_exact_sentence() {
    let cases: [(&str, &str, &str); 4] = [
        (
            "v5-import-log-bad-timestamp.json",
            "This file is damaged: the value at “campaigns[0].imports[0].imported_at” does not have the expected form.",
            "Ce fichier est endommagé\u{a0}: la valeur à l'emplacement «\u{a0}campaigns[0].imports[0].imported_at\u{a0}» n'a pas la forme attendue.",
        ),
        (
            "v5-import-log-bad-hash.json",
            "This file contains incorrect data (“campaigns[0]”): An entry of the import log is malformed (a blank file name or an invalid hash).",
            "Ce fichier contient une donnée incorrecte («\u{a0}campaigns[0]\u{a0}»)\u{a0}: Une entrée du journal des imports est mal formée (nom de fichier vide ou empreinte invalide).",
        ),
        (
            "v5-import-log-101-entries.json",
            "This file contains incorrect data (“campaigns[0]”): This campaign's import log holds more entries than it keeps (100 files, 10,000 records).",
            "Ce fichier contient une donnée incorrecte («\u{a0}campaigns[0]\u{a0}»)\u{a0}: Le journal des imports de cette campagne contient plus d'entrées qu'il n'en garde (100 fichiers, 10\u{a0}000 enregistrements).",
        ),
        (
            "v5-import-log-record-id-number.json",
            "This file is damaged: the value at “campaigns[0].imports[0].records[0].id” does not have the expected form.",
            "Ce fichier est endommagé\u{a0}: la valeur à l'emplacement «\u{a0}campaigns[0].imports[0].records[0].id\u{a0}» n'a pas la forme attendue.",
        ),
    ];
    for (name, en, fr) in cases {
        let bytes = std::fs::read(fixtures_dir().join("hostile").join(name)).unwrap();
        let err = read_document(&bytes).unwrap_err();
        assert_eq!(import_error(Lang::En, &err), en, "{name}");
        assert_eq!(import_error(Lang::Fr, &err), fr, "{name}");
    }
}

/// A log naming more records than it keeps (too large for a file on disk) is refused.
#[test]
fn an_import_log_over_its_records_is_refused() {
    let bytes = with_value(|v| {
        let record = serde_json::json!({"kind": "response",
            "id": "00000000-0000-0000-0000-000000000a00", "outcome": "added"});
        v["campaigns"][0]["imports"] = serde_json::json!([{
            "imported_at": "2026-11-30T16:42:10Z", "kind": "answers", "outcome": "added",
            "records": vec![record; 10_001]}]);
        v["format_version"] = 5.into();
    });
    assert_eq!(
        read_document(&bytes),
        Err(ImportError::Invalid {
            path: "campaigns[0]".into(),
            problem: Problem::Campaign(CampaignError::TooManyImports)
        })
    );
}
