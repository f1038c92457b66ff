/**
 * Keyboard and screen-reader behaviour of the panel, with the keyboard only: focus moves
 * into the panel when the user opens it and back to the help icon when they close it,
 * Escape closes, the arrow keys move between steps, step changes are announced in a
 * polite live region, and each step's English source is one accessible button away.
 */
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
