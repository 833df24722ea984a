//! The campaign page's session debriefs: for each work session, in the plan's order, and each
//! candidate, the leader's invitation to debrief the session and the candidate's (a file or a
//! link each), whose debrief has come back and when, and the import of returned debriefs (file
//! or pasted code, taken in like any answers). Shown only when the campaign plans the debriefs;
//! otherwise it offers to plan them.

use crate::domain::campaign::{Campaign, CampaignAction, InstrumentId, Person, Status};
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::debrief::{self as words, D};
use crate::domain::i18n::survey::{self as sv, S};
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::lang::Lang;
use crate::domain::survey::{leader_id, Invitation, RespondentKind};
use crate::domain::workspace::Action;
use crate::platform::{clock, random};
use crate::ui::recruiter::invitation_tools::{use_terms, CodeForm, InvitationActions, Terms};
use crate::ui::shell::fieldwork::{replace, use_fieldwork, FieldworkHandle};
use crate::ui::shell::state::{act, use_app};
use crate::ui::widgets::import_button::ImportButton;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

/// One debrief to ask for: one side of one session with one candidate.
#[derive(Clone, Copy, PartialEq)]
struct Ask {
    session: Uuid,
    candidate: Uuid,
    side: DebriefSide,
}

impl Ask {
    fn respondent(&self, campaign: Uuid) -> Uuid {
        match self.side {
            DebriefSide::Leader => leader_id(campaign),
            DebriefSide::Candidate => self.candidate,
        }
    }
}

/// The invitation of `ask`: the one already issued when nothing changed since (same people,
/// session and terms), otherwise a new one kept in the store.
fn invitation(fw: &FieldworkHandle, c: &Campaign, terms: &Terms, ask: Ask) -> Option<Invitation> {
    let (asked_by, keep) = terms.checked()?;
    let make = |id: Uuid, at| {
        Invitation::debrief(
            c,
            ask.session,
            ask.respondent(c.id),
            ask.candidate,
            &asked_by,
            keep,
            id,
            at,
        )
    };
    let issued = fw
        .fieldwork
        .debrief_invitation(c.id, ask.session, ask.candidate, ask.side);
    if let Some(existing) = issued {
        if make(existing.id, existing.issued_at).as_ref().ok() == Some(existing) {
            return Some(existing.clone());
        }
    }
    let inv = make(random::new_uuid(), clock::now()).ok()?;
    let (next, _) = fw.fieldwork.add_invitations(std::slice::from_ref(&inv));
    replace(fw, next);
    Some(inv)
}

fn leader_name(lang: Lang, c: &Campaign) -> String {
    if c.leader.name.trim().is_empty() {
        S::LeaderRole.get(lang).to_owned()
    } else {
        c.leader.name.clone()
    }
}

