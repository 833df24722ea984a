//! Free notes during a session, each stamped with the session clock when it is added.

use crate::domain::i18n::action_on;
use crate::domain::i18n::observe::{self as words, O};
use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::observation::log::ObservationAction;
use crate::platform::random;
use crate::ui::shell::fieldwork::{observe, use_fieldwork};
use crate::ui::shell::lang::use_lang;
use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Notes shown before "show all".
const SHOWN: usize = 20;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub observation: Uuid,
    pub read_only: bool,
}

#[function_component(Notes)]
pub fn notes(p: &Props) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let text = use_state(String::new);
    let all = use_state(|| false);
    let Some(obs) = fw
        .fieldwork
        .observations
        .versions()
        .find(|o| o.id == p.observation)
    else {
        return html! {};
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = {
        let (fw, text, id) = (fw.clone(), text.clone(), p.observation);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if text.trim().is_empty() {
                return;
            }
            observe(
                &fw,
                id,
                ObservationAction::AddNote {
                    id: random::new_uuid(),
                    text: (*text).clone(),
                    at_ms: None,
                },
            );
            text.set(String::new());
        })
    };
    let shown = if *all { obs.notes.len() } else { SHOWN };
    let hidden = obs.notes.len().saturating_sub(shown);
    let toggle = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    html! {
        <section class="card obs-notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{ O::NotesTitle.get(lang) }<span class="obs-count">{ format!(" ({})", obs.notes.len()) }</span></h2>
            if !p.read_only {
                <form class="obs-note-form" {onsubmit}>
                    <div class="field">
                        <label for="note-text">{ O::NoteLabel.get(lang) }</label>
                        <div class="obs-inline">
                            <input id="note-text" type="text" autocomplete="off" maxlength={MAX_TEXT_CHARS.to_string()}
                                value={(*text).clone()} {oninput} aria-describedby="note-hint" data-testid="obs-note-text" />
                            <button type="submit" class="button" disabled={text.trim().is_empty()}>{ O::AddNote.get(lang) }</button>
                        </div>
                        <p class="hint" id="note-hint">{ O::NoteHint.get(lang) }</p>
                    </div>
                </form>
            }
            if obs.notes.is_empty() {
                <p class="empty-line">{ O::NoNotes.get(lang) }</p>
            } else {
                <ul class="obs-note-list">
                    { for obs.notes.iter().rev().take(shown).map(|n| {
                        let time = words::clock_text(n.at_ms);
                        let delete = {
                            let (fw, oid, nid) = (fw.clone(), p.observation, n.id);
                            Callback::from(move |_| observe(&fw, oid, ObservationAction::DeleteNote { id: nid }))
                        };
                        html! {
                            <li class="obs-note" key={n.id.to_string()}>
                                <span class="obs-time">{ time.clone() }</span>
                                <span class="obs-note-text">{ n.text.clone() }</span>
                                if !p.read_only {
                                    <button type="button" class="button button-quiet obs-small obs-danger" onclick={delete}
                                        aria-label={action_on(lang, O::DeleteNote.get(lang), &format!("{time} {}", n.text))}>{ O::Delete.get(lang) }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if hidden > 0 || (*all && obs.notes.len() > SHOWN) {
                    <button type="button" class="button button-quiet" onclick={toggle}>
                        { if *all { O::ShowFewerNotes.get(lang).to_owned() } else { words::show_all_notes(lang, obs.notes.len()) } }
                    </button>
                }
            }
        </section>
    }
}
