//! Invitations: who is asked to answer which instruments, about whom, by whom, and until when
//! the answers are kept. An invitation carries names only, never contact details, and names the
//! exact text of each instrument (id, version and content hash).

use crate::domain::campaign::{Campaign, CampaignError, InstrumentId, KitPerson};
use crate::domain::instrument::builtin::{self, builtin_by_id, debrief_for, Known};
use crate::domain::instrument::definition::{DebriefSide, Form, Instrument};
use crate::domain::instrument::load::load_known;
use crate::domain::instrument::score::Response;
use crate::domain::limits::{MAX_NAME_CHARS, MAX_SESSIONS, MAX_TEXT_CHARS};
use crate::domain::text::{check_text, Bilingual};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The exact text of an instrument an invitation asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: String,
    pub hash: String,
}

impl InstrumentRef {
    pub fn of(instrument: &Instrument) -> Self {
        Self {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
            hash: instrument.hash().to_owned(),
        }
    }

    /// The built-in instrument with exactly this text, if this page holds it (the respondent's
    /// page holds those it fetched: [`Self::take_in`]).
    pub fn resolve(&self) -> Option<&'static Instrument> {
        resolve_text(&self.id, &self.version, &self.hash)
    }

    /// What this build knows of the instrument (every page does, text or not).
    pub fn known(&self) -> Option<&'static Known> {
        builtin::known(&self.id, &self.version, &self.hash)
    }

    /// Where the file of this exact text is served, relative to the pages (`None` for an
    /// instrument this build does not know).
    pub fn file_path(&self) -> Option<String> {
        self.known().map(builtin::file_path)
    }

    /// Takes in the text of the file fetched for this instrument: it must load and be exactly
    /// the text the invitation names (id, version and content hash); it is then held for the
    /// life of the page.
    pub fn take_in(&self, text: &str) -> Result<&'static Instrument, NotThisText> {
        // Only a known text is taken in, so its hash alone vouches for the rules.
        self.known().ok_or(NotThisText)?;
        let instrument = load_known(text, &self.hash).ok_or(NotThisText)?;
        if (instrument.id.as_str(), instrument.version.as_str())
            != (self.id.as_str(), self.version.as_str())
        {
            return Err(NotThisText);
        }
        Ok(builtin::add(instrument))
    }
}

/// A fetched instrument file that is not the text an invitation names (altered, or of another
/// version).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotThisText;

/// The built-in instrument with this id, version and content hash, if this build has it: the
/// current version or a superseded one, so that invitations and answers made before a new
/// version keep their exact text.
pub fn resolve_text(id: &str, version: &str, hash: &str) -> Option<&'static Instrument> {
    builtin::known_text(id, version, hash)
}

/// The exact instrument text a response was given to, if this build has it.
pub fn instrument_of(r: &Response) -> Option<&'static Instrument> {
    resolve_text(&r.instrument_id, &r.instrument_version, &r.instrument_hash)
}

/// Who a person of the campaign is as a respondent: a candidate, a mediator or the leader.
pub fn respondent_kind(campaign: &Campaign, id: Uuid) -> Option<RespondentKind> {
    if campaign.candidates.iter().any(|p| p.id == id) {
        Some(RespondentKind::Candidate)
    } else if campaign.mediators.iter().any(|p| p.id == id) {
        Some(RespondentKind::Mediator)
    } else if id == leader_id(campaign.id) {
        Some(RespondentKind::Leader)
    } else {
        None
    }
}

/// A respondent's name and kind as the campaign has them (the leader's title when no name is
/// given).
pub fn respondent(campaign: &Campaign, id: Uuid) -> Option<(String, RespondentKind)> {
    let kind = respondent_kind(campaign, id)?;
    let name = match kind {
        RespondentKind::Candidate => campaign
            .candidates
            .iter()
            .find(|p| p.id == id)?
            .name
            .clone(),
        RespondentKind::Mediator => campaign.mediators.iter().find(|p| p.id == id)?.name.clone(),
        RespondentKind::Leader if campaign.leader.name.trim().is_empty() => {
            campaign.leader.title.clone()
        }
        RespondentKind::Leader => campaign.leader.name.clone(),
    };
    Some((name, kind))
}

