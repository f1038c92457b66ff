/**
 * End-to-end tests of the seed topic (update-customer-account-info) in the demo portal,
 * against the release build in dist/ (see playwright.config.ts).
 *
 * Widget contract under test: `<div data-helpmark-host>` appended to <body> with an OPEN
 * shadow root (Playwright's CSS locators pierce it), holding `button.hm-launcher` and,
 * once opened, `section.hm-panel` with .hm-title, .hm-lead, .hm-progress, .hm-step,
 * button.hm-back, button.hm-next and button.hm-close; `.hm-error` (role=alert) when the
 * topic is missing. The widget dispatches `helpmark:ready` {locale, dir} on document; the
 * portal then localizes its labels and sets <body data-portal-locale>.
 *
 * The browser locale comes from the context (`test.use({ locale })`), never from the URL,
 * except in the `?locale=` override test.
 */
import * as path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { normalize, openPortal, portal, widget } from './support';
import {
  CONTENT_LOCALES,
  EXPECTED,
  FALLBACKS,
  FORBIDDEN_IN_PANEL,
  STEP_COUNT,
  type ContentLocale,
} from './seed-expected';

const MISSING_TOPIC = 'no-such-topic';

/** Waits until the rendered text of `locator`, whitespace-normalized, equals `expected`. */
async function expectText(locator: Locator, expected: string, what: string): Promise<void> {
  await expect
    .poll(async () => normalize(await locator.innerText()), { message: what })
    .toBe(expected);
}

/** The panel must show rendered text only: no Markdown syntax, raw HTML or entities. */
async function expectNoMarkup(panel: Locator): Promise<void> {
  const text = (await panel.textContent()) ?? '';
  for (const bad of FORBIDDEN_IN_PANEL) {
    expect(text, `panel text must not contain ${JSON.stringify(bad)}`).not.toContain(bad);
  }
}

