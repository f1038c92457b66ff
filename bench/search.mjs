#!/usr/bin/env node
/**
 * bench/search.mjs: query time of the help center's search IN THE BROWSER (issue #12,
 * "query time for 1,000 and 10,000 topics, natively and in the browser"). A benchmark,
 * not a test: it prints figures; timings never fail it.
 *
 *   node bench/search.mjs [--dist dist] [--port 8633] [--runs 3] [--warm 15] HELP_DIR...
 *
 * Each HELP_DIR is a content base written by `helpmark index <catalog> --out
 * HELP_DIR/manifest.json` (bench/scale.sh makes them for 7, 1,000 and 10,000 topics).
 * For each, a small static server in this process (127.0.0.1:--port) serves the release
 * build's files from --dist (`trunk build --release`) and the catalog's files under
 * /help/, and a bare host page with the loader's one tag (no data-topic: the icon opens
 * home). Headless Chromium (Debian's, as the tests use) opens it in the query's locale,
 * clicks the help icon, waits for home, then times, in the page (performance.now()):
 *
 *   first    the query set in the search box (one `input` event, as a paste or an IME
 *            commit gives) -> its results rendered and painted (the listbox shows options,
 *            or the status says none; then a frame and a task). It includes fetching the
 *            query's search shards (over loopback, so it is mostly parsing them) and the
 *            query in the WebAssembly reader. One fresh page per run; median of --runs.
 *   typed    the same in a fresh page, typed one character at a time (Playwright's
 *            keyboard, no delay): the first key -> the full query's results painted.
 *   warm     the box cleared, then the query set again (its shards are loaded): the
 *            reader's query and the render alone. Median of --warm.
 *
 * Exit 1 on a page error, 2 if the harness cannot run (results found are printed: a query
 * may find nothing, e.g. three words whose best postings name no topic in common).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The queries (the examples), by the browser's locale. */
const QUERIES = [
  { locale: 'de-DE', query: 'Kunden' },
  { locale: 'de-DE', query: 'update' },
  { locale: 'de-DE', query: 'kunden konto aktual' },
  { locale: 'zh-CN', query: '客户' },
  { locale: 'ja-JP', query: 'アカウント' },
];

function parseArgs(argv) {
  const opts = { dist: 'dist', port: 8633, runs: 3, warm: 15, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') opts.dist = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--warm') opts.warm = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.dirs.push(a);
  }
  if (opts.dirs.length === 0) throw new Error('usage: node bench/search.mjs [--dist dist] [--port N] HELP_DIR...');
  return opts;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
};

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Helpmark search bench</title></head>
<body><main><h1>Search bench</h1><p>A bare host page.</p></main>
<script src="/helpmark.js" defer data-content="/help/"></script></body></html>`;

/** Serves --dist, and `help` under /help/; `/bench.html` is the host page. */
function serve(dist, help, port) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    if (url.pathname === '/bench.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(PAGE);
      return;
    }
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (rel.startsWith('help/')) file = path.join(help, rel.slice(5));
    else file = path.join(dist, rel);
    const root = rel.startsWith('help/') ? help : dist;
    if (!path.resolve(file).startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Opens the bench page in `locale` and the help center's home; the page. */
async function openHome(browser, port, locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/bench.html`);
  await page.locator('button.hm-launcher').click();
  await page.locator('section.hm-panel input.hm-query').waitFor({ state: 'visible', timeout: 20_000 });
  return { context, page, errors };
}

/**
 * In the page: resolves when the search has answered `query` (the listbox shows options,
 * or the status says none) and a frame was painted after it; the number of results.
 */