/// Who answers, as the campaign knows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RespondentKind {
    /// A candidate, about themself.
    Candidate,
    /// The hiring leader (CEO), about a candidate.
    Leader,
    /// A mediator, about a candidate.
    Mediator,
}

/// An invitation to answer one or more instruments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub campaign_name: String,
    pub role_name: Bilingual,
    /// Who asks (the recruiter's name or organisation), shown on the consent step.
    pub asked_by: String,
    pub respondent: KitPerson,
    pub kind: RespondentKind,
    /// The candidate an observer form is about; `None` for a self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<KitPerson>,
    pub instruments: Vec<InstrumentRef>,
    /// The work session a debrief invitation is about (since format version 4); `None` for
    /// self-assessments and observer forms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<InvitedSession>,
    /// The answers are kept until this day, then erased.
    #[serde(with = "crate::domain::timefmt::date")]
    pub keep_until: NaiveDate,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub issued_at: DateTime<Utc>,
}

/// The work session a debrief is about, as the respondent sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitedSession {
    pub id: Uuid,
    /// Its place in the campaign's plan, from 1.
    pub number: u8,
    #[serde(default, with = "crate::domain::timefmt::option::date")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub topic: String,
    /// The hiring leader's name (the title when no name is given): whom the candidate worked
    /// with. May be empty in an invitation made before it was recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leader: String,
}

/// Why an invitation cannot be made or read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvitationError {
    #[error("{0}")]
    Text(CampaignError),
    #[error("the person is not in the campaign")]
    UnknownPerson,
    #[error("the campaign plans no instrument this person can answer")]
    NothingToAnswer,
    #[error("an instrument is not one this version of Rally knows (or its text has changed)")]
    UnknownInstrument,
    #[error("the same instrument is asked twice")]
    DuplicateInstrument,
    #[error("an observer form must name the candidate it is about")]
    MissingSubject,
    #[error("a self-assessment cannot be about someone else")]
    UnexpectedSubject,
    #[error("the answers must be kept until a day after the invitation")]
    KeepUntilPast,
    #[error("the work session is not in the campaign")]
    UnknownSession,
}

/// The hiring leader's identifier as a respondent (kept with the campaign, which also names
/// the leader's erasure by it).
pub use crate::domain::campaign::leader_id;

/// The built-in instruments a respondent of this kind answers about the candidate, among those
/// the campaign plans: self forms for the candidate, observer forms for the leader and the
/// mediators. Never a session debrief (`Form::Debrief`), which is about a work session.
pub fn instruments_for(campaign: &Campaign, kind: RespondentKind) -> Vec<&'static Instrument> {
    let (form, suffix) = match kind {
        RespondentKind::Candidate => (Form::SelfReport, ""),
        RespondentKind::Leader | RespondentKind::Mediator => (Form::Observer, "-observer"),
    };
    InstrumentId::ALL
        .iter()
        .filter(|i| campaign.instruments.contains(i))
        .filter_map(|i| {
            let base = match i {
                InstrumentId::InterpersonalIntelligence => "interpersonal-intelligence",
                InstrumentId::IntelligenceOfParadoxes => "intelligence-of-paradoxes",
                InstrumentId::BusinessPartnerPosture => "business-partner-posture",
                InstrumentId::SupportAxisProfile => "support-axis-profile",
                InstrumentId::ThreePostures => "three-postures",
                InstrumentId::SessionDebrief | InstrumentId::ObservationGrid => return None,
            };
            builtin_by_id(&format!("{base}{suffix}"))
        })
        .filter(|i| i.form == form)
        .collect()
}

