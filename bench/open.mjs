#!/usr/bin/env node
/**
 * bench/open.mjs: what OPENING help costs, for Helpmark, Driver.js 1.x and Shepherd.js 15,
 * in one run of headless Chromium on the same mock page (issue #11, items 2-6): the bytes
 * a page pays at load, what is fetched with no call at all, the cold first open and the
 * warm highlight (call -> step painted with its highlight), the same cold open under
 * network emulation (with and without intent preload), and the longest animation frame
 * and long tasks during an open. Item 7 (following a scroll) is bench/follow.mjs.
 *
 *   node bench/open.mjs [--runs 5] [--net-runs 3] [--port 8690] [--dist DIR]
 *                       [--before DIR] [--follow FILE] [--container FILE]
 *                       [--idle 10000] [--settle 1000] [--rtt 150] [--mbps 10]
 *                       [--retries 2] [--json FILE]
 *
 * --before DIR: another release build of Helpmark (a dist/ folder, e.g. of an earlier
 * commit), measured in the same run as a fourth library, `Helpmark before` (served from
 * before/ in the same server): its bytes, opens and emulated opens beside today's.
 * --follow FILE, --container FILE: the JSON of `bench/follow.mjs --json FILE` (window
 * scroll) and of `bench/follow.mjs --container --json FILE`: their figures (the cost of
 * following a scroll per frame, net of the page without a library, and the forced layouts
 * per frame) become rows of the table, which is then issue #11's whole table.
 * scripts/bench.sh runs all three and passes them on.
 *
 * The page: dist/embed-example.html (the plain host page), served from a private copy of
 * dist/ by a small static server in this process (127.0.0.1, a port from --port on; gzip
 * -9 when the browser accepts it, as a real host would). The copy gets four variants of
 * the page, identical but for the library's tags, each with the same three targets added
 * (buttons `data-help-target` partner-center / account / submit: the first anchor of each of
 * the three steps of `update-customer-account-info`, the tag's data-topic):
 *   none       no library (the host page's own files: not counted for anyone)
 *   helpmark   the page as shipped: `<script src="helpmark.js" defer data-topic=...>`
 *              (default data-preload: whatever this build's loader does)
 *   driver.js  driver.js.iife.js + driver.css; `driver({steps}).drive()`, then `moveNext()`
 *   shepherd   shepherd.mjs (a module) + shepherd.css; a Tour with the modal overlay,
 *              `tour.start()`, then `tour.next()`
 * The peers run with their animations off (Driver.js `animate: false`; Shepherd has none
 * on the overlay): a step is counted when it is at its place, as Helpmark's is.
 *
 * Figures (each page load in a fresh browser context, en-US, 1280x720):
 *   at load    gzip -9 bytes of every file the page requests until `settle` ms after the
 *              load event, less the files of `none` (once per library)
 *   idle       gzip -9 bytes requested after that, with no call, until `idle` ms after load
 *   cold       `settle` ms after load (before any idle preload), the call (helpmark.open(),
 *              drive(), tour.start()) -> the step's popover/panel is in the DOM, its
 *              highlight is within 2 px of the step's element, and a frame has been painted
 *              (a requestAnimationFrame after the DOM condition, then a task: the frame's
 *              rendering is done). frames = animation frames from the call to that paint.
 *   warm       then the second step (already loaded): helpmark.next(), moveNext(),
 *              tour.next() -> painted, the same way
 *   LoAF/long  the longest 'long-animation-frame' entry and the long tasks ('longtask')
 *              overlapping the cold open (PerformanceObserver, buffered)
 *   net        Chromium's network emulation (CDP Network.emulateNetworkConditions, `rtt`
 *              ms, `mbps` Mbit/s both ways) from the page load on; the user clicks the
 *              help icon (Helpmark) -- `intent`: the pointer rests on it 300 ms before the
 *              click; `click`: it arrives and clicks at once -- or the peers' call; from
 *              the pointerdown (or call) to painted, as above
 *   cpu        the renderer main thread's CPU time (CDP Performance.getMetrics ThreadTime)
 *              from the call to the paint of the cold open: not stretched by another
 *              process taking the core, unlike the wall times
 * Medians over the runs; runs alternate the order of the libraries. A run whose frames
 * before the cold open or after the warm highlight ran over 10 % longer than the shortest
 * seen (another process had the core) is measured again, up to --retries times; the last
 * attempt counts, marked busy. A Helpmark open is valid only if its code was not requested
 * before the call (or the pointer): otherwise it is not cold, and that fails the check.
 *
 * Correctness (exit 1 if it fails): every open ends with the highlight within 2 px of the
 * step's element (Helpmark: the spotlight's cut-out; Driver.js: its overlay's stage less
 * the padding; Shepherd: the modal overlay's opening) and the popover/panel in the DOM
 * within 15 s; no page error. Timings never fail: exit 0 otherwise (2 if the harness itself
 * cannot run).
 *
 * Browser: Debian's /usr/bin/chromium through Playwright (never `npx playwright install`).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 720 };
const LOCALE = 'en-US';
const TOLERANCE = 2;
const BUSY_FACTOR = 1.1;
const OPEN_TIMEOUT = 15000;
const DRIVER_DIR = path.join(ROOT, 'node_modules', 'driver.js', 'dist');
const SHEPHERD_DIR = path.join(ROOT, 'node_modules', 'shepherd.js', 'dist');
const LIBS = ['helpmark', 'driver.js', 'shepherd'];
/** The steps of update-customer-account-info and the element each one names. */
const STEPS = [
  { id: 't-partner-center', key: 'partner-center', label: 'Partner Center', title: 'Partner Center', text: 'From the Partner Center menu, select Customers.' },
  { id: 't-account', key: 'account', label: 'Account', title: 'Account', text: 'From the customer menu, select Account and then Update.' },
  { id: 't-submit', key: 'submit', label: 'Submit', title: 'Submit', text: "After you've made your changes, select Submit." },
];

