//! Evidence for one rating: coded events of the log linked to it. The linked events are listed
//! with a way to unlink each; the chooser (a filtered list of checkboxes) is only rendered
//! while open, and only a page of it at a time, because the log can hold thousands of events.

use super::common::{actor_class, event_line, event_words};
use crate::domain::i18n::action_on;
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::observation::log::Event;
use crate::domain::observation::rating::MAX_EVIDENCE;
use crate::domain::observation::scheme::{Actor, Scheme};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::lang::use_lang;
use uuid::Uuid;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Events listed per page of the chooser.
const PAGE: usize = 60;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub observation: Uuid,
    pub dimension: String,
    pub scheme: &'static Scheme,
    pub selected: Vec<Uuid>,
    /// False until the dimension is rated (evidence belongs to a rating).
    pub enabled: bool,
    pub read_only: bool,
    pub on_change: Callback<Vec<Uuid>>,
}

#[function_component(EvidencePicker)]
pub fn evidence_picker(p: &Props) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let open = use_state(|| false);
    let code_filter = use_state(String::new);
    let actor_filter = use_state(String::new);
    let limit = use_state(|| PAGE);
    let Some(obs) = fw
        .fieldwork
        .observations
        .versions()
        .find(|o| o.id == p.observation)
    else {
        return html! {};
    };
    let scheme = p.scheme;
    let base = format!("ev-{}", p.dimension);
    let linked: Vec<&Event> = p.selected.iter().filter_map(|id| obs.event(*id)).collect();

    let toggled = |id: Uuid| {
        let mut next = p.selected.clone();
        if let Some(i) = next.iter().position(|x| *x == id) {
            next.remove(i);
        } else {
            next.push(id);
        }
        next
    };
    let on_check = |id: Uuid| {
        let (next, on_change) = (toggled(id), p.on_change.clone());
        Callback::from(move |_: web_sys::Event| on_change.emit(next.clone()))
    };
    let on_unlink = |id: Uuid| {
        let (next, on_change) = (toggled(id), p.on_change.clone());
        Callback::from(move |_: MouseEvent| on_change.emit(next.clone()))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: web_sys::Event| {
            open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    let on_code = {
        let (code_filter, limit) = (code_filter.clone(), limit.clone());
        Callback::from(move |e: web_sys::Event| {
            code_filter.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            limit.set(PAGE);
        })
    };
    let on_actor = {
        let (actor_filter, limit) = (actor_filter.clone(), limit.clone());
        Callback::from(move |e: web_sys::Event| {
            actor_filter.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            limit.set(PAGE);
        })
    };
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let full = p.selected.len() >= MAX_EVIDENCE;

    let chooser = if *open {
        let wanted_actor = match actor_filter.as_str() {
            "ceo" => Some(Some(Actor::Ceo)),
            "candidate" => Some(Some(Actor::Candidate)),
            "none" => Some(None),
            _ => None,
        };
        let matches = |e: &&Event| {
            (code_filter.is_empty() || e.code == *code_filter)
                && wanted_actor.is_none_or(|a| e.actor == a)
        };
        let count = obs.events.iter().filter(matches).count();
        html! {
            <>
                <div class="obs-filters">
                    <div class="field">
                        <label for={format!("{base}-code")}>{ O::FilterCode.get(lang) }</label>
                        <select id={format!("{base}-code")} onchange={on_code}>
                            <option value="" selected={code_filter.is_empty()}>{ O::AllCodes.get(lang) }</option>
                            { for scheme.codes.iter().map(|c| html! {
                                <option value={c.id.clone()} selected={*code_filter == c.id}>{ c.label.get(lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for={format!("{base}-actor")}>{ O::FilterActor.get(lang) }</label>
                        <select id={format!("{base}-actor")} onchange={on_actor}>
                            <option value="" selected={actor_filter.is_empty()}>{ O::Everyone.get(lang) }</option>
                            { for scheme.actors.iter().map(|a| {
                                let v = match a.actor { Actor::Ceo => "ceo", Actor::Candidate => "candidate" };
                                html! { <option value={v} selected={*actor_filter == v}>{ a.label.get(lang).to_owned() }</option> }
                            }) }
                            <option value="none" selected={*actor_filter == "none"}>{ O::Nobody.get(lang) }</option>
                        </select>
                    </div>
                </div>
                <p class="hint" aria-live="polite">{ words::matching_events(lang, count) }</p>
                if full { <p class="hint">{ words::evidence_full(lang, MAX_EVIDENCE) }</p> }
                if count > 0 {
                    <fieldset class="plain-fieldset">
                        <legend class="visually-hidden">{ O::EvidenceChoose.get(lang) }</legend>
                        <ul class="obs-evidence-list">
                            { for obs.events.iter().filter(matches).take(*limit).map(|e| {
                                let id = format!("{base}-{}", e.id);
                                let checked = p.selected.contains(&e.id);
                                let (t, a, w) = event_words(lang, scheme, e);
                                html! {
                                    <li key={e.id.to_string()}>
                                        <input type="checkbox" id={id.clone()} {checked} disabled={full && !checked} onchange={on_check(e.id)} />
                                        <label for={id}>
                                            <span class="obs-time">{ t }</span>
                                            <span class="obs-event-body">
                                                if e.actor.is_some() {
                                                    <span class={classes!("obs-who", actor_class(e.actor))}>{ a }</span>{ " " }
                                                }
                                                <span class="obs-what">{ w }</span>
                                            </span>
                                        </label>
                                    </li>
                                }
                            }) }
                        </ul>
                    </fieldset>
                    if count > *limit {
                        <button type="button" class="button button-quiet" onclick={more}>{ words::show_more(lang, PAGE.min(count - *limit)) }</button>
                    }
                }
            </>
        }
    } else {
        html! {}
    };

    html! {
        <div class="obs-evidence" role="group" aria-labelledby={format!("{base}-title")}>
            <h3 id={format!("{base}-title")} class="obs-evidence-title">{ words::evidence_title(lang, linked.len()) }</h3>
            if linked.is_empty() {
                <p class="hint">{ if p.read_only { O::NoEvidence.get(lang) } else { O::NoEvidenceYet.get(lang) } }</p>
            } else {
                <ul class="obs-chips">
                    { for linked.iter().map(|e| {
                        let line = event_line(lang, scheme, e);
                        html! {
                            <li class="obs-chip" key={e.id.to_string()}>
                                <span>{ line.clone() }</span>
                                if !p.read_only && p.enabled {
                                    <button type="button" class="obs-chip-remove" onclick={on_unlink(e.id)}
                                        aria-label={action_on(lang, O::Unlink.get(lang), &line)}>{ O::UnlinkMark.get(lang) }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !p.read_only && p.enabled {
                <details class="obs-evidence-chooser" ontoggle={on_toggle}>
                    <summary>{ O::EvidenceChoose.get(lang) }</summary>
                    { chooser }
                </details>
            }
        </div>
    }
}
