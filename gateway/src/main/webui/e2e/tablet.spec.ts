import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

// Issue 13 item 9: readable on a tablet as well as on the 1366×768 desk screen. Each role's home screen at a
// portrait tablet's size: nothing wider than the screen (the page never scrolls sideways; wide tables scroll in
// their own box), the navigation reachable, no serious accessibility violation.
test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

const HOMES = [
  { user: 'receptionist', path: '/reception', heading: 'Check-in' },
  { user: 'nurse', path: '/nurse', heading: 'Triage worklist' },
  { user: 'doctor', path: '/doctor', heading: 'My room' },
  { user: 'admin', path: '/admin', heading: /Operations/ },
] as const;

for (const home of HOMES) {
  test(`the ${home.user}'s home screen fits a tablet`, async ({ page }) => {
    await signIn(page, home.user, home.path);
    await expect(page.getByRole('heading', { name: home.heading, level: 2 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    // the navigation folds behind the burger on a narrow screen and opens from it
    const burger = page.getByRole('button', { name: 'Menu', exact: true });
    if (await burger.isVisible()) {
      await burger.click();
    }
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expectAccessible(page);
    if (home.user === 'nurse') await screenshot(page, 'tablet-nurse');
  });
}
