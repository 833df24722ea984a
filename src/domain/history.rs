//! Undo and redo over any state: every accepted change pushes the previous state, with a label
//! that says what the change was, so "Undo: rename the campaign" can be offered.

use crate::domain::limits::UNDO_DEPTH;

/// The present state plus the states it can go back or forward to.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T, L> {
    past: Vec<(T, L)>,
    present: T,
    future: Vec<(T, L)>,
}

impl<T: Clone, L: Clone> History<T, L> {
    pub fn new(present: T) -> Self {
        Self {
            past: Vec::new(),
            present,
            future: Vec::new(),
        }
    }

    pub fn present(&self) -> &T {
        &self.present
    }

    /// Records a change: `next` becomes the present and the old present can be restored.
    pub fn push(&mut self, next: T, label: L) {
        let previous = std::mem::replace(&mut self.present, next);
        self.past.push((previous, label));
        if self.past.len() > UNDO_DEPTH {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Replaces the present without an undo step (loading, another tab's version).
    pub fn reset(&mut self, present: T) {
        *self = Self::new(present);
    }

    /// Changes the present and every state undo and redo can reach in the same way, without an
    /// undo step (a record kept apart from the changes, such as an import log).
    pub fn map_all(&mut self, f: impl Fn(&T) -> T) {
        self.present = f(&self.present);
        for (state, _) in self.past.iter_mut().chain(self.future.iter_mut()) {
            *state = f(state);
        }
    }

    /// The label of the change that [`History::undo`] would revert.
    pub fn undo_label(&self) -> Option<&L> {
        self.past.last().map(|(_, l)| l)
    }

    pub fn redo_label(&self) -> Option<&L> {
        self.future.last().map(|(_, l)| l)
    }

    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some((previous, label)) => {
                let undone = std::mem::replace(&mut self.present, previous);
                self.future.push((undone, label));
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some((next, label)) => {
                let current = std::mem::replace(&mut self.present, next);
                self.past.push((current, label));
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_all_reaches_every_state_without_an_undo_step() {
        let mut h = History::new(1);
        h.push(2, "a");
        h.push(3, "b");
        h.undo();
        h.map_all(|x| x * 10);
        assert_eq!(*h.present(), 20);
        assert_eq!(h.undo_label(), Some(&"a"));
        h.redo();
        assert_eq!(*h.present(), 30);
        h.undo();
        h.undo();
        assert_eq!(*h.present(), 10);
    }

    #[test]
    fn undo_redo_round_trip() {
        let mut h = History::new(0);
        h.push(1, "a");
        h.push(2, "b");
        assert_eq!(h.undo_label(), Some(&"b"));
        assert!(h.undo());
        assert_eq!(*h.present(), 1);
        assert_eq!(h.redo_label(), Some(&"b"));
        assert!(h.redo());
        assert_eq!(*h.present(), 2);
        assert!(h.undo() && h.undo());
        assert!(!h.undo());
        assert_eq!(*h.present(), 0);
        h.push(5, "c");
        assert!(!h.redo(), "a new change clears the redo branch");
    }

    #[test]
    fn depth_is_bounded() {
        let mut h = History::new(0);
        for i in 1..=(UNDO_DEPTH as i32 + 20) {
            h.push(i, ());
        }
        let mut n = 0;
        while h.undo() {
            n += 1;
        }
        assert_eq!(n, UNDO_DEPTH);
    }
}
