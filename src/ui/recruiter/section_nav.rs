//! "On this page": the campaign page's sections, one button each, that move the keyboard
//! focus to the section's heading. The page is long (on a phone the decision sits some twelve
//! screens down); the fragment holds the route, so these are buttons, not `#id` links.

use crate::domain::i18n::{analysis::A, debrief::D, decision::Dc, privacy::P, survey::S, T};
use crate::platform::dom::jump_to;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

/// The campaign page's sections, in the page's order: (heading id, label).
fn sections(lang: crate::domain::lang::Lang) -> [(&'static str, &'static str); 13] {
    [
        ("details-title", T::Details.get(lang)),
        ("leader-title-h", T::LeaderSection.get(lang)),
        ("role-title", T::RoleSection.get(lang)),
        ("candidate-title", T::Candidates.get(lang)),
        ("mediator-title", T::Mediators.get(lang)),
        ("sessions-title", T::Sessions.get(lang)),
        ("instruments-title", T::Instruments.get(lang)),
        ("survey-title", S::SectionTitle.get(lang)),
        ("fieldwork-title", A::FieldworkTitle.get(lang)),
        ("debrief-title", D::Title.get(lang)),
        ("dc-section-title", Dc::CardTitle.get(lang)),
        ("privacy-title", P::SectionTitle.get(lang)),
        ("import-history-title", Dc::ImportHistoryTitle.get(lang)),
    ]
}

#[function_component(SectionNav)]
pub fn section_nav() -> Html {
    let lang = use_lang();
    html! {
        <nav class="section-nav" aria-label={T::OnThisPage.get(lang)} data-testid="section-nav">
            <p class="section-nav-title" aria-hidden="true">{ T::OnThisPage.get(lang) }</p>
            <ul>
                { for sections(lang).into_iter().map(|(id, label)| html! {
                    <li><button type="button" class="link-button" onclick={Callback::from(move |_| { jump_to(id); })}>{ label }</button></li>
                }) }
            </ul>
        </nav>
    }
}
