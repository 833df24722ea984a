//! Hostile files of every kind besides the workspace export (`tests/import_hostile.rs`): campaign
//! exports, mediator kits, observation files, invitation files, answers files, short answer
//! codes, invitation links and sealed envelopes, one folder each under `tests/fixtures/hostile/`.
//! Every file must give exactly the outcome its folder's table names — the error, or for a file
//! that reads, the refusal of what it brings — said in a sentence in both languages, and the
//! browser it is taken into must come out unchanged. Each folder's README.md describes its files;
//! inputs too large to keep on disk are made at the end of this file.

mod kinds;

use kinds::{assert_sentences, fixtures_dir, recruiter, v4, v4_bytes, Got, Kind, State};
use rally::domain::base64::decode_lenient;
use rally::domain::campaign::CampaignError;
use rally::domain::fieldwork::FieldworkError;
use rally::domain::file::envelope::{is_sealed, read_sealed, SealedError, LINK_MARK};
use rally::domain::file::{
    open_file, read_document, read_invitations, ImportError, Problem, CURRENT_VERSION,
};
use rally::domain::json_path::from_value;
use rally::domain::limits::{
    MAX_DECISIONS, MAX_ERASURES, MAX_IMPORT_BYTES, MAX_INVITATIONS, MAX_JSON_DEPTH,
    MAX_OBSERVATIONS, MAX_RESPONSES,
};
use rally::domain::observation::clock::ClockError;
use rally::domain::observation::log::{ObservationError, MAX_EVENTS, MAX_NOTES};
use rally::domain::survey::code::{
    encode_responses, invitation_payload, CodeError, LINK_ROUTE, MAX_CODE_CHARS,
};
use rally::domain::survey::{Invitation, InvitationError, Refusal};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Each folder, the kind of its files, and the fewest files it may hold (fewer: one went
/// missing).
const FOLDERS: [(&str, Kind, usize); 8] = [
    ("campaign", Kind::Campaign, CAMPAIGN),
    ("kit", Kind::Kit, KIT),
    ("observation", Kind::Observation, OBSERVATION),
    ("invitation", Kind::Invitation, INVITATION),
    ("answers", Kind::Answers, ANSWERS),
    ("code", Kind::Code, CODE),
    ("link", Kind::Link, LINK),
    ("envelope", Kind::Envelope, ENVELOPE),
];
const CAMPAIGN: usize = 32;
const KIT: usize = 25;
const OBSERVATION: usize = 56;
const INVITATION: usize = 31;
const ANSWERS: usize = 26;
const CODE: usize = 25;
const LINK: usize = 18;
const ENVELOPE: usize = 36;
/// The fewest hostile files in all: these folders, the workspace exports of
/// `tests/fixtures/hostile/` and the sealed files of `tests/fixtures/sealed/`.
const MIN_TOTAL: usize = 376;

/// What a hostile file must give.
#[derive(Debug)]
enum Expect {
    Is(Got),
    /// `WrongShape` at exactly this path (serde's detail is only checked to be there).
    Shape(&'static str),
    /// A damaged link, damaged for this reason.
    BadLink(Why),
}

/// Why a link is damaged: the one message hides the reason, which the test names.
#[derive(Debug, PartialEq)]
enum Why {
    NotBase64,
    NotJson,
    /// JSON, but not an invitation: the path of the wrong value (`(root)` for the whole).
    Shape(String),
    /// An invitation that its check refuses.
    Invalid(InvitationError),
    /// A protected link whose payload is no envelope (`None`) or a refused one.
    Envelope(Option<SealedError>),
}

use CampaignError as C;
use CodeError as K;
use FieldworkError as F;
use ImportError as E;
use InvitationError as I;
use ObservationError as O;
use Refusal as R;
use SealedError as S;

fn is(e: ImportError) -> Expect {
    Expect::Is(Got::Import(e))
}

fn shape(path: &'static str) -> Expect {
    Expect::Shape(path)
}

fn future(found: u64) -> Expect {
    is(E::FutureVersion {
        found,
        supported: CURRENT_VERSION,
    })
}

fn at(path: &str, problem: Problem) -> Expect {
    is(E::Invalid {
        path: path.to_owned(),
        problem,
    })
}

fn campaign(e: CampaignError) -> Expect {
    at("campaigns[0]", Problem::Campaign(e))
}

fn kit(e: FieldworkError) -> Expect {
    at("kits[0]", Problem::Fieldwork(e))
}

fn obs(e: ObservationError) -> Expect {
    at("observations[0]", Problem::Fieldwork(F::Observation(e)))
}

fn inv(i: usize, e: InvitationError) -> Expect {
    at(&format!("invitations[{i}]"), Problem::Invitation(e))
}

fn refused(why: Refusal, count: usize) -> Expect {
    Expect::Is(Got::Refused(why, count))
}

fn no_invitation() -> Expect {
    Expect::Is(Got::NoInvitation)
}

fn code(e: CodeError) -> Expect {
    Expect::Is(Got::Code(e))
}

fn bad_link(why: Why) -> Expect {
    Expect::BadLink(why)
}

fn sealed(e: SealedError) -> Expect {
    is(E::Sealed(e))
}

fn sealed_shape(field: &str) -> Expect {
    sealed(S::Shape {
        field: field.to_owned(),
    })
}
fn campaign_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("future-version-6.json", future(6)),
        ("version-as-text.json", is(E::BadVersion)),
        ("exported-at-date-only.json", shape("exported_at")),
        ("truncated.json", is(E::Truncated)),
        ("campaign-id-not-uuid.json", shape("campaigns[0].id")),
        ("revision-beyond-u64.json", shape("campaigns[0].revision")),
        (
            "decision-about-unknown-candidate.json",
            campaign(C::NotFound),
        ),
        (
            "decision-blank-rationale.json",
            campaign(C::RationaleRequired),
        ),
        ("decision-rationale-too-long.json", campaign(C::TooLong)),
        (
            "decision-rationale-bidi.json",
            campaign(C::ForbiddenCharacters),
        ),
        (
            "decision-bad-kind.json",
            shape("campaigns[0].decisions[0].kind"),
        ),
        (
            "decision-bad-date.json",
            shape("campaigns[0].decisions[1].decided_on"),
        ),
        ("decision-ids-twice.json", campaign(C::DuplicateId)),
        ("version-choice-twice.json", campaign(C::DuplicateId)),
        ("version-choice-too-long.json", campaign(C::TooLong)),
        (
            "clock-offset-over-an-hour.json",
            campaign(C::OffsetTooLarge),
        ),
        (
            "clock-offset-minus-over-an-hour.json",
            campaign(C::OffsetTooLarge),
        ),
        ("clock-offset-i64-min.json", campaign(C::OffsetTooLarge)),
        (
            "clock-offset-float.json",
            shape("campaigns[0].clock_offsets[0].offset_ms"),
        ),
        (
            "clock-offset-bad-source.json",
            shape("campaigns[0].clock_offsets[0].source"),
        ),
        ("retention-121-months.json", campaign(C::BadRetention)),
        (
            "retention-negative.json",
            shape("campaigns[0].retention_months"),
        ),
        (
            "retention-beyond-u16.json",
            shape("campaigns[0].retention_months"),
        ),
        (
            "erased-mediator-still-listed.json",
            campaign(C::ErasedPersonListed),
        ),
        ("erasure-twice.json", campaign(C::DuplicateId)),
        (
            "erasure-bad-scope.json",
            shape("campaigns[0].erasures[0].scope"),
        ),
        (
            "active-with-status-before-archive.json",
            campaign(C::InconsistentStatus),
        ),
        (
            "archived-before-archived.json",
            campaign(C::InconsistentStatus),
        ),
        ("closed-on-bad-date.json", shape("campaigns[0].closed_on")),
        (
            "debrief-invitation-session-zero.json",
            inv(2, I::UnknownSession),
        ),
        (
            "response-from-unknown-person.json",
            refused(R::NotInCampaign, 1),
        ),
        (
            "two-campaigns-same-id.json",
            at("campaigns[1].id", Problem::DuplicateCampaign),
        ),
    ]
}

