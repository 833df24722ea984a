//! Personal data, person by person (the GDPR's rights and retention): which records concern a
//! person (`concern`), the export of everything held about them (`export`, `csv`), their
//! erasure everywhere or of their answers only, with a tombstone (`erase`), the screening of
//! imports against tombstones (`screen`), the data kept past its date (`retention`) and the
//! facts of the information notice and of the record of processing (`notice`).
//!
//! The campaign keeps the tombstones and the retention period (`campaign::erasure`,
//! `campaign::retention`); this module reads the campaign and the fieldwork together. See
//! `docs/user-guide.md`, "Personal data (GDPR)", and `docs/file-format.md`.

pub mod concern;
pub mod csv;
pub mod erase;
pub mod export;
pub mod notice;
pub mod retention;
pub mod screen;

pub use concern::{people, person, PersonRef, Summary};
pub use erase::{erase_answers, erase_person, Erasing};
pub use export::{person_data, PersonData};
pub use notice::{notice_facts, Controller, NoticeFacts};
pub use retention::{erase_overdue, overdue, Overdue, OverdueErasure};
pub use screen::{purge, screen, Records};

#[cfg(test)]
mod tests;
