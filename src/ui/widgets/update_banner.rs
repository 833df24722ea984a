//! "A new version is ready — reload": shown once the service worker has installed a new
//! version of the app (src/platform/offline.rs). Nothing changes until the user clicks; the
//! click saves what is pending, then the page reloads into the new version. Every page's frame
//! shows it (`shell::app` for the recruiter, `shell::frame` for the others): mounting it is
//! what registers the service worker.

use crate::domain::i18n::T;
use crate::platform::offline;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let lang = use_lang();
    let ready = use_state_eq(|| false);
    let reloading = use_state_eq(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| offline::start(move || ready.set(true)));
    }
    let onclick = {
        let reloading = reloading.setter();
        Callback::from(move |_| {
            reloading.set(true);
            offline::apply_update();
        })
    };
    // The status region is always there, so that screen readers announce the banner.
    html! {
        <div class="update-region" role="status">
            if *ready {
                <div class="banner banner-info update-banner" data-testid="update-banner">
                    <p>
                        { T::UpdateReady.get(lang) }
                        <button type="button" class="link-button" data-testid="update-reload"
                            disabled={*reloading} aria-describedby="update-hint" {onclick}>
                            { T::UpdateReload.get(lang) }
                        </button>
                        <span id="update-hint" class="update-hint">{ T::UpdateReloadHint.get(lang) }</span>
                    </p>
                </div>
            }
        </div>
    }
}
