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

  // the live queue event brings the new figures without a reload, well before the 15 s refresh
  await expect.poll(() => metric(page, 'metric-arrived'), { timeout: 6_000 }).toBeGreaterThan(arrivedBefore);
  // waiting now moves too, unless another session called patients meanwhile: it must at least be a number
  expect(Number.isInteger(await metric(page, 'metric-waiting'))).toBe(true);
  void waitingBefore;
  await expectAccessible(page);
  await screenshot(page, 'admin-dashboard-light');
  // a past day: its own figures, no automatic refresh
  const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const pastDay = page.waitForResponse((r) => r.url().includes(`/statistics?date=${yesterday}`));
  await page.getByTestId('dashboard-date').fill(yesterday);
  expect((await pastDay).status()).toBe(200);
  await expect(page.getByTestId('dashboard-updated')).toContainText(`A past day (${yesterday})`);
  await page.getByTestId('dashboard-date').fill('');
  await expect(page.getByTestId('dashboard-updated')).toContainText('Today');
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

  // roles and departments change with If-Match (the version read with the list)
  await row.getByRole('button', { name: `Actions for ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Edit roles and departments' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${username}` });
  await expect(edit.getByLabel('User name')).toBeDisabled();
  await edit.getByRole('checkbox', { name: 'Doctor' }).check();
  const updated = page.waitForResponse((r) => r.url().includes('/api/v1/users/') && r.request().method() === 'PATCH');
  await edit.getByRole('button', { name: 'Save' }).click();
  const patch = await updated;
  expect(patch.status()).toBe(200);
  expect(patch.request().headers()['if-match']).toMatch(/^"\d+"$/);
  const saved = (await patch.json()) as { roles: string[]; departments: string[] };
  expect([...saved.roles].sort()).toEqual(['doctor', 'nurse']);
  expect(saved.departments).toEqual(['0193a000-0000-7000-8000-000000000001']);
  await expect(row).toContainText(/Nurse, Doctor|Doctor, Nurse/);

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

