//! Browser tests of the `dom` layer and of mounting the widget, in headless Chromium
//! (`wasm-bindgen-test`). Each test works on its own fresh elements.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use helpmark::config::Config;
use helpmark::dom::{self, FetchError, ShadowHostGuard, HOST_ATTRIBUTE};
use helpmark::embed::mount;
use helpmark::host_event::HostEvent;
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

/// Makes the element the loader (`helpmark.js`) makes for the widget, the one way it is
/// built: `<div data-helpmark-host>` with an open shadow root holding `.hm-root`, which
/// the widget adopts.
fn loader_host() {
    let host = document().create_element("div").unwrap();
    host.set_attribute(HOST_ATTRIBUTE, "").unwrap();
    host.set_attribute("popover", "manual").unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let root = document().create_element("div").unwrap();
    root.set_class_name("hm-root");
    shadow.append_child(&root).unwrap();
    document()
        .document_element()
        .unwrap()
        .append_child(&host)
        .unwrap();
}

#[wasm_bindgen_test]
fn without_the_loaders_element_the_widget_does_not_build_one() {
    let before = hosts();
    assert!(ShadowHostGuard::adopt().is_err());
    assert!(mount(Config::new(None, None, vec![])).is_err());
    assert_eq!(hosts(), before);
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
    loader_host();
    let guard = ShadowHostGuard::adopt().unwrap();
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
fn the_host_is_styled_before_anything_renders_with_no_request_and_no_style_element() {
    // The stylesheet is compiled in and adopted at once: no <link> to wait for or to fail,
    // no <style> for a host's style-src to refuse, and the host is never hidden.
    loader_host();
    let guard = ShadowHostGuard::adopt().unwrap();
    let shadow = guard
        .mount()
        .get_root_node()
        .unchecked_into::<web_sys::ShadowRoot>();
    assert!(!shadow.host().has_attribute("hidden"));
    let sheets = shadow.adopted_style_sheets();
    assert_eq!(sheets.length(), 1);
    let sheet: web_sys::CssStyleSheet = sheets.get(0).unchecked_into();
    assert!(
        sheet.css_rules().unwrap().length() > 20,
        "the widget's rules"
    );
    assert!(shadow.query_selector("link, style").unwrap().is_none());
    // A rule of the stylesheet applies at once, before any frame.
    let launcher = document().create_element("button").unwrap();
    launcher.set_class_name("hm-launcher");
    guard.mount().append_child(&launcher).unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&launcher)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("position").unwrap(), "fixed");
    assert!(helpmark::dom::STYLESHEET.contains(".hm-panel{"));
}

#[wasm_bindgen_test]
async fn a_missing_file_is_an_http_404_not_a_network_error() {
    let result = dom::fetch_text("/no-such-file-for-helpmark.md", false, 4000).await;
    assert_eq!(result, Err(FetchError::Status(404)));
}

#[wasm_bindgen_test]
async fn an_unreachable_origin_is_a_network_error() {
    let result = dom::fetch_text("http://127.0.0.1:9/help/manifest.json", false, 4000).await;
    assert!(matches!(result, Err(FetchError::Network(_))), "{result:?}");
}

#[wasm_bindgen_test]
fn events_reach_document_listeners_with_their_detail() {
    let seen: Rc<RefCell<Option<(String, f64, bool)>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        gloo::events::EventListener::new(&document(), "helpmark:step", move |event| {
            let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
            let get = |k: &str| js_sys::Reflect::get(&detail, &k.into()).unwrap();
            *seen.borrow_mut() = Some((
                get("locale").as_string().unwrap(),
                get("step").as_f64().unwrap(),
                get("found").as_bool().unwrap(),
            ));
        })
    };
    dom::emit(&HostEvent::Step {
        topic: "t",
        locale: "de-DE",
        step: 2,
        steps: 3,
        anchor: "account",
        found: true,
        missing: &[],
    });
    drop(listener);
    assert_eq!(*seen.borrow(), Some(("de-DE".to_string(), 2.0, true)));
}

