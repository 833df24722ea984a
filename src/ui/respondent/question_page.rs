//! One page of questions: the items of one facet of one instrument (for a paradox, its two
//! poles under their own sub-headings), the instructions on an instrument's first page, the
//! progress, and the way on. Each item is a native radio group in a `<fieldset>`, so arrows
//! choose within an item and Tab moves between items; the keys 1 to `points` answer the item
//! that has the focus and move on to the next one.

use super::consent::what_and_why;
use super::{focus_by_id, STEP_HEADING};
use crate::domain::i18n::action_on;
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::instrument::definition::{Instrument, Item, Pole};
use crate::domain::lang::Lang;
use crate::domain::survey::draft::{next_step, pages, previous_step};
use crate::domain::survey::{Draft, DraftAction, Invitation, Step};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub page: usize,
    pub invitation: Rc<Invitation>,
    pub draft: Rc<Draft>,
    pub act: Callback<DraftAction>,
}

/// The id of an item's radio for one value.
fn choice_id(item: &Item, value: u8) -> String {
    format!("rs-{}-{value}", item.id)
}

/// The id of the element that takes the focus after answering `item` with a key.
fn focus_target(next: Option<(&Item, Option<u8>)>) -> String {
    match next {
        Some((item, value)) => choice_id(item, value.unwrap_or(1)),
        None => "rs-next".to_owned(),
    }
}

#[function_component(QuestionPage)]
pub fn question_page(p: &PageProps) -> Html {
    let lang = crate::ui::shell::lang::use_lang();
    let inv = &p.invitation;
    let all = pages(inv);
    let Some(page) = all.get(p.page).copied() else {
        return html! {};
    };
    let instrument = page.instrument;
    let facet = page.facet;
    let instruments = inv.resolved();
    let instrument_number = instruments
        .iter()
        .position(|i| i.id == instrument.id)
        .map_or(1, |k| k + 1);
    let first_of_instrument = all[..p.page]
        .iter()
        .all(|q| q.instrument.id != instrument.id);
    // Items are numbered through the instrument, page after page.
    let before: usize = all[..p.page]
        .iter()
        .filter(|q| q.instrument.id == instrument.id)
        .map(|q| instrument.items_of(&q.facet.id).count())
        .sum();
    let groups: Vec<(Option<Pole>, Vec<&'static Item>)> = match &facet.poles {
        Some(_) => Pole::BOTH
            .iter()
            .map(|pole| {
                (
                    Some(*pole),
                    instrument.items_of_pole(&facet.id, *pole).collect(),
                )
            })
            .collect(),
        None => vec![(None, instrument.items_of(&facet.id).collect())],
    };
    let order: Vec<&'static Item> = groups.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    let value = |item: &Item| p.draft.value(&instrument.id, &item.id);
    let (answered, total) = p.draft.progress(inv);

    let go = |step: Step| {
        let act = p.act.clone();
        Callback::from(move |_| act.emit(DraftAction::Go(step)))
    };
    let previous = previous_step(inv, Step::Page(p.page));
    let next = next_step(inv, Step::Page(p.page));

    let item_view = |k: usize, item: &'static Item| {
        let next_item = order.get(k + 1).map(|i| (*i, value(i)));
        html! {
            <ItemQuestion key={item.id.as_str()} number={before + k + 1} {instrument} {item} value={value(item)}
                next_focus={focus_target(next_item)} act={p.act.clone()} />
        }
    };
    let mut k = 0;
    let body = groups
        .iter()
        .map(|(pole, items)| {
            let pole_name = pole.and_then(|pl| facet.poles.as_ref().map(|ps| ps.get(pl).get(lang)));
            let start = k;
            k += items.len();
            html! {
                <>
                    if let Some(name) = pole_name {
                        <h2 class="rs-pole">{ name.to_owned() }</h2>
                    }
                    <ol class="rs-items">
                        { for items.iter().enumerate().map(|(j, item)| item_view(start + j, item)) }
                    </ol>
                </>
            }
        })
        .collect::<Html>();

    html! {
        <article class="page rs-flow rs-question-page" data-testid="rs-page" data-page={p.page.to_string()}>
            <div class="rs-head">
                <p class="rs-overline">{ words::instrument_line(lang, instrument_number, instruments.len(), instrument.title.get(lang)) }</p>
                if let Some(line) = words::session_summary(lang, inv) {
                    <p class="rs-session-line" data-testid="rs-session-line">{ line }</p>
                }
                <h1 id={STEP_HEADING} tabindex="-1">{ facet.name.get(lang).to_owned() }</h1>
                { progress(lang, Some((p.page, all.len())), answered, total) }
            </div>
            if first_of_instrument {
                <section class="rs-instructions" aria-labelledby="rs-instructions-title">
                    <h2 id="rs-instructions-title">{ R::InstructionsTitle.get(lang) }</h2>
                    <p>{ instrument.instructions.get(lang).to_owned() }</p>
                    <p class="hint">{ words::keys_hint(lang, instrument.points()) }</p>
                </section>
            }
            <div class="rs-page-body">{ body }</div>
            <nav class="rs-pager" aria-label={words::page_of(lang, p.page + 1, all.len())}>
                <button type="button" class="button" onclick={go(previous)} data-testid="rs-previous">
                    { format!("← {}", if p.page == 0 { R::ConsentTitle.get(lang) } else { R::Previous.get(lang) }) }
                </button>
                <button type="button" id="rs-next" class="button button-primary" onclick={go(next)} data-testid="rs-next">
                    { format!("{} →", if next == Step::Review { R::ToReview.get(lang) } else { R::Next.get(lang) }) }
                </button>
            </nav>
            <p class="hint">{ R::SavedAsYouGo.get(lang) }</p>
            <details class="rs-terms">
                <summary>{ R::AboutCollected.get(lang) }</summary>
                <div class="rs-terms-body">{ what_and_why(lang, inv) }</div>
            </details>
        </article>
    }
}

