//! "Import a Rally file": a labelled native file input. The file is size-checked before it is
//! read, then parsed and validated by the core; the outcome goes to the notice area.

use crate::domain::file::{read_document, ImportError};
use crate::domain::i18n::T;
use crate::domain::limits::MAX_IMPORT_BYTES;
use crate::platform::files::{read_picked, take_picked, Picked};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::{use_app, Msg};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[function_component(ImportButton)]
pub fn import_button(props: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let busy = use_state(|| false);
    let onchange = {
        let app = app.clone();
        let fieldwork = fieldwork.clone();
        let busy = busy.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_picked(&e) else {
                return;
            };
            busy.set(true);
            let (app, busy, fieldwork) = (app.clone(), busy.clone(), fieldwork.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let msg = match read_picked(file).await {
                    Picked::TooLarge(bytes) => Msg::ImportFailed(ImportError::TooLarge {
                        bytes,
                        max: MAX_IMPORT_BYTES,
                    }),
                    Picked::Unreadable => Msg::ImportFailed(ImportError::NotText),
                    Picked::Bytes(bytes) => match read_document(&bytes) {
                        Ok(doc) => {
                            // Answers may be for a campaign already here or one arriving in
                            // the same file.
                            let mut campaigns = app.workspace().campaigns.clone();
                            campaigns.extend(doc.campaigns.iter().cloned());
                            let report =
                                crate::ui::shell::fieldwork::import(&fieldwork, &doc, &campaigns);
                            Msg::Imported(Box::new(doc), report)
                        }
                        Err(e) => Msg::ImportFailed(e),
                    },
                };
                busy.set(false);
                app.dispatch(msg);
            });
        })
    };
    html! {
        <div class="import-control">
            // The native input stays focusable but hidden; its label is the visible, translated button.
            <input id={props.id.clone()} class="file-input" type="file" accept=".json,application/json" {onchange} data-testid="import-file" disabled={!fieldwork.ready} />
            <label for={props.id.clone()} class="button file-button">{ T::ImportFile.get(app.lang) }</label>
            if *busy {
                <p class="hint" aria-live="polite">{ T::Importing.get(app.lang) }</p>
            }
        </div>
    }
}
