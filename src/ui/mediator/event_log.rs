//! The list of coded events on the coding screen: the most recent ones (a long session holds
//! thousands), newest first, each editable and deletable, and the form that inserts one at a
//! chosen time.
//!
//! Each row is a component of its own ([`EventRow`]) whose properties are its event and stable
//! callbacks: when an event is coded, the new row renders and the others are left as they are,
//! so that the cost of a keystroke does not depend on how many rows are shown.

use super::common::{actor_class, event_words, focus_by_id};
use super::event_form::EventForm;
use crate::domain::i18n::action_on;
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::lang::Lang;
use crate::domain::observation::log::{Event, EventFields, Observation, ObservationAction};
use crate::domain::observation::scheme::{Actor, Applies, Scheme};
use crate::platform::{clock, random};
use crate::ui::shell::fieldwork::{observe_by, FieldworkDispatcher};
use crate::ui::shell::lang::use_lang;
use uuid::Uuid;
use yew::prelude::*;

/// Events rendered at first; "show more" adds as many again.
pub(super) const RECENT: usize = 30;

/// The log's own state: the event being edited, how many are shown, the insert form.
pub(super) struct LogState {
    pub editing: UseStateHandle<Option<Uuid>>,
    pub limit: UseStateHandle<usize>,
    pub insert_open: UseStateHandle<bool>,
}

/// What a row calls back into the page with. Made once per observation, so that rows whose
/// event did not change are not rendered again.
#[derive(Clone, PartialEq)]
pub(super) struct RowActions {
    /// Opens the editor of an event (`Some(id)`) or closes it (`None`).
    pub edit: Callback<Option<Uuid>>,
    /// Saves an edited event.
    pub save: Callback<(Uuid, EventFields)>,
    /// Deletes an event (remembered first, so that it can be put back).
    pub delete: Callback<Event>,
}

/// The stable callbacks of the rows of one observation's log.
pub(super) fn row_actions(
    dispatcher: &FieldworkDispatcher,
    editing: UseStateSetter<Option<Uuid>>,
    remember: Callback<Event>,
    observation: Uuid,
) -> RowActions {
    let edit = {
        let editing = editing.clone();
        Callback::from(move |id: Option<Uuid>| {
            editing.set(id);
            if id.is_none() {
                focus_by_id("log-title");
            }
        })
    };
    let save = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |(id, fields): (Uuid, EventFields)| {
            observe_by(
                &dispatcher,
                observation,
                ObservationAction::EditEvent { id, fields },
            );
            editing.set(None);
            focus_by_id("log-title");
        })
    };
    let delete = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: Event| {
            let id = event.id;
            remember.emit(event);
            observe_by(
                &dispatcher,
                observation,
                ObservationAction::DeleteEvent { id },
            );
        })
    };
    RowActions { edit, save, delete }
}

