/**
 * Size budgets of the release build (deterministic: gzip level 9 of the files in dist/, as
 * node's zlib counts it): what the page pays at load, the loader alone (the widget's
 * stylesheet comes with its code), and everything a first open transfers: the loader, the
 * WebAssembly (with the stylesheet in it), the JS glue, the topic's index, one compiled
 * article and, for a locale other than English, its UI strings file (help/ui/<locale>.txt:
 * only English is built into the WebAssembly). Both for the demo's default topic and for
 * the largest seed article. The browser checks make sure the budgets count exactly what a
 * page load and a first open fetch (the network log), each file once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIST = path.join(__dirname, '..', '..', 'dist');
// Issue #11's goal: the page pays at most 2,048 bytes at load. The loader carries its code,
// its icon's styles (~290 bytes gzip) and the icon's name in the 14 UI locales (~190); the
// rest of the loading (waiting for the code, mounting it, the failure message and its
// styles) is its boot module, helpmark-boot-<hash>.js, requested on the first load beside
// the code. 3,355 before issue #11's size work; 3,227 after it; 3,267 with files over 64 KB
// left to the widget; 2,041 with the boot module (which a first open pays: ~1,880).
const LOADER_BUDGET = 2_048;
// A first open of the demo's default topic was 143,616 bytes (gzip -9) at d6ce673 and
// ~157,000 before issue #11's size work (~160,200 as node's zlib counts it); ~143,100
// (node's zlib) after it, with Unicode tables, the allocator and 13 locales' UI strings out
// of the WebAssembly. The help center (issue #12: home, search reader, suggestions, links,
// done marks) then added ~39,000 to the WebAssembly, of which ~11,500 were cut again
// (search folding through the JavaScript engine, no stable sorts or B-trees): 181,315.
// The release build then recompiled the standard library for size (scripts/setup.sh,
// release_build_widget): 168,339 (ru-RU). Branch cbytes then cut the WebAssembly (one
// effect hook type for the widget, one fetch task for the help center, no standard-library
// sorts, the reducer in place; WebAssembly 153,164 -> 146,728): 161,638 (ru-RU, the
// largest of the seed locales; home 161,126). Branch pbytes (the topic side's readers as
// plain loops, less the panel's staged rendering of large topics; WebAssembly 146,728 ->
// 146,203): 161,457 (ru-RU; home 160,945). The loader's boot module (issue #11: the page
// pays at most 2,048 bytes at load) moved ~1,230 bytes out of what every page view pays,
// and costs a first open ~650 more (its own file: 2,041 + ~1,900 against 3,267 for the one
// loader; the glue is ~45 smaller): 162,177 (ru-RU; home 161,665). The highlight found in
// a microtask (one frame for a step, issue #11) and the boot module's article request
// before the widget starts cost 268 more: 162,491 (ru-RU; home 161,979). Branch flags (the
// build, not the code: wasm-bindgen's import and export names shortened in the WebAssembly
// and the glue by `helpmark bundle`, wasm-opt's GUFA pass, lto = "fat"; 162,491 -> 154,944):
// 154,944 (ru-RU; home 154,432). Following a scroll without rendering the widget (the
// spotlight's numbers drawn on its elements directly, the panel placed from the same
// call: issue #11, item 7, window scroll from 1.36x to 0.86x Driver.js's cost) added
// 1,496: 156,402 (ru-RU; home 155,890); the review mends (cutout_path in fewer
// calls) 19 more: 156,421 now (ru-RU; home 155,909).
// This budget holds that figure (it fails on any growth); it is NOT issue #11's goal of
// 100,000, nor #10's "no larger than 143,616": both remain open.
const FIRST_OPEN_BUDGET = 156_500;
// The largest seed article (give-customers-permission, ru-RU: ~8,700 bytes gzip against
// the default topic's ~1,340) on the same code: 189,344; 175,890 with std rebuilt for size;
// 169,189 after branch cbytes; 169,008 after branch pbytes; 169,728 with the boot module;
// 170,042 with the microtask highlight and the earlier article request; 162,495 after
// branch flags; 163,953 with the spotlight drawn directly while following a scroll;
// 163,972 after the review mends.
const LARGEST_FIRST_OPEN_BUDGET = 164_050;
const SEEDS = ['de-DE', 'es-ES', 'ru-RU', 'sv-SE', 'zh-CN'];
const DEFAULT_TOPIC = 'update-customer-account-info';

function gzipped(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

/** The hashed files of the build, as the loader names them. */
function buildFiles(): { glue: string; wasm: string; boot: string } {
  const names = fs.readdirSync(DIST);
  const loader = fs.readFileSync(path.join(DIST, 'helpmark.js'), 'utf8');
  const named = (re: RegExp) => {
    const found = names.find((n) => re.test(n) && loader.includes(n));
    expect(found, `the loader names a file matching ${re}`).toBeTruthy();
    return found!;
  };
  // The loader names the glue and the WebAssembly by their common stem.
  const stem = (re: RegExp) => {
    const found = names.find((n) => re.test(n) && loader.includes(n.replace(/(\.js|_bg\.wasm)$/, '')));
    expect(found, `the loader names a file matching ${re}`).toBeTruthy();
    return found!;
  };
  return { glue: stem(/^helpmark-web-.*\.js$/), wasm: stem(/_bg\.wasm$/), boot: named(/^helpmark-boot-.*\.js$/) };
}

