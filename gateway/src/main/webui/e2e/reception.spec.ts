import { expect, test, type Page } from '@playwright/test';
import { DEPARTMENT, expectAccessible, screenshot, signIn } from './helpers';

const DEPARTMENT_NAME = process.env.MEDI_DEPARTMENT_NAME ?? 'General practice';

/** Picks the department in the header: the tests never rely on which one a user starts in. */
async function chooseDepartment(page: Page, name = DEPARTMENT_NAME) {
  const select = page.getByRole('combobox', { name: 'Department', exact: true });
  await expect(select).toBeVisible();
  if ((await select.inputValue()) !== name) {
    await select.click();
    await page.getByRole('option', { name, exact: true }).click();
  }
  await expect(select).toHaveValue(name);
}

test('the sign-in screen is accessible in light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);
  await screenshot(page, 'sign-in-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await screenshot(page, 'sign-in-dark');
});

test('a wrong password is refused with a clear message and nothing else happens', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill('receptionist');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('User name or password is not right.');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a walk-in checked in at one desk appears on another screen within a second', async ({ browser }) => {
  // two browsers: separate contexts, separate sessions
  const desk = await (await browser.newContext()).newPage();
  const watcher = await (await browser.newContext()).newPage();
  await signIn(watcher, 'receptionist', '/reception/queue');
  await chooseDepartment(watcher);
  await expect(watcher.getByTestId('live-queue-panel')).toHaveAttribute('data-department', DEPARTMENT);
  await expect(watcher.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
  await expectAccessible(watcher);

  await signIn(desk, 'receptionist', '/reception');
  await chooseDepartment(desk);
  await desk.getByText('Walk-in (register later)').click();
  const name = `E2E Walk-in ${Date.now()}`;
  await desk.getByLabel('Name as given at the desk').fill(name);
  await desk.getByTestId('chief-complaint').fill('twisted ankle');
  await expectAccessible(desk);
  await screenshot(desk, 'reception-check-in-light');
  const answer = desk.waitForResponse((r) => r.url().includes('/check-ins') && r.request().method() === 'POST');
  await desk.getByRole('button', { name: 'Check in' }).click();
  expect((await answer).status()).toBe(201);
  const ticket = (await desk.getByTestId('ticket-number').textContent()) ?? '';
  expect(ticket).toMatch(/\S/);
  await screenshot(desk, 'reception-ticket-light');

  // the other screen got it through the live stream, without reloading
  await expect(watcher.getByTestId('queue-row').filter({ hasText: name })).toBeVisible({ timeout: 1_000 });
  await expect(watcher.locator(`[data-ticket="${ticket}"]`)).toBeVisible();
  await screenshot(watcher, 'reception-queue-light');
  await watcher.getByTestId('theme-switch').click();
  await expectAccessible(watcher);
  await screenshot(watcher, 'reception-queue-dark');
  await watcher.getByTestId('theme-switch').click(); // back to light: the preference is stored in the account
  await expectAccessible(watcher);
});

test('the idle warning shows two minutes before the limit and keeps the session on "stay signed in"', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'nurse');
  await page.clock.fastForward('12:50');
  await expect(page.getByText('Still there?')).not.toBeVisible();
  await page.clock.fastForward('00:20');
  await expect(page.getByText('Still there?')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(page.getByText('Still there?')).not.toBeVisible();
  await expect(page.getByTestId('account-menu')).toBeVisible();
});

test('without activity the session ends at 15 minutes and sign-in returns to the same screen', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'receptionist', '/reception/queue');
  await page.clock.fastForward('15:05');
  await expect(page.getByText('You were signed out after 15 minutes without activity')).toBeVisible();
  await page.getByLabel('User name').fill('receptionist');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('medi-demo-receptionist');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/reception\/queue$/);
});
