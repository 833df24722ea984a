//! What the mediator's and the respondent's pages share around their screens: the skip link,
//! a header with the page's own navigation (the recruiter's whole navigation in a browser the
//! recruiter's page runs in, [`RECRUITER_KEY`]) and the language buttons, the banner when the
//! fieldwork store cannot be saved or read, the new-version banner, the footer, and the
//! passphrase dialogs. The recruiter's page has its own, fuller frame (`shell::app`).
//!
//! Each of the three pages (`index.html`, `observe.html`, `respond.html`) is its own
//! WebAssembly module; a link to another page is a plain link that loads it, and an address
//! meant for another page is sent there ([`Elsewhere`]) with its fragment intact.

use crate::domain::address::links;
use crate::domain::i18n::{observe::O, survey::S, T};
use crate::domain::lang::Lang;
use crate::platform::dom::{fragment, replace_address};
use crate::platform::storage::{self, StorageFailure};
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
pub struct PageNotFoundProps {
    /// The fragment of the page's first screen.
    pub home: &'static str,
    /// The link's text, in the page's language.
    pub back: &'static str,
}

/// "Page not found" on the mediator's or the respondent's page, for an address no page holds,
/// with the way to the page's first screen (the recruiter's page has its own, routed).
#[function_component(PageNotFound)]
pub fn page_not_found(p: &PageNotFoundProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="page" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{ T::NotFoundTitle.get(lang) }</h1>
            <p>{ T::NotFoundBody.get(lang) }</p>
            <a href={p.home} class="button button-primary">{ p.back }</a>
        </section>
    }
}

/// "Skip to content", first in every page: to the page's `<main>` without touching the address.
/// The fragment is the page's route, so the plain link's `#main` would be read as an unknown
/// page (the recruiter's "Page not found", or the other pages sending it there).
#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let lang = use_lang();
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::platform::dom::focus_by_id("main");
    });
    html! { <a class="skip-link" href="#main" {onclick}>{ T::SkipToContent.get(lang) }</a> }
}

/// Set in `localStorage` by the recruiter's page when it starts: this browser is (also) a
/// recruiter's. The mediator's and the respondent's pages then show the recruiter's whole
/// navigation, so that a recruiter who opened them has the way back; a mediator's tablet or
/// a candidate's phone, where the recruiter's page never ran, sees the page's own item only.
pub const RECRUITER_KEY: &str = "rally.recruiter";

/// Marks this browser as a recruiter's (see [`RECRUITER_KEY`]); storage refused is no harm.
pub fn mark_recruiter() {
    let _ = storage::write(RECRUITER_KEY, "1");
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// Which page this is: the mediator's or the respondent's.
    pub page: Page,
    /// The page's own navigation item (a list item).
    pub nav: Html,
    pub children: Html,
}

/// The recruiter's navigation, in the order of its own header, with this page's own item in
/// its place.
fn recruiter_nav(lang: Lang, page: Page, own: &Html) -> Html {
    let item = |href: &'static str, text: &'static str| {
        html! { <li><a {href}><span>{ text }</span></a></li> }
    };
    let observe = if page == Page::Mediator {
        own.clone()
    } else {
        item(links::OBSERVE, O::NavObserve.get(lang))
    };
    let respond = if page == Page::Respondent {
        own.clone()
    } else {
        item(links::RESPOND, S::NavRespond.get(lang))
    };
    html! {
        <>
            { item(links::CAMPAIGNS, T::NavCampaigns.get(lang)) }
            { observe }
            { respond }
            { item(links::ROLES, T::NavRoles.get(lang)) }
            { item(links::SETTINGS, T::NavSettings.get(lang)) }
        </>
    }
}

/// The frame of the mediator's and the respondent's pages.
#[function_component(PageFrame)]
pub fn page_frame(p: &FrameProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let recruiter = *use_memo((), |_| {
        storage::read(RECRUITER_KEY).ok().flatten().is_some()
    });
    let nav = if recruiter {
        recruiter_nav(lang, p.page, &p.nav)
    } else {
        p.nav.clone()
    };
    let storage = match fw.save {
        Err(StorageFailure::Full) => Some(T::StorageFull),
        Err(StorageFailure::Unavailable) => Some(T::StorageUnavailable),
        Ok(()) => None,
    };
    html! {
        <>
            <SkipLink />
            <header class="site-header">
                <div class="brand">
                    <span class="brand-name">{ T::AppName.get(lang) }</span>
                    <span class="brand-tagline">{ T::Tagline.get(lang) }</span>
                </div>
                <nav aria-label={T::MainNav.get(lang)} class="main-nav">
                    <ul>{ nav }</ul>
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
