//! Small reusable pieces: form fields, list editors, the role profile, notices, file tools and
//! passphrase protection.

pub mod charts;
pub mod export_all_button;
pub mod field;
pub mod import_button;
pub mod instrument_picker;
pub mod notices;
pub mod people_editor;
pub mod protect;
pub mod role_profile;
pub mod sample_tools;
pub mod sessions_editor;
