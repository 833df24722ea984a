//! A labelled text input with its hint and its error, wired for assistive technology
//! (`aria-describedby`, `aria-invalid`).

use crate::domain::i18n::T;
use crate::ui::shell::lang::use_lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Called on every keystroke (forms that keep a draft).
    #[prop_or_default]
    pub oninput: Option<Callback<String>>,
    /// Called when the value is committed (blur or Enter): live editing of saved data.
    #[prop_or_default]
    pub onchange: Option<Callback<String>>,
}

#[function_component(TextField)]
pub fn text_field(p: &Props) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-error", p.id);
    let described = [
        p.hint.as_ref().map(|_| hint_id.clone()),
        p.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let oninput = p.oninput.clone().map(|cb| {
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    });
    let onchange = p.onchange.clone().map(|cb| {
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    });
    html! {
        <div class={classes!("field", p.error.is_some().then_some("has-error"))}>
            <label for={p.id.clone()}>
                { p.label.clone() }
                if p.required {
                    <span class="required" aria-hidden="true">{ " *" }</span>
                    <span class="visually-hidden">{ format!(" ({})", T::Required.get(lang)) }</span>
                }
            </label>
            <input
                id={p.id.clone()}
                type={p.kind.clone()}
                value={p.value.clone()}
                required={p.required}
                disabled={p.disabled}
                autocomplete={p.autocomplete.clone()}
                aria-invalid={p.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then_some(described)}
                {oninput}
                {onchange}
            />
            if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
            if let Some(e) = &p.error {
                <p class="field-error" id={error_id}>{ e.clone() }</p>
            }
        </div>
    }
}
