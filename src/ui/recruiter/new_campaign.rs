//! The "New campaign" form: a local draft checked by the core; errors appear next to their
//! fields and in a summary, and focus moves to the first field to fix.

use crate::domain::campaign::{PeopleList, Person, WorkSession};
use crate::domain::draft::{CampaignDraft, Field};
use crate::domain::i18n::{self, T};
use crate::domain::workspace::Action;
use crate::platform::{clock, random};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use crate::ui::widgets::{
    field::TextField, instrument_picker::InstrumentPicker, people_editor::PeopleEditor,
    sessions_editor::SessionsEditor,
};
use std::rc::Rc;
use uuid::Uuid;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The draft, changed by small edit functions so that quick successive edits never race.
#[derive(PartialEq)]
struct Draft(CampaignDraft);

type Edit = Rc<dyn Fn(&mut CampaignDraft)>;

impl Reducible for Draft {
    type Action = Edit;
    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = self.0.clone();
        edit(&mut next);
        Rc::new(Draft(next))
    }
}

fn field_dom_id(f: Field, draft: &CampaignDraft) -> String {
    match f {
        Field::Name => "campaign-name".into(),
        Field::Role => "campaign-role".into(),
        Field::LeaderName => "leader-name".into(),
        Field::LeaderTitle => "leader-title".into(),
        Field::Person(list, i) => {
            let code = if list == PeopleList::Candidates {
                "candidate"
            } else {
                "mediator"
            };
            draft
                .people(list)
                .get(i)
                .map(|p| format!("{code}-{}-name", p.id))
                .unwrap_or_default()
        }
        Field::Sessions => "sessions-title".into(),
    }
}