#[wasm_bindgen_test]
async fn the_widget_mounts_a_labelled_help_icon_and_unmounts_cleanly() {
    // Arrange: a config whose content base does not exist, in German, naming a topic (the
    // icon opens that topic; without one it opens the help center's home).
    let before = hosts();
    let mut config = Config::new(
        None,
        Some("update-customer-account-info".into()),
        vec!["de-AT".into()],
    );
    config.content_base = "/no-such-content/".into();
    let errors: Rc<RefCell<u32>> = Rc::default();
    let listener = {
        let errors = errors.clone();
        gloo::events::EventListener::new(&document(), "helpmark:error", move |_| {
            *errors.borrow_mut() += 1
        })
    };

    // German is not built into the WebAssembly: the loader hands the widget its strings
    // file (help/ui/de-DE.txt), which is what this adds.
    let (_, german) = helpmark::locale::strings_files()
        .into_iter()
        .find(|(path, _)| path == "ui/de-DE.txt")
        .unwrap();
    assert_eq!(
        helpmark::locale::add_strings(&german).as_deref(),
        Some("de-DE")
    );

    // Act
    loader_host();
    let widget = mount(config).unwrap();
    settle().await;

    // Assert: the icon is in the shadow root with a German name; the failed load (no
    // index of the topic there: a 404) was reported once, as a topic that is not
    // available; destroying removes everything.
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
        .contains("Dieses Hilfethema ist nicht verfügbar."));
    drop(listener);
    widget.destroy();
    assert_eq!(hosts(), before);
}

// ---- Finding and following the element a step points at --------------------------

use helpmark::dom::{find, Lookup, TargetStatus, TargetTracker};
use helpmark::target::TargetQuery;

/// A fresh container in the page, removed when dropped.
struct Fixture(web_sys::Element);

