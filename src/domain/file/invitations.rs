//! The light readers and writers: the invitations (and responses) of a Rally file for the
//! respondent's page, its kits and observations for the mediator's, and nothing else.
//! A respondent only ever takes invitations in, and a mediator kits and observations, so
//! neither page carries the code that reads (and checks) campaigns and roles. The file goes
//! through the same first checks as any import (size, encoding, nesting, marker, version); the
//! lists a page takes are then read and checked as in a full import, with the same errors and
//! paths; any other member is left unread. The files these pages write (a respondent's
//! answers, a mediator's observation) are written the same way, as a `Document` with no
//! campaign or role would be.

use super::import::{text_of, version_of, ImportError, Problem};
use crate::domain::fieldwork::Kit;
use crate::domain::instrument::score::Response;
use crate::domain::json_path::from_value;
use crate::domain::limits::MAX_INVITATIONS;
use crate::domain::observation::log::Observation;
use crate::domain::survey::Invitation;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

/// A respondent's answers as the file they send back: the JSON of
/// [`super::Document::of_responses`], written without the code that writes campaigns and
/// roles (which the respondent's page does not carry).
pub fn answers_json(responses: &[Response], now: DateTime<Utc>) -> String {
    lists_json::<(), (), _>(&[], &[], responses, now)
}

/// A mediator's observation with the kit it was made from: the JSON of
/// [`super::Document::of_observation`], written without the code that writes campaigns and
/// roles (which the mediator's page does not carry).
pub fn observation_json(kit: &Kit, observation: &Observation, now: DateTime<Utc>) -> String {
    lists_json(
        std::slice::from_ref(kit),
        std::slice::from_ref(observation),
        &[] as &[()],
        now,
    )
}

/// A Rally file holding only kits, observations and answers, written as a
/// [`super::Document`] with no campaign, role or invitation would be. Generic, so that a page
/// writing no kit (`()` for their type) does not carry the code that writes one.
fn lists_json<K: Serialize, O: Serialize, R: Serialize>(
    kits: &[K],
    observations: &[O],
    responses: &[R],
    now: DateTime<Utc>,
) -> String {
    #[derive(Serialize)]
    struct ListsFile<'a, K, O, R> {
        format: &'static str,
        format_version: u64,
        #[serde(with = "crate::domain::timefmt::utc")]
        exported_at: DateTime<Utc>,
        app_version: &'static str,
        campaigns: [(); 0],
        roles: [(); 0],
        kits: &'a [K],
        observations: &'a [O],
        invitations: [(); 0],
        responses: &'a [R],
    }
    crate::domain::json::to_string(&ListsFile {
        format: super::FORMAT_NAME,
        format_version: super::CURRENT_VERSION,
        exported_at: now,
        app_version: env!("CARGO_PKG_VERSION"),
        campaigns: [],
        roles: [],
        kits,
        observations,
        invitations: [],
        responses,
    })
}

/// The invitations of a file (none when it has none).
pub fn read_invitations(bytes: &[u8]) -> Result<Vec<Invitation>, ImportError> {
    read_survey_file(bytes).map(|(invitations, _)| invitations)
}

/// One member of the document, read as `T` (absent: the default), a wrong value named by its
/// path from the root.
fn member<T: serde::de::DeserializeOwned + Default>(
    value: &Value,
    name: &str,
) -> Result<T, ImportError> {
    let Some(v) = value.get(name) else {
        return Ok(T::default());
    };
    from_value(v).map_err(|e| ImportError::WrongShape {
        path: format!("{name}{}", e.path),
        detail: e.message,
    })
}

/// The invitations and responses of a file, checked as in a full import.
pub fn read_survey_file(bytes: &[u8]) -> Result<(Vec<Invitation>, Vec<Response>), ImportError> {
    survey_lists(&top_value(bytes)?)
}

/// The mediator's reader: the kits and observations of a file, checked as in a full import,
/// and nothing else (a mediator's page takes in no campaign, role or answer).
pub fn read_fieldwork_file(bytes: &[u8]) -> Result<(Vec<Kit>, Vec<Observation>), ImportError> {
    observation_lists(&top_value(bytes)?)
}

