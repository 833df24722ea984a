//! The recruiter's analysis of one work session held with one candidate: for the observation
//! chosen (one per mediator, or one per version when several were kept, with the choice of the
//! version that counts), the meta-communication indices with their definitions, their
//! evolution by thirds, who answers whom, a timeline and the mediator's ratings; then the
//! agreement between mediators (with their clocks lined up) and the candidate's trend across
//! the campaign's sessions. Every figure comes from the core; this folder only lays it out, one
//! file per section (`candidates.rs`: whose session, when the route does not say).

use crate::domain::campaign::Campaign;
use crate::domain::campaign::CampaignAction;
use crate::domain::fieldwork::known_scheme;
use crate::domain::i18n::analysis::{self as an, A};
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::observation::indices::{session_indices, Ratio, SessionIndices, TrendIndex};
use crate::domain::observation::log::Observation;
use crate::domain::observation::report::{counting, received, Received};
use crate::domain::observation::scheme::{Actor, Area, Scheme, Tag};
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::recruiter::fieldwork_section::mediator_name;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{use_app, Change, Msg};
use agreement::agreement;
pub use candidates::SessionCandidates;
use chrono::Timelike;
use indices::{meta_communication, overview, profile, thirds, transitions};
use ratings::ratings;
use timeline::timeline_card;
use trend::trend_card;
use uuid::Uuid;
use versions::Versions;
use yew::prelude::*;

mod agreement;
mod candidates;
mod clocks;
mod indices;
mod ratings;
mod timeline;
mod trend;
mod versions;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub session: String,
    pub candidate: String,
}

/// The indices shown by default in the thirds and trend tables (every index is one click away).
const KEY_INDICES: [TrendIndex; 11] = [
    TrendIndex::FloorShare(Actor::Ceo),
    TrendIndex::QuestionAnswer(Some(Actor::Ceo)),
    TrendIndex::QuestionAnswer(Some(Actor::Candidate)),
    TrendIndex::PositiveNegative(None),
    TrendIndex::Per10Min(Tag::BuildsOn, Actor::Ceo),
    TrendIndex::Per10Min(Tag::BuildsOn, Actor::Candidate),
    TrendIndex::Per10Min(Tag::Reformulates, Actor::Ceo),
    TrendIndex::Per10Min(Tag::Reformulates, Actor::Candidate),
    TrendIndex::Per10Min(Tag::Interrupts, Actor::Ceo),
    TrendIndex::Per10Min(Tag::Interrupts, Actor::Candidate),
    TrendIndex::SilenceShare,
];

/// Which received observation is on screen: its id and, for one of several versions, its rank.
pub(super) type Choice = (Uuid, Option<usize>);

pub(super) fn choice_of(r: &Received) -> Choice {
    (r.observation.id, r.version.map(|v| v.0))
}

/// The scheme an observation was coded with, and its indices as of its last change (a draft
/// imported with its clock running does not keep growing on the recruiter's screen).
fn indices_of(o: &Observation) -> Option<(&'static Scheme, SessionIndices)> {
    let scheme = known_scheme(&o.scheme.id, o.scheme.version)?;
    Some((scheme, session_indices(o, scheme, o.updated_at)))
}

fn area_class(a: Area) -> &'static str {
    match a {
        Area::PositiveSocioEmotional => "an-area-pos",
        Area::AttemptedAnswers => "an-area-ans",
        Area::Questions => "an-area-q",
        Area::NegativeSocioEmotional => "an-area-neg",
    }
}

fn dash(lang: Lang) -> String {
    A::NoValue.get(lang).to_owned()
}

