//! The app's pages, addressed by the URL fragment: [`Route`] lives in the core
//! (`domain::address`), where it is read and written by hand and tested natively.

pub use crate::domain::address::Route;
