//! The small form that edits one event, or inserts one at a chosen time: code, actor, modifier,
//! time and (for a state code) duration. It only reads the fields; the core decides.

use crate::domain::i18n::observe::{self as words, O};
use crate::domain::i18n::T;
use crate::domain::observation::log::EventFields;
use crate::domain::observation::scheme::{Actor, Applies, Code, CodeKind, Scheme};
use crate::ui::shell::lang::use_lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Prefix of the fields' ids (unique on the page).
    pub id: AttrValue,
    pub scheme: &'static Scheme,
    pub initial: EventFields,
    pub legend: AttrValue,
    pub submit: AttrValue,
    pub on_submit: Callback<EventFields>,
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// Focus the first field when the form appears (editing in place).
    #[prop_or_default]
    pub autofocus: bool,
}

#[derive(Clone, PartialEq)]
struct Draft {
    code: String,
    actor: Option<Actor>,
    modifier: Option<String>,
    time: String,
    duration: String,
}

fn allowed(code: &Code) -> Vec<Option<Actor>> {
    match code.actors {
        Applies::None => vec![None],
        Applies::Ceo => vec![Some(Actor::Ceo)],
        Applies::Candidate => vec![Some(Actor::Candidate)],
        Applies::Both => vec![Some(Actor::Ceo), Some(Actor::Candidate)],
    }
}

fn actor_value(a: Option<Actor>) -> &'static str {
    match a {
        Some(Actor::Ceo) => "ceo",
        Some(Actor::Candidate) => "candidate",
        None => "none",
    }
}

