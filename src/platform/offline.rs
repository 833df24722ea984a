//! Offline use and updates: registers the service worker (written by tools/postbuild.py from
//! web/sw.js), which keeps the page's files in the browser after the first visit, and says
//! when a new version is ready.
//!
//! Each page has its worker ([`page_worker`]): the recruiter's (`index.html`) registers
//! `sw.js` for the whole site, which keeps every page, since a recruiter may also code or
//! answer; the mediator's and the respondent's pages register `sw-observe.js` and
//! `sw-respond.js` with the page itself as scope, which keep only that page's files — a
//! respondent never downloads the recruiter's module. A mediator's or respondent's page that
//! the recruiter's worker already serves stays with it (no second copy, no hand-over).
//!
//! A new version never takes over by itself. The worker of a new version caches all of it,
//! then waits; [`start`]'s callback tells the app, which offers to reload. Only
//! [`apply_update`] — the user's click — saves what is pending (the [`dom::when_leaving`]
//! hooks), asks the waiting worker to activate, and reloads once it controls the page.

use crate::platform::dom;
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

/// Next to the pages: the recruiter's worker, whose scope is the folder the app is served from.
const SCRIPT: &str = "sw.js";
/// How often a page left open asks whether a new version exists (the browser also asks at
/// every page load, and the app when it comes back to the foreground).
const CHECK_EVERY_MS: u32 = 60 * 60 * 1000;
/// If the waiting worker never takes control (it was replaced meanwhile), reload anyway.
const RELOAD_FALLBACK_MS: u32 = 3_000;
/// The message web/sw.js answers with `skipWaiting()`.
const ACTIVATE: &str = "rally:activate";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// The browser's service workers, if this page may use them (a secure context: https, or
/// http on localhost / 127.0.0.1).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| navigator.service_worker())
}

/// This page's worker and its scope (both relative to the page): `sw.js` and the default scope
/// (the folder) for the recruiter's page, `sw-<page>.js` and the page alone for the others.
fn page_worker() -> (&'static str, Option<&'static str>) {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match path.rsplit('/').next() {
        Some("observe.html") => ("sw-observe.js", Some("observe.html")),
        Some("respond.html") => ("sw-respond.js", Some("respond.html")),
        _ => (SCRIPT, None),
    }
}

/// Whether the recruiter's worker (the whole app) controls this page.
fn served_by_whole_app(workers: &ServiceWorkerContainer) -> bool {
    workers.controller().is_some_and(|worker| {
        let url = worker.script_url();
        let path = url.split(['?', '#']).next().unwrap_or_default();
        path.rsplit('/').next() == Some(SCRIPT)
    })
}

/// Registers the worker (after the page has loaded, so that it never competes with the first
/// load) and calls `on_ready` when a new version is ready: its worker is installed and waiting,
/// or another tab switched to it while this one runs the older version. Call it once.
pub fn start(on_ready: impl Fn() + Clone + 'static) {
    let Some(workers) = container() else {
        return;
    };
    // A page that had no worker gets its first one (`clients.claim()`): nothing to announce.
    // A page that had one and did not ask for the change runs an older version from now on.
    let had_worker = Rc::new(Cell::new(workers.controller().is_some()));
    {
        let on_ready = on_ready.clone();
        EventListener::new(&workers, "controllerchange", move |_| {
            if RELOAD_ASKED.get() {
                reload();
            } else if had_worker.get() {
                on_ready();
            }
            had_worker.set(true);
        })
        .forget();
    }
    spawn_local(async move {
        page_loaded().await;
        let (script, scope) = page_worker();
        let promise = if scope.is_some() && served_by_whole_app(&workers) {
            // The recruiter's worker keeps this page already: watch it for new versions.
            workers.get_registration()
        } else {
            let options = RegistrationOptions::new();
            // The worker is always fetched from the server, never from the HTTP cache.
            options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
            if let Some(scope) = scope {
                options.set_scope(scope);
            }
            workers.register_with_options(script, &options)
        };
        // Refused (no worker for this page), or not a registration at all (a test browser
        // that blocks service workers answers `undefined`): the app simply stays online-only.
        let Ok(Ok(registration)) = JsFuture::from(promise)
            .await
            .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
        else {
            return;
        };
        watch(&workers, &registration, on_ready);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        Interval::new(CHECK_EVERY_MS, check_for_update).forget();
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(document) = document {
            EventListener::new(&document, "visibilitychange", |_| {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| !d.hidden());
                if visible {
                    check_for_update();
                }
            })
            .forget();
        }
    });
}

/// Resolves once the page's `load` event has fired.
async fn page_loaded() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.add_event_listener_with_callback("load", &resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// Announces a worker that is waiting now, one installing now (the browser's own check at
/// this page's load may have started before the registration answered) once it is installed,
/// and each one found later.
fn watch(
    workers: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_ready: impl Fn() + Clone + 'static,
) {
    if registration.waiting().is_some() && workers.controller().is_some() {
        on_ready();
    }
    if let Some(installing) = registration.installing() {
        follow(workers, &installing, on_ready.clone());
    }
    let (workers, reg) = (workers.clone(), registration.clone());
    EventListener::new(registration, "updatefound", move |_| {
        if let Some(installing) = reg.installing() {
            follow(&workers, &installing, on_ready.clone());
        }
    })
    .forget();
}

/// Calls `on_ready` when `worker` is installed while another worker is in charge: it then
/// waits for the user.
fn follow(workers: &ServiceWorkerContainer, worker: &ServiceWorker, on_ready: impl Fn() + 'static) {
    let (workers, watched) = (workers.clone(), worker.clone());
    EventListener::new(worker, "statechange", move |_| {
        if watched.state() == ServiceWorkerState::Installed && workers.controller().is_some() {
            on_ready();
        }
    })
    .forget();
}

/// Asks the server whether sw.js changed. Offline, the request fails quietly.
fn check_for_update() {
    let promise = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.update().ok()));
    if let Some(promise) = promise {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Switches to the new version: saves what is pending first, then asks the waiting worker to
/// take over and reloads as soon as it does (the `controllerchange` listener of [`start`]).
pub fn apply_update() {
    dom::leave_now();
    RELOAD_ASKED.set(true);
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(worker) = waiting else {
        // Another tab already switched: the new version is in charge, this page is older.
        reload();
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &ACTIVATE.into());
    if worker.post_message(&message).is_err() {
        reload();
        return;
    }
    Timeout::new(RELOAD_FALLBACK_MS, reload).forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
