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
