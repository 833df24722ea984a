//! Editing a list of people (candidates or mediators): name and optional e-mail per row,
//! add and remove. Used by the new-campaign form (live draft) and the campaign page (each
//! committed value becomes an undoable change).

use crate::domain::campaign::{PeopleList, Person};
use crate::domain::i18n::{self, T};
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::field::TextField;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub list: PeopleList,
    pub people: Vec<Person>,
    /// Error message per row index.
    #[prop_or_default]
    pub errors: Vec<(usize, String)>,
    pub on_add: Callback<()>,
    pub on_update: Callback<Person>,
    pub on_remove: Callback<Uuid>,
    /// Report every keystroke (draft) rather than committed values.
    #[prop_or_default]
    pub live: bool,
    #[prop_or_default]
    pub disabled: bool,
}

fn list_code(list: PeopleList) -> &'static str {
    match list {
        PeopleList::Candidates => "candidate",
        PeopleList::Mediators => "mediator",
    }
}

#[function_component(PeopleEditor)]
pub fn people_editor(p: &Props) -> Html {
    let lang = use_lang();
    let code = list_code(p.list);
    // Move focus to the new row's name after "Add".
    let previous = use_mut_ref(|| p.people.len());
    {
        let len = p.people.len();
        let last = p.people.last().map(|x| x.id);
        use_effect_with(len, move |len| {
            let grew = *len > *previous.borrow();
            *previous.borrow_mut() = *len;
            if let (true, Some(id)) = (grew, last) {
                crate::platform::dom::focus_by_id(&format!("{code}-{id}-name"));
            }
        });
    }
    let (title, hint, empty, add_label) = match p.list {
        PeopleList::Candidates => (
            T::Candidates,
            T::CandidatesHint,
            T::NoCandidates,
            T::AddCandidate,
        ),
        PeopleList::Mediators => (
            T::Mediators,
            T::MediatorsHint,
            T::NoMediators,
            T::AddMediator,
        ),
    };
    let rows = p.people.iter().enumerate().map(|(i, person)| {
        let error = p.errors.iter().find(|(j, _)| *j == i).map(|(_, e)| AttrValue::from(e.clone()));
        let row_name = i18n::person_row(lang, p.list, i + 1);
        let set_name = {
            let (person, cb) = (person.clone(), p.on_update.clone());
            Callback::from(move |name: String| cb.emit(Person { name, ..person.clone() }))
        };
        let set_email = {
            let (person, cb) = (person.clone(), p.on_update.clone());
            Callback::from(move |email: String| cb.emit(Person { email, ..person.clone() }))
        };
        let remove = {
            let (id, cb) = (person.id, p.on_remove.clone());
            Callback::from(move |_| cb.emit(id))
        };
        let (name_in, name_ch) = if p.live { (Some(set_name), None) } else { (None, Some(set_name)) };
        let (mail_in, mail_ch) = if p.live { (Some(set_email), None) } else { (None, Some(set_email)) };
        html! {
            <li class="person-row" key={person.id.to_string()} data-testid={format!("{code}-row")}>
                <fieldset class="row-fieldset">
                    <legend class="visually-hidden">{ row_name.clone() }</legend>
                    <TextField id={format!("{code}-{}-name", person.id)} label={T::PersonName.get(lang)} value={person.name.clone()}
                        error={error} autocomplete={AttrValue::Static("off")} disabled={p.disabled} oninput={name_in} onchange={name_ch} />
                    <TextField id={format!("{code}-{}-email", person.id)} label={T::PersonEmail.get(lang)} value={person.email.clone()}
                        kind={AttrValue::Static("email")} autocomplete={AttrValue::Static("off")} disabled={p.disabled} oninput={mail_in} onchange={mail_ch} />
                    <button type="button" class="button button-quiet" onclick={remove} disabled={p.disabled}
                        aria-label={i18n::action_on(lang, T::Remove.get(lang), if person.name.is_empty() { &row_name } else { &person.name })}>
                        { T::Remove.get(lang) }
                    </button>
                </fieldset>
            </li>
        }
    });
    let add = {
        let cb = p.on_add.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="card" aria-labelledby={format!("{code}-title")}>
            <h2 id={format!("{code}-title")}>{ title.get(lang) }</h2>
            <p class="hint">{ hint.get(lang) }</p>
            if p.people.is_empty() {
                <p class="empty-line">{ empty.get(lang) }</p>
            } else {
                <ul class="people-list">{ for rows }</ul>
            }
            <button type="button" class="button" onclick={add} disabled={p.disabled}>{ add_label.get(lang) }</button>
        </section>
    }
}
