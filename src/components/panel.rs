//! The help icon and the panel.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Topic, View};
use crate::geometry::Placement;
use crate::guide::GuideState;
use crate::locale::{Direction, UiStrings};

use super::{render_blocks, render_text, truncated};
use crate::limits::MAX_TITLE_CHARS;

/// The most characters of a step announced when it changes.
const MAX_ANNOUNCED_CHARS: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct LauncherProps {
    pub strings: &'static UiStrings,
    pub expanded: bool,
    pub on_click: Callback<()>,
    /// The button, so focus can return to it when the panel closes.
    pub button_ref: NodeRef,
}

/// The help icon, fixed in a corner of the page.
#[component]
pub fn Launcher(props: &LauncherProps) -> Html {
    let on_click = props.on_click.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="hm-launcher" aria-label={props.strings.help} ref={props.button_ref.clone()}
                aria-expanded={props.expanded.to_string()} aria-controls="hm-panel" onclick={on_click}>
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm-1-5h2v2h-2v-2Zm1-10a4 4 0 0 0-4 4h2a2 2 0 1 1 3.2 1.6c-.9.7-2.2 1.6-2.2 3.4h2c0-1 .6-1.5 1.4-2.1A4 4 0 0 0 12 5Z"/>
            </svg>
        </button>
    }
}

/// What the panel shows.
#[derive(Clone, PartialEq)]
pub enum PanelBody {
    Loading,
    /// A loaded topic, read in `view`.
    Topic {
        topic: Rc<Topic>,
        view: View,
    },
    /// A message for the reader (the details went to the console and an event).
    Error {
        message: &'static str,
    },
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub strings: &'static UiStrings,
    pub locale: AttrValue,
    pub direction: Direction,
    pub body: PanelBody,
    pub guide: GuideState,
    /// The corner that keeps the panel off the highlighted element.
    pub placement: Placement,
    pub panel_ref: NodeRef,
    /// "Waiting for the element" or "not on this page", when that is the case.
    pub target_note: Option<&'static str>,
    /// `found`, `waiting`, `missing` or `none`: the state of the highlighted element, as
    /// `data-target-status` on the panel for hosts, styles and tests.
    pub target_status: &'static str,
    /// The title, which takes focus when the user opens the panel.
    pub title_ref: NodeRef,
    pub on_close: Callback<()>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    pub on_retry: Callback<()>,
}

/// The non-modal help panel: title, lead, one step at a time with Back and Next.
///
/// Keyboard: Escape closes it; the arrow keys move between steps in the reading direction
/// (right is "next" left to right, "back" right to left), except in a text field.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let s = props.strings;
    // "Show original (English)" is per step: a new step starts in the translation.
    let original = use_state(|| false);
    {
        let original = original.clone();
        use_effect_with(props.guide.step, move |_| original.set(false));
    }
    let onkeydown = {
        let (close, next, back) = (
            props.on_close.clone(),
            props.on_next.clone(),
            props.on_back.clone(),
        );
        let rtl = props.direction == Direction::Rtl;
        let steps = props.guide.steps();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() || in_text_field(&e) {
                return;
            }
            let forward = match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    close.emit(());
                    return;
                }
                "ArrowRight" => !rtl,
                "ArrowLeft" => rtl,
                _ => return,
            };
            if steps > 0 {
                e.prevent_default();
                if forward {
                    next.emit(())
                } else {
                    back.emit(())
                }
            }
        })
    };
    let title = match &props.body {
        PanelBody::Topic { topic, view } => topic.title(*view),
        _ => s.help.to_string(),
    };
    let content = match &props.body {
        PanelBody::Loading => html! { <p class="hm-status" role="status">{ s.loading }</p> },
        PanelBody::Error { message } => html! {
            <div class="hm-error" role="alert">
                <p>{ *message }</p>
                <button type="button" class="hm-retry" onclick={props.on_retry.reform(|_: MouseEvent| ())}>{ s.retry }</button>
            </div>
        },
        PanelBody::Topic { topic, view } => topic_body(topic, *view, props, &original),
    };
    let show_nav = matches!(&props.body, PanelBody::Topic { topic, .. } if !topic.steps.is_empty());
    let guide = &props.guide;
    html! {
        <section id="hm-panel" class={classes!("hm-panel", props.placement.class())} role="region"
                 aria-label={format!("{}: {}", s.help, truncated(&title, MAX_TITLE_CHARS))} ref={props.panel_ref.clone()}
                 data-target-status={props.target_status} {onkeydown}
                 lang={props.locale.clone()} dir={props.direction.as_str()}>
            <header class="hm-header">
                <h2 class="hm-title" tabindex="-1" ref={props.title_ref.clone()}>{ render_text(&title) }</h2>
                <button type="button" class="hm-close" aria-label={s.close}
                        onclick={props.on_close.reform(|_: MouseEvent| ())}>
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z"/>
                    </svg>
                </button>
            </header>
            <div class="hm-body">{ content }</div>
            if show_nav {
                <footer class="hm-nav">
                    <button type="button" class="hm-back" disabled={guide.is_first()}
                            onclick={props.on_back.reform(|_: MouseEvent| ())}>{ s.back }</button>
                    <button type="button" class="hm-next" onclick={props.on_next.reform(|_: MouseEvent| ())}>
                        { if guide.is_last() { s.done } else { s.next } }
                    </button>
                </footer>
            }
        </section>
    }
}

