//! Which element of the host page a step means: the query for a step's target and the
//! ranking of the page's candidates, as pure functions over facts that [`crate::dom`]
//! reads from the page (keys, accessible names, enabled, visible rectangles).
//!
//! The rules, in order (README, "Pointing at the host page's elements"):
//!
//! 1. an element whose `data-help-target` is the anchor's key ([`TargetQuery::matches_key`]);
//! 2. failing that, an enabled interactive element whose accessible name matches the
//!    localized label, else the English one ([`by_name`]): case, spaces and punctuation
//!    ignored ([`normalize_name`]), and either part of `English (translation)` labels
//!    ([`label_forms`]);
//! 3. for a sentence without a bold term, an element whose `data-help-target` has two or
//!    more words that all occur in the English sentence
//!    ([`crate::content::Instruction::matches_key`]);
//!
//! then, among the matches, [`best`]: a visible one in the viewport, innermost first
//! (a button rather than the toolbar around it with the same key), then any visible
//! innermost one; matches that are all hidden mean "wait" (a closed menu), none "missing".

use crate::content::Instruction;
use crate::geometry::{Rect, Viewport};
use crate::guide::Target;

/// What to look for on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetQuery {
    /// A bold UI term: its key and labels.
    Anchor {
        key: String,
        localized: Option<String>,
        english: String,
    },
    /// A sentence without one.
    Instruction(Instruction),
}

impl TargetQuery {
    /// The query for one of a step's targets.
    pub fn of(target: &Target) -> TargetQuery {
        match target {
            Target::Anchor(anchor) => TargetQuery::Anchor {
                key: anchor.key.clone(),
                localized: anchor.localized.clone(),
                english: anchor.english.clone(),
            },
            Target::Instruction(instruction) => TargetQuery::Instruction((*instruction).clone()),
        }
    }

    /// The anchor's key (for `[data-help-target="…"]`), none for an instruction.
    pub fn key(&self) -> Option<&str> {
        match self {
            TargetQuery::Anchor { key, .. } => Some(key),
            TargetQuery::Instruction(_) => None,
        }
    }

    /// Whether an element with this `data-help-target` is what the query means (rules 1
    /// and 3).
    pub fn matches_key(&self, key: &str) -> bool {
        match self {
            TargetQuery::Anchor { key: wanted, .. } => key == wanted,
            // Bounded: a key or a sentence longer than any label is not compared.
            TargetQuery::Instruction(instruction) => {
                key.len() <= crate::limits::MAX_NAME_BYTES
                    && instruction.english.len() <= crate::limits::MAX_NAME_BYTES
                    && instruction.matches_key(key)
            }
        }
    }

    /// Whether elements may be matched by their accessible names (rule 2: anchors only).
    pub fn matches_names(&self) -> bool {
        matches!(self, TargetQuery::Anchor { .. })
    }
}

/// Accessible names longer than this are not compared (no control has one; a text node
/// of a whole page would make matching slow).
pub const MAX_NAME_CHARS: usize = 256;

/// Accessible-name comparison: case-, space- and punctuation-insensitive.
///
/// # Examples
///
/// ```
/// use helpmark::target::normalize_name;
/// assert_eq!(normalize_name(" Centro de  partners! "), normalize_name("centro de Partners"));
/// assert_eq!(normalize_name("Submit"), "submit");
/// ```
pub fn normalize_name(name: &str) -> String {
    let name: String = name.chars().take(MAX_NAME_CHARS * 2).collect();
    crate::text::lowercase_alphanumerics(&name)
}

