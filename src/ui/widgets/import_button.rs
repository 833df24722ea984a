//! "Import a Rally file": a labelled native file input. The file is size-checked before it is
//! read, then parsed and validated by the core — a protected file once its passphrase opens
//! it. [`ImportButton`] is the recruiter's: campaigns are merged into the workspace and the
//! outcome goes to the notice area. The mediator's page has its own button
//! (`ui::mediator::kits`), built from [`read_file`] and [`import_control`] with a reader of
//! kits and observations only, and says the outcome in [`outcome_regions`].

use crate::domain::campaign::imports::log_file_name;
use crate::domain::file::{read_document, Document, ImportError, ImportSource};
use crate::domain::i18n::T;
use crate::domain::lang::Lang;
use crate::domain::limits::MAX_IMPORT_BYTES;
use crate::platform::clock;
use crate::platform::files::{read_picked, take_picked, Picked};
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::lang::use_lang;
use crate::ui::shell::state::{use_app, Imported, Msg};
use crate::ui::widgets::protect::open_picked;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

/// Reads the file picked in `e` with `reader` — refused when too large or not text; a
/// protected file once its passphrase opens it — while `busy` says so; `finish` gets the outcome.
pub fn read_file<T: 'static>(
    e: &Event,
    reader: fn(&[u8]) -> Result<T, ImportError>,
    busy: UseStateHandle<bool>,
    finish: Callback<Result<T, ImportError>>,
) {
    read_file_from(e, reader, busy, finish.reform(|(read, _)| read));
}

/// Like [`read_file`], and says which file it was (its name and the hash of its bytes as
/// picked, for the campaigns' import logs).
pub fn read_file_from<T: 'static>(
    e: &Event,
    reader: fn(&[u8]) -> Result<T, ImportError>,
    busy: UseStateHandle<bool>,
    finish: Callback<(Result<T, ImportError>, ImportSource)>,
) {
    let Some(file) = take_picked(e) else {
        return;
    };
    let name = file.name();
    busy.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        let picked = read_picked(file).await;
        busy.set(false);
        let unknown = ImportSource {
            file: log_file_name(&name),
            ..ImportSource::default()
        };
        match picked {
            Picked::TooLarge(bytes) => finish.emit((
                Err(ImportError::TooLarge {
                    bytes,
                    max: MAX_IMPORT_BYTES,
                }),
                unknown,
            )),
            Picked::Unreadable => finish.emit((Err(ImportError::NotText), unknown)),
            Picked::Bytes(bytes) => {
                let source = ImportSource::file(&name, &bytes);
                open_picked(
                    &bytes,
                    reader,
                    finish.reform(move |read| (read, source.clone())),
                )
            }
        }
    });
}

/// The control: the native input (focusable but hidden) and its label, the visible, translated
/// button; "Importing…" while a file is read.
pub fn import_control(
    id: &AttrValue,
    lang: Lang,
    ready: bool,
    busy: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="import-control">
            <input id={id.clone()} class="file-input" type="file" accept=".json,application/json" {onchange} data-testid="import-file" disabled={!ready} />
            <label for={id.clone()} class="button file-button">{ T::ImportFile.get(lang) }</label>
            if busy {
                <p class="hint" aria-live="polite">{ T::Importing.get(lang) }</p>
            }
        </div>
    }
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

/// The recruiter's import: a whole Rally file into the workspace and the fieldwork.
#[function_component(ImportButton)]
pub fn import_button(props: &Props) -> Html {
    let app = use_app();
    let lang = use_lang();
    let fieldwork = use_fieldwork();
    let busy = use_state(|| false);
    let onchange = {
        let (app, fieldwork, busy) = (app.clone(), fieldwork.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let (app, fieldwork) = (app.clone(), fieldwork.clone());
            let finish = Callback::from(
                move |(read, source): (Result<Document, ImportError>, ImportSource)| {
                    app.dispatch(match read {
                        Ok(doc) => {
                            // Answers may be for a campaign already here or one arriving in the
                            // same file.
                            let mut campaigns = app.workspace().campaigns.clone();
                            campaigns.extend(doc.campaigns.iter().cloned());
                            let report =
                                crate::ui::shell::fieldwork::import(&fieldwork, &doc, &campaigns);
                            Msg::Imported(Box::new(Imported {
                                doc,
                                fieldwork: report,
                                source,
                                now: clock::now(),
                            }))
                        }
                        Err(e) => Msg::ImportFailed(e),
                    })
                },
            );
            read_file_from(&e, read_document, busy.clone(), finish);
        })
    };
    import_control(&props.id, lang, fieldwork.ready, *busy, onchange)
}
