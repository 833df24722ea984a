//! The thin browser layer: storage, files, clock, randomness.
