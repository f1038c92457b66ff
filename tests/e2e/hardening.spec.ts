/**
 * Issue #13, sections 2 and 3, against the release build in dist/: compiled topics and
 * topic indexes are read as they come from the server, and pathological content never
 * blocks the host page.
 *
 * Every file is tampered with through `page.route` on the plain host page
 * (`dist/embed-example.html`), in German (the error message is checked in the UI
 * language):
 *
 * - each unsafe scheme (and its disguises), in each place a URL occurs in a compiled
 *   topic (external, topic, relative and anchor links; in the lead, in a step, in the
 *   segments' halves; images; inclusions) and in a topic index (an article's path, a
 *   compiled file's URL): nothing with a non-allowlisted scheme in the shadow root (no
 *   `href`, `src` or other URL attribute the browser resolves to one, no event handler
 *   attribute, no script), the hostile links shown as text, the safe control link live;
 * - compiled topics and indexes with wrong types, missing and unknown fields, 5 MB
 *   strings and 10,000 levels of nesting: the localized error message, one
 *   `helpmark:error`;
 * - a generated article (1 MB line, 20,000 segments, 10,000 levels), compiled as is (the
 *   widget refuses it), and a compiled topic as large as the limits let one be (256 KiB:
 *   it is shown, bounded);
 *
 * and in every case the host page stays usable and no task on the main thread takes more
 * than 50 ms of the thread's CPU time (Chromium's trace: `ThreadControllerImpl::RunTask`
 * on the page's main thread, its thread duration), from the moment the file under test is
 * handed to the page (reading, checking and rendering it; loading the page and the
 * widget's code before it are not under test here). How a busy shared machine is told
 * apart from the widget's own work: see `withoutLongTasks`.
 */
import { expect, test, type Browser, type Page, type Route } from '@playwright/test';
import { normalize, widget } from './support';

const PAGE = '/embed-example.html';
const TOPIC = 'update-customer-account-info';
const INDEX = `**/help/${TOPIC}.index.json`;
const ARTICLE = `**/help/*/${TOPIC}.json`;
const DE_FAILED = 'Das Hilfethema konnte nicht geladen werden.';
/** The most CPU time one task of the host page's main thread may take, in milliseconds. */
const LONG_TASK_MS = 50;

test.use({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Observed {
  pageErrors: string[];
  /** Requests to hosts other than the test server. */
  foreign: string[];
  errors: () => Promise<unknown[]>;
}

/** Records `helpmark:error` events, page errors and foreign requests. */
async function observe(page: Page): Promise<Observed> {
  const pageErrors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __errors: unknown[] };
    w.__errors = [];
    document.addEventListener('helpmark:error', (event) => {
      w.__errors.push(JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null)));
    });
  });
  return {
    pageErrors,
    foreign,
    errors: () => page.evaluate(() => (window as unknown as { __errors: unknown[] }).__errors),
  };
}

/** Serves `pattern` as the real file edited by `edit` (given the parsed JSON). */
async function tamper(page: Page, pattern: string, edit: (json: Obj) => Json | string): Promise<void> {
  await page.route(pattern, async (route: Route) => {
    const response = await route.fetch();
    expect(response.status(), `${route.request().url()} must be in dist/`).toBe(200);
    const edited = edit(JSON.parse(await response.text()) as Obj);
    const body = typeof edited === 'string' ? edited : JSON.stringify(edited);
    await markContent(page);
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
}

/** The performance mark (in the page's trace) of the moment the file under test is handed to it. */
const CONTENT_MARK = 'helpmark-test-content';

/** Marks the moment the file under test is handed to the page (the first time). */
async function markContent(page: Page): Promise<void> {
  await page.evaluate((name) => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, CONTENT_MARK);
}

/** A complete event of Chromium's trace (times in microseconds). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time during the event (where the platform counts it, as Linux does). */
  tdur?: number;
}

/**
 * The tasks the page's main thread ran from the mark on that took more than 50 ms of CPU
 * time: `[start (ms after the mark), wall ms, CPU ms]`. Wall time alone cannot tell the
 * widget's work from a shared machine's: a task of 5 ms of CPU measured 130 ms when the
 * page was not scheduled; its CPU time stays 5 ms.
 */
function longTasksIn(trace: Buffer): Array<[number, number, number]> {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = events.find((e) => e.name === CONTENT_MARK);
  expect(mark, 'the file under test was handed to the page (its mark is in the trace)').toBeDefined();
  const ms = (us: number) => Math.round(us / 100) / 10;
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === mark!.pid && e.tid === mark!.tid)
    .filter((e) => e.ts + (e.dur ?? 0) > mark!.ts);
  // The measure is alive: the page's main thread ran tasks after the mark, with their CPU time.
  expect(tasks.filter((e) => e.tdur !== undefined).length, 'main-thread tasks with a thread duration in the trace').toBeGreaterThan(0);
  return tasks
    .filter((e) => (e.tdur ?? e.dur ?? 0) > LONG_TASK_MS * 1000)
    .map((e): [number, number, number] => [ms(e.ts - mark!.ts), ms(e.dur ?? 0), ms(e.tdur ?? e.dur ?? 0)]);
}