const WAIT_ANSWER = `(query) => new Promise((resolve) => {
  const root = document.querySelector('html > div[data-helpmark-host]').shadowRoot;
  const input = root.querySelector('input.hm-query');
  const done = () => {
    const list = root.querySelector('.hm-results');
    const status = root.querySelector('.hm-count');
    if (input.value !== query) return null;
    const options = list.querySelectorAll('[role=option]').length;
    if (options > 0 && !list.hidden) return options;
    if (status.textContent.trim() !== '') return 0;
    return null;
  };
  const finish = (n) => requestAnimationFrame(() => setTimeout(() => resolve(n), 0));
  const now = done();
  if (now !== null) return finish(now);
  const observer = new MutationObserver(() => {
    const n = done();
    if (n !== null) { observer.disconnect(); finish(n); }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

/** In the page: sets the search box to `query` (one input event), times to the answer. */
async function timedSet(page, query) {
  return page.evaluate(
    async ([q, wait]) => {
      const root = document.querySelector('html > div[data-helpmark-host]').shadowRoot;
      const input = root.querySelector('input.hm-query');
      input.focus();
      const answered = (0, eval)(wait)(q);
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const n = await answered;
      return { ms: performance.now() - t0, n };
    },
    [query, WAIT_ANSWER],
  );
}

async function clear(page) {
  await page.evaluate(async () => {
    const root = document.querySelector('html > div[data-helpmark-host]').shadowRoot;
    const input = root.querySelector('input.hm-query');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(path.join(opts.dist, 'helpmark.js'))) throw new Error(`${opts.dist}/helpmark.js: no release build (trunk build --release)`);
  } catch (e) {
    console.error(`bench/search.mjs: ${e.message}`);
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let failed = false;
  try {
    for (const dir of opts.dirs) {
      const index = JSON.parse(fs.readFileSync(path.join(dir, 'center/index.json'), 'utf8'));
      console.log(`catalog ${dir}: ${index.topics} topics, ${index.search_shards} search shards (browser: ${CHROMIUM})`);
      const server = await serve(opts.dist, dir, opts.port);
      try {
        for (const { locale, query } of QUERIES) {
          const first = [];
          const typed = [];
          const warm = [];
          let found = 0;
          const pageErrors = [];
          for (let run = 0; run < opts.runs; run++) {
            // First search: a fresh page, the query set at once.
            {
              const { context, page, errors } = await openHome(browser, opts.port, locale);
              const r = await timedSet(page, query);
              first.push(r.ms);
              found = r.n;
              // Warm: the shards are loaded; clear and set again.
              if (run === 0) {
                for (let k = 0; k < opts.warm; k++) {
                  await clear(page);
                  warm.push((await timedSet(page, query)).ms);
                }
              }
              pageErrors.push(...errors);
              await context.close();
            }
            // Typed: a fresh page, one key at a time.
            {
              const { context, page, errors } = await openHome(browser, opts.port, locale);
              const input = page.locator('section.hm-panel input.hm-query');
              await input.focus();
              const t0 = await page.evaluate(() => performance.now());
              await page.keyboard.type(query);
              const n = await page.evaluate(`(${WAIT_ANSWER})(${JSON.stringify(query)})`);
              const t1 = await page.evaluate(() => performance.now());
              typed.push(t1 - t0);
              if (n === 0) found = 0;
              pageErrors.push(...errors);
              await context.close();
            }
          }
          if (pageErrors.length > 0) failed = true;
          console.log(
            `  ${locale} ${JSON.stringify(query)}: ${found} results; first ${median(first).toFixed(1)} ms (median of ${first.length}), ` +
              `typed ${median(typed).toFixed(1)} ms, warm ${median(warm).toFixed(1)} ms (median of ${warm.length})` +
              (pageErrors.length ? `; PAGE ERRORS: ${pageErrors.join(' | ')}` : ''),
          );
          // For bench/scale.sh's side-by-side table.
          console.log(`FIG\tbrowser search ${locale} ${JSON.stringify(query)}: first / typed / warm ms\t${median(first).toFixed(0)} / ${median(typed).toFixed(0)} / ${median(warm).toFixed(1)}`);
        }
      } finally {
        await new Promise((r) => server.close(r));
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
