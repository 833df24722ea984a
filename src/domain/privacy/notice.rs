//! What the information notice (GDPR art. 13–14) and the record of processing (art. 30) say
//! about a campaign, as data: who is responsible ([`Controller`], entered once in Settings),
//! what the campaign collects, about whom, and for how long. The message catalogue
//! (`i18n::privacy`) turns these facts into the notice page and the record in both languages.

use crate::domain::campaign::{Campaign, InstrumentId};
use crate::domain::fieldwork::Fieldwork;
use crate::domain::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::survey::{instruments_for, RespondentKind};
use crate::domain::text::{check_text, Bilingual, TextError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who decides why and how the data is processed (the controller), and how people reach
/// them: as the recruiter enters it in Settings, kept in this browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Controller {
    /// The organisation that recruits (or the firm, for its client).
    #[serde(default)]
    pub organisation: String,
    /// Its postal address.
    #[serde(default)]
    pub address: String,
    /// Where people write to use their rights (an e-mail or a postal address).
    #[serde(default)]
    pub contact: String,
    /// The data protection officer's contact; empty when none is designated.
    #[serde(default)]
    pub dpo: String,
}

impl Controller {
    /// Each text within bounds and free of invisible characters.
    pub fn check(&self) -> Result<(), TextError> {
        check_text(&self.organisation, MAX_NAME_CHARS)?;
        check_text(&self.address, MAX_TEXT_CHARS)?;
        check_text(&self.contact, MAX_NAME_CHARS)?;
        check_text(&self.dpo, MAX_NAME_CHARS)
    }

    /// Whether the notice has what it needs: an organisation and a contact.
    pub fn is_complete(&self) -> bool {
        !self.organisation.trim().is_empty() && !self.contact.trim().is_empty()
    }
}

/// What the notice and the record say about one campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeFacts {
    pub campaign: String,
    pub role: Bilingual,
    pub controller: Controller,
    /// The hiring leader's title (empty when none, or erased).
    pub leader_title: String,
    /// Titles of the self-assessment questionnaires the campaign plans.
    pub self_assessments: Vec<Bilingual>,
    /// The leader and the mediators answer observer forms about the candidates.
    pub observer_forms: bool,
    /// The leader and the candidate each answer a debrief after each session.
    pub debriefs: bool,
    /// Mediators observe the work sessions.
    pub observation: bool,
    /// Work sessions planned.
    pub sessions: usize,
    pub retention_months: u16,
    /// The day the campaign ended, and the last day its data may be kept, once it has ended.
    pub ended_on: Option<NaiveDate>,
    pub keep_until: Option<NaiveDate>,
    /// The latest date an invitation of the campaign promised for answers.
    pub answers_keep_until: Option<NaiveDate>,
}

/// The facts of `campaign`'s notice, with `controller` as entered in Settings.
pub fn notice_facts(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    controller: &Controller,
) -> NoticeFacts {
    let plans = |i: InstrumentId| campaign.instruments.contains(&i);
    NoticeFacts {
        campaign: campaign.name.clone(),
        role: campaign.role.name.clone(),
        controller: controller.clone(),
        leader_title: if campaign.leader_erased() {
            String::new()
        } else {
            campaign.leader.title.clone()
        },
        self_assessments: instruments_for(campaign, RespondentKind::Candidate)
            .iter()
            .map(|i| i.title.clone())
            .collect(),
        observer_forms: !instruments_for(campaign, RespondentKind::Leader).is_empty(),
        debriefs: plans(InstrumentId::SessionDebrief),
        observation: plans(InstrumentId::ObservationGrid) || !campaign.mediators.is_empty(),
        sessions: campaign.sessions.len(),
        retention_months: campaign.retention_months(),
        ended_on: campaign.ended_on(),
        keep_until: campaign.keep_until(),
        answers_keep_until: fieldwork
            .invitations
            .iter()
            .filter(|i| i.campaign_id == campaign.id)
            .map(|i| i.keep_until)
            .max(),
    }
}
