//! The rating grid of one session, after coding: each dimension rated by choosing the
//! behaviour that best matches what was seen (the anchors are the radio labels), with an
//! optional comment and coded events as evidence; then a synthesis and the submission, which
//! locks the observation. Only this kit's mediator's own observation is ever shown here.

use super::common::{
    breadcrumb, focus_by_id, locate, not_found, session_heading, ExportObservation, RefusalAlert,
};
use super::evidence::EvidencePicker;
use super::SessionProps;
use crate::domain::fieldwork::{known_scheme, FieldworkError};
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::i18n::{self, T};
use crate::domain::observation::log::{ObservationAction, ObservationError};
use crate::domain::observation::rating::{
    default_bars, Dimension, Rating as DimensionRating, MAX_COMMENT_CHARS, MAX_SYNTHESIS_CHARS,
};
use crate::domain::observation::scheme::Scheme;
use crate::domain::sorting;
use crate::platform::clock;
use crate::ui::shell::fieldwork::{observe, use_fieldwork};
use crate::ui::shell::lang::use_lang;
use uuid::Uuid;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[function_component(Rating)]
pub fn rating(p: &SessionProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let confirming = use_state(|| false);
    let confirm_ref = use_node_ref();
    {
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*confirming, move |open| {
            if *open {
                if let Some(el) = confirm_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(place) = locate(&fw.fieldwork, &p.kit, &p.session, &p.candidate) else {
        return not_found(lang);
    };
    let coding_route = p.address().coding();
    let obs = place.observation(&fw.fieldwork);
    let Some((obs, scheme)) =
        obs.and_then(|o| known_scheme(&o.scheme.id, o.scheme.version).map(|s| (o, s)))
    else {
        return html! {
            <article class="page obs-rating">
                { breadcrumb(lang) }
                { session_heading(lang, &place, O::RatingTitle) }
                <div class="card empty-state">
                    <h2>{ O::NotStartedTitle.get(lang) }</h2>
                    <p>{ O::RateNeedsObservation.get(lang) }</p>
                    <a href={coding_route} class="button button-primary">{ O::GoToCoding.get(lang) }</a>
                </div>
            </article>
        };
    };
    let bars = default_bars();
    let read_only = obs.is_submitted();
    let obs_id = obs.id;
    let unrated: Vec<&str> = obs
        .unrated_dimensions(bars)
        .into_iter()
        .filter_map(|id| bars.dimension(id).map(|d| d.name.get(lang)))
        .collect();
    let total = bars.dimensions.len();

    let on_synthesis = {
        let fw = fw.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            observe(&fw, obs_id, ObservationAction::SetSynthesis { text });
        })
    };
    let open_confirm = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let close_confirm = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            confirming.set(false);
            focus_by_id("submit-open");
        })
    };
    let submit = |action: ObservationAction| {
        let fw = fw.clone();
        Callback::from(move |_| observe(&fw, obs_id, action.clone()))
    };
    let unrated_refusal = matches!(
        &fw.refused,
        Some(FieldworkError::Observation(ObservationError::Unrated(_)))
    );

    html! {
        <article class="page obs-rating">
            { breadcrumb(lang) }
            { session_heading(lang, &place, O::RatingTitle) }
            <p class="obs-blind-note" data-testid="obs-blind-note">{ O::BlindNote.get(lang) }</p>
            <div class="toolbar-actions obs-toolbar">
                <a href={coding_route} class="button">{ format!("← {}", O::BackToCoding.get(lang)) }</a>
                <ExportObservation kit={place.kit.id} session={place.session.id} candidate={place.candidate.id} />
            </div>
            <RefusalAlert />
            if read_only {
                <p class="banner banner-info" data-testid="obs-read-only">{ words::read_only_note(lang, obs.submitted_at.map(|t| i18n::date_time(lang, clock::local(t)))) }</p>
            } else {
                <p class="lede">{ O::RatingIntro.get(lang) }</p>
            }
            <p class="obs-progress" data-testid="obs-progress">{ words::rated_progress(lang, total - unrated.len(), total) }</p>
            { for bars.dimensions.iter().enumerate().map(|(i, d)| html! {
                <DimensionCard number={i + 1} dimension={d} rating={obs.rating(&d.id).cloned()} observation={obs_id} {scheme} {read_only} />
            }) }
            <section class="card obs-synthesis" aria-labelledby="synthesis-title">
                <h2 id="synthesis-title">{ O::SynthesisTitle.get(lang) }</h2>
                if read_only {
                    if obs.synthesis.is_empty() {
                        <p class="empty-line">{ O::NoSynthesis.get(lang) }</p>
                    } else {
                        <p class="obs-prewrap">{ obs.synthesis.clone() }</p>
                    }
                } else {
                    <div class="field">
                        <label for="synthesis">{ O::SynthesisLabel.get(lang) }</label>
                        <textarea id="synthesis" rows="8" maxlength={MAX_SYNTHESIS_CHARS.to_string()} value={obs.synthesis.clone()}
                            onchange={on_synthesis} aria-describedby="synthesis-hint" data-testid="obs-synthesis" />
                        <p class="hint" id="synthesis-hint">{ O::SynthesisHint.get(lang) }</p>
                    </div>
                }
            </section>
            if read_only {
                <section class="card obs-submit" aria-labelledby="export-title">
                    <h2 id="export-title">{ O::SendBackTitle.get(lang) }</h2>
                    <p>{ O::SendBackBody.get(lang) }</p>
                    <ExportObservation kit={place.kit.id} session={place.session.id} candidate={place.candidate.id} primary=true />
                </section>
            } else {
                <section class="card obs-submit" aria-labelledby="submit-title">
                    <h2 id="submit-title">{ O::SubmitTitle.get(lang) }</h2>
                    <p>{ O::SubmitExplain.get(lang) }</p>
                    if !unrated.is_empty() {
                        <p class="obs-warning">{ words::unrated_list(lang, &unrated) }</p>
                    }
                    if *confirming {
                        <div class="obs-confirm" role="group" aria-labelledby="confirm-question">
                            <p id="confirm-question"><strong>{ O::ConfirmSubmit.get(lang) }</strong></p>
                            if unrated_refusal {
                                <p class="field-error">{ O::UnratedRefused.get(lang) }</p>
                            }
                            <div class="button-row">
                                <button type="button" class="button button-primary" ref={confirm_ref} onclick={submit(ObservationAction::Submit)} data-testid="obs-submit-confirm">
                                    { O::ConfirmSubmitYes.get(lang) }
                                </button>
                                if unrated_refusal {
                                    <button type="button" class="button button-danger" onclick={submit(ObservationAction::SubmitIncomplete)} data-testid="obs-submit-incomplete">
                                        { O::SubmitIncomplete.get(lang) }
                                    </button>
                                }
                                <button type="button" class="button" onclick={close_confirm}>{ T::Cancel.get(lang) }</button>
                            </div>
                        </div>
                    } else {
                        <button type="button" id="submit-open" class="button button-primary" onclick={open_confirm} data-testid="obs-submit">{ O::SubmitOpen.get(lang) }</button>
                    }
                </section>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct DimensionProps {
    number: usize,
    dimension: &'static Dimension,
    rating: Option<DimensionRating>,
    observation: Uuid,
    scheme: &'static Scheme,
    read_only: bool,
}

/// One dimension: its definition, the five anchors as radio labels, a comment, the evidence.
#[function_component(DimensionCard)]
fn dimension_card(p: &DimensionProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let d = p.dimension;
    let base = format!("dim-{}", d.id);
    let title_id = format!("{base}-title");
    let current = p.rating.clone();
    let mut anchors: Vec<_> = d.anchors.iter().collect();
    sorting::sort_by_key(&mut anchors, |a| a.level);
    let evidence = current
        .as_ref()
        .map(|r| r.evidence.clone())
        .unwrap_or_default();

    if p.read_only {
        let chosen = current.as_ref().and_then(|r| d.anchor(r.level));
        return html! {
            <section class="card obs-dimension" aria-labelledby={title_id.clone()}>
                <h2 id={title_id}>{ format!("{}. {}", p.number, d.name.get(lang)) }</h2>
                <p class="obs-definition">{ d.definition.get(lang).to_owned() }</p>
                if let Some(a) = chosen {
                    <p class="obs-chosen"><span class="obs-chosen-label">{ O::Chosen.get(lang) }</span>{ a.text.get(lang).to_owned() }
                        <span class="obs-anchor-level">{ words::level_of(lang, a.level) }</span></p>
                } else {
                    <p class="empty-line">{ O::NotRated.get(lang) }</p>
                }
                if let Some(r) = current.as_ref().filter(|r| !r.comment.is_empty()) {
                    <p class="obs-prewrap"><span class="obs-chosen-label">{ O::CommentLabel.get(lang) }</span>{ r.comment.clone() }</p>
                }
                <EvidencePicker observation={p.observation} dimension={d.id.clone()} scheme={p.scheme}
                    selected={evidence} enabled=false read_only=true on_change={Callback::noop()} />
            </section>
        };
    }

    let rate = {
        let (fw, obs_id, dim) = (fw.clone(), p.observation, d.id.clone());
        move |level: u8, evidence: Vec<Uuid>, comment: String| {
            observe(
                &fw,
                obs_id,
                ObservationAction::Rate {
                    dimension: dim.clone(),
                    level,
                    evidence,
                    comment,
                },
            )
        }
    };
    let on_clear = {
        let (fw, obs_id, dim) = (fw.clone(), p.observation, d.id.clone());
        Callback::from(move |_| {
            observe(
                &fw,
                obs_id,
                ObservationAction::ClearRating {
                    dimension: dim.clone(),
                },
            )
        })
    };
    let on_comment = {
        let (rate, current) = (rate.clone(), current.clone());
        Callback::from(move |e: Event| {
            let comment = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            if let Some(r) = &current {
                rate(r.level, r.evidence.clone(), comment);
            }
        })
    };
    let on_evidence = {
        let (rate, current) = (rate.clone(), current.clone());
        Callback::from(move |evidence: Vec<Uuid>| {
            if let Some(r) = &current {
                rate(r.level, evidence, r.comment.clone());
            }
        })
    };
    let rated = current.is_some();
    let comment_id = format!("{base}-comment");
    let needs_id = format!("{base}-needs");
    html! {
        <section class={classes!("card", "obs-dimension", rated.then_some("is-rated"))} aria-labelledby={title_id.clone()} data-testid="obs-dimension">
            <fieldset class="plain-fieldset" aria-describedby={format!("{base}-def")}>
                <legend><h2 id={title_id} class="legend-heading">{ format!("{}. {}", p.number, d.name.get(lang)) }</h2></legend>
                <p class="obs-definition" id={format!("{base}-def")}>{ d.definition.get(lang).to_owned() }</p>
                <div class="obs-anchors">
                    { for anchors.iter().map(|a| {
                        let id = format!("{base}-{}", a.level);
                        let checked = current.as_ref().is_some_and(|r| r.level == a.level);
                        let onchange = {
                            let (rate, current, level) = (rate.clone(), current.clone(), a.level);
                            Callback::from(move |_: Event| {
                                let (evidence, comment) = current.as_ref().map(|r| (r.evidence.clone(), r.comment.clone())).unwrap_or_default();
                                rate(level, evidence, comment);
                            })
                        };
                        html! {
                            <div class={classes!("obs-anchor", checked.then_some("is-checked"))}>
                                <input type="radio" id={id.clone()} name={base.clone()} value={a.level.to_string()} {checked} {onchange} />
                                <label for={id}>
                                    <span class="obs-anchor-text">{ a.text.get(lang).to_owned() }</span>
                                    <span class="obs-anchor-level">{ words::level_of(lang, a.level) }</span>
                                </label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            if rated {
                <button type="button" class="button button-quiet obs-small" onclick={on_clear}
                    aria-label={i18n::action_on(lang, O::ClearRating.get(lang), d.name.get(lang))}>{ O::ClearRating.get(lang) }</button>
            }
            <div class="field obs-comment">
                <label for={comment_id.clone()}>{ O::CommentOptional.get(lang) }</label>
                <textarea id={comment_id} rows="2" maxlength={MAX_COMMENT_CHARS.to_string()} disabled={!rated}
                    value={current.as_ref().map(|r| r.comment.clone()).unwrap_or_default()} onchange={on_comment}
                    aria-describedby={(!rated).then(|| needs_id.clone())} />
                if !rated { <p class="hint" id={needs_id}>{ O::RateFirst.get(lang) }</p> }
            </div>
            <EvidencePicker observation={p.observation} dimension={d.id.clone()} scheme={p.scheme}
                selected={evidence} enabled={rated} read_only=false on_change={on_evidence} />
        </section>
    }
}
