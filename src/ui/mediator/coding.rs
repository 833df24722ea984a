//! Live coding of one work session, on a laptop (keyboard) or a tablet (large buttons).
//!
//! The keyboard listener sits on the window in the capture phase, so it sees a key before the
//! App's own shortcuts (Ctrl+Z here undoes the last event, not a campaign change) and can
//! leave keys typed in a field alone. Only the last events are rendered (a long session holds
//! thousands), the counts follow each change of the log by recounting only the chunk of events
//! it touched (`Tally::follow`), and the clock ticks in its own small component so that the
//! page itself only renders when something happens.

use super::common::{
    actor_class, breadcrumb, category_class, event_line, locate, not_found, session_heading,
    ExportObservation, RefusalAlert,
};
use super::event_log::{log_view, row_actions, LogState, RECENT};
use super::notes::Notes;
use super::pad::{self, Hint, Pending, Press};
use super::SessionProps;
use crate::domain::campaign::KitPerson;
use crate::domain::fieldwork::known_scheme;
use crate::domain::i18n::date_time;
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::lang::Lang;
use crate::domain::observation::clock::{Clock, ClockState};
use crate::domain::observation::log::{
    Event, EventFields, Events, Observation, ObservationAction, Tally,
};
use crate::domain::observation::scheme::{Actor, Applies, Code, CodeKind, Scheme};
use crate::platform::{clock, random};
use crate::ui::shell::fieldwork::{observe, start, use_fieldwork};
use crate::ui::shell::lang::use_lang;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the pad waits for and what it last said; read by the key listener between renders.
#[derive(Default)]
struct PadState {
    pending: Pending,
    hint: Option<Hint>,
    /// The event just removed (undo or delete), which can be put back.
    removed: Option<Event>,
}

type KeyHandler = Rc<dyn Fn(&web_sys::KeyboardEvent)>;

/// What the pad and the log call back into the page with.
#[derive(Clone)]
struct Actions {
    press: Rc<dyn Fn(Press)>,
    undo: Rc<dyn Fn()>,
    put_back: Rc<dyn Fn()>,
}