// ---------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    runs: 5,
    'net-runs': 3,
    port: 8690,
    idle: 10000,
    settle: 1000,
    rtt: 150,
    mbps: 10,
    retries: 2,
    dist: path.join(ROOT, 'dist'),
    before: null,
    follow: null,
    container: null,
    json: null,
  };
  const numeric = new Set(['runs', 'net-runs', 'port', 'idle', 'settle', 'rtt', 'mbps', 'retries']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [null];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === 'help' || arg === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else if (flag === 'dist') opts.dist = path.resolve(value());
    else if (['before', 'follow', 'container'].includes(flag)) opts[flag] = path.resolve(value());
    else if (flag === 'json') opts.json = path.resolve(value());
    else if (numeric.has(flag)) {
      const n = Number(value());
      const min = ['retries', 'net-runs'].includes(flag) ? 0 : 1;
      if (!Number.isInteger(n) || n < min) harnessError(`--${flag} needs an integer >= ${min}`);
      opts[flag] = n;
    } else harnessError(`unknown argument: ${arg} (see --help)`);
  }
  return opts;
}

function harnessError(message) {
  console.error(`bench/open: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// Static server over a private copy of dist/ (gzip -9 when accepted)

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const gzCache = new Map();
function gzipped(file) {
  if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzCache.get(file);
}

async function freePort(from) {
  for (let port = from; port < from + 10; port++) {
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  harnessError(`no free port in ${from}..${from + 9}`);
}

async function startServer(dir, port) {
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = gzipped(file);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
    } else {
      const body = fs.readFileSync(file);
      res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(r)), server };
}

/** The page variants, written into the copy of dist/ beside embed-example.html. */
function writeVariants(dir) {
  const src = fs.readFileSync(path.join(dir, 'embed-example.html'), 'utf8');
  const tag = /<script src="helpmark\.js"[^>]*><\/script>/;
  if (!tag.test(src)) harnessError('embed-example.html has no <script src="helpmark.js" ...> tag');
  const targets =
    '\n<section class="host-card" id="bench-targets" aria-label="Benchmark targets">\n' +
    STEPS.map((s) => `  <button type="button" class="host-button" id="${s.id}" data-help-target="${s.key}">${s.label}</button>`).join('\n') +
    '\n</section>\n';
  const withTargets = src.replace('</main>', `${targets}</main>`);
  if (withTargets === src) harnessError('embed-example.html has no </main>');
  fs.mkdirSync(path.join(dir, 'peers'), { recursive: true });
  for (const f of ['driver.js.iife.js', 'driver.css']) fs.copyFileSync(path.join(DRIVER_DIR, f), path.join(dir, 'peers', f));
  fs.copyFileSync(path.join(SHEPHERD_DIR, 'js', 'shepherd.mjs'), path.join(dir, 'peers', 'shepherd.mjs'));
  fs.copyFileSync(path.join(SHEPHERD_DIR, 'css', 'shepherd.css'), path.join(dir, 'peers', 'shepherd.css'));
  const variants = {
    none: withTargets.replace(tag, ''),
    helpmark: withTargets,
    'driver.js': withTargets.replace(tag, '<link rel="stylesheet" href="peers/driver.css" />\n  <script src="peers/driver.js.iife.js" defer></script>'),
    shepherd: withTargets.replace(
      tag,
      '<link rel="stylesheet" href="peers/shepherd.css" />\n  <script type="module">import Shepherd from "./peers/shepherd.mjs"; window.Shepherd = Shepherd;</script>',
    ),
  };
  for (const [name, html] of Object.entries(variants)) fs.writeFileSync(path.join(dir, `bench-${name}.html`), html);
}

/** The other build (--before), in before/ of the served copy, with its own helpmark page. */
function writeBefore(dir, before) {
  const into = path.join(dir, 'before');
  fs.cpSync(before, into, { recursive: true });
  const src = fs.readFileSync(path.join(into, 'embed-example.html'), 'utf8');
  const own = fs.readFileSync(path.join(dir, 'bench-helpmark.html'), 'utf8');
  // The same page as today's, but for its loader tag (the before build's own, if it differs).
  const tag = /<script src="helpmark\.js"[^>]*><\/script>/;
  const theirs = src.match(tag);
  if (!theirs) harnessError(`${before}/embed-example.html has no <script src="helpmark.js" ...> tag`);
  fs.writeFileSync(path.join(into, 'bench-helpmark.html'), own.replace(tag, theirs[0]));
}

/** The page of a library (`before`: the other build's, in before/, as its own helpmark page). */
const pageOf = (lib) => (lib === 'before' ? 'before/bench-helpmark.html' : `bench-${lib}.html`);
/** `before` is Helpmark too (its own build): found, opened and checked the same way. */
const kindOf = (lib) => (lib === 'before' ? 'helpmark' : lib);

// ---------------------------------------------------------------------------------------
// In the page

/** Installed before any script: the long animation frames and long tasks, buffered. */
function initObservers() {
  window.__benchLoaf = [];
  window.__benchLong = [];
  const watch = (type, into) => {
    try {
      new PerformanceObserver((list) => into.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
        type,
        buffered: true,
      });
    } catch {
      // not supported: no entries
    }
  };
  watch('long-animation-frame', window.__benchLoaf);
  watch('longtask', window.__benchLong);
  // The start of a user's click on the help icon (shadow DOM events retarget to the host).
  window.addEventListener('pointerdown', (e) => (window.__benchPointerDown ??= e.timeStamp), true);
}

/**
 * Runs in the page: `call` (a library name and a step index), then waits for that step to
 * be shown with its highlight at its element and a frame painted. Returns the times.
 */
function openInPage({ lib: which, step, steps, tolerance, timeout, viaPointer }) {
  const lib = which === 'before' ? 'helpmark' : which;
  const rect = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const close = (a, b) => a && b && ['x', 'y', 'width', 'height'].every((k) => Math.abs(a[k] - b[k]) <= tolerance);
  const target = () => rect(document.getElementById(steps[step].id).getBoundingClientRect());

  function highlight() {
    if (lib === 'helpmark') {
      const root = document.querySelector('div[data-helpmark-host]')?.shadowRoot;
      const cut = root?.querySelector('svg.hm-spotlight rect.hm-cutout');
      const shown = root?.querySelector('section.hm-panel .hm-step');
      if (!cut || !shown) return null;
      const n = (a) => Number(cut.getAttribute(a));
      return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
    }
    if (lib === 'driver.js') {
      const d = window.__benchDriver;
      const popover = document.querySelector('.driver-popover');
      const title = popover?.querySelector('.driver-popover-title')?.textContent;
      const pathEl = document.querySelector('svg.driver-overlay path');
      if (!popover || getComputedStyle(popover).display === 'none' || title !== steps[step].title || !pathEl) return null;
      const m = /M\s*([-\d.e]+),([-\d.e]+)\s*h\s*([-\d.e]+)\s*a\s*([-\d.e]+),[-\d.e]+\s+0 0 1 [-\d.e]+,[-\d.e]+\s*v\s*([-\d.e]+)/.exec(
        pathEl.getAttribute('d') ?? '',
      );
      if (!m) return null;
      const pad = d.getConfig('stagePadding') || 0;
      const [u, v, w, r, h] = m.slice(1, 6).map(Number);
      return { x: u - r + pad, y: v + pad, width: w + 2 * r - 2 * pad, height: h + 2 * r - 2 * pad };
    }
    // Shepherd: the opening of the modal overlay's path (radius 0: only M, H, V and a0,0).
    const el = document.querySelector(`.shepherd-element[data-shepherd-step-id="s${step}"]`);
    const pathEl = document.querySelector('svg.shepherd-modal-overlay-container path');
    if (!el || !el.isConnected || getComputedStyle(el).display === 'none' || !pathEl) return null;
    const opening = (pathEl.getAttribute('d') ?? '').split('Z')[1] ?? '';
    const xs = [];
    const ys = [];
    for (const [, cmd, args] of opening.matchAll(/([MHV])([-\d.e,]+)/g)) {
      const nums = args.split(',').map(Number);
      if (cmd === 'M') xs.push(nums[0]), ys.push(nums[1]);
      else if (cmd === 'H') xs.push(nums[0]);
      else ys.push(nums[0]);
    }
    if (!xs.length || !ys.length) return null;
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  function call() {
    if (lib === 'helpmark') {
      if (step === 0) window.helpmark.open();
      else window.helpmark.next();
    } else if (lib === 'driver.js') {
      if (step === 0) {
        const d = window.driver.js.driver({
          animate: false,
          steps: steps.map((s) => ({ element: `#${s.id}`, popover: { title: s.title, description: s.text } })),
        });
        window.__benchDriver = d;
        d.drive();
      } else window.__benchDriver.moveNext();
    } else if (step === 0) {
      const tour = new window.Shepherd.Tour({
        useModalOverlay: true,
        defaultStepOptions: { modalOverlayOpeningPadding: 0, modalOverlayOpeningRadius: 0, cancelIcon: { enabled: true } },
      });
      steps.forEach((s, i) =>
        tour.addStep({ id: `s${i}`, title: s.title, text: s.text, attachTo: { element: `#${s.id}`, on: 'bottom' }, buttons: [{ text: 'Next', action: tour.next }] }),
      );
      window.__benchTour = tour;
      tour.start();
    } else window.__benchTour.next();
  }

  return new Promise((resolve) => {
    let done = false;
    let frames = 0;
    let matched = null;
    const finish = (out) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(out);
    };
    const check = () => {
      if (matched !== null || done) return;
      const h = highlight();
      if (h && close(h, target())) {
        matched = performance.now();
        // The frame after the DOM condition: its rendering done, a task runs.
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            const painted = performance.now();
            finish({ ok: true, t0, matched, painted, frames, highlight: highlight(), target: target() });
          };
          ch.port2.postMessage(0);
        });
      }
    };
    const observer = new MutationObserver(check);
    const tick = () => {
      if (done) return;
      frames++;
      check();
      requestAnimationFrame(tick);
    };
    const timer = setTimeout(() => finish({ ok: false, t0, frames, highlight: highlight(), target: target() }), timeout);
    let t0 = performance.now();
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const root = document.querySelector('div[data-helpmark-host]')?.shadowRoot;
    if (root) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    // The widget's shadow root may be filled later: watch it as soon as it has content.
    requestAnimationFrame(tick);
    if (viaPointer) {
      // The click was (is being) dispatched by the harness: the time is its pointerdown.
      t0 = window.__benchPointerDown ?? t0;
    } else {
      t0 = performance.now();
      call();
    }
    check();
  });
}

