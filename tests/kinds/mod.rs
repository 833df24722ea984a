//! What `tests/hostile_kinds.rs` and `tests/mutation_files.rs` share: every kind of file a person
//! hands Rally, the browser it is taken into, and how the page takes it (the same readers and
//! merges as the page, without the page). Each test file uses part of it.
#![allow(dead_code)]

use chrono::DateTime;
use rally::domain::fieldwork::Fieldwork;
use rally::domain::file::envelope::sealed_link;
use rally::domain::file::{
    merge, merge_fieldwork, open_file, read_document, read_fieldwork_file, read_invitations,
    Document, ImportError, MergeReport, Opened,
};
use rally::domain::i18n::respond::R;
use rally::domain::i18n::survey::code_error;
use rally::domain::i18n::{import_error, merge_report};
use rally::domain::lang::Lang;
use rally::domain::survey::code::{decode_responses, invitation_from_payload};
use rally::domain::survey::{CodeError, Invitation, Refusal};
use rally::domain::workspace::Workspace;
use std::path::{Path, PathBuf};

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn v4_bytes() -> Vec<u8> {
    std::fs::read(fixtures_dir().join("format-v4.json")).expect("format-v4.json")
}

/// `format-v4.json`, read: every kind of record, at the current version.
pub fn v4() -> Document {
    read_document(&v4_bytes()).expect("format-v4.json reads")
}

/// A browser: the recruiter's workspace and everyone's fieldwork store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub ws: Workspace,
    pub fw: Fieldwork,
}

/// The recruiter's browser after importing `format-v4.json`.
pub fn recruiter() -> State {
    let doc = v4();
    let ws = doc.clone().into_workspace();
    let (fw, report) = merge_fieldwork(&Fieldwork::default(), &doc, &ws.campaigns);
    assert_eq!(report.responses.refused, 0, "{report:?}");
    State { ws, fw }
}

/// A mediator's browser holding the kit of `format-v4.json`.
pub fn mediator() -> State {
    let (fw, _) = Fieldwork::default().import(&v4().kits, &[]);
    State {
        ws: Workspace::default(),
        fw,
    }
}

/// A respondent's browser holding the leader's invitation of `format-v4.json`.
pub fn respondent() -> State {
    let (fw, _) = Fieldwork::default().add_invitations(&v4().invitations[1..2]);
    State {
        ws: Workspace::default(),
        fw,
    }
}

/// Every kind of file, and text, a person hands Rally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The full export (or a colleague's), on the recruiter's page.
    Workspace,
    /// One campaign with its fieldwork, on the recruiter's page.
    Campaign,
    /// A mediator's kit, on the mediator's page.
    Kit,
    /// A mediator's observation (with its kit), on the mediator's page.
    Observation,
    /// An invitation file, on the respondent's page.
    Invitation,
    /// A respondent's answers file, on the recruiter's page.
    Answers,
    /// A short answer code pasted on the recruiter's page.
    Code,
    /// An invitation link opened (or pasted) on the respondent's page.
    Link,
    /// A file protected by a passphrase, on the recruiter's page.
    Envelope,
}

/// What taking a file in gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    /// Refused while reading.
    Import(ImportError),
    /// A code or link refused.
    Code(CodeError),
    /// Read, but every new response it brings refused when taken in (the first reason, how
    /// many): the browser does not change.
    Refused(Refusal, usize),
    /// Read by the respondent's reader, holding no invitation.
    NoInvitation,
    /// A sound envelope: the passphrase is asked.
    Sealed,
    /// Taken in.
    Taken,
}

impl Got {
    pub fn is_error(&self) -> bool {
        matches!(self, Got::Import(_) | Got::Code(_))
    }
}

/// What taking a file in gave, the browser after it, and what the page says (French, English).
pub struct Outcome {
    pub got: Got,
    pub next: State,
    pub said: [String; 2],
}

fn said(text: impl Fn(Lang) -> String) -> [String; 2] {
    [text(Lang::Fr), text(Lang::En)]
}

fn refused(state: &State, e: ImportError) -> Outcome {
    Outcome {
        said: said(|lang| import_error(lang, &e)),
        got: Got::Import(e),
        next: state.clone(),
    }
}

fn code_refused(state: &State, e: CodeError) -> Outcome {
    Outcome {
        said: said(|lang| code_error(lang, &e).to_owned()),
        got: Got::Code(e),
        next: state.clone(),
    }
}

fn asks_passphrase(state: &State) -> Outcome {
    Outcome {
        got: Got::Sealed,
        next: state.clone(),
        said: said(|_| String::new()),
    }
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Workspace,
        Kind::Campaign,
        Kind::Kit,
        Kind::Observation,
        Kind::Invitation,
        Kind::Answers,
        Kind::Code,
        Kind::Link,
        Kind::Envelope,
    ];

    /// The browser a file of this kind is taken into.
    pub fn state(self) -> State {
        match self {
            Kind::Kit | Kind::Observation => mediator(),
            Kind::Invitation | Kind::Link => respondent(),
            _ => recruiter(),
        }
    }

    /// Takes `bytes` in as the page does.
    pub fn take(self, state: &State, bytes: &[u8]) -> Outcome {
        match self {
            Kind::Kit | Kind::Observation => take_kits(state, bytes),
            Kind::Invitation => take_invitations(state, bytes),
            Kind::Code => take_code(state, &String::from_utf8_lossy(bytes)),
            Kind::Link => take_link(state, &String::from_utf8_lossy(bytes)),
            _ => take_file(state, bytes, true),
        }
    }
}

