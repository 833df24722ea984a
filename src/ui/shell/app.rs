//! The frame of every page: skip link, header with navigation and language switcher, the
//! banners that must never be missed (storage trouble, another tab), the new-version banner,
//! the notice area, the page itself and the footer.

use crate::domain::address::links;
use crate::domain::i18n::{observe::O, survey::S, T};
use crate::platform::storage::StorageFailure;
use crate::ui::recruiter::compare::Compare;
use crate::ui::recruiter::compatibility::Compatibility;
use crate::ui::recruiter::notice::CampaignNotice;
use crate::ui::recruiter::report::Report;
use crate::ui::recruiter::results::Results;
use crate::ui::recruiter::session_analysis::{SessionAnalysis, SessionCandidates};
use crate::ui::recruiter::settings::Settings;
use crate::ui::recruiter::{
    campaign_page::CampaignPage, home::Home, new_campaign::NewCampaign, roles::RoleEditor,
    roles::Roles,
};
use crate::ui::shell::autosave::{self, use_autosave, Session};
use crate::ui::shell::fieldwork::{use_fieldwork, FieldworkHandle, FieldworkState};
use crate::ui::shell::frame::{Elsewhere, SkipLink};
use crate::ui::shell::lang::{start_lang, use_lang_effects, LangContext, LanguageSwitcher};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{AppHandle, AppState, Msg, SaveState};
use crate::ui::widgets::protect::ProtectDesk;
use crate::ui::widgets::{
    export_all_button::ExportAllButton, notices::Notices, update_banner::UpdateBanner,
};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let session = use_memo((), |_| Rc::new(RefCell::new(autosave::session())));
    let session: Rc<RefCell<Session>> = (*session).clone();
    let app = use_reducer(|| AppState::starting(start_lang()));
    use_autosave(&app, session.clone());
    // Reading storage is asynchronous: the pages wait until the workspace is there.
    {
        let (session, dispatcher) = (session.clone(), app.dispatcher());
        use_effect_with((), move |_| {
            crate::platform::dom::mark("app-mounted");
            wasm_bindgen_futures::spawn_local(async move {
                let booted = autosave::load(session).await;
                crate::platform::dom::mark("booted");
                dispatcher.dispatch(Msg::Booted(Box::new(booted)));
            });
        });
    }
    let fieldwork = use_reducer(FieldworkState::starting);
    crate::ui::shell::fieldwork::use_fieldwork_boot(&fieldwork);
    crate::ui::shell::fieldwork::use_fieldwork_saver(&fieldwork);

    use_lang_effects(app.lang);
    let lang_context = {
        let dispatcher = app.dispatcher();
        LangContext {
            lang: app.lang,
            set: Callback::from(move |l| dispatcher.dispatch(Msg::SetLang(l))),
        }
    };

    // While changes cannot be saved, closing the tab asks for confirmation first.
    {
        let unsaved = matches!(app.save, SaveState::Failed(_));
        use_effect_with(unsaved, move |unsaved| {
            let listener = unsaved.then(|| {
                let window = web_sys::window().expect("a window");
                EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    |e| e.prevent_default(),
                )
            });
            move || drop(listener)
        });
    }

    // Persistent storage: ask once.
    {
        let dispatcher = app.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let p = crate::platform::storage::request_persistence().await;
                dispatcher.dispatch(Msg::Persistence(p));
            });
        });
    }

    // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) outside text fields, where the browser's own undo applies.
    {
        let dispatcher = app.dispatcher();
        use_effect_with((), move |_| {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .expect("a document");
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                        return;
                    }
                    let in_text = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                        .unwrap_or(false);
                    if in_text {
                        return;
                    }
                    match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                        ("z", false) => {
                            e.prevent_default();
                            dispatcher.dispatch(Msg::Undo);
                        }
                        ("z", true) | ("y", false) => {
                            e.prevent_default();
                            dispatcher.dispatch(Msg::Redo);
                        }
                        _ => {}
                    }
                });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
        <ContextProvider<LangContext> context={lang_context}>
        <ContextProvider<FieldworkHandle> context={fieldwork.clone()}>
            <HashRouter>
                <SkipLink />
                <Header />
                <Banners session={session.clone()} />
                <UpdateBanner />
                <main id="main" tabindex="-1">
                    <Notices />
                    if app.ready {
                        <Switch render={switch} />
                    } else {
                        <p class="loading" role="status" aria-live="polite">{ T::Loading.get(app.lang) }</p>
                    }
                </main>
                <footer class="site-footer">
                    <p>{ T::FooterPrivacy.get(app.lang) }</p>
                </footer>
                <ProtectDesk />
            </HashRouter>
        </ContextProvider<FieldworkHandle>>
        </ContextProvider<LangContext>>
        </ContextProvider<AppHandle>>
    }
}

