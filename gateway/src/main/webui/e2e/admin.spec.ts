import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEPARTMENT, expectAccessible, screenshot, signIn } from './helpers';

/** A bearer token for a demo user, as another desk's app would hold it. */
async function tokenOf(request: APIRequestContext, user: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username: user, password: `medi-demo-${user}`, refreshTokenIn: 'BODY' } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** The header's theme switch; waits until the account stored the choice. */
async function toggleTheme(page: Page, to: 'light' | 'dark') {
  if ((await page.locator('html').getAttribute('data-mantine-color-scheme')) === to) return;
  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/account/preferences') && r.request().method() === 'PATCH');
  await page.getByTestId('theme-switch').click();
  expect((await saved).status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', to);
}

async function metric(page: Page, testId: string): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute('data-value');
  return Number(value);
}

test('the dashboard counts a new arrival in its department (before/after, not a fixed total)', async ({ page, request }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin');
  await page.getByTestId('dashboard-department').click();
  await page.getByRole('option', { name: 'General' }).click();
  await expect(page.getByRole('heading', { name: /Operations — General/ })).toBeVisible();
  await expect(page.getByTestId('dashboard-updated')).toContainText('figures as of');
  await toggleTheme(page, 'light'); // the demo account may have kept another session's choice
  const arrivedBefore = await metric(page, 'metric-arrived');
  const waitingBefore = await metric(page, 'metric-waiting');
  expect(Number.isInteger(arrivedBefore)).toBe(true);

  const answer = await request.post(`/api/v1/queues/${DEPARTMENT}/check-ins`, {
    headers: { Authorization: `Bearer ${await tokenOf(request, 'receptionist')}`, 'Idempotency-Key': crypto.randomUUID() },
    data: { arrivalName: `E2E Dashboard ${Date.now()}`, chiefComplaint: 'headache' },
  });
  expect(answer.status()).toBe(201);

  // the live queue event (or the 15 s refresh) brings the new figures without a reload
  await expect.poll(() => metric(page, 'metric-arrived'), { timeout: 20_000 }).toBeGreaterThan(arrivedBefore);
  // waiting now moves too, unless another session called patients meanwhile: it must at least be a number
  expect(Number.isInteger(await metric(page, 'metric-waiting'))).toBe(true);
  void waitingBefore;
  await expectAccessible(page);
  await screenshot(page, 'admin-dashboard-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await toggleTheme(page, 'dark');
  await page.mouse.move(600, 400); // no tooltip over the header in the picture
  await expectAccessible(page);
  await screenshot(page, 'admin-dashboard-dark');
  await toggleTheme(page, 'light'); // back: the preference is stored in the (shared demo) account
});

test('an admin creates a user with a unique name, finds it in the list and disables it', async ({ page }) => {
  const username = `e2e.user.${Date.now()}`;
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin/users');
  await toggleTheme(page, 'light');
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  // the form refuses what the server would refuse, on the fields
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('Choose at least one role')).toBeVisible();
  await dialog.getByLabel('User name').fill(username);
  await dialog.getByLabel('Display name').fill('E2E Test Nurse');
  await dialog.getByLabel('E-mail').fill(`${username}@clinic.example`);
  await dialog.getByRole('textbox', { name: 'Initial password' }).fill('password');
  await dialog.getByRole('checkbox', { name: 'Nurse' }).check();
  await dialog.getByRole('checkbox', { name: /General/ }).check();
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('At least 12 characters', { exact: true })).toBeVisible();
  await expectAccessible(page);
  // a password the policy finds too common: the server's problem+json lands on the field
  await dialog.getByRole('textbox', { name: 'Initial password' }).fill('password1234');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  expect((await refused).status()).toBe(400);
  await expect(dialog.getByText(/too common/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  expect((await created).status()).toBe(201);
  await expect(dialog).not.toBeVisible();

  await page.getByTestId('user-search').fill(username);
  const row = page.locator(`[data-username="${username}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await expect(row.getByTestId('user-status')).toHaveText('Active');
  await page.getByTestId('user-search').fill('');
  await expect(page.getByTestId('user-row').nth(1)).toBeVisible();
  await screenshot(page, 'admin-users-light');
  await page.getByTestId('user-search').fill(username);

  await row.getByRole('button', { name: `Actions for ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${username}` });
  await expect(confirm).toContainText('can no longer sign in');
  await expect(page.getByRole('menu')).toBeHidden();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Disable account' }).click();
  await expect(confirm).not.toBeVisible();
  await expect(row.getByTestId('user-status')).toHaveText('Disabled');
  // persisted: still disabled after a reload
  await page.reload();
  await page.getByTestId('user-search').fill(username);
  await expect(page.locator(`[data-username="${username}"]`).getByTestId('user-status')).toHaveText('Disabled');
});
