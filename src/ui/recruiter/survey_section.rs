//! The campaign page's self-assessment card: who invites and how long answers are kept, one
//! row per respondent (each candidate about themself; the leader and each mediator about each
//! candidate) with its invitation to download or its link to copy and what came back, the
//! import of returned answers (file or pasted code), the CSV exports and the results pages.

use crate::domain::assessment::export::{answers_csv, score_rows, scores_csv};
use crate::domain::campaign::Campaign;
use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n;
use crate::domain::i18n::survey::{self as sv, S};
use crate::domain::instrument::score::Response;
use crate::domain::lang::Lang;
use crate::domain::survey::code::{decode_responses, invitation_payload, LINK_ROUTE};
use crate::domain::survey::invitation::respondent;
use crate::domain::survey::{instruments_for, leader_id, Invitation, RespondentKind};
use crate::domain::timefmt::{read_date, write_date};
use crate::platform::{clipboard, clock, files, random, storage};
use crate::ui::recruiter::erase_person::ErasePerson;
use crate::ui::shell::fieldwork::{use_fieldwork, FieldworkHandle};
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{use_app, Msg};
use crate::ui::widgets::import_button::ImportButton;
use crate::ui::widgets::protect::{make_link, save_file, Protection};
use chrono::{NaiveDate, TimeDelta};
use uuid::Uuid;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

/// Remembered between campaigns: the recruiter's name as respondents see it.
const ASKED_BY_KEY: &str = "rally.asked_by";
/// Default retention: about six months after the invitation.
const DEFAULT_KEEP_DAYS: i64 = 182;

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

