//! A role's profile, read-only: the target level and acceptable band on each support axis
//! (five cells, the band shaded and the target marked), the posture weights and soft skills.

use crate::domain::i18n::{self, T};
use crate::domain::role::{Posture, Role, LEVEL_MAX, LEVEL_MIN};
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub role: Role,
}

#[function_component(RoleProfile)]
pub fn role_profile(p: &Props) -> Html {
    let lang = use_lang();
    let role = &p.role;
    let rows = role.axes.iter().map(|a| {
        let cells = (LEVEL_MIN..=LEVEL_MAX).map(|lvl| {
            let class = classes!(
                "level-cell",
                (a.min..=a.max).contains(&lvl).then_some("in-band"),
                (lvl == a.target).then_some("is-target")
            );
            html! { <span {class}></span> }
        });
        let why = a.why.get(lang);
        html! {
            <tr>
                <th scope="row">
                    { i18n::axis(lang, a.axis) }
                    if !why.is_empty() { <span class="hint block">{ why.to_owned() }</span> }
                </th>
                <td data-label={T::TargetLevel.get(lang)}>
                    <span class="level-scale" aria-hidden="true">{ for cells }</span>
                    <span class="level-text">{ format!("{} — {}", a.target, i18n::level(lang, a.target)) }</span>
                </td>
                <td class="band-text" data-label={T::Band.get(lang)}>{ format!("{}–{}", a.min, a.max) }</td>
            </tr>
        }
    });
    let postures = Posture::ALL.iter().map(|po| {
        let w = role.postures.get(*po);
        html! {
            <li class="posture">
                <span class="posture-name">{ i18n::posture(lang, *po) }</span>
                <svg class="posture-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="posture-track" width="100" height="8" rx="4" />
                    <rect class="posture-fill" width={w.to_string()} height="8" rx="4" />
                </svg>
                <span class="posture-value">{ i18n::percent(lang, w) }</span>
            </li>
        }
    });
    html! {
        <div class="role-profile">
            <div class="table-wrap" tabindex="0" role="region" aria-label={T::AxisCol.get(lang)}>
                <table class="axis-table">
                    <thead>
                        <tr>
                            <th scope="col">{ T::AxisCol.get(lang) }</th>
                            <th scope="col">{ T::TargetLevel.get(lang) }</th>
                            <th scope="col">{ T::Band.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="profile-side">
                <h3>{ T::PosturesTitle.get(lang) }</h3>
                <ul class="posture-list">{ for postures }</ul>
                <h3>{ T::SoftSkillsTitle.get(lang) }</h3>
                <ol class="skill-list">
                    { for role.soft_skills.iter().map(|s| html! { <li>{ i18n::soft_skill(lang, *s) }</li> }) }
                </ol>
            </div>
        </div>
    }
}
