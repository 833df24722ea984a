//! The respondent's home: the invitations held in this browser with where each stands, and
//! the two ways an invitation arrives — a file to open, or a link to paste.

use super::instruments::{use_instruments, Fetching};
use super::store::{own_campaigns, peek_draft};
use super::{download_answers, focus_by_id, navigate_to_answer};
use crate::domain::file::{read_invitations, ImportError};
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::i18n::{self, survey::code_error};
use crate::domain::instrument::score::Response;
use crate::domain::lang::Lang;
use crate::domain::limits::MAX_IMPORT_BYTES;
use crate::domain::sorting;
use crate::domain::survey::address::answer_fragment;
use crate::domain::survey::{CodeError, Invitation, Step};
use crate::platform::clock;
use crate::platform::files::{read_picked, take_picked, Picked};
use crate::ui::shell::fieldwork::{replace, use_fieldwork, FieldworkHandle};
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::protect::{open_invitation_link, open_picked};
use chrono::{DateTime, Utc};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where one invitation stands in this browser.
#[derive(Clone, Debug, PartialEq)]
enum Standing {
    NotStarted,
    /// Consented, with this share of the questions answered (percent).
    InProgress(u8),
    Answered(DateTime<Utc>),
}

/// The answers this browser holds for an invitation: its latest submission.
pub fn submitted_for(responses: &[Response], invitation: &Invitation) -> Vec<Response> {
    let of_it = || {
        responses
            .iter()
            .filter(|r| r.invitation_id == Some(invitation.id))
    };
    let Some(latest) = of_it().map(|r| r.submitted_at).max() else {
        return Vec::new();
    };
    of_it()
        .filter(|r| r.submitted_at == latest)
        .cloned()
        .collect()
}

fn standing(responses: &[Response], inv: &Invitation) -> Standing {
    if let Some(r) = submitted_for(responses, inv).first() {
        return Standing::Answered(r.submitted_at);
    }
    match peek_draft(inv.id) {
        Some(d) if d.step == Step::Done => Standing::Answered(
            d.submitted
                .first()
                .map_or(d.last_action_at, |r| r.submitted_at),
        ),
        Some(d) if d.consented_at.is_some() => {
            let (answered, total) = d.progress(inv);
            Standing::InProgress((answered * 100 / total.max(1)).min(100) as u8)
        }
        _ => Standing::NotStarted,
    }
}

/// What the last file or link did, shown until the next one.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    FileRefused(ImportError),
    NoInvitation,
    LinkRefused(CodeError),
    Added(usize),
    AlreadyHere,
}

impl Outcome {
    fn is_error(&self) -> bool {
        matches!(
            self,
            Outcome::FileRefused(_) | Outcome::NoInvitation | Outcome::LinkRefused(_)
        )
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Outcome::FileRefused(e) => format!(
                "{} {}",
                i18n::list_import_error(lang, e),
                R::FileNotRead.get(lang)
            ),
            Outcome::NoInvitation => R::FileHasNoInvitation.get(lang).to_owned(),
            Outcome::LinkRefused(e) => code_error(lang, e).to_owned(),
            Outcome::Added(n) => words::invitations_added(lang, *n),
            Outcome::AlreadyHere => R::AlreadyHere.get(lang).to_owned(),
        }
    }
}

/// Adds invitations to the store and, when there is exactly one, opens it.
fn take_in(fw: &FieldworkHandle, invitations: &[Invitation]) -> Option<Outcome> {
    let (next, added) = fw.fieldwork.add_invitations(invitations);
    replace(fw, next);
    if let [one] = invitations {
        navigate_to_answer(one.id, false);
        return None;
    }
    Some(if added == 0 {
        Outcome::AlreadyHere
    } else {
        Outcome::Added(added)
    })
}