fn kit_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("scheme-code-renamed.json", kit(F::UnknownScheme)),
        ("scheme-label-edited.json", kit(F::UnknownScheme)),
        ("scheme-code-removed.json", kit(F::UnknownScheme)),
        ("scheme-version-2.json", kit(F::UnknownScheme)),
        ("scheme-other-id.json", kit(F::UnknownScheme)),
        ("scheme-missing.json", shape("kits[0]")),
        ("scheme-as-text.json", shape("kits[0].scheme")),
        ("campaign-name-blank.json", kit(F::Text(C::NameRequired))),
        ("mediator-name-blank.json", kit(F::Text(C::NameRequired))),
        ("campaign-name-too-long.json", kit(F::Text(C::TooLong))),
        (
            "candidate-name-bidi.json",
            kit(F::Text(C::ForbiddenCharacters)),
        ),
        ("leader-name-nul.json", kit(F::Text(C::ForbiddenCharacters))),
        (
            "session-place-bell.json",
            kit(F::Text(C::ForbiddenCharacters)),
        ),
        ("session-topic-too-long.json", kit(F::Text(C::TooLong))),
        (
            "two-kits-same-id.json",
            at("kits[1].id", Problem::DuplicateKit),
        ),
        ("kit-id-not-uuid.json", shape("kits[0].id")),
        ("mediator-id-number.json", shape("kits[0].mediator.id")),
        ("issued-at-no-zone.json", shape("kits[0].issued_at")),
        (
            "session-date-feb-30.json",
            shape("kits[0].sessions[0].date"),
        ),
        ("leader-missing.json", shape("kits[0]")),
        ("kits-not-array.json", shape("kits")),
        ("kit-null.json", shape("kits[0]")),
        ("future-version-7.json", future(7)),
        ("truncated.json", is(E::Truncated)),
        ("utf16.json", is(E::NotText)),
    ]
}

