//! Renders parsed blocks and inline runs in a [`View`].

use yew::prelude::*;

use crate::content::{AlertKind, Block, Href, Inline, Topic, View};

/// Renders blocks of `topic` in `view`.
pub fn render_blocks(topic: &Topic, blocks: &[Block], view: View) -> Html {
    blocks
        .iter()
        .map(|b| render_block(topic, b, view))
        .collect()
}

fn render_block(topic: &Topic, block: &Block, view: View) -> Html {
    match block {
        Block::Heading { level, content, .. } => {
            // Topic headings sit under the panel's own h2.
            let tag = match level {
                1 | 2 => "h3",
                3 => "h4",
                _ => "h5",
            };
            html! { <@{tag} class="hm-heading">{ render_inlines(topic, content, view) }</@> }
        }
        Block::Paragraph(content) => html! { <p>{ render_inlines(topic, content, view) }</p> },
        Block::List {
            start: Some(start),
            items,
        } => html! {
            <ol start={start.to_string()}>
                { for items.iter().map(|item| html! { <li>{ render_blocks(topic, item, view) }</li> }) }
            </ol>
        },
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ render_blocks(topic, item, view) }</li> }) }</ul>
        },
        Block::Alert { kind, blocks } => {
            let class = classes!("hm-alert", alert_class(*kind));
            html! { <div {class} role="note">{ render_blocks(topic, blocks, view) }</div> }
        }
        Block::Quote(blocks) => {
            html! { <blockquote>{ render_blocks(topic, blocks, view) }</blockquote> }
        }
        Block::Code { code, .. } => {
            html! { <pre class="hm-code"><code>{ code.clone() }</code></pre> }
        }
        Block::Table { head, rows } => html! {
            <div class="hm-table-wrap">
                <table>
                    if !head.is_empty() {
                        <thead><tr>{ for head.iter().map(|c| html! { <th scope="col">{ render_inlines(topic, c, view) }</th> }) }</tr></thead>
                    }
                    <tbody>
                        { for rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|c| html! { <td>{ render_inlines(topic, c, view) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        // Article images are screenshots of the product; the step view points at the real
        // element instead, so only their description is kept.
        Block::Image { alt, .. } if !alt.is_empty() => {
            html! { <p class="hm-image-alt">{ alt.clone() }</p> }
        }
        Block::Image { .. } => Html::default(),
        // Build-time inclusions are not available to the widget.
        Block::Include { .. } => Html::default(),
        Block::NextStep(content) => {
            html! { <p class="hm-next-step">{ render_inlines(topic, content, view) }</p> }
        }
        // Tabs read one after the other: each label as a heading over its content.
        Block::Tabs(tabs) => tabs
            .iter()
            .map(|tab| {
                html! {
                    <section class="hm-tab">
                        <h4 class="hm-heading">{ render_inlines(topic, &tab.label, view) }</h4>
                        { render_blocks(topic, &tab.blocks, view) }
                    </section>
                }
            })
            .collect(),
        Block::Checklist(items) => html! {
            <ul class="hm-checklist">{ for items.iter().map(|item| html! { <li>{ render_blocks(topic, item, view) }</li> }) }</ul>
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
    runs.iter().map(|r| render_inline(topic, r, view)).collect()
}

fn render_inline(topic: &Topic, run: &Inline, view: View) -> Html {
    match run {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Strong(c) => html! { <strong>{ render_inlines(topic, c, view) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ render_inlines(topic, c, view) }</em> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Break => html! { <br /> },
        Inline::Segment(i) => render_inlines(topic, topic.segment(*i, view), view),
        Inline::Link {
            href: Href::External(url),
            children,
        } => html! {
            <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ render_inlines(topic, children, view) }</a>
        },
        // Links to other topics and to files beside the article have no page to open in
        // the widget yet: their words are kept.
        Inline::Link { children, .. } => html! {
            <span class="hm-ref">{ render_inlines(topic, children, view) }</span>
        },
    }
}
