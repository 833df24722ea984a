//! The campaign page's fieldwork card: a kit to download for each mediator, then, session by
//! session, the observations received (several versions of one are shown side by side, never
//! dropped), a link to each session's analysis and the CSV export of every coded event.

use crate::domain::campaign::{Campaign, Person};
use crate::domain::fieldwork::Kit;
use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n;
use crate::domain::i18n::analysis::{self as an, A};
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::lang::Lang;
use crate::domain::observation::csv::{events_csv, CsvSession};
use crate::domain::observation::report::{received, Received};
use crate::domain::observation::scheme::default_scheme;
use crate::domain::timefmt::write_date;
use crate::platform::{clock, files, random};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::import_button::ImportButton;
use crate::ui::widgets::protect::{save_file, Protection};
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

/// The mediator's name as the campaign knows it.
pub fn mediator_name(lang: Lang, campaign: &Campaign, id: Uuid) -> String {
    campaign.mediators.iter().find(|m| m.id == id).map_or_else(
        || A::UnknownMediator.get(lang).to_owned(),
        |m| m.name.clone(),
    )
}

#[function_component(FieldworkSection)]
pub fn fieldwork_section(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let lang = app.lang;
    let c = &p.campaign;
    let by_session: Vec<Vec<Received>> = c
        .sessions
        .iter()
        .map(|s| received(&fieldwork.fieldwork.observations, c, s.id, None))
        .collect();
    let anything = by_session.iter().any(|r| !r.is_empty());

    let kits = c.mediators.iter().map(|m| {
        let onclick = {
            let (campaign, id, name) = (c.clone(), m.id, m.name.clone());
            Callback::from(move |_| {
                let now = clock::now();
                let kit = Kit::for_mediator(&campaign, id, default_scheme(), random::new_uuid(), now);
                if let Some(kit) = kit {
                    let file = export_file_name(&format!("kit {name} {}", campaign.name), now);
                    save_file(&file, &Document::of_kit(&kit, now), Protection::Offered);
                }
            })
        };
        html! {
            <li class="an-kit">
                <span class="an-kit-name">{ m.name.clone() }</span>
                <button type="button" class="button" {onclick} aria-label={crate::domain::i18n::action_on(lang, A::DownloadKit.get(lang), &m.name)}>
                    { A::DownloadKit.get(lang) }
                </button>
            </li>
        }
    });

    let on_csv = {
        let (campaign, fw) = (c.clone(), fieldwork.clone());
        Callback::from(move |_| {
            let now = clock::now();
            // Labels first (the CSV rows borrow them), then the rows, session by session.
            let mut labelled = Vec::new();
            for (n, s) in campaign.sessions.iter().enumerate() {
                let session = an::session_line(lang, n + 1, s.date.map(write_date).as_deref(), "");
                let ids: Vec<Uuid> = campaign.candidates.iter().map(|p| p.id).collect();
                for r in received(&fw.fieldwork.observations, &campaign, s.id, None) {
                    let mut who = mediator_name(lang, &campaign, r.observation.mediator_id);
                    if let Some((k, total)) = r.version {
                        who = format!("{who} ({})", an::version_of(lang, k, total));
                    }
                    // With several candidates, the session says with whom.
                    let with = r.observation.candidate_among(&ids).and_then(|id| {
                        campaign
                            .candidates
                            .iter()
                            .find(|p| p.id == id && ids.len() > 1)
                    });
                    let label = match with {
                        Some(p) => format!("{session} — {}", rd::with_candidate(lang, &p.name)),
                        None => session.clone(),
                    };
                    labelled.push((r.observation, label, who));
                }
            }
            let rows: Vec<CsvSession> = labelled
                .iter()
                .map(|(observation, session, mediator)| CsvSession {
                    observation,
                    session,
                    mediator,
                })
                .collect();
            let text = events_csv(&rows, default_scheme(), lang);
            let json_name = export_file_name(&format!("events {}", campaign.name), now);
            // The shared naming rule ends in ".json"; this export is a table.
            let name = format!(
                "{}.csv",
                json_name.strip_suffix(".json").unwrap_or(&json_name)
            );
            let _ = files::download(&name, &text, "text/csv");
        })
    };

    let several = c.candidates.len() > 1;
    let sessions = c
        .sessions
        .iter()
        .zip(&by_session)
        .enumerate()
        .map(|(i, (s, got))| {
            let n = i + 1;
            let date = s.date.map(|d| i18n::date(lang, d));
            let title = an::session_line(lang, n, date.as_deref(), &s.topic);
            let blocks = c.candidates.iter().map(|cand| {
                let mine = received(&fieldwork.fieldwork.observations, c, s.id, Some(cand.id));
                candidate_block(lang, c, n, s.id, cand, &mine, several)
            });
            // Observations that name no candidate while there are several: nobody's.
            let attributed: usize = c
                .candidates
                .iter()
                .map(|p| received(&fieldwork.fieldwork.observations, c, s.id, Some(p.id)).len())
                .sum();
            html! {
                <li class="an-session">
                    <div class="an-session-head">
                        <h4>{ title }</h4>
                    </div>
                    if got.is_empty() {
                        <p class="empty-line">{ A::NothingReceived.get(lang) }</p>
                    } else {
                        { for blocks }
                    }
                    if got.len() > attributed {
                        <p class="hint">{ V::Unattributed.get(lang) }</p>
                    }
                </li>
            }
        });

    html! {
        <section class="card an-fieldwork" aria-labelledby="fieldwork-title">
            <h2 id="fieldwork-title">{ A::FieldworkTitle.get(lang) }</h2>
            <p class="hint">{ A::FieldworkIntro.get(lang) }</p>
            <h3>{ A::KitsTitle.get(lang) }</h3>
            <p class="hint">{ A::KitHint.get(lang) }</p>
            if c.mediators.is_empty() {
                <p class="empty-line">{ A::NoMediators.get(lang) }</p>
            } else {
                <ul class="an-kits">{ for kits }</ul>
            }
            <h3>{ A::ReceivedTitle.get(lang) }</h3>
            <div class="button-row">
                <ImportButton id="fieldwork-import" />
                <button type="button" class="button" onclick={on_csv} disabled={!anything}
                    aria-describedby="events-csv-hint">{ A::ExportEvents.get(lang) }</button>
            </div>
            <p class="hint an-after-buttons" id="events-csv-hint">
                { if anything { A::ExportEventsHint.get(lang) } else { A::NothingToExport.get(lang) } }
            </p>
            if c.sessions.is_empty() {
                <p class="empty-line">{ A::NoSessions.get(lang) }</p>
            } else {
                <ol class="an-sessions">{ for sessions }</ol>
            }
        </section>
    }
}

