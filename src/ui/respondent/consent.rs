//! The consent step: who asks, for what, who is asked (and about whom), what is collected and
//! why, who sees the answers, how long they are kept, and the freedom to stop, resume or have
//! them erased. Agreeing starts the questions; declining keeps nothing. Seen again after
//! agreeing, it offers to go back to the questions or to withdraw (which erases the draft).

use super::answer::StepProps;
use super::store::erase_draft;
use super::{focus_by_id, STEP_HEADING};
use crate::domain::i18n;
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::lang::Lang;
use crate::domain::survey::DraftAction;
use crate::domain::survey::Invitation;
use crate::platform::clock;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[function_component(Consent)]
pub fn consent(p: &StepProps) -> Html {
    let lang = use_lang();
    let confirming = use_state(|| false);
    let inv = &p.invitation;
    let asked_by = inv.asked_by.as_str();
    let role = inv.role_name.get(lang);
    let consented = p.draft.consented_at;

    let agree = {
        let act = p.act.clone();
        Callback::from(move |_| act.emit(DraftAction::Consent))
    };
    let decline = Callback::from(|_| super::navigate_to_invitations());
    let ask_withdraw = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            confirming.set(true);
        })
    };
    let cancel_withdraw = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            confirming.set(false);
            focus_by_id("rs-withdraw");
        })
    };
    let withdraw = {
        let id = inv.id;
        Callback::from(move |_| {
            erase_draft(id);
            super::navigate_to_invitations();
        })
    };
    {
        use_effect_with(*confirming, |open| {
            if *open {
                focus_by_id("rs-withdraw-yes");
            }
        });
    }

    html! {
        <article class="page rs-flow rs-consent" data-testid="rs-consent-step">
            <div class="rs-head">
                <p class="rs-overline">{ format!("{} · {}", inv.campaign_name, role) }</p>
                <h1 id={STEP_HEADING} tabindex="-1">{ R::ConsentTitle.get(lang) }</h1>
                <p class="lede">{
                    if inv.session.is_some() {
                        words::debrief_lede(lang, asked_by, &inv.campaign_name, role)
                    } else {
                        words::consent_lede(lang, asked_by, &inv.campaign_name, role)
                    }
                }</p>
            </div>
            <div class="card rs-consent-card">{ what_and_why(lang, inv) }</div>
            if let Some(when) = consented {
                <div class="card rs-decide">
                    <p>{ words::consented_on(lang, &i18n::date_time(lang, clock::local(when))) }</p>
                    <div class="button-row">
                        <button type="button" class="button button-primary" onclick={agree} data-testid="rs-consent">{ R::BackToQuestions.get(lang) }</button>
                        if !*confirming {
                            <button type="button" id="rs-withdraw" class="button button-danger" onclick={ask_withdraw}>{ R::Withdraw.get(lang) }</button>
                        }
                    </div>
                    if *confirming {
                        <div class="rs-confirm" role="group" aria-labelledby="rs-withdraw-question">
                            <p id="rs-withdraw-question"><strong>{ R::WithdrawQuestion.get(lang) }</strong></p>
                            <div class="button-row">
                                <button type="button" id="rs-withdraw-yes" class="button button-danger" onclick={withdraw} data-testid="rs-withdraw-yes">{ R::WithdrawYes.get(lang) }</button>
                                <button type="button" class="button" onclick={cancel_withdraw}>{ R::Cancel.get(lang) }</button>
                            </div>
                        </div>
                    }
                </div>
            } else {
                <div class="card rs-decide">
                    <div class="button-row">
                        <button type="button" class="button button-primary" onclick={agree} data-testid="rs-consent">{ R::Agree.get(lang) }</button>
                        <button type="button" class="button" onclick={decline} aria-describedby="rs-decline-hint" data-testid="rs-decline">{ R::Decline.get(lang) }</button>
                    </div>
                    <p class="hint" id="rs-decline-hint">{ R::DeclineHint.get(lang) }</p>
                </div>
            }
        </article>
    }
}

/// Who answers, what is collected, who sees it, for how long, at what pace: the terms agreed
/// to, shown on the consent step and again on demand below each page of questions.
pub fn what_and_why(lang: Lang, inv: &Invitation) -> Html {
    let asked_by = inv.asked_by.as_str();
    let who = match inv.session {
        Some(_) => words::debrief_who(lang, &inv.respondent.name, words::partner(inv)),
        None => words::who_line(
            lang,
            &inv.respondent.name,
            inv.subject.as_ref().map(|s| s.name.as_str()),
        ),
    };
    html! {
        <>
        if let Some(s) = &inv.session {
            <section aria-labelledby="rs-session">
                <h2 id="rs-session">{ R::SessionTitle.get(lang) }</h2>
                <ul class="rs-session" data-testid="rs-session">
                    <li><strong>{ words::session_label(lang, s) }</strong></li>
                    if !s.topic.trim().is_empty() { <li>{ s.topic.clone() }</li> }
                    if let Some(p) = words::partner(inv) { <li>{ words::with_whom(lang, p) }</li> }
                </ul>
            </section>
        }
        <section aria-labelledby="rs-who">
            <h2 id="rs-who">{ R::WhoTitle.get(lang) }</h2>
            <p data-testid="rs-who">{ who }</p>
        </section>
        <section aria-labelledby="rs-what">
            <h2 id="rs-what">{ R::WhatTitle.get(lang) }</h2>
            <ul class="rs-instruments">
                { for inv.resolved().into_iter().map(|i| html! {
                    <li>
                        <p class="rs-instrument-name">
                            <strong>{ i.title.get(lang).to_owned() }</strong>
                            <span class="rs-count">{ words::questions(lang, i.items.len()) }</span>
                        </p>
                        <p class="hint">{ i.purpose.get(lang).to_owned() }</p>
                    </li>
                }) }
            </ul>
            if inv.resolved().iter().any(|i| i.open_question.is_some()) {
                <p>{ R::OpenCollected.get(lang) }</p>
            }
            <p>{ R::TimeCollected.get(lang) }</p>
            <p>{ R::NothingElse.get(lang) }</p>
        </section>
        <section aria-labelledby="rs-sees">
            <h2 id="rs-sees">{ R::WhoSeesTitle.get(lang) }</h2>
            <p>{ words::who_sees(lang, asked_by) }</p>
        </section>
        <section aria-labelledby="rs-keep">
            <h2 id="rs-keep">{ R::KeepTitle.get(lang) }</h2>
            <p>{ words::keep_line(lang, asked_by, &i18n::date(lang, inv.keep_until)) }</p>
        </section>
        <section aria-labelledby="rs-pace">
            <h2 id="rs-pace">{ R::PaceTitle.get(lang) }</h2>
            <p>{ R::PaceBody.get(lang) }</p>
        </section>
        </>
    }
}
