//! Pieces shared by the mediator's screens: finding the kit and session named in the address,
//! the session heading, the refusal alert, the export button and the words for one event.

use crate::domain::campaign::{KitPerson, WorkSession};
use crate::domain::fieldwork::address::KITS;
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::file::{export_file_name, observation_json};
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::i18n::T;
use crate::domain::lang::Lang;
use crate::domain::observation::log::{Event, Observation};
use crate::domain::observation::scheme::{Actor, Area, Category, CodeKind, Scheme, Tag};
use crate::platform::clock;
use crate::ui::shell::fieldwork::{use_fieldwork, FieldworkMsg};
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::protect::{save_json, Protection};
use uuid::Uuid;
use yew::prelude::*;

/// The kit, session and candidate an address names, with the session's number (1-based).
pub struct Place<'a> {
    pub kit: &'a Kit,
    pub session: &'a WorkSession,
    pub candidate: &'a KitPerson,
    pub number: usize,
}

impl Place<'_> {
    /// This mediator's observation of the place, if it was started.
    pub fn observation<'f>(&self, fw: &'f Fieldwork) -> Option<&'f Observation> {
        fw.observation_of(self.kit, self.session.id, self.candidate.id)
    }
}

pub fn locate<'a>(
    fw: &'a Fieldwork,
    kit: &str,
    session: &str,
    candidate: &str,
) -> Option<Place<'a>> {
    let kit = fw.kit(Uuid::parse_str(kit).ok()?)?;
    let session_id = Uuid::parse_str(session).ok()?;
    let candidate_id = Uuid::parse_str(candidate).ok()?;
    let (i, session) = kit
        .sessions
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == session_id)?;
    let candidate = kit.candidates.iter().find(|c| c.id == candidate_id)?;
    Some(Place {
        kit,
        session,
        candidate,
        number: i + 1,
    })
}

/// The page shown when the address names no kit or session of this browser.
pub fn not_found(lang: Lang) -> Html {
    html! {
        <section class="page">
            <h1>{ O::SessionNotFoundTitle.get(lang) }</h1>
            <p>{ O::SessionNotFound.get(lang) }</p>
            <a href={KITS} class="button">{ O::BackToKits.get(lang) }</a>
        </section>
    }
}

/// "← Your kits".
pub fn breadcrumb(lang: Lang) -> Html {
    html! {
        <p class="breadcrumb"><a href={KITS}>{ format!("← {}", O::BackToKits.get(lang)) }</a></p>
    }
}

/// The campaign line, the session as the page title, and who is in the room.
pub fn session_heading(lang: Lang, place: &Place, title: O) -> Html {
    let kit = place.kit;
    let s = place.session;
    let mut facts = Vec::new();
    if let Some(when) = words::session_when(lang, s) {
        facts.push(when);
    }
    if !s.place.trim().is_empty() {
        facts.push(s.place.clone());
    }
    html! {
        <div class="obs-heading">
            <p class="obs-overline">{ format!("{} · {}", kit.campaign_name, kit.role_name.get(lang)) }</p>
            <h1>
                <span class="obs-title-kind">{ title.get(lang) }</span>
                { words::session_name(lang, place.number, &s.topic) }
            </h1>
            <p class="meta">
                if !facts.is_empty() { <span>{ facts.join(" · ") }</span> }
                <span>{ words::leader_line(lang, &kit.leader.name, &kit.leader.title) }</span>
                <span>{ words::candidate_line(lang, &place.candidate.name) }</span>
                <span>{ words::mediator_line(lang, &kit.mediator.name) }</span>
            </p>
        </div>
    }
}