/** Opens the widget and waits until the panel shows a topic or an error. */
async function open(page: Page) {
  const w = widget(page);
  await page.goto(PAGE);
  await w.launcher.click();
  await expect(w.panel).toBeVisible({ timeout: 15_000 });
  await expect(w.panel.locator('.hm-status')).toHaveCount(0, { timeout: 15_000 });
  return w;
}

/** The host page still takes clicks (its button counts them). */
async function hostStillUsable(page: Page): Promise<void> {
  const before = Number(await page.locator('#host-counter').innerText());
  await page.locator('#host-button').click();
  await expect(page.locator('#host-counter')).toHaveText(String(before + 1));
}

/** Attempts of a scenario before its long tasks count against the widget. */
const ATTEMPTS = 3;

/** CPU time no task of the widget's may ever take (the issue measured a layout of 134 s). */
const CEILING_MS = 1000;

/** A task seen in the trace: `[start (ms after the file was handed over), wall ms, CPU ms]`. */
type Task = [number, number, number];

/**
 * Runs `scenario` (its functional assertions included) on fresh pages, each traced, and
 * returns the tasks of over 50 ms of CPU time of each attempt, stopping at the first
 * attempt without any.
 */
async function attempts(
  browser: Browser,
  baseURL: string | undefined,
  scenario: (page: Page, seen: Observed) => Promise<void>,
): Promise<Task[][]> {
  const seenTasks: Task[][] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 1280, height: 720 } });
    let tracing = false;
    try {
      const page = await context.newPage();
      const seen = await observe(page);
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
      tracing = true;
      await scenario(page, seen);
      await page.waitForTimeout(300);
      tracing = false;
      const tasks = longTasksIn(await browser.stopTracing());
      expect(tasks.filter(([, , cpu]) => cpu > CEILING_MS), `tasks of over ${CEILING_MS} ms of CPU time`).toEqual([]);
      seenTasks.push(tasks);
      if (tasks.length === 0) break;
    } finally {
      if (tracing) await browser.stopTracing();
      await context.close();
    }
  }
  return seenTasks;
}

/** The real topic, opened: what this machine shows for ordinary work (once per worker). */
let calibration: Promise<boolean> | undefined;

async function machineCanMeasure(browser: Browser, baseURL: string | undefined): Promise<boolean> {
  calibration ??= attempts(browser, baseURL, async (page) => {
    await tamper(page, ARTICLE, (topic) => topic);
    const w = await open(page);
    await expect(w.title).toBeVisible();
  }).then((runs) => runs.some((tasks) => tasks.length === 0));
  return calibration;
}

/**
 * Runs `scenario` (its functional assertions included) on a fresh page, and asserts that
 * no task of over 50 ms of CPU time ran on the page's main thread from the moment the file
 * under test reached the page.
 *
 * The machine running the tests is shared. Wall time cannot be used: a task that needs
 * 5 ms of CPU took 130 ms of wall time when the page was not scheduled (the longtask
 * observer's figures failed a CI run that way). CPU time is the thread's own, but a busy
 * machine still stretches it somewhat (shared caches, frequency). So a scenario that shows
 * long tasks is run again, up to 3 times on fresh pages: work the widget does on every
 * attempt (a layout of 134 s, a parse of 5 MB) shows in all three. When all three show
 * long tasks, the real topic is opened the same way: if it opens without one, the 50 ms
 * fail the test; if even it cannot (the machine is too busy to measure), the tasks are
 * reported as an annotation instead. No attempt may ever show a task of over 1 s of CPU.
 */
