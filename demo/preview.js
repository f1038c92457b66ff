/*
 * Helpmark writers' preview: a toolbar on the demo portal for writers and localizers.
 *
 * Shown in preview mode only: under `trunk serve` (debug builds mark <html
 * data-helpmark-preview>) or with `?preview` in the URL (`?preview=0` hides it). It is part
 * of the demo portal, never of the embeddable widget (helpmark.js never loads it).
 *
 * - Topic: every topic of the manifest (help/manifest.json).
 * - Language: every locale the topic exists in, plus English (the English halves).
 * - Side by side: the article's segments, localized and English, with their lines.
 * - Diagnostics: `helpmark lint` of the file shown (help/<locale>/<topic>.preview.json,
 *   written by `helpmark index`), files that could not be indexed (help/preview.json), and
 *   the anchors of the current step that are not on this page (`helpmark:step` detail
 *   `missing`).
 *
 * It drives the widget through the loader's window.helpmark API, as any host page does,
 * and listens to the widget's events. The topic and language are kept in the URL
 * (`?topic=&locale=`, which the widget reads at start), so a reload after a saved article (Trunk's live reload) shows the same file at the same step.
 * CSP friendly: no inline code or styles, no innerHTML.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var STORE = 'helpmark-preview';
  var CONTENT = 'help/';
  var DEFAULT_TOPIC = 'update-customer-account-info';

  function enabled() {
    if (params.has('preview')) return params.get('preview') !== '0';
    return document.documentElement.hasAttribute('data-helpmark-preview');
  }

  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var v = attrs[key];
      if (v === null || v === undefined || v === false) return;
      if (key === 'class') el.className = v;
      else if (key === 'hidden') el.hidden = true;
      else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), v);
      else el.setAttribute(key, v === true ? '' : String(v));
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function fetchJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  /** `de-DE/topic.md` → `de-DE/topic.preview.json`. */
  function previewPath(path) {
    return path.replace(/\.md$/, '') + '.preview.json';
  }

  /** A call of the loader's API (`window.helpmark`), which queues it until the widget runs. */
  function command(name, argument) {
    var api = window.helpmark;
    if (!api || typeof api[name] !== 'function') return false;
    api[name](argument);
    return true;
  }

  var state = {
    manifest: null,
    files: [], // help/preview.json
    topic: params.get('topic') || null,
    locale: params.get('locale') || null,
    file: null, // the .preview.json of the file shown
    fileError: null,
    step: null, // the last helpmark:step detail
    widgetError: null,
    panels: { sides: false, diagnostics: false }
  };
  try {
    var stored = JSON.parse(sessionStorage.getItem(STORE) || 'null');
    if (stored && stored.panels) state.panels = stored.panels;
  } catch (e) {
    /* storage unavailable: panels start closed */
  }

  function remember() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify({ panels: state.panels }));
    } catch (e) {
      /* ignore */
    }
  }

  /** Keeps the topic and language in the URL (the widget reads them at start). */
  function rememberInUrl() {
    var url = new URL(location.href);
    if (state.topic) url.searchParams.set('topic', state.topic);
    if (state.locale) url.searchParams.set('locale', state.locale);
    history.replaceState(history.state, '', url);
  }

  function topicEntry() {
    var topics = (state.manifest && state.manifest.topics) || [];
    for (var i = 0; i < topics.length; i++) if (topics[i].slug === state.topic) return topics[i];
    return null;
  }

  function localeEntry() {
    var topic = topicEntry();
    if (!topic) return null;
    for (var i = 0; i < topic.locales.length; i++) if (topic.locales[i].locale === state.locale) return topic.locales[i];
    return null;
  }

  // ---------------------------------------------------------------------------------
  // The toolbar

  var ui = {};

  function build() {
    ui.topic = h('select', { id: 'pv-topic', class: 'pv-select', onchange: onTopic });
    ui.locale = h('select', { id: 'pv-locale', class: 'pv-select', onchange: onLocale });
    ui.sidesButton = h(
      'button',
      { type: 'button', class: 'pv-toggle', 'aria-controls': 'pv-sides', 'aria-expanded': 'false', onclick: toggle('sides') },
      'Side by side'
    );
    ui.diagnosticsButton = h(
      'button',
      {
        type: 'button',
        class: 'pv-toggle',
        'aria-controls': 'pv-diagnostics',
        'aria-expanded': 'false',
        onclick: toggle('diagnostics')
      },
      'Diagnostics'
    );
    ui.summary = h('p', { class: 'pv-summary', role: 'status' });
    ui.failures = h('div', { class: 'pv-failures', hidden: true });
    // Scrolling regions: focusable, so that keyboard users can scroll them.
    ui.sides = h('div', { id: 'pv-sides', class: 'pv-panel', role: 'region', 'aria-label': 'Side by side', tabindex: 0, hidden: true });
    ui.diagnostics = h('div', {
      id: 'pv-diagnostics',
      class: 'pv-panel',
      role: 'region',
      'aria-label': 'Diagnostics',
      tabindex: 0,
      hidden: true
    });
    ui.root = h(
      'section',
      // The writers' tool speaks English left to right, whatever the portal's language.
      { class: 'pv', 'aria-label': 'Writers’ preview', lang: 'en', dir: 'ltr', 'data-helpmark-preview-toolbar': '' },
      h(
        'div',
        { class: 'pv-bar' },
        h('span', { class: 'pv-brand' }, 'Preview'),
        h('span', { class: 'pv-field' }, h('label', { for: 'pv-topic' }, 'Topic'), ui.topic),
        h('span', { class: 'pv-field' }, h('label', { for: 'pv-locale' }, 'Language'), ui.locale),
        ui.sidesButton,
        ui.diagnosticsButton,
        ui.summary
      ),
      ui.failures,
      ui.sides,
      ui.diagnostics
    );
    var skip = document.getElementById('portal-skip-link');
    if (skip) skip.after(ui.root);
    else document.body.prepend(ui.root);
    document.documentElement.classList.add('pv-on');
  }

  function toggle(name) {
    return function () {
      state.panels[name] = !state.panels[name];
      remember();
      render();
    };
  }

  function onTopic() {
    state.topic = ui.topic.value;
    var topic = topicEntry();
    // Keep the language when the topic has it; otherwise let the widget negotiate.
    if (topic && !topic.locales.some(function (l) { return l.locale === state.locale; })) {
      state.locale = topic.locales[0].locale;
      command('setLocale', state.locale);
    }
    rememberInUrl();
    state.step = null;
    command('open', state.topic);
    loadFile();
  }

  function onLocale() {
    state.locale = ui.locale.value;
    rememberInUrl();
    state.step = null;
    command('setLocale', state.locale);
    command('open');
    loadFile();
  }

  function options(select, items, selected) {
    select.replaceChildren.apply(
      select,
      items.map(function (item) {
        var option = h('option', { value: item.value }, item.label);
        option.selected = item.value === selected;
        return option;
      })
    );
  }

  function render() {
    if (!ui.root) return;
    var topics = (state.manifest && state.manifest.topics) || [];
    options(
      ui.topic,
      topics.map(function (t) {
        return { value: t.slug, label: t.slug };
      }),
      state.topic
    );
    var topic = topicEntry();
    options(
      ui.locale,
      (topic ? topic.locales : []).map(function (l) {
        return { value: l.locale, label: l.locale + (l.english ? ' (English source)' : '') + ' – ' + l.title };
      }),
      state.locale
    );

    var diagnostics = (state.file && state.file.diagnostics) || [];
    var missing = (state.step && state.step.missing) || [];
    var failures = state.files.filter(function (f) {
      return f.failure;
    });
    var count = function (severity) {
      return diagnostics.filter(function (d) {
        return d.severity === severity;
      }).length;
    };
    var parts = [];
    var entry = localeEntry();
    if (entry) parts.push(entry.path);
    if (state.file) parts.push(plural(count('error'), 'error') + ', ' + plural(count('warning'), 'warning') + ', ' + plural(count('info'), 'info'));
    if (state.step) parts.push(missing.length ? plural(missing.length, 'anchor') + ' not on this page' : 'step ' + state.step.step + ': every anchor on this page');
    if (failures.length) parts.push(plural(failures.length, 'file') + ' not indexed');
    ui.summary.textContent = parts.join(' · ');
    ui.diagnosticsButton.textContent = 'Diagnostics (' + (diagnostics.length + missing.length + failures.length) + ')';

    ui.failures.hidden = failures.length === 0;
    ui.failures.replaceChildren();
    append(
      ui.failures,
      failures.length
        ? h(
            'ul',
            { class: 'pv-list' },
            failures.map(function (f) {
              return h('li', { class: 'pv-error' }, diagnosticText(f.path, f.failure));
            })
          )
        : null
    );

    ui.sidesButton.setAttribute('aria-expanded', String(state.panels.sides));
    ui.diagnosticsButton.setAttribute('aria-expanded', String(state.panels.diagnostics));
    ui.sides.hidden = !state.panels.sides;
    ui.diagnostics.hidden = !state.panels.diagnostics;
    if (state.panels.sides) renderSides(diagnostics);
    if (state.panels.diagnostics) renderDiagnostics(diagnostics, missing, failures);
  }

  function diagnosticText(path, d) {
    return path + ':' + d.line + ':' + d.column + ': ' + d.severity + ': ' + d.message + ' [' + d.code + ']';
  }

  function renderSides(diagnostics) {
    if (!state.file) {
      ui.sides.replaceChildren(h('p', null, state.fileError || 'Loading…'));
      return;
    }
    var entry = localeEntry();
    var lang = entry && !entry.english ? entry.locale : 'en';
    var dir = /^(ar|he|fa|ur)\b/.test(lang) ? 'rtl' : 'ltr';
    var flagged = {};
    diagnostics.forEach(function (d) {
      flagged[d.line] = (flagged[d.line] ? flagged[d.line] + '\n' : '') + d.severity + ': ' + d.message;
    });
    var rows = state.file.segments.map(function (s) {
      var note = flagged[s.line];
      return h(
        'tr',
        { class: note ? 'pv-flagged' : null, 'data-segment': s.id },
        h('th', { scope: 'row', class: 'pv-line' }, String(s.line)),
        h('td', { lang: lang, dir: dir }, s.localized),
        h('td', { lang: 'en', dir: 'ltr' }, s.english),
        h('td', { class: 'pv-note' }, note || '')
      );
    });
    ui.sides.replaceChildren(
      h(
        'table',
        { class: 'pv-table' },
        h('caption', null, state.file.path + ': ' + plural(state.file.segments.length, 'segment')),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Line'),
            h('th', { scope: 'col' }, entry && !entry.english ? 'Translation (' + entry.locale + ')' : 'Shown (English)'),
            h('th', { scope: 'col' }, 'English source'),
            h('th', { scope: 'col' }, 'Diagnostics')
          )
        ),
        h('tbody', null, rows)
      )
    );
  }

  function renderDiagnostics(diagnostics, missing, failures) {
    var path = state.file ? state.file.path : '';
    var step = state.step;
    ui.diagnostics.replaceChildren();
    append(
      ui.diagnostics,
      [h('h2', { class: 'pv-heading' }, 'On this page'),
      step
        ? missing.length
          ? h(
              'ul',
              { class: 'pv-list', 'data-preview-missing': '' },
              missing.map(function (name) {
                return h('li', { class: 'pv-warning' }, 'Step ' + step.step + ' of ' + step.steps + ': “' + name + '” is not on this page');
              })
            )
          : h('p', { 'data-preview-missing': '' }, 'Step ' + step.step + ' of ' + step.steps + ': every anchor is on this page.')
        : h('p', null, 'Open the topic to check its anchors on this page.'),
      state.widgetError ? h('p', { class: 'pv-error' }, 'Widget: ' + state.widgetError) : null,
      h('h2', { class: 'pv-heading' }, 'helpmark lint'),
      state.fileError ? h('p', { class: 'pv-error' }, state.fileError) : null,
      diagnostics.length
        ? h(
            'ul',
            { class: 'pv-list', 'data-preview-lint': '' },
            diagnostics.map(function (d) {
              return h('li', { class: 'pv-' + d.severity }, diagnosticText(path, d));
            })
          )
        : h('p', { 'data-preview-lint': '' }, state.file ? 'No diagnostics.' : 'Loading…'),
      // Files not indexed are listed above the panels, always in view.
      failures.length ? h('p', null, plural(failures.length, 'file') + ' not indexed: see above.') : null]
    );
  }

  // ---------------------------------------------------------------------------------
  // Data

  var generation = 0;
  function loadFile() {
    var entry = localeEntry();
    var mine = ++generation;
    state.file = null;
    state.fileError = null;
    render();
    if (!entry) return;
    fetchJson(CONTENT + previewPath(entry.path))
      .then(function (file) {
        if (mine !== generation) return;
        state.file = file;
        render();
      })
      .catch(function (e) {
        if (mine !== generation) return;
        state.fileError = String(e.message || e);
        render();
      });
  }

  /** The widget says which topic and locale it shows. */
  function follow(detail) {
    if (!detail) return;
    var changed = false;
    if (detail.topic && detail.topic !== state.topic) {
      state.topic = detail.topic;
      changed = true;
    }
    if (detail.locale && detail.locale !== state.locale) {
      state.locale = detail.locale;
      changed = true;
    }
    if (changed) {
      rememberInUrl();
      loadFile();
    }
  }

  function listen() {
    document.addEventListener('helpmark:ready', function (e) {
      follow(e.detail);
    });
    document.addEventListener('helpmark:locale', function (e) {
      follow(e.detail);
    });
    document.addEventListener('helpmark:step', function (e) {
      state.widgetError = null;
      follow(e.detail);
      state.step = e.detail;
      render();
    });
    document.addEventListener('helpmark:close', function () {
      state.step = null;
      render();
    });
    document.addEventListener('helpmark:error', function (e) {
      state.widgetError = (e.detail && e.detail.message) || 'error';
      render();
    });
  }

  function start() {
    build();
    render();
    Promise.all([fetchJson(CONTENT + 'manifest.json'), fetchJson(CONTENT + 'preview.json').catch(function () {
      return { files: [] };
    })])
      .then(function (loaded) {
        state.manifest = loaded[0];
        state.files = loaded[1].files || [];
        // Until the widget says which topic it shows: its default, else the first.
        if (!topicEntry() && state.manifest.topics.length) {
          state.topic = DEFAULT_TOPIC;
          if (!topicEntry()) state.topic = state.manifest.topics[0].slug;
        }
        loadFile();
      })
      .catch(function (e) {
        state.fileError = String(e.message || e);
        render();
      });
  }

  function init() {
    if (ui.root || !enabled()) return;
    start();
  }

  // Listening from script load (the widget may speak before the document is parsed), in
  // preview mode only: otherwise this script does nothing at all.
  if (enabled()) listen();

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