fn observation_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("events-out-of-order.json", obs(O::Unsorted)),
        ("events-same-instant-same-seq.json", obs(O::Unsorted)),
        (
            "event-negative-time.json",
            shape("observations[0].events[2].at_ms"),
        ),
        (
            "event-time-float.json",
            shape("observations[0].events[0].at_ms"),
        ),
        (
            "event-time-beyond-u64.json",
            shape("observations[0].events[5].at_ms"),
        ),
        ("event-after-12-hours.json", obs(O::TooLate)),
        ("state-duration-overflows.json", obs(O::TooLate)),
        ("seq-zero.json", obs(O::BadSeq)),
        ("seq-beyond-revision.json", obs(O::BadSeq)),
        ("event-ids-twice.json", obs(O::DuplicateId)),
        (
            "unknown-code.json",
            obs(O::UnknownCode("tarot_reading".into())),
        ),
        ("code-key-not-id.json", obs(O::UnknownCode("g".into()))),
        ("silence-with-actor.json", obs(O::ActorNotAllowed)),
        ("point-code-without-actor.json", obs(O::ActorNotAllowed)),
        (
            "unknown-actor.json",
            shape("observations[0].events[0].actor"),
        ),
        (
            "unknown-modifier.json",
            obs(O::UnknownModifier("sarcastic".into())),
        ),
        (
            "modifier-on-plain-code.json",
            obs(O::UnknownModifier("new".into())),
        ),
        ("duration-on-point-code.json", obs(O::DurationOnPointCode)),
        ("two-open-silences.json", obs(O::StateAlreadyOpen)),
        ("submitted-with-open-silence.json", obs(O::StateAlreadyOpen)),
        (
            "clock-banked-without-start.json",
            obs(O::Clock(ClockError::Inconsistent)),
        ),
        (
            "clock-running-without-start.json",
            obs(O::Clock(ClockError::Inconsistent)),
        ),
        (
            "clock-banked-negative.json",
            shape("observations[0].clock.banked_ms"),
        ),
        ("submitted-without-date.json", obs(O::InconsistentStatus)),
        (
            "draft-with-submission-date.json",
            obs(O::InconsistentStatus),
        ),
        ("submitted-while-running.json", obs(O::InconsistentStatus)),
        ("status-paused.json", shape("observations[0].status")),
        ("notes-out-of-order.json", obs(O::Unsorted)),
        ("note-empty.json", obs(O::EmptyNote)),
        ("note-untrimmed.json", obs(O::Untrimmed)),
        ("note-with-bell.json", obs(O::ForbiddenCharacters)),
        ("note-too-long.json", obs(O::TooLong)),
        ("note-after-12-hours.json", obs(O::TooLate)),
        ("note-ids-twice.json", obs(O::DuplicateId)),
        ("ratings-without-grid.json", obs(O::NoRatingGrid)),
        (
            "grid-version-2.json",
            obs(O::BarsMismatch {
                expected: "default v2".into(),
                found: "default v1".into(),
            }),
        ),
        ("rating-level-zero.json", obs(O::BadLevel(0))),
        ("rating-level-six.json", obs(O::BadLevel(6))),
        (
            "rating-level-256.json",
            shape("observations[0].ratings[0].level"),
        ),
        (
            "rating-unknown-dimension.json",
            obs(O::UnknownDimension("charisma".into())),
        ),
        (
            "rating-dimension-not-an-id.json",
            obs(O::UnknownDimension("Co Construction".into())),
        ),
        ("ratings-same-dimension.json", obs(O::DuplicateId)),
        ("ratings-out-of-order.json", obs(O::Unsorted)),
        (
            "evidence-unknown-event.json",
            obs(O::UnknownEvidence(Uuid::from_u128(0xff))),
        ),
        ("evidence-twice.json", obs(O::DuplicateId)),
        ("evidence-101.json", obs(O::TooMuchEvidence)),
        ("comment-untrimmed.json", obs(O::Untrimmed)),
        ("synthesis-untrimmed.json", obs(O::Untrimmed)),
        ("comment-bidi.json", obs(O::ForbiddenCharacters)),
        ("synthesis-too-long.json", obs(O::TooLong)),
        ("synthesis-nul.json", obs(O::ForbiddenCharacters)),
        (
            "observation-scheme-version-2.json",
            at("observations[0]", Problem::Fieldwork(F::UnknownScheme)),
        ),
        ("kit-scheme-altered.json", kit(F::UnknownScheme)),
        (
            "candidate-id-not-uuid.json",
            shape("observations[0].candidate_id"),
        ),
        ("events-not-array.json", shape("observations[0].events")),
        ("future-version-6.json", future(6)),
    ]
}

fn invitation_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("future-version-6.json", future(6)),
        ("version-zero.json", is(E::UnknownVersion { found: 0 })),
        ("not-rally.json", is(E::NotRally)),
        ("invitations-null.json", shape("invitations")),
        ("kind-ceo.json", shape("invitations[0].kind")),
        ("keep-until-issue-day.json", inv(0, I::KeepUntilPast)),
        ("keep-until-feb-30.json", shape("invitations[0].keep_until")),
        ("issued-at-no-zone.json", shape("invitations[0].issued_at")),
        (
            "respondent-id-not-uuid.json",
            shape("invitations[0].respondent.id"),
        ),
        ("no-instruments.json", inv(0, I::NothingToAnswer)),
        ("instrument-version-9.json", inv(0, I::UnknownInstrument)),
        (
            "instrument-hash-upper-case.json",
            inv(0, I::UnknownInstrument),
        ),
        ("instrument-twice.json", inv(0, I::DuplicateInstrument)),
        ("asked-by-blank.json", inv(0, I::Text(C::NameRequired))),
        (
            "respondent-name-bidi.json",
            inv(0, I::Text(C::ForbiddenCharacters)),
        ),
        ("campaign-name-too-long.json", inv(0, I::Text(C::TooLong))),
        (
            "role-name-nul.json",
            inv(0, I::Text(C::ForbiddenCharacters)),
        ),
        ("candidate-with-subject.json", inv(0, I::UnexpectedSubject)),
        ("mediator-without-subject.json", inv(0, I::MissingSubject)),
        (
            "observer-asked-self-form.json",
            inv(0, I::UnknownInstrument),
        ),
        ("debrief-session-zero.json", inv(0, I::UnknownSession)),
        ("debrief-session-five.json", inv(0, I::UnknownSession)),
        (
            "debrief-session-number-300.json",
            shape("invitations[0].session.number"),
        ),
        ("debrief-two-instruments.json", inv(0, I::UnknownInstrument)),
        ("debrief-for-a-mediator.json", inv(0, I::UnknownInstrument)),
        ("debrief-topic-too-long.json", inv(0, I::Text(C::TooLong))),
        (
            "ids-twice.json",
            at("invitations[1].id", Problem::DuplicateInvitation),
        ),
        (
            "answers-file-with-long-item.json",
            at("responses[0]", Problem::Campaign(C::TooLong)),
        ),
        ("observation-file.json", no_invitation()),
        ("answers-file.json", no_invitation()),
        ("workspace-export.json", no_invitation()),
    ]
}

