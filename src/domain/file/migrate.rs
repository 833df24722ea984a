//! Migrations: each step takes a document of version N (as raw JSON) to version N + 1.
//! Steps work on `serde_json::Value` so that they keep reading files whose Rust types are gone.
//! Every released version keeps a fixture under `tests/fixtures/` to prove it still reads.

use serde_json::Value;

type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates version `i + 1` to version `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Version 2 added mediator kits and observations: a version 1 file has none.
fn v1_to_v2(mut doc: Value) -> Value {
    if let Some(obj) = doc.as_object_mut() {
        for key in ["kits", "observations"] {
            obj.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    doc
}

/// Version 3 added self-assessment invitations and responses: a version 2 file has none.
fn v2_to_v3(mut doc: Value) -> Value {
    if let Some(obj) = doc.as_object_mut() {
        for key in ["invitations", "responses"] {
            obj.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    doc
}

/// Version 4 added, all optional: the campaign's decisions, version choices, clock offsets and
/// sample mark; the candidate an observation was made with; the session a response or an
/// invitation is about (session debriefs) and a free-text answer. A version 3 file has none,
/// which reads as none, so the document itself is unchanged. In particular an observation
/// does not gain a candidate here even when its campaign has only one: two copies of one
/// observation, one migrated and one not, would then differ and be kept as two versions. The
/// candidate is told when reading (`Observation::candidate_among`).
fn v3_to_v4(doc: Value) -> Value {
    doc
}

/// Version 5 added each campaign's import log (`imports`: when each file was taken in and what
/// it brought). Rally did not keep one before: a version 4 campaign has an empty log, which
/// reads as absent, so the document is unchanged and nothing is lost. Its records read as
/// "imported before Rally kept an import log" in the decision report.
fn v4_to_v5(doc: Value) -> Value {
    doc
}

/// Brings a document of `from` version up to the current one.
/// The caller has already refused versions that are unknown or newer than this build.
pub fn migrate(mut doc: Value, from: u64) -> Value {
    let start = from.saturating_sub(1) as usize;
    for step in STEPS.iter().skip(start) {
        doc = step(doc);
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("format_version".into(), Value::from(super::CURRENT_VERSION));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_step_to_the_next() {
        assert_eq!(STEPS.len() as u64, super::super::CURRENT_VERSION - 1);
    }

    #[test]
    fn migrating_the_current_version_changes_nothing() {
        let v = serde_json::json!({"format": "rally", "format_version": 5, "campaigns": [], "kits": [], "observations": [], "invitations": [], "responses": []});
        assert_eq!(migrate(v.clone(), 5), v);
    }

    #[test]
    fn version_1_gains_empty_kits_and_observations() {
        let v1 = serde_json::json!({"format": "rally", "format_version": 1, "campaigns": []});
        let v2 = migrate(v1, 1);
        assert_eq!(v2["format_version"], 5);
        assert_eq!(v2["kits"], serde_json::json!([]));
        assert_eq!(v2["observations"], serde_json::json!([]));
    }

    #[test]
    fn version_2_gains_empty_invitations_and_responses() {
        let v2 = serde_json::json!({"format": "rally", "format_version": 2, "campaigns": [], "kits": []});
        let v3 = migrate(v2, 2);
        assert_eq!(v3["format_version"], 5);
        assert_eq!(v3["invitations"], serde_json::json!([]));
        assert_eq!(v3["responses"], serde_json::json!([]));
        assert_eq!(v3["kits"], serde_json::json!([]));
    }

    #[test]
    fn version_3_reads_as_is_with_no_candidate_forced_on_an_observation() {
        let v3 = serde_json::json!({"format": "rally", "format_version": 3, "campaigns": [],
            "observations": [{"id": "x", "campaign_id": "c"}]});
        let v4 = migrate(v3.clone(), 3);
        assert_eq!(v4["format_version"], 5);
        assert_eq!(v4["observations"], v3["observations"]);
    }

    #[test]
    fn version_4_reads_as_is_with_an_empty_import_log() {
        let v4 = serde_json::json!({"format": "rally", "format_version": 4,
            "campaigns": [{"id": "c", "name": "x", "revision": 3}]});
        let v5 = migrate(v4.clone(), 4);
        assert_eq!(v5["format_version"], 5);
        assert_eq!(v5["campaigns"], v4["campaigns"]);
        assert!(v5["campaigns"][0].get("imports").is_none());
    }
}
