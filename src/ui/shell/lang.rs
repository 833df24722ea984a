//! The language of every page: remembered in `localStorage` (`rally.lang`), shared by the
//! three pages (recruiter, mediator, respondent), and given to components through a small
//! context of its own, so that a page without the recruiter's state still speaks the user's
//! language.

use crate::domain::i18n::T;
use crate::domain::lang::Lang;
use crate::platform::storage;
use yew::prelude::*;

pub const LANG_KEY: &str = "rally.lang";

/// The language on screen and the way to change it.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    pub lang: Lang,
    pub set: Callback<Lang>,
}

/// The language to show first: the one chosen before, or the browser's.
pub fn start_lang() -> Lang {
    storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|c| Lang::from_code(&c))
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|c| Lang::from_code(&c))
        })
        .unwrap_or_default()
}

/// The language of a page that keeps it on its own (the mediator's and the respondent's): the
/// remembered or browser's language first, `<html lang>` and the stored choice kept in step,
/// and the context its components read.
#[hook]
pub fn use_page_lang() -> LangContext {
    let lang = use_state(start_lang);
    use_lang_effects(*lang);
    LangContext {
        lang: *lang,
        set: Callback::from(move |l| lang.set(l)),
    }
}

/// The page's language (from the context every page provides).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>()
        .map(|c| c.lang)
        .unwrap_or_default()
}

/// Keeps `<html lang>` and the stored choice in step with `lang`.
#[hook]
pub fn use_lang_effects(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
        let _ = storage::write(LANG_KEY, lang.code());
    });
}

/// The two language buttons; the pressed one is the current language.
#[function_component(LanguageSwitcher)]
pub fn language_switcher() -> Html {
    let Some(ctx) = use_context::<LangContext>() else {
        return html! {};
    };
    html! {
        <div class="lang-switch" role="group" aria-label={T::LanguageGroup.get(ctx.lang)}>
            { for Lang::ALL.iter().map(|l| {
                let l = *l;
                let set = ctx.set.clone();
                let pressed = ctx.lang == l;
                let onclick = Callback::from(move |_| set.emit(l));
                html! {
                    <button type="button" lang={l.code()} aria-pressed={pressed.to_string()} class={classes!("lang-button", pressed.then_some("is-current"))} {onclick}>
                        { l.endonym() }
                    </button>
                }
            }) }
        </div>
    }
}
