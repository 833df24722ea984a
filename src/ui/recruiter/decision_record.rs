//! The decision about a candidate: a form to record one (what, why, when), the history of
//! every decision (latest first, `campaign::decision::history`) and the current decision as a
//! badge. Recording is one undoable campaign change (`CampaignAction::RecordDecision`); the
//! core says what is wrong with a rationale and the form shows it next to the field.

use crate::domain::campaign::decision::history;
use crate::domain::campaign::{Campaign, CampaignAction, CampaignError, Decision, DecisionKind};
use crate::domain::draft::{date_input_value, parse_date_input};
use crate::domain::i18n::decision::{self as dc, Dc};
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::workspace::Action;
use crate::platform::{clock, dom, random};
use crate::ui::shell::state::{act, use_app};
use uuid::Uuid;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
    pub candidate: Uuid,
}

/// The kind of a decision as a badge (its words, and a class per kind for the colour).
pub fn kind_badge(lang: Lang, k: DecisionKind) -> Html {
    html! { <span class={classes!("badge", "dc-badge", format!("dc-{}", dc::kind_code(k)))}>{ dc::kind(lang, k) }</span> }
}

/// The current decision: its kind and day, or "no decision yet".
pub fn current_line(lang: Lang, c: &Campaign, candidate: Uuid) -> Html {
    match history(&c.decisions, candidate).first() {
        Some(d) => html! {
            <span class="dc-current-value">
                { kind_badge(lang, d.kind) }
                <span class="hint">{ format!(" {}", dc::decided_on(lang, &i18n::date(lang, d.decided_on))) }</span>
            </span>
        },
        None => html! { <span class="dc-current-value cp-none">{ Dc::NoCurrent.get(lang) }</span> },
    }
}

#[function_component(CurrentDecision)]
pub fn current_decision(p: &Props) -> Html {
    let lang = use_app().lang;
    html! {
        <p class="dc-current">
            <span class="dc-current-label">{ format!("{}{}", Dc::Current.get(lang), crate::domain::i18n::picture::colon(lang)) }</span>
            { current_line(lang, &p.campaign, p.candidate) }
        </p>
    }
}

/// The decisions about one candidate, latest first.
#[function_component(History)]
pub fn decision_history(p: &Props) -> Html {
    let lang = use_app().lang;
    history_list(lang, &p.campaign, p.candidate)
}

/// The history as a list (also printed in the report).
pub fn history_list(lang: Lang, c: &Campaign, candidate: Uuid) -> Html {
    let all = history(&c.decisions, candidate);
    let items = all.iter().map(|d| {
        html! {
            <li class="dc-entry">
                <p class="dc-entry-head">
                    { kind_badge(lang, d.kind) }
                    <span class="hint">{ dc::decided(lang, &i18n::date(lang, d.decided_on), &i18n::date_time(lang, clock::local(d.recorded_at))) }</span>
                </p>
                <p class="dc-rationale">{ d.rationale.clone() }</p>
            </li>
        }
    });
    html! {
        <div class="dc-history">
            <h3>{ Dc::HistoryTitle.get(lang) }</h3>
            if all.is_empty() {
                <p class="cp-none">{ Dc::NoDecision.get(lang) }</p>
            } else {
                <ol class="dc-list">{ for items }</ol>
            }
        </div>
    }
}

#[derive(Clone, Default, PartialEq)]
struct Form {
    kind: Option<DecisionKind>,
    rationale: String,
    date: String,
    kind_error: Option<String>,
    rationale_error: Option<String>,
    date_error: Option<String>,
    form_error: Option<String>,
}

fn today() -> String {
    date_input_value(Some(clock::local(clock::now()).date()))
}

