//! The answering flow of one invitation (`#/answer/<invitation>`): the draft is loaded from
//! this browser, every change goes through the core's `Draft::apply` and is written back at
//! once; the step on screen (consent, a page of questions, review, done) follows the draft.
//! When the step changes, the page scrolls to the top and the focus moves to its heading.

use super::consent::Consent;
use super::done::Done;
use super::instruments::InstrumentGate;
use super::open_question::OpenQuestionPage;
use super::question_page::QuestionPage;
use super::review::Review;
use super::store::{load_draft, save_draft, Loaded};
use crate::domain::i18n::respond::R;
use crate::domain::survey::draft::{open_question, pages};
use crate::domain::survey::{Draft, DraftAction, Invitation, Step};
use crate::platform::clock;
use crate::platform::storage::StorageFailure;
use crate::ui::shell::fieldwork::{replace, use_fieldwork};
use crate::ui::shell::lang::use_lang;
use chrono::{DateTime, Utc};
use std::rc::Rc;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub invitation: String,
}

#[function_component(Answer)]
pub fn answer(p: &AnswerProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let inv = Uuid::parse_str(&p.invitation)
        .ok()
        .and_then(|id| fw.fieldwork.invitation(id));
    match inv {
        Some(inv) => html! {
            <InstrumentGate refs={inv.instruments.clone()}>
                <Flow key={inv.id.to_string()} invitation={Rc::new(inv.clone())} />
            </InstrumentGate>
        },
        None => html! {
            <section class="page" aria-labelledby="rs-missing-title">
                <h1 id="rs-missing-title">{ R::NotFoundTitle.get(lang) }</h1>
                <p>{ R::NotFoundBody.get(lang) }</p>
                <a href={super::invitations_href()} class="button button-primary">{ R::BackToInvitations.get(lang) }</a>
            </section>
        },
    }
}

/// The draft on screen and how many changes it went through since it was loaded.
#[derive(Clone, Debug, PartialEq)]
struct FlowState {
    invitation: Rc<Invitation>,
    draft: Rc<Draft>,
    loaded: Loaded,
    revision: u64,
}

enum FlowMsg {
    Act(DraftAction, DateTime<Utc>),
}

impl Reducible for FlowState {
    type Action = FlowMsg;

    fn reduce(self: Rc<Self>, msg: FlowMsg) -> Rc<Self> {
        let FlowMsg::Act(action, now) = msg;
        let next = self.draft.apply(&self.invitation, &action, now);
        if next == *self.draft {
            return self;
        }
        Rc::new(FlowState {
            invitation: self.invitation.clone(),
            draft: Rc::new(next),
            loaded: self.loaded,
            revision: self.revision + 1,
        })
    }
}

/// What every step receives: the invitation, the draft, and the way to change it.
#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub invitation: Rc<Invitation>,
    pub draft: Rc<Draft>,
    pub act: Callback<DraftAction>,
}

#[derive(Properties, PartialEq)]
struct FlowProps {
    invitation: Rc<Invitation>,
}

#[function_component(Flow)]
fn flow(p: &FlowProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let state = {
        let invitation = p.invitation.clone();
        use_reducer(move || {
            let (draft, loaded) = load_draft(&invitation, clock::now());
            FlowState {
                invitation,
                draft: Rc::new(draft),
                loaded,
                revision: 0,
            }
        })
    };
    let saved = use_state(|| Ok::<(), StorageFailure>(()));

    // Written at once after every change; nothing is written before the first one, so that
    // declining keeps nothing.
    {
        let (saved, draft) = (saved.clone(), state.draft.clone());
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 {
                save_draft(&draft, move |result| {
                    if *saved != result {
                        saved.set(result);
                    }
                });
            }
        });
    }
    // Submitted answers are also kept in the store, to be downloaded again from the list.
    {
        let (fw, draft) = (fw.clone(), state.draft.clone());
        use_effect_with(state.draft.is_submitted(), move |done| {
            if *done && !draft.submitted.is_empty() {
                replace(&fw, fw.fieldwork.keep_submitted(&draft.submitted));
            }
        });
    }
    // A new step: back to the top, focus on its heading.
    {
        let shown = use_mut_ref(|| state.draft.step);
        use_effect_with(state.draft.step, move |step| {
            if *shown.borrow() != *step {
                *shown.borrow_mut() = *step;
                super::to_step_heading();
            }
        });
    }

    let act = {
        let state = state.clone();
        Callback::from(move |a: DraftAction| state.dispatch(FlowMsg::Act(a, clock::now())))
    };
    let invitation = state.invitation.clone();
    let draft = state.draft.clone();
    let page_count = pages(&invitation).len();
    let step = match draft.step {
        Step::Consent => html! { <Consent {invitation} {draft} {act} /> },
        Step::Page(k) if k < page_count => {
            // Keyed by page: radios are never reused from one page's groups to another's.
            html! { <QuestionPage key={k} page={k} {invitation} {draft} {act} /> }
        }
        Step::Open(k) if open_question(&invitation, k).is_some() => {
            html! { <OpenQuestionPage key={format!("open-{k}")} index={k} {invitation} {draft} {act} /> }
        }
        Step::Page(_) | Step::Open(_) | Step::Review => {
            html! { <Review {invitation} {draft} {act} /> }
        }
        Step::Done => html! { <Done {invitation} {draft} {act} /> },
    };
    let cannot_save = saved.is_err() || state.loaded == Loaded::Unavailable;
    html! {
        <>
            if cannot_save {
                <p class="rs-banner rs-banner-danger" role="alert" data-testid="rs-save-failed">{ R::SaveFailed.get(lang) }</p>
            }
            if state.loaded == Loaded::Recovered {
                <p class="rs-banner" role="status">{ R::Recovered.get(lang) }</p>
            }
            { step }
        </>
    }
}
