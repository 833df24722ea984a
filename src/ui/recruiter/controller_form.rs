//! Settings' "Your organisation": who is responsible for the data (the controller), how people
//! reach them and the data protection officer, as the information notices and the processing
//! record name them. Kept in this browser's `localStorage` (like who invites): it describes
//! the recruiter, not a campaign, so it does not travel in campaign files.

use crate::domain::i18n::privacy::P;
use crate::domain::privacy::Controller;
use crate::platform::storage;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::field::TextField;
use yew::prelude::*;

/// Where the organisation is kept.
pub const CONTROLLER_KEY: &str = "rally.controller";

/// The organisation as stored (empty when never entered or unreadable).
pub fn load_controller() -> Controller {
    storage::read(CONTROLLER_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Controller>(&text).ok())
        .filter(|c| c.check().is_ok())
        .unwrap_or_default()
}

#[function_component(ControllerForm)]
pub fn controller_form() -> Html {
    let app = use_app();
    let lang = app.lang;
    let controller = use_state(load_controller);
    let saved = use_state(|| false);
    let error = use_state(|| None::<String>);
    let field = |make: fn(&mut Controller, String)| {
        let (controller, saved, error, app) = (
            controller.clone(),
            saved.clone(),
            error.clone(),
            app.clone(),
        );
        Callback::from(move |value: String| {
            let mut next = (*controller).clone();
            make(&mut next, value.trim().to_owned());
            match next.check() {
                Ok(()) => {
                    let written = serde_json::to_string(&next)
                        .ok()
                        .is_some_and(|text| storage::write(CONTROLLER_KEY, &text).is_ok());
                    saved.set(written);
                    error.set(None);
                    controller.set(next);
                }
                Err(e) => {
                    saved.set(false);
                    error.set(Some(
                        crate::domain::i18n::campaign_error(app.lang, &e.into()).to_owned(),
                    ));
                }
            }
        })
    };
    html! {
        <section class="card controller-form" aria-labelledby="controller-title" data-testid="controller-form">
            <h2 id="controller-title">{ P::ControllerTitle.get(lang) }</h2>
            <p class="hint">{ P::ControllerIntro.get(lang) }</p>
            <div class="two-col">
                <TextField id="controller-organisation" label={P::Organisation.get(lang)} value={controller.organisation.clone()}
                    autocomplete={AttrValue::Static("organization")} onchange={field(|c, v| c.organisation = v)} />
                <TextField id="controller-contact" label={P::Contact.get(lang)} value={controller.contact.clone()}
                    autocomplete={AttrValue::Static("off")} onchange={field(|c, v| c.contact = v)} />
                <TextField id="controller-address" label={P::Address.get(lang)} value={controller.address.clone()}
                    autocomplete={AttrValue::Static("street-address")} onchange={field(|c, v| c.address = v)} />
                <TextField id="controller-dpo" label={P::Dpo.get(lang)} value={controller.dpo.clone()}
                    autocomplete={AttrValue::Static("off")} onchange={field(|c, v| c.dpo = v)} />
            </div>
            <p class="hint" role="status" data-testid="controller-saved">{ if *saved { P::ControllerSaved.get(lang) } else { "" } }</p>
            if let Some(e) = &*error { <p class="field-error" role="alert">{ e.clone() }</p> }
        </section>
    }
}
