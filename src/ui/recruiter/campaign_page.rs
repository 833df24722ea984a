//! A campaign's page: everything set at creation stays editable; each committed value is one
//! undoable change. Refused values are explained next to their field and nothing is saved.

use crate::domain::campaign::{
    Campaign, CampaignAction, InstrumentId, Leader, PeopleList, Person, Status, WorkSession,
};
use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n::{self, T};
use crate::domain::workspace::Action;
use crate::platform::{clock, random};
use crate::ui::recruiter::debrief_section::DebriefSection;
use crate::ui::recruiter::decision_section::DecisionSection;
use crate::ui::recruiter::fieldwork_section::FieldworkSection;
use crate::ui::recruiter::privacy_section::PrivacySection;
use crate::ui::recruiter::survey_section::SurveySection;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app, AppHandle, Msg};
use crate::ui::widgets::{
    field::TextField,
    instrument_picker::InstrumentPicker,
    people_editor::PeopleEditor,
    protect::{save_file, Protection},
    role_profile::RoleProfile,
    sessions_editor::SessionsEditor,
};
use std::collections::HashMap;
use uuid::Uuid;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
}

/// Field key → error text, for values the core refused.
type Errors = UseStateHandle<HashMap<String, String>>;

/// Checks a change with the core, then dispatches it or shows why it was refused.
fn commit(
    app: &AppHandle,
    errors: &Errors,
    campaign: &Campaign,
    key: String,
    action: CampaignAction,
) {
    let mut next_errors = (**errors).clone();
    match campaign.apply(&action, clock::now()) {
        Ok(_) => {
            next_errors.remove(&key);
            act(
                app,
                Action::Campaign {
                    id: campaign.id,
                    action,
                },
                None,
            );
        }
        Err(e) => {
            next_errors.insert(key, i18n::campaign_error(app.lang, &e).to_owned());
        }
    }
    errors.set(next_errors);
}

