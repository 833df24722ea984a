//! Home: the campaign list with search, sort and the archive filter, or a clear empty state.

use crate::domain::campaign::{CampaignAction, Status};
use crate::domain::i18n::{self, T};
use crate::domain::listing::{list, ListQuery, SortKey};
use crate::domain::workspace::Action;
use crate::ui::recruiter::campaign_table;
use crate::ui::recruiter::overdue::OverdueData;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use crate::ui::widgets::sample_tools::{ExploreSampleButton, SampleBanner};
use crate::ui::widgets::{export_all_button::ExportAllButton, import_button::ImportButton};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

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
    // The button just clicked gets the focus back once the table is written anew.
    let refocus = use_mut_ref(|| None::<String>);
    {
        let refocus = refocus.clone();
        use_effect(move || {
            if let Some(id) = refocus.borrow_mut().take() {
                crate::platform::dom::focus_by_id(&id);
            }
        });
    }
    // When the list is first on screen (the benchmarks read this mark).
    use_effect_with(campaigns.is_empty(), |empty| {
        if !*empty {
            crate::platform::dom::mark("list-rendered");
        }
    });

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
            <Link to={Route::NewCampaign} classes="button button-primary">{ T::NewCampaign.get(lang) }</Link>
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
                        <Link to={Route::NewCampaign} classes="button button-primary">{ T::NewCampaign.get(lang) }</Link>
                    </div>
                    <ExploreSampleButton />
                    <p class="hint">{ T::EmptyImport.get(lang) }</p>
                </div>
                { data_tools }
            </section>
        };
    }

    let (shown, hidden) = list(campaigns, &query);
    // One piece of HTML for the whole table (see `campaign_table`), rebuilt only when the
    // campaigns, the query or the language change.
    let table = Html::from_html_unchecked(AttrValue::from(campaign_table::table(lang, &shown)));
    let on_table_click = {
        let (app, refocus) = (app.clone(), refocus.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(id) = campaign_table::toggled(&e) else {
                return;
            };
            let archived = app
                .workspace()
                .campaigns
                .iter()
                .any(|c| c.id == id && c.status == Status::Archived);
            let action = if archived {
                CampaignAction::Unarchive
            } else {
                CampaignAction::Archive
            };
            *refocus.borrow_mut() = Some(campaign_table::toggle_id(id));
            act(&app, Action::Campaign { id, action }, None);
        })
    };
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
                <div class="table-wrap" tabindex="0" role="region" aria-label={T::CampaignsTitle.get(lang)} onclick={on_table_click}>
                    { table }
                </div>
            }
            { data_tools }
        </section>
    }
}
