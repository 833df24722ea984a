//! A person's data as one CSV table, for a spreadsheet: one row per fact, in five columns —
//! the part of the record (`section`), the record's identifier, its date, the field and the
//! value. The same conventions as every CSV of Rally (`docs/file-format.md`, "CSV exports"):
//! UTF-8 with a byte-order mark, commas, CRLF, RFC 4180 quoting, and a leading apostrophe on a
//! text a spreadsheet would run as a formula. Column titles follow the language; sections,
//! fields and codes do not, so that files in both languages read the same way.

use super::export::PersonData;
use crate::domain::lang::{catalogue, Lang};
use crate::domain::observation::csv::{mm_ss_mmm, push_row};
use crate::domain::timefmt::{write_date, write_utc};
use serde::Serialize;

catalogue! {
    Col;
    Section => "partie", "section";
    Record => "enregistrement", "record";
    Date => "date", "date";
    Field => "champ", "field";
    Value => "valeur", "value";
}

/// The column titles, in order.
pub const COLUMNS: [Col; 5] = [Col::Section, Col::Record, Col::Date, Col::Field, Col::Value];

/// A code as serde writes it (`candidate`, `offer`, `submitted`…).
fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

struct Table {
    out: String,
}

impl Table {
    /// A row; `text` marks a free text (names, reasons, notes, answers), guarded against
    /// formulas.
    fn row(
        &mut self,
        section: &str,
        record: &str,
        date: &str,
        field: &str,
        value: &str,
        text: bool,
    ) {
        push_row(
            &mut self.out,
            &[
                (section, false),
                (record, false),
                (date, false),
                (field, false),
                (value, text),
            ],
        );
    }
}

/// The CSV of [`PersonData`] (titles in `lang`).
pub fn person_data_csv(data: &PersonData, lang: Lang) -> String {
    let mut t = Table {
        out: String::from("\u{feff}"),
    };
    let titles: Vec<(&str, bool)> = COLUMNS.iter().map(|c| (c.get(lang), false)).collect();
    push_row(&mut t.out, &titles);
    let p = &data.person;
    let id = p.id.to_string();
    t.row("person", &id, "", "kind", &code(&p.kind), false);
    t.row("person", &id, "", "name", &p.name, true);
    if let Some(email) = &p.email {
        t.row("person", &id, "", "email", email, true);
    }
    if let Some(title) = &p.title {
        t.row("person", &id, "", "title", title, true);
    }
    let c = &data.campaign;
    let cid = c.id.to_string();
    t.row("campaign", &cid, "", "name", &c.name, true);
    t.row("campaign", &cid, "", "role", c.role.get(lang), true);
    t.row(
        "campaign",
        &cid,
        "",
        "retention_months",
        &c.retention_months.to_string(),
        false,
    );
    if let Some(d) = c.keep_until {
        t.row(
            "campaign",
            &cid,
            &write_date(d),
            "keep_until",
            &write_date(d),
            false,
        );
    }
    for d in &data.decisions {
        let (rid, day) = (d.id.to_string(), write_date(d.decided_on));
        t.row("decision", &rid, &day, "kind", &code(&d.kind), false);
        t.row("decision", &rid, &day, "rationale", &d.rationale, true);
        t.row(
            "decision",
            &rid,
            &day,
            "recorded_at",
            &write_utc(&d.recorded_at),
            false,
        );
    }
    for r in &data.responses {
        let x = &r.response;
        let (rid, day) = (x.id.to_string(), write_utc(&x.submitted_at));
        t.row("response", &rid, &day, "relation", r.relation, false);
        if let Some(k) = r.respondent_kind {
            t.row("response", &rid, &day, "respondent_kind", &code(&k), false);
        }
        let instrument = format!("{} {}", x.instrument_id, x.instrument_version);
        t.row("response", &rid, &day, "instrument", &instrument, false);
        if let Some(s) = x.session_id {
            t.row("response", &rid, &day, "session_id", &s.to_string(), false);
        }
        t.row(
            "response",
            &rid,
            &day,
            "started_at",
            &write_utc(&x.started_at),
            false,
        );
        for a in &x.answers {
            let value = a.value.map(|v| v.to_string()).unwrap_or_default();
            t.row("answer", &rid, &day, &a.item, &value, false);
        }
        if let Some(open) = &x.open_answer {
            t.row("response", &rid, &day, "open_answer", open, true);
        }
    }
    for o in &data.observations {
        let x = &o.observation;
        let (rid, day) = (x.id.to_string(), write_utc(&x.created_at));
        t.row("observation", &rid, &day, "relation", o.relation, false);
        if let Some(n) = o.session_number {
            t.row(
                "observation",
                &rid,
                &day,
                "session_number",
                &n.to_string(),
                false,
            );
        }
        t.row("observation", &rid, &day, "status", &code(&x.status), false);
        for e in &x.events {
            let mut what = format!(
                "{} {}",
                mm_ss_mmm(e.at_ms),
                e.actor.map(|a| code(&a)).unwrap_or_else(|| "-".into())
            );
            what.push(' ');
            what.push_str(&e.code);
            if let Some(m) = &e.modifier {
                what.push(' ');
                what.push_str(m);
            }
            t.row("event", &rid, &day, "event", &what, false);
        }
        for n in &x.notes {
            t.row("note", &rid, &day, &mm_ss_mmm(n.at_ms), &n.text, true);
        }
        for r in &x.ratings {
            t.row(
                "rating",
                &rid,
                &day,
                &r.dimension,
                &r.level.to_string(),
                false,
            );
            if !r.comment.is_empty() {
                t.row(
                    "rating",
                    &rid,
                    &day,
                    &format!("{}_comment", r.dimension),
                    &r.comment,
                    true,
                );
            }
        }
        if !x.synthesis.is_empty() {
            t.row("observation", &rid, &day, "synthesis", &x.synthesis, true);
        }
    }
    for i in &data.invitations {
        let (rid, day) = (i.id.to_string(), write_utc(&i.issued_at));
        t.row("invitation", &rid, &day, "relation", i.relation, false);
        t.row(
            "invitation",
            &rid,
            &day,
            "respondent_kind",
            &code(&i.respondent_kind),
            false,
        );
        let instruments: Vec<String> = i
            .instruments
            .iter()
            .map(|x| format!("{} {}", x.id, x.version))
            .collect();
        t.row(
            "invitation",
            &rid,
            &day,
            "instruments",
            &instruments.join("; "),
            false,
        );
        if let Some(s) = &i.session {
            t.row(
                "invitation",
                &rid,
                &day,
                "session_number",
                &s.number.to_string(),
                false,
            );
        }
        t.row(
            "invitation",
            &rid,
            &day,
            "keep_until",
            &write_date(i.keep_until),
            false,
        );
    }
    for k in &data.kits {
        t.row(
            "kit",
            &k.id.to_string(),
            &write_utc(&k.issued_at),
            "relation",
            k.relation,
            false,
        );
    }
    for e in &data.erasures {
        let day = write_utc(&e.erased_at);
        t.row(
            "erasure",
            &e.person_id.to_string(),
            &day,
            "scope",
            &code(&e.scope),
            false,
        );
    }
    t.out
}
