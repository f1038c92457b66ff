// The boot module: the second half of the loader (assets/embed/helpmark.js), which imports
// it on the first load, beside the widget's code, so that the page pays at load only for
// the icon and the API's queue. It waits for the code (glue and WebAssembly, LIMIT ms at
// most), mounts the widget with the responses the loader started for it, runs the calls
// queued before it listened, shows the failure message with its retry, and undoes it all
// on destroy().
// `S` is what the loader shares (its comment there says which letter is what); the boot
// module returns what the loader calls once it is there: send, load and destroy.
// The names in double underscores are replaced at build time (`helpmark bundle`), as in
// the loader: the build's files, the protocol's names, the failure message's English
// fallback and the lines of the strings file that hold it, the failure message's styles.
// Written for size, as the loader (the first open pays for it).
export default (S) => {
  var w = window, d = document;
  var ready, loading, widget, note, host, lang;
  // The URLs the widget has asked for (taken, or fetched itself); the texts being read for
  // it (promises of the text, or of nothing), by URL.
  var asked = {};
  var reads = {};
  var attempt = 1;
  var query = new URLSearchParams(location.search);
  // The glue and the WebAssembly: `__STEM__`.js and `__STEM__`_bg.wasm.
  var code = new URL('__STEM__', import.meta.url).href;
  // The UI locales' tags (English first).
  var UI = '__UI_LOCALES__'.split('|');
  // The code (glue and WebAssembly) must arrive within this time, or the load has failed.
  var LIMIT = 10000;
  // How long the widget's start may wait for the topic's article (see load()), in ms.
  var PAUSE = 8;
  // The largest file the loader itself reads (bytes, characters): see text().
  var SMALL = 65536;
  var sheet = new CSSStyleSheet();
  sheet.replaceSync('__NOTE_CSS__');
  // The language as the widget negotiates it among `tags`: for each wanted tag, the same
  // tag, else the same language (never Traditional Chinese for Simplified); else English.
  var choose = (tags, found) => {
    [query.get('locale'), host.dataset.locale, ...navigator.languages].some((tag) => {
      tag = ('' + tag).toLowerCase();
      var same = (t) => t.toLowerCase() == tag;
      var language = (t) => t.toLowerCase().split('-')[0] == tag.split('-')[0] && !/^zh-(tw|hk|mo|hant)/.test(tag);
      return (found = tags.find(same) || tags.find(language));
    });
    return found || UI[0];
  };
  // A request started for the widget (by URL), or started now.
  var get = (u, init) => (S.f[u] ||= fetch(u, init));
  // A request started for the widget, until it takes it (once): the promise of its text
  // when this module reads it (the widget then reads no body: the topic shows in the task
  // that asks for it), else of the response (a failure, or a file too large to read here).
  var take = (u, signal, p, t) => {
    asked[u] = p = S.f[u];
    t = reads[u];
    delete S.f[u];
    delete reads[u];
    return p && new Promise((ok, no) => {
      (t ? t.then((t) => t ?? p) : p).then(ok, no);
      signal?.addEventListener('abort', no);
    });
  };
  // A response's text (read from a copy: the widget may take the response), or nothing.
  // Only small files are read here (a topic's index or a strings file is a few KB): a
  // larger one is left to the widget, which reads it within its limits, so a huge or
  // tampered file never costs the page a long task in the loader.
  var text = (p) =>
    p.then((r) => (r.ok && !(r.headers.get('content-length') > SMALL) ? r.clone().text() : null))
      .then((t) => (t?.length <= SMALL ? t : null))
      .catch(() => null);
  // A request started for the widget, read for it.
  var read = (u, init) => (reads[u] = text(get(u, init)));

  var send = (command, argument) => {
    if (ready) return S.h.dispatchEvent(new CustomEvent('__COMMAND_EVENT__', { detail: { command, argument } }));
    S.q.push([command, argument]);
    if (command == '__OPEN__') {
      S.t = argument;
      load();
    }
  };

  var report = (message, detail) => {
    console.error('Helpmark: ' + message);
    detail.message = message;
    d.dispatchEvent(new CustomEvent('__ERROR_EVENT__', { detail }));
  };

  // `first`: the loader's own first load, whose requests it started already.
  var load = (first) => {
    if (ready || loading) return loading;
    listen('addEventListener');
    // After destroy(): the same widget comes back (it says when it listens again).
    if (widget) return (loading = Promise.resolve(widget.revive()));
    // After destroy() before the widget ran: the same element comes back.
    if (!S.h.isConnected) {
      d.documentElement.append(S.h);
      S.h.showPopover?.();
    }
    if (host != S.h) {
      (host = S.h).addEventListener('__MOUNTED_EVENT__', () => {
        ready = w.helpmark.loaded = true;
        S.q.splice(0).map((call) => send(...call));
        if (S.p) S.p();
        S.p = 0;
      });
    }
    note?.remove();
    // A failed load leaves nothing behind: the next attempt fetches fresh URLs (a new
    // module instance, no cached broken response).
    var fresh = first ? '' : '?retry=' + ++attempt;
    var stop = new AbortController();
    // Beside the code: the UI strings (English is built in), the topic's index (the loader
    // asked for it already) and then its article.
    var base = host.dataset.content;
    lang = choose(UI);
    // Not waited for longer than the code may take.
    var strings = lang == UI[0] ? Promise.resolve() : Promise.race([
      text(get(base + 'ui/' + lang + '.txt')),
      new Promise((ok) => setTimeout(ok, LIMIT))
    ]);
    var slug = S.t || query.get('topic') || host.dataset.topic;
    var article = slug && read(base + slug + '.index.json', { cache: 'no-cache' }).then((index) => {
      // The article, unless the widget has asked for it already (the code ran before the
      // index came): a request started after that would download it twice, and hand a
      // stale answer to the widget's next attempt (a retry after a failed article got the
      // old failure again). Most often the index comes first, and the article is there
      // when the widget asks for it.
      // (Registered before the widget can take the index: this runs first.)
      var locales = JSON.parse(index).topics[0].locales;
      var chosen = choose(locales.map((l) => l.locale));
      var u;
      locales.some((l) => l.locale == chosen && (u = base + l.path.replace(/\.md$/, '.json')));
      return u && !(u in asked) && read(u);
    }).catch(Boolean);
    var file = code + '.js';
    var timer;
    // The WebAssembly is requested at once, beside the glue, and compiled as it streams in.
    var wasm = (first ? S.w : fetch(code + '_bg.wasm' + fresh, { signal: stop.signal })).then((r) => {
      if (r.ok) return r;
      throw Error('HTTP ' + r.status);
    });
    wasm.catch(Boolean);
    return (loading = Promise.race([
      new Promise((_, no) => (timer = setTimeout(no, LIMIT, Error('timeout')))),
      (first ? S.g : import(file + fresh)).then((glue) => {
        if (stop.signal.aborted) throw 0;
        file = code + '_bg.wasm';
        return glue.default({ module_or_path: wasm }).then(() => glue);
      })
    ]).then((glue) => {
      clearTimeout(timer);
      // When the code is there first, the widget starts once the article is read if that
      // is a moment away (PAUSE ms at most: on localhost its answer waits for the task that
      // compiled the code); it then shows the topic in the task that asks for it.
      return Promise.all([strings, Promise.race([article, new Promise((ok) => setTimeout(ok, PAUSE))])])
        .then(([s]) => (widget = glue.mount(take, s || undefined)));
    }, (error) => {
      clearTimeout(timer);
      stop.abort();
      loading = null;
      var message = String(error?.message || error);
      var reason = /^timeout|^HTTP/.test(message) ? message : /fetch/.test(message) ? 'fetch' : 'invalid';
      report('cannot load ' + file + ': ' + message, { file, reason, topic: S.t || host.dataset.topic || null });
      // The message in the UI language, from its strings file (English if it has none).
      strings.then((s) => {
        s = s ? s.split('\n') : [];
        if (!note) {
          note = Object.assign(d.createElement('p'), { className: 'hm-fail', role: 'alert', lang: s[__LOCALE__] || UI[0], dir: 'auto', textContent: s[__FAILED__] || '__FAILED_EN__' });
          note.append(Object.assign(d.createElement('button'), { textContent: s[__RETRY__] || '__RETRY_EN__', onclick: () => load() }));
        }
        if (!loading) {
          var sheets = host.shadowRoot.adoptedStyleSheets;
          sheets.includes(sheet) || sheets.push(sheet);
          host.shadowRoot.firstChild.append(note);
        }
      });
    }));
  };

  // After a crash the WebAssembly is dead: its error panel's retry starts a new one.
  var fatal = (e) => {
    if (!e.detail?.fatal) return;
    ready = w.helpmark.loaded = loading = widget = false;
    S.h.shadowRoot.querySelector('[data-helpmark-retry]')?.addEventListener('click', () => send('__OPEN__'));
  };
  // A trap in the widget's WebAssembly must not surface as the host page's error.
  var trap = (e) => /helpmark-web-/.test(e.filename) && e.preventDefault();
  // Both listen while the widget may run: from a load until destroy().
  var listen = (how) => {
    d[how]('__ERROR_EVENT__', fatal);
    w[how]('error', trap);
  };

  return {
    send,
    load,
    destroy: () => {
      widget?.destroy();
      listen('removeEventListener');
      ready = w.helpmark.loaded = loading = false;
      S.h.remove();
      S.q.length = 0;
      S.f = {};
    }
  };
};
