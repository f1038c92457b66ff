// One tag: <script src=".../helpmark.js" defer data-content data-topic data-locale data-position data-preload>.
// It draws the help icon at once, loads the widget on the user's intent (pointer over or near
// the icon, focus, pointerdown, touchstart; data-preload="idle" also when the browser is idle,
// "load" at once, "none" only on a click or a call), and queues calls to window.helpmark until it is ready.
// It is the one file a host page pays for at load (2,048 bytes gzip at most: tests/e2e/size.spec.ts),
// so it holds only what must be there before anyone asks for help: the icon (and <help-mark>'s
// button), the API's queue, the preload policy. The rest of the loading (waiting for the
// code, mounting it, the failure message and its retry, destroy) is the boot module
// (assets/embed/boot.js, `__BOOT__`), requested on the first load beside the code.
// The names in double underscores are replaced at build time (`helpmark bundle`): the build's
// file names, the protocol's command names (typed in src/host_event.rs: none is written
// here by hand), the icon's name in every UI locale (from the widget's Rust tables), its
// icon (the widget's own SVG path) and its icon's styles (assets/embed/loader.css).
// Written for size (arrow functions, ES2020: a browser without them has no popover for the
// widget either). A first load starts at once, in parallel (issue #11: two network rounds from click to
// step): the boot module, the glue and the WebAssembly; the boot module, as soon as it is
// there, asks for the UI locale's strings file, the topic's index and its article (see
// assets/embed/boot.js).
((w, d) => {
  var api = w.helpmark;
  // Included twice: the first one works (a host's snippet that queued calls, {q: [...]},
  // has no `on`).
  if (api?.on) return;
  var me = d.currentScript || {};
  var data = me.dataset || {};
  var here = me.src || location.href;
  var url = (path, base) => new URL(path, base || here).href;
  // Per UI locale: its language and the icon's name (English first).
  var T = '__STRINGS__'.split('|');
  var query = new URLSearchParams(location.search);
  // The UI locale's language, as the widget negotiates it: the first wanted tag whose
  // language is a UI locale's (never Traditional Chinese for Simplified; no two UI locales
  // share a language), else English. Its index in T, then the icon's name.
  var lang = 0;
  [query.get('locale'), data.locale, ...navigator.languages].some((tag) => {
    tag = ('' + tag).toLowerCase();
    var i = T.indexOf(tag.split('-')[0]);
    // (-1 % 2 is -1: not found is not even.)
    return !(i % 2) && !/^zh-(tw|hk|mo|hant)/.test(tag) && ((lang = i), 1);
  });
  var sheet = new CSSStyleSheet();
  sheet.replaceSync('__CSS__');
  // What the boot module shares with this file (short names: the page pays for them):
  // q the calls queued before the widget listens, t the topic asked for, h the widget's
  // element, p a press on a placeholder icon,
  // f the requests started for the widget (by URL), g the glue's import, w the
  // WebAssembly's fetch.
  var S = { q: api?.q || [], f: {} };
  // The boot module, once it is there; the load in progress before that.
  var boot, loading;

  var send = (command, argument) => {
    if (boot) return boot.send(command, argument);
    S.q.push([command, argument]);
    if (command == '__OPEN__') {
      S.t = argument;
      load();
    }
  };

  // The first load: the boot module, the glue and the WebAssembly (compiled as it streams
  // in), all at once, and the topic's index, whose article the boot module asks for as
  // soon as both are there.
  var load = () => {
    if (boot) return boot.load();
    if (loading) return;
    if (!S.h.isConnected) mountHost();
    // The glue and the WebAssembly: `__STEM__`.js and `__STEM__`_bg.wasm.
    var code = url('__STEM__');
    var index = S.t || query.get('topic') || data.topic;
    // (A failure is the boot module's to report, perhaps after it happened: not an
    // unhandled rejection.)
    [
      S.w = fetch(code + '_bg.wasm'),
      S.g = import(code + '.js'),
      index && (S.f[index = S.h.dataset.content + index + '.index.json'] = fetch(index, { cache: 'no-cache' }))
    ].map((p) => p && p.catch(Boolean));
    loading = import(url('__BOOT__')).then(
      (m) => (boot = m.default(S)).load(1),
      // Without the boot module nothing can show a message (nor send helpmark:error): the
      // console says why, and the next click or call tries again.
      (error) => {
        loading = 0;
        console.error('Helpmark:', error);
      }
    );
  };

  api = w.helpmark = {
    loaded: false,
    on: (name, fn) => d.addEventListener('__EVENT_PREFIX__' + name, (e) => fn(e.detail)),
    // The widget and its element leave the page with every listener, observer and timer
    // they added; the next open() (or click on an inline help button) starts again.
    destroy: () => {
      if (boot) return boot.destroy();
      S.h.remove();
      S.q.length = 0;
    }
  };
  // open(topic?), close(), next(), back(), setLocale(tag).
  [__COMMANDS__].map((command) => (api[command] = (argument) => send(command, argument)));

  // An element (SVG's with `svg`), with its attributes, in `parent`.
  var element = (tag, attributes, parent, svg, e) => {
    e = svg ? d.createElementNS('http://www.w3.org/2000/svg', tag) : d.createElement(tag);
    for (var name in attributes) e.setAttribute(name, attributes[name]);
    parent?.append(e);
    return e;
  };

  // data-preload: intent (the default: anything but the three others), idle, load, none.
  var preload = data.preload;
  var eager = preload != 'none';
  // Intent starts the first load only: after a failure, a click or the retry button does
  // (after the boot module's own, intent too).
  var intent = () => loading || load();
  // A help icon in the shadow root `shadow` (in its root element, if it has one).
  var button = (shadow, className, onClick) => {
    shadow.adoptedStyleSheets = [sheet];
    // (No type: a button in a shadow root belongs to no form.)
    var b = element('button', { 'class': className, 'aria-label': T[lang + 1] }, shadow.firstChild || shadow);
    // (Its label names it: the icon inside a button is never read out.)
    // (Its size and colour are in the stylesheet.)
    element('path', { d: '__ICON__' }, element('svg', { viewBox: '0 0 24 24' }, b, 1), 1);
    b.onclick = () => {
      S.p = 0;
      onClick();
    };
    b.onpointerdown = () => {
      S.p = onClick;
      if (eager) intent();
    };
    // (touchstart has no handler property where the device has no touch screen.)
    if (eager) b.addEventListener('touchstart', b.onpointerenter = b.onfocus = intent);
    return b;
  };

  // The widget's own element, in the top layer (a manual popover): no transform, overflow or
  // z-index of the host page can move, clip or cover it. The widget adopts it.
  var launcher;
  var mountHost = () => {
    var host = S.h = element('div', { popover: 'manual', 'data-helpmark-host': '' });
    // The tag's settings (data-topic, data-locale, data-position...), with the content's
    // address made absolute (relative to the page when the tag names it, else to this
    // file) and ending in a slash.
    Object.assign(host.dataset, data);
    host.dataset.content = url(data.content || 'help/', data.content ? location.href : here).replace(/\/?$/, '/');
    var shadow = host.attachShadow({ mode: 'open' });
    element('div', { 'class': 'hm-root' }, shadow);
    launcher = button(shadow, 'hm-launcher', () => send('__OPEN__'));
    d.documentElement.append(host);
    host.showPopover?.();
  };
  mountHost();
  if (preload == 'idle') setTimeout(() => (w.requestIdleCallback || setTimeout)(intent), 3000);
  // A pointer coming within 100 px of the icon's center (it is 56 px wide) is intent too
  // (once a load has started, a pointer move costs nothing: no layout is read).
  if (eager) d.addEventListener('pointermove', (e, r) => {
    if (!loading && (r = launcher.getBoundingClientRect()) && Math.hypot(e.clientX - r.x - 28, e.clientY - r.y - 28) < 100) intent();
  });

  // <help-mark topic="...">: an inline help button for one topic.
  customElements.get('help-mark') || customElements.define('help-mark', class extends HTMLElement {
    connectedCallback() {
      this.shadowRoot || button(this.attachShadow({ mode: 'open' }), 'hm-inline', () => api['__OPEN__'](this.getAttribute('topic')));
    }
  });
  S.q.splice(0).map((call) => api[call[0]]?.(call[1]));
  // data-preload="load", or a guide left open on the previous page of this site: at once.
  try {
    if (preload == 'load' || sessionStorage.getItem('__PROGRESS_KEY__')) load();
  } catch (e) {}
})(window, document);