/// Why the last fieldwork change was refused: a `role="alert"` region that always exists (so
/// screen readers announce it when it fills), with a way to dismiss it.
#[function_component(RefusalAlert)]
pub fn refusal_alert() -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let dismiss = {
        let fw = fw.clone();
        Callback::from(move |_| fw.dispatch(FieldworkMsg::DismissRefusal))
    };
    html! {
        <div role="alert" class={classes!("notice", "notice-error", fw.refused.is_none().then_some("is-empty"))} data-testid="obs-refusal">
            if let Some(e) = &fw.refused {
                <div class="notice-body">
                    <p>{ words::refusal(lang, e) }</p>
                    <button type="button" class="button button-quiet" onclick={dismiss}>{ T::Dismiss.get(lang) }</button>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub kit: Uuid,
    pub session: Uuid,
    pub candidate: Uuid,
    /// Adds what is exported to the accessible name (in lists of sessions).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    #[prop_or_default]
    pub primary: bool,
}

/// "Export the observation": the kit and this mediator's observation of one session, as a file
/// (through the save dialog, protected by default).
#[function_component(ExportObservation)]
pub fn export_observation(p: &ExportProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let onclick = {
        let (fw, kit_id, session_id, candidate) = (fw.clone(), p.kit, p.session, p.candidate);
        Callback::from(move |_| {
            let now = clock::now();
            let Some(kit) = fw.fieldwork.kit(kit_id) else {
                return;
            };
            let Some(obs) = fw.fieldwork.observation_of(kit, session_id, candidate) else {
                return;
            };
            let number = kit
                .sessions
                .iter()
                .position(|s| s.id == session_id)
                .map_or(0, |i| i + 1);
            let with = kit
                .candidates
                .iter()
                .find(|c| c.id == candidate)
                .map_or(String::new(), |c| format!(" {}", c.name));
            let name = format!("observation {} s{number}{with}", kit.mediator.name);
            let json = observation_json(kit, obs, now);
            save_json(&export_file_name(&name, now), json, Protection::Recommended);
        })
    };
    let label = O::ExportObservation.get(lang);
    html! {
        <button type="button" class={classes!("button", p.primary.then_some("button-primary"))} {onclick}
            aria-label={p.context.as_ref().map(|c| crate::domain::i18n::action_on(lang, label, c))}
            data-testid="obs-export">{ label }</button>
    }
}

/// A class naming the colour of a category: the Bales area, or what its codes mean.
pub fn category_class(scheme: &Scheme, category: &Category) -> &'static str {
    match category.area {
        Some(Area::PositiveSocioEmotional) => "obs-area-positive",
        Some(Area::AttemptedAnswers) => "obs-area-answers",
        Some(Area::Questions) => "obs-area-questions",
        Some(Area::NegativeSocioEmotional) => "obs-area-negative",
        None => {
            let pace = scheme
                .codes
                .iter()
                .filter(|c| c.category == category.id)
                .any(|c| matches!(c.tag, Some(Tag::Silence | Tag::Marker)));
            if pace {
                "obs-area-pace"
            } else {
                "obs-area-meta"
            }
        }
    }
}

/// The class of an actor's colour.
pub fn actor_class(actor: Option<Actor>) -> &'static str {
    match actor {
        Some(Actor::Ceo) => "obs-who-ceo",
        Some(Actor::Candidate) => "obs-who-candidate",
        None => "obs-who-none",
    }
}

/// One event in words: (time, actor — empty for codes that apply to nobody, what).
pub fn event_words(lang: Lang, scheme: &Scheme, e: &Event) -> (String, String, String) {
    let actor = match e.actor {
        Some(a) => scheme
            .actor(a)
            .map(|k| k.label.get(lang).to_owned())
            .unwrap_or_default(),
        None => String::new(),
    };
    let code = scheme.code(&e.code);
    let mut what = code
        .map(|c| c.label.get(lang).to_owned())
        .unwrap_or_else(|| e.code.clone());
    if let Some(m) = e
        .modifier
        .as_deref()
        .and_then(|m| code.and_then(|c| c.modifier(m)))
    {
        what = format!("{what} ({})", m.label.get(lang));
    }
    if code.is_some_and(|c| c.kind == CodeKind::State) {
        what = format!("{what} — {}", words::state_length(lang, e.duration_ms));
    }
    (words::clock_text(e.at_ms), actor, what)
}

/// One event on one line: "03:12 · CEO · Agrees".
pub fn event_line(lang: Lang, scheme: &Scheme, e: &Event) -> String {
    let (t, a, w) = event_words(lang, scheme, e);
    if e.actor.is_none() {
        format!("{t} · {w}")
    } else {
        format!("{t} · {a} · {w}")
    }
}

/// Moves the keyboard focus to the element with this id, if it is on the page.
pub fn focus_by_id(id: &str) {
    crate::platform::dom::focus_by_id(id);
}
