import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectAccessible, signIn } from './helpers';

test('the app loads at / under its Content-Security-Policy, without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['cache-control']).toBe('no-cache');

  await expect(page.locator('#root')).not.toBeEmpty();
  expect(errors).toEqual([]);
});

test('a deep link opens the app', async ({ page }) => {
  const response = await page.goto('/reception');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('the first screen has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#root')).not.toBeEmpty();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the active navigation entry stays readable under the pointer, in light and dark', async ({ page }) => {
  await signIn(page, 'receptionist', '/reception');
  const active = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Check-in' });
  await expect(active).toHaveAttribute('data-active', 'true');
  for (const scheme of ['light', 'dark']) {
    if ((await page.locator('html').getAttribute('data-mantine-color-scheme')) !== scheme) {
      await page.getByTestId('theme-switch').click();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    }
    await active.hover();
    await expectAccessible(page);
  }
});
