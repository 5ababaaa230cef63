import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
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

/**
 * The row of a ticket in the live queue. The table is virtualised (only rows near the screen exist) and the shared
 * suite's queue may be long, so this scrolls through it until the row is rendered.
 */
async function queueRow(page: Page, ticket: string) {
  const row = page.locator(`[data-ticket="${ticket}"]`);
  const viewport = page.getByTestId('live-queue-panel').locator('.mantine-ScrollArea-viewport');
  await expect(page.getByTestId('live-queue')).toBeVisible();
  await expect(async () => {
    await viewport.evaluate((el) => { el.scrollTop = 0; });
    for (let step = 0; step < 200 && (await row.count()) === 0; step++) {
      const moved = await viewport.evaluate(async (el) => {
        const before = el.scrollTop;
        el.scrollTop += el.clientHeight * 0.8;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return el.scrollTop !== before;
      });
      if (!moved) break;
    }
    expect(await row.count()).toBe(1);
  }).toPass({ timeout: 10_000 });
  await row.scrollIntoViewIfNeeded();
  return row;
}

/** Only the walk-ins and patients waiting for triage (in arrival order), scrolled to the end where a new one lands. */
async function watchNewArrivals(page: Page) {
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Waiting for triage' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'ESI' }).click();
  await page.getByRole('option', { name: 'Not triaged' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('live-queue-panel').locator('.mantine-ScrollArea-viewport').evaluate((el) => { el.scrollTop = el.scrollHeight; });
}

/** A bearer token for a demo user, as another desk's app would hold it. */
async function tokenOf(request: APIRequestContext, user = 'receptionist'): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username: user, password: `medi-demo-${user}`, refreshTokenIn: 'BODY' } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A walk-in checked in at another desk (through the API). */
async function checkInWalkIn(request: APIRequestContext, arrivalName: string, department = DEPARTMENT) {
  const answer = await request.post(`/api/v1/queues/${department}/check-ins`, {
    headers: { Authorization: `Bearer ${await tokenOf(request)}`, 'Idempotency-Key': crypto.randomUUID() },
    data: { arrivalName, chiefComplaint: 'headache' },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string; ticket: string };
}

/** A birth date of its own per run: the duplicate check matches a similar name on the same birth date. */
function uniqueBirthDate(stamp: number): string {
  return new Date(Date.UTC(1930, 0, 1) + (stamp % 25_000) * 86_400_000).toISOString().slice(0, 10);
}

async function registerPatient(request: APIRequestContext, family: string, birthDate: string) {
  const answer = await request.post('/api/v1/patients?force=true', {
    headers: { Authorization: `Bearer ${await tokenOf(request)}` },
    data: { name: { family, given: ['Ada'] }, birthDate, sex: 'female' },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string };
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
  await watchNewArrivals(watcher);

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

test('a walk-in is linked to the patient registered afterwards: found by search, or registered from the queue', async ({ page, request }) => {
  const stamp = Date.now();
  const found = await checkInWalkIn(request, `E2E Link ${stamp}`);
  const family = `Linked${stamp}`;
  await registerPatient(request, family, uniqueBirthDate(stamp));
  await signIn(page, 'receptionist', '/reception/queue');
  await chooseDepartment(page);

  // 1. the record exists: search, pick, link
  const row = await queueRow(page, found.ticket);
  await expect(row).toContainText(`E2E Link ${stamp}`);
  await row.getByRole('button', { name: `Actions for ticket ${found.ticket}` }).click();
  await page.getByRole('menuitem', { name: 'Link to patient…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('patient-search').fill(family);
  await dialog.getByTestId('patient-result').filter({ hasText: family.toUpperCase() }).click();
  await expect(dialog).toContainText(`Link to ${family.toUpperCase()}, Ada`);
  await expectAccessible(page);
  await screenshot(page, 'reception-link-patient-light');
  const linked = page.waitForResponse((r) => r.url().endsWith(`/entries/${found.id}/patient`) && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  expect((await linked).status()).toBe(200);
  await expect(row).toContainText(`${family.toUpperCase()}, Ada`);
  await expect(row.getByText('walk-in', { exact: true })).toHaveCount(0);

  // 2. no record yet: register from the dialog; the new record is linked and the queue shows the name
  const fresh = await checkInWalkIn(request, `E2E Register ${stamp}`);
  const freshRow = await queueRow(page, fresh.ticket);
  await freshRow.getByRole('button', { name: `Actions for ticket ${fresh.ticket}` }).click();
  await page.getByRole('menuitem', { name: 'Link to patient…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Register new patient and link' }).click();
  await expect(page.getByTestId('linking-notice')).toContainText(fresh.ticket);
  const newFamily = `Newreg${stamp}`;
  await page.getByRole('textbox', { name: 'Family name' }).fill(newFamily);
  await page.getByRole('textbox', { name: 'Given names' }).fill('Bo');
  await page.getByRole('textbox', { name: 'Birth date' }).fill(uniqueBirthDate(stamp + 1));
  await page.getByRole('combobox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Male', exact: true }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/reception\/queue$/);
  await expect(await queueRow(page, fresh.ticket)).toContainText(`${newFamily.toUpperCase()}, Bo`);
});

test('finished today lists the day\'s ended entries with their outcome and times, in light and dark', async ({ page, request }) => {
  const stamp = Date.now();
  const token = await tokenOf(request);
  const cancelled = await checkInWalkIn(request, `E2E Cancelled ${stamp}`);
  const left = await checkInWalkIn(request, `E2E Left ${stamp}`);
  for (const [entry, action] of [[cancelled, 'cancel'], [left, 'left-without-being-seen']] as const) {
    const answer = await request.post(`/api/v1/queues/${DEPARTMENT}/entries/${entry.id}/${action}`, {
      headers: { Authorization: `Bearer ${token}` }, data: { reason: 'e2e' },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  }
  await signIn(page, 'receptionist', '/reception/queue');
  await chooseDepartment(page);
  await page.getByRole('link', { name: 'Finished today' }).click();
  await expect(page).toHaveURL(/\/reception\/ended$/);
  const cancelledRow = page.locator(`[data-testid="ended-row"][data-ticket="${cancelled.ticket}"]`);
  await expect(cancelledRow).toContainText(`E2E Cancelled ${stamp}`);
  await expect(cancelledRow).toContainText('Cancelled');
  await expect(cancelledRow).toHaveAttribute('data-status', 'CANCELLED');
  const leftRow = page.locator(`[data-testid="ended-row"][data-ticket="${left.ticket}"]`);
  await expect(leftRow).toContainText('Left without being seen');
  await expect(leftRow.getByRole('cell').nth(7)).toHaveText(/\d{1,2}[:.]\d{2}/); // the ended time
  await expectAccessible(page);
  await screenshot(page, 'reception-ended-light');
  await page.getByTestId('theme-switch').click();
  await expectAccessible(page);
  await screenshot(page, 'reception-ended-dark');
  await page.getByTestId('theme-switch').click();
  await expectAccessible(page);
});
