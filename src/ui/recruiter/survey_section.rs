//! The campaign page's self-assessment card: who invites and how long answers are kept, one
//! row per respondent (each candidate about themself; the leader and each mediator about each
//! candidate) with its invitation to download or its link to copy and what came back, the
//! import of returned answers (file or pasted code), the CSV exports and the results pages.

use crate::domain::assessment::export::{answers_csv, score_rows, scores_csv};
use crate::domain::campaign::Campaign;
use crate::domain::file::export_file_name;
use crate::domain::i18n;
use crate::domain::i18n::survey::{self as sv, S};
use crate::domain::instrument::score::Response;
use crate::domain::lang::Lang;
use crate::domain::survey::invitation::respondent;
use crate::domain::survey::{instruments_for, leader_id, Invitation, RespondentKind};
use crate::platform::{clock, files, random};
use crate::ui::recruiter::erase_person::ErasePerson;
use crate::ui::recruiter::invitation_tools::{use_terms, CodeForm, InvitationActions};
use crate::ui::shell::fieldwork::{use_fieldwork, FieldworkHandle};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::import_button::ImportButton;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

/// One line of the table: who answers, about whom.
#[derive(Clone, PartialEq)]
struct Row {
    respondent: Uuid,
    name: String,
    kind: RespondentKind,
    subject: Option<(Uuid, String)>,
}

fn rows(c: &Campaign, lang: Lang) -> Vec<Row> {
    let mut out = Vec::new();
    let observers = !instruments_for(c, RespondentKind::Leader).is_empty();
    for cand in &c.candidates {
        out.push(Row {
            respondent: cand.id,
            name: cand.name.clone(),
            kind: RespondentKind::Candidate,
            subject: None,
        });
        if !observers {
            continue;
        }
        let leader = if c.leader.name.trim().is_empty() {
            S::LeaderRole.get(lang).to_owned()
        } else {
            c.leader.name.clone()
        };
        out.push(Row {
            respondent: leader_id(c.id),
            name: leader,
            kind: RespondentKind::Leader,
            subject: Some((cand.id, cand.name.clone())),
        });
        for m in &c.mediators {
            out.push(Row {
                respondent: m.id,
                name: m.name.clone(),
                kind: RespondentKind::Mediator,
                subject: Some((cand.id, cand.name.clone())),
            });
        }
    }
    out
}

/// The self-assessment invitation already issued for this row, if any (the latest; session
/// debriefs have their own card).
fn issued<'a>(fw: &'a FieldworkHandle, c: &Campaign, row: &Row) -> Option<&'a Invitation> {
    fw.fieldwork
        .invitations
        .iter()
        .filter(|i| {
            i.campaign_id == c.id
                && i.session.is_none()
                && i.respondent.id == row.respondent
                && i.subject.as_ref().map(|s| s.id) == row.subject.as_ref().map(|s| s.0)
        })
        .max_by_key(|i| i.issued_at)
}