#[function_component(SessionAnalysis)]
pub fn session_analysis(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let chosen = use_state(|| None::<Choice>);
    let lang = app.lang;
    let campaign = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let Some(c) = campaign else {
        return not_found(lang, None, A::CampaignNotFound.get(lang));
    };
    let Some(index) = Uuid::parse_str(&p.session)
        .ok()
        .and_then(|sid| c.sessions.iter().position(|s| s.id == sid))
    else {
        return not_found(lang, Some(&c), A::SessionNotFound.get(lang));
    };
    let s = &c.sessions[index];
    let n = index + 1;
    let Some(cand) = Uuid::parse_str(&p.candidate)
        .ok()
        .and_then(|id| c.candidates.iter().find(|p| p.id == id))
    else {
        return not_found(lang, Some(&c), V::CandidateNotFound.get(lang));
    };
    let merged = &fieldwork.fieldwork.observations;
    let got = received(merged, &c, s.id, Some(cand.id));
    let counted = counting(merged, &c, s.id, cand.id);
    let current = (*chosen)
        .and_then(|key| got.iter().find(|r| choice_of(r) == key))
        .or_else(|| got.iter().find(|r| r.is_settled()))
        .or(got.first());

    let mut meta = Vec::new();
    if let Some(d) = s.date {
        let mut when = i18n::date(lang, d);
        if let Some(t) = s.time {
            when.push_str(&format!(" · {:02}:{:02}", t.hour(), t.minute()));
        }
        meta.push(when);
    }
    if !s.place.trim().is_empty() {
        meta.push(s.place.clone());
    }
    let others = c.candidates.iter().filter(|o| o.id != cand.id).map(|o| {
        let to = Route::SessionAnalysisWith {
            id: c.id.to_string(),
            session: s.id.to_string(),
            candidate: o.id.to_string(),
        };
        html! { <li><Link {to}>{ o.name.clone() }</Link></li> }
    });
    // Undoing a reading choice (a version, a clock) is one click away, here too.
    let undo = match app.history.undo_label() {
        Some(change @ Change::Action(a)) if is_reading_choice(a, c.id) => {
            Some(change.undo_label(lang))
        }
        _ => None,
    };
    let on_undo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Msg::Undo))
    };
    let head = html! {
        <>
            <p class="breadcrumb">
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </p>
            <div class="page-head">
                <div>
                    <h1>{ an::analysis_title(lang, n) }</h1>
                    if !s.topic.trim().is_empty() { <p class="lede">{ s.topic.clone() }</p> }
                    <p class="an-with" data-testid="an-with">{ rd::with_candidate(lang, &cand.name) }</p>
                    if !meta.is_empty() { <p class="meta">{ meta.join(" · ") }</p> }
                </div>
            </div>
            if c.candidates.len() > 1 {
                <nav class="an-others" aria-labelledby="an-others-label">
                    <span id="an-others-label">{ V::OtherCandidates.get(lang) }</span>
                    <ul>{ for others }</ul>
                </nav>
            }
            if let Some(label) = undo {
                <div class="button-row an-undo">
                    <button type="button" class="button" onclick={on_undo} data-testid="an-undo">{ label }</button>
                </div>
            }
        </>
    };
    let Some(current) = current else {
        return html! {
            <article class="page an-page">
                { head }
                <section class="card"><p>{ A::NoObservation.get(lang) }</p></section>
            </article>
        };
    };

    let picker = got.iter().map(|r| {
        let key = choice_of(r);
        let pressed = key == choice_of(current);
        let onclick = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(Some(key)))
        };
        html! {
            <button type="button" class={classes!("an-pick", pressed.then_some("is-current"))}
                aria-pressed={pressed.to_string()} {onclick}>
                <span>{ mediator_name(lang, &c, r.observation.mediator_id) }</span>
                if !r.is_submitted() { <span class="badge badge-draft">{ A::StatusDraft.get(lang) }</span> }
                if let Some((k, total)) = r.version { <span class="badge an-badge-conflict">{ an::version_of(lang, k, total) }</span> }
                if r.chosen { <span class="badge badge-active">{ V::Counts.get(lang) }</span> }
            </button>
        }
    });

    let o = current.observation;
    let who = mediator_name(lang, &c, o.mediator_id);
    let mut facts = vec![
        an::events_count(lang, o.events.len()),
        an::notes_count(lang, o.notes.len()),
        an::duration(lang, o.length_ms(o.updated_at)),
    ];
    if let Some(at) = o.submitted_at {
        facts.push(an::submitted_on(
            lang,
            &i18n::date_time(lang, clock::local(at)),
        ));
    }
    let body = match indices_of(o) {
        Some((scheme, ix)) => html! {
            <>
                { overview(lang, &ix.whole) }
                { meta_communication(lang, &ix.whole) }
                { profile(lang, scheme, &ix.whole) }
                { thirds(lang, &ix) }
                { transitions(lang, &ix.transitions) }
                { timeline_card(lang, o, scheme, &ix) }
                { ratings(lang, o, scheme) }
            </>
        },
        // Imports refuse unknown schemes, so this is only a safeguard.
        None => html! {},
    };
    html! {
        <article class="page an-page">
            { head }
            <section class="card" aria-labelledby="an-observation-title">
                <h2 id="an-observation-title">{ format!("{} {who}", A::ObservationTitle.get(lang)) }</h2>
                if got.len() > 1 {
                    <div class="an-picker" role="group" aria-label={A::ChooseObservation.get(lang)}>{ for picker }</div>
                }
                <p class="meta">{ facts.join(" · ") }</p>
                if !current.is_submitted() {
                    <p class="banner banner-info">{ A::DraftWarning.get(lang) }</p>
                }
                if let Some((k, total)) = current.version {
                    <p class="an-conflict" role="note">
                        { an::version_of(lang, k, total) }{ " · " }
                        { if current.chosen { V::Counts.get(lang) } else { A::ConflictBadge.get(lang) } }
                    </p>
                }
            </section>
            <Versions campaign={c.clone()} session={s.id} candidate={cand.id} shown={choice_of(current)}
                on_show={{ let chosen = chosen.clone(); Callback::from(move |k: Choice| chosen.set(Some(k))) }} />
            { body }
            { agreement(lang, &c, s.id, cand.id, known_scheme(&o.scheme.id, o.scheme.version), &counted, &got) }
            { trend_card(lang, &c, n, merged, cand.id) }
        </article>
    }
}

