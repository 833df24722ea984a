//! Choosing which version counts, for each observation of the session received in several
//! diverging versions: the versions side by side, the one that counts and since when, and the
//! buttons that choose one (`CampaignAction::ChooseVersion`, undoable like any change) or stop
//! counting any.

use super::{choice_of, Choice};
use crate::domain::campaign::{Campaign, CampaignAction, VersionChoice};
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::observation::merge::fingerprint;
use crate::domain::observation::report::{received, Received};
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::recruiter::fieldwork_section::mediator_name;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::{act, use_app};
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
    pub session: Uuid,
    pub candidate: Uuid,
    /// The observation on screen.
    pub shown: Choice,
    pub on_show: Callback<Choice>,
}

#[function_component(Versions)]
pub fn versions(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let lang = app.lang;
    let c = &p.campaign;
    let got = received(
        &fieldwork.fieldwork.observations,
        c,
        p.session,
        Some(p.candidate),
    );
    // The versions, grouped by observation (they come in order).
    let mut groups: Vec<Vec<&Received>> = Vec::new();
    for r in got.iter().filter(|r| r.version.is_some()) {
        match groups.last_mut() {
            Some(g) if g[0].observation.id == r.observation.id => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    let dispatch = {
        let (app, id) = (app.clone(), c.id);
        move |action: CampaignAction| act(&app, Action::Campaign { id, action }, None)
    };
    let cards = groups.iter().map(|g| {
        let id = g[0].observation.id;
        let who = mediator_name(lang, c, g[0].observation.mediator_id);
        let choice = c.version_choices.iter().find(|x| x.observation_id == id);
        let title_id = format!("an-versions-{id}");
        let rows = g.iter().map(|r| {
            let o = r.observation;
            let (k, total) = r.version.unwrap_or((1, 1));
            let version = an::version_of(lang, k, total);
            let when = i18n::date_time(lang, clock::local(o.updated_at));
            let key = choice_of(r);
            let shown = key == p.shown;
            let on_show = {
                let on_show = p.on_show.clone();
                Callback::from(move |_| on_show.emit(key))
            };
            let on_choose = {
                let (dispatch, version) = (dispatch.clone(), fingerprint(o));
                Callback::from(move |_| {
                    dispatch(CampaignAction::ChooseVersion {
                        choice: VersionChoice {
                            observation_id: id,
                            version: version.clone(),
                            chosen_at: clock::now(),
                        },
                    })
                })
            };
            let on_clear = {
                let dispatch = dispatch.clone();
                Callback::from(move |_| {
                    dispatch(CampaignAction::ClearVersionChoice { observation_id: id })
                })
            };
            html! {
                <li class={classes!("an-version", r.chosen.then_some("is-chosen"))} data-testid="an-version">
                    <div class="an-version-what">
                        <p class="an-version-line">
                            { an::version_line(lang, k, total, o.revision, r.is_submitted(), &when) }
                        </p>
                        <p class="hint">{ format!("{} · {}", an::events_count(lang, o.events.len()), an::duration(lang, o.length_ms(o.updated_at))) }</p>
                        if r.chosen {
                            <p class="an-version-counts">
                                <span class="badge badge-active">{ V::Counts.get(lang) }</span>
                                { " " }{ choice.map(|x| rd::chosen_on(lang, &i18n::date_time(lang, clock::local(x.chosen_at)))).unwrap_or_default() }
                            </p>
                        }
                    </div>
                    <div class="button-row an-version-actions">
                        if shown {
                            <span class="badge">{ V::Shown.get(lang) }</span>
                        } else {
                            <button type="button" class="button" onclick={on_show}
                                aria-label={i18n::action_on(lang, V::ShowVersion.get(lang), &version)}>{ V::ShowVersion.get(lang) }</button>
                        }
                        if r.chosen {
                            <button type="button" class="button" onclick={on_clear} data-testid="an-version-clear">{ V::ClearChoice.get(lang) }</button>
                        } else {
                            <button type="button" class="button button-primary" onclick={on_choose} data-testid="an-version-choose"
                                aria-label={i18n::action_on(lang, V::ThisVersionCounts.get(lang), &version)}>{ V::ThisVersionCounts.get(lang) }</button>
                        }
                    </div>
                </li>
            }
        });
        let none_chosen = !g.iter().any(|r| r.chosen);
        html! {
            <section class="card an-versions" aria-labelledby={title_id.clone()} data-testid="an-versions">
                <h2 id={title_id}>{ format!("{} — {who}", V::VersionsTitle.get(lang)) }</h2>
                <p>{ rd::versions_intro(lang, &who, g.len()) }</p>
                if none_chosen {
                    <p class="banner banner-info">{ V::NoneChosen.get(lang) }</p>
                }
                <ol class="an-version-list">{ for rows }</ol>
            </section>
        }
    });
    html! { <>{ for cards }</> }
}