impl Invitation {
    /// An invitation for `respondent` (a candidate, the leader's [`leader_id`], or a mediator);
    /// observers answer about `subject`, a candidate.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        campaign: &Campaign,
        respondent_id: Uuid,
        subject: Option<Uuid>,
        asked_by: &str,
        keep_until: NaiveDate,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Invitation, InvitationError> {
        let (name, kind) =
            respondent(campaign, respondent_id).ok_or(InvitationError::UnknownPerson)?;
        let who = KitPerson {
            id: respondent_id,
            name,
        };
        let candidate = |id: Uuid| {
            campaign
                .candidates
                .iter()
                .find(|p| p.id == id)
                .map(|p| KitPerson {
                    id: p.id,
                    name: p.name.clone(),
                })
        };
        let subject = match (kind, subject) {
            (RespondentKind::Candidate, None) => None,
            (RespondentKind::Candidate, Some(_)) => return Err(InvitationError::UnexpectedSubject),
            (_, None) => return Err(InvitationError::MissingSubject),
            (_, Some(s)) => Some(candidate(s).ok_or(InvitationError::UnknownPerson)?),
        };
        let instruments: Vec<InstrumentRef> = instruments_for(campaign, kind)
            .into_iter()
            .map(InstrumentRef::of)
            .collect();
        let inv = Invitation {
            id,
            campaign_id: campaign.id,
            campaign_name: campaign.name.clone(),
            role_name: campaign.role.name.clone(),
            asked_by: asked_by.trim().to_owned(),
            respondent: who,
            kind,
            subject,
            instruments,
            session: None,
            keep_until,
            issued_at: now,
        };
        inv.check()?;
        Ok(inv)
    }

    /// An invitation to debrief one work session: the leader about the session with
    /// `candidate`, or the candidate about their own session with the leader (`respondent_id`
    /// is then the candidate, and `candidate` the same person).
    #[allow(clippy::too_many_arguments)]
    pub fn debrief(
        campaign: &Campaign,
        session_id: Uuid,
        respondent_id: Uuid,
        candidate: Uuid,
        asked_by: &str,
        keep_until: NaiveDate,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Invitation, InvitationError> {
        let (name, kind) =
            respondent(campaign, respondent_id).ok_or(InvitationError::UnknownPerson)?;
        let side = match kind {
            RespondentKind::Leader => DebriefSide::Leader,
            RespondentKind::Candidate if respondent_id == candidate => DebriefSide::Candidate,
            _ => return Err(InvitationError::UnknownPerson),
        };
        let (number, s) = campaign
            .sessions
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == session_id)
            .ok_or(InvitationError::UnknownSession)?;
        let person = campaign
            .candidates
            .iter()
            .find(|p| p.id == candidate)
            .ok_or(InvitationError::UnknownPerson)?;
        let inv = Invitation {
            id,
            campaign_id: campaign.id,
            campaign_name: campaign.name.clone(),
            role_name: campaign.role.name.clone(),
            asked_by: asked_by.trim().to_owned(),
            respondent: KitPerson {
                id: respondent_id,
                name,
            },
            kind,
            subject: (side == DebriefSide::Leader).then(|| KitPerson {
                id: person.id,
                name: person.name.clone(),
            }),
            instruments: vec![InstrumentRef::of(debrief_for(side))],
            session: Some(InvitedSession {
                id: s.id,
                number: (number + 1) as u8,
                date: s.date,
                topic: s.topic.clone(),
                leader: if campaign.leader.name.trim().is_empty() {
                    campaign.leader.title.clone()
                } else {
                    campaign.leader.name.clone()
                },
            }),
            keep_until,
            issued_at: now,
        };
        inv.check()?;
        Ok(inv)
    }

    /// The side of the session debrief this invitation asks for, if it is one.
    pub fn debrief_side(&self) -> Option<DebriefSide> {
        self.session.as_ref()?;
        match self.kind {
            RespondentKind::Leader => Some(DebriefSide::Leader),
            RespondentKind::Candidate => Some(DebriefSide::Candidate),
            RespondentKind::Mediator => None,
        }
    }