fn answers_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("other-campaign.json", refused(R::OtherCampaign, 1)),
        (
            "instrument-version-9.json",
            refused(R::UnknownInstrument, 1),
        ),
        (
            "instrument-hash-altered.json",
            refused(R::UnknownInstrument, 1),
        ),
        ("unknown-instrument.json", refused(R::UnknownInstrument, 1)),
        ("answer-value-6.json", refused(R::BadAnswers, 1)),
        ("answer-value-0.json", refused(R::BadAnswers, 1)),
        ("unknown-item.json", refused(R::BadAnswers, 1)),
        ("item-answered-twice.json", refused(R::BadAnswers, 1)),
        ("open-answer-too-long.json", refused(R::BadAnswers, 1)),
        ("respondent-unknown.json", refused(R::NotInCampaign, 1)),
        ("self-form-about-someone.json", refused(R::NotInCampaign, 1)),
        (
            "observer-form-without-subject.json",
            refused(R::NotInCampaign, 1),
        ),
        (
            "observer-about-the-mediator.json",
            refused(R::NotInCampaign, 1),
        ),
        (
            "candidate-answers-observer-form.json",
            refused(R::NotInCampaign, 1),
        ),
        ("debrief-without-session.json", refused(R::NotInCampaign, 1)),
        ("debrief-unknown-session.json", refused(R::NotInCampaign, 1)),
        ("all-other-campaign.json", refused(R::OtherCampaign, 5)),
        ("answers-not-array.json", shape("responses[0].answers")),
        (
            "value-negative.json",
            shape("responses[0].answers[1].value"),
        ),
        ("time-negative.json", shape("responses[1].answers[0].ms")),
        ("time-beyond-u32.json", shape("responses[1].answers[2].ms")),
        (
            "submitted-at-number.json",
            shape("responses[0].submitted_at"),
        ),
        ("response-id-not-uuid.json", shape("responses[3].id")),
        (
            "instrument-version-too-long.json",
            at("responses[2]", Problem::Campaign(C::TooLong)),
        ),
        ("future-version-6.json", future(6)),
        (
            "trailing-garbage.json",
            is(E::Malformed { line: 2, column: 1 }),
        ),
    ]
}

fn code_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("empty.txt", code(K::Empty)),
        ("spaces-only.txt", code(K::Empty)),
        ("hello.txt", code(K::NotACode)),
        ("r3-prefix.txt", code(K::NotACode)),
        ("lower-case-prefix.txt", code(K::NotACode)),
        ("invitation-link.txt", code(K::NotACode)),
        ("answers-json.txt", code(K::NotACode)),
        ("one-character-changed.txt", code(K::Damaged)),
        ("cut-short.txt", code(K::Damaged)),
        ("checksum-only.txt", code(K::Damaged)),
        ("not-base64.txt", code(K::Damaged)),
        ("zero-width-space.txt", code(K::Damaged)),
        ("byte-left-over.txt", code(K::Damaged)),
        ("count-two-holds-one.txt", code(K::Damaged)),
        ("flags-18.txt", code(K::Damaged)),
        ("r1-with-session-bit.txt", code(K::Damaged)),
        ("instrument-name-not-utf8.txt", code(K::Damaged)),
        ("unknown-instrument.txt", code(K::UnknownInstrument)),
        ("hash-changed.txt", code(K::UnknownInstrument)),
        ("time-out-of-range.txt", code(K::Damaged)),
        ("open-answer-cut.txt", code(K::Damaged)),
        ("open-answer-not-utf8.txt", code(K::Damaged)),
        ("other-campaign.txt", refused(R::OtherCampaign, 1)),
        ("answer-value-9.txt", refused(R::BadAnswers, 1)),
        ("respondent-unknown.txt", refused(R::NotInCampaign, 1)),
    ]
}

