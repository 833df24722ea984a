//! Texts of the self-assessment results page and of its charts.

use super::Lang;

catalogue! {
    Res;
    Placeholder => "", "";
}

#[allow(dead_code)]
fn _lang(_: Lang) {}
