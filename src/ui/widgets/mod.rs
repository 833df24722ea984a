//! Small reusable pieces: form fields, list editors, the role profile, notices, file tools,
//! passphrase protection, the new-version banner.

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
pub mod update_banner;
