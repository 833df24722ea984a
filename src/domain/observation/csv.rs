//! CSV export of coded events, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
//! accents right), comma-separated, RFC 4180 quoting (a field holding a comma, a quote or a
//! line break is quoted, quotes doubled), CRLF line ends. Columns in `docs/schemes.md`.
//!
//! A text field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) gets a leading apostrophe: a mediator's note can never execute
//! in the recruiter's spreadsheet.

use super::log::{Event, Note, Observation};
use super::scheme::{Actor, Code, Scheme};
use crate::domain::lang::Lang;
use std::collections::HashMap;

/// One observation to export, with the names the recruiter reads for it.
#[derive(Clone, Copy, Debug)]
pub struct CsvSession<'a> {
    pub observation: &'a Observation,
    /// How the session is named in the export (e.g. "Séance 2 — 2026-12-03").
    pub session: &'a str,
    /// The mediator's name.
    pub mediator: &'a str,
}

/// The column titles, in the chosen language.
pub fn header(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Fr => [
            "séance",
            "médiateur",
            "temps",
            "temps_ms",
            "acteur",
            "code",
            "libellé",
            "catégorie",
            "modalité",
            "durée_ms",
            "note",
        ],
        Lang::En => [
            "session",
            "mediator",
            "time",
            "time_ms",
            "actor",
            "code",
            "label",
            "category",
            "modifier",
            "duration_ms",
            "note",
        ],
    }
}

/// Session time as `mm:ss.mmm` (minutes are not wrapped into hours: `75:02.500`).
pub fn mm_ss_mmm(ms: u64) -> String {
    format!(
        "{:02}:{:02}.{:03}",
        ms / 60_000,
        (ms / 1_000) % 60,
        ms % 1_000
    )
}

/// One field, quoted when needed; `text` fields are protected against formulas.
fn push_field(out: &mut String, value: &str, text: bool) {
    let guard = text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

pub(crate) fn push_row(out: &mut String, fields: &[(&str, bool)]) {
    for (i, (value, text)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, value, *text);
    }
    out.push_str("\r\n");
}

fn actor_label(scheme: &Scheme, actor: Actor, lang: Lang) -> String {
    scheme
        .actor(actor)
        .map(|k| k.label.get(lang).to_owned())
        .unwrap_or_else(|| format!("{actor:?}"))
}

/// What a row shows for one code, looked up once per export.
struct CodeText<'s> {
    key: &'s str,
    label: &'s str,
    category: &'s str,
    code: &'s Code,
}

fn event_row(
    out: &mut String,
    s: &CsvSession,
    texts: &HashMap<&str, CodeText>,
    actors: &[String; 2],
    lang: Lang,
    e: &Event,
) {
    let (key, label, category, modifier) = match texts.get(e.code.as_str()) {
        Some(t) => (
            t.key,
            t.label,
            t.category,
            e.modifier
                .as_deref()
                .map(|m| t.code.modifier(m).map_or(m, |m| m.label.get(lang)))
                .unwrap_or_default(),
        ),
        // A code the scheme does not know: its identifier, so nothing is lost.
        None => (
            "",
            e.code.as_str(),
            "",
            e.modifier.as_deref().unwrap_or_default(),
        ),
    };
    let time = mm_ss_mmm(e.at_ms);
    let ms = e.at_ms.to_string();
    let duration = e.duration_ms.map(|d| d.to_string()).unwrap_or_default();
    let actor = e.actor.map_or("", |a| actors[a.index()].as_str());
    push_row(
        out,
        &[
            (s.session, true),
            (s.mediator, true),
            (&time, false),
            (&ms, false),
            (actor, true),
            (key, true),
            (label, true),
            (category, true),
            (modifier, true),
            (&duration, false),
            ("", true),
        ],
    );
}

fn note_row(out: &mut String, s: &CsvSession, n: &Note) {
    let time = mm_ss_mmm(n.at_ms);
    let ms = n.at_ms.to_string();
    push_row(
        out,
        &[
            (s.session, true),
            (s.mediator, true),
            (&time, false),
            (&ms, false),
            ("", true),
            ("", true),
            ("", true),
            ("", true),
            ("", true),
            ("", false),
            (&n.text, true),
        ],
    );
}

