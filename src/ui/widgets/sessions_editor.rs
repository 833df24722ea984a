//! The three or four planned work sessions: date, time, place and topic for each.

use crate::domain::campaign::WorkSession;
use crate::domain::draft::{
    date_input_value, parse_date_input, parse_time_input, time_input_value, UnreadableInput,
};
use crate::domain::i18n::{self, T};
use crate::domain::limits::{MAX_SESSIONS, MIN_SESSIONS};
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::field::TextField;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sessions: Vec<WorkSession>,
    pub on_update: Callback<WorkSession>,
    pub on_add: Callback<()>,
    pub on_remove: Callback<Uuid>,
    #[prop_or_default]
    pub live: bool,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(SessionsEditor)]
pub fn sessions_editor(p: &Props) -> Html {
    let lang = use_lang();
    // Date and time inputs that could not be read, by session id.
    let bad = use_state(Vec::<(Uuid, &'static str)>::new);
    let rows = p.sessions.iter().enumerate().map(|(i, s)| {
        let n = i + 1;
        let update = |f: fn(&WorkSession, String) -> Result<WorkSession, UnreadableInput>, which: &'static str| {
            let (s, cb, bad) = (s.clone(), p.on_update.clone(), bad.clone());
            Callback::from(move |text: String| {
                let mut marks: Vec<(Uuid, &'static str)> = (*bad).iter().filter(|m| **m != (s.id, which)).cloned().collect();
                match f(&s, text) {
                    Ok(next) => cb.emit(next),
                    Err(UnreadableInput) => marks.push((s.id, which)),
                }
                bad.set(marks);
            })
        };
        let on_date = update(|s, t| parse_date_input(&t).map(|date| WorkSession { date, ..s.clone() }), "date");
        let on_time = update(|s, t| parse_time_input(&t).map(|time| WorkSession { time, ..s.clone() }), "time");
        let on_place = update(|s, t| Ok(WorkSession { place: t, ..s.clone() }), "place");
        let on_topic = update(|s, t| Ok(WorkSession { topic: t, ..s.clone() }), "topic");
        let err = |which: &'static str, msg: T| bad.contains(&(s.id, which)).then(|| AttrValue::from(msg.get(lang)));
        let live = p.live;
        let pick = move |cb: Callback<String>| if live { (Some(cb), None) } else { (None, Some(cb)) };
        let (di, dc) = pick(on_date);
        let (ti, tc) = pick(on_time);
        let (pi, pc) = pick(on_place);
        let (oi, oc) = pick(on_topic);
        let remove = {
            let (id, cb) = (s.id, p.on_remove.clone());
            Callback::from(move |_| cb.emit(id))
        };
        let base = format!("session-{}", s.id);
        html! {
            <li key={s.id.to_string()} class="session-row" data-testid="session-row">
                <fieldset class="row-fieldset">
                    <legend>{ i18n::session_title(lang, n) }</legend>
                    <div class="session-grid">
                        <TextField id={format!("{base}-date")} label={T::SessionDate.get(lang)} kind={AttrValue::Static("date")}
                            value={date_input_value(s.date)} error={err("date", T::BadDate)} disabled={p.disabled} oninput={di} onchange={dc} />
                        <TextField id={format!("{base}-time")} label={T::SessionTime.get(lang)} kind={AttrValue::Static("time")}
                            value={time_input_value(s.time)} error={err("time", T::BadTime)} disabled={p.disabled} oninput={ti} onchange={tc} />
                        <TextField id={format!("{base}-place")} label={T::SessionPlace.get(lang)} value={s.place.clone()} disabled={p.disabled} oninput={pi} onchange={pc} />
                        <TextField id={format!("{base}-topic")} label={T::SessionTopic.get(lang)} hint={AttrValue::from(T::SessionTopicHint.get(lang))}
                            value={s.topic.clone()} disabled={p.disabled} oninput={oi} onchange={oc} />
                    </div>
                    if p.sessions.len() > MIN_SESSIONS {
                        <button type="button" class="button button-quiet" onclick={remove} disabled={p.disabled}
                            aria-label={format!("{} ({})", T::RemoveSession.get(lang), i18n::session_title(lang, n))}>
                            { T::RemoveSession.get(lang) }
                        </button>
                    }
                </fieldset>
            </li>
        }
    });
    let add = {
        let cb = p.on_add.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{ T::Sessions.get(lang) }</h2>
            <p class="hint">{ T::SessionsHint.get(lang) }</p>
            if let Some(e) = &p.error {
                <p class="field-error">{ e.clone() }</p>
            }
            <ol class="session-list">{ for rows }</ol>
            if p.sessions.len() < MAX_SESSIONS {
                <button type="button" class="button" onclick={add} disabled={p.disabled}>{ T::AddSession.get(lang) }</button>
            }
        </section>
    }
}
