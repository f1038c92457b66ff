//! The floor with Yew: a step counter with a list, built the way the widget's components
//! are (state in a reducer shared through a context, an effect, a node reference).
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Steps {
    at: u32,
}

enum Move {
    Next,
    Back,
}

impl Reducible for Steps {
    type Action = Move;
    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let at = match action {
            Move::Next => self.at + 1,
            Move::Back => self.at.saturating_sub(1),
        };
        Rc::new(Steps { at })
    }
}

type Context = UseReducerHandle<Steps>;

#[component]
fn Step() -> Html {
    let steps = use_context::<Context>().expect("context");
    let next = {
        let steps = steps.clone();
        Callback::from(move |_: MouseEvent| steps.dispatch(Move::Next))
    };
    let keys = {
        let steps = steps.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "ArrowLeft" {
                steps.dispatch(Move::Back)
            }
        })
    };
    html! {
        <div onkeydown={keys}>
            <button onclick={next} aria-label="Next">{ format!("Next {}", steps.at) }</button>
            if steps.at > 0 {
                <ul>{ for (0..steps.at).map(|i| html! { <li key={i}>{ i }</li> }) }</ul>
            }
        </div>
    }
}

#[component]
fn App() -> Html {
    let steps = use_reducer(Steps::default);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(steps.at, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.set_attribute("data-drawn", "1");
            }
        });
    }
    html! {
        <ContextProvider<Context> context={steps}>
            <section ref={node}><Step /></section>
        </ContextProvider<Context>>
    }
}

fn main() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        yew::Renderer::<App>::with_root(body.into()).render();
    }
}