fn link_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("route-only.txt", code(K::Empty)),
        ("two-routes-last-empty.txt", code(K::Empty)),
        ("cut-in-half.txt", bad_link(Why::NotJson)),
        ("not-base64.txt", bad_link(Why::NotBase64)),
        ("json-array.txt", bad_link(Why::Shape("[0]".into()))),
        ("whole-file.txt", bad_link(Why::Shape("(root)".into()))),
        ("trailing-garbage.txt", bad_link(Why::NotJson)),
        ("latin1.txt", bad_link(Why::NotJson)),
        ("unknown-kind.txt", bad_link(Why::Shape("kind".into()))),
        (
            "unknown-instrument.txt",
            bad_link(Why::Invalid(I::UnknownInstrument)),
        ),
        (
            "keep-until-past.txt",
            bad_link(Why::Invalid(I::KeepUntilPast)),
        ),
        (
            "name-bidi.txt",
            bad_link(Why::Invalid(I::Text(C::ForbiddenCharacters))),
        ),
        (
            "leader-without-subject.txt",
            bad_link(Why::Invalid(I::MissingSubject)),
        ),
        ("code-pasted.txt", bad_link(Why::NotJson)),
        ("sealed-garbage.txt", bad_link(Why::NotJson)),
        (
            "sealed-weak-iterations.txt",
            bad_link(Why::Envelope(Some(S::Iterations { found: 1000 }))),
        ),
        ("sealed-not-an-envelope.txt", bad_link(Why::Envelope(None))),
        ("sealed-bad-base64.txt", bad_link(Why::NotBase64)),
    ]
}

fn envelope_table() -> Vec<(&'static str, Expect)> {
    vec![
        ("version-zero.json", sealed(S::BadVersion)),
        ("version-as-text.json", sealed(S::BadVersion)),
        ("version-float.json", sealed(S::BadVersion)),
        ("version-negative.json", sealed(S::BadVersion)),
        ("version-beyond-u64.json", sealed(S::BadVersion)),
        (
            "version-99.json",
            sealed(S::FutureVersion {
                found: 99,
                supported: 1,
            }),
        ),
        ("content-missing.json", sealed_shape("content")),
        ("content-number.json", sealed_shape("content")),
        ("content-rally-v2.json", sealed(S::UnknownContent)),
        ("kdf-null.json", sealed_shape("kdf")),
        ("kdf-name-lower-case.json", sealed(S::UnknownKdf)),
        ("kdf-extra-member.json", sealed_shape("kdf.pepper")),
        ("kdf-salt-missing.json", sealed_shape("kdf.salt")),
        (
            "iterations-599999.json",
            sealed(S::Iterations { found: 599_999 }),
        ),
        (
            "iterations-10000001.json",
            sealed(S::Iterations { found: 10_000_001 }),
        ),
        (
            "iterations-beyond-u32.json",
            sealed(S::Iterations {
                found: 4_295_567_296,
            }),
        ),
        ("iterations-negative.json", sealed_shape("kdf.iterations")),
        ("iterations-as-text.json", sealed_shape("kdf.iterations")),
        ("salt-17-bytes.json", sealed(S::Salt)),
        ("salt-empty.json", sealed(S::Salt)),
        ("salt-padded.json", sealed(S::Salt)),
        ("nonce-16-bytes.json", sealed(S::Nonce)),
        ("nonce-with-space.json", sealed(S::Nonce)),
        ("cipher-aes-128.json", sealed(S::UnknownCipher)),
        ("cipher-extra-member.json", sealed_shape("cipher.tag")),
        ("ciphertext-empty.json", sealed(S::Ciphertext)),
        ("ciphertext-wrapped.json", sealed(S::Ciphertext)),
        ("ciphertext-one-char-more.json", sealed(S::Ciphertext)),
        ("ciphertext-stray-bits.json", sealed(S::Ciphertext)),
        ("ciphertext-number.json", sealed_shape("ciphertext")),
        ("in-an-array.json", is(E::NotRally)),
        ("format-wrong-case.json", is(E::NotRally)),
        ("utf16.json", is(E::NotText)),
        (
            "deep-extra-member.json",
            is(E::TooDeep {
                max: MAX_JSON_DEPTH,
            }),
        ),
        ("format-twice.json", is(E::MissingVersion)),
        ("truncated.json", is(E::Truncated)),
    ]
}

fn table(folder: &str) -> Vec<(&'static str, Expect)> {
    match folder {
        "campaign" => campaign_table(),
        "kit" => kit_table(),
        "observation" => observation_table(),
        "invitation" => invitation_table(),
        "answers" => answers_table(),
        "code" => code_table(),
        "link" => link_table(),
        "envelope" => envelope_table(),
        other => unreachable!("{other}"),
    }
}

/// The files of a folder, sorted by name (README.md is their description, not a fixture).
fn files(folder: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> =
        std::fs::read_dir(fixtures_dir().join("hostile").join(folder))
            .unwrap_or_else(|e| panic!("{folder}: {e}"))
            .map(|entry| entry.expect("directory entry").path())
            .filter(|path| path.is_file())
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&path).expect("fixture readable"))
            })
            .filter(|(name, _)| name != "README.md")
            .collect();
    out.sort();
    out
}

fn file_count(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.ends_with("README.md"))
        .count()
}

