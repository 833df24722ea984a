//! The "New campaign" form as plain data: what the recruiter has typed so far, and the check
//! that turns it into a [`Campaign`] or into one message per field. Also the parsing of the
//! browser's date and time inputs, so the shell never interprets text itself.

use crate::domain::campaign::{
    email_is_plausible, Campaign, CampaignError, InstrumentId, Leader, PeopleList, Person, Status,
    WorkSession,
};
use crate::domain::limits::{MAX_NAME_CHARS, MAX_PEOPLE, MAX_SESSIONS, MIN_SESSIONS};
use crate::domain::role::Role;
use crate::domain::text::check_text;
use crate::domain::timefmt;
use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use uuid::Uuid;

/// A field of the form that can carry an error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Role,
    LeaderName,
    LeaderTitle,
    Person(PeopleList, usize),
    Sessions,
}

/// What the recruiter has typed in the "New campaign" form.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignDraft {
    pub name: String,
    pub role_id: String,
    pub leader_name: String,
    pub leader_title: String,
    pub candidates: Vec<Person>,
    pub mediators: Vec<Person>,
    pub sessions: Vec<WorkSession>,
    pub instruments: Vec<InstrumentId>,
}

impl CampaignDraft {
    /// An empty form with three sessions planned and every instrument chosen.
    pub fn new(session_ids: [Uuid; MIN_SESSIONS]) -> Self {
        Self {
            name: String::new(),
            role_id: String::new(),
            leader_name: String::new(),
            leader_title: String::new(),
            candidates: Vec::new(),
            mediators: Vec::new(),
            sessions: session_ids
                .iter()
                .map(|id| WorkSession::empty(*id))
                .collect(),
            instruments: InstrumentId::ALL.to_vec(),
        }
    }

    /// Every problem, one per field, in the order of the form.
    pub fn problems(&self, library: &[Role]) -> Vec<(Field, CampaignError)> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push((Field::Name, CampaignError::NameRequired));
        } else if let Err(e) = check_text(&self.name, MAX_NAME_CHARS) {
            out.push((Field::Name, e.into()));
        }
        if !library.iter().any(|r| r.id == self.role_id) {
            out.push((Field::Role, CampaignError::BadRole));
        }
        if self.leader_name.trim().is_empty() {
            out.push((Field::LeaderName, CampaignError::LeaderRequired));
        } else if let Err(e) = check_text(&self.leader_name, MAX_NAME_CHARS) {
            out.push((Field::LeaderName, e.into()));
        }
        if let Err(e) = check_text(&self.leader_title, MAX_NAME_CHARS) {
            out.push((Field::LeaderTitle, e.into()));
        }
        for list in [PeopleList::Candidates, PeopleList::Mediators] {
            let people = self.people(list);
            if people.len() > MAX_PEOPLE {
                out.push((
                    Field::Person(list, MAX_PEOPLE),
                    CampaignError::TooManyPeople,
                ));
            }
            for (i, p) in people.iter().enumerate() {
                if is_blank_row(p) {
                    continue;
                }
                let problem = if p.name.trim().is_empty() {
                    Some(CampaignError::PersonNameRequired)
                } else if !email_is_plausible(&p.email) {
                    Some(CampaignError::BadEmail)
                } else {
                    check_text(&p.name, MAX_NAME_CHARS)
                        .and(check_text(&p.email, MAX_NAME_CHARS))
                        .err()
                        .map(CampaignError::from)
                };
                if let Some(e) = problem {
                    out.push((Field::Person(list, i), e));
                }
            }
        }
        if !(MIN_SESSIONS..=MAX_SESSIONS).contains(&self.sessions.len()) {
            out.push((Field::Sessions, CampaignError::SessionCount));
        }
        out
    }

    pub fn people(&self, list: PeopleList) -> &Vec<Person> {
        match list {
            PeopleList::Candidates => &self.candidates,
            PeopleList::Mediators => &self.mediators,
        }
    }

    pub fn people_mut(&mut self, list: PeopleList) -> &mut Vec<Person> {
        match list {
            PeopleList::Candidates => &mut self.candidates,
            PeopleList::Mediators => &mut self.mediators,
        }
    }

    /// The campaign this form describes, or every problem found.
    pub fn to_campaign(
        &self,
        library: &[Role],
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Campaign, Vec<(Field, CampaignError)>> {
        let problems = self.problems(library);
        if !problems.is_empty() {
            return Err(problems);
        }
        let role = library
            .iter()
            .find(|r| r.id == self.role_id)
            .cloned()
            .ok_or_else(|| vec![(Field::Role, CampaignError::BadRole)])?;
        let clean = |people: &[Person]| -> Vec<Person> {
            people
                .iter()
                .filter(|p| !is_blank_row(p))
                .map(|p| Person {
                    id: p.id,
                    name: p.name.trim().to_owned(),
                    email: p.email.trim().to_owned(),
                })
                .collect()
        };
        let campaign = Campaign {
            id,
            name: self.name.trim().to_owned(),
            role,
            leader: Leader {
                name: self.leader_name.trim().to_owned(),
                title: self.leader_title.trim().to_owned(),
            },
            candidates: clean(&self.candidates),
            mediators: clean(&self.mediators),
            sessions: self.sessions.clone(),
            instruments: self.instruments.clone(),
            status: Status::Draft,
            status_before_archive: None,
            created_at: now,
            updated_at: now,
            revision: 1,
            decisions: Vec::new(),
            version_choices: Vec::new(),
            clock_offsets: Vec::new(),
            sample: false,
            closed_on: None,
            retention_months: None,
            erasures: Vec::new(),
            imports: Vec::new(),
        };
        campaign.check().map_err(|e| vec![(Field::Sessions, e)])?;
        Ok(campaign)
    }
}

