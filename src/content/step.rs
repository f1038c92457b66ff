//! Stage 5: the procedure and its steps' UI anchors.
//!
//! How-to articles tell the user what to do as a numbered list; each item is a step, and
//! the UI elements to act on are in bold. The English bold terms are the stable names of
//! those elements across locales ([`Anchor::key`] is their slug); the localized bold term
//! is what the user reads, aligned to the English one where the translation kept its bold.

use super::repair::{strong_texts, DIRECTION_MARKS};
use super::Code;
use super::{Block, Diagnostic, Inline, Severity, Topic};

/// One step of the procedure.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The list item's content.
    pub blocks: Vec<Block>,
    /// The UI elements the step names, in reading order.
    pub anchors: Vec<Anchor>,
    /// Sentences of the step that name no UI element ("Then choose a customer from the
    /// list"). A host page can still point them at an element (see [`Instruction`]).
    pub instructions: Vec<Instruction>,
}

/// A sentence of a step without a bold UI term.
///
/// A host element matches it when every word of its `data-help-target` key occurs in the
/// English sentence: `customer-list` matches "Then choose a customer from the list".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// How many of the step's anchors come before this sentence.
    pub position: usize,
    pub english: String,
    /// The English sentence's words, lower case.
    pub words: Vec<String>,
}

impl Instruction {
    /// Whether a `data-help-target` key names something this sentence talks about.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::content::Instruction;
    ///
    /// let i = Instruction::new(0, "Then choose a customer from the list.");
    /// assert!(i.matches_key("customer-list"));
    /// assert!(i.matches_key("customers-list"));
    /// assert!(!i.matches_key("account"));
    /// // One word is a bold term's key (the Customers menu item), not a description.
    /// assert!(!i.matches_key("customers"));
    /// ```
    pub fn new(position: usize, english: &str) -> Instruction {
        let words = crate::text::lowercase_words(english);
        Instruction {
            position,
            english: english.trim().to_string(),
            words,
        }
    }

    pub fn matches_key(&self, key: &str) -> bool {
        let stem = |w: &str| {
            w.strip_suffix('s')
                .filter(|s| s.len() > 2)
                .unwrap_or(w)
                .to_string()
        };
        let words: Vec<String> = self.words.iter().map(|w| stem(w)).collect();
        let parts: Vec<&str> = key.split('-').filter(|p| !p.is_empty()).collect();
        parts.len() > 1
            && parts
                .iter()
                .all(|p| words.contains(&stem(&crate::text::lowercase(p))))
    }
}

/// A UI element a step points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Slug of the English label: `partner-center`. Hosts mark elements with
    /// `data-help-target="<key>"`.
    pub key: String,
    pub english: String,
    /// The localized label, where the translation kept the bold.
    pub localized: Option<String>,
}

/// Slug of an English UI term: lower case, runs of anything but letters and digits
/// become one `-`.
///
/// # Examples
///
/// ```
/// assert_eq!(helpmark::content::slug("Partner Center"), "partner-center");
/// assert_eq!(helpmark::content::slug("Users and licenses…"), "users-and-licenses");
/// ```
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Finds the first top-level numbered list and makes its items the topic's steps.
pub(super) fn find_procedure(topic: &mut Topic) {
    let Some(index) = topic
        .blocks
        .iter()
        .position(|b| matches!(b, Block::List { start: Some(_), .. }))
    else {
        return;
    };
    let Block::List { items, .. } = &topic.blocks[index] else {
        return;
    };
    let mut steps = Vec::with_capacity(items.len());
    let mut diagnostics = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let mut anchors = Vec::new();
        let mut instructions = Vec::new();
        for (inlines, in_note) in step_inlines(item, false) {
            // Plain Markdown (no span pair): a sentence without a UI term in bold is an
            // instruction, as a segment without one is.
            let plain = !inlines.iter().any(|i| matches!(i, Inline::Segment(_)));
            if plain && (in_note || super::repair::strong_texts(inlines).is_empty()) {
                let sentence = super::repair::flat_text(inlines);
                if sentence.chars().any(char::is_alphanumeric) {
                    instructions.push(Instruction::new(anchors.len(), &sentence));
                }
                if in_note {
                    continue;
                }
            }
            collect_anchors(
                topic,
                inlines,
                in_note,
                n + 1,
                &mut anchors,
                &mut instructions,
                &mut diagnostics,
            );
        }
        steps.push(Step {
            blocks: item.clone(),
            anchors,
            instructions,
        });
    }
    topic.procedure = Some(index);
    topic.steps = steps;
    topic.diagnostics.extend(diagnostics);
    if has_key_marks(&topic.blocks) {
        strip_key_marks(&mut topic.blocks);
        for step in &mut topic.steps {
            strip_key_marks(&mut step.blocks);
        }
    }
}

