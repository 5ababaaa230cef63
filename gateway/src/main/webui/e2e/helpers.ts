import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const DEPARTMENT = process.env.MEDI_DEPARTMENT ?? '0193a000-0000-7000-8000-000000000001';

/** Signs in through the real sign-in screen with a demo account (password medi-demo-<user>). */
export async function signIn(page: Page, user: 'receptionist' | 'nurse' | 'doctor' | 'admin', to = '/') {
  await page.goto(to);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(user);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(`medi-demo-${user}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-menu')).toBeVisible();
}

/** axe-core on the current screen: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Screenshots for docs/user-guide (light and dark), taken by the tests so they show what ships. */
export async function screenshot(page: Page, name: string) {
  const dir = new URL('../../../../../docs/user-guide/images/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png` });
}