/// The forms of a label worth matching an accessible name against, normalized: the whole
/// label, and, for machine translations that keep the English term with the translation in
/// parentheses (`Customers (клиенты)`), each part.
///
/// # Examples
///
/// ```
/// use helpmark::target::label_forms;
/// assert_eq!(label_forms("Customers (клиенты)"), ["customersклиенты", "customers", "клиенты"]);
/// assert_eq!(label_forms("Konto"), ["konto"]);
/// // Longer than any accessible name compared (`limits::MAX_NAME_BYTES`): none.
/// assert!(label_forms(&"Konto ".repeat(100)).is_empty());
/// ```
pub fn label_forms(label: &str) -> Vec<String> {
    // Bounded: a label longer than any accessible name compared has no form.
    if label.len() > crate::limits::MAX_NAME_BYTES {
        return Vec::new();
    }
    let mut forms = vec![normalize_name(label)];
    if let (Some(open), Some(close)) = (label.find('('), label.rfind(')')) {
        if open < close {
            forms.push(normalize_name(&format!(
                "{}{}",
                &label[..open],
                &label[close + 1..]
            )));
            forms.push(normalize_name(&label[open + 1..close]));
        }
    }
    forms.retain(|f| !f.is_empty());
    forms.dedup();
    forms
}

/// An interactive element of the page, for rule 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// Its accessible name.
    pub name: String,
    /// Not `disabled` nor `aria-disabled="true"`.
    pub enabled: bool,
}

/// Rule 2: the indices of the `names` (the page's interactive elements, in document
/// order) that are enabled and match the query's localized label, or, when none does, its
/// English one.
pub fn by_name(query: &TargetQuery, names: &[Named]) -> Vec<usize> {
    let TargetQuery::Anchor {
        localized, english, ..
    } = query
    else {
        return Vec::new();
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| {
            if !n.enabled || n.name.chars().count() > MAX_NAME_CHARS {
                String::new()
            } else {
                normalize_name(&n.name)
            }
        })
        .collect();
    for label in localized.iter().chain(Some(english)) {
        let forms = label_forms(label);
        let matches: Vec<usize> = names
            .iter()
            .enumerate()
            .filter(|(_, name)| !name.is_empty() && forms.contains(name))
            .map(|(i, _)| i)
            .collect();
        if !matches.is_empty() {
            return matches;
        }
    }
    Vec::new()
}

/// What the page says of one matching element.
#[derive(Clone, Debug, PartialEq)]
pub struct Seen {
    /// Where it is, when it can be seen (none when hidden, empty or disconnected).
    pub rect: Option<Rect>,
    /// The indices of the other matches that are inside it.
    pub contains: Vec<usize>,
}

/// The outcome of a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The match at this index.
    Found(usize),
    /// There are matches, but none can be seen yet (a closed menu): wait for one.
    Hidden,
    Missing,
}