#[function_component(RespondHome)]
pub fn respond_home() -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);
    let link_text = use_state(String::new);

    // The list shows each invitation's questions and progress: their texts first.
    let refs: Vec<_> = fw
        .fieldwork
        .invitations
        .iter()
        .flat_map(|inv| inv.instruments.iter().cloned())
        .collect();
    let (fetching, _) = use_instruments(refs);
    let loading = matches!(fetching, Fetching::Loading { .. });

    let own_campaigns = own_campaigns();
    let responses = &fw.fieldwork.responses;
    let mut listed: Vec<(&Invitation, Standing)> = Vec::new();
    let mut hidden = 0;
    for inv in &fw.fieldwork.invitations {
        let s = standing(responses, inv);
        // A recruiter's browser holds the invitations it issued: they are answered elsewhere,
        // unless someone began answering one here.
        if own_campaigns.contains(&inv.campaign_id) && s == Standing::NotStarted {
            hidden += 1;
        } else {
            listed.push((inv, s));
        }
    }
    sorting::sort_by_key(&mut listed, |(inv, _)| std::cmp::Reverse(inv.issued_at));

    let on_file = {
        let (fw, outcome, busy) = (fw.clone(), outcome.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let Some(file) = take_picked(&e) else {
                return;
            };
            busy.set(true);
            let (fw, outcome, busy) = (fw.clone(), outcome.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // A protected file is read once its passphrase opens it.
                let finish = Callback::from(move |read: Result<Vec<Invitation>, ImportError>| {
                    outcome.set(match read {
                        Err(e) => Some(Outcome::FileRefused(e)),
                        Ok(list) if list.is_empty() => Some(Outcome::NoInvitation),
                        Ok(list) => take_in(&fw, &list),
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
                    Picked::Bytes(bytes) => open_picked(&bytes, read_invitations, finish),
                }
            });
        })
    };
    let on_link_input = {
        let link_text = link_text.clone();
        Callback::from(move |e: InputEvent| {
            link_text.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_link = {
        let (fw, outcome, link_text) = (fw.clone(), outcome.clone(), link_text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // A protected link is read once its passphrase opens it.
            let (fw, outcome) = (fw.clone(), outcome.clone());
            let then = Callback::from(move |read| match read {
                Ok(inv) => outcome.set(take_in(&fw, &[inv])),
                Err(e) => {
                    outcome.set(Some(Outcome::LinkRefused(e)));
                    focus_by_id("rs-link");
                }
            });
            open_invitation_link(&link_text, then, Callback::noop());
        })
    };

    let error = outcome.as_ref().filter(|o| o.is_error());
    let info = outcome.as_ref().filter(|o| !o.is_error());
    let link_refused = matches!(*outcome, Some(Outcome::LinkRefused(_)));
    html! {
        <section class="page rs-home" aria-labelledby="rs-home-title">
            <div class="page-head">
                <div>
                    <h1 id="rs-home-title">{ R::HomeTitle.get(lang) }</h1>
                    <p class="lede">{ R::HomeIntro.get(lang) }</p>
                </div>
            </div>
            <div role="alert" class={classes!("notice", "notice-error", error.is_none().then_some("is-empty"))} data-testid="rs-alert">
                if let Some(o) = error {
                    <div class="notice-body"><p>{ o.text(lang) }</p></div>
                }
            </div>
            <div role="status" class={classes!("notice", "notice-info", info.is_none().then_some("is-empty"))} data-testid="rs-status">
                if let Some(o) = info {
                    <div class="notice-body"><p>{ o.text(lang) }</p></div>
                }
            </div>
            if loading {
                <p class="hint" role="status" data-testid="rs-loading">{ R::LoadingQuestions.get(lang) }</p>
            } else if listed.is_empty() {
                <div class="card empty-state" data-testid="rs-empty">
                    <h2>{ R::EmptyTitle.get(lang) }</h2>
                    <p>{ R::EmptyBody.get(lang) }</p>
                </div>
            } else {
                <section aria-labelledby="rs-list-title">
                    <h2 id="rs-list-title">{ R::ListTitle.get(lang) }</h2>
                    <ul class="rs-invitations">
                        { for listed.iter().map(|(inv, s)| invitation_card(lang, &fw, inv, s)) }
                    </ul>
                </section>
            }
            if hidden > 0 {
                <p class="hint">{ words::own_hidden(lang, hidden) }</p>
            }
            <div class="rs-arrive">
                <section class="card" aria-labelledby="rs-file-title">
                    <h2 id="rs-file-title">{ R::OpenFileTitle.get(lang) }</h2>
                    <p class="hint" id="rs-file-hint">{ R::OpenFileHint.get(lang) }</p>
                    <div class="import-control">
                        <input id="rs-file" class="file-input" type="file" accept=".json,application/json"
                            onchange={on_file} aria-describedby="rs-file-hint" data-testid="rs-file" />
                        <label for="rs-file" class="button file-button">{ R::OpenFileButton.get(lang) }</label>
                        if *busy {
                            <p class="hint" aria-live="polite">{ R::Reading.get(lang) }</p>
                        }
                    </div>
                </section>
                <section class="card" aria-labelledby="rs-paste-title">
                    <h2 id="rs-paste-title">{ R::PasteTitle.get(lang) }</h2>
                    <form class="rs-paste" onsubmit={on_link} novalidate=true>
                        <div class={classes!("field", link_refused.then_some("has-error"))}>
                            <label for="rs-link">{ R::PasteLabel.get(lang) }</label>
                            <input id="rs-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                                value={(*link_text).clone()} oninput={on_link_input}
                                aria-describedby="rs-link-hint" aria-invalid={link_refused.then_some("true")} />
                            <p class="hint" id="rs-link-hint">{ R::PasteHint.get(lang) }</p>
                        </div>
                        <button type="submit" class="button button-primary">{ R::OpenLink.get(lang) }</button>
                    </form>
                </section>
            </div>
        </section>
    }
}

fn invitation_card(lang: Lang, fw: &FieldworkHandle, inv: &Invitation, s: &Standing) -> Html {
    let title_id = format!("rs-inv-{}", inv.id);
    let href = answer_fragment(inv.id);
    let (badge_class, badge) = match s {
        Standing::NotStarted => ("badge-draft", R::StateNotStarted.get(lang).to_owned()),
        Standing::InProgress(p) => ("badge-active", words::in_progress(lang, *p)),
        Standing::Answered(t) => (
            "badge-closed",
            words::answered_on(lang, &i18n::date(lang, clock::local(*t).date())),
        ),
    };
    let open_label = match s {
        Standing::NotStarted => R::Start,
        Standing::InProgress(_) => R::Resume,
        Standing::Answered(_) => R::SeeAnswers,
    };
    let answered = matches!(s, Standing::Answered(_));
    let on_download = {
        let (fw, inv) = (fw.clone(), inv.clone());
        Callback::from(move |_| {
            let answers = submitted_for(&fw.fieldwork.responses, &inv);
            download_answers(&inv, &answers);
        })
    };
    html! {
        <li class="card rs-invitation" data-testid="rs-invitation">
            <div class="rs-invitation-head">
                <h3 id={title_id}>{ inv.campaign_name.clone() }</h3>
                <span class={classes!("badge", badge_class)} data-testid="rs-standing">{ badge }</span>
            </div>
            <dl class="rs-facts">
                <div><dt>{ R::FactRole.get(lang) }</dt><dd>{ inv.role_name.get(lang).to_owned() }</dd></div>
                <div><dt>{ R::FactAskedBy.get(lang) }</dt><dd>{ inv.asked_by.clone() }</dd></div>
                if let Some(line) = words::session_summary(lang, inv) {
                    <div><dt>{ R::FactSession.get(lang) }</dt><dd>{ line }</dd></div>
                } else if let Some(subject) = &inv.subject {
                    <div><dt>{ R::FactAbout.get(lang) }</dt><dd>{ subject.name.clone() }</dd></div>
                }
                <div><dt>{ R::FactQuestions.get(lang) }</dt><dd>{ words::questions(lang, inv.item_count()) }</dd></div>
                <div><dt>{ R::FactKeepUntil.get(lang) }</dt><dd>{ i18n::date(lang, inv.keep_until) }</dd></div>
            </dl>
            <div class="button-row">
                <a {href} class={classes!("button", (!answered).then_some("button-primary"))}>
                    { open_label.get(lang) }<span class="visually-hidden">{ format!(" — {}", inv.campaign_name) }</span>
                </a>
                if answered {
                    <button type="button" class="button" onclick={on_download}
                        aria-label={i18n::action_on(lang, R::Download.get(lang), &inv.campaign_name)}>
                        { R::Download.get(lang) }
                    </button>
                }
            </div>
        </li>
    }
}
