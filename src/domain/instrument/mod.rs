//! Questionnaires as data: instrument definitions (bilingual, versioned), loading with
//! validation, scoring and quality checks.
