//! The mediator's home: the kits in this browser, each with its sessions and where this
//! mediator's observation of each session stands.

use super::common::{ExportObservation, RefusalAlert};
use crate::domain::campaign::{KitPerson, WorkSession};
use crate::domain::fieldwork::address::Session;
use crate::domain::fieldwork::Kit;
use crate::domain::file::{read_fieldwork_file, ImportError, MergeReport};
use crate::domain::i18n;
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::lang::Lang;
use crate::domain::observation::clock::ClockState;
use crate::domain::observation::log::Observation;
use crate::platform::clock;
use crate::platform::dom::go_to_fragment;
use crate::ui::shell::fieldwork::{import_kits, start, use_fieldwork, FieldworkHandle};
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::import_button::{import_control, outcome_regions, read_file};
use yew::prelude::*;

#[function_component(Kits)]
pub fn kits() -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let kits = &fw.fieldwork.kits;
    // Said at the top of the page: the button moves once the first kit is in.
    let outcome = use_state(|| None::<(String, bool)>);
    let say = {
        let outcome = outcome.clone();
        Callback::from(move |said| outcome.set(Some(said)))
    };
    html! {
        <section class="page obs-kits" aria-labelledby="kits-title">
            <div class="page-head">
                <div>
                    <h1 id="kits-title">{ O::KitsTitle.get(lang) }</h1>
                    <p class="lede">{ O::KitsIntro.get(lang) }</p>
                </div>
            </div>
            <RefusalAlert />
            { outcome_regions(lang, &outcome) }
            if kits.is_empty() {
                <div class="card empty-state" data-testid="obs-empty">
                    <h2>{ O::NoKitTitle.get(lang) }</h2>
                    <p>{ O::NoKitBody.get(lang) }</p>
                    <div class="obs-center">
                        <KitImportButton on_outcome={say.clone()} />
                    </div>
                    <p class="hint">{ O::NoKitPrivacy.get(lang) }</p>
                </div>
            } else {
                { for kits.iter().map(|k| kit_card(lang, &fw, k)) }
                <section class="card obs-import-more" aria-labelledby="import-more-title">
                    <h2 id="import-more-title">{ O::AnotherKitTitle.get(lang) }</h2>
                    <p class="hint">{ O::AnotherKitBody.get(lang) }</p>
                    <KitImportButton on_outcome={say.clone()} />
                </section>
            }
        </section>
    }
}

fn kit_card(lang: Lang, fw: &FieldworkHandle, kit: &Kit) -> Html {
    let title_id = format!("kit-{}", kit.id);
    let issued = i18n::date(lang, clock::local(kit.issued_at).date());
    let leader = if kit.leader.title.trim().is_empty() {
        kit.leader.name.clone()
    } else {
        format!("{} ({})", kit.leader.name, kit.leader.title)
    };
    html! {
        <article class="card obs-kit" aria-labelledby={title_id.clone()} data-testid="obs-kit">
            <h2 id={title_id}>{ kit.campaign_name.clone() }</h2>
            <dl class="obs-facts">
                <div><dt>{ O::FactRole.get(lang) }</dt><dd>{ kit.role_name.get(lang).to_owned() }</dd></div>
                <div><dt>{ O::FactLeader.get(lang) }</dt><dd>{ leader }</dd></div>
                <div><dt>{ O::FactMediator.get(lang) }</dt><dd>{ kit.mediator.name.clone() }</dd></div>
                <div><dt>{ O::FactIssued.get(lang) }</dt><dd>{ issued }</dd></div>
            </dl>
            <h3>{ O::SessionsTitle.get(lang) }</h3>
            if kit.sessions.is_empty() {
                <p class="empty-line">{ O::NoSessions.get(lang) }</p>
            } else {
                <ol class="obs-session-list">
                    { for kit.sessions.iter().enumerate().flat_map(|(i, s)| kit.candidates.iter().map(move |c| (i, s, c))).map(|(i, s, c)| session_row(lang, fw, kit, i + 1, s, c)) }
                </ol>
            }
        </article>
    }
}