async function withoutLongTasks(
  browser: Browser,
  baseURL: string | undefined,
  scenario: (page: Page, seen: Observed) => Promise<void>,
): Promise<void> {
  const runs = await attempts(browser, baseURL, scenario);
  if (runs.some((tasks) => tasks.length === 0)) return;
  const message = `tasks of over ${LONG_TASK_MS} ms of CPU time (start, wall, CPU) in each of ${ATTEMPTS} attempts`;
  if (await machineCanMeasure(browser, baseURL)) {
    expect(runs, message).toEqual([]);
  }
  test.info().annotations.push({
    type: 'long tasks not asserted: the real topic also shows them on this machine',
    description: `${message}: ${JSON.stringify(runs)}`,
  });
}

/**
 * Everything in the shadow root that could run or navigate to a non-allowlisted
 * scheme: URL attributes resolved by the browser itself, event handler attributes,
 * elements that load or run things.
 */
async function unsafeInShadowRoot(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-helpmark-host]')?.shadowRoot;
    if (!root) return ['no shadow root'];
    const found: string[] = [];
    const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping'];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'img', 'form', 'base', 'meta', 'frame'].includes(tag)) {
        found.push(`<${tag}>`);
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
        if (!urlAttributes.includes(name)) continue;
        let scheme = 'unparsable:';
        try {
          scheme = new URL(attr.value, document.baseURI).protocol;
        } catch {
          // an unparsable URL is reported as such
        }
        if (!['http:', 'https:', 'mailto:'].includes(scheme)) found.push(`<${tag} ${name}="${attr.value}"> (${scheme})`);
      }
    }
    return found;
  });
}

// ------------------------------------------------------------------------ unsafe URLs