/// The import button: a sealed file waits for its passphrase; an open one is read, its
/// campaigns merged on the recruiter's page (the mediator's has no workspace) and its fieldwork
/// taken in, answers checked against the campaigns here and those the file brings.
fn take_file(state: &State, bytes: &[u8], recruiter: bool) -> Outcome {
    match open_file(bytes, read_document) {
        Err(e) => refused(state, e),
        Ok(Opened::Sealed(_)) => asks_passphrase(state),
        Ok(Opened::Plain(doc)) => take_document(state, &doc, recruiter),
    }
}

pub fn take_document(state: &State, doc: &Document, recruiter: bool) -> Outcome {
    let (ws, merged, campaigns) = if recruiter {
        match merge(&state.ws, doc) {
            Err(e) => return refused(state, e),
            Ok((ws, report)) => {
                let mut campaigns = state.ws.campaigns.clone();
                campaigns.extend(doc.campaigns.iter().cloned());
                (ws, report, campaigns)
            }
        }
    } else {
        (state.ws.clone(), MergeReport::default(), Vec::new())
    };
    let (fw, report) = merge_fieldwork(&state.fw, doc, &campaigns);
    let next = State { ws, fw };
    let answers = report.responses;
    let got = match answers.first_refusal {
        Some(why) if answers.added == 0 && next == *state => Got::Refused(why, answers.refused),
        _ => Got::Taken,
    };
    Outcome {
        got,
        next,
        said: said(|lang| merge_report(lang, &merged, &report)),
    }
}

/// The mediator's import button: kits and observations only (`read_fieldwork_file`).
fn take_kits(state: &State, bytes: &[u8]) -> Outcome {
    match open_file(bytes, read_fieldwork_file) {
        Err(e) => refused(state, e),
        Ok(Opened::Sealed(_)) => asks_passphrase(state),
        Ok(Opened::Plain((kits, observations))) => {
            let (fw, report) = state.fw.import(&kits, &observations);
            Outcome {
                got: Got::Taken,
                next: State {
                    ws: state.ws.clone(),
                    fw,
                },
                said: said(|lang| merge_report(lang, &MergeReport::default(), &report)),
            }
        }
    }
}

/// The respondent's file button: invitations only.
fn take_invitations(state: &State, bytes: &[u8]) -> Outcome {
    match open_file(bytes, read_invitations) {
        Err(e) => refused(state, e),
        Ok(Opened::Sealed(_)) => asks_passphrase(state),
        Ok(Opened::Plain(list)) if list.is_empty() => Outcome {
            got: Got::NoInvitation,
            next: state.clone(),
            said: said(|lang| R::FileHasNoInvitation.get(lang).to_owned()),
        },
        Ok(Opened::Plain(list)) => invitations_added(state, &list),
    }
}

fn invitations_added(state: &State, invitations: &[Invitation]) -> Outcome {
    let (fw, _) = state.fw.add_invitations(invitations);
    Outcome {
        got: Got::Taken,
        next: State {
            ws: state.ws.clone(),
            fw,
        },
        said: said(|_| String::new()),
    }
}

/// The recruiter's code box: the responses read go in as an answers file would.
fn take_code(state: &State, text: &str) -> Outcome {
    match decode_responses(text) {
        Err(e) => code_refused(state, e),
        Ok(responses) => {
            let doc = Document::of_responses(&responses, DateTime::UNIX_EPOCH);
            take_document(state, &doc, true)
        }
    }
}

/// The respondent's link: protected (its envelope read, then the passphrase asked) or open.
fn take_link(state: &State, text: &str) -> Outcome {
    let read = match sealed_link(text) {
        Some(Ok(_)) => return asks_passphrase(state),
        Some(Err(e)) => Err(e),
        None => invitation_from_payload(text),
    };
    match read {
        Err(e) => code_refused(state, e),
        Ok(invitation) => invitations_added(state, &[invitation]),
    }
}

/// Text that shows a Rust value or JSON rather than words.
const DEBUG_TEXT: [&str; 10] = [
    "Some(", "None", "Ok(", "Err(", "Error(", "::", "{\"", "\":", "`", "\\u",
];

/// A refusal reads as sentences in both languages: not empty, ended, different in French and
/// English, without debugging text.
pub fn assert_sentences(what: &str, said: &[String; 2]) {
    for text in said {
        let text = text.trim();
        assert!(!text.is_empty(), "{what}: an empty message");
        assert!(text.ends_with('.'), "{what}: not a sentence: {text}");
        for raw in DEBUG_TEXT {
            assert!(!text.contains(raw), "{what}: shows {raw:?}: {text}");
        }
    }
    assert_ne!(said[0], said[1], "{what}: the same in French and English");
}
