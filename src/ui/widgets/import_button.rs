//! "Import a Rally file": a labelled native file input. The file is size-checked before it is
//! read, then parsed and validated by the core — a protected file once its passphrase opens
//! it. On the recruiter's page the outcome goes to the notice area (campaigns are merged into
//! the workspace); on the mediator's page, which has no workspace, only the fieldwork is taken
//! in and the outcome is said under the button.

use crate::domain::file::{read_document, Document, ImportError, MergeReport};
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::limits::MAX_IMPORT_BYTES;
use crate::platform::files::{read_picked, take_picked, Picked};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::lang::use_lang;
use crate::ui::shell::state::{AppHandle, Msg};
use crate::ui::widgets::protect::open_picked;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    /// Where there is no notice area: who says the outcome (sentence, error?). Without it,
    /// the button says it under itself.
    #[prop_or_default]
    pub on_outcome: Option<Callback<(String, bool)>>,
}

/// The outcome of an import where there is no notice area: a status and an alert region
/// (always present, so screen readers announce what arrives), each with its Dismiss button.
pub fn outcome_regions(lang: Lang, outcome: &UseStateHandle<Option<(String, bool)>>) -> Html {
    html! {
        <div class="notices">
            { for [true, false].into_iter().map(|for_errors| {
                let shown = (**outcome).clone().filter(|(_, error)| *error == for_errors);
                let dismiss = {
                    let outcome = outcome.clone();
                    Callback::from(move |_| outcome.set(None))
                };
                html! {
                    <div role={if for_errors { "alert" } else { "status" }}
                        class={classes!("notice", if for_errors { "notice-error" } else { "notice-info" }, shown.is_none().then_some("is-empty"))}
                        data-testid={if for_errors { "alert" } else { "status" }}>
                        if let Some((text, _)) = shown {
                            <div class="notice-body">
                                <p>{ text }</p>
                                <button type="button" class="button button-quiet" onclick={dismiss}>{ T::Dismiss.get(lang) }</button>
                            </div>
                        }
                    </div>
                }
            }) }
        </div>
    }
}

#[function_component(ImportButton)]
pub fn import_button(props: &Props) -> Html {
    let app = use_context::<AppHandle>();
    let lang = use_lang();
    let fieldwork = use_fieldwork();
    let busy = use_state(|| false);
    // The outcome said under the button, where there is no notice area: (sentence, error?).
    let outcome = use_state(|| None::<(String, bool)>);
    let onchange = {
        let app = app.clone();
        let fieldwork = fieldwork.clone();
        let (busy, outcome) = (busy.clone(), outcome.clone());
        let on_outcome = props.on_outcome.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_picked(&e) else {
                return;
            };
            busy.set(true);
            let (app, busy, fieldwork, outcome, on_outcome) = (
                app.clone(),
                busy.clone(),
                fieldwork.clone(),
                outcome.clone(),
                on_outcome.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let finish = Callback::from(move |read: Result<Document, ImportError>| {
                    let Some(app) = &app else {
                        let said = match read {
                            Ok(doc) => {
                                let report =
                                    crate::ui::shell::fieldwork::import(&fieldwork, &doc, &[]);
                                (
                                    i18n::merge_report(lang, &MergeReport::default(), &report),
                                    false,
                                )
                            }
                            Err(e) => (i18n::import_error(lang, &e), true),
                        };
                        match &on_outcome {
                            Some(say) => say.emit(said),
                            None => outcome.set(Some(said)),
                        }
                        return;
                    };
                    app.dispatch(match read {
                        Ok(doc) => {
                            // Answers may be for a campaign already here or one arriving in the
                            // same file.
                            let mut campaigns = app.workspace().campaigns.clone();
                            campaigns.extend(doc.campaigns.iter().cloned());
                            let report =
                                crate::ui::shell::fieldwork::import(&fieldwork, &doc, &campaigns);
                            Msg::Imported(Box::new(doc), report)
                        }
                        Err(e) => Msg::ImportFailed(e),
                    })
                });
                let picked = read_picked(file).await;
                busy.set(false);
                match picked {
                    Picked::TooLarge(bytes) => finish.emit(Err(ImportError::TooLarge {
                        bytes,
                        max: MAX_IMPORT_BYTES,
                    })),
                    Picked::Unreadable => finish.emit(Err(ImportError::NotText)),
                    Picked::Bytes(bytes) => open_picked(&bytes, read_document, finish),
                }
            });
        })
    };
    html! {
        <div class="import-control">
            // The native input stays focusable but hidden; its label is the visible, translated button.
            <input id={props.id.clone()} class="file-input" type="file" accept=".json,application/json" {onchange} data-testid="import-file" disabled={!fieldwork.ready} />
            <label for={props.id.clone()} class="button file-button">{ T::ImportFile.get(lang) }</label>
            if *busy {
                <p class="hint" aria-live="polite">{ T::Importing.get(lang) }</p>
            }
            if app.is_none() && props.on_outcome.is_none() {
                // The mediator's page has no notice area: the outcome is said here, until dismissed.
                { outcome_regions(lang, &outcome) }
            }
        </div>
    }
}
