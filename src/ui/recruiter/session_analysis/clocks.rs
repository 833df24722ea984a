//! The mediators' clocks, in the agreement section: the first observation that counts is the
//! reference; for each other one, the offset applied to its times and where it came from, a
//! field to set it by hand (seconds, signed) and the proposal of an alignment on the first
//! "moment to note" both mediators marked (`observation::align::propose_offset`), to accept or
//! not. Every change is a `CampaignAction` (undoable); the agreement is computed again at once.

use crate::domain::campaign::{Campaign, CampaignAction, ClockOffset, OffsetSource};
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::observation::align::{
    parse_offset_seconds, propose_offset, MarkerAlignment, OffsetInputError,
};
use crate::domain::observation::report::{counting, received};
use crate::domain::observation::scheme::Scheme;
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::recruiter::fieldwork_section::mediator_name;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::{act, use_app};
use std::collections::HashMap;
use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
    pub session: Uuid,
    pub candidate: Uuid,
    pub scheme: &'static Scheme,
}

#[function_component(Clocks)]
pub fn clocks(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let lang = app.lang;
    // Per observation: the text typed, why it was refused, the alignment proposed.
    let typed = use_state(HashMap::<Uuid, String>::new);
    let errors = use_state(HashMap::<Uuid, OffsetInputError>::new);
    let proposals = use_state(HashMap::<Uuid, Option<MarkerAlignment>>::new);
    let c = &p.campaign;
    let merged = &fieldwork.fieldwork.observations;
    let counted: Vec<_> = counting(merged, c, p.session, p.candidate)
        .into_iter()
        .filter(|k| k.submitted)
        .collect();
    let [reference, others @ ..] = counted.as_slice() else {
        return html! {};
    };
    if others.is_empty() {
        return html! {};
    }
    // The other observations as received (before any shift), to align them from scratch.
    let as_received = received(merged, c, p.session, Some(p.candidate));
    let reference_name = mediator_name(lang, c, reference.mediator_id);
    let set = {
        let (app, id) = (app.clone(), c.id);
        move |observation_id: Uuid, offset_ms: i64, source: OffsetSource| {
            act(
                &app,
                Action::Campaign {
                    id,
                    action: CampaignAction::SetClockOffset {
                        offset: ClockOffset {
                            observation_id,
                            offset_ms,
                            source,
                            set_at: clock::now(),
                        },
                    },
                },
                None,
            )
        }
    };
    let rows = others.iter().map(|k| {
        let id = k.observation.id;
        let name = mediator_name(lang, c, k.mediator_id);
        let input_id = format!("an-offset-{id}");
        let error_id = format!("{input_id}-error");
        let error = errors.get(&id).copied();
        let text = typed.get(&id).cloned().unwrap_or_default();
        let on_input = {
            let typed = typed.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*typed).clone();
                next.insert(id, e.target_unchecked_into::<HtmlInputElement>().value());
                typed.set(next);
            })
        };
        let on_apply = {
            let (typed, errors, set) = (typed.clone(), errors.clone(), set.clone());
            let input_id = input_id.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let text = typed.get(&id).cloned().unwrap_or_default();
                let mut next = (*errors).clone();
                match parse_offset_seconds(&text) {
                    Ok(ms) => {
                        next.remove(&id);
                        set(id, ms, OffsetSource::Manual);
                    }
                    Err(err) => {
                        next.insert(id, err);
                        crate::platform::dom::focus_by_id(&input_id);
                    }
                }
                errors.set(next);
            })
        };
        let on_clear = {
            let (app, cid) = (app.clone(), c.id);
            Callback::from(move |_| {
                let action = CampaignAction::ClearClockOffset { observation_id: id };
                act(&app, Action::Campaign { id: cid, action }, None)
            })
        };
        let original = as_received
            .iter()
            .find(|r| r.observation.id == id && (r.version.is_none() || r.chosen))
            .map(|r| r.observation);
        let on_propose = {
            let proposals = proposals.clone();
            let proposal = original.and_then(|o| propose_offset(&reference.observation, o, p.scheme));
            Callback::from(move |_| {
                let mut next = (*proposals).clone();
                next.insert(id, proposal);
                proposals.set(next);
            })
        };
        let proposal = proposals.get(&id).map(|found| match found {
            Some(a) => {
                let on_accept = {
                    let (set, proposals, offset) = (set.clone(), proposals.clone(), a.offset_ms);
                    Callback::from(move |_| {
                        set(id, offset, OffsetSource::Marker);
                        let mut next = (*proposals).clone();
                        next.remove(&id);
                        proposals.set(next);
                    })
                };
                html! {
                    <div class="an-proposal" data-testid="an-proposal">
                        <p>{ rd::marker_proposal(lang, &reference_name, &an::clock_time(a.reference_at_ms), &name, &an::clock_time(a.other_at_ms), &rd::offset(lang, a.offset_ms)) }</p>
                        <button type="button" class="button button-primary" onclick={on_accept} data-testid="an-accept-offset">{ V::AcceptProposal.get(lang) }</button>
                    </div>
                }
            }
            None => html! { <p class="an-proposal" data-testid="an-proposal">{ V::NoSharedMarker.get(lang) }</p> },
        });
        html! {
            <li class="an-clock" data-testid="an-clock">
                <p class="an-clock-head">
                    <strong>{ name.clone() }</strong>
                    <span data-testid="an-offset">{ format!(" · {} ({})", rd::offset(lang, k.offset_ms), rd::offset_source(lang, k.offset_source)) }</span>
                </p>
                <form class="an-offset-form" onsubmit={on_apply} novalidate=true>
                    <div class="field">
                        <label for={input_id.clone()}>{ V::OffsetLabel.get(lang) }</label>
                        <div class="an-offset-row">
                            <input id={input_id.clone()} type="text" inputmode="decimal" autocomplete="off" value={text} oninput={on_input}
                                aria-invalid={error.map(|_| "true")} aria-describedby={error.map(|_| error_id.clone())} />
                            <button type="submit" class="button" aria-label={i18n::action_on(lang, V::ApplyOffset.get(lang), &name)}>{ V::ApplyOffset.get(lang) }</button>
                        </div>
                        if let Some(e) = error { <p class="field-error" id={error_id.clone()} role="alert">{ rd::offset_error(lang, e) }</p> }
                    </div>
                </form>
                <div class="button-row">
                    <button type="button" class="button" onclick={on_propose} data-testid="an-align">{ V::AlignMarker.get(lang) }</button>
                    if k.offset_source.is_some() {
                        <button type="button" class="button" onclick={on_clear}>{ V::ClearOffset.get(lang) }</button>
                    }
                </div>
                { proposal.unwrap_or_default() }
            </li>
        }
    });
    html! {
        <div class="an-clocks" data-testid="an-clocks">
            <h3>{ V::ClocksTitle.get(lang) }</h3>
            <p class="hint">{ V::ClocksIntro.get(lang) }</p>
            <p>{ rd::reference_line(lang, &reference_name) }</p>
            <ul class="an-clock-list">{ for rows }</ul>
        </div>
    }
}
