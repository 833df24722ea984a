//! The respondent's pages: the invitations in this browser, the landing of an invitation link,
//! and the answering flow (consent, one page per facet, review, the answers to return).

use yew::prelude::*;

#[function_component(RespondHome)]
pub fn respond_home() -> Html {
    html! {}
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub payload: String,
}

#[function_component(RespondLink)]
pub fn respond_link(_p: &LinkProps) -> Html {
    html! {}
}

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub invitation: String,
}

#[function_component(Answer)]
pub fn answer(_p: &AnswerProps) -> Html {
    html! {}
}
