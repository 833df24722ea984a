//! Settings: language, the state of storage in this browser, the organisation named in
//! information notices, the data kept past its date, export and import.

use crate::domain::i18n::decision::Dc;
use crate::domain::i18n::T;
use crate::platform::storage::Persistence;
use crate::ui::recruiter::controller_form::ControllerForm;
use crate::ui::recruiter::overdue::OverdueData;
use crate::ui::shell::lang::LanguageSwitcher;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::sample_tools::{ExploreSampleButton, RemoveSampleButton};
use crate::ui::widgets::{export_all_button::ExportAllButton, import_button::ImportButton};
use yew::prelude::*;

#[function_component(Settings)]
pub fn settings() -> Html {
    let app = use_app();
    let lang = app.lang;
    let persistence = match app.persistence {
        Persistence::Pending => T::PersistPending,
        Persistence::Granted => T::PersistGranted,
        Persistence::Denied => T::PersistDenied,
        Persistence::Unsupported => T::PersistUnsupported,
    };
    html! {
        <section class="page">
            <h1>{ T::SettingsTitle.get(lang) }</h1>
            <section class="card" aria-labelledby="lang-title">
                <h2 id="lang-title">{ T::LanguageSection.get(lang) }</h2>
                <LanguageSwitcher />
            </section>
            <section class="card" aria-labelledby="storage-title">
                <h2 id="storage-title">{ T::StorageSection.get(lang) }</h2>
                <p data-testid="persistence">{ persistence.get(lang) }</p>
            </section>
            <section class="card" aria-labelledby="sample-title">
                <h2 id="sample-title">{ Dc::SampleSection.get(lang) }</h2>
                if app.workspace().campaigns.iter().any(|c| c.sample) {
                    <p>{ Dc::SampleBanner.get(lang) }</p>
                    <RemoveSampleButton />
                } else {
                    <ExploreSampleButton />
                }
            </section>
            <ControllerForm />
            <OverdueData always=true />
            <section class="card" aria-labelledby="data-title">
                <h2 id="data-title">{ T::DataSection.get(lang) }</h2>
                <p class="hint">{ T::DataIntro.get(lang) }</p>
                <div class="button-row">
                    <ExportAllButton />
                    <ImportButton id="settings-import" />
                </div>
            </section>
        </section>
    }
}
