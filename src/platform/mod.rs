//! The thin browser layer: everything that touches `window` lives here, behind small
//! functions, so the core stays pure and the components stay readable. `offline` registers
//! the service worker and applies a new version when the user asks.

pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod db;
pub mod dom;
pub mod fetch;
pub mod files;
pub mod offline;
pub mod random;
pub mod storage;