/// A writer's explicit anchor key right after a bold term: `**Clients**{#customers}`.
/// Returns the key and the length of the mark. Writers use it where a translation must
/// change the order of the bold terms (see the README, "Plain-Markdown topics").
pub(crate) fn explicit_key(next: &Inline) -> Option<(String, usize)> {
    let Inline::Text(text) = next else {
        return None;
    };
    let rest = text.strip_prefix("{#")?;
    let end = rest.find('}')?;
    let key = slug(&rest[..end]);
    (!key.is_empty() && key == rest[..end]).then(|| (key, end + 3))
}

fn has_key_marks(blocks: &[Block]) -> bool {
    block_inlines(blocks).iter().any(|runs| {
        runs.windows(2)
            .any(|w| matches!(w[0], Inline::Strong(_)) && explicit_key(&w[1]).is_some())
    })
}

/// Removes the `{#key}` marks after bold terms: the key is the anchor's, never text.
fn strip_key_marks(blocks: &mut [Block]) {
    fn runs(inlines: &mut Vec<Inline>) {
        for i in 1..inlines.len() {
            if !matches!(inlines[i - 1], Inline::Strong(_)) {
                continue;
            }
            if let Some((_, len)) = explicit_key(&inlines[i]) {
                if let Inline::Text(t) = &mut inlines[i] {
                    t.drain(..len);
                }
            }
        }
        inlines.retain(|r| !matches!(r, Inline::Text(t) if t.is_empty()));
        for inline in inlines {
            if let Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } =
                inline
            {
                runs(c);
            }
        }
    }
    for block in blocks {
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph(content)
            | Block::NextStep(content) => runs(content),
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter_mut().for_each(|i| strip_key_marks(i))
            }
            Block::Tabs(tabs) => tabs.iter_mut().for_each(|t| strip_key_marks(&mut t.blocks)),
            Block::Alert { blocks, .. } | Block::Quote(blocks) => strip_key_marks(blocks),
            Block::Table { head, rows } => head
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(runs),
            Block::Code { .. } | Block::Image { .. } | Block::Include { .. } | Block::Rule => {}
        }
    }
}

/// The inline sequences of a step, in document order, each with whether it is the step's
/// own instruction text (its paragraphs, headings, tables and nested lists) or a note
/// (alerts and quotes, even inside a nested list): bold in a note names no element to
/// act on, so it gives no anchor; its sentence is still an [`Instruction`].
fn step_inlines(blocks: &[Block], in_note: bool) -> Vec<(&[Inline], bool)> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Alert { blocks, .. } | Block::Quote(blocks) => {
                out.extend(step_inlines(blocks, true))
            }
            Block::List { items, .. } | Block::Checklist(items) => items
                .iter()
                .for_each(|i| out.extend(step_inlines(i, in_note))),
            Block::Tabs(tabs) => {
                for tab in tabs {
                    out.push((tab.label.as_slice(), in_note));
                    out.extend(step_inlines(&tab.blocks, in_note));
                }
            }
            other => out.extend(
                block_inlines(std::slice::from_ref(other))
                    .into_iter()
                    .map(|runs| (runs, in_note)),
            ),
        }
    }
    out
}

/// Whether an English bold term names a UI element: not a number or other run without
/// letters (`**1**-`), and not a whole sentence (`**Keep both numbers for your
/// records.**`: four words or more ending like a sentence).
pub(crate) fn is_ui_term(english: &str) -> bool {
    let text = english.trim();
    if !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let words = text.split_whitespace().count();
    let sentence_end = text.ends_with(['.', '!', '?', '。', '！', '？']) && !text.ends_with("...");
    !(words >= 4 && sentence_end)
}