/// The invitation already issued for this row, if any (the latest).
fn issued<'a>(fw: &'a FieldworkHandle, c: &Campaign, row: &Row) -> Option<&'a Invitation> {
    fw.fieldwork
        .invitations
        .iter()
        .filter(|i| {
            i.campaign_id == c.id
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
    let asked_by = use_state(|| {
        storage::read(ASKED_BY_KEY)
            .ok()
            .flatten()
            .unwrap_or_default()
    });
    let keep_until =
        use_state(|| write_date((clock::now() + TimeDelta::days(DEFAULT_KEEP_DAYS)).date_naive()));
    let form_error = use_state(|| None::<(&'static str, S)>);
    let copied = use_state(|| None::<(Uuid, bool)>);
    let shown_link = use_state(|| None::<(Uuid, String)>);
    let code = use_state(String::new);
    let code_error = use_state(|| None::<String>);

    let self_instruments = instruments_for(c, RespondentKind::Candidate);
    let observer_instruments = instruments_for(c, RespondentKind::Leader);
    let current: Vec<&Response> = fw.fieldwork.current_responses(c.id);
    let superseded = fw.fieldwork.superseded(c.id);

    // Makes (or reuses) the invitation of a row; `None` after showing why it cannot.
    let invitation_for = {
        let (fw, asked_by, keep_until, form_error) = (
            fw.clone(),
            asked_by.clone(),
            keep_until.clone(),
            form_error.clone(),
        );
        let campaign = c.clone();
        move |row: &Row| -> Option<Invitation> {
            let now = clock::now();
            if asked_by.trim().is_empty() {
                form_error.set(Some(("survey-asked-by", S::AskedByRequired)));
                crate::platform::dom::focus_by_id("survey-asked-by");
                return None;
            }
            let keep: Option<NaiveDate> = read_date(&keep_until).filter(|d| *d > now.date_naive());
            let Some(keep) = keep else {
                form_error.set(Some(("survey-keep-until", S::KeepUntilInvalid)));
                crate::platform::dom::focus_by_id("survey-keep-until");
                return None;
            };
            form_error.set(None);
            let _ = storage::write(ASKED_BY_KEY, asked_by.trim());
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
            .filter(|r| r.respondent_id == row.respondent && r.subject_id == row.subject.as_ref().map(|s| s.0))
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
        let on_download = {
            let (make, row) = (invitation_for.clone(), row.clone());
            Callback::from(move |_| {
                if let Some(inv) = make(&row) {
                    let now = clock::now();
                    let name = export_file_name(&format!("invitation {}", inv.respondent.name), now);
                    save_file(&name, &Document::of_invitation(&inv, now), Protection::Offered);
                }
            })
        };
        let on_copy = {
            let (make, row, copied, shown_link) = (invitation_for.clone(), row.clone(), copied.clone(), shown_link.clone());
            Callback::from(move |_| {
                if let Some(inv) = make(&row) {
                    let (copied, shown_link, key) = (copied.clone(), shown_link.clone(), row.respondent_key());
                    let on_link = Callback::from(move |link: String| {
                        shown_link.set(Some((key, link.clone())));
                        let copied = copied.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let ok = clipboard::copy(&link).await;
                            copied.set(Some((key, ok)));
                        });
                    });
                    let base = format!("{}{}", clipboard::app_url(), LINK_ROUTE);
                    make_link(base, invitation_payload(&inv), &Document::of_invitation(&inv, clock::now()), on_link);
                }
            })
        };
        let key = row.respondent_key();
        let link = shown_link.as_ref().filter(|(k, _)| *k == key).map(|(_, l)| l.clone());
        let copy_state = copied.as_ref().filter(|(k, _)| *k == key).map(|(_, ok)| *ok);
        let link_id = format!("survey-link-{key}");
        html! {
            <tr>
                <th scope="row">{ who.clone() }</th>
                <td data-label={S::About.get(lang)}>{ about.clone() }</td>
                <td data-label={S::Questionnaires.get(lang)} class="sv-titles">{ titles.join(", ") }</td>
                <td data-label={S::State.get(lang)}>{ status }</td>
                <td class="sv-actions">
                    <div class="button-row">
                        <button type="button" class="button" onclick={on_download}
                            aria-label={i18n::action_on(lang, S::DownloadInvitation.get(lang), &label)}>{ S::DownloadInvitation.get(lang) }</button>
                        <button type="button" class="button" onclick={on_copy}
                            aria-label={i18n::action_on(lang, S::CopyLink.get(lang), &label)}>{ S::CopyLink.get(lang) }</button>
                    </div>
                    if let Some(link) = link {
                        <div class="field sv-link">
                            <label for={link_id.clone()}>{ S::LinkLabel.get(lang) }</label>
                            <input id={link_id} type="text" readonly=true value={link} data-testid="invitation-link"
                                onfocus={Callback::from(|e: FocusEvent| { let i: HtmlInputElement = e.target_unchecked_into(); i.select(); })} />
                            <p class="hint" role="status">{
                                match copy_state {
                                    Some(true) => S::LinkCopied.get(lang),
                                    Some(false) => S::LinkCopyFailed.get(lang),
                                    None => S::LinkHint.get(lang),
                                }
                            }</p>
                        </div>
                    }
                </td>
            </tr>
        }
    });

    let on_asked_by = {
        let asked_by = asked_by.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            asked_by.set(i.value());
        })
    };
    let on_keep = {
        let keep_until = keep_until.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            keep_until.set(i.value());
        })
    };
    let on_code_input = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            let t: HtmlTextAreaElement = e.target_unchecked_into();
            code.set(t.value());
        })
    };
    let on_add_code = {
        let (code, code_error, fw, app) =
            (code.clone(), code_error.clone(), fw.clone(), app.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match decode_responses(&code) {
                Err(err) => {
                    code_error.set(Some(sv::code_error(app.lang, &err).to_owned()));
                    crate::platform::dom::focus_by_id("survey-code");
                }
                Ok(responses) => {
                    code_error.set(None);
                    let doc = Document::of_responses(&responses, clock::now());
                    let campaigns = app.workspace().campaigns.clone();
                    let report = crate::ui::shell::fieldwork::import(&fw, &doc, &campaigns);
                    if report.responses.refused == 0 {
                        code.set(String::new());
                    }
                    app.dispatch(Msg::Imported(Box::new(doc), report));
                }
            }
        })
    };

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
                    <Link<Route> to={Route::Results { id: c.id.to_string(), person: cand.id.to_string() }} classes="button">
                        { i18n::action_on(lang, S::SeeResults.get(lang), &cand.name) }
                    </Link<Route>>
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
    let err_for = |field: &str| {
        form_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, s)| s.get(lang))
    };
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
                <div class="sv-terms">
                    <div class="field">
                        <label for="survey-asked-by">{ S::AskedBy.get(lang) }</label>
                        <input id="survey-asked-by" type="text" value={(*asked_by).clone()} oninput={on_asked_by}
                            maxlength="200" aria-invalid={err_for("survey-asked-by").map(|_| "true")}
                            aria-describedby={err_for("survey-asked-by").map(|_| "survey-asked-by-error")} />
                        if let Some(e) = err_for("survey-asked-by") { <p class="field-error" id="survey-asked-by-error">{ e }</p> }
                    </div>
                    <div class="field">
                        <label for="survey-keep-until">{ S::KeepUntil.get(lang) }</label>
                        <input id="survey-keep-until" type="date" value={(*keep_until).clone()} onchange={on_keep}
                            aria-invalid={err_for("survey-keep-until").map(|_| "true")}
                            aria-describedby={err_for("survey-keep-until").map(|_| "survey-keep-until-error")} />
                        if let Some(e) = err_for("survey-keep-until") { <p class="field-error" id="survey-keep-until-error">{ e }</p> }
                    </div>
                </div>
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
                <form class="sv-code" onsubmit={on_add_code}>
                    <div class="field">
                        <label for="survey-code">{ S::PasteCode.get(lang) }</label>
                        <textarea id="survey-code" rows="3" value={(*code).clone()} oninput={on_code_input} spellcheck="false"
                            aria-invalid={code_error.is_some().then_some("true")}
                            aria-describedby={code_error.is_some().then_some("survey-code-error")}></textarea>
                        <p id="survey-code-error" class="field-error" role="alert">{ (*code_error).clone().unwrap_or_default() }</p>
                    </div>
                    <button type="submit" class="button button-primary">{ S::AddCode.get(lang) }</button>
                </form>
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
