//! What the mediator's and the respondent's pages share around their screens: the skip link,
//! a header with the page's own navigation and the language buttons, the banner when the
//! fieldwork store cannot be saved or read, the new-version banner, the footer, and the
//! passphrase dialogs. The recruiter's page has its own, fuller frame (`shell::app`).
//!
//! Each of the three pages (`index.html`, `observe.html`, `respond.html`) is its own
//! WebAssembly module; a link to another page is a plain link that loads it, and an address
//! meant for another page is sent there ([`Elsewhere`]) with its fragment intact.

use crate::domain::i18n::T;
use crate::platform::dom::{fragment, replace_address};
use crate::platform::storage::StorageFailure;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::lang::{use_lang, LanguageSwitcher};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::widgets::protect::ProtectDesk;
use crate::ui::widgets::update_banner::UpdateBanner;
use gloo::events::EventListener;
use yew::prelude::*;

/// Which page an address belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Recruiter,
    Mediator,
    Respondent,
}

impl Page {
    /// The page that shows `route`.
    pub fn of(route: &Route) -> Page {
        match route {
            Route::Observe | Route::Coding { .. } | Route::Rating { .. } => Page::Mediator,
            Route::Respond | Route::RespondLink { .. } | Route::Answer { .. } => Page::Respondent,
            _ => Page::Recruiter,
        }
    }

    /// The page's file, relative to the site's root.
    pub fn file(self) -> &'static str {
        match self {
            Page::Recruiter => "index.html",
            Page::Mediator => "observe.html",
            Page::Respondent => "respond.html",
        }
    }

    /// An address of this page with `route` in its fragment, for a plain link.
    pub fn href(self, route: &Route) -> String {
        format!("{}#{}", self.file(), route.to_path())
    }
}

/// Sends the browser to the page that shows the current route, keeping the fragment (an old
/// link, or a link followed from another page): [`SendTo`] that route's page.
#[function_component(Elsewhere)]
pub fn elsewhere() -> Html {
    let page = use_route().map_or(Page::Recruiter, |route| Page::of(&route));
    html! { <SendTo page={page.file()} /> }
}

/// The page's fragment (`location.hash`), following `hashchange`: how the mediator's and the
/// respondent's pages, which have no router, know where they are.
#[hook]
pub fn use_fragment() -> String {
    let here = use_state(fragment);
    {
        let here = here.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| here.set(fragment())));
            move || drop(listener)
        });
    }
    (*here).clone()
}

#[derive(Properties, PartialEq)]
pub struct SendToProps {
    /// The page's file (`index.html`, `observe.html`, `respond.html`).
    pub page: &'static str,
}

/// Sends the browser to `page` with this address's fragment, as it is (an old link, or a link
/// followed from another page).
#[function_component(SendTo)]
pub fn send_to(p: &SendToProps) -> Html {
    let lang = use_lang();
    use_effect_with(p.page, |page| {
        replace_address(&format!("{page}{}", fragment()));
    });
    html! { <p class="loading" role="status">{ T::Loading.get(lang) }</p> }
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The page's own navigation (list items).
    pub nav: Html,
    pub children: Html,
}

/// The frame of the mediator's and the respondent's pages.
#[function_component(PageFrame)]
pub fn page_frame(p: &FrameProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let storage = match fw.save {
        Err(StorageFailure::Full) => Some(T::StorageFull),
        Err(StorageFailure::Unavailable) => Some(T::StorageUnavailable),
        Ok(()) => None,
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ T::SkipToContent.get(lang) }</a>
            <header class="site-header">
                <div class="brand">
                    <span class="brand-name">{ T::AppName.get(lang) }</span>
                    <span class="brand-tagline">{ T::Tagline.get(lang) }</span>
                </div>
                <nav aria-label={T::MainNav.get(lang)} class="main-nav">
                    <ul>{ p.nav.clone() }</ul>
                </nav>
                <div class="header-tools">
                    <LanguageSwitcher />
                </div>
            </header>
            <div class="banners" role="alert">
                if let Some(text) = storage {
                    <div class="banner banner-danger" data-testid="storage-banner"><p>{ text.get(lang) }</p></div>
                }
                if fw.unreadable {
                    <div class="banner banner-warning"><p>{ T::StoredUnreadable.get(lang) }</p></div>
                }
            </div>
            <UpdateBanner />
            <main id="main" tabindex="-1">
                if fw.ready {
                    { p.children.clone() }
                } else {
                    <p class="loading" role="status" aria-live="polite">{ T::Loading.get(lang) }</p>
                }
            </main>
            <footer class="site-footer">
                <p>{ T::FooterPrivacy.get(lang) }</p>
            </footer>
            <ProtectDesk />
        </>
    }
}