/// Whether a key event comes from a field where the arrow keys move the caret.
fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target_dyn_into::<web_sys::Element>()
        .map(|t| {
            matches!(
                t.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            )
        })
        .unwrap_or(false)
}

fn topic_body(
    topic: &Topic,
    view: View,
    props: &PanelProps,
    original: &UseStateHandle<bool>,
) -> Html {
    let guide = &props.guide;
    let lead = topic.lead();
    let step = topic.steps.get(guide.step);
    let s = props.strings;
    // The English source of a translated step, on request (an accessible control, never
    // hover alone: the documentation site's hover failed accessibility guidelines).
    let can_show_original = view == View::Localized && !props.locale.starts_with("en");
    let step_view = if **original && can_show_original {
        View::English
    } else {
        view
    };
    let toggle = {
        let original = original.clone();
        Callback::from(move |_: MouseEvent| original.set(!*original))
    };
    let announcement = step
        .map(|st| {
            format!(
                "{}: {}",
                s.step_of(guide.step + 1, topic.steps.len()),
                // Bounded: a screen reader reads a step, not a book.
                truncated(&topic.blocks_text(&st.blocks, view), MAX_ANNOUNCED_CHARS)
            )
        })
        .unwrap_or_default();
    html! {
        <>
            if !lead.is_empty() {
                // Scrollable: reachable by keyboard.
                <div class="hm-lead" tabindex="0">{ render_blocks(topic, lead, view) }</div>
            }
            // The current step never scrolls out of sight: only the lead does.
            if let Some(step) = step {
                <div class="hm-current" tabindex="0">
                    if let Some(heading) = topic.procedure_heading() {
                        <div class="hm-procedure">{ render_blocks(topic, std::slice::from_ref(heading), view) }</div>
                    }
                    <p class="hm-progress">{ s.step_of(guide.step + 1, topic.steps.len()) }</p>
                    if step_view == View::English && view != View::English {
                        <div class="hm-step" lang="en" dir="ltr">{ render_blocks(topic, &step.blocks, step_view) }</div>
                    } else {
                        <div class="hm-step">{ render_blocks(topic, &step.blocks, step_view) }</div>
                    }
                    if can_show_original {
                        <button type="button" class="hm-original" aria-pressed={(**original).to_string()} onclick={toggle}>
                            { if **original { s.show_translation } else { s.show_original } }
                        </button>
                    }
                    if let Some(note) = props.target_note {
                        <p class="hm-target-note" role="status">{ note }</p>
                    }
                </div>
            }
            // Step changes are announced politely ("Step 2 of 3: ...").
            <p class="hm-live" aria-live="polite">{ announcement }</p>
        </>
    }
}