/// The form: a radio group for the kind, the rationale, the day decided.
#[function_component(DecisionRecord)]
pub fn decision_record(p: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let form = use_state(|| Form {
        date: today(),
        ..Form::default()
    });
    let base = format!("dc-{}", p.candidate);
    let on_kind = |k: DecisionKind| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            form.set(Form {
                kind: Some(k),
                kind_error: None,
                ..(*form).clone()
            })
        })
    };
    let on_rationale = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            form.set(Form {
                rationale: v,
                ..(*form).clone()
            })
        })
    };
    let on_date = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            form.set(Form {
                date: v,
                ..(*form).clone()
            })
        })
    };
    let onsubmit = {
        let (form, app, c, candidate, base) = (
            form.clone(),
            app.clone(),
            p.campaign.clone(),
            p.candidate,
            base.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang;
            let mut next = Form {
                kind_error: None,
                rationale_error: None,
                date_error: None,
                form_error: None,
                ..(*form).clone()
            };
            let date = match parse_date_input(&next.date) {
                Ok(Some(d)) => Some(d),
                _ => {
                    next.date_error = Some(T::BadDate.get(lang).to_owned());
                    None
                }
            };
            if next.kind.is_none() {
                next.kind_error = Some(Dc::ChooseKind.get(lang).to_owned());
            }
            let now = clock::now();
            let decision = next.kind.zip(date).map(|(kind, decided_on)| Decision {
                id: random::new_uuid(),
                candidate_id: candidate,
                kind,
                rationale: next.rationale.clone(),
                decided_on,
                recorded_at: now,
            });
            // The rationale is checked by the core even when another field is wrong.
            let probe = Decision {
                id: random::new_uuid(),
                candidate_id: candidate,
                kind: next.kind.unwrap_or(DecisionKind::OnHold),
                rationale: next.rationale.clone(),
                decided_on: date.unwrap_or_else(|| now.date_naive()),
                recorded_at: now,
            };
            let action = CampaignAction::RecordDecision {
                decision: decision.clone().unwrap_or(probe),
            };
            if let Err(err) = c.apply(&action, now) {
                let text = i18n::campaign_error(lang, &err).to_owned();
                match err {
                    CampaignError::RationaleRequired
                    | CampaignError::TooLong
                    | CampaignError::ForbiddenCharacters => next.rationale_error = Some(text),
                    _ => next.form_error = Some(text),
                }
            }
            let first_wrong = [
                (next.kind_error.is_some(), format!("{base}-kind-0")),
                (next.rationale_error.is_some(), format!("{base}-rationale")),
                (next.date_error.is_some(), format!("{base}-date")),
            ]
            .into_iter()
            .find(|(wrong, _)| *wrong)
            .map(|(_, id)| id);
            if first_wrong.is_some() || next.form_error.is_some() || decision.is_none() {
                if let Some(id) = first_wrong {
                    dom::focus_by_id(&id);
                }
                form.set(next);
                return;
            }
            act(
                &app,
                Action::Campaign { id: c.id, action },
                Some(T::DecisionRecorded),
            );
            form.set(Form {
                date: today(),
                ..Form::default()
            });
        })
    };
    let kind_error_id = format!("{base}-kind-error");
    let radios = DecisionKind::ALL.iter().enumerate().map(|(k, kind)| {
        let id = format!("{base}-kind-{k}");
        let hint = format!("{id}-hint");
        html! {
            <div class="dc-choice">
                <input type="radio" id={id.clone()} name={format!("{base}-kind")} value={dc::kind_code(*kind)}
                    checked={form.kind == Some(*kind)} onchange={on_kind(*kind)} aria-describedby={hint.clone()} />
                <label for={id}>
                    <span class="dc-choice-name">{ dc::kind(lang, *kind) }</span>
                    <span class="hint block" id={hint}>{ dc::kind_hint(lang, *kind) }</span>
                </label>
            </div>
        }
    });
    let rationale_id = format!("{base}-rationale");
    let date_id = format!("{base}-date");
    let described = |error: &Option<String>, id: &str| {
        let mut ids = vec![format!("{id}-hint")];
        if error.is_some() {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    };
    let any_error = form.kind_error.is_some()
        || form.rationale_error.is_some()
        || form.date_error.is_some()
        || form.form_error.is_some();
    html! {
        <form class="dc-form" novalidate=true {onsubmit} aria-labelledby={format!("{base}-title")}>
            <p class="hint" id={format!("{base}-title")}>{ Dc::DecisionIntro.get(lang) }</p>
            if any_error {
                <div class="form-summary" role="alert">
                    <p>{ form.form_error.clone().unwrap_or_else(|| Dc::FormErrors.get(lang).to_owned()) }</p>
                </div>
            }
            <fieldset class={classes!("plain-fieldset", "dc-kinds", form.kind_error.is_some().then_some("has-error"))}
                aria-describedby={form.kind_error.is_some().then(|| kind_error_id.clone())}>
                <legend>
                    { Dc::WhatDecided.get(lang) }
                    <span class="required" aria-hidden="true">{ " *" }</span>
                    <span class="visually-hidden">{ format!(" ({})", T::Required.get(lang)) }</span>
                </legend>
                <div class="dc-choices">{ for radios }</div>
                if let Some(e) = &form.kind_error { <p class="field-error" id={kind_error_id.clone()}>{ e.clone() }</p> }
            </fieldset>
            <div class={classes!("field", form.rationale_error.is_some().then_some("has-error"))}>
                <label for={rationale_id.clone()}>
                    { Dc::Rationale.get(lang) }
                    <span class="required" aria-hidden="true">{ " *" }</span>
                    <span class="visually-hidden">{ format!(" ({})", T::Required.get(lang)) }</span>
                </label>
                <textarea id={rationale_id.clone()} rows="4" required=true value={form.rationale.clone()} oninput={on_rationale}
                    aria-invalid={form.rationale_error.is_some().then_some("true")}
                    aria-describedby={described(&form.rationale_error, &rationale_id)}></textarea>
                <p class="hint" id={format!("{rationale_id}-hint")}>{ Dc::RationaleHint.get(lang) }</p>
                if let Some(e) = &form.rationale_error { <p class="field-error" id={format!("{rationale_id}-error")}>{ e.clone() }</p> }
            </div>
            <div class={classes!("field", "dc-date", form.date_error.is_some().then_some("has-error"))}>
                <label for={date_id.clone()}>{ Dc::DecidedOn.get(lang) }</label>
                <input id={date_id.clone()} type="date" value={form.date.clone()} oninput={on_date}
                    aria-invalid={form.date_error.is_some().then_some("true")}
                    aria-describedby={described(&form.date_error, &date_id)} />
                <p class="hint" id={format!("{date_id}-hint")}>{ Dc::DecidedOnHint.get(lang) }</p>
                if let Some(e) = &form.date_error { <p class="field-error" id={format!("{date_id}-error")}>{ e.clone() }</p> }
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">{ Dc::Record.get(lang) }</button>
            </div>
        </form>
    }
}
