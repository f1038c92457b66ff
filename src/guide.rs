//! The step-by-step state machine: whether the panel is open, which step is shown, and
//! which of the step's targets (its UI anchors and instructions, in reading order) the
//! spotlight points at.
//!
//! Pure: [`GuideState::apply`] takes an action and returns the next state; the Yew layer
//! wraps it in a reducer and persists [`Progress`] so a guide resumes after a reload.

use crate::content::{Anchor, Instruction, Step};

/// Where the user is in a topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GuideState {
    pub open: bool,
    /// Zero-based index of the step shown.
    pub step: usize,
    /// Zero-based index of the target within the step.
    pub target: usize,
    /// How many targets each step has (empty until the topic is loaded).
    pub plan: Vec<usize>,
}

/// What can happen to the guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuideAction {
    Toggle,
    Open,
    Close,
    Next,
    Back,
    /// A topic was loaded; `plan[i]` is the number of targets of step `i`.
    Loaded {
        plan: Vec<usize>,
    },
    /// The user used the highlighted element: on to the next target or step.
    TargetActivated,
    /// Continue where a previous page left off.
    Resume(Progress),
}

/// The part of the state that survives a navigation or a reload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: usize,
    pub target: usize,
}

impl Progress {
    /// `step:target`, the stored form.
    pub fn encode(&self) -> String {
        format!("{}:{}", self.step, self.target)
    }

    /// Reads the stored form; `None` for anything else.
    pub fn decode(text: &str) -> Option<Progress> {
        let (step, target) = text.split_once(':')?;
        Some(Progress {
            step: step.parse().ok()?,
            target: target.parse().ok()?,
        })
    }
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
    ///     .apply(GuideAction::Loaded { plan: vec![2, 1] })
    ///     .apply(GuideAction::Open)
    ///     .apply(GuideAction::TargetActivated);
    /// assert_eq!((s.step, s.target), (0, 1));
    /// let s = s.apply(GuideAction::TargetActivated);
    /// assert_eq!((s.step, s.target), (1, 0));
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
            GuideAction::Next if self.is_last() => self.finished(),
            GuideAction::Next => GuideState {
                step: self.step + 1,
                target: 0,
                ..self
            },
            GuideAction::Back => GuideState {
                step: self.step.saturating_sub(1),
                target: 0,
                ..self
            },
            GuideAction::Loaded { plan } => {
                let step = self.step.min(plan.len().saturating_sub(1));
                let target = self
                    .target
                    .min(plan.get(step).copied().unwrap_or(0).saturating_sub(1));
                GuideState {
                    plan,
                    step,
                    target,
                    ..self
                }
            }
            GuideAction::TargetActivated if !self.open => self,
            GuideAction::TargetActivated if self.target + 1 < self.targets() => GuideState {
                target: self.target + 1,
                ..self
            },
            GuideAction::TargetActivated if self.is_last() => self.finished(),
            GuideAction::TargetActivated => GuideState {
                step: self.step + 1,
                target: 0,
                ..self
            },
            GuideAction::Resume(progress) => {
                let steps = self.steps();
                if progress.step >= steps {
                    return self;
                }
                let targets = self.plan[progress.step];
                GuideState {
                    open: true,
                    step: progress.step,
                    target: progress.target.min(targets.saturating_sub(1)),
                    ..self
                }
            }
        }
    }

    fn finished(self) -> GuideState {
        GuideState {
            open: false,
            step: 0,
            target: 0,
            ..self
        }
    }

    pub fn steps(&self) -> usize {
        self.plan.len()
    }

    /// How many targets the current step has.
    pub fn targets(&self) -> usize {
        self.plan.get(self.step).copied().unwrap_or(0)
    }

    pub fn progress(&self) -> Progress {
        Progress {
            step: self.step,
            target: self.target,
        }
    }

    pub fn is_first(&self) -> bool {
        self.step == 0
    }

    /// On the last step (or on a topic without steps), Next reads "Done".
    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.steps()
    }
}

/// What a step points at, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    /// A bold UI term.
    Anchor(&'a Anchor),
    /// A sentence without one.
    Instruction(&'a Instruction),
}

impl Target<'_> {
    /// The `data-help-target` key (anchors) or the sentence (instructions), for events.
    pub fn name(&self) -> &str {
        match self {
            Target::Anchor(a) => &a.key,
            Target::Instruction(i) => &i.english,
        }
    }
}

