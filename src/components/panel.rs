//! The help icon and the panel.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Topic, View};
use crate::dom;
use crate::geometry::{launcher_inset, Placement};
use crate::guide::{GuideAction, GuideState};
use crate::hooks::use_widget;
use crate::locale::{direction, Direction, UiStrings};
use crate::widget::{FailureKind, Load, Screen, WidgetAction};

use super::{render_blocks, render_text, truncated};
use crate::limits::MAX_TITLE_CHARS;

/// The most characters of a step announced when it changes.
const MAX_ANNOUNCED_CHARS: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct LauncherProps {
    /// The button, so focus can return to it when the panel closes.
    pub button_ref: NodeRef,
}

/// The help icon, in the corner the host chose (placed by [`launcher_inset`]).
#[component]
pub fn Launcher(props: &LauncherProps) -> Html {
    let widget = use_widget();
    let corner = widget.config.corner;
    {
        let button = props.button_ref.clone();
        use_effect_with(corner, move |corner| {
            if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                dom::set_inset(&button, &launcher_inset(*corner));
            }
        });
    }
    let state = &widget.state;
    let on_click = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(WidgetAction::Guide(GuideAction::Toggle))
        })
    };
    html! {
        <button type="button" class="hm-launcher" aria-label={state.strings().help} ref={props.button_ref.clone()}
                aria-expanded={state.guide.open.to_string()} aria-controls="hm-panel" onclick={on_click}>
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <path fill="currentColor" d={ICON_PATH}/>
            </svg>
        </button>
    }
}

/// The help icon's SVG path (the loader draws the same icon before the widget loads:
/// `helpmark loader` copies it into `helpmark.js`).
pub const ICON_PATH: &str = "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm-1-5h2v2h-2v-2Zm1-10a4 4 0 0 0-4 4h2a2 2 0 1 1 3.2 1.6c-.9.7-2.2 1.6-2.2 3.4h2c0-1 .6-1.5 1.4-2.1A4 4 0 0 0 12 5Z";

/// What the panel shows.
#[derive(Clone, PartialEq)]
enum PanelBody {
    Home,
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

/// The state of the element the current step points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetMark {
    /// The step points at nothing.
    None,
    Found,
    Waiting,
    Missing,
}

impl TargetMark {
    /// `data-target-status` on the panel, for hosts, styles and tests.
    fn as_str(self) -> &'static str {
        match self {
            TargetMark::None => "none",
            TargetMark::Found => "found",
            TargetMark::Waiting => "waiting",
            TargetMark::Missing => "missing",
        }
    }

    /// "Waiting for the element" or "not on this page", when that is the case.
    fn note(self, s: &UiStrings) -> Option<&'static str> {
        match self {
            TargetMark::Waiting => Some(s.waiting),
            TargetMark::Missing => Some(s.not_on_page),
            _ => None,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The corner that keeps the panel off the highlighted element and the icon.
    pub placement: Placement,
    pub panel_ref: NodeRef,
    /// The title, which takes focus when the user opens the panel.
    pub title_ref: NodeRef,
    pub target: TargetMark,
}