#[function_component(EventForm)]
pub fn event_form(p: &Props) -> Html {
    let lang = use_lang();
    let draft = use_state(|| Draft {
        code: p.initial.code.clone(),
        actor: p.initial.actor,
        modifier: p.initial.modifier.clone(),
        time: words::clock_text_exact(p.initial.at_ms),
        duration: p
            .initial
            .duration_ms
            .map(words::clock_text_exact)
            .unwrap_or_default(),
    });
    let errors = use_state(|| (false, false));
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(p.autofocus, move |focus| {
            if *focus {
                if let Some(el) = first.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let scheme = p.scheme;
    let code = scheme.code(&draft.code);
    let on_code = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut d = (*draft).clone();
            if let Some(c) = scheme.code(&id) {
                let ok = allowed(c);
                if !ok.contains(&d.actor) {
                    d.actor = ok[0];
                }
                if d.modifier
                    .as_deref()
                    .is_some_and(|m| c.modifier(m).is_none())
                {
                    d.modifier = None;
                }
                if c.kind == CodeKind::Point {
                    d.duration.clear();
                }
            }
            d.code = id;
            draft.set(d);
        })
    };
    let on_actor = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut d = (*draft).clone();
            d.actor = match v.as_str() {
                "ceo" => Some(Actor::Ceo),
                "candidate" => Some(Actor::Candidate),
                _ => None,
            };
            draft.set(d);
        })
    };
    let on_modifier = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut d = (*draft).clone();
            d.modifier = (!v.is_empty()).then_some(v);
            draft.set(d);
        })
    };
    let on_time = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.time = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(d);
        })
    };
    let on_duration = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.duration = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(d);
        })
    };
    let is_state = code.is_some_and(|c| c.kind == CodeKind::State);
    let onsubmit = {
        let (draft, errors, on_submit) = (draft.clone(), errors.clone(), p.on_submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let at = words::parse_clock(&draft.time);
            let duration = if is_state && !draft.duration.trim().is_empty() {
                words::parse_clock(&draft.duration).map(Some)
            } else {
                Some(None)
            };
            errors.set((at.is_none(), duration.is_none()));
            if let (Some(at_ms), Some(duration_ms)) = (at, duration) {
                on_submit.emit(EventFields {
                    actor: draft.actor,
                    code: draft.code.clone(),
                    modifier: draft.modifier.clone(),
                    at_ms,
                    duration_ms,
                });
            }
        })
    };
    let on_cancel = p
        .on_cancel
        .clone()
        .map(|cb| Callback::from(move |_: MouseEvent| cb.emit(())));
    let onkeydown = p.on_cancel.clone().map(|cb| {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                cb.emit(());
            }
        })
    });
    let id = |what: &str| format!("{}-{what}", p.id);
    let (time_error, duration_error) = *errors;
    let described = |hint: String, error: bool| {
        if error {
            format!("{hint} {hint}-error")
        } else {
            hint
        }
    };
    html! {
        <form class="obs-event-form" {onsubmit} {onkeydown} novalidate=true>
            <fieldset class="plain-fieldset">
                <legend>{ p.legend.clone() }</legend>
                <div class="obs-form-grid">
                    <div class="field">
                        <label for={id("code")}>{ O::FieldCode.get(lang) }</label>
                        <select id={id("code")} ref={first} onchange={on_code}>
                            { for scheme.categories.iter().map(|cat| html! {
                                <optgroup label={cat.label.get(lang).to_owned()}>
                                    { for scheme.codes.iter().filter(|c| c.category == cat.id).map(|c| html! {
                                        <option value={c.id.clone()} selected={c.id == draft.code}>
                                            { format!("{} ({})", c.label.get(lang), c.key) }
                                        </option>
                                    }) }
                                </optgroup>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for={id("actor")}>{ O::FieldActor.get(lang) }</label>
                        <select id={id("actor")} onchange={on_actor}>
                            { for code.map(allowed).unwrap_or_default().into_iter().map(|a| {
                                let label = match a {
                                    Some(a) => scheme.actor(a).map(|k| k.label.get(lang).to_owned()).unwrap_or_default(),
                                    None => O::Nobody.get(lang).to_owned(),
                                };
                                html! { <option value={actor_value(a)} selected={a == draft.actor}>{ label }</option> }
                            }) }
                        </select>
                    </div>
                    if let Some(c) = code.filter(|c| !c.modifiers.is_empty()) {
                        <div class="field">
                            <label for={id("modifier")}>{ O::FieldModifier.get(lang) }</label>
                            <select id={id("modifier")} onchange={on_modifier}>
                                <option value="" selected={draft.modifier.is_none()}>{ O::NoModifier.get(lang) }</option>
                                { for c.modifiers.iter().map(|m| html! {
                                    <option value={m.id.clone()} selected={draft.modifier.as_deref() == Some(m.id.as_str())}>{ m.label.get(lang).to_owned() }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <div class={classes!("field", time_error.then_some("has-error"))}>
                        <label for={id("time")}>{ O::FieldTime.get(lang) }</label>
                        <input id={id("time")} type="text" inputmode="decimal" autocomplete="off" value={draft.time.clone()} oninput={on_time}
                            aria-describedby={described(id("time-hint"), time_error)} aria-invalid={time_error.then_some("true")} />
                        <p class="hint" id={id("time-hint")}>{ O::TimeHint.get(lang) }</p>
                        if time_error { <p class="field-error" id={format!("{}-error", id("time-hint"))}>{ O::BadTimeFormat.get(lang) }</p> }
                    </div>
                    if is_state {
                        <div class={classes!("field", duration_error.then_some("has-error"))}>
                            <label for={id("duration")}>{ O::FieldDuration.get(lang) }</label>
                            <input id={id("duration")} type="text" inputmode="decimal" autocomplete="off" value={draft.duration.clone()} oninput={on_duration}
                                aria-describedby={described(id("duration-hint"), duration_error)} aria-invalid={duration_error.then_some("true")} />
                            <p class="hint" id={id("duration-hint")}>{ O::DurationHint.get(lang) }</p>
                            if duration_error { <p class="field-error" id={format!("{}-error", id("duration-hint"))}>{ O::BadTimeFormat.get(lang) }</p> }
                        </div>
                    }
                </div>
                <div class="button-row">
                    <button type="submit" class="button button-primary">{ p.submit.clone() }</button>
                    if let Some(cancel) = on_cancel {
                        <button type="button" class="button" onclick={cancel}>{ T::Cancel.get(lang) }</button>
                    }
                </div>
            </fieldset>
        </form>
    }
}