/// A row the recruiter added but left empty is ignored rather than refused.
fn is_blank_row(p: &Person) -> bool {
    p.name.trim().is_empty() && p.email.trim().is_empty()
}

/// A date or time input that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnreadableInput;

/// Reads the value of an `<input type="date">` (`YYYY-MM-DD`, or empty for "not set").
pub fn parse_date_input(text: &str) -> Result<Option<NaiveDate>, UnreadableInput> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    timefmt::read_date(t).map(Some).ok_or(UnreadableInput)
}

/// Reads the value of an `<input type="time">` (`HH:MM` or `HH:MM:SS`, or empty).
pub fn parse_time_input(text: &str) -> Result<Option<NaiveTime>, UnreadableInput> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    timefmt::read_time(t).map(Some).ok_or(UnreadableInput)
}

/// The value to put back into an `<input type="date">`.
pub fn date_input_value(date: Option<NaiveDate>) -> String {
    date.map(timefmt::write_date).unwrap_or_default()
}

/// The value to put back into an `<input type="time">`.
pub fn time_input_value(time: Option<NaiveTime>) -> String {
    time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id};
    use crate::domain::role::builtin_roles;

    fn filled() -> CampaignDraft {
        let mut d = CampaignDraft::new([id(30), id(31), id(32)]);
        d.name = " CSO Lyon ".into();
        d.role_id = "chief-support-officer".into();
        d.leader_name = "Claire Martin".into();
        d.candidates.push(Person {
            id: id(10),
            name: "Jean".into(),
            email: "".into(),
        });
        d.candidates.push(Person {
            id: id(11),
            name: " ".into(),
            email: "".into(),
        });
        d
    }

    #[test]
    fn empty_form_lists_each_required_field() {
        let d = CampaignDraft::new([id(1), id(2), id(3)]);
        let fields: Vec<Field> = d
            .problems(builtin_roles())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, vec![Field::Name, Field::Role, Field::LeaderName]);
    }

    #[test]
    fn filled_form_makes_a_draft_campaign_and_skips_blank_rows() {
        let c = filled().to_campaign(builtin_roles(), id(1), at(0)).unwrap();
        assert_eq!(c.name, "CSO Lyon");
        assert_eq!(c.status, Status::Draft);
        assert_eq!(c.candidates.len(), 1);
        assert_eq!(c.role.id, "chief-support-officer");
        assert_eq!(c.sessions.len(), 3);
        assert_eq!(c.revision, 1);
    }

    #[test]
    fn person_with_email_but_no_name_is_flagged_on_its_row() {
        let mut d = filled();
        d.mediators.push(Person {
            id: id(20),
            name: "".into(),
            email: "x@y.fr".into(),
        });
        d.candidates[0].email = "nope".into();
        let p = d.problems(builtin_roles());
        assert!(p.contains(&(
            Field::Person(PeopleList::Mediators, 0),
            CampaignError::PersonNameRequired
        )));
        assert!(p.contains(&(
            Field::Person(PeopleList::Candidates, 0),
            CampaignError::BadEmail
        )));
    }

    #[test]
    fn date_and_time_inputs() {
        assert_eq!(parse_date_input(""), Ok(None));
        assert_eq!(
            parse_date_input("2026-12-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 1))
        );
        assert_eq!(parse_date_input("2026-02-30"), Err(UnreadableInput));
        assert_eq!(
            parse_time_input("09:30"),
            Ok(NaiveTime::from_hms_opt(9, 30, 0))
        );
        assert_eq!(parse_time_input("25:00"), Err(UnreadableInput));
        assert_eq!(
            date_input_value(NaiveDate::from_ymd_opt(2026, 1, 5)),
            "2026-01-05"
        );
        assert_eq!(time_input_value(NaiveTime::from_hms_opt(7, 5, 0)), "07:05");
    }
}