#[function_component(SurveySection)]
pub fn survey_section(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let c = &p.campaign;
    let terms = use_terms("survey");

    let self_instruments = instruments_for(c, RespondentKind::Candidate);
    let observer_instruments = instruments_for(c, RespondentKind::Leader);
    let current: Vec<&Response> = fw.fieldwork.current_responses(c.id);
    let superseded = fw.fieldwork.superseded(c.id);

    // Makes (or reuses) the invitation of a row; `None` after showing why it cannot.
    let invitation_for = {
        let (fw, terms) = (fw.clone(), terms.clone());
        let campaign = c.clone();
        move |row: &Row| -> Option<Invitation> {
            let now = clock::now();
            let (asked_by, keep) = terms.checked()?;
            if let Some(existing) = issued(&fw, &campaign, row) {
                let fresh = Invitation::new(
                    &campaign,
                    row.respondent,
                    row.subject.as_ref().map(|s| s.0),
                    &asked_by,
                    keep,
                    existing.id,
                    existing.issued_at,
                );
                // Same people, texts and terms: hand out the same invitation again.
                if fresh.as_ref().ok() == Some(existing) {
                    return Some(existing.clone());
                }
            }
            let inv = Invitation::new(
                &campaign,
                row.respondent,
                row.subject.as_ref().map(|s| s.0),
                &asked_by,
                keep,
                random::new_uuid(),
                now,
            )
            .ok()?;
            let (next, _) = fw.fieldwork.add_invitations(std::slice::from_ref(&inv));
            crate::ui::shell::fieldwork::replace(&fw, next);
            Some(inv)
        }
    };

    let table_rows = rows(c, lang).into_iter().map(|row| {
        let instruments = if row.kind == RespondentKind::Candidate {
            &self_instruments
        } else {
            &observer_instruments
        };
        let titles: Vec<String> = instruments.iter().map(|i| i.title.get(lang).to_owned()).collect();
        let answered: Vec<&&Response> = current
            .iter()
            .filter(|r| r.session_id.is_none() && r.respondent_id == row.respondent && r.subject_id == row.subject.as_ref().map(|s| s.0))
            .collect();
        let invitation = issued(&fw, c, &row);
        let status = if let Some(last) = answered.iter().map(|r| r.submitted_at).max() {
            html! { <span class="badge badge-active">{ format!("{} · {}", S::Answered.get(lang), i18n::date(lang, clock::local(last).date())) }</span> }
        } else if let Some(inv) = invitation {
            html! { <span class="badge badge-draft">{ format!("{} · {}", S::Invited.get(lang), i18n::date(lang, clock::local(inv.issued_at).date())) }</span> }
        } else {
            html! { <span class="badge">{ S::NotInvited.get(lang) }</span> }
        };
        let who = format!("{} ({})", row.name, sv::kind(lang, row.kind));
        let about = row.subject.as_ref().map_or_else(|| S::Self_.get(lang).to_owned(), |s| s.1.clone());
        let label = format!("{who} — {about}");
        let make = {
            let (make, row) = (invitation_for.clone(), row.clone());
            Callback::from(move |_: ()| make(&row))
        };
        let key_id = format!("survey-{}", row.respondent_key());
        html! {
            <tr>
                <th scope="row">{ who.clone() }</th>
                <td data-label={S::About.get(lang)}>{ about.clone() }</td>
                <td data-label={S::Questionnaires.get(lang)} class="sv-titles">{ titles.join(", ") }</td>
                <td data-label={S::State.get(lang)}>{ status }</td>
                <td class="sv-actions">
                    <InvitationActions label={label} key_id={key_id} {make} />
                </td>
            </tr>
        }
    });

    let csv = |scores: bool| {
        let (campaign, fw, app) = (c.clone(), fw.clone(), app.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let current = fw.fieldwork.current_responses(campaign.id);
            let (what, text) = if scores {
                let rows = score_rows(&campaign, &current, app.lang);
                ("scores", scores_csv(&rows, app.lang))
            } else {
                ("answers", answers_csv(&campaign, &current, app.lang))
            };
            let json_name = export_file_name(&format!("{what} {}", campaign.name), now);
            let name = format!(
                "{}.csv",
                json_name.strip_suffix(".json").unwrap_or(&json_name)
            );
            let _ = files::download(&name, &text, "text/csv");
        })
    };
    let results = c.candidates.iter().map(|cand| {
        let any = current.iter().any(|r| r.respondent_id == cand.id || r.subject_id == Some(cand.id));
        html! {
            <li>
                if any {
                    <Link to={Route::Results { id: c.id.to_string(), person: cand.id.to_string() }} classes="button">
                        { i18n::action_on(lang, S::SeeResults.get(lang), &cand.name) }
                    </Link>
                } else {
                    <span class="empty-line">{ format!("{} — {}", cand.name, S::NoAnswersYet.get(lang)) }</span>
                }
            </li>
        }
    });

    // Answers kept past the date their invitation promised: say so, and offer the erasure.
    let today = clock::local(clock::now()).date();
    let overdue = fw.fieldwork.overdue(c.id, today);
    let overdue_box = (!overdue.is_empty()).then(|| {
        let items = overdue.iter().map(|(person, date)| {
            let name = respondent(c, *person).map_or_else(|| person.to_string(), |(name, _)| name);
            html! {
                <li>
                    <p>{ sv::overdue(lang, &name, &i18n::date(lang, *date)) }</p>
                    <ErasePerson campaign={c.id} person={*person} name={name.clone()} />
                </li>
            }
        });
        html! {
            <div class="sv-overdue" role="note" data-testid="survey-overdue">
                <h3>{ S::OverdueTitle.get(lang) }</h3>
                <ul>{ for items }</ul>
            </div>
        }
    });
    let nothing_planned = self_instruments.is_empty() && observer_instruments.is_empty();
    html! {
        <section class="card sv-section" aria-labelledby="survey-title">
            <h2 id="survey-title">{ S::SectionTitle.get(lang) }</h2>
            <p class="hint">{ S::SectionIntro.get(lang) }</p>
            { overdue_box.unwrap_or_default() }
            if nothing_planned {
                <p class="empty-line">{ S::NoInstrumentPlanned.get(lang) }</p>
            } else if c.candidates.is_empty() {
                <p class="empty-line">{ S::NoCandidate.get(lang) }</p>
            } else {
                { terms.view(lang) }
                <div class="table-wrap">
                    <table class="sv-table">
                        <thead>
                            <tr>
                                <th scope="col">{ S::Respondent.get(lang) }</th>
                                <th scope="col">{ S::About.get(lang) }</th>
                                <th scope="col">{ S::Questionnaires.get(lang) }</th>
                                <th scope="col">{ S::State.get(lang) }</th>
                                <th scope="col"><span class="visually-hidden">{ S::Actions.get(lang) }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
                <h3>{ S::ReturnedTitle.get(lang) }</h3>
                <p class="hint">{ S::ReturnedHint.get(lang) }</p>
                <div class="button-row">
                    <ImportButton id="survey-import" />
                </div>
                <CodeForm id="survey-code" label={S::PasteCode.get(lang)} />
                <h3>{ S::ResultsTitle.get(lang) }</h3>
                <ul class="sv-results">{ for results }</ul>
                <div class="button-row">
                    <button type="button" class="button" onclick={csv(false)} disabled={current.is_empty()}>{ S::ExportAnswersCsv.get(lang) }</button>
                    <button type="button" class="button" onclick={csv(true)} disabled={current.is_empty()}>{ S::ExportScoresCsv.get(lang) }</button>
                </div>
                if superseded > 0 {
                    <p class="hint">{ sv::superseded(lang, superseded) }</p>
                }
            }
        </section>
    }
}

impl Row {
    /// A key unique within the campaign: the respondent and whom they answer about.
    fn respondent_key(&self) -> Uuid {
        Uuid::from_u128(
            self.respondent.as_u128()
                ^ self
                    .subject
                    .as_ref()
                    .map_or(0, |s| s.0.as_u128().rotate_left(7)),
        )
    }
}
