//! The mediator's page (`observe.html`); mounts it, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    rally::ui::start_mediator();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Rally is a browser app: build it with `make build` or run it with `make serve`.");
}
