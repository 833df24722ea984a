//! Home: the campaign list with search, sort and the archive filter, or a clear empty state.

use crate::domain::campaign::{CampaignAction, Status};
use crate::domain::i18n::{self, T};
use crate::domain::listing::{list, ListQuery, SortKey};
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::recruiter::compatibility::sample_badge;
use crate::ui::recruiter::overdue::OverdueData;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use crate::ui::widgets::sample_tools::{ExploreSampleButton, SampleBanner};
use crate::ui::widgets::{export_all_button::ExportAllButton, import_button::ImportButton};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

fn sort_label(k: SortKey) -> T {
    match k {
        SortKey::Updated => T::SortUpdated,
        SortKey::Created => T::SortCreated,
        SortKey::Name => T::SortName,
        SortKey::Status => T::SortStatus,
    }
}

#[function_component(Home)]
pub fn home() -> Html {
    let app = use_app();
    let lang = app.lang;
    let query = use_state(ListQuery::default);
    let campaigns = &app.workspace().campaigns;

    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let search = e.target_unchecked_into::<HtmlInputElement>().value();
            query.set(ListQuery {
                search,
                ..(*query).clone()
            });
        })
    };
    let on_sort = {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            let sort = SortKey::from_code(&code).unwrap_or_default();
            query.set(ListQuery {
                sort,
                ..(*query).clone()
            });
        })
    };
    let on_archived = {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let show_archived = e.target_unchecked_into::<HtmlInputElement>().checked();
            query.set(ListQuery {
                show_archived,
                ..(*query).clone()
            });
        })
    };

    let header = html! {
        <div class="page-head">
            <div>
                <h1>{ T::CampaignsTitle.get(lang) }</h1>
                <p class="lede">{ T::CampaignsIntro.get(lang) }</p>
            </div>
            <Link<Route> to={Route::NewCampaign} classes="button button-primary">{ T::NewCampaign.get(lang) }</Link<Route>>
        </div>
    };
    let data_tools = html! {
        <section class="card data-tools" aria-labelledby="data-tools-title">
            <h2 id="data-tools-title">{ T::DataSection.get(lang) }</h2>
            <p class="hint">{ T::DataIntro.get(lang) }</p>
            <div class="button-row">
                if !campaigns.is_empty() { <ExportAllButton /> }
                <ImportButton id="home-import" />
            </div>
        </section>
    };

    if campaigns.is_empty() {
        return html! {
            <section class="page">
                { header }
                <div class="empty-state card" data-testid="empty-state">
                    <h2>{ T::EmptyTitle.get(lang) }</h2>
                    <p>{ T::EmptyBody.get(lang) }</p>
                    <div class="button-row empty-actions">
                        <Link<Route> to={Route::NewCampaign} classes="button button-primary">{ T::NewCampaign.get(lang) }</Link<Route>>
                    </div>
                    <ExploreSampleButton />
                    <p class="hint">{ T::EmptyImport.get(lang) }</p>
                </div>
                { data_tools }
            </section>
        };
    }

    let (shown, hidden) = list(campaigns, &query);
    let rows = shown.iter().map(|c| {
        let id = c.id;
        let archived = c.status == Status::Archived;
        let toggle = {
            let app = app.clone();
            let action = if archived { CampaignAction::Unarchive } else { CampaignAction::Archive };
            Callback::from(move |_| act(&app, Action::Campaign { id, action: action.clone() }, None))
        };
        let toggle_label = if archived { T::Unarchive } else { T::Archive };
        let updated = i18n::date_time(lang, clock::local(c.updated_at));
        html! {
            <tr key={id.to_string()} data-testid="campaign-row" class={classes!(archived.then_some("is-archived"))}>
                <th scope="row" data-label={T::ColName.get(lang)}>
                    <Link<Route> to={Route::Campaign { id: id.to_string() }}>{ c.name.clone() }</Link<Route>>
                    { sample_badge(lang, c) }
                </th>
                <td data-label={T::ColRole.get(lang)}>{ c.role.name.get(lang).to_owned() }</td>
                <td data-label={T::ColLeader.get(lang)}>{ c.leader.name.clone() }</td>
                <td data-label={T::ColStatus.get(lang)}><span class={classes!("badge", format!("badge-{:?}", c.status).to_lowercase())}>{ i18n::status(lang, c.status) }</span></td>
                <td data-label={T::ColUpdated.get(lang)}>{ updated }</td>
                <td data-label={T::ColActions.get(lang)}>
                    <button type="button" class="button button-quiet" onclick={toggle}
                        aria-label={i18n::action_on(lang, toggle_label.get(lang), &c.name)}>{ toggle_label.get(lang) }</button>
                </td>
            </tr>
        }
    });
    html! {
        <section class="page">
            { header }
            if campaigns.iter().any(|c| c.sample) { <SampleBanner /> }
            <OverdueData />
            <div class="toolbar card" role="search">
                <div class="field">
                    <label for="campaign-search">{ T::SearchLabel.get(lang) }</label>
                    <input id="campaign-search" type="search" value={query.search.clone()} placeholder={T::SearchPlaceholder.get(lang)} oninput={on_search} />
                </div>
                <div class="field">
                    <label for="campaign-sort">{ T::SortLabel.get(lang) }</label>
                    <select id="campaign-sort" onchange={on_sort}>
                        { for SortKey::ALL.iter().map(|k| html! {
                            <option value={k.code()} selected={*k == query.sort}>{ sort_label(*k).get(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="check-row">
                    <input id="show-archived" type="checkbox" checked={query.show_archived} onchange={on_archived} />
                    <label for="show-archived">{ T::ShowArchived.get(lang) }</label>
                </div>
            </div>
            <p class="count" aria-live="polite" data-testid="campaign-count">{ i18n::campaign_count(lang, shown.len(), hidden) }</p>
            if shown.is_empty() {
                <p class="empty-line card">{ T::NoMatch.get(lang) }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-label={T::CampaignsTitle.get(lang)}>
                    <table class="campaign-table">
                        <caption class="visually-hidden">{ T::CampaignsTitle.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ T::ColName.get(lang) }</th>
                                <th scope="col">{ T::ColRole.get(lang) }</th>
                                <th scope="col">{ T::ColLeader.get(lang) }</th>
                                <th scope="col">{ T::ColStatus.get(lang) }</th>
                                <th scope="col">{ T::ColUpdated.get(lang) }</th>
                                <th scope="col"><span class="visually-hidden">{ T::ColActions.get(lang) }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            { data_tools }
        </section>
    }
}