/// A step's targets: its anchors with its instructions placed where they occur.
pub fn targets(step: &Step) -> Vec<Target<'_>> {
    let mut out = Vec::with_capacity(step.anchors.len() + step.instructions.len());
    let mut instructions = step.instructions.iter().peekable();
    for (i, anchor) in step.anchors.iter().enumerate() {
        while let Some(instruction) = instructions.next_if(|n| n.position <= i) {
            out.push(Target::Instruction(instruction));
        }
        out.push(Target::Anchor(anchor));
    }
    out.extend(instructions.map(Target::Instruction));
    out
}

/// The plan of a topic: how many targets each step has.
pub fn plan(steps: &[Step]) -> Vec<usize> {
    steps.iter().map(|s| targets(s).len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(plan: &[usize]) -> GuideState {
        GuideState::default()
            .apply(GuideAction::Loaded {
                plan: plan.to_vec(),
            })
            .apply(GuideAction::Open)
    }

    #[test]
    fn next_and_back_move_between_steps_within_bounds() {
        let s = loaded(&[1, 1, 1]).apply(GuideAction::Back);
        assert_eq!(s.step, 0);
        let s = s.apply(GuideAction::Next).apply(GuideAction::Next);
        assert_eq!(s.step, 2);
        assert!(s.is_last());
        let s = s.apply(GuideAction::Back);
        assert_eq!(s.step, 1);
    }

    #[test]
    fn done_on_the_last_step_closes_and_rewinds() {
        let s = loaded(&[1, 1])
            .apply(GuideAction::Next)
            .apply(GuideAction::Next);
        assert_eq!((s.open, s.step), (false, 0));
    }

    #[test]
    fn activating_targets_walks_the_whole_plan_then_finishes() {
        let mut s = loaded(&[3, 2, 1]);
        let mut seen = vec![(s.step, s.target)];
        while s.open {
            s = s.apply(GuideAction::TargetActivated);
            seen.push((s.step, s.target));
        }
        assert_eq!(
            seen,
            [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0), (0, 0)]
        );
    }

    #[test]
    fn a_step_without_targets_advances_on_activation() {
        let s = loaded(&[0, 1]).apply(GuideAction::TargetActivated);
        assert_eq!((s.step, s.target), (1, 0));
    }

    #[test]
    fn activation_while_closed_changes_nothing() {
        let s = loaded(&[2]).apply(GuideAction::Close);
        assert_eq!(s.clone().apply(GuideAction::TargetActivated), s);
    }

    #[test]
    fn next_and_back_start_a_step_at_its_first_target() {
        let s = loaded(&[2, 2])
            .apply(GuideAction::TargetActivated)
            .apply(GuideAction::Next);
        assert_eq!((s.step, s.target), (1, 0));
        let s = s
            .apply(GuideAction::TargetActivated)
            .apply(GuideAction::Back);
        assert_eq!((s.step, s.target), (0, 0));
    }

    #[test]
    fn resume_opens_at_the_stored_place_within_bounds() {
        let s = GuideState::default().apply(GuideAction::Loaded {
            plan: vec![3, 2, 1],
        });
        let r = s
            .clone()
            .apply(GuideAction::Resume(Progress { step: 1, target: 9 }));
        assert_eq!((r.open, r.step, r.target), (true, 1, 1));
        assert_eq!(
            s.clone()
                .apply(GuideAction::Resume(Progress { step: 7, target: 0 })),
            s
        );
    }

    #[test]
    fn progress_round_trips_through_its_stored_form() {
        let p = Progress { step: 2, target: 1 };
        assert_eq!(Progress::decode(&p.encode()), Some(p));
        assert_eq!(Progress::decode("x:1"), None);
        assert_eq!(Progress::decode("3"), None);
    }

    #[test]
    fn a_reloaded_shorter_topic_clamps_the_place() {
        let s = loaded(&[2, 2, 2])
            .apply(GuideAction::Next)
            .apply(GuideAction::Next);
        let s = s.apply(GuideAction::Loaded { plan: vec![2, 2] });
        assert_eq!((s.step, s.target), (1, 0));
    }

    #[test]
    fn instructions_take_their_place_among_the_anchors() {
        let anchor = |key: &str| Anchor {
            key: key.into(),
            english: key.into(),
            localized: None,
        };
        let step = Step {
            blocks: Vec::new(),
            anchors: vec![anchor("partner-center"), anchor("customers")],
            instructions: vec![Instruction::new(2, "Then choose a customer from the list")],
        };
        let targets = targets(&step);
        let names: Vec<&str> = targets.iter().map(|t| t.name()).collect();
        assert_eq!(
            names,
            [
                "partner-center",
                "customers",
                "Then choose a customer from the list"
            ]
        );
        assert_eq!(plan(std::slice::from_ref(&step)), [3]);
    }
}