/// The events and notes of each observation, in the order given, each in time order (a note
/// after the events of the same millisecond). O(n) in events and notes.
pub fn events_csv(sessions: &[CsvSession], scheme: &Scheme, lang: Lang) -> String {
    let texts: HashMap<&str, CodeText> = scheme
        .codes
        .iter()
        .map(|c| {
            let category = scheme
                .category(&c.category)
                .map_or("", |k| k.label.get(lang));
            let text = CodeText {
                key: &c.key,
                label: c.label.get(lang),
                category,
                code: c,
            };
            (c.id.as_str(), text)
        })
        .collect();
    let actors = Actor::ALL.map(|a| actor_label(scheme, a, lang));
    let rows: usize = sessions
        .iter()
        .map(|s| s.observation.events.len() + s.observation.notes.len() + 1)
        .sum();
    let mut out = String::with_capacity(rows * 96);
    out.push('\u{feff}');
    push_row(&mut out, &header(lang).map(|h| (h, false)));
    for s in sessions {
        let (events, notes) = (&s.observation.events, &s.observation.notes);
        let (mut i, mut j) = (0, 0);
        while i < events.len() || j < notes.len() {
            let take_event = match (events.get(i), notes.get(j)) {
                (Some(e), Some(n)) => e.at_ms <= n.at_ms,
                (Some(_), None) => true,
                _ => false,
            };
            if take_event {
                event_row(&mut out, s, &texts, &actors, lang, &events[i]);
                i += 1;
            } else {
                note_row(&mut out, s, &notes[j]);
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{add, fresh, id, t};
    use crate::domain::observation::log::ObservationAction;
    use crate::domain::observation::scheme::default_scheme;

    fn sample() -> Observation {
        let s = default_scheme();
        let mut o = fresh();
        for (ms, action) in [
            (0, ObservationAction::StartClock),
            (
                65_250,
                ObservationAction::AddEvent {
                    id: id(10),
                    actor: Some(Actor::Candidate),
                    code: "reformulates".into(),
                    modifier: Some("faithful".into()),
                },
            ),
            (
                70_000,
                ObservationAction::AddNote {
                    id: id(20),
                    text: "Il dit « oui, mais », puis \"non\",\nà voir".into(),
                    at_ms: None,
                },
            ),
            (70_000, add(None, "silence", 11)),
            (73_500, ObservationAction::EndState { id: id(11) }),
            (
                80_000,
                ObservationAction::AddNote {
                    id: id(21),
                    text: "=HYPERLINK(\"http://x\")".into(),
                    at_ms: None,
                },
            ),
        ] {
            o.apply_mut(s, &action, t(ms)).unwrap();
        }
        o
    }

    #[test]
    fn rows_columns_quoting_and_bom() {
        let o = sample();
        let csv = events_csv(
            &[CsvSession {
                observation: &o,
                session: "Séance 2, Lyon",
                mediator: "Amina Benali",
            }],
            default_scheme(),
            Lang::Fr,
        );
        assert!(csv.starts_with('\u{feff}'));
        let expected = "\u{feff}séance,médiateur,temps,temps_ms,acteur,code,libellé,catégorie,modalité,durée_ms,note\r\n\
\"Séance 2, Lyon\",Amina Benali,01:05.250,65250,Candidat,r,Reformule,Méta-communication,Fidèle,,\r\n\
\"Séance 2, Lyon\",Amina Benali,01:10.000,70000,,m,Silence,Rythme et repères,,3500,\r\n\
\"Séance 2, Lyon\",Amina Benali,01:10.000,70000,,,,,,,\"Il dit « oui, mais », puis \"\"non\"\",\nà voir\"\r\n\
\"Séance 2, Lyon\",Amina Benali,01:20.000,80000,,,,,,,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn english_labels_and_several_sessions() {
        let o = sample();
        let csv = events_csv(
            &[
                CsvSession {
                    observation: &o,
                    session: "S1",
                    mediator: "M",
                },
                CsvSession {
                    observation: &fresh(),
                    session: "S2",
                    mediator: "M",
                },
            ],
            default_scheme(),
            Lang::En,
        );
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}session,mediator,time,time_ms,actor,code,label,category,modifier,duration_ms,note"
        );
        assert_eq!(
            lines[1],
            "S1,M,01:05.250,65250,Candidate,r,Reformulates,Meta-communication,Faithful,,"
        );
        assert_eq!(
            csv.matches("\r\n").count(),
            5,
            "header + 2 events + 2 notes"
        );
    }

    #[test]
    fn fields_and_times() {
        let mut s = String::new();
        push_field(&mut s, "plain", true);
        assert_eq!(s, "plain");
        for (value, text, expected) in [
            ("a,b", true, "\"a,b\""),
            ("say \"hi\"", true, "\"say \"\"hi\"\"\""),
            ("l1\r\nl2", true, "\"l1\r\nl2\""),
            ("-5", true, "'-5"),
            ("@SUM(A1)", true, "'@SUM(A1)"),
            ("=1,2", true, "\"'=1,2\""),
            ("-5", false, "-5"),
            ("Zoë — été", true, "Zoë — été"),
        ] {
            let mut s = String::new();
            push_field(&mut s, value, text);
            assert_eq!(s, expected, "{value:?}");
        }
        assert_eq!(mm_ss_mmm(0), "00:00.000");
        assert_eq!(mm_ss_mmm(65_250), "01:05.250");
        assert_eq!(mm_ss_mmm(4_502_007), "75:02.007");
    }
}
