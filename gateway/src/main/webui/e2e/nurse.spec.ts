import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers';

/** A bearer token for a demo user, as another desk's app would hold it. */
async function tokenOf(request: APIRequestContext, user: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username: user, password: `medi-demo-${user}`, refreshTokenIn: 'BODY' } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A check-in made at another desk (through the API). */
async function checkIn(request: APIRequestContext, department: string, body: { arrivalName?: string; patientId?: string; chiefComplaint: string }) {
  const answer = await request.post(`/api/v1/queues/${department}/check-ins`, {
    headers: { Authorization: `Bearer ${await tokenOf(request, 'receptionist')}`, 'Idempotency-Key': crypto.randomUUID() },
    data: body,
  });
  expect(answer.status()).toBe(201);
  return (await answer.json()) as { id: string; ticket: string };
}

async function register(request: APIRequestContext, family: string, birthDate: string) {
  const answer = await request.post('/api/v1/patients', {
    headers: { Authorization: `Bearer ${await tokenOf(request, 'receptionist')}` },
    data: { name: { family, given: ['Ada'] }, birthDate, sex: 'female' },
  });
  expect(answer.status()).toBe(201);
  return (await answer.json()) as { id: string };
}

test('the nurse triages a walk-in from the live worklist: proposal as vitals are typed, danger zones marked', async ({ page, request }) => {
  await signIn(page, 'nurse', '/nurse');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
  const department = (await page.getByTestId('live-queue-panel').getAttribute('data-department')) ?? '';
  expect(department).toMatch(/^[0-9a-f-]{36}$/);
  const entry = await checkIn(request, department, { arrivalName: `E2E Triage ${Date.now()}`, chiefComplaint: 'short of breath' });

  // the worklist got it through the live stream
  const row = page.locator(`[data-ticket="${entry.ticket}"]`);
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expectAccessible(page);
  await screenshot(page, 'nurse-worklist-light');

  await row.getByRole('link', { name: `Triage ticket ${entry.ticket}` }).click();
  const proposal = page.getByTestId('esi-proposal');
  // a walk-in's age is asked for: the danger zones depend on it
  await expect(proposal).toContainText('Enter the age');
  await page.getByRole('textbox', { name: 'Age' }).fill('58');
  // danger-zone vital signs decide between ESI 2 and 3, i.e. for a patient who needs two or more resources
  await page.getByRole('textbox', { name: 'Expected resources' }).fill('2');
  await page.getByRole('textbox', { name: 'SpO₂ (%)' }).fill('84');
  await page.getByRole('textbox', { name: 'Heart rate (/min)' }).fill('128');
  await expect(proposal.getByLabel(/ESI level [12]/)).toBeVisible();
  await expect(page.getByText('Danger zone').first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'nurse-triage-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('theme-switch').click();
  await expectAccessible(page);
  await screenshot(page, 'nurse-triage-dark');
  await page.getByTestId('theme-switch').click();

  // overriding needs a reason; accepting does not
  await page.getByRole('combobox', { name: 'Final ESI level' }).click();
  await page.getByRole('option', { name: 'ESI 3' }).click();
  await expect(page.getByRole('button', { name: 'Override to ESI 3' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Final ESI level' }).click();
  await page.getByRole('option', { name: 'ESI 3' }).click(); // deselect: back to the proposal
  await page.getByRole('button', { name: /^Accept ESI [12]$/ }).click();

  await expect(page).toHaveURL(/\/nurse$/);
  await expect(page.locator(`[data-ticket="${entry.ticket}"]`)).toHaveCount(0, { timeout: 2_000 });
});

test('the nurse records vital signs of a registered patient: flagged for the age, charted over time', async ({ page, request }) => {
  await signIn(page, 'nurse', '/nurse/queue');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
  const department = (await page.getByTestId('live-queue-panel').getAttribute('data-department')) ?? '';
  const family = `Vitals${Date.now()}`;
  // a birth date of its own: the same name and birth date as an earlier run's patient is a likely duplicate (409)
  const born = new Date(Date.UTC(1940, 0, 1) + Math.floor(Math.random() * 15 * 365) * 86_400_000);
  const patient = await register(request, family, born.toISOString().slice(0, 10));
  const entry = await checkIn(request, department, { patientId: patient.id, chiefComplaint: 'dizzy' });

  const row = page.locator(`[data-ticket="${entry.ticket}"]`);
  await expect(row).toContainText(family.toUpperCase(), { timeout: 2_000 });

  // triage takes the age from the record
  await row.getByRole('link', { name: `Triage ticket ${entry.ticket}` }).click();
  await expect(page.getByTestId('age-from-record')).toContainText('years');
  await expect(page.getByTestId('triage-patient')).toContainText(family.toUpperCase());
  await page.getByRole('textbox', { name: 'Heart rate (/min)' }).fill('88');
  await page.getByRole('textbox', { name: 'Respiratory rate (/min)' }).fill('18');
  await expect(page.getByTestId('esi-proposal').getByLabel(/ESI level [1-5]/)).toBeVisible();
  await page.getByRole('button', { name: /^Accept ESI [1-5]$/ }).click();
  await expect(page).toHaveURL(/\/nurse$/);

  // a later set of vitals: one value far out of range for a patient over 70 is flagged
  await page.goto('/nurse/queue');
  await page.locator(`[data-ticket="${entry.ticket}"]`).getByRole('link', { name: `Vital signs of ticket ${entry.ticket}` }).click();
  await expect(page.getByTestId('vitals-patient')).toContainText(family.toUpperCase());
  // the triage vitals are already in the record
  await expect(page.getByTestId('latest-vitals')).toContainText('Heart rate 88');
  await page.getByRole('textbox', { name: 'Heart rate (/min)' }).fill('142');
  await page.getByRole('textbox', { name: 'SpO₂ (%)' }).fill('97');
  await page.getByRole('button', { name: 'Record 2 values' }).click();
  const recorded = page.getByTestId('recorded-vitals');
  await expect(recorded.locator('[data-flag="N"]')).toContainText('SpO₂ 97');
  await expect(recorded.locator('[data-flag="HH"], [data-flag="H"]')).toContainText('Heart rate 142');
  await expect(page.getByTestId('latest-vitals')).toContainText('Heart rate 142');
  await expect(page.getByTestId('vitals-chart').locator('figure')).not.toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'nurse-vitals-light');
});
