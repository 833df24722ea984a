//! The recruiter's page (`index.html`); mounts the app, nothing else. The mediator's and the
//! respondent's pages are the binaries in `src/bin/`.

#[cfg(target_arch = "wasm32")]
fn main() {
    rally::ui::start_recruiter();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Rally is a browser app: build it with `make build` or run it with `make serve`.");
}