    /// The invariants of an invitation read from a file or a link.
    pub fn check(&self) -> Result<(), InvitationError> {
        let text =
            |t: &str| check_text(t, MAX_NAME_CHARS).map_err(|e| InvitationError::Text(e.into()));
        text(&self.campaign_name)?;
        text(&self.asked_by)?;
        text(&self.respondent.name)?;
        text(&self.role_name.fr)?;
        text(&self.role_name.en)?;
        if self.asked_by.trim().is_empty() || self.respondent.name.trim().is_empty() {
            return Err(InvitationError::Text(CampaignError::NameRequired));
        }
        match (self.kind, &self.subject) {
            (RespondentKind::Candidate, Some(_)) => return Err(InvitationError::UnexpectedSubject),
            (RespondentKind::Leader | RespondentKind::Mediator, None) => {
                return Err(InvitationError::MissingSubject)
            }
            (_, Some(s)) => text(&s.name)?,
            _ => {}
        }
        if self.instruments.is_empty() {
            return Err(InvitationError::NothingToAnswer);
        }
        if let Some(s) = &self.session {
            check_text(&s.topic, MAX_TEXT_CHARS).map_err(|e| InvitationError::Text(e.into()))?;
            text(&s.leader)?;
            if s.number == 0 || usize::from(s.number) > MAX_SESSIONS {
                return Err(InvitationError::UnknownSession);
            }
            if self.kind == RespondentKind::Mediator || self.instruments.len() != 1 {
                return Err(InvitationError::UnknownInstrument);
            }
        }
        // Checked against the index, which every page holds: the respondent's page checks an
        // invitation before it fetches the texts.
        for (i, r) in self.instruments.iter().enumerate() {
            let Some(instrument) = r.known() else {
                return Err(InvitationError::UnknownInstrument);
            };
            let expected = match (self.debrief_side(), self.kind) {
                (Some(side), _) => Form::Debrief(side),
                (None, RespondentKind::Candidate) => Form::SelfReport,
                (None, _) => Form::Observer,
            };
            if instrument.form != expected {
                return Err(InvitationError::UnknownInstrument);
            }
            if self.instruments[..i].iter().any(|o| o.id == r.id) {
                return Err(InvitationError::DuplicateInstrument);
            }
        }
        if self.keep_until <= self.issued_at.date_naive() {
            return Err(InvitationError::KeepUntilPast);
        }
        Ok(())
    }

