//! The open question of an instrument (a session debrief asks one): its prompt, a text area
//! with the characters used and allowed, kept in the draft at every keystroke like the
//! answers (a reload finds the text again), and the way on. Optional: leaving it blank is
//! fine.

use super::question_page::progress;
use super::STEP_HEADING;
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::survey::draft::{next_step, open_question, previous_step};
use crate::domain::survey::{Draft, DraftAction, Invitation, Step};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    /// The instrument's position in the invitation.
    pub index: usize,
    pub invitation: Rc<Invitation>,
    pub draft: Rc<Draft>,
    pub act: Callback<DraftAction>,
}

#[function_component(OpenQuestionPage)]
pub fn open_question_page(p: &OpenProps) -> Html {
    let lang = crate::ui::shell::lang::use_lang();
    let inv = &p.invitation;
    let Some((instrument, question)) = open_question(inv, p.index) else {
        return html! {};
    };
    let text = p.draft.open_answer(&instrument.id).to_owned();
    let used = text.chars().count();
    let max = question.max_chars as usize;
    let (answered, total) = p.draft.progress(inv);
    let here = Step::Open(p.index);
    let next = next_step(inv, here);
    let go = |step: Step| {
        let act = p.act.clone();
        Callback::from(move |_| act.emit(DraftAction::Go(step)))
    };
    let oninput = {
        let (act, id) = (p.act.clone(), instrument.id.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            act.emit(DraftAction::Write {
                instrument: id.clone(),
                text: area.value(),
            });
        })
    };
    html! {
        <article class="page rs-flow rs-open-page" data-testid="rs-open">
            <div class="rs-head">
                <p class="rs-overline">{ instrument.title.get(lang).to_owned() }</p>
                if let Some(line) = words::session_summary(lang, inv) {
                    <p class="rs-session-line" data-testid="rs-session-line">{ line }</p>
                }
                <h1 id={STEP_HEADING} tabindex="-1">{ R::OpenTitle.get(lang) }</h1>
                { progress(lang, None, answered, total) }
            </div>
            <div class="card rs-open-card">
                <div class="field">
                    <label for="rs-open-text" class="rs-open-prompt">{ question.prompt.get(lang).to_owned() }</label>
                    <p class="hint" id="rs-open-hint">{ R::OpenOptional.get(lang) }</p>
                    <textarea id="rs-open-text" class="rs-open-text" rows="8" maxlength={max.to_string()}
                        value={text} {oninput} aria-describedby="rs-open-hint rs-open-count" data-testid="rs-open-text" />
                    <p class={classes!("rs-open-count", (used >= max).then_some("is-full"))} id="rs-open-count" data-testid="rs-open-count">
                        { words::characters_of(lang, used, max) }
                    </p>
                    <p class="hint" role="status">{ if used >= max { R::OpenAtLimit.get(lang) } else { "" } }</p>
                </div>
            </div>
            <nav class="rs-pager" aria-label={R::OpenTitle.get(lang)}>
                <button type="button" class="button" onclick={go(previous_step(inv, here))} data-testid="rs-previous">
                    { format!("← {}", R::Previous.get(lang)) }
                </button>
                <button type="button" id="rs-next" class="button button-primary" onclick={go(next)} data-testid="rs-next">
                    { format!("{} →", if next == Step::Review { R::ToReview.get(lang) } else { R::Next.get(lang) }) }
                </button>
            </nav>
            <p class="hint">{ R::OpenSaved.get(lang) }</p>
        </article>
    }
}