#[function_component(NewCampaign)]
pub fn new_campaign() -> Html {
    let app = use_app();
    let lang = app.lang;
    let navigator = use_navigator().expect("inside the router");
    let draft = use_reducer(|| {
        Draft(CampaignDraft::new([
            random::new_uuid(),
            random::new_uuid(),
            random::new_uuid(),
        ]))
    });
    let tried = use_state(|| false);
    let library = app.workspace().role_library();
    let problems = draft.0.problems(&library);
    let error_for = |f: Field| -> Option<AttrValue> {
        if !*tried {
            return None;
        }
        problems
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, e)| AttrValue::from(i18n::campaign_error(lang, e)))
    };
    let edit = |f: fn(&mut CampaignDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            draft.dispatch(Rc::new(move |d: &mut CampaignDraft| f(d, v.clone())))
        })
    };

    let on_role = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            draft.dispatch(Rc::new(move |d: &mut CampaignDraft| d.role_id = v.clone()));
        })
    };
    let people_cbs = |list: PeopleList| {
        let (d1, d2, d3) = (draft.clone(), draft.clone(), draft.clone());
        (
            Callback::from(move |_| {
                let id = random::new_uuid();
                d1.dispatch(Rc::new(move |d: &mut CampaignDraft| {
                    d.people_mut(list).push(Person {
                        id,
                        name: String::new(),
                        email: String::new(),
                    })
                }))
            }),
            Callback::from(move |p: Person| {
                d2.dispatch(Rc::new(move |d: &mut CampaignDraft| {
                    if let Some(slot) = d.people_mut(list).iter_mut().find(|x| x.id == p.id) {
                        *slot = p.clone();
                    }
                }))
            }),
            Callback::from(move |id: Uuid| {
                d3.dispatch(Rc::new(move |d: &mut CampaignDraft| {
                    d.people_mut(list).retain(|x| x.id != id)
                }))
            }),
        )
    };
    let (cand_add, cand_update, cand_remove) = people_cbs(PeopleList::Candidates);
    let (med_add, med_update, med_remove) = people_cbs(PeopleList::Mediators);
    let person_errors = |list: PeopleList| -> Vec<(usize, String)> {
        if !*tried {
            return vec![];
        }
        problems
            .iter()
            .filter_map(|(f, e)| match f {
                Field::Person(l, i) if *l == list => {
                    Some((*i, i18n::campaign_error(lang, e).to_owned()))
                }
                _ => None,
            })
            .collect()
    };
    let (s1, s2, s3) = (draft.clone(), draft.clone(), draft.clone());
    let session_update = Callback::from(move |s: WorkSession| {
        s1.dispatch(Rc::new(move |d: &mut CampaignDraft| {
            if let Some(slot) = d.sessions.iter_mut().find(|x| x.id == s.id) {
                *slot = s.clone();
            }
        }))
    });
    let session_add = Callback::from(move |_| {
        let id = random::new_uuid();
        s2.dispatch(Rc::new(move |d: &mut CampaignDraft| {
            d.sessions.push(WorkSession::empty(id))
        }))
    });
    let session_remove = Callback::from(move |id: Uuid| {
        s3.dispatch(Rc::new(move |d: &mut CampaignDraft| {
            d.sessions.retain(|x| x.id != id)
        }))
    });
    let on_instruments = {
        let draft = draft.clone();
        Callback::from(move |list: Vec<_>| {
            draft.dispatch(Rc::new(move |d: &mut CampaignDraft| {
                d.instruments = list.clone()
            }))
        })
    };

    let onsubmit = {
        let (app, draft, tried, navigator) =
            (app.clone(), draft.clone(), tried.clone(), navigator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let library = app.workspace().role_library();
            let id = random::new_uuid();
            match draft.0.to_campaign(&library, id, clock::now()) {
                Ok(campaign) => {
                    act(
                        &app,
                        Action::CreateCampaign {
                            campaign: Box::new(campaign),
                        },
                        Some(T::CampaignCreated),
                    );
                    navigator.push(&Route::Campaign { id: id.to_string() });
                }
                Err(problems) => {
                    tried.set(true);
                    if let Some((f, _)) = problems.first() {
                        crate::platform::dom::focus_by_id(&field_dom_id(*f, &draft.0));
                    }
                }
            }
        })
    };

    let builtin_ids: Vec<String> = crate::domain::role::builtin_roles()
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let option = |r: &crate::domain::role::Role| {
        html! { <option value={r.id.clone()} selected={draft.0.role_id == r.id}>{ r.name.get(lang).to_owned() }</option> }
    };
    let own_roles: Vec<_> = library
        .iter()
        .filter(|r| !builtin_ids.contains(&r.id))
        .collect();
    let role_error = error_for(Field::Role);
    let d = &draft.0;
    html! {
        <section class="page">
            <p class="breadcrumb"><Link to={Route::Home}>{ format!("← {}", T::BackToCampaigns.get(lang)) }</Link></p>
            <h1>{ T::NewCampaignTitle.get(lang) }</h1>
            <p class="lede">{ T::NewCampaignIntro.get(lang) }</p>
            <form class="stack" novalidate=true {onsubmit}>
                if *tried && !problems.is_empty() {
                    <div class="form-summary" role="alert" data-testid="form-errors">
                        <p>{ T::FormHasErrors.get(lang) }</p>
                    </div>
                }
                <section class="card" aria-labelledby="details-title">
                    <h2 id="details-title">{ T::Details.get(lang) }</h2>
                    <TextField id="campaign-name" label={T::FieldName.get(lang)} required=true value={d.name.clone()}
                        hint={AttrValue::from(T::FieldNameHint.get(lang))} error={error_for(Field::Name)}
                        autocomplete={AttrValue::Static("off")} oninput={edit(|d, v| d.name = v)} />
                    <div class={classes!("field", role_error.is_some().then_some("has-error"))}>
                        <label for="campaign-role">{ T::FieldRole.get(lang) }<span class="required" aria-hidden="true">{ " *" }</span>
                            <span class="visually-hidden">{ format!(" ({})", T::Required.get(lang)) }</span></label>
                        <select id="campaign-role" required=true onchange={on_role}
                            aria-invalid={role_error.is_some().then_some("true")}
                            aria-describedby={role_error.is_some().then_some("campaign-role-error")}>
                            <option value="" selected={d.role_id.is_empty()}>{ T::ChooseRole.get(lang) }</option>
                            <optgroup label={T::BuiltinRoles.get(lang)}>
                                { for library.iter().filter(|r| builtin_ids.contains(&r.id)).map(option) }
                            </optgroup>
                            if !own_roles.is_empty() {
                                <optgroup label={T::MyRoles.get(lang)}>{ for own_roles.iter().map(|r| option(r)) }</optgroup>
                            }
                        </select>
                        if let Some(e) = role_error { <p class="field-error" id="campaign-role-error">{ e }</p> }
                    </div>
                </section>
                <section class="card" aria-labelledby="leader-title-h">
                    <h2 id="leader-title-h">{ T::LeaderSection.get(lang) }</h2>
                    <div class="two-col">
                        <TextField id="leader-name" label={T::LeaderName.get(lang)} required=true value={d.leader_name.clone()}
                            error={error_for(Field::LeaderName)} autocomplete={AttrValue::Static("off")} oninput={edit(|d, v| d.leader_name = v)} />
                        <TextField id="leader-title" label={T::LeaderTitle.get(lang)} value={d.leader_title.clone()}
                            hint={AttrValue::from(T::LeaderTitleHint.get(lang))} error={error_for(Field::LeaderTitle)}
                            autocomplete={AttrValue::Static("off")} oninput={edit(|d, v| d.leader_title = v)} />
                    </div>
                </section>
                <PeopleEditor list={PeopleList::Candidates} people={d.candidates.clone()} errors={person_errors(PeopleList::Candidates)}
                    on_add={cand_add} on_update={cand_update} on_remove={cand_remove} live=true />
                <PeopleEditor list={PeopleList::Mediators} people={d.mediators.clone()} errors={person_errors(PeopleList::Mediators)}
                    on_add={med_add} on_update={med_update} on_remove={med_remove} live=true />
                <SessionsEditor sessions={d.sessions.clone()} on_update={session_update} on_add={session_add} on_remove={session_remove}
                    live=true error={error_for(Field::Sessions)} />
                <InstrumentPicker selected={d.instruments.clone()} on_change={on_instruments} />
                <div class="button-row form-actions">
                    <button type="submit" class="button button-primary">{ T::CreateCampaign.get(lang) }</button>
                    <Link to={Route::Home} classes="button">{ T::Cancel.get(lang) }</Link>
                </div>
            </form>
        </section>
    }
}