/// What was received of one session held with one candidate: the link to its analysis, one
/// row per mediator (received or not), and the versions kept side by side.
fn candidate_block(
    lang: Lang,
    c: &Campaign,
    n: usize,
    session: Uuid,
    cand: &Person,
    got: &[Received],
    several: bool,
) -> Html {
    let resolved: Vec<&Received> = got.iter().filter(|r| r.version.is_none()).collect();
    let rows = resolved.iter().map(|r| {
        let o = r.observation;
        let status = if r.is_submitted() {
            html! { <span class="badge badge-active">{ A::StatusSubmitted.get(lang) }</span> }
        } else {
            html! { <span class="badge badge-draft">{ A::StatusDraft.get(lang) }</span> }
        };
        html! {
            <tr>
                <th scope="row">{ mediator_name(lang, c, o.mediator_id) }</th>
                <td class="an-wide" data-label={A::ColObservationStatus.get(lang)}>{ status }</td>
                <td data-label={A::ColEvents.get(lang)} class="an-num">{ i18n::number(lang, o.events.len() as f64, 0) }</td>
                <td data-label={A::ColLength.get(lang)} class="an-num">{ an::duration(lang, o.length_ms(o.updated_at)) }</td>
                <td class="an-wide" data-label={A::ColLastChange.get(lang)}>{ i18n::date_time(lang, clock::local(o.updated_at)) }</td>
            </tr>
        }
    });
    // The campaign's mediators from whom nothing has come back for this session.
    let missing: Vec<Html> = c
        .mediators
        .iter()
        .filter(|m| !got.iter().any(|r| r.observation.mediator_id == m.id))
        .map(|m| {
            html! {
                <tr>
                    <th scope="row">{ m.name.clone() }</th>
                    <td class="an-wide" data-label={A::ColObservationStatus.get(lang)}>
                        <span class="an-absent">{ A::NotReceived.get(lang) }</span>
                    </td>
                    <td data-label={A::ColEvents.get(lang)}>{ A::NoValue.get(lang) }</td>
                    <td data-label={A::ColLength.get(lang)}>{ A::NoValue.get(lang) }</td>
                    <td class="an-wide" data-label={A::ColLastChange.get(lang)}>{ A::NoValue.get(lang) }</td>
                </tr>
            }
        })
        .collect();
    // Versions kept side by side, grouped by observation.
    let mut groups: Vec<Vec<&Received>> = Vec::new();
    for r in got.iter().filter(|r| r.version.is_some()) {
        match groups.last_mut() {
            Some(g) if g[0].observation.id == r.observation.id => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    let conflicts = groups.iter().map(|g| {
        let who = mediator_name(lang, c, g[0].observation.mediator_id);
        let versions = g.iter().map(|r| {
            let o = r.observation;
            let (k, total) = r.version.unwrap_or((1, 1));
            let when = i18n::date_time(lang, clock::local(o.updated_at));
            html! {
                <li>
                    { an::version_line(lang, k, total, o.revision, r.is_submitted(), &when) }
                    { format!(" · {} · {}", an::events_count(lang, o.events.len()), an::duration(lang, o.length_ms(o.updated_at))) }
                    if r.chosen { { " · " }<strong>{ V::Counts.get(lang) }</strong> }
                </li>
            }
        });
        html! {
            <div class="an-conflict" role="note">
                <p>
                    <span class="badge an-badge-conflict">{ A::ConflictBadge.get(lang) }</span>{ " " }
                    if g.iter().any(|r| r.chosen) {
                        { rd::conflict_chosen(lang, &who, g.len()) }
                    } else {
                        { format!("{} {}", an::conflict_text(lang, &who, g.len()), V::ChooseOnAnalysis.get(lang)) }
                    }
                </p>
                <ul>{ for versions }</ul>
            </div>
        }
    });
    let to = Route::SessionAnalysisWith {
        id: c.id.to_string(),
        session: session.to_string(),
        candidate: cand.id.to_string(),
    };
    let hidden = if several {
        rd::analyse_session_with(lang, n, &cand.name)
    } else {
        an::analyse_session_n(lang, n)
    };
    html! {
        <div class="an-candidate-block" data-testid="an-candidate-block">
            <div class="an-candidate-head">
                if several { <h5>{ rd::with_candidate(lang, &cand.name) }</h5> }
                if !got.is_empty() {
                    <Link {to} classes="button">
                        <span aria-hidden="true">{ A::AnalyseSession.get(lang) }</span>
                        <span class="visually-hidden">{ hidden }</span>
                    </Link>
                }
            </div>
            if got.is_empty() {
                <p class="empty-line">{ A::NothingReceived.get(lang) }</p>
            }
            if !got.is_empty() && (!resolved.is_empty() || !missing.is_empty()) {
                <div class="table-wrap">
                    <table class="an-received">
                        <thead>
                            <tr>
                                <th scope="col">{ A::ColMediator.get(lang) }</th>
                                <th scope="col">{ A::ColObservationStatus.get(lang) }</th>
                                <th scope="col">{ A::ColEvents.get(lang) }</th>
                                <th scope="col">{ A::ColLength.get(lang) }</th>
                                <th scope="col">{ A::ColLastChange.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }{ for missing.into_iter() }</tbody>
                    </table>
                </div>
            }
            { for conflicts }
        </div>
    }
}
