//! How the recruiter's page follows its routes ([`Route`], in the URL fragment) without a
//! router crate: [`HashRouter`] reads the fragment on every `hashchange` and gives the route
//! to what it holds ([`use_route`], [`Switch`]); a [`Link`] is a plain `<a href="#/…">`, and a
//! [`Navigator`] sets the fragment. The names are the ones the pages used with yew-router.

use crate::platform::dom::go_to_fragment;
use crate::ui::shell::frame::use_fragment;
use crate::ui::shell::routes::Route;
use yew::prelude::*;

/// The current route, as [`HashRouter`] gives it.
#[derive(Clone, PartialEq)]
struct Current(Route);

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    #[prop_or_default]
    pub children: Html,
}

/// Gives the route of the current fragment to everything it holds, following `hashchange`.
#[function_component(HashRouter)]
pub fn hash_router(p: &RouterProps) -> Html {
    let here = use_fragment();
    let route = use_memo(here, |here| Route::recognize(here));
    html! {
        <ContextProvider<Current> context={Current((*route).clone())}>
            { p.children.clone() }
        </ContextProvider<Current>>
    }
}

/// The current route (inside a [`HashRouter`]).
#[hook]
pub fn use_route() -> Option<Route> {
    use_context::<Current>().map(|c| c.0)
}

#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    pub render: Callback<Route, Html>,
}

/// What `render` shows for the current route.
#[function_component(Switch)]
pub fn switch(p: &SwitchProps) -> Html {
    use_route().map(|r| p.render.emit(r)).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route of this page: a plain anchor, so that it opens in a new tab too.
#[function_component(Link)]
pub fn link(p: &LinkProps) -> Html {
    html! {
        <a href={format!("#{}", p.to.to_path())} class={p.classes.clone()}>{ p.children.clone() }</a>
    }
}

/// Goes to a route of this page.
#[derive(Clone, Debug, PartialEq)]
pub struct Navigator;

impl Navigator {
    /// To `to`, kept in the history.
    pub fn push(&self, to: &Route) {
        go_to_fragment(&format!("#{}", to.to_path()), false);
    }

    /// To `to`, in place of the current address.
    pub fn replace(&self, to: &Route) {
        go_to_fragment(&format!("#{}", to.to_path()), true);
    }
}

/// The page's [`Navigator`] (always there: an `Option` as with yew-router).
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    Some(Navigator)
}