// ---------------------------------------------------------------------------------------
// One page

async function newPage(browser, lib, baseUrl, netOpts) {
  const context = await browser.newContext({ locale: LOCALE, viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  let t0 = Date.now();
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() - t0 }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  if (netOpts) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: netOpts.rtt,
      downloadThroughput: (netOpts.mbps * 1e6) / 8,
      uploadThroughput: (netOpts.mbps * 1e6) / 8,
    });
  }
  await page.addInitScript(initObservers);
  t0 = Date.now();
  await page.goto(`${baseUrl}/${pageOf(lib)}`, { waitUntil: 'load' });
  const loadAt = Date.now() - t0;
  if (kindOf(lib) === 'helpmark') await page.locator('div[data-helpmark-host]:not([hidden]) button.hm-launcher').waitFor({ state: 'visible' });
  if (lib === 'driver.js') await page.waitForFunction(() => window.driver?.js?.driver);
  if (lib === 'shepherd') await page.waitForFunction(() => window.Shepherd?.Tour);
  return { context, page, cdp, errors, requests, loadAt };
}

function pathOf(url, baseUrl) {
  return url.startsWith(baseUrl) ? decodeURIComponent(new URL(url).pathname) : null;
}

function bytesOf(paths, dir) {
  let total = 0;
  const files = [];
  for (const p of paths) {
    const file = path.join(dir, p);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    const n = gzipped(file).length;
    total += n;
    files.push({ path: p, gzip: n });
  }
  return { total, files };
}