#[function_component(Coding)]
pub fn coding(p: &SessionProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let pad_state = use_mut_ref(PadState::default);
    let redraw = use_force_update();
    let editing = use_state(|| None::<Uuid>);
    let limit = use_state(|| RECENT);
    let insert_open = use_state(|| false);
    let key_handler = use_mut_ref(|| None::<KeyHandler>);
    // The live counts and the version of the log they count.
    let counted = use_mut_ref(|| None::<(Uuid, Events, Tally)>);

    // One window listener for the page's lifetime; it calls the handler of the latest render.
    {
        let key_handler = key_handler.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: false,
            };
            let listener = EventListener::new_with_options(&window, "keydown", options, move |e| {
                let handler = key_handler.borrow().clone();
                if let (Some(h), Some(e)) = (handler, e.dyn_ref::<web_sys::KeyboardEvent>()) {
                    h(e);
                }
            });
            move || drop(listener)
        });
    }

    let place = locate(&fw.fieldwork, &p.kit, &p.session, &p.candidate);
    let obs = place.as_ref().and_then(|pl| pl.observation(&fw.fieldwork));
    let scheme = obs.and_then(|o| known_scheme(&o.scheme.id, o.scheme.version));

    // Callbacks that stay the same from one render to the next, so that the code buttons and
    // the rows of the log render again only when what they show changes.
    let press_latest = use_mut_ref(|| None::<Rc<dyn Fn(Press)>>);
    let on_code = {
        let latest = press_latest.clone();
        use_memo((), move |_| {
            Callback::from(move |p: Press| {
                let press = latest.borrow().clone();
                if let Some(press) = press {
                    press(p)
                }
            })
        })
    };
    let rows = {
        let (dispatcher, editing) = (fw.dispatcher(), editing.setter());
        let (pad_state, redraw) = (pad_state.clone(), redraw.clone());
        use_memo(obs.map(|o| o.id), move |id| {
            // Remembers an event about to be removed, so that it can be put back.
            let remember = Callback::from(move |e: Event| {
                {
                    let mut st = pad_state.borrow_mut();
                    st.pending = Pending::Nothing;
                    st.hint = None;
                    st.removed = Some(e);
                }
                redraw.force_update();
            });
            row_actions(&dispatcher, editing, remember, id.unwrap_or_default())
        })
    };

    // The counts follow the log from one version to the next: only the chunk of events a
    // change touched is counted again, whatever the length of the log.
    let tally = {
        let mut counted = counted.borrow_mut();
        match (obs, &mut *counted) {
            (Some(o), Some((id, seen, tally))) if *id == o.id => {
                tally.follow(seen, &o.events);
                *seen = o.events.clone();
            }
            (Some(o), _) => *counted = Some((o.id, o.events.clone(), Tally::of(o))),
            (None, _) => *counted = None,
        }
        counted
            .as_ref()
            .map(|(_, _, t)| t.clone())
            .unwrap_or_default()
    };
    // The last event added: once per change of the log, not per tick or key.
    let last_added = {
        let fw = fw.clone();
        use_memo(obs.map(|o| (o.id, o.revision)), move |k| {
            k.and_then(|(id, _)| fw.fieldwork.observations.versions().find(|o| o.id == id))
                .and_then(|o| o.last_added().cloned())
        })
    };

    let Some(place) = place else {
        *key_handler.borrow_mut() = None;
        return not_found(lang);
    };
    let kit_id = place.kit.id;
    let session_id = place.session.id;
    let candidate_id = place.candidate.id;

    let Some((obs, scheme)) = obs.zip(scheme) else {
        *key_handler.borrow_mut() = None;
        let on_start = {
            let fw = fw.clone();
            Callback::from(move |_| {
                start(&fw, kit_id, session_id, candidate_id);
            })
        };
        return html! {
            <article class="page obs-coding">
                { breadcrumb(lang) }
                { session_heading(lang, &place, O::CodingTitle) }
                <RefusalAlert />
                <div class="card empty-state">
                    <h2>{ O::NotStartedTitle.get(lang) }</h2>
                    <p>{ O::NotStartedBody.get(lang) }</p>
                    <button type="button" class="button button-primary" onclick={on_start} data-testid="obs-start">{ O::ObserveSession.get(lang) }</button>
                </div>
            </article>
        };
    };
    let obs_id = obs.id;
    let read_only = obs.is_submitted();
    let last = (*last_added).clone();

    let actions = Actions {
        // A press from a key or a tap: the pad decides, the store applies.
        press: {
            let (fw, pad_state, redraw) = (fw.clone(), pad_state.clone(), redraw.clone());
            Rc::new(move |press: Press| {
                let Some(obs) = fw
                    .fieldwork
                    .kit(kit_id)
                    .and_then(|k| fw.fieldwork.observation_of(k, session_id, candidate_id))
                else {
                    return;
                };
                let action = {
                    let mut st = pad_state.borrow_mut();
                    let step = pad::step(scheme, obs, &st.pending, press, random::new_uuid());
                    st.pending = step.pending;
                    st.hint = step.hint;
                    if step.action.is_some() {
                        st.removed = None;
                    }
                    step.action
                };
                if let Some(a) = action {
                    observe(&fw, obs.id, a);
                }
                redraw.force_update();
            })
        },
        undo: {
            let (fw, pad_state, redraw, last) =
                (fw.clone(), pad_state.clone(), redraw.clone(), last.clone());
            Rc::new(move || {
                if last.is_none() {
                    return;
                }
                {
                    let mut st = pad_state.borrow_mut();
                    st.pending = Pending::Nothing;
                    st.hint = None;
                    st.removed = last.clone();
                }
                observe(&fw, obs_id, ObservationAction::UndoLastEvent);
                redraw.force_update();
            })
        },
        put_back: {
            let (fw, pad_state, redraw) = (fw.clone(), pad_state.clone(), redraw.clone());
            Rc::new(move || {
                let Some(ev) = pad_state.borrow_mut().removed.take() else {
                    return;
                };
                // The same id again: the event comes back as it was.
                observe(
                    &fw,
                    obs_id,
                    ObservationAction::InsertEvent {
                        id: ev.id,
                        fields: EventFields {
                            actor: ev.actor,
                            code: ev.code,
                            modifier: ev.modifier,
                            at_ms: ev.at_ms,
                            duration_ms: ev.duration_ms,
                        },
                    },
                );
                redraw.force_update();
            })
        },
    };

    *press_latest.borrow_mut() = Some(actions.press.clone());
    *key_handler.borrow_mut() = if read_only {
        None
    } else {
        let (actions, pad_state) = (actions.clone(), pad_state.clone());
        Some(Rc::new(move |e: &web_sys::KeyboardEvent| {
            on_key(e, scheme, &pad_state, &actions)
        }))
    };

    let on_undo = {
        let undo = actions.undo.clone();
        Callback::from(move |_| undo())
    };
    let clock_state = obs.clock.state();
    let on_clock = {
        let fw = fw.clone();
        let action = match clock_state {
            ClockState::NotStarted => ObservationAction::StartClock,
            ClockState::Running => ObservationAction::PauseClock,
            ClockState::Paused => ObservationAction::ResumeClock,
        };
        Callback::from(move |_| observe(&fw, obs_id, action.clone()))
    };
    let clock_label = match clock_state {
        ClockState::NotStarted => O::StartClock,
        ClockState::Running => O::PauseClock,
        ClockState::Paused => O::ResumeClock,
    };
    let clock_status = match clock_state {
        _ if read_only => O::ClockStopped,
        ClockState::NotStarted => O::ClockNotStarted,
        ClockState::Running => O::ClockRunning,
        ClockState::Paused => O::ClockPaused,
    };
    let pad = (!read_only).then(|| {
        let st = pad_state.borrow();
        let people = People {
            leader: &place.kit.leader.name,
            candidates: &place.kit.candidates,
        };
        pad_view(
            lang,
            scheme,
            obs,
            people,
            &st,
            &tally,
            last.as_ref(),
            &actions,
            &on_code,
        )
    });

    html! {
        <article class="page obs-coding">
            { breadcrumb(lang) }
            <div class="obs-top">
                { session_heading(lang, &place, O::CodingTitle) }
                <div class="obs-clock-panel" role="group" aria-labelledby="clock-label">
                    <p class="obs-clock-label" id="clock-label">{ O::SessionClock.get(lang) }</p>
                    <SessionClock clock={obs.clock.clone()} />
                    <p class={classes!("obs-clock-state", format!("obs-clock-{clock_state:?}").to_ascii_lowercase())}>{ clock_status.get(lang) }</p>
                    if !read_only {
                        <button type="button" class={classes!("button", "obs-clock-button", (clock_state != ClockState::Running).then_some("button-primary"))}
                            onclick={on_clock} data-testid="obs-clock-button">{ clock_label.get(lang) }</button>
                    }
                </div>
            </div>
            <div class="toolbar-actions obs-toolbar">
                <a href={p.address().rating()} class="button">
                    { format!("{} →", O::GoToRating.get(lang)) }
                </a>
                <ExportObservation kit={kit_id} session={session_id} candidate={candidate_id} />
            </div>
            <RefusalAlert />
            if read_only {
                <p class="banner banner-info" data-testid="obs-read-only">{ words::read_only_note(lang, obs.submitted_at.map(|t| date_time(lang, clock::local(t)))) }</p>
            }
            <div class={classes!("obs-workspace", read_only.then_some("is-read-only"))}>
                { pad.unwrap_or_default() }
                <div class="obs-side">
                    { log_view(lang, scheme, obs, read_only, &fw.dispatcher(), &LogState { editing: editing.clone(), limit: limit.clone(), insert_open: insert_open.clone() }, &rows, on_undo) }
                    <Notes observation={obs_id} {read_only} />
                </div>
            </div>
        </article>
    }
}