/** Language subtag of a BCP 47 tag ('de-DE' -> 'de'). */
function language(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

for (const locale of CONTENT_LOCALES) {
  const expected = EXPECTED[locale];

  test.describe(`browser locale ${locale}`, () => {
    test.use({ locale });

    test(`shows the seed topic in ${locale}, step by step`, async ({ page }, testInfo) => {
      // Arrange: the portal is loaded and localized by the widget's ready event.
      const { widget: w, portal: p, pageErrors, ready } = await openPortal(page);
      expect(ready, 'helpmark:ready must be dispatched on document').not.toBeNull();
      expect(typeof ready?.locale, 'helpmark:ready detail.locale').toBe('string');
      expect(language(String(ready?.locale)), 'helpmark:ready detail.locale language').toBe(
        language(locale),
      );
      expect(ready?.dir, 'helpmark:ready detail.dir').toBe('ltr');
      await expect(w.launcher).toHaveAccessibleName(expected.launcher);
      await expect(w.panel).toBeHidden();

      // Act: open the widget.
      await w.launcher.click();

      // Assert: title, lead and the first step, in the browser's language.
      await expect(w.panel).toBeVisible();
      await expect(w.panel).toHaveRole('region');
      await expectText(w.title, expected.title, 'topic title');
      await expect(w.lead).not.toBeEmpty();
      await expect(w.back).toBeAttached();
      await expect(w.close).toBeVisible();
      await expectText(w.progress, expected.progress(1, STEP_COUNT), 'progress on step 1');
      await expectText(w.step, expected.steps[0], 'step 1');
      await expectNoMarkup(w.panel);
      const screenshot = path.join(testInfo.project.outputDir, 'screenshots', `${locale}.png`);
      await page.screenshot({ path: screenshot });
      await testInfo.attach(`widget-${locale}`, { path: screenshot, contentType: 'image/png' });
      const nextLabel = normalize(await w.next.innerText());

      // Act + Assert: walk the remaining steps with Next.
      for (let i = 1; i < STEP_COUNT; i++) {
        await w.next.click();
        await expectText(w.progress, expected.progress(i + 1, STEP_COUNT), `progress on step ${i + 1}`);
        await expectText(w.step, expected.steps[i], `step ${i + 1}`);
        await expectNoMarkup(w.panel);
      }

      // Assert: on the last step Next reads "Done" (localized) and closes the panel.
      await expect
        .poll(async () => normalize(await w.next.innerText()), { message: 'Next label on the last step' })
        .not.toBe(nextLabel);
      await w.next.click();
      await expect(w.panel).toBeHidden();

      // Assert: the portal speaks the same language as the help content.
      await expectText(p.partnerCenter, expected.portal.partnerCenter, 'portal Partner Center button');
      await p.partnerCenter.click();
      await expect(p.customers).toBeVisible();
      await expectText(p.customers, expected.portal.customers, 'portal Customers menu item');

      expect(pageErrors, 'uncaught page errors').toEqual([]);
    });
  });
}

test.describe('navigation', () => {
  test.use({ locale: 'en-US' });

  test('Back returns to the previous step and Close hides the panel', async ({ page }) => {
    const expected = EXPECTED['en-US'];
    const { widget: w, pageErrors } = await openPortal(page);

    await w.launcher.click();
    await expectText(w.step, expected.steps[0], 'step 1');
    await w.next.click();
    await expectText(w.step, expected.steps[1], 'step 2');

    await w.back.click();
    await expectText(w.progress, expected.progress(1, STEP_COUNT), 'progress after Back');
    await expectText(w.step, expected.steps[0], 'step 1 after Back');

    await w.close.click();
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeVisible();
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  });
});

test.describe('locale fallback', () => {
  for (const { browser: browserLocale, content } of FALLBACKS) {
    test.describe(`browser locale ${browserLocale}`, () => {
      test.use({ locale: browserLocale });

      test(`falls back to ${content}`, async ({ page }) => {
        const { widget: w, pageErrors } = await openPortal(page);
        expect(await page.evaluate(() => navigator.language)).toBe(browserLocale);

        await w.launcher.click();

        await expectText(w.title, EXPECTED[content].title, `title (${content})`);
        expect(pageErrors, 'uncaught page errors').toEqual([]);
      });
    });
  }
});

test.describe('?locale= override', () => {
  test.use({ locale: 'de-DE' });

  test('?locale=sv-SE shows Swedish in a German browser', async ({ page }) => {
    // Arrange
    const sv = EXPECTED['sv-SE'];
    const { widget: w, portal: p, pageErrors } = await openPortal(page, '/?locale=sv-SE');
    expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
    await expect(w.launcher).toHaveAccessibleName(sv.launcher);

    // Act
    await w.launcher.click();

    // Assert
    await expectText(w.title, sv.title, 'title (sv-SE)');
    await expectText(w.progress, sv.progress(1, STEP_COUNT), 'progress (sv-SE)');
    await expectText(w.step, sv.steps[0], 'step 1 (sv-SE)');
    await expectText(p.partnerCenter, sv.portal.partnerCenter, 'portal Partner Center button (sv-SE)');
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  });
});

test.describe('missing topic', () => {
  /** Opens the portal on a missing topic in a new context with `locale`; returns what it shows. */
  async function openMissingTopic(browser: Browser, baseURL: string | undefined, locale: ContentLocale) {
    const context = await browser.newContext({ locale, baseURL });
    try {
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      const { widget: w, portal: p, pageErrors } = await openPortal(page, `/?topic=${MISSING_TOPIC}`);

      await w.launcher.click();

      await expect(w.error).toBeVisible();
      await expect(w.error).toHaveRole('alert');
      const message = normalize(await w.error.innerText());
      expect(message, 'error message').not.toBe('');

      // The widget reports the missing file on the console.
      await expect
        .poll(() => consoleErrors.filter((text) => text.includes(`${MISSING_TOPIC}.md`)), {
          message: `a console.error naming ${MISSING_TOPIC}.md`,
        })
        .not.toEqual([]);

      // The portal stays usable.
      await p.partnerCenter.click();
      await expect(p.customers).toBeVisible();
      expect(pageErrors, 'uncaught page errors').toEqual([]);
      return message;
    } finally {
      await context.close();
    }
  }

  test('shows a localized error, logs the missing file, and the portal stays usable', async ({
    browser,
  }, testInfo) => {
    // Arrange
    const baseURL = testInfo.project.use.baseURL;

    // Act + Assert (per locale, in openMissingTopic)
    const english = await openMissingTopic(browser, baseURL, 'en-US');
    const german = await openMissingTopic(browser, baseURL, 'de-DE');

    // Assert: the message follows the browser's language.
    expect(german, 'the de-DE error message must differ from the en-US one').not.toBe(english);
  });
});