impl Fixture {
    fn new(html: &str) -> Fixture {
        let element = document().create_element("div").unwrap();
        // Test fixtures are trusted, hand-written markup.
        element.set_inner_html(html);
        document().body().unwrap().append_child(&element).unwrap();
        Fixture(element)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn anchor(key: &str, localized: Option<&str>, english: &str) -> TargetQuery {
    TargetQuery::Anchor {
        key: key.into(),
        localized: localized.map(str::to_string),
        english: english.into(),
    }
}

/// A tracker of the element keyed `key` that counts its uses in `activations`.
fn counting_tracker(key: &str, activations: &Rc<RefCell<u32>>) -> TargetTracker {
    let activations = activations.clone();
    TargetTracker::start(
        anchor(key, None, "x"),
        |_| {},
        move || *activations.borrow_mut() += 1,
    )
    .unwrap()
}

/// A bubbling Enter key press, as a keyboard user makes it.
fn enter_keydown() -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

fn found_id(lookup: Lookup) -> Option<String> {
    match lookup {
        Lookup::Found(e) => Some(e.id()),
        _ => None,
    }
}

#[wasm_bindgen_test]
fn a_data_help_target_wins_over_names() {
    let _f = Fixture::new(
        r#"<button id="by-name">Senden</button><button id="by-key" data-help-target="t-submit">OK</button>"#,
    );
    assert_eq!(
        found_id(find(&anchor("t-submit", Some("Senden"), "Submit"))),
        Some("by-key".into())
    );
}

#[wasm_bindgen_test]
fn names_match_localized_then_english_ignoring_case_space_and_punctuation() {
    let _f = Fixture::new(
        r##"<a id="en" href="#x">Update!</a><button id="de" aria-label="  aktualisieren ">↻</button>"##,
    );
    assert_eq!(
        found_id(find(&anchor("t-none-1", Some("Aktualisieren"), "Update"))),
        Some("de".into())
    );
    assert_eq!(
        found_id(find(&anchor("t-none-2", Some("Actualice"), "update"))),
        Some("en".into())
    );
    assert!(matches!(
        find(&anchor("t-none-3", Some("Nope"), "Nothing")),
        Lookup::Missing
    ));
}

#[wasm_bindgen_test]
fn disabled_and_non_interactive_elements_do_not_match_by_name_and_hidden_ones_are_awaited() {
    let f = Fixture::new(
        r#"<h2>Speichern</h2><button disabled>Speichern</button>
           <label for="f-in">Firmenname</label><input id="f-in">"#,
    );
    assert!(matches!(
        find(&anchor("t-none-4", Some("Speichern"), "Save")),
        Lookup::Missing
    ));
    // A closed menu's item is on the page, only not shown yet.
    f.0.insert_adjacent_html("beforeend", "<button hidden>Speichern</button>")
        .unwrap();
    assert!(matches!(
        find(&anchor("t-none-4", Some("Speichern"), "Save")),
        Lookup::Hidden
    ));
    assert_eq!(
        found_id(find(&anchor(
            "t-none-5",
            Some("Firmenname"),
            "Company name"
        ))),
        Some("f-in".into())
    );
}

#[wasm_bindgen_test]
fn the_widgets_own_element_and_shadow_root_are_never_searched() {
    // The widget's element (as the loader makes it), with a keyed button and a named one
    // in its light DOM and in its shadow root: none of them is a target.
    let f = Fixture::new(&format!(
        r#"<div id="own" {HOST_ATTRIBUTE}><button data-help-target="t-own">Eigene</button></div>"#
    ));
    let own = f.0.query_selector("#own").unwrap().unwrap();
    let shadow = own
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.set_inner_html(r#"<slot></slot><button data-help-target="t-own-shadow">Innen</button>"#);
    assert!(matches!(
        find(&anchor("t-own", Some("Eigene"), "Own")),
        Lookup::Missing
    ));
    assert!(matches!(
        find(&anchor("t-own-shadow", Some("Innen"), "Inside")),
        Lookup::Missing
    ));
    // The same button outside the widget's element is found.
    f.0.insert_adjacent_html(
        "beforeend",
        r#"<button id="outside" data-help-target="t-own">Eigene</button>"#,
    )
    .unwrap();
    assert_eq!(
        found_id(find(&anchor("t-own", Some("Eigene"), "Own"))),
        Some("outside".into())
    );
}

#[wasm_bindgen_test]
fn a_target_that_exists_but_is_hidden_is_waited_for() {
    let _f =
        Fixture::new(r##"<div hidden><a data-help-target="t-menu" href="#m">Kunden</a></div>"##);
    assert!(matches!(
        find(&anchor("t-menu", None, "Customers")),
        Lookup::Hidden
    ));
}

#[wasm_bindgen_test]
fn targets_inside_open_shadow_roots_are_found() {
    let f = Fixture::new(r#"<div id="shadow-host"></div>"#);
    let host = f.0.query_selector("#shadow-host").unwrap().unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.set_inner_html(r#"<button id="in-shadow">Weiter zur Kasse</button>"#);
    assert_eq!(
        found_id(find(&anchor(
            "t-none-6",
            Some("Weiter zur Kasse"),
            "Checkout"
        ))),
        Some("in-shadow".into())
    );
}

#[wasm_bindgen_test]
async fn targets_inside_same_origin_iframes_are_found_at_their_place_on_the_page() {
    let f = Fixture::new(r#"<iframe id="frame" width="300" height="200"></iframe>"#);
    let frame: web_sys::HtmlIFrameElement =
        f.0.query_selector("#frame")
            .unwrap()
            .unwrap()
            .unchecked_into();
    let inner = frame.content_document().expect("same-origin about:blank");
    inner.body().unwrap().set_inner_html(
        r#"<button data-help-target="t-framed">In frame</button><label>Kundennummer <input id="framed-input"></label>"#,
    );
    let Lookup::Found(button) = find(&anchor("t-framed", None, "x")) else {
        panic!("the framed button is found");
    };
    // Names work there too (its elements belong to the frame's JavaScript realm).
    assert_eq!(
        found_id(find(&anchor(
            "t-none-7",
            Some("Kundennummer"),
            "Customer ID"
        ))),
        Some("framed-input".into())
    );
    let rect = helpmark::dom::visible_rect(&button).unwrap();
    let frame_rect = frame.get_bounding_client_rect();
    assert!(
        rect.x >= frame_rect.x() && rect.y >= frame_rect.y(),
        "{rect:?} inside the frame"
    );
}

#[wasm_bindgen_test]
async fn using_a_target_inside_a_same_origin_iframe_advances_and_stops_when_dropped() {
    // Arrange: the element is in a frame, whose events never reach the top document.
    let f = Fixture::new(r#"<iframe id="use-frame" width="300" height="120"></iframe>"#);
    let frame: web_sys::HtmlIFrameElement =
        f.0.query_selector("#use-frame")
            .unwrap()
            .unwrap()
            .unchecked_into();
    let inner = frame.content_document().expect("same-origin about:blank");
    inner
        .body()
        .unwrap()
        .set_inner_html(r#"<button data-help-target="t-frame-use">Use</button><div role="button" tabindex="0" data-help-target="t-frame-key">Key</div>"#);
    let activations: Rc<RefCell<u32>> = Rc::default();
    let start = |key: &str| counting_tracker(key, &activations);
    let tracker = start("t-frame-use");
    settle().await;
    let button: web_sys::HtmlElement = inner
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();

    // Act
    button.click();

    // Assert
    assert_eq!(
        *activations.borrow(),
        1,
        "a click inside the frame is a use"
    );
    drop(tracker);
    button.click();
    assert_eq!(*activations.borrow(), 1, "no activation after drop");

    // Enter on an element that does not turn it into a click, inside the frame.
    let _tracker = start("t-frame-key");
    settle().await;
    let div = inner.query_selector("div").unwrap().unwrap();
    div.dispatch_event(&enter_keydown()).unwrap();
    assert_eq!(*activations.borrow(), 2, "Enter inside the frame is a use");
}

#[wasm_bindgen_test]
async fn a_use_before_the_first_measurement_still_counts_once() {
    // Arrange: the element is there, but no animation frame has measured it yet.
    let f = Fixture::new(
        r#"<button data-help-target="t-quick">Quick</button><div role="button" tabindex="0" data-help-target="t-quick-key">Key</div>"#,
    );
    let activations: Rc<RefCell<u32>> = Rc::default();
    let start = |key: &str| counting_tracker(key, &activations);
    let tracker = start("t-quick");
    let button: web_sys::HtmlElement =
        f.0.query_selector("button")
            .unwrap()
            .unwrap()
            .unchecked_into();

    // Act: a quick user.
    button.click();
    // Enter on a button becomes a click of its own: the key press itself is not a use.
    button.dispatch_event(&enter_keydown()).unwrap();

    // Assert
    assert_eq!(*activations.borrow(), 1);
    drop(tracker);

    // Enter on an element that does not click by itself counts, measured or not.
    let _tracker = start("t-quick-key");
    let div = f.0.query_selector("div[role=button]").unwrap().unwrap();
    div.dispatch_event(&enter_keydown()).unwrap();
    assert_eq!(*activations.borrow(), 2);
}

#[wasm_bindgen_test]
async fn a_tracker_started_soon_looks_in_a_microtask_and_one_started_plainly_in_the_next_task() {
    // Arrange: the element is on the page when the step is shown.
    let _f = Fixture::new(r#"<button data-help-target="t-soon">Soon</button>"#);
    let soon: Rc<RefCell<Vec<TargetStatus>>> = Rc::default();
    let later: Rc<RefCell<Vec<TargetStatus>>> = Rc::default();
    let frame_seen = Rc::new(std::cell::Cell::new(false));
    let window = web_sys::window().unwrap();
    let on_frame = {
        let frame_seen = frame_seen.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || frame_seen.set(true))
    };
    window
        .request_animation_frame(on_frame.unchecked_ref())
        .unwrap();

    // Act
    let trackers = [(&soon, true), (&later, false)].map(|(seen, is_soon)| {
        let seen = seen.clone();
        let on_status = move |s| seen.borrow_mut().push(s);
        let query = anchor("t-soon", None, "Soon");
        if is_soon {
            TargetTracker::start_soon(query, on_status, || {}).unwrap()
        } else {
            TargetTracker::start(query, on_status, || {}).unwrap()
        }
    });
    // Not in the calling code (the host page answers the step's events first).
    assert!(soon.borrow().is_empty(), "{:?}", soon.borrow());
    // A microtask later: still the same task, so no frame can have come in between.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    let before_any_frame = !frame_seen.get();

    // Assert: found before the frame (the step and its highlight are painted together);
    // the plain tracker not yet, but in the next task.
    assert!(before_any_frame, "a frame came before the microtask");
    assert!(
        matches!(soon.borrow().as_slice(), [TargetStatus::Found { .. }]),
        "{:?}",
        soon.borrow()
    );
    assert!(later.borrow().is_empty(), "{:?}", later.borrow());
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(next_task)
        .await
        .unwrap();
    assert!(
        matches!(later.borrow().as_slice(), [TargetStatus::Found { .. }]),
        "{:?}",
        later.borrow()
    );
    drop(trackers);
}

#[wasm_bindgen_test]
async fn the_tracker_finds_a_late_element_follows_it_and_stops_when_dropped() {
    // Arrange
    let f = Fixture::new(r#"<div id="late-parent"></div>"#);
    let seen: Rc<RefCell<Vec<TargetStatus>>> = Rc::default();
    let activations: Rc<RefCell<u32>> = Rc::default();
    let tracker = {
        let seen = seen.clone();
        let activations = activations.clone();
        TargetTracker::start(
            anchor("t-late", None, "Late"),
            move |s| seen.borrow_mut().push(s),
            move || *activations.borrow_mut() += 1,
        )
        .unwrap()
    };
    settle().await;
    assert_eq!(seen.borrow().last(), Some(&TargetStatus::Waiting));

    // Act: the element appears, then the user uses it.
    let parent = f.0.query_selector("#late-parent").unwrap().unwrap();
    parent.set_inner_html(r#"<button data-help-target="t-late">Late</button>"#);
    settle().await;
    let found = matches!(seen.borrow().last(), Some(TargetStatus::Found { .. }));
    let button: web_sys::HtmlElement = parent.first_element_child().unwrap().unchecked_into();
    button.click();

    // Assert
    assert!(found, "{:?}", seen.borrow());
    assert_eq!(*activations.borrow(), 1);
    drop(tracker);
    let count = seen.borrow().len();
    button.click();
    parent.set_inner_html("");
    settle().await;
    assert_eq!(*activations.borrow(), 1, "no activation after drop");
    assert_eq!(seen.borrow().len(), count, "no status after drop");
}

/// `helpmark::text` asks the JavaScript engine for Unicode letters, digits and lower case in
/// the WebAssembly (the standard library's tables cost ~9.6 KB gzip): it must agree with the
/// standard library, whose tables this test binary carries.
#[wasm_bindgen_test]
fn text_from_the_javascript_engine_agrees_with_the_standard_library() {
    use helpmark::text::{is_alphanumeric, lowercase, lowercase_alphanumerics, lowercase_words};
    for text in [
        "Partner Center",
        "Users and licenses…",
        "Straße ÄÖÜ",
        "ΟΔΟΣ Σ ΣΑΣ. ΑΣ",
        "İstanbul",
        "客户 列表",
        "Клиенты (Customers) №2",
        "إعدادات المشروع",
        "ﬁle Ⅻ ½ ٣",
        "हिन्दी भाषा",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        let alphanumerics: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(lowercase_alphanumerics(text), alphanumerics, "{text}");
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        assert_eq!(lowercase_words(text), words, "{text}");
        for c in text.chars() {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c} in {text}");
        }
    }
    // The search's folding and tokens, built on these, as natively.
    let tokens: Vec<String> =
        helpmark::help::search::tokenize("Kónto ЁЛКА Ａｚｕｒｅ ΟΔΟΣ 更新客户")
            .into_iter()
            .map(|t| t.text)
            .collect();
    assert_eq!(
        tokens,
        ["konto", "елка", "azure", "οδοσ", "更新", "新客", "客户"]
    );
}

#[wasm_bindgen_test]
async fn a_scroll_measures_the_found_element_again_and_a_change_looks_for_it_again() {
    // Arrange: a button below a spacer, so that the window scrolls.
    let f = Fixture::new(
        r#"<div style="height: 3000px"></div><button data-help-target="t-scroll">Weiter</button><div style="height: 3000px"></div>"#,
    );
    let window = web_sys::window().unwrap();
    let button = f.0.query_selector("button").unwrap().unwrap();
    let seen: Rc<RefCell<Vec<TargetStatus>>> = Rc::default();
    let last_y = |seen: &Rc<RefCell<Vec<TargetStatus>>>| match seen.borrow().last() {
        Some(TargetStatus::Found { rect, .. }) => Some(rect.y),
        _ => None,
    };
    // The last status is Found, at the button's place now.
    let at_button = |seen: &Rc<RefCell<Vec<TargetStatus>>>, what: &str| {
        let y = last_y(seen).unwrap_or_else(|| panic!("{what}: {:?}", seen.borrow().last()));
        let top = button.get_bounding_client_rect().y();
        assert!((y - top).abs() < 1.0, "{what}: at {y}, the button at {top}");
    };
    let tracker = {
        let seen = seen.clone();
        TargetTracker::start(
            anchor("t-scroll", None, "Next"),
            move |s| seen.borrow_mut().push(s),
            || (),
        )
        .unwrap()
    };
    settle().await;
    assert!(last_y(&seen).is_some(), "found: {:?}", seen.borrow());

    // Act and assert: a scroll moves the rectangle.
    window.scroll_by_with_x_and_y(0.0, 120.0);
    settle().await;
    at_button(&seen, "still found after a scroll");

    // A change that hides the element, with a scroll in the same frame: looked for again,
    // not only measured (a scroll alone cannot hide it; the change can).
    button.set_attribute("style", "visibility: hidden").unwrap();
    window.scroll_by_with_x_and_y(0.0, 40.0);
    settle().await;
    assert_eq!(seen.borrow().last(), Some(&TargetStatus::Waiting));

    // Shown again: found again, at its place.
    button.remove_attribute("style").unwrap();
    settle().await;
    at_button(&seen, "found again once shown");
    drop(tracker);
    window.scroll_to_with_x_and_y(0.0, 0.0);
}