#[test]
fn every_folder_and_its_table_list_the_same_files_each_described() {
    let mut total = 0;
    for (folder, _, min) in FOLDERS {
        let on_disk: BTreeSet<String> = files(folder).into_iter().map(|(n, _)| n).collect();
        assert!(
            on_disk.len() >= min,
            "{folder}: only {} files; expected at least {min}",
            on_disk.len()
        );
        let names: Vec<&str> = table(folder).iter().map(|(n, _)| *n).collect();
        let listed: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            listed.len(),
            names.len(),
            "{folder}: a file is listed twice"
        );
        assert_eq!(on_disk, listed, "{folder}: the folder and the table differ");
        let readme = std::fs::read_to_string(
            fixtures_dir()
                .join("hostile")
                .join(folder)
                .join("README.md"),
        )
        .unwrap_or_else(|e| panic!("{folder}/README.md: {e}"));
        for name in &on_disk {
            assert!(
                readme.contains(&format!("| {name} |")),
                "{folder}/README.md does not describe {name}"
            );
        }
        total += on_disk.len();
    }
    total += file_count(&fixtures_dir().join("hostile"));
    total += file_count(&fixtures_dir().join("sealed"));
    assert!(
        total >= MIN_TOTAL,
        "{total} hostile files in all; expected at least {MIN_TOTAL}"
    );
}

#[test]
fn hostile_files_are_small() {
    for (folder, _, _) in FOLDERS {
        for (name, bytes) in files(folder) {
            assert!(
                bytes.len() < 32 * 1024,
                "{folder}/{name} is {} bytes",
                bytes.len()
            );
        }
    }
}

/// Why a link that does not open is damaged, found the way the reader goes.
fn why_damaged(text: &str) -> Why {
    let text = text.trim();
    let payload = text.rsplit(LINK_ROUTE).next().unwrap_or(text).trim();
    let (body, sealed) = match payload.strip_prefix(LINK_MARK) {
        Some(body) => (body, true),
        None => (payload, false),
    };
    let Some(bytes) = decode_lenient(body) else {
        return Why::NotBase64;
    };
    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        return Why::NotJson;
    };
    if sealed {
        return Why::Envelope(
            is_sealed(&value)
                .then(|| read_sealed(&value).err())
                .flatten(),
        );
    }
    match from_value::<Invitation>(&value) {
        Err(e) if e.path.is_empty() => Why::Shape("(root)".into()),
        Err(e) => Why::Shape(e.path),
        Ok(invitation) => Why::Invalid(invitation.check().expect_err("the invitation is sound")),
    }
}

fn check(what: &str, bytes: &[u8], got: &Got, want: &Expect) {
    match want {
        Expect::Is(want) => assert_eq!(got, want, "{what}"),
        Expect::Shape(want) => match got {
            Got::Import(E::WrongShape { path, detail }) => {
                assert_eq!(path, want, "{what}: path");
                assert!(!detail.trim().is_empty(), "{what}: no detail");
            }
            other => panic!("{what}: expected WrongShape at {want}, got {other:?}"),
        },
        Expect::BadLink(why) => {
            assert_eq!(got, &Got::Code(K::BadLink), "{what}");
            assert_eq!(
                &why_damaged(&String::from_utf8_lossy(bytes)),
                why,
                "{what}: why"
            );
        }
    }
}

#[test]
fn every_hostile_file_gives_its_outcome_and_changes_nothing() {
    for (folder, kind, _) in FOLDERS {
        let table = table(folder);
        let state = kind.state();
        for (name, bytes) in files(folder) {
            let what = format!("{folder}/{name}");
            let want = &table.iter().find(|(n, _)| *n == name).expect("listed").1;
            let outcome = kind.take(&state, &bytes);
            check(&what, &bytes, &outcome.got, want);
            assert_eq!(outcome.next, state, "{what}: the browser changed");
            assert_sentences(&what, &outcome.said);
            if outcome.got.is_error() {
                // Into an empty browser too: nothing half taken in.
                let empty = State::default();
                assert_eq!(kind.take(&empty, &bytes).next, empty, "{what}");
            }
        }
    }
}

#[test]
fn an_envelope_is_refused_alike_by_every_reader() {
    for (name, bytes) in files("envelope") {
        let recruiter = open_file(&bytes, read_document).expect_err("refused");
        let respondent = open_file(&bytes, read_invitations).expect_err("refused");
        assert_eq!(recruiter, respondent, "envelope/{name}");
    }
}

// ---- the bases: each hostile file is one of these with one change ---------------------------

fn with(mut v: Value, edit: impl FnOnce(&mut Value)) -> Value {
    edit(&mut v);
    v
}

fn v4_value() -> Value {
    serde_json::from_slice(&v4_bytes()).unwrap()
}

/// The head of a file: marker, version, date.
fn head() -> Value {
    let v = v4_value();
    json!({
        "format": "rally",
        "format_version": CURRENT_VERSION,
        "exported_at": v["exported_at"],
        "app_version": v["app_version"],
    })
}

const BASE_URL: &str = "https://rally.example/respond.html#/respond/";

/// The observation of the observation files: `format-v4.json`'s, rated on the built-in grid.
fn rated_observation() -> Value {
    let v = v4_value();
    with(v["observations"][0].clone(), |o| {
        let events = o["events"].clone();
        o["bars"] = json!({ "id": "default", "version": 1 });
        o["ratings"] = json!([
            {
                "dimension": "co_construction",
                "level": 4,
                "evidence": [events[3]["id"], events[4]["id"]],
                "comment": "Reprend la proposition du CEO et la prolonge."
            },
            { "dimension": "listening_reformulation", "level": 3 }
        ]);
        o["synthesis"] = json!("Une séance constructive ; le CEO tranche vite.");
    })
}