/// Reads one key press; keys typed in a field or a form belong to that field.
fn on_key(
    e: &web_sys::KeyboardEvent,
    scheme: &'static Scheme,
    pad_state: &Rc<RefCell<PadState>>,
    actions: &Actions,
) {
    if e.default_prevented() || e.is_composing() {
        return;
    }
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let in_text = target.as_ref().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.get_attribute("contenteditable").is_some()
    });
    let in_form = target
        .as_ref()
        .is_some_and(|el| el.closest("form, dialog").ok().flatten().is_some());
    let key = e.key();
    if (e.ctrl_key() || e.meta_key()) && !e.alt_key() {
        let k = key.to_ascii_lowercase();
        if in_text || !(k == "z" || k == "y") {
            return;
        }
        // Ours on this page: never let the App undo a campaign change from here.
        e.prevent_default();
        e.stop_propagation();
        if k == "z" && !e.shift_key() && !in_form && !e.repeat() {
            (actions.undo)();
        }
        return;
    }
    if in_text || in_form || e.alt_key() {
        return;
    }
    let (pending, busy) = {
        let st = pad_state.borrow();
        (
            st.pending.clone(),
            st.pending != Pending::Nothing || st.hint.is_some(),
        )
    };
    match key.as_str() {
        "Escape" if busy => {
            e.prevent_default();
            (actions.press)(Press::Cancel);
        }
        "Backspace" => {
            e.prevent_default();
            if e.repeat() {
                return;
            }
            if busy {
                (actions.press)(Press::Cancel);
            } else {
                (actions.undo)();
            }
        }
        k if k.chars().count() == 1 => {
            if e.repeat() {
                return;
            }
            // A scheme's keys are ASCII letters and digits (`scheme::check`): no Unicode
            // case tables needed to match them.
            let k = k.to_ascii_lowercase();
            if let Some(p) = pad::press_for_key(scheme, &pending, &k) {
                e.prevent_default();
                e.stop_propagation();
                (actions.press)(p);
            }
        }
        _ => {}
    }
}

