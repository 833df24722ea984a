//! "Export all data": the whole workspace as a Rally JSON file, protected by a passphrase
//! unless the person chooses otherwise.

use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n::T;
use crate::platform::clock;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::protect::{save_file, Protection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    #[prop_or(T::ExportAll)]
    pub label: T,
}

#[function_component(ExportAllButton)]
pub fn export_all_button(props: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let onclick = {
        let (app, fieldwork) = (app.clone(), fieldwork.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let doc = Document::of_workspace(app.workspace(), now)
                .with_fieldwork(&fieldwork.fieldwork)
                .with_scores(&fieldwork.fieldwork, app.lang);
            save_file(&export_file_name("all", now), &doc, Protection::Recommended);
        })
    };
    html! {
        <button type="button" class="button" {onclick} data-testid="export-all">{ props.label.get(app.lang) }</button>
    }
}
