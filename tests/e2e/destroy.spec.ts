/**
 * `window.helpmark.destroy()` removes everything the widget added to the page (its host
 * element, its listeners, observers and timers), and a later `open()` starts it again;
 * repeated 50 times, the page's DOM nodes, listeners and JavaScript heap do not grow.
 * Listeners are read with the DevTools protocol (DOMDebugger.getEventListeners on window
 * and document).
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';

const PAGE = '/embed-example.html';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

type Api = { open(topic?: string): void; next(): void; destroy(): void };

/** The listeners on window and on document, as sorted `type[:capture]` lists. */
async function listeners(cdp: CDPSession): Promise<{ window: string[]; document: string[] }> {
  const of = async (expression: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
    return listeners.map((l) => `${l.type}${l.useCapture ? ':capture' : ''}`).sort();
  };
  return { window: await of('window'), document: await of('document') };
}

/** Whether every entry of `after` is in `before` (as many times at least). */
function within(after: string[], before: string[]): string[] {
  const left = [...before];
  const extra: string[] = [];
  for (const l of after) {
    const i = left.indexOf(l);
    if (i < 0) extra.push(l);
    else left.splice(i, 1);
  }
  return extra;
}

async function measure(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { nodes, jsEventListeners, heap: usedSize };
}

async function walkOneStepAndDestroy(page: Page) {
  const panel = page.locator('section.hm-panel');
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.open());
  await expect(panel.locator('.hm-progress')).toHaveText('Step 1 of 3');
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.next());
  await expect(panel.locator('.hm-progress')).toHaveText('Step 2 of 3');
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.destroy());
  await expect(page.locator('[data-helpmark-host]')).toHaveCount(0);
}

test('destroy() removes the widget and every listener it added, and open() starts it again', async ({ page }) => {
  test.setTimeout(180_000);
  // Arrange: the page with its loader, before the widget's code has loaded.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await page.goto(PAGE);
  await expect(page.locator('button.hm-launcher')).toBeVisible();
  const before = await listeners(cdp);

  // Act: open, walk one step, destroy.
  await walkOneStepAndDestroy(page);

  // Assert: no widget element, no listener the widget added, the host page still works.
  const after = await listeners(cdp);
  expect(within(after.window, before.window), 'listeners left on window').toEqual([]);
  expect(within(after.document, before.document), 'listeners left on document').toEqual([]);
  await page.locator('#host-button').click();
  await expect(page.locator('#host-counter')).toHaveText('1');

  // open() starts it again, at the first step, with its icon.
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.open());
  await expect(page.locator('section.hm-panel .hm-progress')).toHaveText('Step 1 of 3');
  await expect(page.locator('button.hm-launcher')).toBeVisible();
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.destroy());
  await expect(page.locator('[data-helpmark-host]')).toHaveCount(0);

  // Repeated: no growth of DOM nodes, listeners or heap beyond noise.
  for (let i = 0; i < 10; i++) await walkOneStepAndDestroy(page);
  const early = await measure(cdp);
  for (let i = 0; i < 40; i++) await walkOneStepAndDestroy(page);
  const late = await measure(cdp);
  console.log(`destroy x50: nodes ${early.nodes} -> ${late.nodes}, listeners ${early.jsEventListeners} -> ${late.jsEventListeners}, heap ${early.heap} -> ${late.heap}`);
  // One leaked panel a cycle would add thousands of nodes over 40 cycles.
  expect(late.nodes - early.nodes, 'DOM nodes').toBeLessThan(100);
  expect(late.jsEventListeners - early.jsEventListeners, 'JS event listeners').toBeLessThanOrEqual(4);
  expect(late.heap - early.heap, 'JS heap bytes').toBeLessThan(1_500_000);
  const final = await listeners(cdp);
  expect(within(final.window, before.window), 'listeners left on window').toEqual([]);
  expect(within(final.document, before.document), 'listeners left on document').toEqual([]);
});
