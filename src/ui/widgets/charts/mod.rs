//! SVG charts of self-assessment results: a radar, the paradox chart and the self-versus-
//! observers map. Geometry is computed by `crate::domain::assessment::chart`.
