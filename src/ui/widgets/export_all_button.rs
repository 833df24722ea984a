//! "Export all data": the whole workspace as a Rally JSON file.

use crate::domain::file::{export_file_name, Document};
use crate::domain::i18n::T;
use crate::platform::{clock, files};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::use_app;
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
            let _ = files::download(
                &export_file_name("all", now),
                &doc.to_json(),
                "application/json",
            );
        })
    };
    html! {
        <button type="button" class="button" {onclick} data-testid="export-all">{ props.label.get(app.lang) }</button>
    }
}
