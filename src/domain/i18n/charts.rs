//! Texts of the charts (radar, paradox chart, self-versus-observers map).

use super::Lang;

catalogue! {
    Ch;
    Placeholder => "", "";
}

#[allow(dead_code)]
fn _lang(_: Lang) {}