#[function_component(DebriefSection)]
pub fn debrief_section(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let terms = use_terms("debrief");
    let lang = app.lang;
    let c = &p.campaign;
    let planned = c.instruments.contains(&InstrumentId::SessionDebrief);
    let archived = c.status == Status::Archived;

    let on_plan = {
        let (app, c) = (app.clone(), c.clone());
        Callback::from(move |_| {
            let instruments = InstrumentId::ALL
                .into_iter()
                .filter(|i| *i == InstrumentId::SessionDebrief || c.instruments.contains(i))
                .collect();
            act(
                &app,
                Action::Campaign {
                    id: c.id,
                    action: CampaignAction::SetInstruments { instruments },
                },
                None,
            );
        })
    };

    let body = if !planned {
        html! {
            <div class="db-not-planned">
                <p class="empty-line">{ D::NotPlanned.get(lang) }</p>
                <button type="button" class="button" onclick={on_plan} disabled={archived}>{ D::Plan.get(lang) }</button>
            </div>
        }
    } else if c.candidates.is_empty() {
        html! { <p class="empty-line">{ S::NoCandidate.get(lang) }</p> }
    } else {
        let sessions = c.sessions.iter().enumerate().map(|(i, s)| {
            let n = i + 1;
            let date = s.date.map(|d| i18n::date(lang, d));
            let title = an::session_line(lang, n, date.as_deref(), &s.topic);
            let mut returned = 0;
            let mut rows = Vec::new();
            for cand in &c.candidates {
                for side in [DebriefSide::Leader, DebriefSide::Candidate] {
                    let ask = Ask { session: s.id, candidate: cand.id, side };
                    let back = fw.fieldwork.debrief(c.id, s.id, cand.id, side).is_some();
                    returned += usize::from(back);
                    rows.push(row(lang, &fw, c, &terms, n, cand, ask));
                }
            }
            let asked = rows.len();
            html! {
                <li class="db-session" data-testid="debrief-session">
                    <div class="db-session-head">
                        <h3>{ title }</h3>
                        <p class="hint">{ words::returned_count(lang, returned, asked) }</p>
                    </div>
                    <div class="table-wrap">
                        <table class="sv-table db-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ S::Respondent.get(lang) }</th>
                                    <th scope="col">{ D::ColWith.get(lang) }</th>
                                    <th scope="col">{ S::State.get(lang) }</th>
                                    <th scope="col"><span class="visually-hidden">{ S::Actions.get(lang) }</span></th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                </li>
            }
        });
        html! {
            <>
                { terms.view(lang) }
                <ol class="db-sessions">{ for sessions }</ol>
                <h3>{ D::ReturnedTitle.get(lang) }</h3>
                <p class="hint">{ D::ReturnedHint.get(lang) }</p>
                <div class="button-row">
                    <ImportButton id="debrief-import" />
                </div>
                <CodeForm id="debrief-code" label={D::PasteCode.get(lang)} />
            </>
        }
    };
    html! {
        <section class="card db-section" aria-labelledby="debrief-title">
            <h2 id="debrief-title">{ D::Title.get(lang) }</h2>
            <p class="hint">{ D::Intro.get(lang) }</p>
            { body }
        </section>
    }
}

/// One side's debrief of one session with one candidate: who, with whom, where it stands, and
/// the invitation to hand out.
fn row(
    lang: Lang,
    fw: &FieldworkHandle,
    c: &Campaign,
    terms: &Terms,
    n: usize,
    cand: &Person,
    ask: Ask,
) -> Html {
    let leader = leader_name(lang, c);
    let (who, kind, with) = match ask.side {
        DebriefSide::Leader => (leader, RespondentKind::Leader, cand.name.clone()),
        DebriefSide::Candidate => (cand.name.clone(), RespondentKind::Candidate, leader),
    };
    let date = |t| i18n::date(lang, clock::local(t).date());
    let status = if let Some(r) = fw
        .fieldwork
        .debrief(c.id, ask.session, ask.candidate, ask.side)
    {
        html! { <span class="badge badge-active" data-testid="debrief-state">{ format!("{} · {}", D::Returned.get(lang), date(r.submitted_at)) }</span> }
    } else if let Some(inv) =
        fw.fieldwork
            .debrief_invitation(c.id, ask.session, ask.candidate, ask.side)
    {
        html! { <span class="badge badge-draft" data-testid="debrief-state">{ format!("{} · {}", S::Invited.get(lang), date(inv.issued_at)) }</span> }
    } else {
        html! { <span class="badge" data-testid="debrief-state">{ S::NotInvited.get(lang) }</span> }
    };
    let label = words::row_label(lang, &who, n, &with);
    let make = {
        let (fw, c, terms) = (fw.clone(), c.clone(), terms.clone());
        Callback::from(move |_: ()| invitation(&fw, &c, &terms, ask))
    };
    let key_id = format!("debrief-{}-{}-{:?}", ask.session, ask.candidate, ask.side).to_lowercase();
    html! {
        <tr data-testid="debrief-row">
            <th scope="row">{ format!("{who} ({})", sv::kind(lang, kind)) }</th>
            <td data-label={D::ColWith.get(lang)}>{ with }</td>
            <td data-label={S::State.get(lang)}>{ status }</td>
            <td class="sv-actions">
                <InvitationActions label={label} key_id={key_id} {make} />
            </td>
        </tr>
    }
}