/// The non-modal help panel: title, lead, one step at a time with Back and Next.
///
/// Keyboard: Escape closes it; the arrow keys move between steps in the reading direction
/// (right is "next" left to right, "back" right to left), except in a text field.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let widget = use_widget();
    let state = &widget.state;
    let s = state.strings();
    let locale = state.locale();
    let direction = direction(&locale);
    let guide = &state.guide;
    let body = match &state.load {
        _ if state.screen == Screen::Home => PanelBody::Home,
        Load::Loading => PanelBody::Loading,
        Load::Ready(loaded) => PanelBody::Topic {
            topic: loaded.topic.clone(),
            view: loaded.entry.view(),
        },
        Load::Failed(failure) => PanelBody::Error {
            message: match failure.kind {
                FailureKind::Missing => s.topic_missing,
                FailureKind::Unreadable => s.topic_failed,
            },
        },
    };
    let on_close = widget.send(|| WidgetAction::Guide(GuideAction::Close));
    let on_next = widget.send(|| WidgetAction::Guide(GuideAction::Next));
    let on_back = widget.send(|| WidgetAction::Guide(GuideAction::Back));
    let on_retry = widget.send(|| WidgetAction::Retry);
    // A large topic is shown in stages, a task apart: the topic read (the panel still
    // says it is loading), then the title and the current step, then the lead. One as
    // large as the limits allow would otherwise be read, rendered, laid out (the
    // placement measures the panel) and painted in one task of 50-130 ms (hardening.spec).
    // Any other is shown at once, in the task that read it, with its highlight in the
    // same frame (issue #11). `staged` is the topic (by address: a topic read again goes
    // through the stages again) and its stage (1: the step shows, 2: the lead too).
    let (topic_at, large) = match &state.load {
        Load::Ready(loaded) => (Rc::as_ptr(&loaded.topic) as usize, loaded.large),
        _ => (0, false),
    };
    let staged = use_state(|| (0usize, 0u8));
    let stage = if !large {
        2
    } else if staged.0 == topic_at {
        staged.1
    } else {
        0
    };
    // "Show original (English)" is per step: a new step (or topic) starts in the
    // translation.
    let original = use_state(|| false);
    {
        let original = original.clone();
        let staged = staged.setter();
        use_effect_with((guide.step, topic_at, stage), move |&(_, at, stage)| {
            if *original {
                original.set(false);
            }
            let later = (at != 0 && stage < 2).then(|| {
                let next: Box<dyn FnOnce()> = Box::new(move || staged.set((at, stage + 1)));
                gloo::timers::callback::Timeout::new(0, next)
            });
            move || drop(later)
        });
    }
    let body = match body {
        PanelBody::Topic { .. } if stage == 0 => PanelBody::Loading,
        body => body,
    };
    let shown = match &body {
        PanelBody::Topic { topic, .. } => Rc::as_ptr(topic) as usize,
        _ => 0,
    };
    let steps = if state.screen == Screen::Topic {
        guide.steps()
    } else {
        0
    };
    let onkeydown = {
        let (close, next, back) = (on_close.clone(), on_next.clone(), on_back.clone());
        let rtl = direction == Direction::Rtl;
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
    // A topic's title and the current step's text (announced), read once per topic, view
    // and step: either can be as long as the limits let a topic be, and the panel renders
    // again on every change of the widget's state.
    let texts = {
        let body = body.clone();
        let view = match &body {
            PanelBody::Topic { view, .. } => Some(*view),
            _ => None,
        };
        use_memo(
            (shown, view, guide.step),
            move |&(_, _, step)| match &body {
                PanelBody::Topic { topic, view } => (
                    topic.title(*view),
                    topic.steps.get(step).map(|st| {
                        // Bounded: a screen reader reads a step, not a book.
                        truncated(&topic.blocks_text(&st.blocks, *view), MAX_ANNOUNCED_CHARS)
                    }),
                ),
                _ => (String::new(), None),
            },
        )
    };
    let title = match &body {
        PanelBody::Topic { .. } => &texts.0,
        _ => s.help,
    };
    let content = match &body {
        PanelBody::Home => html! { <super::Home /> },
        PanelBody::Loading => html! { <p class="hm-status" role="status">{ s.loading }</p> },
        PanelBody::Error { message } => html! {
            <div class="hm-error" role="alert">
                <p>{ *message }</p>
                <button type="button" class="hm-retry" onclick={on_click(&on_retry)}>{ s.retry }</button>
            </div>
        },
        PanelBody::Topic { topic, view } => {
            let step = StepContext {
                guide,
                strings: s,
                locale: &locale,
                target: props.target,
                lead: stage == 2,
                text: texts.1.as_deref(),
            };
            let done = state.is_done(&state.topic).then(|| {
                let slug = state.topic.clone();
                let not_done = widget.send(move || WidgetAction::NotDone(slug.clone()));
                html! {
                    <p class="hm-done">{ super::home::done_mark(true, s) }
                        <button type="button" class="hm-not-done" onclick={on_click(&not_done)}>{ s.not_done }</button>
                    </p>
                }
            });
            html! { <>{ done }{ topic_body(topic, *view, &step, &original) }</> }
        }
    };
    super::set_unlinked(
        state.center.unlinked.clone(),
        widget.config.docs_base.clone(),
    );
    // A link to another topic opens it here.
    let on_link = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            let link = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("a[data-hm-topic]").ok().flatten());
            if let Some(slug) = link.and_then(|l| l.get_attribute("data-hm-topic")) {
                e.prevent_default();
                dispatcher.dispatch(WidgetAction::Show { slug, link: true });
            }
        })
    };
    let home = state.screen == Screen::Topic;
    let on_home = widget.send(|| WidgetAction::Home);
    let on_history = widget.send(|| WidgetAction::HistoryBack);
    let previous = state
        .center
        .history
        .last()
        .map(|v| format!("{}: {}", s.back, v.title));
    let show_nav = matches!(&body, PanelBody::Topic { topic, .. } if !topic.steps.is_empty());
    html! {
        <section id="hm-panel" class={classes!("hm-panel", props.placement.class())} role="region"
                 aria-label={format!("{}: {}", s.help, truncated(title, MAX_TITLE_CHARS))} ref={props.panel_ref.clone()}
                 data-target-status={props.target.as_str()} {onkeydown}
                 lang={locale.clone()} dir={direction.as_str()}>
            <header class="hm-header">
                <h2 class="hm-title" tabindex="-1" ref={props.title_ref.clone()}>{ render_text(title) }</h2>
                <button type="button" class="hm-close" aria-label={s.close}
                        onclick={on_click(&on_close)}>
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z"/>
                    </svg>
                </button>
            </header>
            <div class="hm-body" onclick={on_link}>
                if home {
                    <nav class="hm-crumbs" aria-label={s.help}>
                        <button type="button" class="hm-home" onclick={on_click(&on_home)}>{ s.home }</button>
                        if let Some(previous) = previous {
                            <button type="button" class="hm-history-back" onclick={on_click(&on_history)}>{ previous }</button>
                        }
                    </nav>
                }
                { content }
            </div>
            if show_nav {
                <footer class="hm-nav">
                    <button type="button" class="hm-back" disabled={guide.is_first()}
                            onclick={on_click(&on_back)}>{ s.back }</button>
                    <button type="button" class="hm-next" onclick={on_click(&on_next)}>
                        { if guide.is_last() { s.done } else { s.next } }
                    </button>
                </footer>
            }
        </section>
    }
}

