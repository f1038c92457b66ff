#!/usr/bin/env node
/**
 * bench/follow.mjs: what FOLLOWING a highlighted element costs the main thread per
 * frame while the page scrolls, for Helpmark's spotlight and for Driver.js 1.x, in the
 * same run, on the demo portal of the release build (dist/).
 *
 *   node bench/follow.mjs [--frames 600] [--runs 5] [--port 8097] [--dist DIR]
 *                         [--step 4] [--range 600] [--retries 2] [--no-popover]
 *                         [--container] [--json FILE]
 *
 * --container scrolls a container instead of the window: the portal's <main> becomes a
 * scrolling box (the page itself does not scroll), and the configurations are baseline,
 * helpmark and shepherd (Driver.js does not follow a scrolled container, so it is left
 * out). Issue #11 item 7: Helpmark at or below Driver.js on window scroll, at or below
 * Shepherd on container scroll. `shepherd` (Shepherd.js 15's modal overlay and a step
 * attached to the button) runs on window scroll too, for the table of issue #11.
 *
 * Configurations (each page load in a fresh browser context, locale en-US, 1280x360):
 *   baseline          the portal, Helpmark's widget closed and idle, nothing highlighted
 *   helpmark          the guide resumed at step 2, target 2 (sessionStorage
 *                     `helpmark:guide`): the spotlight's cut-out around the Update button
 *   driver.js         Driver.js's IIFE build and CSS injected into the baseline page,
 *                     `driver().highlight({ element })` on the Update button
 *   driver.js+popover the same with a popover (title, description), which Driver.js
 *                     repositions on every scroll too: closer to a guide step, as
 *                     Helpmark shows its panel (informational; --no-popover drops it)
 *
 * Every configuration adds the same spacer (so the page scrolls), then a
 * requestAnimationFrame loop in the page scrolls back and forth over 0..range px, `step`
 * px a frame, for `frames` frames. Chrome's Performance.getMetrics (CDP) is read before
 * and after: the deltas of ScriptDuration, RecalcStyleDuration and LayoutDuration,
 * divided by the frames, are the main-thread milliseconds per frame; LayoutCount and
 * RecalcStyleCount deltas per frame too. Runs alternate the order of the
 * configurations; the table shows medians. The highlighter's own cost is its median
 * minus the baseline's. A run that missed animation frames (its frames took over 4 %
 * longer than the shortest seen: another process had the core, which stretches every
 * duration measured) is measured again, up to --retries times; the last attempt counts,
 * and the table says how many busy runs it kept. Durations are wall time on the main
 * thread; the `cpu` column (ThreadTime, all the main thread's work) is less sensitive
 * to a busy machine.
 *
 * Correctness: before and after the loop, and at two more scroll positions, the
 * highlight must match the Update button's getBoundingClientRect within 2 px (Helpmark:
 * the SVG cut-out, clipped to the viewport as it draws it; Driver.js: the cut-out of its
 * overlay's SVG path, less its stage padding), and the page must be where the loop left
 * it (no highlighter scrolled it). Exit 1 if not. Timings never fail: exit 0 otherwise
 * (2 if the harness itself cannot run).
 *
 * Browser: Debian's /usr/bin/chromium through Playwright (never `npx playwright
 * install`). The files are served by `python3 -m http.server` from a private copy of
 * dist/, started and stopped here.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
const VIEWPORT = { width: 1280, height: 360 };
const LOCALE = 'en-US';
const ROUTE = '/#/customers/contoso/account';
const TARGET = '[data-help-target="update"]';
const GUIDE = 'update-customer-account-info\n1:1';
const SPACER = 'main, main.portal-main { padding-bottom: 3000px !important; }';
const TOLERANCE = 2;
/** A run whose frames took this much longer than the shortest seen missed frames. */
const BUSY_FACTOR = 1.04;
const DRIVER_DIR = path.join(ROOT, 'node_modules', 'driver.js', 'dist');
const SHEPHERD_DIR = path.join(ROOT, 'node_modules', 'shepherd.js', 'dist');
/** --container: <main> scrolls, not the page (its height leaves the header in view). */
const CONTAINER =
  'html, body { overflow: hidden !important; } ' +
  'main, main.portal-main { height: 240px !important; overflow-y: auto !important; padding-bottom: 3000px !important; }';