/// A coding scheme compared by address: the built-in schemes are `'static`.
#[derive(Clone, Copy)]
struct SchemeKey(&'static Scheme);

impl PartialEq for SchemeKey {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn log_view(
    lang: Lang,
    scheme: &'static Scheme,
    obs: &Observation,
    read_only: bool,
    dispatcher: &FieldworkDispatcher,
    state: &LogState,
    rows: &RowActions,
    undo: Callback<MouseEvent>,
) -> Html {
    let obs_id = obs.id;
    let total = obs.events.len();
    let shown = (*state.limit).min(total);
    let more = {
        let limit = state.limit.clone();
        Callback::from(move |_| limit.set(*limit + RECENT))
    };
    let insert = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |fields: EventFields| {
            observe_by(
                &dispatcher,
                obs_id,
                ObservationAction::InsertEvent {
                    id: random::new_uuid(),
                    fields,
                },
            )
        })
    };
    let first = scheme.codes.first();
    let default_code = first.map(|c| c.id.clone()).unwrap_or_default();
    let default_actor = first.and_then(|c| match c.actors {
        Applies::None => None,
        Applies::Candidate => Some(Actor::Candidate),
        _ => Some(Actor::Ceo),
    });
    let now_ms = obs.clock.elapsed_ms(clock::now());
    let on_toggle = {
        let insert_open = state.insert_open.clone();
        Callback::from(move |e: web_sys::Event| {
            insert_open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    let editing = *state.editing;
    html! {
        <section class="card obs-log" aria-labelledby="log-title">
            <div class="obs-log-head">
                <h2 id="log-title" tabindex="-1">{ O::EventsTitle.get(lang) }<span class="obs-count">{ format!(" ({total})") }</span></h2>
                if !read_only {
                    <button type="button" class="button" onclick={undo} disabled={total == 0}
                        aria-keyshortcuts="Control+Z Backspace" data-testid="obs-undo">{ O::UndoLast.get(lang) }</button>
                }
            </div>
            if total == 0 {
                <p class="empty-line">{ O::NoEvents.get(lang) }</p>
            } else {
                if total > shown { <p class="hint">{ words::showing_recent(lang, shown, total) }</p> }
                <ol class="obs-events" data-testid="obs-events">
                    { for obs.events.iter().rev().take(shown).map(|e| html! {
                        <EventRow key={e.id.to_string()} event={e.clone()} scheme={SchemeKey(scheme)} {read_only}
                            editing={editing == Some(e.id)} actions={rows.clone()} />
                    }) }
                </ol>
                if total > shown {
                    <button type="button" class="button button-quiet" onclick={more}>{ words::show_more(lang, RECENT.min(total - shown)) }</button>
                }
            }
            if !read_only {
                <details class="obs-insert" ontoggle={on_toggle}>
                    <summary>{ O::InsertTitle.get(lang) }</summary>
                    // Mounted when opened, so that the proposed time is the clock's time then.
                    if *state.insert_open {
                        <EventForm id="insert" {scheme}
                            initial={EventFields { actor: default_actor, code: default_code, modifier: None, at_ms: now_ms, duration_ms: None }}
                            legend={O::InsertLegend.get(lang)} submit={O::InsertSubmit.get(lang)} on_submit={insert} />
                    }
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    event: Event,
    scheme: SchemeKey,
    read_only: bool,
    editing: bool,
    actions: RowActions,
}

/// One event of the log: a line with its time, actor and code, and its edit and delete
/// buttons; or, while it is edited, the form in its place.
#[function_component(EventRow)]
fn event_row(p: &RowProps) -> Html {
    let lang = use_lang();
    let (e, scheme) = (&p.event, p.scheme.0);
    let (time, actor, what) = event_words(lang, scheme, e);
    let spoken = format!("{time} {actor} {what}").replace("  ", " ");
    if p.editing && !p.read_only {
        let close = {
            let edit = p.actions.edit.clone();
            Callback::from(move |_| edit.emit(None))
        };
        let save = {
            let (save, id) = (p.actions.save.clone(), e.id);
            Callback::from(move |fields: EventFields| save.emit((id, fields)))
        };
        return html! {
            <li class="obs-event is-editing">
                <EventForm id={format!("edit-{}", e.id)} {scheme} autofocus=true
                    initial={EventFields { actor: e.actor, code: e.code.clone(), modifier: e.modifier.clone(), at_ms: e.at_ms, duration_ms: e.duration_ms }}
                    legend={action_on(lang, O::EditEvent.get(lang), &spoken)} submit={O::SaveEvent.get(lang)}
                    on_submit={save} on_cancel={close} />
            </li>
        };
    }
    let on_edit = {
        let (edit, id) = (p.actions.edit.clone(), e.id);
        Callback::from(move |_| edit.emit(Some(id)))
    };
    let on_delete = {
        let (delete, event) = (p.actions.delete.clone(), e.clone());
        Callback::from(move |_| delete.emit(event.clone()))
    };
    html! {
        <li class="obs-event">
            <span class="obs-time">{ time }</span>
            <span class="obs-event-body">
                if e.actor.is_some() {
                    <span class={classes!("obs-who", actor_class(e.actor))}>{ actor.clone() }</span>{ " " }
                }
                <span class="obs-what">{ what }</span>
            </span>
            if !p.read_only {
                <span class="obs-event-actions">
                    <button type="button" class="button button-quiet obs-small" onclick={on_edit}
                        aria-label={action_on(lang, O::Edit.get(lang), &spoken)}>{ O::Edit.get(lang) }</button>
                    <button type="button" class="button button-quiet obs-small obs-danger" onclick={on_delete}
                        aria-label={action_on(lang, O::Delete.get(lang), &spoken)}>{ O::Delete.get(lang) }</button>
                </span>
            }
        </li>
    }
}