/** The largest compiled article of the seed locales: its topic and locale. */
function largestSeedArticle(): { topic: string; locale: string } {
  let best = { topic: DEFAULT_TOPIC, locale: SEEDS[0], size: 0 };
  for (const locale of SEEDS) {
    for (const name of fs.readdirSync(path.join(DIST, 'help', locale))) {
      if (!/^[a-z0-9-]+\.json$/.test(name)) continue;
      const size = gzipped(`help/${locale}/${name}`);
      if (size > best.size) best = { topic: name.replace(/\.json$/, ''), locale, size };
    }
  }
  return best;
}

/** Every file a first open of `topic` in `locale` transfers (paths relative to dist/). */
function firstOpenFiles(topic: string, locale: string): string[] {
  const { glue, wasm, boot } = buildFiles();
  const files = ['helpmark.js', boot, glue, wasm, `help/${topic}.index.json`, `help/${locale}/${topic}.json`];
  if (locale !== 'en-US') files.push(`help/ui/${locale}.txt`);
  return files;
}

function total(files: string[]): number {
  return files.map(gzipped).reduce((a, b) => a + b, 0);
}

test('the loader is at most 2,048 bytes gzip, and no stylesheet file is left in the build', () => {
  const size = gzipped('helpmark.js');
  console.log(`loader: ${size} bytes gzip`);
  expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(fs.readdirSync(DIST).filter((n) => /^helpmark.*\.css$/.test(n))).toEqual([]);
});

test('a first open of the default topic transfers at most 156,500 bytes gzip, whatever the seed locale', () => {
  for (const locale of SEEDS) {
    const size = total(firstOpenFiles(DEFAULT_TOPIC, locale));
    console.log(`first open (${DEFAULT_TOPIC}, ${locale}): ${size} bytes gzip`);
    expect(size, locale).toBeLessThanOrEqual(FIRST_OPEN_BUDGET);
  }
});

test('a first open of the largest seed article transfers at most 164,050 bytes gzip', () => {
  const { topic, locale } = largestSeedArticle();
  const size = total(firstOpenFiles(topic, locale));
  console.log(`first open (${topic}, ${locale}, the largest seed article): ${size} bytes gzip`);
  expect(size).toBeLessThanOrEqual(LARGEST_FIRST_OPEN_BUDGET);
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

  for (const which of ['the default topic', 'the largest seed article']) {
    test(`of ${which} is what the budget counts, each file once`, async ({ page }) => {
      const { topic, locale } = which === 'the default topic' ? { topic: DEFAULT_TOPIC, locale: 'ru-RU' } : largestSeedArticle();
      await page.context().setExtraHTTPHeaders({ 'Accept-Language': locale });
      await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => [l] }), locale);
      const fetched: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!url.pathname.startsWith('/embed-example')) fetched.push(url.pathname.slice(1));
      });
      // The topic from the page's address (the widget and the loader both read ?topic=).
      await page.goto(`/embed-example.html?topic=${topic}`);
      await page.locator('button.hm-launcher').click();
      await expect(page.locator('section.hm-panel .hm-title')).not.toBeEmpty();
      await expect(page.locator('section.hm-panel .hm-progress')).toBeVisible();
      await page.waitForTimeout(500);
      const widgetFiles = fetched.filter((f) => f !== 'favicon.ico').sort();
      expect(widgetFiles).toEqual(firstOpenFiles(topic, locale).sort());
    });
  }
});

test.describe('a first open of the help center’s home', () => {
  test.use({ locale: 'ru-RU' });

  test('fetches the code, the catalog’s root, the page’s context shard and one list page (no search index, no topic), within the budget', async ({ page }) => {
    const { glue, wasm, boot } = buildFiles();
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
      ['helpmark.js', boot, glue, wasm, 'help/center/index.json', 'help/center/contexts/ru-RU/0.json', 'help/center/list/ru-RU/0.json', 'help/ui/ru-RU.txt'].sort(),
    );
    const total = files.map(gzipped).reduce((a, b) => a + b, 0);
    console.log(`first open of home (ru-RU): ${total} bytes gzip`);
    expect(total).toBeLessThanOrEqual(FIRST_OPEN_BUDGET);
  });
});