const UNSAFE: Array<[string, string]> = [
  ['javascript:', 'javascript:alert(document.domain)'],
  ['mixed case', 'JaVaScRiPt:alert(1)'],
  ['leading space', '  javascript:alert(1)'],
  ['leading control characters', '\u0000\u001f\u0001javascript:alert(1)'],
  ['tab and newline in the scheme', 'java\tscr\nipt:alert(1)'],
  ['character reference', '&#106;avascript:alert(1)'],
  ['percent-encoding', '%6Aavascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64 upper case', 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  ['blob:', 'blob:http://127.0.0.1/0c0e7d0b-0000-4000-8000-000000000000'],
];

/** Links to `url` in every kind a compiled topic has, named `evil-<kind>`, and a safe one. */
function links(url: string): Json[] {
  return [
    { a: { x: url }, k: ['evil-x'] },
    ' ',
    { a: { t: url, f: null }, k: ['evil-t'] },
    ' ',
    { a: { t: 'other-topic', f: url }, k: ['evil-f'] },
    ' ',
    { a: { r: url }, k: ['evil-r'] },
    ' ',
    { a: { h: url }, k: ['evil-h'] },
    ' ',
    { b: [{ a: { x: url }, k: ['evil-nested'] }] },
    ' ',
    { a: { x: 'https://example.com/ok' }, k: ['safe-link'] },
  ];
}

/** Plants `url` in every place a URL occurs in a compiled topic. */
function plant(topic: Obj, url: string): Obj {
  const blocks = topic.blocks as Json[];
  const procedure = topic.procedure as number;
  // In the lead: a paragraph of links, an image, an inclusion.
  blocks.unshift(
    { p: links(url) },
    { img: url, alt: 'evil-img' },
    { include: url, title: 'evil-include' },
  );
  topic.procedure = procedure + 3;
  // In the first step.
  const list = blocks[procedure + 3] as Obj;
  ((list.items as Json[][])[0]).push({ p: links(url) });
  // In every segment's halves (the title, the lead's and the steps' sentences).
  for (const segment of topic.segments as Obj[]) {
    (segment.l as Json[]).push(' ', { a: { x: url }, k: ['evil-seg'] });
    (segment.e as Json[]).push(' ', { a: { x: url }, k: ['evil-seg-en'] });
  }
  return topic;
}

test.describe('unsafe URLs in a compiled topic are shown as text', () => {
  for (const [name, url] of UNSAFE) {
    test(`${name}: ${JSON.stringify(url).slice(0, 40)}`, async ({ browser, baseURL }) => {
      await withoutLongTasks(browser, baseURL, async (page, seen) => {
        await tamper(page, ARTICLE, (topic) => plant(topic, url));
        const w = await open(page);

        // The topic shows, with the hostile links as words and the safe one live.
        await expect(w.error).toHaveCount(0);
        const lead = normalize(await w.lead.innerText());
        for (const word of ['evil-x', 'evil-t', 'evil-f', 'evil-r', 'evil-h', 'evil-nested', 'evil-img', 'safe-link', 'evil-seg']) {
          expect(lead, `the lead shows "${word}"`).toContain(word);
        }
        const step = normalize(await w.step.innerText());
        expect(step, 'the step shows its links as words').toContain('evil-x');
        await expect(w.lead.locator('a[href="https://example.com/ok"]')).toHaveCount(1);
        await expect(w.step.locator('a[href="https://example.com/ok"]')).toHaveCount(1);
        await expect(w.panel.locator('a', { hasText: /^evil/ })).toHaveCount(0);
        expect(await unsafeInShadowRoot(page), 'unsafe things in the shadow root').toEqual([]);

        await hostStillUsable(page);
        expect(seen.foreign, 'requests to other hosts').toEqual([]);
        expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
      });
    });
  }
});

test.describe('unsafe URLs in a topic index are refused', () => {
  const cases: Array<[string, (entry: Obj) => void]> = [
    ['a compiled URL of its own', (e) => (e.compiled = 'https://evil.example/x.json')],
    ['a javascript: path', (e) => (e.path = 'javascript:alert(1)//x.md')],
    ['an absolute path', (e) => (e.path = 'https://evil.example/de-DE/x.md')],
    ['a protocol-relative path', (e) => (e.path = '//evil.example/de-DE/x.md')],
    ['a path upwards', (e) => (e.path = '../../de-DE/x.md')],
    ['a data: path', (e) => (e.path = 'data:application/json,{}')],
  ];
  for (const [name, edit] of cases) {
    test(name, async ({ browser, baseURL }) => {
      await withoutLongTasks(browser, baseURL, async (page, seen) => {
        await tamper(page, INDEX, (index) => {
          for (const entry of (index.topics as Obj[])[0].locales as Obj[]) edit(entry);
          return index;
        });
        const w = await open(page);
        await expect(w.error).toBeVisible();
        expect(normalize(await w.error.locator('p').innerText())).toBe(DE_FAILED);
        expect(await seen.errors(), 'helpmark:error events').toHaveLength(1);
        expect(seen.foreign, 'requests to other hosts').toEqual([]);
        expect(await unsafeInShadowRoot(page)).toEqual([]);
        await hostStillUsable(page);
        expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
      });
    });
  }
});

// ------------------------------------------------------------------------ invalid files

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);

/** `levels` nested block quotes around a rule, as JSON text. */
function nestedQuotes(levels: number): string {
  return `${'{"q":['.repeat(levels)}"hr"${']}'.repeat(levels)}`;
}