/** Bytes at load and with no call at all, for one library (one page, `idle` ms). */
async function measureBytes(browser, lib, server, dir, opts, hostFiles) {
  const { context, page, errors, requests, loadAt } = await newPage(browser, lib, server.url);
  try {
    await page.waitForTimeout(opts.idle);
    const own = (r) => {
      const p = pathOf(r.url, server.url);
      // (The other build's host page is its own, in before/: not counted either.)
      return p && !hostFiles.has(p.replace(/^\/before\//, '/')) && !p.includes('/bench-') ? p : null;
    };
    const atLoad = [...new Set(requests.filter((r) => r.at <= loadAt + opts.settle).map(own).filter(Boolean))];
    const later = [...new Set(requests.filter((r) => r.at > loadAt + opts.settle).map(own).filter(Boolean))].filter((p) => !atLoad.includes(p));
    return { lib, atLoad: bytesOf(atLoad, dir), idle: bytesOf(later, dir), errors };
  } finally {
    await context.close();
  }
}

/** The main thread's CPU time so far (CDP Performance.getMetrics ThreadTime), in ms. */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** Whether the widget's code (glue or WebAssembly) was requested already. */
function codeRequested(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').some((e) => /helpmark-(web|boot)-|\.wasm/.test(e.name)));
}

/** The mean frame interval over `n` frames (to tell a busy machine). */
function frameInterval(page, n = 20) {
  return page.evaluate(
    (count) =>
      new Promise((resolve) => {
        let k = 0;
        let first;
        const tick = (t) => {
          if (k === 0) first = t;
          if (++k > count) resolve((t - first) / count);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    n,
  );
}

async function longFrames(page, from, to) {
  return page.evaluate(
    ({ from, to }) => {
      const types = PerformanceObserver.supportedEntryTypes || [];
      if (!types.includes('long-animation-frame') || !types.includes('longtask')) return { unsupported: true };
      const within = (e) => e.start + e.duration > from && e.start < to;
      const loaf = window.__benchLoaf.filter(within);
      const long = window.__benchLong.filter(within);
      return {
        loafMax: loaf.reduce((m, e) => Math.max(m, e.duration), 0),
        loafCount: loaf.length,
        longCount: long.length,
        longMax: long.reduce((m, e) => Math.max(m, e.duration), 0),
      };
    },
    { from, to },
  );
}

function openProblems(r, what) {
  if (!r.ok) {
    return [`${what}: not shown with its highlight within ${OPEN_TIMEOUT} ms (highlight ${fmtBox(r.highlight)}, element ${fmtBox(r.target)})`];
  }
  const near = ['x', 'y', 'width', 'height'].every((k) => Math.abs(r.highlight[k] - r.target[k]) <= TOLERANCE);
  return near ? [] : [`${what}: after the paint the highlight ${fmtBox(r.highlight)} != the element ${fmtBox(r.target)}`];
}

const fmtBox = (b) => (b ? `(${b.x.toFixed(1)}, ${b.y.toFixed(1)}, ${b.width.toFixed(1)}x${b.height.toFixed(1)})` : 'none');

/** A cold open then a warm highlight on a fresh page (localhost, no emulation). */
async function measureOpen(browser, lib, server) {
  const { context, page, cdp, errors } = await newPage(browser, lib, server.url);
  try {
    await page.waitForTimeout(500);
    const codeBefore = await codeRequested(page);
    const idleInterval = await frameInterval(page);
    const args = { lib, steps: STEPS, tolerance: TOLERANCE, timeout: OPEN_TIMEOUT, viaPointer: false };
    const cpu0 = await threadTime(cdp);
    const cold = await page.evaluate(openInPage, { ...args, step: 0 });
    const cpu1 = await threadTime(cdp);
    const frames = cold.ok ? await longFrames(page, cold.t0, cold.painted) : {};
    await page.waitForTimeout(300);
    const warm = await page.evaluate(openInPage, { ...args, step: 1 });
    const after = await frameInterval(page);
    const problems = [...openProblems(cold, 'cold open'), ...openProblems(warm, 'warm highlight'), ...errors.map((e) => `page error: ${e}`)];
    if (kindOf(lib) === 'helpmark' && codeBefore) problems.push('cold open: the widget code was already requested before the call (not cold)');
    return {
      lib,
      interval: Math.max(idleInterval, after),
      coldCpu: cpu1 - cpu0,
      cold: cold.ok ? cold.painted - cold.t0 : NaN,
      coldDom: cold.ok ? cold.matched - cold.t0 : NaN,
      coldFrames: cold.frames,
      warm: warm.ok ? warm.painted - warm.t0 : NaN,
      warmFrames: warm.frames,
      ...frames,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** A cold open under network emulation: a click on the icon (intent: after 300 ms on it). */
async function measureNet(browser, lib, server, mode, opts) {
  const { context, page, errors } = await newPage(browser, lib, server.url, opts);
  try {
    await page.waitForTimeout(opts.settle);
    const args = { lib, steps: STEPS, tolerance: TOLERANCE, timeout: OPEN_TIMEOUT, step: 0 };
    const codeBefore = kindOf(lib) === 'helpmark' && (await codeRequested(page));
    let r;
    if (kindOf(lib) === 'helpmark') {
      const box = await page.locator('button.hm-launcher').boundingBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      if (mode === 'intent') {
        await page.mouse.move(x, y);
        await page.waitForTimeout(300);
      }
      const waiting = page.evaluate(openInPage, { ...args, viaPointer: true });
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.up();
      r = await waiting;
      // The wait started before the pointerdown: its time is the pointerdown's.
      const down = await page.evaluate(() => window.__benchPointerDown);
      if (down !== undefined) r.t0 = down;
    } else {
      r = await page.evaluate(openInPage, { ...args, viaPointer: false });
    }
    const problems = [...openProblems(r, `cold open (${mode}, ${opts.rtt} ms / ${opts.mbps} Mbit/s)`), ...errors.map((e) => `page error: ${e}`)];
    if (codeBefore) problems.push(`cold open (${mode}): the widget code was already requested before the pointer came (not cold)`);
    return { lib, mode, ms: r.ok ? r.painted - r.t0 : NaN, frames: r.frames, problems };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------
// Report

function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

function summarize(bytes, opens, nets, opts, libs) {
  const s = {};
  for (const lib of libs) {
    const b = bytes.find((x) => x.lib === lib);
    const o = opens.filter((x) => x.lib === lib);
    s[lib] = {
      atLoad: b.atLoad.total,
      atLoadFiles: b.atLoad.files,
      idle: b.idle.total,
      idleFiles: b.idle.files,
      runs: o.length,
      busy: o.filter((x) => x.busy).length,
      cold: median(o.map((x) => x.cold)),
      coldMin: Math.min(...o.map((x) => x.cold)),
      coldMax: Math.max(...o.map((x) => x.cold)),
      coldDom: median(o.map((x) => x.coldDom)),
      coldCpu: median(o.map((x) => x.coldCpu)),
      coldFrames: median(o.map((x) => x.coldFrames)),
      warm: median(o.map((x) => x.warm)),
      warmFrames: median(o.map((x) => x.warmFrames)),
      observed: o.every((x) => !x.unsupported),
      loafMax: Math.max(0, ...o.map((x) => x.loafMax ?? 0)),
      loafMedian: median(o.map((x) => x.loafMax ?? 0)),
      longCount: median(o.map((x) => x.longCount ?? 0)),
      longMax: Math.max(0, ...o.map((x) => x.longMax ?? 0)),
      net: {},
    };
    for (const mode of ['intent', 'click', 'call']) {
      const n = nets.filter((x) => x.lib === lib && x.mode === mode);
      if (n.length) s[lib].net[mode] = { ms: median(n.map((x) => x.ms)), frames: median(n.map((x) => x.frames)), runs: n.length };
    }
  }
  return s;
}

/** Issue #11 item 7 from bench/follow.mjs's JSON: net ms per frame and layouts per frame. */
function followFigures(file) {
  if (!file) return null;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = j.summary.baseline;
  const out = {};
  for (const [name, x] of Object.entries(j.summary)) {
    if (name === 'baseline') continue;
    out[name] = { net: x.total - base.total, layouts: x.layouts - base.layouts, busy: x.busy, runs: x.runs };
  }
  return { out, runs: j.options.runs, frames: j.options.frames, problems: j.problems.length };
}

function report(s, opts, versions) {
  const d = s['driver.js'];
  const sh = s.shepherd;
  const h = s.helpmark;
  const b = s.before;
  const cols = b ? [d, sh, b, h] : [d, sh, h];
  // Both observers report only entries of 50 ms or more: 0 means none that long.
  const loaf = (x) => (!x.observed ? 'n/a (unsupported)' : x.loafMax === 0 ? 'none >= 50 ms' : `${ms(x.loafMedian)} / ${ms(x.loafMax)}`);
  const long = (x) => (!x.observed ? 'n/a (unsupported)' : x.longMax === 0 ? 'none >= 50 ms' : `${x.longCount}; ${ms(x.longMax)}`);
  const files = (f) => f.map((x) => `${x.path.replace(/^\/(before\/)?/, '').replace(/-[0-9a-f]{8,}/, '-*')} ${int(x.gzip)}`).join(' + ');
  const opened = (x, k) => `${ms(x[k])} (${x[k + 'Frames']} fr)`;
  const rows = [
    ['bytes the page pays at load (gzip -9)', ...cols.map((x) => int(x.atLoad))],
    [`fetched with no call, within ${opts.idle / 1000} s of load (gzip)`, ...cols.map((x) => int(x.idle))],
    [`cold first open: call -> step painted with its highlight (median of ${opts.runs})`, ...cols.map((x) => opened(x, 'cold'))],
    ['  min..max', ...cols.map((x) => `${ms(x.coldMin)}..${ms(x.coldMax)}`)],
    ['  main-thread CPU in it (ThreadTime; less sensitive to a busy machine)', ...cols.map((x) => ms(x.coldCpu))],
    ['warm highlight: next step -> painted', ...cols.map((x) => opened(x, 'warm'))],
    ['longest animation frame in a cold open (median / max)', ...cols.map(loaf)],
    ['long tasks in a cold open (median count; longest)', ...cols.map(long)],
  ];
  const win = followFigures(opts.follow);
  const box = followFigures(opts.container);
  if (win || box) {
    const f3 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
    const pick = (set, name, k) => (set?.out[name] ? set.out[name][k] : NaN);
    const pair = (name, k) => `${f3(pick(win, name, k))} / ${name === 'driver.js' ? 'n/a' : f3(pick(box, name, k))}`;
    const dash = b ? ['-'] : [];
    rows.push([
      'following a scroll: ms of JS + style + layout per frame over the page alone (window / container)',
      pair('driver.js', 'net'),
      pair('shepherd', 'net'),
      ...dash,
      pair('helpmark', 'net'),
    ]);
    rows.push(['forced layouts per frame while scrolling, over the page alone (window / container)', pair('driver.js', 'layouts'), pair('shepherd', 'layouts'), ...dash, pair('helpmark', 'layouts')]);
  }
  if (opts['net-runs'] > 0) {
    const n = (x, mode) => (x.net[mode] ? `${ms(x.net[mode].ms)} (${x.net[mode].frames} fr)` : 'n/a');
    const label = `${opts.rtt} ms RTT, ${opts.mbps} Mbit/s`;
    rows.push([`cold open, ${label}, intent (hover 300 ms, click) (median of ${opts['net-runs']})`, n(d, 'call'), n(sh, 'call'), ...(b ? [n(b, 'intent')] : []), n(h, 'intent')]);
    rows.push([`cold open, ${label}, click at once`, n(d, 'call'), n(sh, 'call'), ...(b ? [n(b, 'click')] : []), n(h, 'click')]);
  }
  console.log(
    `\nIssue #11's table: opening help on the same page (dist/embed-example.html + three targets), headless Chromium ${versions.chromium},` +
      `\nviewport ${VIEWPORT.width}x${VIEWPORT.height}, ${LOCALE}, localhost unless said; fr = animation frames from the call to the paint\n`,
  );
  const header = ['', `Driver.js ${versions.driver}`, `Shepherd.js ${versions.shepherd}`, ...(b ? [`Helpmark before (${versions.before})`] : []), 'Helpmark'];
  console.log(table(rows, header));
  console.log(
    `\n  at load: Driver.js ${files(d.atLoadFiles) || '-'}; Shepherd.js ${files(sh.atLoadFiles) || '-'}; Helpmark ${files(h.atLoadFiles) || '-'}` +
      (b ? `; Helpmark before ${files(b.atLoadFiles) || '-'}` : '') +
      `\n  with no call: Helpmark ${files(h.idleFiles) || 'nothing'}${d.idle || sh.idle ? `; Driver.js ${files(d.idleFiles)}; Shepherd.js ${files(sh.idleFiles)}` : ''}` +
      `\n  cold open, DOM condition met (before the paint): Driver.js ${ms(d.coldDom)}, Shepherd.js ${ms(sh.coldDom)}, Helpmark ${ms(h.coldDom)}` +
      `\n  the peers load everything with the page: under emulation their figure is the call alone` +
      (h.busy || d.busy || sh.busy ? `\n  busy runs kept (the machine was busy: stretched): Helpmark ${h.busy}, Driver.js ${d.busy}, Shepherd.js ${sh.busy}` : '') +
      (win || box
        ? `\n  following: bench/follow.mjs, ${win?.runs ?? box?.runs} runs of ${win?.frames ?? box?.frames} frames each; Driver.js does not follow a scrolled container` +
          (win?.problems || box?.problems ? ` (FOLLOW CHECK FAILED: see its output)` : '')
        : `\n  following a scroll (item 7): node bench/follow.mjs, or scripts/bench.sh for all of it`),
  );
  const ratios = {
    atLoad: { driver: h.atLoad / d.atLoad, shepherd: h.atLoad / sh.atLoad },
    cold: { driver: h.cold / d.cold, shepherd: h.cold / sh.cold },
    coldCpu: { driver: h.coldCpu / d.coldCpu, shepherd: h.coldCpu / sh.coldCpu },
    warm: { driver: h.warm / d.warm, shepherd: h.warm / sh.warm },
  };
  const line = (x, name) =>
    `\n${name} / Driver.js: bytes at load ${ratio(x.atLoad, d.atLoad)}, cold open ${ratio(x.cold, d.cold)} (CPU ${ratio(x.coldCpu, d.coldCpu)}), warm highlight ${ratio(x.warm, d.warm)}` +
    `\n${name} / Shepherd.js: bytes at load ${ratio(x.atLoad, sh.atLoad)}, cold open ${ratio(x.cold, sh.cold)} (CPU ${ratio(x.coldCpu, sh.coldCpu)}), warm highlight ${ratio(x.warm, sh.warm)}`;
  console.log(line(h, 'Helpmark') + (b ? line(b, 'Helpmark before') : ''));
  if (win?.out.helpmark && win.out['driver.js']) {
    console.log(`Helpmark / Driver.js following a window scroll: ${ratio(win.out.helpmark.net, win.out['driver.js'].net)}`);
  }
  if (box?.out.helpmark && box.out.shepherd) {
    console.log(`Helpmark / Shepherd.js following a container scroll: ${ratio(box.out.helpmark.net, box.out.shepherd.net)}`);
  }
  return ratios;
}

// ---------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.dist, 'embed-example.html'))) {
    harnessError(`${opts.dist}/embed-example.html not found: build it first (trunk build --release --offline)`);
  }
  for (const f of [path.join(DRIVER_DIR, 'driver.js.iife.js'), path.join(SHEPHERD_DIR, 'js', 'shepherd.mjs')]) {
    if (!fs.existsSync(f)) harnessError(`${path.relative(ROOT, f)} missing: run PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci`);
  }
  if (!fs.existsSync(CHROMIUM)) harnessError(`${CHROMIUM} not found (apt-get install chromium)`);
  const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')).version;
  const versions = { driver: version(DRIVER_DIR), shepherd: version(SHEPHERD_DIR) };

  // A private copy: a concurrent `trunk build` may replace dist/ while we serve it.
  const copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'helpmark-bench-open-')));
  fs.cpSync(opts.dist, copy, { recursive: true });
  writeVariants(copy);
  if (opts.before) {
    if (!fs.existsSync(path.join(opts.before, 'embed-example.html'))) harnessError(`--before ${opts.before}: no embed-example.html (not a build)`);
    writeBefore(copy, opts.before);
    versions.before = path.basename(opts.before);
  }
  const libs = opts.before ? [...LIBS, 'before'] : LIBS;
  const port = await freePort(opts.port);
  const server = await startServer(copy, port);
  let browser;
  const cleanup = async () => {
    await server.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    server.server.closeAllConnections?.();
    fs.rmSync(copy, { recursive: true, force: true });
    process.exit(130);
  });

  const bytes = [];
  const opens = [];
  const nets = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    versions.chromium = browser.version();
    console.log(
      `bench/open: Chromium ${versions.chromium}, Driver.js ${versions.driver}, Shepherd.js ${versions.shepherd}; ` +
        `${opts.runs} runs (+ ${opts['net-runs']} emulated), serving a copy of ${path.relative(ROOT, opts.dist) || '.'} at ${server.url}`,
    );

    // The host page's own files (counted for nobody).
    const none = await newPage(browser, 'none', server.url);
    await none.page.waitForTimeout(opts.settle);
    const hostFiles = new Set(none.requests.map((r) => pathOf(r.url, server.url)).filter(Boolean));
    await none.context.close();

    // 1. Bytes, with no call at all (the libraries in parallel: one idle wait).
    console.log(`  bytes: each page left alone ${opts.idle / 1000} s ...`);
    bytes.push(...(await Promise.all(libs.map((lib) => measureBytes(browser, lib, server, copy, opts, hostFiles)))));

    // 2. Cold open and warm highlight, localhost. Warm-up first (not counted).
    for (const lib of libs) await measureOpen(browser, lib, server);
    let interval = Infinity;
    for (let run = 0; run < opts.runs; run++) {
      const order = run % 2 === 0 ? libs : [...libs].reverse();
      for (const lib of order) {
        let r;
        for (let attempt = 0; attempt <= opts.retries; attempt++) {
          r = await measureOpen(browser, lib, server);
          interval = Math.min(interval, r.interval);
          r.busy = r.interval > interval * BUSY_FACTOR;
          console.log(
            `  run ${run + 1}/${opts.runs} ${lib.padEnd(9)} cold ${ms(r.cold)} (${r.coldFrames} frames)  warm ${ms(r.warm)} (${r.warmFrames} frames)  ` +
              `cpu ${ms(r.coldCpu)}  LoAF max ${r.unsupported ? 'n/a' : ms(r.loafMax)}  long tasks ${r.longCount ?? 'n/a'}${r.busy ? (attempt < opts.retries ? '  busy: again' : '  busy: kept') : ''}` +
              `${r.problems.length ? '  CHECK FAILED' : ''}`,
          );
          if (!r.busy || r.problems.length) break;
        }
        opens.push({ run, ...r });
      }
    }

    // 3. Cold open under network emulation.
    const netOpts = { rtt: opts.rtt, mbps: opts.mbps, settle: opts.settle };
    for (let run = 0; run < opts['net-runs']; run++) {
      for (const [lib, mode] of [
        ['helpmark', 'intent'],
        ['helpmark', 'click'],
        ...(opts.before ? [['before', 'intent'], ['before', 'click']] : []),
        ['driver.js', 'call'],
        ['shepherd', 'call'],
      ]) {
        const r = await measureNet(browser, lib, server, mode, netOpts);
        console.log(`  emulated ${run + 1}/${opts['net-runs']} ${lib.padEnd(9)} ${mode.padEnd(6)} ${ms(r.ms)} (${r.frames} frames)${r.problems.length ? '  CHECK FAILED' : ''}`);
        nets.push({ run, ...r });
      }
    }
  } finally {
    if (browser) await browser.close();
    await cleanup();
  }

  const summary = summarize(bytes, opens, nets, opts, libs);
  const ratios = report(summary, opts, versions);
  const problems = [
    ...bytes.flatMap((b) => b.errors.map((e) => `${b.lib} (left alone): page error: ${e}`)),
    ...opens.flatMap((r) => r.problems.map((p) => `run ${r.run + 1} ${r.lib}: ${p}`)),
    ...nets.flatMap((r) => r.problems.map((p) => `emulated run ${r.run + 1} ${r.lib}: ${p}`)),
  ];
  if (opts.json) {
    fs.writeFileSync(
      opts.json,
      JSON.stringify({ options: { ...opts, viewport: VIEWPORT, locale: LOCALE }, versions, bytes, opens, nets, summary, ratios, problems }, null, 2),
    );
    console.log(`\nwrote ${opts.json}`);
  }
  if (problems.length) {
    console.log(`\nOPEN CHECK FAILED (${problems.length}):`);
    for (const p of problems) console.log(`  ${p}`);
    process.exitCode = 1;
  } else {
    console.log(`\nopen check: every open and highlight ended with the highlight within ${TOLERANCE} px of its element.`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
