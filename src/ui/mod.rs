//! Yew function components. Pages are grouped by user (`recruiter/`, `settings`), small
//! reusable pieces live in `widgets/`. Components read [`state::AppState`] from context and
//! send [`state::Msg`]; every decision is taken by the core in `crate::domain`.

mod app;
mod autosave;
mod fieldwork;
mod mediator;
mod recruiter;
mod respond;
mod routes;
mod settings;
mod state;
mod widgets;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
