//! The role library: built-in roles (read-only templates) and the recruiter's own roles, which
//! can be duplicated, edited, created and deleted. The editor keeps a local draft and saves it
//! only when the core finds it sound.

use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::role::{Posture, Role, SoftSkill, LEVEL_MAX, LEVEL_MIN};
use crate::domain::text::Bilingual;
use crate::domain::workspace::{Action, Workspace};
use crate::platform::random;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use crate::ui::widgets::{field::TextField, role_profile::RoleProfile};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn copy_suffix() -> Bilingual {
    Bilingual {
        fr: T::CopySuffixFr.get(Lang::Fr).into(),
        en: T::CopySuffixEn.get(Lang::En).into(),
    }
}

#[function_component(Roles)]
pub fn roles() -> Html {
    let app = use_app();
    let lang = app.lang;
    let navigator = use_navigator().expect("inside the router");
    let on_new = {
        let (app, navigator) = (app.clone(), navigator.clone());
        Callback::from(move |_| {
            let name = Bilingual {
                fr: T::NewRoleNameFr.get(Lang::Fr).into(),
                en: T::NewRoleNameEn.get(Lang::En).into(),
            };
            let role = Role::blank(random::new_uuid().to_string(), name);
            let id = role.id.clone();
            act(
                &app,
                Action::SaveRole {
                    role: Box::new(role),
                },
                None,
            );
            navigator.push(&Route::Role { id });
        })
    };
    let cards = app.workspace().role_library().into_iter().map(|role| {
        let builtin = Workspace::is_builtin_role(&role.id);
        let on_duplicate = {
            let (app, navigator, role) = (app.clone(), navigator.clone(), role.clone());
            Callback::from(move |_| {
                let copy = role.duplicate(random::new_uuid().to_string(), &copy_suffix());
                let id = copy.id.clone();
                act(&app, Action::SaveRole { role: Box::new(copy) }, Some(T::RoleSaved));
                navigator.push(&Route::Role { id });
            })
        };
        let on_delete = {
            let (app, id) = (app.clone(), role.id.clone());
            Callback::from(move |_| act(&app, Action::DeleteRole { id: id.clone() }, Some(T::RoleDeleted)))
        };
        let name = role.name.get(lang).to_owned();
        html! {
            <li class="card role-card" key={role.id.clone()} data-testid="role-card">
                <div class="role-card-head">
                    <h2>{ name.clone() }</h2>
                    <span class={classes!("badge", if builtin { "badge-builtin" } else { "badge-custom" })}>
                        { if builtin { T::BuiltinBadge.get(lang) } else { T::CustomBadge.get(lang) } }
                    </span>
                </div>
                <p>{ role.summary.get(lang).to_owned() }</p>
                <details>
                    <summary>{ T::RoleSection.get(lang) }</summary>
                    <RoleProfile role={role.clone()} />
                </details>
                <div class="button-row">
                    <button type="button" class="button" onclick={on_duplicate} aria-label={i18n::action_on(lang, T::Duplicate.get(lang), &name)}>{ T::Duplicate.get(lang) }</button>
                    if !builtin {
                        <Link to={Route::Role { id: role.id.clone() }} classes="button">{ T::Edit.get(lang) }</Link>
                        <button type="button" class="button button-danger" onclick={on_delete} aria-label={i18n::action_on(lang, T::DeleteRole.get(lang), &name)}>{ T::DeleteRole.get(lang) }</button>
                    }
                </div>
            </li>
        }
    });
    html! {
        <section class="page">
            <div class="page-head">
                <div>
                    <h1>{ T::RolesTitle.get(lang) }</h1>
                    <p class="lede">{ T::RolesIntro.get(lang) }</p>
                </div>
                <button type="button" class="button button-primary" onclick={on_new}>{ T::NewRole.get(lang) }</button>
            </div>
            <ul class="role-grid">{ for cards }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub id: String,
}

/// Editing one of the recruiter's roles.
#[function_component(RoleEditor)]
pub fn role_editor(props: &EditorProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let stored = app
        .workspace()
        .roles
        .iter()
        .find(|r| r.id == props.id)
        .cloned();
    let draft = use_state(|| stored.clone());
    let tried = use_state(|| false);
    let builtin = crate::domain::role::builtin_roles()
        .iter()
        .find(|r| r.id == props.id)
        .cloned();
    let (Some(role), Some(_)) = ((*draft).clone(), stored.as_ref()) else {
        return html! {
            <section class="page">
                <p class="breadcrumb"><Link to={Route::Roles}>{ format!("← {}", T::BackToRoles.get(lang)) }</Link></p>
                if let Some(b) = builtin {
                    <h1>{ b.name.get(lang).to_owned() }</h1>
                    <p class="hint">{ T::BuiltinReadOnly.get(lang) }</p>
                    <RoleProfile role={b} />
                } else {
                    <h1>{ T::NotFoundTitle.get(lang) }</h1>
                    <p>{ T::RoleNotFound.get(lang) }</p>
                }
            </section>
        };
    };
    let problems = role.problems();
    let set = |f: fn(&mut Role, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            if let Some(mut r) = (*draft).clone() {
                f(&mut r, v);
                draft.set(Some(r));
            }
        })
    };
    let text_area = |id: &'static str, label: T, value: String, f: fn(&mut Role, String)| {
        let cb = set(f);
        let oninput = Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        html! {
            <div class="field">
                <label for={id}>{ label.get(lang) }</label>
                <textarea {id} rows="3" value={value} {oninput}></textarea>
            </div>
        }
    };
    let level_select = |axis_index: usize, which: &'static str, value: u8, label: String| {
        let draft = draft.clone();
        let onchange = Callback::from(move |e: Event| {
            let v: u8 = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(3);
            if let Some(mut r) = (*draft).clone() {
                let a = &mut r.axes[axis_index];
                match which {
                    "min" => a.min = v,
                    "max" => a.max = v,
                    _ => a.target = v,
                }
                draft.set(Some(r));
            }
        });
        html! {
            <select aria-label={label} {onchange}>
                { for (LEVEL_MIN..=LEVEL_MAX).map(|l| html! { <option value={l.to_string()} selected={l == value}>{ l.to_string() }</option> }) }
            </select>
        }
    };
    let axis_rows = role.axes.iter().enumerate().map(|(i, a)| {
        let name = i18n::axis(lang, a.axis);
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ level_select(i, "min", a.min, format!("{name} — {}", T::Min.get(lang))) }</td>
                <td>{ level_select(i, "target", a.target, format!("{name} — {}", T::TargetLevel.get(lang))) }</td>
                <td>{ level_select(i, "max", a.max, format!("{name} — {}", T::Max.get(lang))) }</td>
            </tr>
        }
    });
    let posture_inputs = Posture::ALL.iter().map(|p| {
        let p = *p;
        let draft = draft.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v: u8 = e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0).min(100);
            if let Some(mut r) = (*draft).clone() {
                r.postures.set(p, v);
                draft.set(Some(r));
            }
        });
        let id = format!("posture-{p:?}");
        html! {
            <div class="field narrow">
                <label for={id.clone()}>{ format!("{} (%)", i18n::posture(lang, p)) }</label>
                <input {id} type="number" min="0" max="100" step="1" value={role.postures.get(p).to_string()} {oninput} />
            </div>
        }
    });
    let skill_boxes = SoftSkill::ALL.iter().map(|s| {
        let s = *s;
        let checked = role.soft_skills.contains(&s);
        let draft = draft.clone();
        let onchange = Callback::from(move |_| {
            if let Some(mut r) = (*draft).clone() {
                if checked {
                    r.soft_skills.retain(|x| *x != s);
                } else {
                    r.soft_skills.push(s);
                }
                draft.set(Some(r));
            }
        });
        let id = format!("skill-{s:?}");
        html! {
            <li class="check-row">
                <input type="checkbox" id={id.clone()} {checked} {onchange} />
                <label for={id}>{ i18n::soft_skill(lang, s) }</label>
            </li>
        }
    });
    let on_save = {
        let (app, draft, tried) = (app.clone(), draft.clone(), tried.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if let Some(r) = (*draft).clone() {
                if r.problems().is_empty() {
                    act(
                        &app,
                        Action::SaveRole { role: Box::new(r) },
                        Some(T::RoleSaved),
                    );
                }
            }
        })
    };
    let dirty = stored.as_ref() != Some(&role);
    html! {
        <section class="page">
            <p class="breadcrumb"><Link to={Route::Roles}>{ format!("← {}", T::BackToRoles.get(lang)) }</Link></p>
            <h1>{ format!("{} — {}", T::EditRoleTitle.get(lang), role.name.get(lang)) }</h1>
            <form class="stack" onsubmit={on_save} novalidate=true>
                if (*tried || dirty) && !problems.is_empty() {
                    <ul class="form-summary" role="alert">
                        { for problems.iter().map(|p| html! { <li>{ i18n::role_problem(lang, p) }</li> }) }
                    </ul>
                }
                <section class="card">
                    <div class="two-col">
                        <TextField id="role-name-fr" label={T::RoleNameFr.get(lang)} value={role.name.fr.clone()} oninput={set(|r, v| r.name.fr = v)} />
                        <TextField id="role-name-en" label={T::RoleNameEn.get(lang)} value={role.name.en.clone()} oninput={set(|r, v| r.name.en = v)} />
                    </div>
                    <div class="two-col">
                        { text_area("role-summary-fr", T::RoleSummaryFr, role.summary.fr.clone(), |r, v| r.summary.fr = v) }
                        { text_area("role-summary-en", T::RoleSummaryEn, role.summary.en.clone(), |r, v| r.summary.en = v) }
                    </div>
                </section>
                <section class="card">
                    <h2>{ T::AxisCol.get(lang) }</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label={T::AxisCol.get(lang)}>
                        <table class="axis-edit">
                            <thead><tr>
                                <th scope="col">{ T::AxisCol.get(lang) }</th>
                                <th scope="col">{ T::Min.get(lang) }</th>
                                <th scope="col">{ T::TargetLevel.get(lang) }</th>
                                <th scope="col">{ T::Max.get(lang) }</th>
                            </tr></thead>
                            <tbody>{ for axis_rows }</tbody>
                        </table>
                    </div>
                </section>
                <section class="card">
                    <h2>{ T::PosturesTitle.get(lang) }</h2>
                    <div class="three-col">{ for posture_inputs }</div>
                    <p class={classes!("hint", (role.postures.total() != 100).then_some("field-error"))}>{ i18n::posture_total(lang, role.postures.total()) }</p>
                    <fieldset class="plain-fieldset">
                        <legend>{ T::SoftSkillsTitle.get(lang) }</legend>
                        <ul class="check-list">{ for skill_boxes }</ul>
                    </fieldset>
                </section>
                <div class="button-row form-actions">
                    <button type="submit" class="button button-primary">{ T::SaveRole.get(lang) }</button>
                    <Link to={Route::Roles} classes="button">{ T::BackToRoles.get(lang) }</Link>
                </div>
            </form>
        </section>
    }
}