test('an API client is created and its secret is shown once, with a warning', async ({ page }) => {
  const name = `E2E kiosk ${Date.now()}`;
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin/clients');
  await toggleTheme(page, 'light');
  await expect(page.getByRole('heading', { name: 'API clients' })).toBeVisible();
  await page.getByRole('button', { name: 'New client' }).click();
  const form = page.getByRole('dialog', { name: 'New API client' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create client' }).click();
  await expect(form.getByText('Choose at least one scope')).toBeVisible();
  await form.getByRole('checkbox', { name: /queue\.read/ }).check();
  await expectAccessible(page);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/clients') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'Create client' }).click();
  const answer = await created;
  expect(answer.status()).toBe(201);
  const { clientSecret, clientId } = (await answer.json()) as { clientSecret: string; clientId: string };
  expect(clientSecret.length).toBeGreaterThan(10);

  const secretDialog = page.getByRole('dialog', { name: /copy the secret now/ });
  await expect(secretDialog.getByTestId('client-secret')).toHaveText(clientSecret);
  await expect(secretDialog.getByTestId('secret-warning')).toContainText('only time the secret is shown');
  await expect(secretDialog.getByRole('button', { name: 'Copy secret' })).toBeVisible();
  await expectAccessible(page);
  await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
  await expect(secretDialog).not.toBeVisible();

  // listed without its secret, and the secret is nowhere on the page any more
  const row = page.locator(`[data-client-id="${clientId}"]`);
  await expect(row).toContainText(name);
  await expect(page.getByText(clientSecret)).toHaveCount(0);
  await page.reload();
  await expect(page.locator(`[data-client-id="${clientId}"]`)).toBeVisible();
  await expect(page.getByText(clientSecret)).toHaveCount(0);

  await page.locator(`[data-client-id="${clientId}"]`).getByRole('button', { name: `Disable ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${name}` });
  await confirm.getByRole('button', { name: 'Disable client' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator(`[data-client-id="${clientId}"]`).getByTestId('client-status')).toHaveText('Disabled');
  await expectAccessible(page);
});

test('a department\'s SLA target is saved with If-Match and still there after a reload (then restored)', async ({ page, request }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin/departments');
  await toggleTheme(page, 'light');
  await page.getByTestId('department-item').filter({ hasText: 'Emergency' }).click();
  const form = page.getByTestId('department-form');
  await expect(form.getByRole('heading', { name: /Emergency/ })).toBeVisible();
  const esi4 = form.getByTestId('sla-esi4');
  await expect(esi4).not.toHaveValue('');
  const original = (await esi4.inputValue()).replace(/\D/g, '');
  const changed = String(Number(original) === 59 ? 58 : 59);
  await expectAccessible(page);

  const save = async (minutes: string) => {
    await esi4.fill(minutes);
    const saved = page.waitForResponse((r) => r.url().includes('/api/v1/departments/') && r.request().method() === 'PATCH');
    await form.getByRole('button', { name: 'Save' }).click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    expect(answer.request().headers()['if-match']).toMatch(/^(W\/)?"\d+"$/);
  };
  await save(changed);
  await page.reload();
  await page.getByTestId('department-item').filter({ hasText: 'Emergency' }).click();
  await expect(esi4).toHaveValue(`${changed} min`);

  // someone else saves meanwhile (another admin, through the API): this screen's version is stale → 412, said plainly
  const admin = { Authorization: `Bearer ${await tokenOf(request, 'admin')}` };
  const emergency = '0193a000-0000-7000-8000-000000000002';
  const current = await request.get(`/api/v1/departments/${emergency}`, { headers: admin });
  const other = await request.patch(`/api/v1/departments/${emergency}`, {
    headers: { ...admin, 'If-Match': current.headers()['etag'] ?? '' }, data: { name: ((await current.json()) as { name: string }).name },
  });
  expect(other.status()).toBe(200);
  await esi4.fill(original);
  const stale = page.waitForResponse((r) => r.url().includes('/api/v1/departments/') && r.request().method() === 'PATCH');
  await form.getByRole('button', { name: 'Save' }).click();
  expect((await stale).status()).toBe(412);
  await expect(page.getByTestId('department-error')).toContainText('Someone else changed this department');
  await expectAccessible(page);
  await screenshot(page, 'admin-departments-light');
  // the form now holds the fresh version: saving again works
  await save(original);
  await page.reload();
  await page.getByTestId('department-item').filter({ hasText: 'Emergency' }).click();
  await expect(page.getByTestId('department-form').getByTestId('sla-esi4')).toHaveValue(`${original} min`);
});

test('the audit log filtered by actor and patient shows that actor\'s entries; break-glass review is reachable', async ({ page, request }) => {
  const token = await tokenOf(request, 'receptionist');
  const registered = await request.post('/api/v1/patients?force=true', { // force: earlier runs' names look alike
    headers: { Authorization: `Bearer ${token}` },
    data: { name: { family: `Audit${Date.now()}`, given: ['Eve'] }, birthDate: '1980-02-03', sex: 'female' },
  });
  expect(registered.status()).toBe(201);
  const patientId = ((await registered.json()) as { id: string }).id;

  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin/audit');
  await toggleTheme(page, 'light');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByTestId('audit-actor').fill('receptionist');
  await page.getByTestId('audit-patient').fill(patientId);
  await page.getByRole('button', { name: 'Filter' }).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.filter({ hasText: 'patient.create' })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText('receptionist');
    await expect(row).toContainText(patientId);
  }
  await expectAccessible(page);
  await rows.filter({ hasText: 'patient.create' }).getByRole('button', { name: /Details of patient.create/ }).click();
  const detail = page.getByRole('dialog', { name: 'Audit entry' });
  await expect(detail.getByTestId('audit-detail')).toContainText(patientId);
  await expectAccessible(page);
  await detail.getByRole('button', { name: 'Close' }).click();

  // a doctor breaks the glass on this patient (outside their departments) and reads the record under it
  const doctor = { Authorization: `Bearer ${await tokenOf(request, 'doctor')}` };
  expect((await request.get(`/api/v1/patients/${patientId}`, { headers: doctor })).status()).toBe(403);
  const grant = await request.post(`/api/v1/patients/${patientId}/break-glass`, {
    headers: doctor, data: { reason: 'E2E: unconscious patient, allergies needed' },
  });
  expect(grant.status()).toBe(201);
  expect((await request.get(`/api/v1/patients/${patientId}`, { headers: doctor })).status()).toBe(200);

  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByText('Break-glass review').click();
  await expect(page.getByText('Emergency accesses to patients outside')).toBeVisible();
  // review lists grants only, each highlighted; ours is among them
  const ours = rows.filter({ hasText: patientId });
  await expect(ours).toHaveCount(1);
  await expect(ours).toHaveAttribute('data-break-glass', 'true');
  for (const row of await rows.all()) await expect(row).toContainText('patient.break-glass');
  await expectAccessible(page);
  await ours.getByRole('button', { name: /Details of patient.break-glass/ }).click();
  await page.getByRole('button', { name: 'Accesses by doctor to this patient' }).click();
  // the accesses under the grant: filtered by actor and patient, flagged
  await expect(page.getByTestId('audit-actor')).toHaveValue('doctor');
  const read = rows.filter({ hasText: 'patient.read' }).filter({ has: page.getByText('Break-glass', { exact: true }) });
  await expect(read).toHaveCount(1);
  await expect(read).toHaveAttribute('data-break-glass', 'true');
  await expectAccessible(page);
  await screenshot(page, 'admin-audit-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await toggleTheme(page, 'dark');
  await expectAccessible(page);
  await toggleTheme(page, 'light');
});

test('role policies show every role and are accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'admin', '/admin/policies');
  await expect(page.getByTestId('policy-row')).toHaveCount(4);
  await expect(page.getByRole('switch', { name: 'Second factor required for Doctor' })).toBeEnabled();
  await expectAccessible(page);
});

test('every administrator screen is accessible in the dark theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, 'admin', '/admin/users');
  await toggleTheme(page, 'dark');
  try {
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByRole('dialog', { name: 'New user' }).getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Choose at least one role')).toBeVisible();
    await expectAccessible(page); // errors on the fields, in dark
    await page.getByRole('dialog', { name: 'New user' }).getByRole('button', { name: 'Cancel' }).click();
    for (const [link, ready] of [['API clients', 'clients-table'], ['Departments', 'department-form'], ['Role policies', 'policies-table'], ['Audit log', 'audit-table']] as const) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await expect(page.getByTestId(ready)).toBeVisible();
      // the pointer off the menu: the shared navigation's hover colour on the active item is not this test's subject
      await page.mouse.move(900, 700);
      await expectAccessible(page);
    }
  } finally {
    await toggleTheme(page, 'light');
  }
});