// ---------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    frames: 600,
    runs: 5,
    port: 8097,
    step: 4,
    range: 600,
    retries: 2,
    dist: path.join(ROOT, 'dist'),
    popover: true,
    container: false,
    json: null,
  };
  const numeric = new Set(['frames', 'runs', 'port', 'step', 'range', 'retries']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [null];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === 'help' || arg === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else if (flag === 'no-popover') opts.popover = false;
    else if (flag === 'container') opts.container = true;
    else if (flag === 'dist') opts.dist = path.resolve(value());
    else if (flag === 'json') opts.json = path.resolve(value());
    else if (numeric.has(flag)) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < (flag === 'retries' ? 0 : 1)) harnessError(`--${flag} needs a positive integer`);
      opts[flag] = n;
    } else harnessError(`unknown argument: ${arg} (see --help)`);
  }
  return opts;
}

function harnessError(message) {
  console.error(`bench/follow: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// Static server over a private copy of dist/

async function freePort(from) {
  for (let port = from; port < from + 50; port++) {
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  harnessError(`no free port in ${from}..${from + 49}`);
}

async function startServer(dir, port) {
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (exited) break;
    try {
      const res = await fetch(`${url}/index.html`);
      if (res.ok) return { url, stop: () => exited || child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!exited) child.kill('SIGTERM');
  harnessError(`python3 -m http.server did not start on port ${port}`);
}

// ---------------------------------------------------------------------------------------
// Page setup per configuration

const CONFIGS = {
  baseline: { guide: false, driver: false },
  helpmark: { guide: true, driver: false },
  'driver.js': { guide: false, driver: 'plain' },
  'driver.js+popover': { guide: false, driver: 'popover' },
  shepherd: { guide: false, driver: false, shepherd: true },
};

async function openConfig(browser, baseUrl, name, opts) {
  const cfg = CONFIGS[name];
  const context = await browser.newContext({ locale: LOCALE, viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.addInitScript((guide) => {
    if (guide) sessionStorage.setItem('helpmark:guide', guide);
    else sessionStorage.removeItem('helpmark:guide');
  }, cfg.guide ? GUIDE : null);

  await page.goto(`${baseUrl}${ROUTE}`);
  await page.locator('body[data-portal-locale]').waitFor({ state: 'attached' });
  await page.locator(TARGET).waitFor({ state: 'visible' });
  // The widget is loaded in every configuration (its launcher), open only in helpmark's.
  await page.locator('button.hm-launcher').waitFor({ state: 'attached' });
  await page.addStyleTag({ content: opts.container ? CONTAINER : SPACER });

  if (cfg.guide) {
    await page.locator('svg.hm-spotlight rect.hm-cutout').waitFor({ state: 'attached' });
  }
  if (cfg.driver) {
    await page.addStyleTag({ path: path.join(DRIVER_DIR, 'driver.css') });
    await page.addScriptTag({ path: path.join(DRIVER_DIR, 'driver.js.iife.js') });
    await page.evaluate(
      ({ selector, popover }) => {
        const d = window.driver.js.driver();
        window.__benchDriver = d;
        d.highlight({
          element: selector,
          ...(popover
            ? {
                popover: {
                  title: 'Update customer details',
                  description: 'Select Update to change the billing contact.',
                },
              }
            : {}),
        });
      },
      { selector: TARGET, popover: cfg.driver === 'popover' },
    );
    await page.locator('svg.driver-overlay path').waitFor({ state: 'attached' });
    // Its highlight animates for `duration` (400 ms) in its own rAF loop: wait for the end.
    await page.waitForFunction(() => window.__benchDriver.getState('__transitionCallback') === undefined);
    if (cfg.driver === 'popover') await page.locator('.driver-popover').waitFor({ state: 'visible' });
  }
  if (cfg.shepherd) {
    await page.addStyleTag({ url: '/peers/shepherd.css' });
    await page.addScriptTag({ type: 'module', content: "import Shepherd from '/peers/shepherd.mjs'; window.Shepherd = Shepherd;" });
    await page.waitForFunction(() => window.Shepherd?.Tour);
    await page.evaluate((selector) => {
      const tour = new window.Shepherd.Tour({
        useModalOverlay: true,
        defaultStepOptions: { modalOverlayOpeningPadding: 0, modalOverlayOpeningRadius: 0 },
      });
      tour.addStep({
        id: 's0',
        title: 'Update customer details',
        text: 'Select Update to change the billing contact.',
        attachTo: { element: selector, on: 'bottom' },
      });
      window.__benchTour = tour;
      tour.start();
    }, TARGET);
    await page.locator('.shepherd-element').waitFor({ state: 'visible' });
  }
  // Let load-time work, smooth scrolling into view and fade-ins finish.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  return { context, page, cdp, errors, cfg };
}

// ---------------------------------------------------------------------------------------
// In the page

/** Waits for `n` animation frames. */
function frames(page, n) {
  return page.evaluate(
    (count) =>
      new Promise((resolve) => {
        let left = count;
        const tick = () => (--left > 0 ? requestAnimationFrame(tick) : resolve());
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** The scroll loop: `frames` frames, a triangle wave over 0..range px, `step` px a frame. */
function scrollLoop(page, { frames: count, step, range, container }) {
  return page.evaluate(
    ({ count, step, range, container }) =>
      new Promise((resolve) => {
        let k = 0;
        let y = 0;
        const t0 = performance.now();
        const tick = () => {
          k++;
          const d = (k * step) % (2 * range);
          y = d <= range ? d : 2 * range - d;
          if (container) document.querySelector('main').scrollTop = y;
          else window.scrollTo(0, y);
          // One more frame after the last scroll: the followers answer it in that frame.
          if (k < count) requestAnimationFrame(tick);
          else requestAnimationFrame(() => resolve({ ms: performance.now() - t0, y }));
        };
        requestAnimationFrame(tick);
      }),
    { count, step, range, container },
  );
}

/** Where things are now: the target, the viewport, scrollY and each highlighter's rect. */
function snapshot(page, container) {
  return page.evaluate(({ selector, container }) => {
    const rect = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const target = document.querySelector(selector);
    const out = {
      scrollY: container ? document.querySelector('main').scrollTop : window.scrollY,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      target: target ? rect(target.getBoundingClientRect()) : null,
      helpmark: null,
      driver: null,
    };
    const root = document.querySelector('div[data-helpmark-host]')?.shadowRoot;
    const cut = root?.querySelector('svg.hm-spotlight rect.hm-cutout');
    if (cut) {
      const n = (a) => Number(cut.getAttribute(a));
      out.helpmark = { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
    }
    const d = window.__benchDriver;
    const pathEl = document.querySelector('svg.driver-overlay path');
    if (d && pathEl) {
      // The stage's sub-path: M u,v h w' a r,r 0 0 1 r,r v h' … (padding and radius added).
      const m = /M\s*([-\d.e]+),([-\d.e]+)\s*h\s*([-\d.e]+)\s*a\s*([-\d.e]+),[-\d.e]+\s+0 0 1 [-\d.e]+,[-\d.e]+\s*v\s*([-\d.e]+)/.exec(
        pathEl.getAttribute('d') ?? '',
      );
      const pad = d.getConfig('stagePadding') || 0;
      if (m) {
        const [u, v, w, r, h] = m.slice(1, 6).map(Number);
        out.driver = { x: u - r + pad, y: v + pad, width: w + 2 * r - 2 * pad, height: h + 2 * r - 2 * pad };
      }
      const popover = document.querySelector('.driver-popover');
      out.driverPopover = popover ? getComputedStyle(popover).display !== 'none' : false;
    }
    // Shepherd: the opening of the modal overlay's path (radius 0: only M, H, V and a0,0).
    const overlay = document.querySelector('svg.shepherd-modal-overlay-container path');
    if (window.__benchTour && overlay) {
      const opening = (overlay.getAttribute('d') ?? '').split('Z')[1] ?? '';
      const xs = [];
      const ys = [];
      for (const [, cmd, args] of opening.matchAll(/([MHV])([-\d.e,]+)/g)) {
        const nums = args.split(',').map(Number);
        if (cmd === 'M') xs.push(nums[0]), ys.push(nums[1]);
        else if (cmd === 'H') xs.push(nums[0]);
        else ys.push(nums[0]);
      }
      if (xs.length && ys.length) {
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        out.shepherd = { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
      }
    }
    out.spotlights = root ? root.querySelectorAll('svg.hm-spotlight').length : 0;
    out.overlays = document.querySelectorAll('svg.driver-overlay').length;
    return out;
  }, { selector: TARGET, container });
}

function clip(r, vp) {
  const x = Math.max(r.x, 0);
  const y = Math.max(r.y, 0);
  return {
    x,
    y,
    width: Math.min(r.x + r.width, vp.width) - x,
    height: Math.min(r.y + r.height, vp.height) - y,
  };
}

function close(a, b) {
  return (
    a != null &&
    b != null &&
    ['x', 'y', 'width', 'height'].every((k) => Math.abs(a[k] - b[k]) <= TOLERANCE)
  );
}

const fmtBox = (b) => (b ? `(${b.x.toFixed(1)}, ${b.y.toFixed(1)}, ${b.width.toFixed(1)}x${b.height.toFixed(1)})` : 'none');

/** Problems with the highlight in `s` (empty when it matches the target, as it should). */
function followProblems(name, s, where) {
  const problems = [];
  const cfg = CONFIGS[name];
  if (!s.target) return [`${where}: the target ${TARGET} is gone`];
  if (cfg.guide) {
    const want = clip(s.target, s.viewport);
    if (!close(s.helpmark, want)) {
      problems.push(`${where}: Helpmark's cut-out ${fmtBox(s.helpmark)} != the button ${fmtBox(want)}`);
    }
  } else if (s.spotlights > 0) {
    problems.push(`${where}: a Helpmark spotlight is drawn, but the guide should be closed`);
  }
  if (cfg.driver) {
    if (s.overlays !== 1) problems.push(`${where}: ${s.overlays} Driver.js overlays, expected 1`);
    if (!close(s.driver, s.target)) {
      problems.push(`${where}: Driver.js's stage ${fmtBox(s.driver)} != the button ${fmtBox(s.target)}`);
    }
    if (cfg.driver === 'popover' && !s.driverPopover) problems.push(`${where}: Driver.js's popover is not shown`);
  } else if (s.overlays > 0) {
    problems.push(`${where}: a Driver.js overlay is present`);
  }
  if (cfg.shepherd && !close(s.shepherd, s.target)) {
    problems.push(`${where}: Shepherd's opening ${fmtBox(s.shepherd)} != the button ${fmtBox(s.target)}`);
  }
  return problems;
}

