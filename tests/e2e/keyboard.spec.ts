/**
 * Keyboard and screen-reader behaviour of the panel, with the keyboard only: focus moves
 * into the panel when the user opens it and back to the help icon when they close it,
 * Escape closes, the arrow keys move between steps, step changes are announced in a
 * polite live region, and each step's English source is one accessible button away.
 */
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openPortal, widget } from './support';

/** The class of the element focused inside the widget's shadow root ('' when none). */
async function focusedInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-helpmark-host]');
    const active = host?.shadowRoot?.activeElement;
    return document.activeElement === host && active ? active.className : '';
  });
}

test.describe('keyboard, browser locale de-DE', () => {
  test.use({ locale: 'de-DE' });

  test('the panel is usable with the keyboard alone and says what changes', async ({ page }) => {
    // Arrange
    const { widget: w } = await openPortal(page, '/');
    await w.launcher.focus();

    // Act: open with Enter; focus lands on the panel's title.
    await page.keyboard.press('Enter');
    await expect(w.progress).toHaveText('Schritt 1 von 3');
    await expect.poll(() => focusedInWidget(page)).toBe('hm-title');

    // The arrow keys move between steps; each change is announced politely.
    await page.keyboard.press('ArrowRight');
    await expect(w.progress).toHaveText('Schritt 2 von 3');
    const live = page.locator('.hm-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText(/^Schritt 2 von 3: Wählen Sie im Kundenmenü Konto und dann Aktualisieren aus\.$/);
    await page.keyboard.press('ArrowLeft');
    await expect(w.progress).toHaveText('Schritt 1 von 3');

    // Show the original (English) and back, with Enter on the toggle.
    const original = page.locator('button.hm-original');
    await expect(original).toHaveText('Original anzeigen (Englisch)');
    await expect(original).toHaveAttribute('aria-pressed', 'false');
    await original.focus();
    await page.keyboard.press('Enter');
    await expect(w.step).toHaveText(/^From the Partner Center menu, select Customers\. Then choose a customer from the list/);
    await expect(w.step).toHaveAttribute('lang', 'en');
    await expect(original).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    await expect(w.step).toHaveText(/^Wählen Sie im Partner Center -Menü die Option Kunden aus\./);

    // Escape closes, and focus returns to the help icon.
    await page.keyboard.press('Escape');
    await expect(w.panel).toHaveCount(0);
    await expect.poll(() => focusedInWidget(page)).toBe('hm-launcher');
    await expect(w.launcher).toHaveAttribute('aria-expanded', 'false');
  });

  test('a guide resumed on page load does not take the focus', async ({ page }) => {
    await page.goto('/#/customers/contoso/account');
    await page.evaluate(() => sessionStorage.setItem('helpmark:guide', 'update-customer-account-info\n1:1'));
    await page.reload();
    const w = widget(page);
    await expect(w.panel).toBeVisible();
    expect(await focusedInWidget(page)).toBe('');
  });
});

/** Presses `key` until the focused element (through shadow roots) matches `selector`. */
async function keyTo(page: Page, key: string, selector: string, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const here = await page.evaluate((sel) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches(sel) ?? false;
    }, selector);
    if (here) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${what} (${selector})`);
}

/** Presses Tab until the focused element (through shadow roots) matches `selector`. */
async function tabTo(page: Page, selector: string, what: string): Promise<void> {
  return keyTo(page, 'Tab', selector, what);
}

test.describe('keyboard only, browser locale en-US', () => {
  test.use({ locale: 'en-US' });

  test('the whole seed topic can be followed without a mouse', async ({ page }) => {
    // Arrange: no mouse event may reach the page.
    await page.addInitScript(() => {
      for (const type of ['mousedown', 'mouseup', 'click'] as const) {
        document.addEventListener(
          type,
          (e) => {
            if ((e as MouseEvent).detail > 0) (window as unknown as { __mouse: number }).__mouse = 1;
          },
          true,
        );
      }
    });
    const { widget: w } = await openPortal(page, '/');
    const target = (key: string) => `[data-help-target="${key}"]`;

    // Act: open the guide from the keyboard.
    await tabTo(page, 'button.hm-launcher', 'the help icon');
    await page.keyboard.press('Enter');
    await expect(w.progress).toHaveText('Step 1 of 3');

    // Step 1: the Partner Center menu opens with Enter; Customers is chosen from it.
    await tabTo(page, target('partner-center'), 'the Partner Center menu');
    await page.keyboard.press('Enter');
    // A menu moves with the arrow keys (WAI-ARIA menu button pattern).
    await keyTo(page, 'ArrowDown', target('customers'), 'Customers');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/customers$/);
    await tabTo(page, `${target('customer-list')} tbody a`, 'a customer');
    await page.keyboard.press('Enter');

    // Step 2: Account, then Update.
    await expect(w.progress).toHaveText('Step 2 of 3');
    await tabTo(page, target('account'), 'Account');
    await page.keyboard.press('Enter');
    await tabTo(page, target('update'), 'Update');
    await page.keyboard.press('Enter');

    // Step 3: Submit (with Enter on the button) finishes the guide.
    await expect(w.progress).toHaveText('Step 3 of 3');
    await tabTo(page, target('submit'), 'Submit');
    await page.keyboard.press('Enter');

    // Assert
    await expect(w.panel).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __mouse?: number }).__mouse ?? 0), 'mouse events').toBe(0);
  });
});

test.describe('narrow screen', () => {
  test.use({ locale: 'de-DE', viewport: { width: 360, height: 740 } });

  test('the panel fits a 360 px wide screen without horizontal scrolling', async ({ page }) => {
    const { widget: w } = await openPortal(page, '/');
    await w.launcher.click();
    await expect(w.step).toBeVisible();
    const box = (await w.panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const overflow = await w.panel.evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(overflow, 'no horizontal overflow inside the panel').toBeLessThanOrEqual(0);
    await expect(w.next).toBeInViewport();
  });
});

test.describe('200 % zoom', () => {
  // A 1280 × 720 window at 200 % zoom: a 640 × 360 CSS viewport with two device pixels
  // per CSS pixel (WCAG 1.4.4 and 1.4.10).
  test.use({ locale: 'de-DE', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  test('the panel reflows at every step: inside the window, its buttons reachable', async ({ page }, testInfo) => {
    const { widget: w } = await openPortal(page, '/');
    await w.launcher.click();
    await expect(w.step).toBeVisible();
    await page.screenshot({ path: path.join(testInfo.project.outputDir, 'screenshots', 'zoom-200-de-DE.png'), animations: 'disabled' });
    for (let n = 1; n <= 3; n++) {
      await expect(w.progress).toHaveText(`Schritt ${n} von 3`);
      const box = (await w.panel.boundingBox())!;
      expect(box.x, `step ${n}: left edge`).toBeGreaterThanOrEqual(0);
      expect(box.y, `step ${n}: top edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `step ${n}: right edge`).toBeLessThanOrEqual(640);
      expect(box.y + box.height, `step ${n}: bottom edge`).toBeLessThanOrEqual(360);
      const overflow = await w.panel.evaluate((e) => e.scrollWidth - e.clientWidth);
      expect(overflow, `step ${n}: no horizontal overflow`).toBeLessThanOrEqual(0);
      await expect(w.close).toBeInViewport();
      await expect(w.next).toBeInViewport();
      // The step text can be scrolled into view inside the panel, and then nothing
      // covers it (not the buttons, not the header).
      await w.step.scrollIntoViewIfNeeded();
      await expect(w.step).toBeInViewport();
      const uncovered = await w.step.evaluate((step) => {
        const r = step.getBoundingClientRect();
        const root = step.getRootNode() as ShadowRoot;
        const hit = root.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 8));
        return !!hit && step.contains(hit);
      });
      expect(uncovered, `step ${n}: the step text is not covered`).toBe(true);
      if (n < 3) await w.next.click();
    }
  });
});