#[derive(Properties, PartialEq)]
struct ClockProps {
    clock: Clock,
}

/// The session clock, mm:ss; it ticks only while running, and only it re-renders then.
#[function_component(SessionClock)]
fn session_clock(p: &ClockProps) -> Html {
    let redraw = use_force_update();
    let running = p.clock.state() == ClockState::Running;
    use_effect_with(running, move |running| {
        let ticker = running.then(|| Interval::new(250, move || redraw.force_update()));
        move || drop(ticker)
    });
    html! {
        <p class="obs-clock" role="timer" data-testid="obs-clock">{ words::clock_text(p.clock.elapsed_ms(clock::now())) }</p>
    }
}

/// The people on the actor buttons.
struct People<'a> {
    leader: &'a str,
    candidates: &'a [KitPerson],
}

#[allow(clippy::too_many_arguments)]
fn pad_view(
    lang: Lang,
    scheme: &'static Scheme,
    obs: &Observation,
    people: People,
    st: &PadState,
    tally: &Tally,
    last: Option<&Event>,
    actions: &Actions,
    on_code: &Callback<Press>,
) -> Html {
    let tap = |p: Press| {
        let press = actions.press.clone();
        Callback::from(move |_: MouseEvent| press(p.clone()))
    };
    let actor_label = |a: Actor| {
        scheme
            .actor(a)
            .map(|k| k.label.get(lang).to_owned())
            .unwrap_or_default()
    };
    let actor_key = |a: Actor| scheme.actor(a).map(|k| k.key.clone()).unwrap_or_default();
    let (ceo_key, cand_key) = (actor_key(Actor::Ceo), actor_key(Actor::Candidate));
    let (ceo, cand) = (actor_label(Actor::Ceo), actor_label(Actor::Candidate));
    let clock_started = obs.clock.started_at.is_some();

    // The prompt: what the pad waits for, or what just happened.
    let (prompt_class, prompt): (&str, Html) = match (&st.pending, &st.hint) {
        (Pending::Actor(a), _) => (
            actor_class(Some(*a)),
            html! { <><strong>{ actor_label(*a) }</strong>{ format!("{}{}", O::Colon.get(lang), O::ChooseCode.get(lang)) }</> },
        ),
        (Pending::Modifier { event, code }, _) => {
            let options = scheme
                .code(code)
                .map(|c| {
                    c.modifiers
                        .iter()
                        .map(|m| match &m.key {
                            Some(k) => format!("{k} = {}", m.label.get(lang)),
                            None => m.label.get(lang).to_owned(),
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .unwrap_or_default();
            (
                "obs-prompt-modifier",
                html! { <>
                    if let Some(e) = obs.event(*event) { <strong>{ event_line(lang, scheme, e) }</strong> }
                    { format!(" — {} {options}. {}", O::AddModifier.get(lang), O::OtherKeyNoModifier.get(lang)) }
                </> },
            )
        }
        (Pending::Nothing, Some(Hint::ActorFirst(code))) => {
            let label = scheme
                .code(code)
                .map(|c| c.label.get(lang))
                .unwrap_or_default();
            (
                "obs-prompt-hint",
                html! { <>{ words::actor_first(lang, label, &ceo_key, &ceo, &cand_key, &cand) }</> },
            )
        }
        (Pending::Nothing, None) => match (&st.removed, last) {
            (Some(removed), _) => {
                let put_back = {
                    let put_back = actions.put_back.clone();
                    Callback::from(move |_| put_back())
                };
                (
                    "obs-prompt-removed",
                    html! { <>
                        { format!("{} {}. ", O::Removed.get(lang), event_line(lang, scheme, removed)) }
                        <button type="button" class="button button-quiet obs-small" onclick={put_back}>{ O::PutBack.get(lang) }</button>
                    </> },
                )
            }
            _ if !clock_started => (
                "obs-prompt-hint",
                html! { <>{ O::StartClockFirst.get(lang) }</> },
            ),
            (None, Some(e)) => (
                "",
                html! { <>{ format!("{} ", O::LastCoded.get(lang)) }<strong>{ event_line(lang, scheme, e) }</strong></> },
            ),
            (None, None) => (
                "",
                html! { <>{ words::how_to_code(lang, &ceo_key, &ceo, &cand_key, &cand) }</> },
            ),
        },
    };

    let pending_actor = match st.pending {
        Pending::Actor(a) => Some(a),
        _ => None,
    };
    let actor_button = |a: Actor| {
        let name = match a {
            Actor::Ceo => Some(people.leader.to_owned()),
            Actor::Candidate => {
                (people.candidates.len() == 1).then(|| people.candidates[0].name.clone())
            }
        };
        let pressed = pending_actor == Some(a);
        html! {
            <button type="button" class={classes!("obs-actor", actor_class(Some(a)), pressed.then_some("is-pending"))}
                aria-pressed={pressed.to_string()} onclick={tap(Press::Actor(a))}
                data-testid={format!("obs-actor-{}", actor_key(a))}>
                <kbd class="obs-key">{ actor_key(a) }</kbd>
                <span class="obs-actor-label">{ actor_label(a) }</span>
                if let Some(n) = name.filter(|n| !n.trim().is_empty()) { <span class="obs-actor-name">{ n }</span> }
            </button>
        }
    };

    let modifiers = match &st.pending {
        Pending::Modifier { code, .. } => scheme.code(code).map(|c| html! {
            <div class="obs-modifiers" role="group" aria-label={O::ModifierGroup.get(lang)}>
                { for c.modifiers.iter().map(|m| html! {
                    <button type="button" class="button obs-modifier" onclick={tap(Press::Modifier(m.id.clone()))}>
                        if let Some(k) = &m.key { <kbd class="obs-key">{ k.clone() }</kbd> }
                        { m.label.get(lang).to_owned() }
                    </button>
                }) }
                <button type="button" class="button button-quiet obs-modifier" onclick={tap(Press::NoModifier)}>{ O::NoModifier.get(lang) }</button>
            </div>
        }),
        _ => None,
    };

    html! {
        <section class={classes!("card", "obs-pad", pending_actor.map(|a| format!("is-pending-{}", actor_class(Some(a)))))} aria-labelledby="pad-title">
            <div class="obs-pad-head">
                <h2 id="pad-title">{ O::PadTitle.get(lang) }</h2>
                { shortcuts_help(lang, &ceo_key, &cand_key) }
            </div>
            <p class={classes!("obs-prompt", prompt_class)} role="status" data-testid="obs-prompt">{ prompt }</p>
            { modifiers.unwrap_or_default() }
            <div class="obs-actors" role="group" aria-label={O::WhoActs.get(lang)}>
                { actor_button(Actor::Ceo) }
                { actor_button(Actor::Candidate) }
            </div>
            <div class="obs-categories">
                { for scheme.categories.iter().map(|cat| {
                    let head = format!("cat-{}", cat.id);
                    html! {
                        <div class={classes!("obs-cat", category_class(scheme, cat))} role="group" aria-labelledby={head.clone()}>
                            <h3 id={head} class="obs-cat-title">{ cat.label.get(lang).to_owned() }</h3>
                            <div class="obs-code-grid">
                                { for scheme.codes.iter().filter(|c| c.category == cat.id).map(|c| {
                                    let open = (c.kind == CodeKind::State).then(|| {
                                        let actor = if c.actors == Applies::None { None } else { pending_actor };
                                        tally.unended(&c.id, actor) > 0
                                    });
                                    let (counts, spoken) = match c.actors {
                                        Applies::None => {
                                            let n = tally.get(&c.id, None);
                                            (words::count_alone(lang, n), words::count_spoken_alone(lang, n))
                                        }
                                        _ => {
                                            let (a, b) = (tally.get(&c.id, Some(Actor::Ceo)), tally.get(&c.id, Some(Actor::Candidate)));
                                            (words::count_pair(lang, &ceo_key, a, &cand_key, b), words::count_spoken_pair(lang, &ceo, a, &cand, b))
                                        }
                                    };
                                    html! { <CodeButton code={CodeKey(c)} {counts} {spoken} {open} on_press={on_code.clone()} /> }
                                }) }
                            </div>
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}

fn shortcuts_help(lang: Lang, ceo_key: &str, cand_key: &str) -> Html {
    html! {
        <details class="obs-help">
            <summary>{ O::ShortcutsTitle.get(lang) }</summary>
            <ul>
                <li>{ words::shortcut_actor(lang, ceo_key, cand_key) }</li>
                <li>{ O::ShortcutCode.get(lang) }</li>
                <li>{ O::ShortcutAlone.get(lang) }</li>
                <li>{ O::ShortcutModifier.get(lang) }</li>
                <li>{ O::ShortcutEscape.get(lang) }</li>
                <li>{ O::ShortcutUndo.get(lang) }</li>
                <li>{ O::ShortcutFields.get(lang) }</li>
            </ul>
        </details>
    }
}

/// A code of the scheme compared by address: the built-in schemes are `'static`.
#[derive(Clone, Copy)]
struct CodeKey(&'static Code);

impl PartialEq for CodeKey {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
struct CodeProps {
    code: CodeKey,
    /// The counts shown on the button, and said by a screen reader.
    counts: String,
    spoken: String,
    /// For a state code: whether it is open now.
    open: Option<bool>,
    on_press: Callback<Press>,
}

/// One code's button: it renders again only when its counts or its state change.
#[function_component(CodeButton)]
fn code_button(p: &CodeProps) -> Html {
    let lang = use_lang();
    let c = p.code.0;
    let onclick = {
        let (press, id) = (p.on_press.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| press.emit(Press::Code(id.clone())))
    };
    let open = p.open;
    html! {
        <button type="button" class={classes!("obs-code", (open == Some(true)).then_some("is-open"))}
            aria-pressed={open.map(|o| o.to_string())} {onclick}
            title={c.definition.get(lang).to_owned()} data-testid={format!("obs-code-{}", c.key)}>
            <span class="obs-code-label">{ c.label.get(lang).to_owned() }</span>
            <span class="obs-code-foot">
                <kbd class="obs-key">{ c.key.clone() }</kbd>
                <span class="obs-code-counts" aria-hidden="true">
                    { p.counts.clone() }
                    if open == Some(true) { <span class="obs-open-flag">{ format!(" · {}", O::Ongoing.get(lang)) }</span> }
                </span>
            </span>
            <span class="visually-hidden">{ format!(" ({})", p.spoken) }</span>
        </button>
    }
}
