//! Browser tests of the `dom` layer and of mounting the widget, in headless Chromium
//! (`wasm-bindgen-test`). Each test works on its own fresh elements.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use helpmark::dom::{self, Detail, FetchError, ShadowHostGuard, HOST_ATTRIBUTE};
use helpmark::embed::{mount, Config};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn hosts() -> u32 {
    document()
        .query_selector_all(&format!("[{HOST_ATTRIBUTE}]"))
        .unwrap()
        .length()
}

/// Lets pending promises and Yew's scheduled renders run.
async fn settle() {
    for _ in 0..5 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

#[wasm_bindgen_test]
fn the_shadow_host_is_removed_when_its_guard_drops() {
    let before = hosts();
    let guard = ShadowHostGuard::attach("missing.css").unwrap();
    assert_eq!(hosts(), before + 1);
    let mount = guard.mount();
    let root = mount.get_root_node();
    assert!(
        root.dyn_ref::<web_sys::ShadowRoot>().is_some(),
        "mount point is inside a shadow root"
    );
    drop(guard);
    assert_eq!(hosts(), before);
}

#[wasm_bindgen_test]
async fn the_host_is_revealed_once_the_stylesheet_settles() {
    // A stylesheet that fails to load must not leave the widget hidden forever.
    let guard = ShadowHostGuard::attach("/no-such-stylesheet.css").unwrap();
    let host = guard
        .mount()
        .get_root_node()
        .unchecked_into::<web_sys::ShadowRoot>()
        .host();
    assert!(host.has_attribute("hidden"));
    settle().await;
    assert!(!host.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_missing_file_is_an_http_404_not_a_network_error() {
    let result = dom::fetch_text("/no-such-file-for-helpmark.md", false).await;
    assert_eq!(result, Err(FetchError::Status(404)));
}

#[wasm_bindgen_test]
async fn an_unreachable_origin_is_a_network_error() {
    let result = dom::fetch_text("http://127.0.0.1:9/help/manifest.json", false).await;
    assert!(matches!(result, Err(FetchError::Network(_))), "{result:?}");
}

#[wasm_bindgen_test]
fn events_reach_document_listeners_with_their_detail() {
    let seen: Rc<RefCell<Option<(String, f64, bool)>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        gloo::events::EventListener::new(&document(), "helpmark:test", move |event| {
            let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
            let get = |k: &str| js_sys::Reflect::get(&detail, &k.into()).unwrap();
            *seen.borrow_mut() = Some((
                get("locale").as_string().unwrap(),
                get("step").as_f64().unwrap(),
                get("found").as_bool().unwrap(),
            ));
        })
    };
    dom::dispatch(
        "helpmark:test",
        &[
            ("locale", Detail::Str("de-DE")),
            ("step", Detail::Num(2.0)),
            ("found", Detail::Bool(true)),
        ],
    );
    drop(listener);
    assert_eq!(*seen.borrow(), Some(("de-DE".to_string(), 2.0, true)));
}

#[wasm_bindgen_test]
async fn the_widget_mounts_a_labelled_help_icon_and_unmounts_cleanly() {
    // Arrange: a config whose content base does not exist, in German.
    let before = hosts();
    let mut config = Config::new(None, None, vec!["de-AT".into()]);
    config.content_base = "/no-such-content/".into();
    let errors: Rc<RefCell<u32>> = Rc::default();
    let listener = {
        let errors = errors.clone();
        gloo::events::EventListener::new(&document(), "helpmark:error", move |_| {
            *errors.borrow_mut() += 1
        })
    };

    // Act
    let widget = mount(config).unwrap();
    settle().await;

    // Assert: the icon is in the shadow root with a German name; the failed load was
    // reported once; destroying removes everything.
    let host = document()
        .query_selector(&format!("[{HOST_ATTRIBUTE}]:last-of-type"))
        .unwrap()
        .unwrap();
    let shadow = host.shadow_root().unwrap();
    let launcher = shadow.query_selector(".hm-launcher").unwrap().unwrap();
    assert_eq!(
        launcher.get_attribute("aria-label").as_deref(),
        Some("Hilfe")
    );
    assert_eq!(*errors.borrow(), 1);
    launcher.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let error = shadow
        .query_selector(".hm-error")
        .unwrap()
        .expect("error message shown");
    assert!(error
        .text_content()
        .unwrap()
        .contains("Das Hilfethema konnte nicht geladen werden."));
    drop(listener);
    widget.destroy();
    assert_eq!(hosts(), before);
}
