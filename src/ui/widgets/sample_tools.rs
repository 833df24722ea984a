//! "Explore with sample data" and "Remove the sample data": the fictitious campaign of
//! `domain::sample`, drawn from a fresh random seed and today's date, added in one click (the
//! campaign through the workspace's `CreateCampaign`, undoable like any change; its kits,
//! observations, invitations and answers through the fieldwork store) and taken out in one
//! click with everything that belongs to it.

use crate::domain::i18n::decision::Dc;
use crate::domain::i18n::T;
use crate::domain::sample::sample_campaign;
use crate::domain::workspace::Action;
use crate::platform::{clock, random};
use crate::ui::shell::fieldwork::{replace, use_fieldwork};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Show the one-line explanation under the button.
    #[prop_or(true)]
    pub hint: bool,
}

#[function_component(ExploreSampleButton)]
pub fn explore_sample_button(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let navigator = use_navigator();
    let lang = app.lang;
    let onclick = {
        let (app, fw) = (app.clone(), fw.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let seed = random::new_uuid().as_u64_pair().0;
            let sample = sample_campaign(seed, now, app.lang);
            // The store's imports need the campaign; the workspace takes it as one change.
            let Ok((_, fieldwork)) = sample.add_to(app.workspace(), &fw.fieldwork, now) else {
                return;
            };
            let id = sample.campaign.id;
            act(
                &app,
                Action::CreateCampaign {
                    campaign: Box::new(sample.campaign),
                },
                Some(T::SampleAdded),
            );
            replace(&fw, fieldwork);
            if let Some(nav) = &navigator {
                nav.push(&Route::Campaign { id: id.to_string() });
            }
        })
    };
    let hint_id = "explore-sample-hint";
    html! {
        <div class="sample-explore">
            <button type="button" class="button button-primary" {onclick} disabled={!fw.ready}
                data-testid="explore-sample" aria-describedby={p.hint.then_some(hint_id)}>
                { Dc::ExploreSample.get(lang) }
            </button>
            if p.hint { <p class="hint" id={hint_id}>{ Dc::ExploreHint.get(lang) }</p> }
        </div>
    }
}

#[function_component(RemoveSampleButton)]
pub fn remove_sample_button() -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let navigator = use_navigator();
    let lang = app.lang;
    let onclick = {
        let (app, fw) = (app.clone(), fw.clone());
        Callback::from(move |_| {
            let samples: Vec<_> = app
                .workspace()
                .campaigns
                .iter()
                .filter(|c| c.sample)
                .map(|c| c.id)
                .collect();
            let mut fieldwork = (*fw.fieldwork).clone();
            for id in samples {
                act(&app, Action::DeleteCampaign { id }, Some(T::SampleRemoved));
                fieldwork = fieldwork.without_campaign(id);
            }
            replace(&fw, fieldwork);
            if let Some(nav) = &navigator {
                nav.push(&Route::Home);
            }
        })
    };
    html! {
        <button type="button" class="button button-danger" {onclick} disabled={!fw.ready} data-testid="remove-sample">
            { Dc::RemoveSample.get(lang) }
        </button>
    }
}

/// The banner over a sample campaign, or over a list holding one: what it is, and the way out.
#[function_component(SampleBanner)]
pub fn sample_banner() -> Html {
    let lang = use_app().lang;
    html! {
        <div class="banner banner-info sample-banner" data-testid="sample-banner">
            <p>{ Dc::SampleBanner.get(lang) }</p>
            <RemoveSampleButton />
        </div>
    }
}
