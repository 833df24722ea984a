//! A candidate's self-assessment results.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub person: String,
}

#[function_component(Results)]
pub fn results(_p: &Props) -> Html {
    html! {}
}
