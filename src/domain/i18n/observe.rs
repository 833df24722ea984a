//! Texts of the mediator's observation screens (part of the one catalogue, see the parent module).

use super::Lang;

catalogue! {
    O;
    NavObserve => "Observation", "Observation";
}