/// What a fieldwork store holds — kits, observations, invitations and answers — read from a
/// file (an older Rally's copy in `localStorage`), each list checked as in a full import; its
/// campaigns and roles are left unread, so the mediator's page does not carry their readers.
pub fn read_fieldwork_lists(bytes: &[u8]) -> Result<FieldworkLists, ImportError> {
    let value = top_value(bytes)?;
    let (kits, observations) = observation_lists(&value)?;
    let (invitations, responses) = survey_lists(&value)?;
    Ok(FieldworkLists {
        kits,
        observations,
        invitations,
        responses,
    })
}

/// The `invitations` and `responses` of a file's JSON, checked.
fn survey_lists(value: &Value) -> Result<(Vec<Invitation>, Vec<Response>), ImportError> {
    let invitations: Vec<Invitation> = member(value, "invitations")?;
    let responses: Vec<Response> = member(value, "responses")?;
    super::import::check_survey(&invitations, &responses)?;
    Ok((invitations, responses))
}

/// The `kits` and `observations` of a file's JSON, checked.
fn observation_lists(value: &Value) -> Result<(Vec<Kit>, Vec<Observation>), ImportError> {
    let kits: Vec<Kit> = member(value, "kits")?;
    let observations: Vec<Observation> = member(value, "observations")?;
    super::import::check_fieldwork(&kits, &observations)?;
    Ok((kits, observations))
}

/// The four lists of [`read_fieldwork_lists`].
#[derive(Debug, Default)]
pub struct FieldworkLists {
    pub kits: Vec<Kit>,
    pub observations: Vec<Observation>,
    pub invitations: Vec<Invitation>,
    pub responses: Vec<Response>,
}

/// A Rally file's JSON after the first checks of any import (encoding, syntax, sealed, version).
/// The migrations from older versions only add empty lists, which [`member`] reads as absent.
fn top_value(bytes: &[u8]) -> Result<Value, ImportError> {
    let text = text_of(bytes)?;
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::Malformed {
            line: e.line(),
            column: e.column(),
        },
    })?;
    if super::envelope::is_sealed(&value) {
        return Err(ImportError::Protected);
    }
    version_of(&value)?;
    Ok(value)
}