fn bases() -> Vec<(Kind, &'static str, Vec<u8>)> {
    let v = v4_value();
    let doc = v4();
    let file = |edit: &dyn Fn(&mut Value)| serde_json::to_vec(&with(head(), edit)).unwrap();
    let text = |t: String| t.into_bytes();
    vec![
        (
            Kind::Campaign,
            "campaign export",
            file(&|d| {
                d["campaigns"] = json!([v["campaigns"][0]]);
                d["invitations"] = v["invitations"].clone();
                d["responses"] = json!([v["responses"][0]]);
            }),
        ),
        (Kind::Kit, "kit", file(&|d| d["kits"] = v["kits"].clone())),
        (
            Kind::Observation,
            "observation",
            file(&|d| {
                d["kits"] = v["kits"].clone();
                d["observations"] = json!([rated_observation()]);
            }),
        ),
        (
            Kind::Invitation,
            "invitation",
            file(&|d| d["invitations"] = json!([v["invitations"][0]])),
        ),
        (
            Kind::Invitation,
            "observer invitation",
            file(&|d| {
                d["invitations"] = json!([v["invitations"][1]]);
            }),
        ),
        (
            Kind::Invitation,
            "debrief invitation",
            file(&|d| {
                d["invitations"] = json!([v["invitations"][2]]);
            }),
        ),
        (
            Kind::Answers,
            "answers",
            file(&|d| d["responses"] = v["responses"].clone()),
        ),
        (
            Kind::Code,
            "R1 code",
            text(encode_responses(&doc.responses[..1]).unwrap()),
        ),
        (
            Kind::Code,
            "R2 code",
            text(encode_responses(&doc.responses[4..]).unwrap()),
        ),
        (
            Kind::Link,
            "link",
            text(format!(
                "{BASE_URL}{}",
                invitation_payload(&doc.invitations[0])
            )),
        ),
        (
            Kind::Envelope,
            "envelope",
            std::fs::read(fixtures_dir().join("sealed/valid.json")).unwrap(),
        ),
    ]
}

/// Each hostile file is refused for its one change: the file it was made from reads.
#[test]
fn the_bases_read() {
    for (kind, what, bytes) in bases() {
        let state = kind.state();
        let outcome = kind.take(&state, &bytes);
        let want = match kind {
            Kind::Envelope => Got::Sealed,
            _ => Got::Taken,
        };
        assert_eq!(outcome.got, want, "{what}");
        // Into an empty browser as well (a code's and the answers' campaigns are not there).
        let outcome = kind.take(&State::default(), &bytes);
        assert!(!outcome.got.is_error(), "{what}: {:?}", outcome.got);
    }
    // The first response of `format-v4.json` is already in the recruiter's browser: a sound code
    // for it changes nothing.
    let state = recruiter();
    let (_, _, code) = bases()
        .into_iter()
        .find(|(_, what, _)| *what == "R1 code")
        .unwrap();
    assert_eq!(Kind::Code.take(&state, &code).next, state);
}

// ---- too large to keep on disk ---------------------------------------------------------------

/// Takes a made-up file of `kind` in, which must give `want` and change nothing.
fn assert_refused(kind: Kind, what: &str, bytes: &[u8], want: Expect) {
    let state = kind.state();
    let outcome = kind.take(&state, bytes);
    check(what, bytes, &outcome.got, &want);
    assert_eq!(outcome.next, state, "{what}: the browser changed");
    assert_sentences(what, &outcome.said);
}

fn file_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    serde_json::to_vec(&with(head(), edit)).unwrap()
}

/// `count` copies of `template`, the n-th with the id `first + n`.
fn copies(template: &Value, count: usize, first: u128) -> Vec<Value> {
    (0..count as u128)
        .map(|n| {
            with(template.clone(), |v| {
                v["id"] = json!(Uuid::from_u128(first + n))
            })
        })
        .collect()
}

#[test]
fn too_many_kits_or_observations_in_one_file() {
    let v = v4_value();
    // Lean copies (a scheme of one code, an empty log): the count is checked first.
    let kit = with(v["kits"][0].clone(), |k| {
        k["scheme"]["codes"].as_array_mut().unwrap().truncate(1);
    });
    let bytes = file_with(|d| d["kits"] = json!(copies(&kit, MAX_OBSERVATIONS + 1, 0x4000_0000)));
    assert!(bytes.len() <= MAX_IMPORT_BYTES, "{} bytes", bytes.len());
    let too_many = || at("observations", Problem::TooManyObservations);
    assert_refused(Kind::Kit, "2,001 kits", &bytes, too_many());
    let observation = with(v["observations"][0].clone(), |o| {
        o["events"] = json!([]);
        o["notes"] = json!([]);
    });
    let observations = copies(&observation, MAX_OBSERVATIONS + 1, 0x5000_0000);
    let bytes = file_with(|d| d["observations"] = json!(observations));
    assert_refused(Kind::Observation, "2,001 observations", &bytes, too_many());
}

