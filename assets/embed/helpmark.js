// One tag: <script src=".../helpmark.js" defer data-content data-topic data-locale data-position>.
// It draws the help icon at once, loads the widget only on first use of the icon or when
// the browser is idle, and queues calls to window.helpmark until the widget is ready.
// The names in double underscores are replaced at build time (`helpmark loader`).
(function (w, d) {
  var api = w.helpmark;
  if (api && api.loaded !== undefined) return; // included twice: the first one works
  var me = d.currentScript;
  var data = (me && me.dataset) || {};
  var here = me ? me.src : location.href;
  var url = function (path, base) { return new URL(path, base || here).href; };
  var queue = (api && api.q) || [];
  var ready = false;
  var loading;
  var host;
  var HELP = { de: 'Hilfe', es: 'Ayuda', fr: 'Aide', it: 'Guida', ja: 'ヘルプ', ko: '도움말', nl: 'Hulp',
    pt: 'Ajuda', ru: 'Справка', sv: 'Hjälp', zh: '帮助', ar: 'تعليمات', he: 'עזרה' };
  var lang = (data.locale && data.locale !== 'auto' ? data.locale : navigator.language || 'en').slice(0, 2);
  var label = HELP[lang] || 'Help';
  var CSS = url('__CSS__');

  function report(message) {
    console.error('Helpmark: ' + message);
    d.dispatchEvent(new CustomEvent('helpmark:error', { detail: { message: message } }));
  }

  function send(command, argument) {
    if (!ready) {
      queue.push([command, argument]);
      if (command === 'open') load();
      return;
    }
    host.dispatchEvent(new CustomEvent('helpmark:command', { detail: { command: command, argument: argument } }));
  }

  var attempt = 0;
  function load() {
    if (!loading) {
      // The widget says when it listens for commands; the queue is sent then.
      host.addEventListener('helpmark:mounted', function () {
        ready = api.loaded = true;
        queue.splice(0).forEach(function (call) { send(call[0], call[1]); });
      });
      // A retry after a crash needs a fresh module instance: a new URL gives one.
      loading = import(url('__GLUE__') + (attempt ? '?retry=' + attempt : ''))
        .then(function (glue) { return glue.default({ module_or_path: url('__WASM__') }); })
        .catch(function (error) { report('cannot load the widget: ' + error); });
    }
    return loading;
  }

  // After a crash the WebAssembly is dead: its error panel's retry starts a new one.
  d.addEventListener('helpmark:error', function (e) {
    if (!e.detail || !e.detail.fatal) return;
    ready = api.loaded = false;
    loading = null;
    attempt++;
    var retry = host.shadowRoot.querySelector('[data-helpmark-retry]');
    if (retry) retry.addEventListener('click', function () { send('open'); });
  });

  api = w.helpmark = {
    loaded: false,
    open: function (topic) { send('open', topic); },
    close: function () { send('close'); },
    next: function () { send('next'); },
    back: function () { send('back'); },
    setLocale: function (tag) { send('setLocale', tag); },
    on: function (name, fn) { d.addEventListener('helpmark:' + name, function (e) { fn(e.detail); }); },
    load: load
  };

  // A trap in the widget's WebAssembly must not surface as the host page's error.
  w.addEventListener('error', function (e) {
    if (/helpmark-web-/.test(e.filename)) e.preventDefault();
  });

  function element(tag, attributes, parent) {
    var e = tag === 'svg' || tag === 'path' ? d.createElementNS('http://www.w3.org/2000/svg', tag) : d.createElement(tag);
    for (var name in attributes) e.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function stylesheet(root) {
    return element('link', { rel: 'stylesheet', href: CSS }, root);
  }

  function icon(button) {
    var svg = element('svg', { viewBox: '0 0 24 24', width: '28', height: '28', 'aria-hidden': 'true', focusable: 'false' }, button);
    element('path', { fill: 'currentColor', d: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm-1-5h2v2h-2v-2Zm1-10a4 4 0 0 0-4 4h2a2 2 0 1 1 3.2 1.6c-.9.7-2.2 1.6-2.2 3.4h2c0-1 .6-1.5 1.4-2.1A4 4 0 0 0 12 5Z' }, svg);
  }

  function button(parent, className, onClick) {
    var b = element('button', { type: 'button', 'class': className, 'aria-label': label }, parent);
    icon(b);
    b.addEventListener('click', onClick);
    b.addEventListener('pointerenter', load);
    b.addEventListener('focus', load);
    return b;
  }

  // The widget's own element, in the top layer (a manual popover): no transform, overflow or
  // z-index of the host page can move, clip or cover it.
  host = element('div', {
    popover: 'manual',
    'data-helpmark-host': '',
    'data-content': url(data.content || 'help/', data.content ? location.href : here),
    'data-topic': data.topic || '',
    'data-locale': data.locale || 'auto',
    'data-position': data.position || 'bottom-right',
    'data-css': CSS,
    hidden: ''
  });
  var shadow = host.attachShadow({ mode: 'open' });
  var link = stylesheet(shadow);
  link.onload = link.onerror = function () { host.removeAttribute('hidden'); };
  button(element('div', { 'class': 'hm-root' }, shadow), 'hm-launcher', function () { send('open'); });
  d.documentElement.appendChild(host);
  if (host.showPopover) host.showPopover();
  setTimeout(function () { (w.requestIdleCallback || setTimeout)(load); }, 3000);

  // <help-mark topic="...">: an inline help button for one topic.
  if (!customElements.get('help-mark')) {
    customElements.define('help-mark', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' });
        var topic = this.getAttribute('topic') || undefined;
        stylesheet(root);
        button(root, 'hm-inline', function () { api.open(topic); });
      }
    });
  }
  queue.splice(0).forEach(function (call) { api[call[0]] && api[call[0]](call[1]); });
})(window, document);
