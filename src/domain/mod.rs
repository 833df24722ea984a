//! The pure core of Rally: plain data and total functions, no browser, no clock, no randomness.
//! Time and fresh identifiers always come in as arguments, so every result is repeatable.

pub mod address;
pub mod assessment;
pub mod base64;
pub mod campaign;
pub mod compatibility;
pub mod draft;
pub mod fieldwork;
pub mod file;
pub mod hash;
pub mod history;
pub mod i18n;
pub mod instrument;
pub mod json;
pub mod json_path;
pub mod lang;
pub mod limits;
pub mod listing;
pub mod observation;
pub mod privacy;
pub mod role;
pub mod sample;
pub mod shared;
pub mod sorting;
pub mod stats;
pub mod survey;
pub mod text;
pub mod timefmt;
pub mod workspace;
