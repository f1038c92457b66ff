//! The home screen: topics for this page, the topic left mid-way, search (an ARIA 1.2
//! combobox) and all topics, in the negotiated UI language.

use yew::prelude::*;

use crate::hooks::use_widget;
use crate::locale::UiStrings;
use crate::widget::{Item, WidgetAction};

/// The home screen's body.
#[component]
pub fn Home() -> Html {
    let widget = use_widget();
    let state = &widget.state;
    let s = state.strings();
    let c = &state.center;
    let search = &c.search;
    // Every topic of the screen (a list item, a search result, "Continue") names its slug
    // in `data-slug`, and the pager's buttons their page in `data-page`: one listener
    // does what was clicked.
    let onclick = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-slug],[data-page]").ok().flatten())
            else {
                return;
            };
            let page = target
                .get_attribute("data-page")
                .and_then(|p| p.parse().ok());
            let action = match (target.get_attribute("data-slug"), page) {
                (Some(slug), _) => WidgetAction::Show { slug, link: false },
                (None, Some(page)) => WidgetAction::Page(page),
                (None, None) => return,
            };
            dispatcher.dispatch(action);
        })
    };
    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatcher.dispatch(WidgetAction::Query(input.value()));
            }
        })
    };
    let onkeydown = {
        let dispatcher = state.dispatcher();
        let hits = search.hits.clone();
        let active = search.active;
        let typed = !search.query.is_empty();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowDown" => WidgetAction::Move(1),
                "ArrowUp" => WidgetAction::Move(-1),
                "Enter" => match hits.get(active.unwrap_or(0)) {
                    Some(hit) => WidgetAction::Show {
                        slug: hit.slug.clone(),
                        link: false,
                    },
                    None => return,
                },
                // Escape empties the box first; the panel closes on the next one.
                "Escape" if typed => WidgetAction::ClearSearch,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            dispatcher.dispatch(action);
        })
    };
    let answered = !search.query.trim().is_empty() && search.answered == search.query;
    let expanded = answered && !search.hits.is_empty();
    let status = if !answered {
        String::new()
    } else if search.hits.is_empty() {
        s.no_results.to_string()
    } else {
        s.results.replace("{n}", &search.hits.len().to_string())
    };
    let item = |i: &Item| {
        html! {
            <li><button type="button" class="hm-topic" data-slug={i.slug.clone()}>
                { i.title.clone() }{ done_mark(state.is_done(&i.slug), s) }
            </button></li>
        }
    };
    let page = c.page;
    html! {
        <div class="hm-home" {onclick}>
            <div class="hm-search">
                <input type="text" class="hm-query" role="combobox" aria-label={s.search} placeholder={s.search}
                       aria-autocomplete="list" aria-controls="hm-results" aria-expanded={if expanded { "true" } else { "false" }}
                       aria-activedescendant={search.active.filter(|_| expanded).map(|a| format!("hm-r{a}"))}
                       value={search.query.clone()} {oninput} {onkeydown} autocomplete="off" spellcheck="false" />
                <ul id="hm-results" class="hm-results" role="listbox" aria-label={s.search} hidden={!expanded}>
                    { for search.hits.iter().enumerate().map(|(n, hit)| {
                        let selected = search.active == Some(n);
                        html! {
                            <li id={format!("hm-r{n}")} role="option" aria-selected={if selected { "true" } else { "false" }}
                                class={classes!("hm-result", selected.then_some("hm-active"))}
                                data-slug={hit.slug.clone()}>
                                { marked(&hit.title, &hit.marks) }{ done_mark(state.is_done(&hit.slug), s) }
                            </li>
                        }
                    }) }
                </ul>
                <p class="hm-count" role="status">{ status }</p>
            </div>
            if let Some(left) = &c.left {
                <h3 class="hm-section">{ s.resume }</h3>
                <button type="button" class="hm-continue" data-slug={left.slug.clone()}>
                    { format!("{}, {}", left.title, s.step_of(left.step + 1, left.steps)) }
                </button>
            }
            if !c.suggestions.is_empty() {
                <h3 class="hm-section">{ s.for_this_page }</h3>
                <ul class="hm-list hm-for-page">{ for c.suggestions.iter().map(item) }</ul>
            }
            <h3 class="hm-section">{ s.all_topics }</h3>
            <ul class="hm-list hm-all">{ for c.list.iter().map(item) }</ul>
            if c.pages > 1 {
                <nav class="hm-pages" aria-label={s.all_topics}>
                    <button type="button" disabled={page == 0}
                            data-page={page.saturating_sub(1).to_string()}>{ s.back }</button>
                    <span>{ format!("{}/{}", page + 1, c.pages) }</span>
                    <button type="button" disabled={page + 1 >= c.pages}
                            data-page={(page + 1).to_string()}>{ s.next }</button>
                </nav>
            }
        </div>
    }
}

/// "✓ Done" after a finished topic's title.
pub fn done_mark(done: bool, s: &UiStrings) -> Html {
    html! {
        if done {
            <span class="hm-done-mark">{ format!(" ✓ {}", s.done) }</span>
        }
    }
}

/// `text` with the byte ranges `marks` in `<mark>` (ranges off a character boundary or out
/// of order are skipped).
fn marked(text: &str, marks: &[(usize, usize)]) -> Html {
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        if start < at
            || end <= start
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end.min(text.len()))
        {
            continue;
        }
        let end = end.min(text.len());
        out.push(html! { { text[at..start].to_string() } });
        out.push(html! { <mark>{ text[start..end].to_string() }</mark> });
        at = end;
    }
    out.push(html! { { text[at..].to_string() } });
    out.into_iter().collect()
}