#[function_component(CampaignPage)]
pub fn campaign_page(props: &Props) -> Html {
    let app = use_app();
    let fieldwork = crate::ui::shell::fieldwork::use_fieldwork();
    let lang = app.lang;
    let errors: Errors = use_state(HashMap::new);
    let replacement = use_state(String::new);
    let navigator = use_navigator().expect("inside the router");
    let campaign = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let Some(c) = campaign else {
        return html! {
            <section class="page">
                <h1>{ T::NotFoundTitle.get(lang) }</h1>
                <p>{ T::CampaignNotFound.get(lang) }</p>
                <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link>
            </section>
        };
    };
    let archived = c.status == Status::Archived;
    let err = |key: &str| errors.get(key).map(|e| AttrValue::from(e.clone()));
    let on = |key: &'static str, make: fn(&Campaign, String) -> CampaignAction| {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |v: String| commit(&app, &errors, &c, key.to_owned(), make(&c, v)))
    };

    let on_status = {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let status = Status::SELECTABLE
                .into_iter()
                .find(|s| format!("{s:?}") == v)
                .unwrap_or(Status::Draft);
            commit(
                &app,
                &errors,
                &c,
                "status".into(),
                CampaignAction::SetStatus { status },
            )
        })
    };
    let people = |list: PeopleList| {
        let (a1, a2, a3) = (app.clone(), app.clone(), app.clone());
        let (e1, e2, e3) = (errors.clone(), errors.clone(), errors.clone());
        let (c1, c2, c3) = (c.clone(), c.clone(), c.clone());
        let key = move |id: Uuid| format!("person-{id}");
        (
            Callback::from(move |_| {
                // A new row starts with a placeholder-free empty name is not allowed by the
                // model, so the row is created with the list's numbered label.
                let n = c1.people(list).len() + 1;
                let person = Person {
                    id: random::new_uuid(),
                    name: i18n::person_row(a1.lang, list, n),
                    email: String::new(),
                };
                commit(
                    &a1,
                    &e1,
                    &c1,
                    key(person.id),
                    CampaignAction::AddPerson { list, person },
                )
            }),
            Callback::from(move |person: Person| {
                commit(
                    &a2,
                    &e2,
                    &c2,
                    key(person.id),
                    CampaignAction::UpdatePerson { list, person },
                )
            }),
            Callback::from(move |id: Uuid| {
                commit(
                    &a3,
                    &e3,
                    &c3,
                    key(id),
                    CampaignAction::RemovePerson { list, id },
                )
            }),
        )
    };
    let person_errors = |list: PeopleList| -> Vec<(usize, String)> {
        c.people(list)
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                errors
                    .get(&format!("person-{}", p.id))
                    .map(|e| (i, e.clone()))
            })
            .collect()
    };
    let (cand_add, cand_update, cand_remove) = people(PeopleList::Candidates);
    let (med_add, med_update, med_remove) = people(PeopleList::Mediators);
    let session_update = {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |session: WorkSession| {
            commit(
                &app,
                &errors,
                &c,
                "sessions".into(),
                CampaignAction::UpdateSession { session },
            )
        })
    };
    let session_add = {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |_| {
            let session = WorkSession::empty(random::new_uuid());
            commit(
                &app,
                &errors,
                &c,
                "sessions".into(),
                CampaignAction::AddSession { session },
            )
        })
    };
    let session_remove = {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |id: Uuid| {
            commit(
                &app,
                &errors,
                &c,
                "sessions".into(),
                CampaignAction::RemoveSession { id },
            )
        })
    };
    let on_instruments = {
        let (app, errors, c) = (app.clone(), errors.clone(), c.clone());
        Callback::from(move |instruments: Vec<InstrumentId>| {
            commit(
                &app,
                &errors,
                &c,
                "instruments".into(),
                CampaignAction::SetInstruments { instruments },
            )
        })
    };
    let on_pick_role = {
        let replacement = replacement.clone();
        Callback::from(move |e: Event| {
            replacement.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_replace_role = {
        let (app, errors, c, replacement) =
            (app.clone(), errors.clone(), c.clone(), replacement.clone());
        Callback::from(move |_| {
            if let Some(role) = app
                .workspace()
                .role_library()
                .into_iter()
                .find(|r| r.id == *replacement)
            {
                commit(
                    &app,
                    &errors,
                    &c,
                    "role".into(),
                    CampaignAction::ReplaceRole { role },
                );
                replacement.set(String::new());
            }
        })
    };
    let on_undo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Msg::Undo))
    };
    let on_redo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Msg::Redo))
    };
    let on_export = {
        let (app, id, name, fw) = (app.clone(), c.id, c.name.clone(), fieldwork.clone());
        Callback::from(move |_| {
            let now = clock::now();
            if let Some(doc) = Document::of_campaign(app.workspace(), id, now) {
                // With its kits, observations, invitations, answers and their scores.
                let doc = doc
                    .with_campaign_fieldwork(&fw.fieldwork, id)
                    .with_scores(&fw.fieldwork, app.lang);
                save_file(&export_file_name(&name, now), &doc, Protection::Recommended);
            }
        })
    };
    let on_archive = {
        let (app, id) = (app.clone(), c.id);
        let action = if archived {
            CampaignAction::Unarchive
        } else {
            CampaignAction::Archive
        };
        Callback::from(move |_| {
            act(
                &app,
                Action::Campaign {
                    id,
                    action: action.clone(),
                },
                None,
            )
        })
    };
    let on_delete = {
        let (app, id) = (app.clone(), c.id);
        Callback::from(move |_| {
            act(
                &app,
                Action::DeleteCampaign { id },
                Some(T::CampaignDeleted),
            );
            navigator.push(&Route::Home);
        })
    };

    let undo_label = app.history.undo_label().map(|l| l.undo_label(lang));
    let redo_label = app.history.redo_label().map(|l| l.undo_label(lang));
    html! {
        <article class="page campaign-page">
            <p class="breadcrumb"><Link to={Route::Home}>{ format!("← {}", T::BackToCampaigns.get(lang)) }</Link></p>
            <div class="page-head">
                <div>
                    <h1>{ c.name.clone() }</h1>
                    <p class="meta">
                        <span class={classes!("badge", format!("badge-{:?}", c.status).to_lowercase())}>{ i18n::status(lang, c.status) }</span>
                        { crate::ui::recruiter::compatibility::sample_badge(lang, &c) }
                        { format!(" {} {} · {} {} · {} {}",
                            T::Created.get(lang), i18n::date_time(lang, clock::local(c.created_at)),
                            T::Updated.get(lang), i18n::date_time(lang, clock::local(c.updated_at)),
                            T::Revision.get(lang), c.revision) }
                    </p>
                </div>
            </div>
            <div class="toolbar-actions" role="toolbar" aria-label={T::ColActions.get(lang)}>
                <button type="button" class="button" onclick={on_undo} disabled={undo_label.is_none()} data-testid="undo"
                    title={T::UndoShortcut.get(lang)}>
                    { undo_label.unwrap_or_else(|| T::NothingToUndo.get(lang).to_owned()) }
                </button>
                if let Some(label) = redo_label {
                    <button type="button" class="button" onclick={on_redo} aria-label={format!("{} ({label})", T::Redo.get(lang))}>{ T::Redo.get(lang) }</button>
                }
                <button type="button" class="button" onclick={on_export}>{ T::ExportCampaign.get(lang) }</button>
                <button type="button" class="button" onclick={on_archive}>{ if archived { T::Unarchive.get(lang) } else { T::Archive.get(lang) } }</button>
                <button type="button" class="button button-danger" onclick={on_delete}>{ T::DeleteCampaign.get(lang) }</button>
            </div>
            if c.sample { <crate::ui::widgets::sample_tools::SampleBanner /> }
            if archived {
                <p class="banner banner-info">{ i18n::campaign_error(lang, &crate::domain::campaign::CampaignError::Archived) }</p>
            }
            <crate::ui::recruiter::section_nav::SectionNav />
            <section class="card" aria-labelledby="details-title">
                <h2 id="details-title">{ T::Details.get(lang) }</h2>
                <div class="two-col">
                    <TextField id="campaign-name" label={T::FieldName.get(lang)} required=true value={c.name.clone()} error={err("name")}
                        disabled={archived} autocomplete={AttrValue::Static("off")} onchange={on("name", |_, v| CampaignAction::Rename { name: v })} />
                    <div class="field">
                        <label for="campaign-status">{ T::FieldStatus.get(lang) }</label>
                        <select id="campaign-status" onchange={on_status} disabled={archived}>
                            { for Status::SELECTABLE.iter().map(|s| html! {
                                <option value={format!("{s:?}")} selected={*s == c.status}>{ i18n::status(lang, *s) }</option>
                            }) }
                            if archived { <option selected=true disabled=true>{ i18n::status(lang, Status::Archived) }</option> }
                        </select>
                    </div>
                </div>
            </section>
            <section class="card" aria-labelledby="leader-title-h">
                <h2 id="leader-title-h">{ T::LeaderSection.get(lang) }</h2>
                <div class="two-col">
                    <TextField id="leader-name" label={T::LeaderName.get(lang)} required=true value={c.leader.name.clone()} error={err("leader-name")}
                        disabled={archived} autocomplete={AttrValue::Static("off")}
                        onchange={on("leader-name", |c, v| CampaignAction::SetLeader { leader: Leader { name: v, title: c.leader.title.clone() } })} />
                    <TextField id="leader-title" label={T::LeaderTitle.get(lang)} value={c.leader.title.clone()} error={err("leader-title")}
                        disabled={archived} autocomplete={AttrValue::Static("off")}
                        onchange={on("leader-title", |c, v| CampaignAction::SetLeader { leader: Leader { name: c.leader.name.clone(), title: v } })} />
                </div>
            </section>
            <section class="card" aria-labelledby="role-title">
                <h2 id="role-title">{ format!("{} — {}", T::RoleSection.get(lang), c.role.name.get(lang)) }</h2>
                <p class="hint">{ T::RoleSnapshotNote.get(lang) }</p>
                <RoleProfile role={c.role.clone()} />
                <div class="inline-form">
                    <div class="field">
                        <label for="replace-role">{ T::ReplaceRole.get(lang) }</label>
                        <select id="replace-role" onchange={on_pick_role} disabled={archived}>
                            <option value="" selected={replacement.is_empty()}>{ T::ChooseRole.get(lang) }</option>
                            { for app.workspace().role_library().iter().map(|r| html! {
                                <option value={r.id.clone()} selected={*replacement == r.id}>{ r.name.get(lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" class="button" onclick={on_replace_role} disabled={archived || replacement.is_empty()}>{ T::Apply.get(lang) }</button>
                </div>
                if let Some(e) = err("role") { <p class="field-error">{ e }</p> }
            </section>
            <PeopleEditor list={PeopleList::Candidates} people={c.candidates.clone()} errors={person_errors(PeopleList::Candidates)}
                on_add={cand_add} on_update={cand_update} on_remove={cand_remove} disabled={archived} />
            <PeopleEditor list={PeopleList::Mediators} people={c.mediators.clone()} errors={person_errors(PeopleList::Mediators)}
                on_add={med_add} on_update={med_update} on_remove={med_remove} disabled={archived} />
            <SessionsEditor sessions={c.sessions.clone()} on_update={session_update} on_add={session_add} on_remove={session_remove}
                disabled={archived} error={err("sessions")} />
            <InstrumentPicker selected={c.instruments.clone()} on_change={on_instruments} disabled={archived} />
            <SurveySection campaign={c.clone()} />
            <FieldworkSection campaign={c.clone()} />
            <DebriefSection campaign={c.clone()} />
            <DecisionSection campaign={c.clone()} />
            <PrivacySection campaign={c.clone()} />
            <crate::ui::recruiter::import_history::ImportHistory campaign={c.clone()} />
        </article>
    }
}
