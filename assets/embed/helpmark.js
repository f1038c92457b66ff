// One tag: <script src=".../helpmark.js" defer data-content data-topic data-locale data-position data-preload>.
// It draws the help icon at once, loads the widget on the user's intent (pointer over or near
// the icon, focus, pointerdown, touchstart; data-preload="idle" also when the browser is idle,
// "load" at once, "none" only on a click or a call), and queues calls to window.helpmark until it is ready.
// It is the one file a host page pays for at load (2,048 bytes gzip at most).
// The names in double underscores are replaced at build time (`helpmark bundle`): the build's
// file names, the protocol's event and command names (typed in src/host_event.rs: none is
// written here by hand), the icon's name in every UI locale and the English failure message
// (from the widget's Rust tables), its icon (the widget's own SVG path) and its icon's
// styles (assets/embed/loader.css).
// A load starts, beside the code, the requests of a first open (issue #11: two network
// rounds from click to step): the UI locale's strings file and the topic's index, then, as
// soon as the index is there, the article the widget will read. The widget takes those
// responses (mount's `take`) instead of asking again; a guess that differs from the
// widget's own negotiation only costs the request.
(function (w, d) {
  var api = w.helpmark;
  if (api && api.loaded !== undefined) return; // included twice: the first one works
  var me = d.currentScript;
  var data = (me && me.dataset) || {};
  var here = me ? me.src : location.href;
  var url = function (path, base) { return new URL(path, base || here).href; };
  var queue = (api && api.q) || [];
  var ready;
  // The load in progress, never a settled one: a failed load leaves nothing behind, and the
  // next attempt fetches fresh URLs (a new module instance, no cached broken response).
  var loading;
  // The widget the module mounted: destroy() puts it to sleep, a later open() wakes it.
  var widget;
  var attempt = 0;
  var topic;
  // A press on a placeholder icon that the widget replaced before the click: it opens.
  var pressed;
  var note;
  // The code (glue and WebAssembly) must arrive within this time, or the load has failed.
  var LIMIT = 10000;
  // The largest file the loader itself reads (bytes, characters): see text().
  var SMALL = 65536;
  // Per UI locale: tag and the icon's name (English first).
  var T = '__STRINGS__'.split('|');
  var query = new URLSearchParams(location.search);
  var wanted = [query.get('locale'), data.locale].concat(navigator.languages);
  // The language as the widget negotiates it among `tags`: for each wanted tag, the same
  // tag, else the same language (never Traditional Chinese for Simplified); else the first.
  function choose(tags) {
    var found = 0;
    wanted.some(function (tag) {
      tag = String(tag).toLowerCase();
      for (var exact = 1; exact >= 0; exact--)
        for (var i = 0; i < tags.length; i++) {
          var t = tags[i].toLowerCase();
          if (exact ? t == tag : t.split('-')[0] == tag.split('-')[0] && !/^zh-(tw|hk|mo|hant)/.test(tag)) return (found = i + 1);
        }
    });
    return found ? tags[found - 1] : T[0];
  }
  var lang = choose(T.filter(function (_, i) { return !(i % 2); }));
  var ui = T.indexOf(lang) + 1; // the index of the icon's name in T
  // Responses to requests started for the widget, by URL, until it takes them.
  var pre = {};
  function get(u, init) {
    return pre[u] = pre[u] || fetch(u, init);
  }
  function take(u, signal) {
    var p = pre[u];
    delete pre[u];
    return p && new Promise(function (ok, no) {
      p.then(ok, no);
      if (signal) signal.addEventListener('abort', no);
    });
  }
  // A response's text (read from a copy: the widget may take the response), or nothing.
  // Only small files are read here (a topic's index or a strings file is a few KB): a
  // larger one is left to the widget, which reads it within its limits, so a huge or
  // tampered file never costs the page a long task in the loader.
  function text(p) {
    return p.then(function (r) {
      return r.ok && !(r.headers.get('content-length') > SMALL) ? r.clone().text() : null;
    }).then(function (t) { return t && t.length <= SMALL ? t : null; }).catch(Boolean);
  }
  var sheet = new CSSStyleSheet();
  sheet.replaceSync('__CSS__');

  function send(command, argument) {
    if (ready) return host.dispatchEvent(new CustomEvent('__COMMAND_EVENT__', { detail: { command: command, argument: argument } }));
    queue.push([command, argument]);
    if (command == '__OPEN__') {
      topic = argument;
      load();
    }
  }

  function load() {
    if (ready || loading) return loading;
    // After destroy(): the same widget comes back (it says when it listens again).
    if (widget) return loading = Promise.resolve(widget.revive());
    if (!host.isConnected) mountHost();
    if (note) note.remove();
    var fresh = attempt++ ? '?retry=' + attempt : '';
    var stop = new AbortController();
    // Beside the code: the UI strings (English is built in), the topic's index and then its article.
    var base = host.dataset.content.replace(/\/?$/, '/');
    // Not waited for longer than the code may take.
    var strings = lang == T[0] ? Promise.resolve() : Promise.race([
      text(get(base + 'ui/' + lang + '.txt')),
      new Promise(function (ok) { setTimeout(ok, LIMIT); })
    ]);
    var slug = topic || query.get('topic') || data.topic;
    if (slug) text(get(base + slug + '.index.json', { cache: 'no-cache' })).then(function (index) {
      var locales = JSON.parse(index).topics[0].locales;
      var chosen = choose(locales.map(function (l) { return l.locale; }));
      locales.some(function (l) {
        if (l.locale == chosen) return get(base + l.path.replace(/\.md$/, '.json'));
      });
    }).catch(Boolean);
    var file = '__GLUE__';
    var timer;
    // The WebAssembly is requested at once, beside the glue, and compiled as it streams in.
    var wasm = fetch(url('__WASM__') + fresh, { signal: stop.signal }).then(function (r) {
      if (r.ok) return r;
      throw Error('HTTP ' + r.status);
    });
    wasm.catch(Boolean);
    return loading = Promise.race([
      new Promise(function (_, no) { timer = setTimeout(no, LIMIT, Error('timeout')); }),
      import(url(file) + fresh).then(function (glue) {
        if (stop.signal.aborted) throw 0;
        file = '__WASM__';
        return glue.default({ module_or_path: wasm }).then(function () { return glue; });
      })
    ]).then(function (glue) {
      clearTimeout(timer);
      return strings.then(function (s) { widget = glue.mount(take, s || undefined); });
    }, function (error) {
      clearTimeout(timer);
      stop.abort();
      loading = null;
      var message = String(error && error.message || error);
      var reason = /^timeout|^HTTP/.test(message) ? message : /fetch/.test(message) ? 'fetch' : 'invalid';
      report('cannot load ' + file + ': ' + message, { file: url(file), reason: reason, topic: topic || data.topic || null });
      // The message in the UI language, from its strings file (English if it has none).
      strings.then(function (s) {
        s = s ? s.split('\n') : [];
        if (!note) {
          note = element('p', { 'class': 'hm-fail', role: 'alert', lang: s[__LOCALE__] || T[0], dir: 'auto' });
          note.textContent = s[__FAILED__] || '__FAILED_EN__';
          element('button', { type: 'button' }, note).textContent = s[__RETRY__] || '__RETRY_EN__';
          note.lastChild.onclick = load;
        }
        if (!loading) root.appendChild(note);
      });
    });
  }

  function report(message, detail) {
    console.error('Helpmark: ' + message);
    detail.message = message;
    d.dispatchEvent(new CustomEvent('__ERROR_EVENT__', { detail: detail }));
  }

  // After a crash the WebAssembly is dead: its error panel's retry starts a new one.
  d.addEventListener('__ERROR_EVENT__', function (e) {
    if (!e.detail || !e.detail.fatal) return;
    ready = api.loaded = loading = widget = false;
    var retry = host.shadowRoot.querySelector('[data-helpmark-retry]');
    if (retry) retry.addEventListener('click', function () { send('__OPEN__'); });
  });

  api = w.helpmark = {
    loaded: false,
    on: function (name, fn) { d.addEventListener('__EVENT_PREFIX__' + name, function (e) { fn(e.detail); }); }
  };
  // destroy(): the widget and its element leave the page with every listener, observer and
  // timer they added; the next open() (or click on an inline help button) starts again.
  api.destroy = function () {
    if (widget) widget.destroy();
    ready = api.loaded = loading = false;
    host.remove();
    queue.length = 0;
    pre = {};
  };
  // open(topic?), close(), next(), back(), setLocale(tag).
  [__COMMANDS__].forEach(function (command) {
    api[command] = function (argument) { send(command, argument); };
  });

  // A trap in the widget's WebAssembly must not surface as the host page's error.
  w.addEventListener('error', function (e) {
    if (/helpmark-web-/.test(e.filename)) e.preventDefault();
  });

  function element(tag, attributes, parent) {
    var e = tag == 'svg' || tag == 'path' ? d.createElementNS('http://www.w3.org/2000/svg', tag) : d.createElement(tag);
    for (var name in attributes) e.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(e);
    return e;
  }

  var preload = data.preload || 'intent';
  // Intent starts the first load only: after a failure, a click or the retry button does.
  function intent() {
    if (!attempt) load();
  }
  function button(shadow, className, onClick) {
    shadow.adoptedStyleSheets = [sheet];
    var b = element('button', { type: 'button', 'class': className, 'aria-label': T[ui] }, shadow.firstChild || shadow);
    var svg = element('svg', { viewBox: '0 0 24 24', width: '28', height: '28', 'aria-hidden': 'true', focusable: 'false' }, b);
    element('path', { fill: 'currentColor', d: '__ICON__' }, svg);
    b.onclick = function () {
      pressed = 0;
      onClick();
    };
    b.addEventListener('pointerdown', function () { pressed = onClick; });
    if (preload != 'none') ['pointerenter', 'focus', 'pointerdown', 'touchstart'].forEach(function (type) {
      b.addEventListener(type, intent, { passive: true });
    });
    return b;
  }

  // The widget's own element, in the top layer (a manual popover): no transform, overflow or
  // z-index of the host page can move, clip or cover it. The widget adopts it.
  var host, root, launcher;
  function mountHost() {
    host = element('div', {
      popover: 'manual',
      'data-helpmark-host': '',
      'data-content': url(data.content || 'help/', data.content ? location.href : here),
      'data-topic': data.topic || '',
      'data-locale': data.locale || 'auto',
      'data-position': data.position || 'bottom-right'
    });
    var shadow = host.attachShadow({ mode: 'open' });
    root = element('div', { 'class': 'hm-root' }, shadow);
    launcher = button(shadow, 'hm-launcher', function () { send('__OPEN__'); });
    d.documentElement.appendChild(host);
    if (host.showPopover) host.showPopover();
    host.addEventListener('__MOUNTED_EVENT__', function () {
      ready = api.loaded = true;
      queue.splice(0).forEach(function (call) { send(call[0], call[1]); });
      if (pressed) pressed();
      pressed = 0;
    });
  }
  mountHost();
  if (preload == 'load') load();
  if (preload == 'idle') setTimeout(function () { (w.requestIdleCallback || setTimeout)(intent); }, 3000);
  // A pointer coming within 100 px of the icon is intent too.
  if (preload != 'none') d.addEventListener('pointermove', function near(e) {
    var r = launcher.getBoundingClientRect();
    if (Math.hypot(e.clientX - r.x - r.width / 2, e.clientY - r.y - r.height / 2) < 100) {
      d.removeEventListener('pointermove', near);
      intent();
    }
  }, { passive: true });

  // <help-mark topic="...">: an inline help button for one topic.
  if (!customElements.get('help-mark')) {
    customElements.define('help-mark', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var topic = this.getAttribute('topic') || undefined;
        button(this.attachShadow({ mode: 'open' }), 'hm-inline', function () { api['__OPEN__'](topic); });
      }
    });
  }
  queue.splice(0).forEach(function (call) { api[call[0]] && api[call[0]](call[1]); });
  // A guide left open on the previous page of this site resumes at once.
  try {
    if (sessionStorage.getItem('__PROGRESS_KEY__')) load();
  } catch (e) {}
})(window, document);