fn switch(route: Route) -> Html {
    // The campaign list, the new-campaign form, roles and settings show the workspace only:
    // they do not wait for the (maybe large) fieldwork store.
    let fieldwork_free = matches!(
        route,
        Route::Home | Route::NewCampaign | Route::Roles | Route::Role { .. } | Route::Settings
    );
    let page = match route {
        Route::Home => html! { <Home /> },
        Route::NewCampaign => html! { <NewCampaign /> },
        Route::Campaign { id } => html! { <CampaignPage {id} /> },
        Route::SessionAnalysis { id, session } => html! { <SessionCandidates {id} {session} /> },
        Route::SessionAnalysisWith {
            id,
            session,
            candidate,
        } => html! { <SessionAnalysis {id} {session} {candidate} /> },
        Route::Results { id, person } => html! { <Results {id} {person} /> },
        Route::Compatibility { id, candidate } => html! { <Compatibility {id} {candidate} /> },
        Route::Compare { id } => html! { <Compare {id} /> },
        Route::CompareWith { id, chosen } => html! { <Compare {id} {chosen} /> },
        Route::CampaignReport { id } => html! { <Report {id} /> },
        Route::Report { id, candidate } => html! { <Report {id} candidate={Some(candidate)} /> },
        Route::CampaignNotice { id } => html! { <CampaignNotice {id} /> },
        // The mediator's and the respondent's screens are their own pages.
        Route::Respond
        | Route::RespondLink { .. }
        | Route::Answer { .. }
        | Route::Observe
        | Route::Coding { .. }
        | Route::Rating { .. } => html! { <Elsewhere /> },
        Route::Roles => html! { <Roles /> },
        Route::Role { id } => html! { <RoleEditor {id} /> },
        Route::Settings => html! { <Settings /> },
        Route::NotFound => html! { <NotFound /> },
    };
    if fieldwork_free {
        page
    } else {
        html! { <FieldworkGate>{ page }</FieldworkGate> }
    }
}

#[derive(Properties, PartialEq)]
struct GateProps {
    children: Html,
}

/// Shows its page once the fieldwork store has been read from storage.
#[function_component(FieldworkGate)]
fn fieldwork_gate(p: &GateProps) -> Html {
    let app = crate::ui::shell::state::use_app();
    let fw = use_fieldwork();
    if fw.ready {
        p.children.clone()
    } else {
        html! { <p class="loading" role="status" aria-live="polite">{ T::Loading.get(app.lang) }</p> }
    }
}