async function scrollAndCheck(page, name, y, where, container) {
  await page.evaluate(
    ({ top, container }) => (container ? (document.querySelector('main').scrollTop = top) : window.scrollTo(0, top)),
    { top: y, container },
  );
  await frames(page, 4);
  const s = await snapshot(page, container);
  const problems = followProblems(name, s, `${where} (scrollY ${s.scrollY})`);
  if (Math.abs(s.scrollY - y) > 1) problems.push(`${where}: scrollY is ${s.scrollY}, expected ${y}`);
  return { s, problems };
}

// ---------------------------------------------------------------------------------------
// One measurement

const METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration', 'ThreadTime', 'LayoutCount', 'RecalcStyleCount'];

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}

async function measure(browser, baseUrl, name, opts) {
  const { context, page, cdp, errors } = await openConfig(browser, baseUrl, name, opts);
  const container = opts.container;
  try {
    const problems = [];
    // Two positions where the whole button is visible below the sticky header: its own
    // place in the viewport differs, so a highlight that stays put cannot pass both.
    // (In a container: the same within it.)
    const geo = await page.evaluate(
      ({ selector, container }) => {
        const r = document.querySelector(selector).getBoundingClientRect();
        if (container) {
          const main = document.querySelector('main');
          return { top: r.top - main.getBoundingClientRect().top + main.scrollTop, max: main.scrollHeight - main.clientHeight, height: main.clientHeight };
        }
        return {
          top: r.top + window.scrollY,
          max: document.documentElement.scrollHeight - window.innerHeight,
          height: window.innerHeight,
        };
      },
      { selector: TARGET, container },
    );
    if (geo.max < opts.range) {
      problems.push(`the page scrolls only ${geo.max} px, less than the range ${opts.range} px`);
    }
    const at = (viewportY) => Math.round(Math.min(Math.max(geo.top - viewportY, 0), geo.max));
    const yA = at(geo.height * (container ? 0.5 : 0.6));
    const yB = at(geo.height * (container ? 0.2 : 0.3));

    problems.push(...(await scrollAndCheck(page, name, yA, 'before the loop', container)).problems);
    await page.evaluate((container) => (container ? (document.querySelector('main').scrollTop = 0) : window.scrollTo(0, 0)), container);
    await frames(page, 10);

    try {
      await cdp.send('HeapProfiler.collectGarbage');
    } catch {
      // optional
    }
    const before = await metrics(cdp);
    const loop = await scrollLoop(page, opts);
    const after = await metrics(cdp);

    // Right after the loop (no extra frames but the one the loop waited for).
    const end = await snapshot(page, container);
    if (Math.abs(end.scrollY - loop.y) > 1) {
      problems.push(`after the loop: scrollY is ${end.scrollY}, the loop left it at ${loop.y} (something else scrolled)`);
    }
    const endWant = clip(end.target, end.viewport);
    // In a container, the button may be half under its edge there (each highlighter clips
    // it its own way): checked only at the positions below, where it is wholly visible.
    if (endWant.width > 0 && endWant.height > 0 && !container) problems.push(...followProblems(name, end, 'right after the loop'));
    problems.push(...(await scrollAndCheck(page, name, yB, 'after the loop', container)).problems);
    problems.push(...(await scrollAndCheck(page, name, yA, 'after the loop, back', container)).problems);
    if (errors.length) problems.push(...errors.map((e) => `page error: ${e}`));

    const n = opts.frames;
    const delta = (k) => after[k] - before[k];
    return {
      name,
      script: (delta('ScriptDuration') * 1000) / n,
      style: (delta('RecalcStyleDuration') * 1000) / n,
      layout: (delta('LayoutDuration') * 1000) / n,
      task: (delta('TaskDuration') * 1000) / n,
      cpu: (delta('ThreadTime') * 1000) / n,
      layouts: delta('LayoutCount') / n,
      recalcs: delta('RecalcStyleCount') / n,
      frameMs: loop.ms / (n + 1),
      problems,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------
// Report

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarize(results, names) {
  const out = {};
  for (const name of names) {
    const rs = results.filter((r) => r.name === name);
    const totals = rs.map((r) => r.script + r.style + r.layout);
    out[name] = {
      runs: rs.length,
      script: median(rs.map((r) => r.script)),
      style: median(rs.map((r) => r.style)),
      layout: median(rs.map((r) => r.layout)),
      total: median(totals),
      totalMin: Math.min(...totals),
      totalMax: Math.max(...totals),
      task: median(rs.map((r) => r.task)),
      cpu: median(rs.map((r) => r.cpu)),
      layouts: median(rs.map((r) => r.layouts)),
      recalcs: median(rs.map((r) => r.recalcs)),
      frameMs: median(rs.map((r) => r.frameMs)),
      busy: rs.filter((r) => r.busy).length,
    };
  }
  return out;
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function report(summary, names, opts) {
  const f3 = (x) => x.toFixed(3);
  const base = summary.baseline;
  const rows = names.map((name) => {
    const s = summary[name];
    const net = name === 'baseline' ? '' : f3(s.total - base.total);
    return [
      name,
      s.busy ? `${s.runs} (${s.busy} busy)` : String(s.runs),
      f3(s.script),
      f3(s.style),
      f3(s.layout),
      f3(s.total),
      `${f3(s.totalMin)}..${f3(s.totalMax)}`,
      net,
      f3(s.task),
      f3(s.cpu),
      s.layouts.toFixed(2),
      s.recalcs.toFixed(2),
      s.frameMs.toFixed(1),
    ];
  });
  console.log(
    `\nFollowing a highlighted element while scrolling ${opts.container ? 'a container (<main>)' : 'the window'}: main-thread ms per frame, median of ${opts.runs} runs` +
      `\n(${opts.frames} frames each, scrolling 0..${opts.range} px by ${opts.step} px a frame; viewport ${VIEWPORT.width}x${VIEWPORT.height}, ${LOCALE})\n`,
  );
  console.log(
    table(rows, ['configuration', 'runs', 'script', 'style', 'layout', 'total', 'total min..max', 'minus baseline', 'task (all)', 'cpu (all)', 'layouts/frame', 'styles/frame', 'frame ms']),
  );
  console.log(
    '\n  total = script + style + layout (the medians of each run\'s total); task (all) = every main-thread task, incl. paint;' +
      '\n  cpu (all) = the main thread\'s CPU time (ThreadTime): all its work, but not the time another process took the core;' +
      '\n  layouts/styles per frame = LayoutCount/RecalcStyleCount deltas; frame ms = wall time per animation frame;' +
      '\n  busy = runs kept although they missed frames (the machine was busy: their durations are stretched).',
  );

  const ratios = [];
  const hm = summary.helpmark;
  for (const other of names.filter((n) => n.startsWith('driver.js') || n === 'shepherd')) {
    const d = summary[other];
    const netH = hm.total - base.total;
    const netD = d.total - base.total;
    ratios.push({
      versus: other,
      net: netD > 0 ? netH / netD : NaN,
      raw: hm.total / d.total,
      netScript: d.script - base.script > 0 ? (hm.script - base.script) / (d.script - base.script) : NaN,
      netCpu: d.cpu - base.cpu > 0 ? (hm.cpu - base.cpu) / (d.cpu - base.cpu) : NaN,
    });
  }
  console.log('');
  for (const r of ratios) {
    // n/a: Driver.js's cost is not above the baseline's in that measure (noise).
    const show = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a');
    console.log(
      `Helpmark / ${r.versus}: ${show(r.net)} after subtracting the baseline (script+style+layout), ` +
        `${show(r.raw)} raw; script alone ${show(r.netScript)} net; main-thread CPU (all work) ${show(r.netCpu)} net`,
    );
  }
  return ratios;
}

// ---------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) {
    harnessError(`${opts.dist}/index.html not found: build it first (trunk build --release --offline)`);
  }
  if (!fs.existsSync(path.join(DRIVER_DIR, 'driver.js.iife.js'))) {
    harnessError('node_modules/driver.js not installed: run PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci');
  }
  if (!fs.existsSync(CHROMIUM)) harnessError(`${CHROMIUM} not found (apt-get install chromium)`);
  const driverVersion = JSON.parse(fs.readFileSync(path.join(DRIVER_DIR, '..', 'package.json'), 'utf8')).version;

  // A private copy: a concurrent `trunk build` may replace dist/ while we serve it.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'helpmark-bench-dist-'));
  fs.cpSync(opts.dist, copy, { recursive: true });
  {
    if (!fs.existsSync(path.join(SHEPHERD_DIR, 'js', 'shepherd.mjs'))) {
      harnessError('node_modules/shepherd.js not installed: run PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci');
    }
    fs.mkdirSync(path.join(copy, 'peers'), { recursive: true });
    fs.copyFileSync(path.join(SHEPHERD_DIR, 'js', 'shepherd.mjs'), path.join(copy, 'peers', 'shepherd.mjs'));
    fs.copyFileSync(path.join(SHEPHERD_DIR, 'css', 'shepherd.css'), path.join(copy, 'peers', 'shepherd.css'));
  }
  const port = await freePort(opts.port);
  const server = await startServer(copy, port);
  let browser;
  const cleanup = () => {
    server.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  const names = opts.container
    ? ['baseline', 'helpmark', 'shepherd']
    : ['baseline', 'helpmark', 'driver.js', ...(opts.popover ? ['driver.js+popover'] : []), 'shepherd'];
  const results = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(
      `bench/follow: Chromium ${browser.version()}, Driver.js ${driverVersion}, ${opts.runs} runs x ${names.length} configurations, ` +
        `serving a copy of ${path.relative(ROOT, opts.dist) || '.'} at ${server.url}`,
    );
    // Warm-up (not counted): the first page load of a browser is slower.
    // The frame interval of an idle machine: the shortest seen (60 Hz: 16.7 ms).
    let interval = (await measure(browser, server.url, 'baseline', { ...opts, frames: 60 })).frameMs;
    for (let run = 0; run < opts.runs; run++) {
      const order = run % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        // A run that missed frames had the core taken by something else (a busy machine
        // stretches every duration measured): it is measured again, up to --retries
        // times; the last attempt counts either way, marked busy.
        let r;
        for (let attempt = 0; attempt <= opts.retries; attempt++) {
          r = await measure(browser, server.url, name, opts);
          interval = Math.min(interval, r.frameMs);
          r.busy = r.frameMs > interval * BUSY_FACTOR;
          r.attempts = attempt + 1;
          const total = r.script + r.style + r.layout;
          console.log(
            `  run ${run + 1}/${opts.runs} ${name.padEnd(17)} script ${r.script.toFixed(3)}  style ${r.style.toFixed(3)}  ` +
              `layout ${r.layout.toFixed(3)}  total ${total.toFixed(3)} ms/frame  layouts ${r.layouts.toFixed(2)}/frame  ` +
              `frame ${r.frameMs.toFixed(1)} ms${r.busy ? (attempt < opts.retries ? '  busy: again' : '  busy: kept') : ''}` +
              `${r.problems.length ? '  FOLLOW FAILED' : ''}`,
          );
          if (!r.busy || r.problems.length) break;
        }
        results.push({ run, ...r });
      }
    }
  } finally {
    if (browser) await browser.close();
    cleanup();
  }

  const summary = summarize(results, names);
  const ratios = report(summary, names, opts);
  const problems = results.flatMap((r) => r.problems.map((p) => `run ${r.run + 1} ${r.name}: ${p}`));
  if (opts.json) {
    fs.writeFileSync(
      opts.json,
      JSON.stringify({ options: { ...opts, viewport: VIEWPORT, locale: LOCALE }, driverVersion, results, summary, ratios, problems }, null, 2),
    );
    console.log(`\nwrote ${opts.json}`);
  }
  if (problems.length) {
    console.log(`\nFOLLOW CHECK FAILED (${problems.length}):`);
    for (const p of problems) console.log(`  ${p}`);
    process.exitCode = 1;
  } else {
    console.log(`\nfollow check: every highlight matched the button within ${TOLERANCE} px before, right after and after each loop.`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
