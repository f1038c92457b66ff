/**
 * The plain-Markdown demo topic `find-a-customer` (issue #14): an English source
 * (`assets/help/en-US`) and two translations written for the demo, French (left stale on
 * purpose: its source changed after it was stamped) and Hebrew (right to left, naming its
 * keys with `{#key}` because it reorders step 1). Walked end to end in the three locales
 * on the same portal elements: the anchor keys come from the English source, so every
 * locale finds the same `data-help-target` elements, in the same order.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { normalize, openPortal, widget } from './support';

const target = (key: string) => `[data-help-target="${key}"]`;

interface StepDetail {
  topic: string;
  locale: string;
  step: number;
  steps: number;
  anchor: string;
  found: boolean;
}

async function recordSteps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __steps: unknown[] };
    w.__steps = [];
    document.addEventListener('helpmark:step', (event) => w.__steps.push((event as CustomEvent).detail));
  });
}

async function steps(page: Page): Promise<StepDetail[]> {
  return page.evaluate(() => (window as unknown as { __steps: StepDetail[] }).__steps);
}

/** Waits until the guide is at `step` on `anchor` (a key, or a piece of an instruction) and found it. */
async function expectAt(page: Page, step: number, anchor: string): Promise<void> {
  const panel = widget(page).panel;
  await expect
    .poll(
      async () => {
        const all = await steps(page);
        const d = all[all.length - 1];
        const at = d !== undefined && d.step === step && (d.anchor === anchor || d.anchor.includes(anchor));
        return at && d.found && (await panel.getAttribute('data-target-status')) === 'found';
      },
      { message: `found: step ${step}, ${anchor}` },
    )
    .toBe(true);
}

/** `expectAt`, then uses the element, and checks the guide moved on. */
async function walk(page: Page, step: number, anchor: string, element: Locator, use?: () => Promise<void>) {
  await expectAt(page, step, anchor);
  const before = (await steps(page)).length;
  if (use) await use();
  else await element.click();
  await expect
    .poll(async () => {
      const all = await steps(page);
      const d = all[all.length - 1];
      const gone = (await widget(page).panel.count()) === 0;
      return gone || (all.length > before && !(d.step === step && (d.anchor === anchor || d.anchor.includes(anchor))));
    }, { message: `the guide moves on from step ${step}, ${anchor}` })
    .toBe(true);
}

const ENGLISH_STEP_1 = 'From the Partner Center menu, select Customers.';

const LOCALES = [
  {
    locale: 'en-US',
    dir: 'ltr',
    title: 'Find a customer',
    step1: ENGLISH_STEP_1,
    stale: null,
  },
  {
    locale: 'fr-FR',
    dir: 'ltr',
    title: 'Trouver un client',
    step1: 'Dans le menu Partner Center, sélectionnez Clients.',
    stale: 'Cette traduction n’est peut-être plus à jour : l’original anglais a changé depuis.',
  },
  {
    locale: 'he-IL',
    dir: 'rtl',
    title: 'חיפוש לקוח',
    // The Hebrew names its keys (`**לקוחות**{#customers}`): the marks are never shown.
    step1: 'בחר לקוחות בתפריט Partner Center.',
    stale: null,
  },
] as const;

for (const l of LOCALES) {
  test.describe(`find-a-customer, ${l.locale}`, () => {
    test.use({ locale: l.locale, viewport: { width: 1280, height: 720 } });

    test('walks the menu, the search box and the down arrow with the English keys', async ({ page }) => {
      // Arrange
      await recordSteps(page);
      const { widget: w, pageErrors } = await openPortal(page, '/?topic=find-a-customer#/');
      await w.launcher.click();
      await expect(w.panel).toHaveAttribute('lang', l.locale);
      await expect(w.panel).toHaveAttribute('dir', l.dir);
      await expect(w.title).toHaveText(l.title);
      expect(normalize(await w.step.innerText())).toBe(l.step1);
      expect(normalize(await w.step.innerText())).not.toContain('{#');

      // The stale note (French only), and the English source one control away.
      const stale = w.panel.locator('.hm-stale');
      if (l.stale) {
        await expect(stale).toHaveText(l.stale);
        await expect(stale).toHaveAttribute('role', 'note');
      } else {
        await expect(stale).toHaveCount(0);
      }
      const original = w.panel.locator('button.hm-original');
      if (l.locale === 'en-US') {
        await expect(original).toHaveCount(0);
      } else {
        await original.click();
        await expect(w.step).toHaveAttribute('lang', 'en');
        expect(normalize(await w.step.innerText())).toBe(ENGLISH_STEP_1);
        await original.click();
        expect(normalize(await w.step.innerText())).toBe(l.step1);
      }

      // Act and assert: step 1, the menu then Customers (same keys in every locale).
      await walk(page, 1, 'partner-center', page.locator(target('partner-center')));
      await walk(page, 1, 'customers', page.locator(target('customers')));
      await expect(page).toHaveURL(/#\/customers$/);

      // Step 2: an instruction without a bold term; the host names the search box.
      const search = page.locator(target('search-box'));
      await walk(page, 2, 'in the search box', search);
      await search.fill('northwindtraders.onmicrosoft');
      await expect(page.locator('tr.customer-row:visible')).toHaveCount(1);

      // Step 3: the down arrow of the only visible row; using it ends the guide.
      const arrow = page.locator(`tr.customer-row:visible ${target('down-arrow')}`);
      await walk(page, 3, 'down-arrow', arrow);
      await expect(w.panel).toHaveCount(0);
      await expect(arrow).toHaveAttribute('aria-expanded', 'true');

      const seen = await steps(page);
      expect(seen.every((d) => d.topic === 'find-a-customer' && d.locale === l.locale && d.steps === 3)).toBe(true);
      // The anchors walked, in order, are the English source's keys.
      const walked = seen.filter((d) => d.found).map((d) => (d.anchor.includes('search box') ? 'search-box' : d.anchor));
      expect([...new Set(walked)]).toEqual(['partner-center', 'customers', 'search-box', 'down-arrow']);
      expect(pageErrors).toEqual([]);
    });
  });
}
