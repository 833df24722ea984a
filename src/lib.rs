//! # Rally
//!
//! A recruitment assessment toolkit for transversal executives that runs entirely in the
//! browser. The architecture is a functional core with a thin shell:
//!
//! - [`domain`] is pure Rust: the campaign model and its reducer, the role library, the file
//!   format (validation, migrations, merge), undo history and the typed FR/EN message
//!   catalogue. It never touches the browser and is tested natively with `cargo test`.
//! - `ui` (wasm32 only) holds Yew function components: they render state and dispatch
//!   actions; they never compute results themselves.
//! - `platform` (wasm32 only) is the small browser layer: storage, files, clock, randomness.
//!
//! `docs/architecture.md` maps the layers of the core and follows two files through the code.
//!
//! State flows one way: a user action becomes a [`domain::workspace::Action`], the reducer
//! returns a new [`domain::workspace::Workspace`], the shell autosaves it and re-renders.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