const INVALID_TOPICS: Array<[string, (topic: Obj) => Json | string]> = [
  ['the version as a string', (t) => ({ ...t, v: '1' })],
  ['the title as a number', (t) => ({ ...t, meta: { ...(t.meta as Obj), title: 5 } })],
  ['the blocks as an object', (t) => ({ ...t, blocks: {} })],
  ['a segment half as a string', (t) => ((t.segments as Obj[])[0].l = 'text', t)],
  ['a step’s anchors as a string', (t) => ((t.steps as Obj[])[0].anchors = 'x', t)],
  ['a negative procedure', (t) => ({ ...t, procedure: -1 })],
  ['a fractional number', (t) => JSON.stringify(t).replace('"v":1', '"v":1.0')],
  ['no steps', (t) => { delete t.steps; return t; }],
  ['no meta', (t) => { delete t.meta; return t; }],
  ['an unknown top-level field', (t) => ({ ...t, script: '<script>alert(1)</script>' })],
  ['an unknown field in a link', (t) => plantField(t)],
  ['a duplicate key', (t) => JSON.stringify(t).replace('"v":1', '"v":1,"v":1')],
  ['a 5 MB title', (t) => ({ ...t, meta: { ...(t.meta as Obj), title: FIVE_MB } })],
  ['a 5 MB string in a paragraph', (t) => ((t.blocks as Json[]).push({ p: [FIVE_MB] }), t)],
  ['10,000 levels of nested blocks', (t) => JSON.stringify(t).replace('"blocks":[', `"blocks":[${nestedQuotes(10_000)},`)],
  ['10,000 levels of nested arrays', () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['a forged segment reference', (t) => ((t.blocks as Json[]).push({ p: [{ s: 100_000 }] }), t)],
];

function plantField(topic: Obj): Obj {
  (topic.blocks as Json[]).push({ p: [{ a: { x: 'https://example.com' }, k: ['x'], onclick: 'alert(1)' }] });
  return topic;
}

const INVALID_INDEXES: Array<[string, (index: Obj) => Json | string]> = [
  ['steps as a string', (i) => (entries(i).forEach((e) => (e.steps = '1')), i)],
  ['the title as a number', (i) => (entries(i).forEach((e) => (e.title = 5)), i)],
  ['the locales as an object', (i) => (((i.topics as Obj[])[0].locales = {}), i)],
  ['no slug', (i) => (delete (i.topics as Obj[])[0].slug, i)],
  ['no version', (i) => (delete i.version, i)],
  ['an unknown field', (i) => (entries(i).forEach((e) => (e.zz = 1)), i)],
  ['a slug that is a URL', (i) => (((i.topics as Obj[])[0].slug = 'javascript:alert(1)'), i)],
  ['a locale with markup', (i) => (entries(i).forEach((e) => (e.locale = 'de"><img src=x onerror=alert(1)>')), i)],
  ['a 5 MB title', (i) => (entries(i).forEach((e) => (e.title = FIVE_MB)), i)],
  ['10,000 levels of nesting', () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
];

function entries(index: Obj): Obj[] {
  return (index.topics as Obj[])[0].locales as Obj[];
}

for (const [file, pattern, cases] of [
  ['compiled topic', ARTICLE, INVALID_TOPICS],
  ['topic index', INDEX, INVALID_INDEXES],
] as const) {
  test.describe(`an invalid ${file} gives the topic’s error message`, () => {
    for (const [name, edit] of cases) {
      test(name, async ({ browser, baseURL }) => {
        await withoutLongTasks(browser, baseURL, async (page, seen) => {
          await tamper(page, pattern, edit);
          const w = await open(page);
          await expect(w.error).toBeVisible();
          await expect(w.error).toHaveRole('alert');
          expect(normalize(await w.error.locator('p').innerText()), 'the message in German').toBe(DE_FAILED);
          await expect(w.error.locator('button.hm-retry')).toHaveText('Erneut versuchen');
          expect(await seen.errors(), 'helpmark:error events').toHaveLength(1);
          expect(await unsafeInShadowRoot(page)).toEqual([]);
          await hostStillUsable(page);
            expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
        });
      });
    }
  });
}

// ------------------------------------------------------------------------ pathological content

/** A segment reference list: `n` segments of short text. */
function segments(n: number): Obj[] {
  return Array.from({ length: n }, (_, i) => ({ l: [`Satz ${i}. `], e: [`Sentence ${i}. `] }));
}

test.describe('a pathological article', () => {
  test('compiled as is (1 MB line, 20,000 segments, 10,000 levels): refused with the error message', async ({ browser, baseURL }) => {
    await withoutLongTasks(browser, baseURL, async (page, seen) => {
      await tamper(page, ARTICLE, (t) => {
        const text = JSON.stringify({
          ...t,
          blocks: [{ p: ['a'.repeat(1024 * 1024)] }, { p: segments(20_000).map((_, i) => ({ s: i })) }, ...(t.blocks as Json[])],
          procedure: (t.procedure as number) + 2,
          segments: segments(20_000),
        });
        return text.replace('"blocks":[', `"blocks":[${nestedQuotes(10_000)},`).replace(/"procedure":(\d+)/, (_, p) => `"procedure":${Number(p) + 1}`);
      });
      const w = await open(page);
      await expect(w.error).toBeVisible();
      expect(normalize(await w.error.locator('p').innerText())).toBe(DE_FAILED);
      await hostStillUsable(page);
      expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
    });
  });

  test('as large as a compiled topic may be: shown, bounded, without a long task', async ({ browser, baseURL }) => {
    await withoutLongTasks(browser, baseURL, async (page, seen) => {
      // Unbroken runs of letters (30,000 one-byte or 10,000 two-byte ones), 1,000
      // segments, nesting at the depth limit, and the original topic: within 256 KiB.
      const run = (letter: string) => letter.repeat(new TextEncoder().encode(letter).length > 1 ? 10_000 : 30_000);
      await tamper(page, ARTICLE, (t) => {
        const procedure = t.procedure as number;
        const lead: Json[] = [
          { h: 1, id: null, k: [run('W')] },
          { p: [run('m').slice(0, 20_000), ' ', { b: [run('ш')] }] },
          { p: [run('ا')] },
          { p: segments(1000).map((_, i) => ({ s: i })) },
          { code: run('0').slice(0, 10_000), lang: null },
          { table: [[run('x').slice(0, 5_000)]], rows: Array.from({ length: 20 }, () => [['cell'], [run('y').slice(0, 500)]]) },
        ];
        let deep: Json = { p: [run('n').slice(0, 20_000)] };
        for (let i = 0; i < 44; i += 1) deep = { q: [deep] };
        const blocks = [...lead, ...(t.blocks as Json[])];
        const list = blocks[procedure + lead.length] as Obj;
        (list.items as Json[][])[0].push(deep, { p: [run('v').slice(0, 10_000)] });
        const edited = {
          ...t,
          meta: { ...(t.meta as Obj), title: run('W') },
          blocks,
          procedure: procedure + lead.length,
          segments: [...(t.segments as Json[]), ...segments(1000 - (t.segments as Json[]).length)],
        };
        expect(new TextEncoder().encode(JSON.stringify(edited)).length).toBeLessThan(256 * 1024);
        return edited;
      });
      const w = await open(page);
      await expect(w.error).toHaveCount(0);
      await expect(w.title).toBeVisible();
      await expect(w.next).toBeInViewport();
      // Bounded: text runs without a break opportunity are at most 64 characters, and the
      // text laid out is within the budgets (title 512, lead and step 8,192 each).
      const laidOut = await page.evaluate(() => {
        const root = document.querySelector('[data-helpmark-host]')!.shadowRoot!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let longest = 0;
        let total = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // The live region is one line (white-space: nowrap), never broken: checked apart.
          if (node.parentElement?.closest('.hm-live')) continue;
          const text = node.textContent ?? '';
          total += text.length;
          for (const piece of text.split(/[\s\-]+/)) longest = Math.max(longest, piece.length);
        }
        const live = root.querySelector('.hm-live')?.textContent ?? '';
        return { longest, total, live: live.length, nodes: root.querySelectorAll('*').length };
      });
      expect(laidOut.live, 'characters announced for a step').toBeLessThanOrEqual(1_100);
      expect(laidOut.longest, 'longest run without a break in one text node').toBeLessThanOrEqual(65);
      expect(laidOut.total, 'characters laid out').toBeLessThan(2 * 8_192 + 512 + 2_000);
      await hostStillUsable(page);
      await w.next.click();
      await expect(w.progress).toContainText('2');
      expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
    });
  });

  test('the real topic, for comparison: no long task either', async ({ browser, baseURL }) => {
    await withoutLongTasks(browser, baseURL, async (page, seen) => {
      await tamper(page, ARTICLE, (topic) => topic);
      const w = await open(page);
      await expect(w.error).toHaveCount(0);
      await expect(w.title).toBeVisible();
      await hostStillUsable(page);
    });
  });
});
