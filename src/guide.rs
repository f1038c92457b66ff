//! The step-by-step state machine: whether the panel is open and which step is shown.
//!
//! Pure: [`GuideState::apply`] takes an action and returns the next state; the Yew layer
//! wraps it in a reducer.

/// Where the user is in a topic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GuideState {
    pub open: bool,
    /// Zero-based index of the step shown.
    pub step: usize,
    /// How many steps the topic has (0 until it is loaded).
    pub steps: usize,
}

/// What can happen to the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideAction {
    Toggle,
    Open,
    Close,
    Next,
    Back,
    /// A topic with this many steps was loaded.
    Loaded {
        steps: usize,
    },
}

impl GuideState {
    /// The state after `action`.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::guide::{GuideAction, GuideState};
    ///
    /// let s = GuideState::default()
    ///     .apply(GuideAction::Loaded { steps: 3 })
    ///     .apply(GuideAction::Open)
    ///     .apply(GuideAction::Next);
    /// assert_eq!((s.open, s.step), (true, 1));
    /// ```
    pub fn apply(self, action: GuideAction) -> GuideState {
        match action {
            GuideAction::Toggle => GuideState {
                open: !self.open,
                ..self
            },
            GuideAction::Open => GuideState { open: true, ..self },
            GuideAction::Close => GuideState {
                open: false,
                ..self
            },
            // Next on the last step is "Done": close and start over next time.
            GuideAction::Next if self.is_last() => GuideState {
                open: false,
                step: 0,
                ..self
            },
            GuideAction::Next => GuideState {
                step: self.step + 1,
                ..self
            },
            GuideAction::Back => GuideState {
                step: self.step.saturating_sub(1),
                ..self
            },
            GuideAction::Loaded { steps } => GuideState {
                steps,
                step: self.step.min(steps.saturating_sub(1)),
                ..self
            },
        }
    }

    pub fn is_first(&self) -> bool {
        self.step == 0
    }

    /// On the last step (or on a topic without steps), Next reads "Done".
    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(steps: usize) -> GuideState {
        GuideState::default()
            .apply(GuideAction::Loaded { steps })
            .apply(GuideAction::Open)
    }

    #[test]
    fn next_and_back_move_between_steps_within_bounds() {
        let s = loaded(3).apply(GuideAction::Back);
        assert_eq!(s.step, 0);
        let s = s.apply(GuideAction::Next).apply(GuideAction::Next);
        assert_eq!(s.step, 2);
        assert!(s.is_last());
        let s = s.apply(GuideAction::Back);
        assert_eq!(s.step, 1);
    }

    #[test]
    fn done_on_the_last_step_closes_and_rewinds() {
        let s = loaded(2).apply(GuideAction::Next).apply(GuideAction::Next);
        assert_eq!((s.open, s.step), (false, 0));
    }

    #[test]
    fn toggle_keeps_the_step() {
        let s = loaded(3)
            .apply(GuideAction::Next)
            .apply(GuideAction::Toggle);
        assert_eq!((s.open, s.step), (false, 1));
        assert_eq!(s.apply(GuideAction::Toggle).step, 1);
    }

    #[test]
    fn a_shorter_topic_clamps_the_step() {
        let s = loaded(5).apply(GuideAction::Next).apply(GuideAction::Next);
        assert_eq!(s.apply(GuideAction::Loaded { steps: 2 }).step, 1);
    }
}
