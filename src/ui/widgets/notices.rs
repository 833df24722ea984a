//! The notice area at the top of every page: errors in a `role="alert"` region, confirmations
//! in a `role="status"` region. Both regions always exist so screen readers announce changes.

use crate::domain::i18n::{self, T};
use crate::ui::shell::state::{use_app, Msg, Notice};
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = app.notice.as_ref().map(|n| match n {
        Notice::Info(t) => t.get(lang).to_owned(),
        Notice::Imported(r, f) => i18n::merge_report(lang, r, f),
        Notice::ImportFailed(e) => format!(
            "{} {}",
            i18n::import_error(lang, e),
            T::ImportFailed.get(lang)
        ),
        Notice::Refused(e) => i18n::action_error(lang, e),
        Notice::Erased { name, count } => i18n::survey::erased(lang, name, *count),
        Notice::ErasedEverywhere { name, summary } => i18n::privacy::erased(lang, name, summary),
        Notice::OverdueErased {
            campaigns,
            people,
            answers_of,
            summary,
        } => i18n::privacy::overdue_erased(lang, *campaigns, *people, *answers_of, summary),
    });
    let is_error = app.notice.as_ref().map(Notice::is_error).unwrap_or(false);
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Msg::Dismiss))
    };
    // An import is undoable only when it brought no kit or observation: those live in the
    // fieldwork store, outside the campaign undo history.
    let offers_undo = match &app.notice {
        Some(Notice::Info(T::CampaignDeleted | T::RoleDeleted)) => true,
        Some(Notice::Imported(_, fieldwork)) => *fieldwork == Default::default(),
        _ => false,
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Msg::Undo);
            app.dispatch(Msg::Dismiss);
        })
    };
    let body = |show: bool| {
        text.clone().filter(|_| show).map(|t| {
            html! {
                <div class="notice-body">
                    <p>{ t }</p>
                    if offers_undo && app.history.undo_label().is_some() {
                        <button type="button" class="button" onclick={undo.clone()}>{ T::Undo.get(lang) }</button>
                    }
                    <button type="button" class="button button-quiet" onclick={dismiss.clone()}>{ T::Dismiss.get(lang) }</button>
                </div>
            }
        })
    };
    html! {
        <div class="notices">
            <div role="alert" class={classes!("notice", "notice-error", (!is_error || text.is_none()).then_some("is-empty"))} data-testid="alert">
                { body(is_error).unwrap_or_default() }
            </div>
            <div role="status" class={classes!("notice", "notice-info", (is_error || text.is_none()).then_some("is-empty"))} data-testid="status">
                { body(!is_error).unwrap_or_default() }
            </div>
        </div>
    }
}
