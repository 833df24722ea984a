//! Choosing the instruments a campaign plans to use: one checkbox per instrument.

use crate::domain::campaign::InstrumentId;
use crate::domain::i18n::{self, T};
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub selected: Vec<InstrumentId>,
    pub on_change: Callback<Vec<InstrumentId>>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(InstrumentPicker)]
pub fn instrument_picker(p: &Props) -> Html {
    let lang = use_lang();
    let boxes = InstrumentId::ALL.iter().map(|id| {
        let id = *id;
        let checked = p.selected.contains(&id);
        let (name, desc) = i18n::instrument(lang, id);
        let onchange = {
            let (selected, cb) = (p.selected.clone(), p.on_change.clone());
            Callback::from(move |_| {
                let next: Vec<InstrumentId> = InstrumentId::ALL
                    .iter()
                    .copied()
                    .filter(|i| if *i == id { !checked } else { selected.contains(i) })
                    .collect();
                cb.emit(next)
            })
        };
        let input_id = format!("instrument-{id:?}");
        html! {
            <li class="check-row">
                <input type="checkbox" id={input_id.clone()} {checked} {onchange} disabled={p.disabled}
                    aria-describedby={format!("{input_id}-desc")} />
                <label for={input_id.clone()}>{ name }</label>
                <p class="hint" id={format!("{input_id}-desc")}>{ desc }</p>
            </li>
        }
    });
    html! {
        <section class="card">
            <fieldset class="plain-fieldset">
                <legend><h2 id="instruments-title" class="legend-heading">{ T::Instruments.get(lang) }</h2></legend>
                <p class="hint">{ T::InstrumentsHint.get(lang) }</p>
                <ul class="check-list">{ for boxes }</ul>
            </fieldset>
        </section>
    }
}
