//! The texts of the instruments an invitation names. The respondent's page holds none of them:
//! it fetches those it needs (`instruments/<id>-<version>.json`, in parallel), and the core
//! takes each in only if it is exactly the text the invitation names
//! ([`InstrumentRef::take_in`]). Its service worker keeps every instrument file, so what was
//! opened once opens again offline. On the recruiter's page they are all embedded: ready at
//! once.

use crate::domain::i18n::respond::R;
use crate::domain::survey::InstrumentRef;
use crate::platform::fetch;
use crate::ui::shell::lang::use_lang;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the texts an invitation needs stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fetching {
    /// `done` of `total` files are here.
    Loading {
        done: usize,
        total: usize,
    },
    Ready,
    /// The network (or the server) failed: trying again may help.
    Unreachable,
    /// A file is not the text the invitation names.
    Mismatch,
}

/// The instruments of `refs` this page does not hold yet, each once.
fn missing(refs: &[InstrumentRef]) -> Vec<InstrumentRef> {
    let mut out: Vec<InstrumentRef> = Vec::new();
    for r in refs {
        if r.resolve().is_none() && !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}

fn initial(refs: &[InstrumentRef]) -> Fetching {
    match missing(refs).len() {
        0 => Fetching::Ready,
        total => Fetching::Loading { done: 0, total },
    }
}

/// Fetches the instruments of `refs` this page lacks; returns where they stand and a callback
/// that tries again after a failure.
#[hook]
pub fn use_instruments(refs: Vec<InstrumentRef>) -> (Fetching, Callback<()>) {
    let attempt = use_state(|| 0u32);
    let state = use_state(|| initial(&refs));
    {
        let state = state.clone();
        use_effect_with((refs, *attempt), move |(refs, _)| {
            let todo = missing(refs);
            let total = todo.len();
            let now = initial(refs);
            if *state != now {
                state.set(now);
            }
            let done = Rc::new(Cell::new(0));
            let failed = Rc::new(Cell::new(false));
            for r in todo {
                let (state, done, failed) = (state.clone(), done.clone(), failed.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match r.file_path() {
                        None => Fetching::Mismatch,
                        Some(path) => match fetch::text(&path).await {
                            None => Fetching::Unreachable,
                            Some(text) if r.take_in(&text).is_err() => Fetching::Mismatch,
                            Some(_) => Fetching::Ready,
                        },
                    };
                    if failed.get() {
                        return;
                    }
                    if outcome != Fetching::Ready {
                        failed.set(true);
                        state.set(outcome);
                        return;
                    }
                    done.set(done.get() + 1);
                    state.set(if done.get() == total {
                        Fetching::Ready
                    } else {
                        Fetching::Loading {
                            done: done.get(),
                            total,
                        }
                    });
                });
            }
        });
    }
    let retry = Callback::from(move |_| attempt.set(*attempt + 1));
    (*state, retry)
}

#[derive(Properties, PartialEq)]
pub struct GateProps {
    pub refs: Vec<InstrumentRef>,
    pub children: Html,
}

/// Shows its children once the instruments of `refs` are here; until then the progress, and a
/// clear message (with "Try again") if they cannot be had.
#[function_component(InstrumentGate)]
pub fn instrument_gate(p: &GateProps) -> Html {
    let lang = use_lang();
    let (fetching, retry) = use_instruments(p.refs.clone());
    match fetching {
        Fetching::Ready => p.children.clone(),
        Fetching::Loading { done, total } => html! {
            <section class="page" aria-busy="true">
                <p class="hint" role="status" data-testid="rs-loading">{ R::LoadingQuestions.get(lang) }</p>
                <progress max={total.to_string()} value={done.to_string()} aria-label={R::LoadingQuestions.get(lang)}></progress>
            </section>
        },
        Fetching::Unreachable | Fetching::Mismatch => html! {
            <section class="page rs-bad-link" aria-labelledby="rs-load-failed-title">
                <h1 id="rs-load-failed-title">{ R::LoadFailedTitle.get(lang) }</h1>
                <div role="alert" class="notice notice-error" data-testid="rs-alert">
                    <div class="notice-body"><p>{
                        if fetching == Fetching::Unreachable { R::LoadFailedNetwork.get(lang) } else { R::LoadFailedMismatch.get(lang) }
                    }</p></div>
                </div>
                <div class="button-row">
                    <button type="button" class="button button-primary" onclick={retry.reform(|_| ())}
                        data-testid="rs-retry">{ R::Retry.get(lang) }</button>
                    <a href={super::invitations_href()} class="button">{ R::BackToInvitations.get(lang) }</a>
                </div>
            </section>
        },
    }
}
