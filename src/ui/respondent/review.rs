//! The review before sending: for each instrument, each part (facet) with its answers given
//! and asked, a warning where too few answers mean the part will not be scored, and a way
//! back to any page; then the one button that sends.

use super::answer::StepProps;
use super::question_page::progress;
use super::STEP_HEADING;
use crate::domain::i18n::action_on;
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::instrument::definition::Instrument;
use crate::domain::lang::Lang;
use crate::domain::survey::draft::{open_question, pages, previous_step, Page, PageProgress};
use crate::domain::survey::{Draft, DraftAction, Step};
use crate::platform::random::new_uuid;
use yew::prelude::*;

#[function_component(Review)]
pub fn review(p: &StepProps) -> Html {
    let lang = crate::ui::shell::lang::use_lang();
    let inv = &p.invitation;
    let all = pages(inv);
    let standing = p.draft.page_progress(inv);
    let (answered, total) = p.draft.progress(inv);
    let short = standing.iter().filter(|s| s.short).count();

    let go = |step: Step| {
        let act = p.act.clone();
        Callback::from(move |_| act.emit(DraftAction::Go(step)))
    };
    let send = {
        let (act, count) = (p.act.clone(), inv.instruments.len());
        Callback::from(move |_| {
            let ids = (0..count).map(|_| new_uuid()).collect();
            act.emit(DraftAction::Submit { ids });
        })
    };
    let back = previous_step(inv, Step::Review);

    html! {
        <article class="page rs-flow rs-review" data-testid="rs-review">
            <div class="rs-head">
                <p class="rs-overline">{ format!("{} · {}", inv.campaign_name, inv.role_name.get(lang)) }</p>
                if let Some(line) = words::session_summary(lang, inv) {
                    <p class="rs-session-line" data-testid="rs-session-line">{ line }</p>
                }
                <h1 id={STEP_HEADING} tabindex="-1">{ R::ReviewTitle.get(lang) }</h1>
                <p class="lede">{ R::ReviewIntro.get(lang) }</p>
                { progress(lang, None, answered, total) }
            </div>
            if short > 0 {
                <p class="rs-warning" data-testid="rs-short-summary">{ words::short_summary(lang, short) }</p>
            } else if answered == total {
                <p class="rs-all-done">{ R::AllAnswered.get(lang) }</p>
            }
            { for inv.resolved().into_iter().enumerate().map(|(k, instrument)| {
                let rows: Vec<(&Page, &PageProgress)> = all.iter().zip(&standing)
                    .filter(|(page, _)| page.instrument.id == instrument.id)
                    .collect();
                html! {
                    <>
                        { instrument_card(lang, instrument, &rows, &go) }
                        if open_question(inv, k).is_some() {
                            { open_card(lang, k, instrument, &p.draft, &go) }
                        }
                    </>
                }
            }) }
            <section class="card rs-send" aria-labelledby="rs-send-title">
                <h2 id="rs-send-title">{ R::SendTitle.get(lang) }</h2>
                <p>{ words::send_explain(lang, &inv.asked_by) }</p>
                <div class="button-row">
                    <button type="button" class="button" onclick={go(back)} data-testid="rs-previous">{ format!("← {}", R::LastPage.get(lang)) }</button>
                    <button type="button" class="button button-primary" onclick={send} data-testid="rs-send">{ R::SendButton.get(lang) }</button>
                </div>
            </section>
        </article>
    }
}

fn instrument_card(
    lang: Lang,
    instrument: &Instrument,
    rows: &[(&Page, &PageProgress)],
    go: &dyn Fn(Step) -> Callback<MouseEvent>,
) -> Html {
    let title_id = format!("rs-review-{}", instrument.id);
    html! {
        <section class="card rs-review-card" aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ instrument.title.get(lang).to_owned() }</h2>
            <ul class="rs-parts">
                { for rows.iter().map(|(page, s)| {
                    let name = page.facet.name.get(lang);
                    let (class, state) = if s.answered == s.items {
                        ("rs-part-complete", R::Complete)
                    } else if s.short {
                        ("rs-part-short", R::Short)
                    } else {
                        ("rs-part-partial", R::Partial)
                    };
                    html! {
                        <li class={classes!("rs-part", class)} data-testid="rs-part">
                            <span class="rs-part-name">{ name.to_owned() }</span>
                            <span class="rs-part-count">{ words::fraction(lang, s.answered, s.items) }</span>
                            <span class="rs-part-state">{ state.get(lang) }</span>
                            <button type="button" class="button rs-part-go" onclick={go(Step::Page(s.page))}
                                aria-label={action_on(lang, R::GoToPage.get(lang), name)}>{ R::GoToPage.get(lang) }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The free text written in answer to the open question of the k-th instrument, to read again
/// before sending, and the way back to it.
fn open_card(
    lang: Lang,
    k: usize,
    instrument: &Instrument,
    draft: &Draft,
    go: &dyn Fn(Step) -> Callback<MouseEvent>,
) -> Html {
    let title_id = format!("rs-review-open-{}", instrument.id);
    let text = draft.open_answer(&instrument.id);
    html! {
        <section class="card rs-review-card" aria-labelledby={title_id.clone()} data-testid="rs-review-open">
            <h2 id={title_id}>{ R::OpenTitle.get(lang) }</h2>
            if text.trim().is_empty() {
                <p class="hint">{ R::NothingWritten.get(lang) }</p>
            } else {
                <p class="rs-open-review">{ text.to_owned() }</p>
            }
            <button type="button" class="button" onclick={go(Step::Open(k))}>{ R::EditOpen.get(lang) }</button>
        </section>
    }
}