/// A click handler that emits `callback` (one copy of this code for every button).
fn on_click(callback: &Callback<()>) -> Callback<MouseEvent> {
    callback.reform(|_| ())
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

/// What the current step's view needs besides the topic.
struct StepContext<'a> {
    guide: &'a GuideState,
    strings: &'static UiStrings,
    locale: &'a str,
    target: TargetMark,
    /// Whether the lead is laid out yet (a task after the step).
    lead: bool,
    /// The current step's text, bounded (announced when the step changes).
    text: Option<&'a str>,
}

fn topic_body(
    topic: &Topic,
    view: View,
    context: &StepContext<'_>,
    original: &UseStateHandle<bool>,
) -> Html {
    let guide = context.guide;
    let lead = topic.lead();
    let step = topic.steps.get(guide.step);
    let s = context.strings;
    // The English source of a translated step, on request (an accessible control, never
    // hover alone: the documentation site's hover failed accessibility guidelines).
    let can_show_original = view == View::Localized && !context.locale.starts_with("en");
    let step_view = if **original && can_show_original {
        View::English
    } else {
        view
    };
    let toggle = {
        let original = original.clone();
        Callback::from(move |_: MouseEvent| original.set(!*original))
    };
    let announcement = context
        .text
        .map(|text| format!("{}: {}", s.step_of(guide.step + 1, topic.steps.len()), text))
        .unwrap_or_default();
    html! {
        <>
            if context.lead && !lead.is_empty() {
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
                    // A translation made from an older English source is still shown, with
                    // a note; the original is one control away.
                    if let (Some(note), true) = (&topic.meta.stale, can_show_original) {
                        <p class="hm-stale" role="note">{ note.clone() }</p>
                    }
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
                    if let Some(note) = context.target.note(s) {
                        <p class="hm-target-note" role="status">{ note }</p>
                    }
                </div>
            }
            // Step changes are announced politely ("Step 2 of 3: ...").
            <p class="hm-live" aria-live="polite">{ announcement }</p>
        </>
    }
}