/// Every inline sequence inside blocks, in document order.
fn block_inlines(blocks: &[Block]) -> Vec<&[Inline]> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                out.push(content.as_slice())
            }
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter().for_each(|i| out.extend(block_inlines(i)))
            }
            Block::NextStep(content) => out.push(content.as_slice()),
            Block::Tabs(tabs) => {
                for tab in tabs {
                    out.push(tab.label.as_slice());
                    out.extend(block_inlines(&tab.blocks));
                }
            }
            Block::Alert { blocks, .. } | Block::Quote(blocks) => out.extend(block_inlines(blocks)),
            Block::Table { head, rows } => {
                out.extend(head.iter().chain(rows.iter().flatten()).map(Vec::as_slice))
            }
            Block::Code { .. } | Block::Image { .. } | Block::Include { .. } | Block::Rule => {}
        }
    }
    out
}

fn collect_anchors(
    topic: &Topic,
    inlines: &[Inline],
    in_note: bool,
    step: usize,
    anchors: &mut Vec<Anchor>,
    instructions: &mut Vec<Instruction>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (at, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Segment(i) => {
                let Some(segment) = topic.segments.get(*i) else {
                    continue;
                };
                let english = strong_texts(&segment.english);
                if english.is_empty() || in_note {
                    let sentence = super::repair::flat_text(&segment.english);
                    if sentence.chars().any(char::is_alphanumeric) {
                        instructions.push(Instruction::new(anchors.len(), &sentence));
                    }
                    continue;
                }
                let mut localized = strong_texts(&segment.localized);
                if localized.is_empty() {
                    // Pattern 6: the bold was replaced by quotes (`选择“客户”`): as many
                    // quoted labels as English bold terms are the localized labels.
                    let quoted =
                        super::repair::quoted_labels(&super::repair::flat_text(&segment.localized));
                    if quoted.len() == english.len() {
                        localized = quoted;
                    }
                }
                let aligned = english.len() == localized.len();
                if !aligned && !english.is_empty() {
                    diagnostics.push(Diagnostic {
                        line: segment.line,
                        column: 1,
                        severity: Severity::Warning,
                        code: Code::AnchorLabelMissing,
                        message: format!(
                            "step {step}: the translation has {} bold UI term(s) where the English has {} ({}); the localized label{} cannot be aligned",
                            localized.len(),
                            english.len(),
                            english.join(", "),
                            if english.len() == 1 { "" } else { "s" },
                        ),
                    });
                }
                for (k, label) in english.iter().enumerate() {
                    if !is_ui_term(label) {
                        diagnostics.push(not_an_anchor(segment.line, step, label));
                        continue;
                    }
                    push_anchor(anchors, label, aligned.then(|| localized[k].clone()));
                }
            }
            // Bold outside any segment is untranslated: the same in both views.
            Inline::Strong(children) => {
                let label = super::repair::flat_text(children);
                match inlines.get(at + 1).and_then(explicit_key) {
                    // `**Clients**{#customers}`: the writer named the key.
                    Some((key, _)) => {
                        let before = anchors.len();
                        push_anchor(anchors, &label, Some(label.clone()));
                        if let Some(anchor) = anchors.get_mut(before) {
                            anchor.key = key;
                        }
                    }
                    None if is_ui_term(&label) && !in_note => {
                        push_anchor(anchors, &label, Some(label.clone()))
                    }
                    None => {}
                }
            }
            Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                collect_anchors(topic, c, in_note, step, anchors, instructions, diagnostics)
            }
            _ => {}
        }
    }
}

fn not_an_anchor(line: u32, step: usize, label: &str) -> Diagnostic {
    Diagnostic {
        line,
        column: 1,
        severity: Severity::Info,
        code: Code::BoldNotAnchor,
        message: format!(
            "step {step}: bold `{label}` is a number or a whole sentence, not a UI element; no anchor"
        ),
    }
}

fn push_anchor(anchors: &mut Vec<Anchor>, english: &str, localized: Option<String>) {
    let key = slug(english);
    if key.is_empty() {
        return;
    }
    let tidy = |label: &str| {
        label
            .trim_matches(|c: char| c.is_whitespace() || DIRECTION_MARKS.contains(&c))
            .to_string()
    };
    anchors.push(Anchor {
        key,
        english: tidy(english),
        localized: localized.map(|l| tidy(&l)).filter(|l| !l.is_empty()),
    });
}