/// "Page 2 of 11" (on a page of questions) and the share of questions answered, as text and
/// as a bar.
pub fn progress(lang: Lang, page: Option<(usize, usize)>, answered: usize, total: usize) -> Html {
    html! {
        <div class="rs-progress">
            if let Some((page, pages)) = page {
                <p class="rs-page-of" data-testid="rs-page-of">{ words::page_of(lang, page + 1, pages) }</p>
            }
            <progress id="rs-progress" max={total.max(1).to_string()} value={answered.to_string()}
                aria-labelledby="rs-progress-text" data-testid="rs-progress"></progress>
            <p class="rs-progress-text" id="rs-progress-text">{ words::answered_of(lang, answered, total) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    number: usize,
    instrument: &'static Instrument,
    item: &'static Item,
    value: Option<u8>,
    /// Where the focus goes once the item is answered with a key.
    next_focus: String,
    act: Callback<DraftAction>,
}

#[function_component(ItemQuestion)]
fn item_question(p: &ItemProps) -> Html {
    let lang = crate::ui::shell::lang::use_lang();
    let item = p.item;
    let points = p.instrument.points();
    let answer = {
        let (act, instrument, item) = (p.act.clone(), p.instrument.id.clone(), item.id.clone());
        move |value: Option<u8>| {
            act.emit(DraftAction::Answer {
                instrument: instrument.clone(),
                item: item.clone(),
                value,
            })
        }
    };
    let onkeydown = {
        let (answer, next_focus) = (answer.clone(), p.next_focus.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let Some(v) = e
                .key()
                .parse::<u8>()
                .ok()
                .filter(|v| (1..=points).contains(v))
            else {
                return;
            };
            e.prevent_default();
            answer(Some(v));
            focus_by_id(&next_focus);
        })
    };
    let on_clear = {
        let (answer, first) = (answer.clone(), choice_id(item, 1));
        Callback::from(move |_| {
            answer(None);
            focus_by_id(&first);
        })
    };
    let name = format!("rs-{}", item.id);
    let text = item.text.get(lang);
    html! {
        <li class="rs-item-wrap">
            <fieldset class={classes!("rs-item", p.value.is_some().then_some("is-answered"))} id={format!("rs-item-{}", item.id)}
                {onkeydown} data-testid="rs-item">
                <legend class="rs-item-text"><span class="rs-num">{ format!("{}.", p.number) }</span>{ text.to_owned() }</legend>
                <div class={classes!("rs-scale", format!("rs-scale-{points}"))}>
                    { for p.instrument.response.labels.iter().enumerate().map(|(i, label)| {
                        let v = (i + 1) as u8;
                        let checked = p.value == Some(v);
                        let onchange = {
                            let answer = answer.clone();
                            Callback::from(move |_: Event| answer(Some(v)))
                        };
                        html! {
                            <label class={classes!("rs-choice", checked.then_some("is-checked"))}>
                                <input type="radio" id={choice_id(item, v)} name={name.clone()} value={v.to_string()} {checked} {onchange} />
                                <span class="rs-choice-label">{ label.get(lang).to_owned() }</span>
                            </label>
                        }
                    }) }
                </div>
                // Always there, hidden while there is nothing to clear: answering does not
                // shift the questions below.
                <button type="button" class={classes!("button", "button-quiet", "rs-clear", p.value.is_none().then_some("is-hidden"))}
                    onclick={on_clear} aria-label={action_on(lang, R::ClearAnswer.get(lang), &format!("{}. {text}", p.number))}>
                    { R::ClearAnswer.get(lang) }
                </button>
            </fieldset>
        </li>
    }
}