/// The checks of a file's invitations: at most [`MAX_INVITATIONS`], each sound, no id twice.
pub(super) fn check_invitations(invitations: &[Invitation]) -> Result<(), ImportError> {
    let invalid = |path: String, problem: Problem| ImportError::Invalid { path, problem };
    if invitations.len() > MAX_INVITATIONS {
        return Err(invalid("invitations".into(), Problem::TooManyResponses));
    }
    let mut seen = HashSet::new();
    for (i, inv) in invitations.iter().enumerate() {
        inv.check()
            .map_err(|e| invalid(format!("invitations[{i}]"), Problem::Invitation(e)))?;
        if !seen.insert(inv.id) {
            return Err(invalid(
                format!("invitations[{i}].id"),
                Problem::DuplicateInvitation,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::read_document;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn the_invitations_of_a_file_read_as_in_a_full_import() {
        for name in ["format-v3.json", "format-v4.json"] {
            let bytes = fixture(name);
            assert_eq!(
                read_invitations(&bytes).unwrap(),
                read_document(&bytes).unwrap().invitations,
                "{name}"
            );
        }
        assert!(read_invitations(&fixture("format-v1.json"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn the_responses_of_a_file_read_as_in_a_full_import() {
        let bytes = fixture("format-v4.json");
        let doc = read_document(&bytes).unwrap();
        assert_eq!(
            read_survey_file(&bytes).unwrap(),
            (doc.invitations, doc.responses)
        );
        let mut v: Value = serde_json::from_slice(&bytes).unwrap();
        v["responses"][0]["answers"][2]["value"] = Value::from("four");
        let bytes = serde_json::to_vec(&v).unwrap();
        assert_eq!(
            read_survey_file(&bytes).unwrap_err(),
            read_document(&bytes).unwrap_err()
        );
    }

    #[test]
    fn a_bad_invitation_is_refused_with_its_path_and_other_files_as_usual() {
        let mut doc: Value = serde_json::from_slice(&fixture("format-v4.json")).unwrap();
        doc["invitations"][1]["respondent"]["name"] = Value::from("  ");
        let bytes = serde_json::to_vec(&doc).unwrap();
        assert_eq!(
            read_invitations(&bytes).unwrap_err(),
            read_document(&bytes).unwrap_err()
        );
        doc["invitations"][1]["keep_until"] = Value::from(12);
        let bytes = serde_json::to_vec(&doc).unwrap();
        let e = read_invitations(&bytes).unwrap_err();
        assert!(
            matches!(&e, ImportError::WrongShape { path, .. } if path == "invitations[1].keep_until"),
            "{e:?}"
        );
        for bad in [
            &b""[..],
            b"{",
            b"[1]",
            b"{\"format\":\"rally\",\"format_version\":99}",
        ] {
            assert_eq!(
                read_invitations(bad).unwrap_err(),
                read_document(bad).unwrap_err()
            );
        }
    }
}

#[cfg(test)]
mod answers_tests {
    use super::*;
    use crate::domain::file::Document;
    use chrono::TimeZone;

    #[test]
    fn the_answers_file_is_the_document_of_the_responses() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        let doc: Document =
            serde_json::from_str(include_str!("../../../tests/fixtures/format-v4.json")).unwrap();
        assert!(!doc.responses.is_empty(), "the golden file has responses");
        assert_eq!(
            answers_json(&doc.responses, now),
            Document::of_responses(&doc.responses, now).to_json()
        );
        assert_eq!(
            answers_json(&[], now),
            Document::of_responses(&[], now).to_json()
        );
    }

    #[test]
    fn the_observation_file_is_the_document_of_the_observation() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        let doc: Document =
            serde_json::from_str(include_str!("../../../tests/fixtures/format-v4.json")).unwrap();
        let obs = doc
            .observations
            .first()
            .expect("the golden file has observations");
        let kit = doc
            .kits
            .iter()
            .find(|k| k.campaign_id == obs.campaign_id)
            .expect("and the kit of one");
        assert_eq!(
            observation_json(kit, obs, now),
            Document::of_observation(kit, obs, now).to_json()
        );
    }

    #[test]
    fn the_lists_of_an_older_copy_are_those_of_a_full_read() {
        for name in [
            "format-v1.json",
            "format-v2.json",
            "format-v3.json",
            "format-v4.json",
            "format-v5.json",
        ] {
            let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(path).unwrap();
            let (doc, _) = crate::domain::file::read_stored(&bytes).unwrap();
            let lists = read_fieldwork_lists(&bytes).unwrap();
            assert_eq!(lists.kits, doc.kits, "{name}");
            assert_eq!(lists.observations, doc.observations, "{name}");
            assert_eq!(lists.invitations, doc.invitations, "{name}");
            assert_eq!(lists.responses, doc.responses, "{name}");
        }
        // A damaged list is refused, as the full read refuses it.
        let mut v: Value = serde_json::from_slice(
            &std::fs::read(format!(
                "{}/tests/fixtures/format-v4.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        )
        .unwrap();
        v["observations"][0]["session_id"] = Value::from("not an id");
        let bytes = serde_json::to_vec(&v).unwrap();
        assert!(crate::domain::file::read_stored(&bytes).is_err());
        assert!(matches!(
            read_fieldwork_lists(&bytes),
            Err(ImportError::WrongShape { .. })
        ));
    }

    #[test]
    fn the_mediators_reader_takes_what_a_full_import_takes() {
        for name in ["format-v2.json", "format-v3.json", "format-v4.json"] {
            let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(path).unwrap();
            let full = crate::domain::file::read_document(&bytes).unwrap();
            let (kits, observations) = read_fieldwork_file(&bytes).unwrap();
            assert_eq!(kits, full.kits, "{name}");
            assert_eq!(observations, full.observations, "{name}");
        }
        let future =
            br#"{"format":"rally","format_version":99,"exported_at":"2026-01-01T00:00:00Z"}"#;
        assert!(matches!(
            read_fieldwork_file(future),
            Err(ImportError::FutureVersion { found: 99, .. })
        ));
        assert_eq!(read_fieldwork_file(b"{"), Err(ImportError::Truncated));
    }
}