#[function_component(Header)]
fn header() -> Html {
    let app = crate::ui::shell::state::use_app();
    let lang = app.lang;
    let route = use_route();
    let current = |r: &Route| -> Option<&'static str> {
        let here = match (&route, r) {
            (
                Some(Route::Campaign { .. }) | Some(Route::NewCampaign) | Some(Route::Home),
                Route::Home,
            ) => true,
            (Some(Route::Role { .. }) | Some(Route::Roles), Route::Roles) => true,
            (
                Some(
                    Route::SessionAnalysis { .. }
                    | Route::SessionAnalysisWith { .. }
                    | Route::Results { .. }
                    | Route::Compatibility { .. }
                    | Route::Compare { .. }
                    | Route::CompareWith { .. }
                    | Route::CampaignReport { .. }
                    | Route::Report { .. }
                    | Route::CampaignNotice { .. },
                ),
                Route::Home,
            ) => true,
            (Some(a), b) => a == b,
            _ => false,
        };
        here.then_some("page")
    };
    let save_text = match app.save {
        SaveState::Saved => T::Saved,
        SaveState::Pending => T::Saving,
        SaveState::Failed(_) => T::NotSaved,
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <Link to={Route::Home} classes="brand-name">{ T::AppName.get(lang) }</Link>
                <span class="brand-tagline">{ T::Tagline.get(lang) }</span>
            </div>
            <nav aria-label={T::MainNav.get(lang)} class="main-nav">
                <ul>
                    <li><Link to={Route::Home}><span aria-current={current(&Route::Home)}>{ T::NavCampaigns.get(lang) }</span></Link></li>
                    <li><a href={links::OBSERVE}><span>{ O::NavObserve.get(lang) }</span></a></li>
                    <li><a href={links::RESPOND}><span>{ S::NavRespond.get(lang) }</span></a></li>
                    <li><Link to={Route::Roles}><span aria-current={current(&Route::Roles)}>{ T::NavRoles.get(lang) }</span></Link></li>
                    <li><Link to={Route::Settings}><span aria-current={current(&Route::Settings)}>{ T::NavSettings.get(lang) }</span></Link></li>
                </ul>
            </nav>
            <div class="header-tools">
                <span class={classes!("save-state", matches!(app.save, SaveState::Failed(_)).then_some("save-failed"))} data-testid="save-state">{ save_text.get(lang) }</span>
                <LanguageSwitcher />
            </div>
        </header>
    }
}

#[derive(Properties)]
struct BannersProps {
    session: Rc<RefCell<Session>>,
}

impl PartialEq for BannersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
    }
}

/// Problems that put data at risk: shown until they are solved, each with its way out.
#[function_component(Banners)]
fn banners(props: &BannersProps) -> Html {
    let app = crate::ui::shell::state::use_app();
    let lang = app.lang;
    let fieldwork = use_fieldwork();
    let failure = match (app.save, fieldwork.save) {
        (SaveState::Failed(f), _) | (_, Err(f)) => Some(f),
        _ => None,
    };
    let storage = match failure {
        Some(StorageFailure::Full) => Some(T::StorageFull),
        Some(StorageFailure::Unavailable) => Some(T::StorageUnavailable),
        None => None,
    };
    let on_load = {
        let (app, session) = (app.clone(), props.session.clone());
        Callback::from(move |_| autosave::load_other(&app, &session))
    };
    let on_keep = {
        let (app, session) = (app.clone(), props.session.clone());
        Callback::from(move |_| autosave::keep_mine(&app, &session))
    };
    html! {
        <div class="banners" role="alert">
            if let Some(text) = storage {
                <div class="banner banner-danger" data-testid="storage-banner">
                    <p>{ text.get(lang) }</p>
                    <ExportAllButton label={T::ExportNow} />
                </div>
            }
            if app.conflict {
                <div class="banner banner-warning" data-testid="conflict-banner">
                    <p>{ T::OtherTab.get(lang) }</p>
                    <div class="button-row">
                        <button type="button" class="button" onclick={on_load}>{ T::LoadOtherTab.get(lang) }</button>
                        <button type="button" class="button" onclick={on_keep}>{ T::KeepMine.get(lang) }</button>
                    </div>
                </div>
            }
            if app.stored_unreadable || fieldwork.unreadable {
                <div class="banner banner-warning"><p>{ T::StoredUnreadable.get(lang) }</p></div>
            }
        </div>
    }
}

#[function_component(NotFound)]
fn not_found() -> Html {
    let app = crate::ui::shell::state::use_app();
    html! {
        <section class="page">
            <h1>{ T::NotFoundTitle.get(app.lang) }</h1>
            <p>{ T::NotFoundBody.get(app.lang) }</p>
            <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(app.lang) }</Link>
        </section>
    }
}