/// Whether an action is one of the reading choices of this campaign (a version, a clock).
fn is_reading_choice(a: &Action, campaign: Uuid) -> bool {
    matches!(a, Action::Campaign { id, action } if *id == campaign && matches!(action,
        CampaignAction::ChooseVersion { .. }
            | CampaignAction::ClearVersionChoice { .. }
            | CampaignAction::SetClockOffset { .. }
            | CampaignAction::ClearClockOffset { .. }))
}

pub(super) fn not_found(lang: Lang, campaign: Option<&Campaign>, why: &str) -> Html {
    html! {
        <section class="page">
            <h1>{ T::NotFoundTitle.get(lang) }</h1>
            <p>{ why.to_owned() }</p>
            if let Some(c) = campaign {
                <Link to={Route::Campaign { id: c.id.to_string() }} classes="button">{ c.name.clone() }</Link>
            } else {
                <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link>
            }
        </section>
    }
}

/// A row header: the index's name and, under it, what it means.
fn row_head(name: &str, help: &str) -> Html {
    html! {
        <th scope="row">
            { name.to_owned() }
            <span class="hint block">{ help.to_owned() }</span>
        </th>
    }
}

/// A value with its parts under it.
fn value_cell(label: &str, value: String, parts: String) -> Html {
    html! {
        <td class="an-num" data-label={label.to_owned()}>
            <span class="an-value">{ value }</span>
            <span class="an-parts">{ parts }</span>
        </td>
    }
}

fn share_cell(lang: Lang, label: &str, r: Ratio) -> Html {
    let v = r.value().map_or_else(|| dash(lang), |v| an::share(lang, v));
    value_cell(label, v, an::parts_of(lang, r.numerator, r.denominator))
}

fn ratio_cell(lang: Lang, label: &str, r: Ratio) -> Html {
    let v = r
        .value()
        .map_or_else(|| dash(lang), |v| i18n::number(lang, v, 2));
    value_cell(label, v, an::ratio_parts(lang, r.numerator, r.denominator))
}

fn actor_heads(lang: Lang) -> Html {
    html! {
        <>
            <th scope="col">{ an::actor(lang, Actor::Ceo) }</th>
            <th scope="col">{ an::actor(lang, Actor::Candidate) }</th>
        </>
    }
}
