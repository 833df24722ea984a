//! Yew function components, one folder per kind of user: `recruiter/`, `mediator/` and
//! `respondent/`; small reusable pieces live in `widgets/`, and the frame and the state every
//! page shares in `shell/`. Components read [`shell::state::AppState`] from context and send
//! [`shell::state::Msg`]; every decision is taken by the core in `crate::domain`.

mod mediator;
mod recruiter;
mod respondent;
mod shell;
mod widgets;

/// Mounts the recruiter's page (`index.html`) on `<body>`.
pub fn start_recruiter() {
    crate::platform::dom::mark("start");
    crate::domain::instrument::builtin::embed();
    shell::frame::mark_recruiter();
    crate::platform::dom::remove_boot_screen();
    yew::Renderer::<shell::app::App>::new().render();
}

/// Mounts the mediator's page (`observe.html`) on `<body>`. It shows no questionnaire, so it
/// does not [`embed`](crate::domain::instrument::builtin::embed) their texts: the linker
/// leaves them out of its module (~35 KB after compression).
pub fn start_mediator() {
    crate::platform::dom::remove_boot_screen();
    yew::Renderer::<mediator::MediatorApp>::new().render();
}

/// Mounts the respondent's page (`respond.html`) on `<body>`.
pub fn start_respondent() {
    crate::platform::dom::remove_boot_screen();
    yew::Renderer::<respondent::RespondentApp>::new().render();
}