/// The best of the matches: visible and in the viewport first, then visible anywhere;
/// among those the innermost (one that contains no other visible match), then the first.
pub fn best(seen: &[Seen], viewport: &Viewport) -> Choice {
    if seen.is_empty() {
        return Choice::Missing;
    }
    let visible = |i: usize| seen[i].rect.is_some();
    let innermost = |i: usize| !seen[i].contains.iter().any(|&o| o != i && visible(o));
    let in_view = |i: usize| seen[i].rect.is_some_and(|r| r.intersects(&viewport.rect()));
    let order = (0..seen.len())
        .filter(|&i| in_view(i) && innermost(i))
        .chain((0..seen.len()).filter(|&i| visible(i) && innermost(i)));
    match order.into_iter().next() {
        Some(i) => Choice::Found(i),
        None => Choice::Hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Anchor;

    fn anchor(key: &str, localized: Option<&str>, english: &str) -> TargetQuery {
        TargetQuery::of(&Target::Anchor(&Anchor {
            key: key.into(),
            english: english.into(),
            localized: localized.map(Into::into),
        }))
    }

    fn names(list: &[&str]) -> Vec<Named> {
        list.iter()
            .map(|s| Named {
                name: s.to_string(),
                enabled: true,
            })
            .collect()
    }

    const VIEWPORT: Viewport = Viewport {
        width: 1000.0,
        height: 800.0,
    };

    fn at(y: f64) -> Option<Rect> {
        Some(Rect::new(10.0, y, 100.0, 30.0))
    }

    #[test]
    fn rule_1_an_anchor_matches_its_exact_key_only() {
        let q = anchor("update", Some("Aktualisieren"), "Update");
        assert!(q.matches_key("update"));
        assert!(!q.matches_key("updates"));
        assert!(!q.matches_key("Update"));
        assert_eq!(q.key(), Some("update"));
        assert!(q.matches_names());
    }

    #[test]
    fn rule_2_the_localized_name_wins_over_the_english_one() {
        let q = anchor("account", Some("Konto"), "Account");
        let page = names(&["Account", "Konto", "Kontakt"]);
        assert_eq!(by_name(&q, &page), [1]);
        // Without the localized name on the page, the English one.
        assert_eq!(by_name(&q, &names(&["Account", "Kontakt"])), [0]);
        assert!(by_name(&q, &names(&["Accounts"])).is_empty());
    }

    #[test]
    fn rule_2_ignores_case_spaces_and_punctuation_and_reads_both_parts_of_a_parenthesis() {
        let q = anchor("customers", Some("Customers (клиенты)"), "Customers");
        assert_eq!(by_name(&q, &names(&["  КЛИЕНТЫ "])), [0]);
        assert_eq!(by_name(&q, &names(&["customers!"])), [0]);
        let q = anchor("partner-center", None, "Partner Center");
        assert_eq!(
            by_name(&q, &names(&["partner-center", "Partner  center"])),
            [0, 1]
        );
    }

    #[test]
    fn rule_2_skips_empty_and_overlong_names() {
        let q = anchor("x", None, "X");
        let long = "X".repeat(MAX_NAME_CHARS + 1);
        assert!(by_name(&q, &names(&["", "!!", &long])).is_empty());
    }

    #[test]
    fn rule_2_skips_disabled_controls() {
        let q = anchor("submit", Some("Senden"), "Submit");
        let mut page = names(&["Senden", "Submit"]);
        page[0].enabled = false;
        assert_eq!(by_name(&q, &page), [1]);
    }

    #[test]
    fn rule_3_an_instruction_matches_keys_of_two_or_more_of_its_words() {
        let q = TargetQuery::of(&Target::Instruction(&Instruction::new(
            0,
            "Then choose a customer from the list.",
        )));
        assert!(q.matches_key("customer-list"));
        assert!(!q.matches_key("customers"));
        // A one-word key is a bold term's, even when its word is in the sentence.
        assert!(!q.matches_key("customer"));
        assert!(!q.matches_key("list"));
        assert!(!q.matches_key("account-list"));
        assert!(!q.matches_names());
        assert_eq!(q.key(), None);
        assert!(by_name(&q, &names(&["Then choose a customer from the list."])).is_empty());
    }

    #[test]
    fn no_match_is_missing_and_only_hidden_matches_mean_wait() {
        assert_eq!(best(&[], &VIEWPORT), Choice::Missing);
        let hidden = Seen {
            rect: None,
            contains: vec![],
        };
        assert_eq!(best(&[hidden.clone(), hidden], &VIEWPORT), Choice::Hidden);
    }

    #[test]
    fn a_visible_match_in_the_viewport_wins_over_one_scrolled_away() {
        let seen = [
            Seen {
                rect: at(2000.0),
                contains: vec![],
            },
            Seen {
                rect: None,
                contains: vec![],
            },
            Seen {
                rect: at(100.0),
                contains: vec![],
            },
        ];
        assert_eq!(best(&seen, &VIEWPORT), Choice::Found(2));
        // Out of view only: still found (the tracker scrolls it into view).
        assert_eq!(best(&seen[..2], &VIEWPORT), Choice::Found(0));
    }

    #[test]
    fn the_innermost_visible_match_wins_over_its_container() {
        let seen = [
            Seen {
                rect: Some(Rect::new(0.0, 0.0, 600.0, 60.0)),
                contains: vec![1],
            },
            Seen {
                rect: at(10.0),
                contains: vec![],
            },
        ];
        assert_eq!(best(&seen, &VIEWPORT), Choice::Found(1));
        // A hidden inner match does not make its visible container lose.
        let seen = [
            seen[0].clone(),
            Seen {
                rect: None,
                contains: vec![],
            },
        ];
        assert_eq!(best(&seen, &VIEWPORT), Choice::Found(0));
    }
}
