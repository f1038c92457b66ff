/**
 * The help icon in each corner of the page (`data-position` on the embedding tag), and
 * the panel next to it: wherever the highlighted element is, the panel covers neither it
 * nor the icon (geometry in src/geometry.rs, applied through the CSS object model).
 */
import { expect, test, type Page } from '@playwright/test';

const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
const VIEWPORT = { width: 1280, height: 720 };
/** Where the highlighted element is put, in turn (its left and top). */
const SPOTS: Array<[number, number]> = [
  [1100, 640], // bottom right
  [40, 640], // bottom left
  [1100, 40], // top right
  [40, 40], // top left
  [570, 340], // middle
];

test.use({ locale: 'en-US', viewport: VIEWPORT });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A plain host page with one element the seed topic's first step points at. */
function hostPage(corner: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Corners</title>
<script src="helpmark.js" defer data-content="help/" data-topic="update-customer-account-info"
        data-locale="en-US" data-position="${corner}"></script></head>
<body><button id="target" type="button" data-help-target="partner-center">Partner Center</button></body></html>`;
}

async function place(page: Page, [left, top]: [number, number]) {
  await page.locator('#target').evaluate(
    (el, [l, t]) => {
      const style = (el as HTMLElement).style;
      style.position = 'fixed';
      style.left = `${l}px`;
      style.top = `${t}px`;
      style.width = '140px';
      style.height = '40px';
    },
    [left, top],
  );
}

for (const corner of CORNERS) {
  test(`icon at ${corner}: the panel covers neither the highlighted element nor the icon`, async ({ page }) => {
    // Arrange: the page, served next to the build so that helpmark.js and help/ resolve.
    await page.route('**/corner-test.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage(corner) }),
    );
    await page.goto('/corner-test.html');
    await place(page, SPOTS[4]);
    const launcher = page.locator('button.hm-launcher');
    const panel = page.locator('section.hm-panel');
    await expect(launcher).toBeVisible();

    // Act: open the guide (the widget loads on this call).
    await page.evaluate(() => (window as unknown as { helpmark: { open(): void } }).helpmark.open());
    await expect(panel).toHaveAttribute('data-target-status', 'found');

    // Assert: the widget's icon is in its corner, 20 px from both edges.
    const icon = (await launcher.boundingBox())!;
    const right = corner.endsWith('right');
    const bottom = corner.startsWith('bottom');
    expect(right ? VIEWPORT.width - (icon.x + icon.width) : icon.x).toBeCloseTo(20, 0);
    expect(bottom ? VIEWPORT.height - (icon.y + icon.height) : icon.y).toBeCloseTo(20, 0);
    // With no element in the way, the panel opens next to the icon.
    await expect(panel).toHaveClass(new RegExp(`\\bhm-at-${corner}\\b`));

    for (const spot of SPOTS) {
      await place(page, spot);
      const target = (await page.locator('#target').boundingBox())!;
      // The highlight has followed the element...
      await expect
        .poll(async () => {
          const hole = await page.locator('.hm-cutout').boundingBox();
          return hole ? Math.abs(hole.x - target.x) + Math.abs(hole.y - target.y) : Infinity;
        }, { message: `highlight at ${spot}` })
        .toBeLessThanOrEqual(2);
      // ...and the panel is off it and off the icon, inside the viewport.
      await expect
        .poll(async () => {
          const box = (await panel.boundingBox())!;
          return {
            target: overlaps(box, target),
            icon: overlaps(box, icon),
            inside:
              box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height,
          };
        }, { message: `panel with the element at ${spot}` })
        .toEqual({ target: false, icon: false, inside: true });
    }
  });
}
