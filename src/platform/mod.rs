//! The thin browser layer: everything that touches `window` lives here, behind small
//! functions, so the core stays pure and the components stay readable.

pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod db;
pub mod dom;
pub mod files;
pub mod random;
pub mod storage;
