/**
 * Size budgets of the release build (deterministic: gzip level 9 of the files in dist/):
 * what the page pays at load, the loader alone (the widget's stylesheet comes with its
 * code), at most 3,400 bytes; and everything a first open transfers (loader, WebAssembly
 * with the stylesheet in it, JS glue, the topic's index, one article) at most 162,000
 * bytes. The browser checks make sure the budgets count what a page load and a first open
 * really fetch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIST = path.join(__dirname, '..', '..', 'dist');
// Issue #11 aims at 2,048. The loader now carries, besides its code, its icon's styles
// (~375 bytes gzip) and the load-failure message and retry label in all 14 UI locales
// (~760 bytes gzip, issue #13), and is ~3,260 bytes: still less than the page paid at load
// before (3,587 at 2dfc325: a 1,738-byte loader and a 1,849-byte stylesheet). This budget keeps it there.
// destroy() and the resumption of a guide left open add ~70 bytes (3,355 at the merge of this session).
const LOADER_BUDGET = 3_400;
// Issue #11 aims at 100,000; this session's features (strict decoding and render budgets,
// the stylesheet in the WebAssembly, the layered state, kept topics, destroy(), plain
// Markdown's stale note) took a first open from 143,616 (d6ce673, gzip -9) to ~157,000 (gzip -9; ~160,200 as
// node's zlib counts it here). The budget
// stops it from growing further until the size work of issue #11 brings it down.
const FIRST_OPEN_BUDGET = 162_000;
const SEEDS = ['de-DE', 'es-ES', 'ru-RU', 'sv-SE', 'zh-CN'];

function gzipped(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

/** The hashed files of the build, as the loader names them. */
function buildFiles(): { glue: string; wasm: string } {
  const names = fs.readdirSync(DIST);
  const loader = fs.readFileSync(path.join(DIST, 'helpmark.js'), 'utf8');
  const named = (re: RegExp) => {
    const found = names.find((n) => re.test(n) && loader.includes(n));
    expect(found, `the loader names a file matching ${re}`).toBeTruthy();
    return found!;
  };
  return { glue: named(/^helpmark-web-.*\.js$/), wasm: named(/_bg\.wasm$/) };
}

test('the loader is at most 3,400 bytes gzip, and no stylesheet file is left in the build', () => {
  const size = gzipped('helpmark.js');
  console.log(`loader: ${size} bytes gzip`);
  expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(fs.readdirSync(DIST).filter((n) => /^helpmark.*\.css$/.test(n))).toEqual([]);
});

test('a first open transfers at most 162,000 bytes gzip, whatever the seed locale', () => {
  const { glue, wasm } = buildFiles();
  const fixed = ['helpmark.js', glue, wasm, 'help/update-customer-account-info.index.json'].map(gzipped).reduce((a, b) => a + b, 0);
  for (const locale of SEEDS) {
    const total = fixed + gzipped(`help/${locale}/update-customer-account-info.json`);
    console.log(`first open (${locale}): ${total} bytes gzip`);
    expect(total, locale).toBeLessThanOrEqual(FIRST_OPEN_BUDGET);
  }
});

test.describe('what a first open fetches', () => {
  test.use({ locale: 'ru-RU' });

  test('a page load fetches the loader alone, with nothing else for 10 s', async ({ page }) => {
    test.setTimeout(30_000);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/embed-example')) fetched.push(url.pathname.slice(1));
    });
    await page.goto('/embed-example.html');
    await expect(page.locator('button.hm-launcher')).toBeVisible();
    await page.waitForTimeout(10_000);
    expect(fetched.filter((f) => f !== 'favicon.ico')).toEqual(['helpmark.js']);
  });

  test('is the loader, the glue, the WebAssembly, the topic’s index and one article', async ({ page }) => {
    const { glue, wasm } = buildFiles();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/embed-example')) fetched.push(url.pathname.slice(1));
    });
    await page.goto('/embed-example.html');
    await page.locator('button.hm-launcher').click();
    await expect(page.locator('section.hm-panel .hm-title')).not.toBeEmpty();
    await expect(page.locator('section.hm-panel .hm-progress')).toBeVisible();
    const widgetFiles = fetched.filter((f) => f !== 'favicon.ico').sort();
    expect(widgetFiles).toEqual(
      ['helpmark.js', glue, wasm, 'help/update-customer-account-info.index.json', 'help/ru-RU/update-customer-account-info.json'].sort(),
    );
  });
});

test.describe('a first open of the help center’s home', () => {
  test.use({ locale: 'ru-RU' });

  test('fetches the code, the catalog’s root, the page’s context shard and one list page (no search index, no topic), within the budget', async ({ page }) => {
    const { glue, wasm } = buildFiles();
    // The example page without its data-topic: the icon opens home (issue #12).
    await page.route('**/embed-example.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/ data-topic="[^"]*"/, '') });
    });
    const fetched: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/embed-example')) fetched.push(url.pathname.slice(1));
    });
    await page.goto('/embed-example.html');
    await page.locator('button.hm-launcher').click();
    await expect(page.locator('section.hm-panel .hm-all .hm-topic').first()).toBeVisible();
    await page.waitForTimeout(500);
    const files = fetched.filter((f) => f !== 'favicon.ico').sort();
    expect(files.filter((f) => f.includes('center/search/') || /^help\/[^/]+\.index\.json$/.test(f) || /^help\/[a-z]{2}-[A-Z]{2}\/[^/]+\.json$/.test(f))).toEqual([]);
    expect(files).toEqual(
      ['helpmark.js', glue, wasm, 'help/center/index.json', 'help/center/contexts/ru-RU/0.json', 'help/center/list/ru-RU/0.json'].sort(),
    );
    const total = files.map(gzipped).reduce((a, b) => a + b, 0);
    console.log(`first open of home (ru-RU): ${total} bytes gzip`);
    expect(total).toBeLessThanOrEqual(FIRST_OPEN_BUDGET);
  });
});