fn session_row(
    lang: Lang,
    fw: &FieldworkHandle,
    kit: &Kit,
    number: usize,
    s: &WorkSession,
    candidate: &KitPerson,
) -> Html {
    let obs = fw.fieldwork.observation_of(kit, s.id, candidate.id);
    let coding = Session {
        kit: kit.id.to_string(),
        session: s.id.to_string(),
        candidate: candidate.id.to_string(),
    }
    .coding();
    // With one candidate the session says it all; with several, it says with whom.
    let name = if kit.candidates.len() > 1 {
        words::session_with(lang, &i18n::session_title(lang, number), &candidate.name)
    } else {
        i18n::session_title(lang, number)
    };
    let mut facts = Vec::new();
    if let Some(when) = words::session_when(lang, s) {
        facts.push(when);
    }
    if !s.place.trim().is_empty() {
        facts.push(s.place.clone());
    }
    let (badge_class, badge, detail) = match obs {
        None => ("badge-draft", O::StateNotStarted, None),
        Some(o) if o.is_submitted() => (
            "badge-closed",
            O::StateSubmitted,
            o.submitted_at
                .map(|t| words::submitted_on(lang, &i18n::date_time(lang, clock::local(t)))),
        ),
        Some(o) => {
            let clock_note = match o.clock.state() {
                ClockState::Running => O::ClockRunning.get(lang),
                ClockState::Paused => O::ClockPaused.get(lang),
                ClockState::NotStarted => O::ClockNotStarted.get(lang),
            };
            (
                "badge-active",
                O::StateInProgress,
                Some(format!(
                    "{} · {} ({clock_note})",
                    words::event_count(lang, o.events.len()),
                    words::clock_text(o.clock.elapsed_ms(clock::now()))
                )),
            )
        }
    };
    let on_start = {
        let (fw, coding, kit_id, session_id, candidate_id) =
            (fw.clone(), coding.clone(), kit.id, s.id, candidate.id);
        Callback::from(move |_| {
            start(&fw, kit_id, session_id, candidate_id);
            go_to_fragment(&coding, false);
        })
    };
    let action = match obs {
        None => html! {
            <button type="button" class="button button-primary" onclick={on_start}
                aria-label={i18n::action_on(lang, O::ObserveSession.get(lang), &name)} data-testid="obs-start">
                { O::ObserveSession.get(lang) }
            </button>
        },
        Some(o) => {
            let label = if o.is_submitted() {
                O::Open
            } else {
                O::Continue
            };
            html! {
                <>
                    <a href={coding} class={classes!("button", (!o.is_submitted()).then_some("button-primary"))}>
                        { label.get(lang) }<span class="visually-hidden">{ format!(" — {name}") }</span>
                    </a>
                    <ExportObservation kit={kit.id} session={s.id} candidate={candidate.id} context={AttrValue::from(name.clone())} />
                </>
            }
        }
    };
    html! {
        <li class="obs-session" data-testid="obs-session">
            <div class="obs-session-what">
                <p class="obs-session-name">{ name.clone() }</p>
                if !facts.is_empty() { <p class="hint">{ facts.join(" · ") }</p> }
                if !s.topic.trim().is_empty() { <p class="obs-session-topic">{ s.topic.clone() }</p> }
            </div>
            <div class="obs-session-state">
                <span class={classes!("badge", badge_class)}>{ badge.get(lang) }</span>
                if let Some(d) = detail { <span class="hint">{ d }</span> }
            </div>
            <div class="obs-session-actions">{ action }</div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct KitImportProps {
    /// Says the outcome (sentence, error?) at the top of the page.
    on_outcome: Callback<(String, bool)>,
}

/// The mediator's import: the kits and observations of a Rally file, nothing else.
#[function_component(KitImportButton)]
fn kit_import_button(p: &KitImportProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let busy = use_state(|| false);
    let onchange = {
        let (fw, busy, say) = (fw.clone(), busy.clone(), p.on_outcome.clone());
        Callback::from(move |e: Event| {
            let (fw, say) = (fw.clone(), say.clone());
            let finish = Callback::from(
                move |read: Result<(Vec<Kit>, Vec<Observation>), ImportError>| {
                    say.emit(match read {
                        Ok((kits, observations)) => {
                            let report = import_kits(&fw, &kits, &observations);
                            (
                                i18n::merge_report(lang, &MergeReport::default(), &report),
                                false,
                            )
                        }
                        Err(e) => (i18n::list_import_error(lang, &e), true),
                    })
                },
            );
            read_file(&e, read_fieldwork_file, busy.clone(), finish);
        })
    };
    import_control(
        &AttrValue::from("import-kit"),
        lang,
        fw.ready,
        *busy,
        onchange,
    )
}