    /// The instruments to answer, in order (all known: [`Self::check`] passed).
    pub fn resolved(&self) -> Vec<&'static Instrument> {
        self.instruments
            .iter()
            .filter_map(InstrumentRef::resolve)
            .collect()
    }

    /// How many items the invitation asks in all.
    pub fn item_count(&self) -> usize {
        self.resolved().iter().map(|i| i.items.len()).sum()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};

    pub fn keep() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
    }

    pub fn candidate_invitation() -> Invitation {
        let c = sample();
        let who = c.candidates[0].id;
        Invitation::new(&c, who, None, "Cabinet Rivière", keep(), id(900), at(0)).unwrap()
    }

    #[test]
    fn a_candidate_is_asked_the_self_forms_of_the_planned_instruments() {
        let inv = candidate_invitation();
        assert_eq!(inv.kind, RespondentKind::Candidate);
        assert!(!inv.instruments.is_empty());
        for r in inv.resolved() {
            assert_eq!(r.form, Form::SelfReport);
        }
        assert_eq!(inv.check(), Ok(()));
        assert!(inv.item_count() >= 30);
        assert!(!serde_json::to_string(&inv).unwrap().contains('@'));
    }

    #[test]
    fn observers_answer_about_a_candidate() {
        let c = sample();
        let cand = c.candidates[0].id;
        let leader = leader_id(c.id);
        let inv = Invitation::new(&c, leader, Some(cand), "R", keep(), id(901), at(0)).unwrap();
        assert_eq!(inv.kind, RespondentKind::Leader);
        assert_eq!(inv.subject.as_ref().unwrap().id, cand);
        assert!(inv.resolved().iter().all(|i| i.form == Form::Observer));
        assert_eq!(
            Invitation::new(&c, leader, None, "R", keep(), id(902), at(0)),
            Err(InvitationError::MissingSubject)
        );
        assert_eq!(
            Invitation::new(&c, cand, Some(cand), "R", keep(), id(903), at(0)),
            Err(InvitationError::UnexpectedSubject)
        );
        assert_eq!(
            Invitation::new(&c, id(4242), None, "R", keep(), id(904), at(0)),
            Err(InvitationError::UnknownPerson)
        );
        let med = c.mediators[0].id;
        let inv = Invitation::new(&c, med, Some(cand), "R", keep(), id(905), at(0)).unwrap();
        assert_eq!(inv.kind, RespondentKind::Mediator);
    }

    #[test]
    fn a_changed_instrument_text_or_a_past_retention_is_refused() {
        let mut inv = candidate_invitation();
        inv.instruments[0].hash = "fnv1a64:0000000000000000".into();
        assert_eq!(inv.check(), Err(InvitationError::UnknownInstrument));
        let mut inv = candidate_invitation();
        inv.keep_until = at(0).date_naive();
        assert_eq!(inv.check(), Err(InvitationError::KeepUntilPast));
        let mut inv = candidate_invitation();
        let first = inv.instruments[0].clone();
        inv.instruments.push(first);
        assert_eq!(inv.check(), Err(InvitationError::DuplicateInstrument));
        let mut inv = candidate_invitation();
        inv.asked_by = "  ".into();
        assert!(inv.check().is_err());
    }

    #[test]
    fn session_debriefs_are_never_handed_out_as_self_assessments() {
        let mut c = sample();
        c.instruments = InstrumentId::ALL.to_vec();
        for kind in [
            RespondentKind::Candidate,
            RespondentKind::Leader,
            RespondentKind::Mediator,
        ] {
            let forms: Vec<Form> = instruments_for(&c, kind).iter().map(|i| i.form).collect();
            assert!(!forms.is_empty(), "{kind:?}");
            assert!(
                forms
                    .iter()
                    .all(|f| matches!(f, Form::SelfReport | Form::Observer)),
                "{kind:?}: {forms:?}"
            );
        }
        // Nor does an invitation that names one pass its checks.
        let mut inv = candidate_invitation();
        let debrief = crate::domain::instrument::debrief_for(
            crate::domain::instrument::DebriefSide::Candidate,
        );
        inv.instruments = vec![InstrumentRef::of(debrief)];
        assert!(InstrumentRef::of(debrief).resolve().is_some());
        assert_eq!(inv.check(), Err(InvitationError::UnknownInstrument));
    }

    /// The respondent's page fetches the file of an instrument (`tools/postbuild.py` writes it
    /// minified) and takes it in only if it is exactly the text the invitation names.
    #[test]
    fn a_fetched_instrument_is_taken_in_only_if_it_is_the_named_text() {
        let text = include_str!("../../../data/instruments/interpersonal-intelligence.json");
        let r = InstrumentRef::of(builtin_by_id("interpersonal-intelligence").unwrap());
        assert_eq!(
            r.file_path().as_deref(),
            Some("instruments/interpersonal-intelligence-1.0.0.json")
        );
        let minified =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).unwrap())
                .unwrap();
        for file in [text, minified.as_str()] {
            let taken = r.take_in(file).expect("the named text");
            assert_eq!(InstrumentRef::of(taken), r);
            assert!(std::ptr::eq(taken, r.resolve().unwrap()));
        }
        let altered = text.replacen("\"fr\": \"", "\"fr\": \"Vraiment, ", 1);
        assert_ne!(altered, text);
        assert_eq!(r.take_in(&altered), Err(NotThisText));
        assert_eq!(r.take_in("{}"), Err(NotThisText));
        assert_eq!(r.take_in("not json"), Err(NotThisText));
        let old = InstrumentRef {
            version: "0.9.0".into(),
            ..r.clone()
        };
        assert_eq!(old.file_path(), None);
        assert_eq!(old.take_in(text), Err(NotThisText));
        let observer =
            InstrumentRef::of(builtin_by_id("interpersonal-intelligence-observer").unwrap());
        assert_eq!(observer.take_in(text), Err(NotThisText));
    }

    /// A response to `instrument` (any text, current or superseded), every item answered 5.
    fn all_fives(instrument: &Instrument) -> Response {
        let mut r = Response::start(instrument, id(950), id(1), id(2), at(0));
        r.answers = instrument
            .items
            .iter()
            .map(|it| crate::domain::instrument::score::Answer {
                item: it.id.clone(),
                value: Some(5),
                ms: None,
            })
            .collect();
        r
    }

    #[test]
    fn answers_to_a_superseded_version_still_score_with_their_own_text() {
        use crate::domain::instrument::score::{score, ScoreError};
        const PXO: &str = "intelligence-of-paradoxes-observer";
        let current = builtin_by_id(PXO).unwrap();
        let old = resolve_text(PXO, "1.0.0", "fnv1a64:957fa1fb073318a5").expect("kept");
        assert_eq!((old.version.as_str(), old.items.len()), ("1.0.0", 36));
        assert_eq!(
            (current.version.as_str(), current.items.len()),
            ("1.1.0", 48)
        );
        assert_eq!(
            resolve_text(PXO, &current.version, current.hash()),
            Some(current)
        );
        // The version and the hash must both match.
        assert_eq!(resolve_text(PXO, "1.1.0", old.hash()), None);
        assert_eq!(resolve_text(PXO, "1.0.0", current.hash()), None);

        // Answered 5 throughout: a pole of 1.0.0 has 3 items, one reverse-keyed,
        // (5 + 5 + 1) / 3 = 11/3, POMP 66.67; a pole of 1.1.0 has 4, (5 + 5 + 5 + 1) / 4 = 4,
        // POMP 75. Each response finds its own text and scores with it.
        for (text, items, holding) in [(old, 36, 200.0 / 3.0), (current, 48, 75.0)] {
            let r = all_fives(text);
            let found = instrument_of(&r).unwrap();
            assert!(std::ptr::eq(found, text), "{}", text.version);
            let s = score(found, &r).unwrap();
            assert_eq!(s.instrument_version, text.version);
            assert_eq!(s.facets.iter().map(|f| f.items).sum::<usize>(), items);
            for f in &s.facets {
                let p = f.poles().unwrap();
                assert!(
                    (p.holding - holding).abs() < 1e-9,
                    "{} {}",
                    text.version,
                    f.facet
                );
            }
        }
        // Never against the other text.
        assert!(matches!(
            score(current, &all_fives(old)),
            Err(ScoreError::HashMismatch { .. })
        ));

        // One blank per pole: 1.1.0 still scores every facet (3 of 4), 1.0.0 scores none.
        let blank_first_of_each_pole = |text: &Instrument| {
            let mut r = all_fives(text);
            for f in &text.facets {
                for pole in crate::domain::instrument::Pole::BOTH {
                    let first = text.items_of_pole(&f.id, pole).next().unwrap();
                    let a = r.answers.iter_mut().find(|a| a.item == first.id).unwrap();
                    a.value = None;
                }
            }
            score(text, &r).unwrap()
        };
        assert!(blank_first_of_each_pole(current)
            .facets
            .iter()
            .all(|f| f.pomp().is_some()));
        assert!(blank_first_of_each_pole(old)
            .facets
            .iter()
            .all(|f| f.pomp().is_none()));
    }

    #[test]
    fn new_invitations_name_the_current_version_and_old_ones_still_hold() {
        let mut c = sample();
        c.instruments = vec![InstrumentId::IntelligenceOfParadoxes];
        let (cand, leader) = (c.candidates[0].id, leader_id(c.id));
        let inv = Invitation::new(&c, leader, Some(cand), "R", keep(), id(906), at(0)).unwrap();
        let current = builtin_by_id("intelligence-of-paradoxes-observer").unwrap();
        assert_eq!(inv.instruments, vec![InstrumentRef::of(current)]);
        assert_eq!(inv.item_count(), 48);
        // An invitation issued before 1.1.0 keeps asking the 1.0.0 text.
        let mut before = inv.clone();
        before.instruments = vec![InstrumentRef {
            id: current.id.clone(),
            version: "1.0.0".into(),
            hash: "fnv1a64:957fa1fb073318a5".into(),
        }];
        assert_eq!(before.check(), Ok(()));
        assert_eq!(before.item_count(), 36);
    }

    #[test]
    fn the_leader_id_is_stable_and_distinct() {
        let c = sample();
        assert_eq!(leader_id(c.id), leader_id(c.id));
        assert_ne!(leader_id(c.id), c.id);
        assert_eq!(leader_id(leader_id(c.id)), c.id);
    }

    #[test]
    fn a_debrief_is_asked_of_the_leader_and_of_the_candidate_about_one_session() {
        use crate::domain::survey::{refusal, Refusal};
        let c = sample();
        let (cand, leader, session) = (c.candidates[0].id, leader_id(c.id), c.sessions[1].id);
        let lead =
            Invitation::debrief(&c, session, leader, cand, "R", keep(), id(910), at(0)).unwrap();
        assert_eq!(lead.debrief_side(), Some(DebriefSide::Leader));
        assert_eq!(lead.subject.as_ref().map(|s| s.id), Some(cand));
        assert_eq!(lead.session.as_ref().map(|s| s.number), Some(2));
        assert_eq!(lead.item_count(), 18);
        let own =
            Invitation::debrief(&c, session, cand, cand, "R", keep(), id(911), at(0)).unwrap();
        assert_eq!(own.debrief_side(), Some(DebriefSide::Candidate));
        assert!(own.subject.is_none());
        assert_eq!(
            own.session.as_ref().map(|s| s.leader.as_str()),
            Some("Claire Martin")
        );
        // A mediator does not debrief; a candidate does not debrief someone else's session;
        // the session must be the campaign's.
        let mediator = c.mediators[0].id;
        assert!(
            Invitation::debrief(&c, session, mediator, cand, "R", keep(), id(912), at(0)).is_err()
        );
        assert_eq!(
            Invitation::debrief(&c, id(999), leader, cand, "R", keep(), id(913), at(0)),
            Err(InvitationError::UnknownSession)
        );
        // A debrief invitation must ask exactly its debrief.
        let mut wrong = lead.clone();
        wrong.instruments = own.instruments.clone();
        assert_eq!(wrong.check(), Err(InvitationError::UnknownInstrument));

        // The answers: taken in for the session; refused without it, or for a session
        // elsewhere, or from the wrong person.
        let answered = |inv: &Invitation, respondent: Uuid, subject: Option<Uuid>| {
            let mut r = all_fives(inv.resolved()[0]);
            r.campaign_id = c.id;
            r.respondent_id = respondent;
            r.subject_id = subject;
            r.session_id = Some(session);
            r.open_answer = Some("Plus de temps pour conclure.".into());
            r
        };
        let camps = [c.clone()];
        assert_eq!(refusal(&camps, &answered(&lead, leader, Some(cand))), None);
        assert_eq!(refusal(&camps, &answered(&own, cand, None)), None);
        let mut no_session = answered(&own, cand, None);
        no_session.session_id = None;
        assert_eq!(refusal(&camps, &no_session), Some(Refusal::NotInCampaign));
        let mut elsewhere = answered(&own, cand, None);
        elsewhere.session_id = Some(id(999));
        assert_eq!(refusal(&camps, &elsewhere), Some(Refusal::NotInCampaign));
        assert_eq!(
            refusal(&camps, &answered(&lead, cand, Some(cand))),
            Some(Refusal::NotInCampaign)
        );
        let mut too_long = answered(&own, cand, None);
        too_long.open_answer = Some("x".repeat(1001));
        assert_eq!(refusal(&camps, &too_long), Some(Refusal::BadAnswers));
    }
}
