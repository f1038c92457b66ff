//! Renders parsed blocks and inline runs in a [`View`].
//!
//! A compiled topic is read as it comes from the server, so what reaches the page is
//! checked here again, whatever the file says: every link target goes through
//! [`check_url`] (the check the compiler applies) and anything it refuses is shown as
//! text; the text and the nodes laid out per call are bounded ([`MAX_RENDERED_CHARS`],
//! [`MAX_RENDERED_NODES`]), containers deeper than [`MAX_RENDERED_DEPTH`] are laid out
//! flat, and long runs without a break opportunity get one every
//! [`MAX_UNBROKEN_RUN`] characters (`<wbr>`), so that line breaking stays cheap whatever
//! the font (see `assets/helpmark.css` and the README's limits).

use std::cell::Cell;

use yew::prelude::*;

use crate::content::{AlertKind, Block, Href, Inline, Topic, View};
use crate::limits::{
    breaks_line, MAX_RENDERED_CHARS, MAX_RENDERED_DEPTH, MAX_RENDERED_NODES, MAX_TITLE_CHARS,
    MAX_UNBROKEN_RUN,
};
use crate::safe_url::{check_url, is_topic_slug, SafeUrl};

thread_local! {
    /// Topics that links name but the catalog does not have, and where the published
    /// articles are (`data-docs-base`), as the panel last said.
    static UNLINKED: std::cell::RefCell<(std::rc::Rc<Vec<String>>, Option<String>)> =
        Default::default();
}

/// Says which topics are not in the catalog: links to them open the published article
/// (`docs_base` + slug) in a new tab, or render as plain text without a `docs_base`.
pub fn set_unlinked(slugs: std::rc::Rc<Vec<String>>, docs_base: Option<String>) {
    UNLINKED.with(|u| *u.borrow_mut() = (slugs, docs_base));
}