#[test]
fn too_many_events_or_notes_in_one_observation() {
    let base = rated_observation();
    let events: Vec<Value> = (1..=MAX_EVENTS as u64 + 1)
        .map(|n| json!({ "id": Uuid::from_u128(0x6000_0000 + u128::from(n)), "seq": n, "at_ms": n, "actor": "ceo", "code": "agrees" }))
        .collect();
    let observation = with(base.clone(), |o| {
        o["events"] = json!(events);
        o["ratings"] = json!([]);
        o["revision"] = json!(MAX_EVENTS + 1);
    });
    let bytes = file_with(|d| {
        d["kits"] = v4_value()["kits"].clone();
        d["observations"] = json!([observation]);
    });
    assert!(bytes.len() <= MAX_IMPORT_BYTES, "{} bytes", bytes.len());
    assert_refused(
        Kind::Observation,
        "50,001 events",
        &bytes,
        obs(O::TooManyEvents),
    );
    let notes: Vec<Value> = (0..=MAX_NOTES as u128)
        .map(|n| json!({ "id": Uuid::from_u128(0x7000_0000 + n), "at_ms": n, "text": "n" }))
        .collect();
    let observation = with(base, |o| o["notes"] = json!(notes));
    let bytes = file_with(|d| d["observations"] = json!([observation]));
    assert_refused(
        Kind::Observation,
        "5,001 notes",
        &bytes,
        obs(O::TooManyNotes),
    );
}

#[test]
fn too_many_invitations_or_responses_in_one_file() {
    let v = v4_value();
    let invitations = copies(&v["invitations"][0], MAX_INVITATIONS + 1, 0x8000_0000);
    let bytes = file_with(|d| d["invitations"] = json!(invitations));
    let too_many = |path: &str| at(path, Problem::TooManyResponses);
    assert_refused(
        Kind::Invitation,
        "2,001 invitations",
        &bytes,
        too_many("invitations"),
    );
    assert_refused(
        Kind::Campaign,
        "2,001 invitations",
        &bytes,
        too_many("invitations"),
    );
    let response = with(v["responses"][0].clone(), |r| r["answers"] = json!([]));
    let responses = copies(&response, MAX_RESPONSES + 1, 0x9000_0000);
    let bytes = file_with(|d| d["responses"] = json!(responses));
    assert!(bytes.len() <= MAX_IMPORT_BYTES, "{} bytes", bytes.len());
    assert_refused(
        Kind::Answers,
        "5,001 responses",
        &bytes,
        too_many("responses"),
    );
    assert_refused(
        Kind::Invitation,
        "5,001 responses",
        &bytes,
        too_many("responses"),
    );
}

#[test]
fn too_many_decisions_or_erasures_in_one_campaign() {
    let v = v4_value();
    let c0 = v["campaigns"][0].clone();
    let decisions = copies(&c0["decisions"][0], MAX_DECISIONS + 1, 0xA000_0000);
    let changed = with(c0.clone(), |c| c["decisions"] = json!(decisions));
    let bytes = file_with(|d| d["campaigns"] = json!([changed]));
    assert_refused(
        Kind::Campaign,
        "1,001 decisions",
        &bytes,
        campaign(C::TooManyRecords),
    );
    let erasures: Vec<Value> = (0..=MAX_ERASURES as u128)
        .map(|n| json!({ "person_id": Uuid::from_u128(0xB000_0000 + n), "kind": "candidate", "erased_at": "2026-12-01T10:00:00Z" }))
        .collect();
    let changed = with(c0, |c| c["erasures"] = json!(erasures));
    let bytes = file_with(|d| d["campaigns"] = json!([changed]));
    assert_refused(
        Kind::Campaign,
        "2,001 erasures",
        &bytes,
        campaign(C::TooManyRecords),
    );
}

#[test]
fn a_file_over_the_limit_is_too_large_whatever_its_kind() {
    let mut bytes = file_with(|d| d["kits"] = v4_value()["kits"].clone());
    bytes.resize(MAX_IMPORT_BYTES + 1, b' ');
    let want = || {
        is(E::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            max: MAX_IMPORT_BYTES,
        })
    };
    for kind in [
        Kind::Kit,
        Kind::Observation,
        Kind::Invitation,
        Kind::Answers,
        Kind::Campaign,
    ] {
        assert_refused(kind, &format!("{kind:?} over the limit"), &bytes, want());
    }
}

#[test]
fn a_code_or_link_over_the_limit_is_too_long() {
    let long = format!("R1-{}", "A".repeat(MAX_CODE_CHARS));
    assert_refused(Kind::Code, "a long code", long.as_bytes(), code(K::TooLong));
    let link = format!("{BASE_URL}{}", "A".repeat(MAX_CODE_CHARS + 1));
    assert_refused(Kind::Link, "a long link", link.as_bytes(), code(K::TooLong));
    let sealed = format!("{BASE_URL}{LINK_MARK}{}", "A".repeat(MAX_CODE_CHARS));
    assert_refused(
        Kind::Link,
        "a long protected link",
        sealed.as_bytes(),
        code(K::TooLong),
    );
}

/// A copy of a campaign that claims the last revision there is and lacks the erasures made
/// here: the copy kept takes them and a revision above both, which stops at the last one (the
/// sum overflowed).
#[test]
fn a_campaign_at_the_last_revision_merges_without_overflow() {
    let state = recruiter();
    let ours = &state.ws.campaigns[1];
    assert!(!ours.erasures.is_empty());
    let theirs = with(v4_value()["campaigns"][1].clone(), |c| {
        c["revision"] = json!(u64::MAX);
        c["erasures"] = json!([]);
    });
    let bytes = file_with(|d| d["campaigns"] = json!([theirs]));
    let outcome = Kind::Campaign.take(&state, &bytes);
    assert_eq!(outcome.got, Got::Taken);
    let kept = outcome.next.ws.campaign(ours.id).unwrap();
    assert_eq!(kept.revision, u64::MAX);
    assert_eq!(kept.erasures, ours.erasures);
}