/// An anchor name as headings get them: letters, digits, `-`, `_`.
fn is_anchor_name(name: &str) -> bool {
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_unlinked(slug: &str) -> bool {
    UNLINKED.with(|u| u.borrow().0.iter().any(|s| s == slug))
}

/// The published article of a topic found not to be in the catalog, when the host says
/// where they are.
fn published(href: &Href) -> Option<String> {
    let Href::Topic { slug, .. } = href else {
        return None;
    };
    if !is_topic_slug(slug) || !is_unlinked(slug) {
        return None;
    }
    let base = UNLINKED.with(|u| u.borrow().1.clone())?;
    match check_url(&format!("{base}{slug}"))? {
        SafeUrl::Absolute(url) => Some(url),
        _ => None,
    }
}

/// What is left of the budget of one render call: characters of text and nodes.
struct Budget {
    chars: Cell<usize>,
    nodes: Cell<usize>,
    /// How many containers (quotes, lists, alerts, tabs) the block being rendered is in.
    depth: Cell<usize>,
}

impl Budget {
    fn new(chars: usize) -> Budget {
        Budget {
            chars: Cell::new(chars),
            nodes: Cell::new(MAX_RENDERED_NODES),
            depth: Cell::new(0),
        }
    }

    /// Takes one node; false when none is left (or no text is).
    fn node(&self) -> bool {
        let nodes = self.nodes.get();
        if nodes == 0 || self.chars.get() == 0 {
            return false;
        }
        self.nodes.set(nodes - 1);
        true
    }
}

/// Renders blocks of `topic` in `view`.
pub fn render_blocks(topic: &Topic, blocks: &[Block], view: View) -> Html {
    let budget = Budget::new(MAX_RENDERED_CHARS);
    blocks_in(topic, blocks, view, &budget)
}

fn blocks_in(topic: &Topic, blocks: &[Block], view: View, budget: &Budget) -> Html {
    blocks
        .iter()
        .map(|b| render_block(topic, b, view, budget))
        .collect()
}

fn render_block(topic: &Topic, block: &Block, view: View, budget: &Budget) -> Html {
    if !budget.node() {
        return Html::default();
    }
    let container = matches!(
        block,
        Block::List { .. }
            | Block::Checklist(_)
            | Block::Alert { .. }
            | Block::Quote(_)
            | Block::Tabs(_)
    );
    let depth = budget.depth.get();
    if !container {
        return draw_block(topic, block, view, budget);
    }
    // Deeper than MAX_RENDERED_DEPTH containers: their content, laid out flat.
    if depth >= MAX_RENDERED_DEPTH {
        return match block {
            Block::List { items, .. } | Block::Checklist(items) => items
                .iter()
                .filter(|_| budget.node())
                .map(|item| blocks_in(topic, item, view, budget))
                .collect(),
            Block::Alert { blocks, .. } | Block::Quote(blocks) => {
                blocks_in(topic, blocks, view, budget)
            }
            Block::Tabs(tabs) => tabs
                .iter()
                .filter(|_| budget.node())
                .map(|tab| {
                    html! { <>{ inlines_in(topic, &tab.label, view, budget) }{ blocks_in(topic, &tab.blocks, view, budget) }</> }
                })
                .collect(),
            _ => draw_block(topic, block, view, budget),
        };
    }
    budget.depth.set(depth + 1);
    let html = draw_block(topic, block, view, budget);
    budget.depth.set(depth);
    html
}

fn draw_block(topic: &Topic, block: &Block, view: View, budget: &Budget) -> Html {
    match block {
        Block::Heading { level, content, .. } => {
            // Topic headings sit under the panel's own h2.
            let tag = match level {
                1 | 2 => "h3",
                3 => "h4",
                _ => "h5",
            };
            html! { <@{tag} class="hm-heading">{ inlines_in(topic, content, view, budget) }</@> }
        }
        Block::Paragraph(content) => html! { <p>{ inlines_in(topic, content, view, budget) }</p> },
        Block::List {
            start: Some(start),
            items,
        } => html! {
            <ol start={start.to_string()}>
                { for items.iter().filter(|_| budget.node()).map(|item| html! { <li>{ blocks_in(topic, item, view, budget) }</li> }) }
            </ol>
        },
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().filter(|_| budget.node()).map(|item| html! { <li>{ blocks_in(topic, item, view, budget) }</li> }) }</ul>
        },
        Block::Alert { kind, blocks } => {
            let class = classes!("hm-alert", alert_class(*kind));
            html! { <div {class} role="note">{ blocks_in(topic, blocks, view, budget) }</div> }
        }
        Block::Quote(blocks) => {
            html! { <blockquote>{ blocks_in(topic, blocks, view, budget) }</blockquote> }
        }
        Block::Code { code, .. } => {
            html! { <pre class="hm-code"><code>{ bounded_text(code, budget) }</code></pre> }
        }
        Block::Table { head, rows } => html! {
            <div class="hm-table-wrap">
                <table>
                    if !head.is_empty() {
                        <thead><tr>{ for head.iter().filter(|_| budget.node()).map(|c| html! { <th scope="col">{ inlines_in(topic, c, view, budget) }</th> }) }</tr></thead>
                    }
                    <tbody>
                        { for rows.iter().filter(|_| budget.node()).map(|row| html! {
                            <tr>{ for row.iter().filter(|_| budget.node()).map(|c| html! { <td>{ inlines_in(topic, c, view, budget) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        // Article images are screenshots of the product; the step view points at the real
        // element instead, so only their description is kept.
        Block::Image { alt, .. } if !alt.is_empty() => {
            html! { <p class="hm-image-alt">{ bounded_text(alt, budget) }</p> }
        }
        Block::Image { .. } => Html::default(),
        // Build-time inclusions are not available to the widget.
        Block::Include { .. } => Html::default(),
        Block::NextStep(content) => {
            html! { <p class="hm-next-step">{ inlines_in(topic, content, view, budget) }</p> }
        }
        // Tabs read one after the other: each label as a heading over its content.
        Block::Tabs(tabs) => tabs
            .iter()
            .filter(|_| budget.node())
            .map(|tab| {
                html! {
                    <section class="hm-tab">
                        <h4 class="hm-heading">{ inlines_in(topic, &tab.label, view, budget) }</h4>
                        { blocks_in(topic, &tab.blocks, view, budget) }
                    </section>
                }
            })
            .collect(),
        Block::Checklist(items) => html! {
            <ul class="hm-checklist">{ for items.iter().filter(|_| budget.node()).map(|item| html! { <li>{ blocks_in(topic, item, view, budget) }</li> }) }</ul>
        },
        Block::Rule => html! { <hr /> },
    }
}

fn alert_class(kind: AlertKind) -> &'static str {
    match kind {
        AlertKind::Note => "hm-alert-note",
        AlertKind::Tip => "hm-alert-tip",
        AlertKind::Important => "hm-alert-important",
        AlertKind::Caution => "hm-alert-caution",
        AlertKind::Warning => "hm-alert-warning",
    }
}

/// Renders inline runs of `topic` in `view`; segment references resolve to their half.
pub fn render_inlines(topic: &Topic, runs: &[Inline], view: View) -> Html {
    let budget = Budget::new(MAX_RENDERED_CHARS);
    inlines_in(topic, runs, view, &budget)
}

fn inlines_in(topic: &Topic, runs: &[Inline], view: View, budget: &Budget) -> Html {
    runs.iter()
        .map(|r| render_inline(topic, r, view, budget))
        .collect()
}

fn render_inline(topic: &Topic, run: &Inline, view: View, budget: &Budget) -> Html {
    if !budget.node() {
        return Html::default();
    }
    match run {
        Inline::Text(text) => bounded_text(text, budget),
        Inline::Strong(c) => html! { <strong>{ inlines_in(topic, c, view, budget) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ inlines_in(topic, c, view, budget) }</em> },
        Inline::Code(code) => html! { <code>{ bounded_text(code, budget) }</code> },
        Inline::Break => html! { <br /> },
        Inline::Segment(i) => inlines_in(topic, topic.segment(*i, view), view, budget),
        Inline::Link { href, children } => match link_target(href).or_else(|| published(href)) {
            Some(url) => html! {
                <a href={url} target="_blank" rel="noopener noreferrer">{ inlines_in(topic, children, view, budget) }</a>
            },
            // A link to another topic opens it in the widget (the panel handles the click
            // on `data-hm-topic`); one found not to be in the catalog is the published
            // article (above) or, without `data-docs-base`, plain text. Files
            // beside the article and refused targets never reach the page: their words
            // are kept.
            // (A fragment other than an anchor name leaves the link as words.)
            None if matches!(href, Href::Topic { slug, fragment } if is_topic_slug(slug)
                && !is_unlinked(slug) && fragment.as_deref().is_none_or(is_anchor_name)) =>
            {
                let slug = match href {
                    Href::Topic { slug, .. } => slug.clone(),
                    _ => String::new(),
                };
                html! {
                    <a class="hm-ref" href={format!("#{slug}")} data-hm-topic={slug}>{ inlines_in(topic, children, view, budget) }</a>
                }
            }
            None => inlines_in(topic, children, view, budget),
        },
    }
}

/// Plain text (a title), bounded and with break opportunities as content text is.
pub fn render_text(text: &str) -> Html {
    bounded_text(text, &Budget::new(MAX_TITLE_CHARS))
}

/// `text` cut to `max` characters, with an ellipsis when cut (for attributes).
pub fn truncated(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}\u{2026}", &text[..at]),
        None => text.to_string(),
    }
}

/// The `href` a link gets on the page: only an external link whose target passes
/// [`check_url`] as an absolute `http:`, `https:` or `mailto:` URL, whatever the compiled
/// file calls it.
fn link_target(href: &Href) -> Option<String> {
    match href {
        Href::External(url) => match check_url(url)? {
            SafeUrl::Absolute(url) => Some(url),
            _ => None,
        },
        _ => None,
    }
}

/// `text` within the budget, with a break opportunity (`<wbr>`) in every run of more
/// than [`MAX_UNBROKEN_RUN`] characters without one; an ellipsis where the budget ends.
fn bounded_text(text: &str, budget: &Budget) -> Html {
    let left = budget.chars.get();
    let mut pieces: Vec<Html> = Vec::new();
    let mut start = 0;
    let mut run = 0;
    let mut count = 0;
    let mut end = text.len();
    let mut cut = false;
    for (i, c) in text.char_indices() {
        if count == left {
            end = i;
            cut = true;
            break;
        }
        count += 1;
        if breaks_line(c) {
            run = 0;
        } else {
            run += 1;
            if run > MAX_UNBROKEN_RUN {
                pieces.push(html! { { text[start..i].to_string() } });
                pieces.push(html! { <wbr /> });
                start = i;
                run = 1;
            }
        }
    }
    budget.chars.set(if cut { 0 } else { left - count });
    if pieces.is_empty() && !cut {
        return html! { { text.to_string() } };
    }
    pieces.push(html! { { text[start..end].to_string() } });
    if cut {
        pieces.push(html! { { "\u{2026}" } });
    }
    pieces.into_iter().collect()
}
