import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEPARTMENT, expectAccessible, screenshot, signIn } from './helpers';

/** A bearer token for a demo user, as another desk's app would hold it. */
async function tokenOf(request: APIRequestContext, user: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username: user, password: `medi-demo-${user}`, refreshTokenIn: 'BODY' } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

const bearer = async (request: APIRequestContext, user: string) => ({ Authorization: `Bearer ${await tokenOf(request, user)}` });

/** A registered patient checked in at the desk and triaged by a nurse, all through the API. */
async function triagedPatient(request: APIRequestContext, department: string, family: string, triage = true) {
  const registered = await request.post('/api/v1/patients?force=true', {
    headers: await bearer(request, 'receptionist'),
    data: { name: { family, given: ['Grace'] }, birthDate: '1961-07-02', sex: 'female' },
  });
  expect(registered.status()).toBe(201);
  const patient = (await registered.json()) as { id: string };
  const checkedIn = await request.post(`/api/v1/queues/${department}/check-ins`, {
    headers: { ...(await bearer(request, 'receptionist')), 'Idempotency-Key': crypto.randomUUID() },
    data: { patientId: patient.id, chiefComplaint: 'chest pain on exertion' },
  });
  expect(checkedIn.status()).toBe(201);
  const entry = (await checkedIn.json()) as { id: string; ticket: string };
  if (triage) {
    const triaged = await request.post(`/api/v1/queues/${department}/entries/${entry.id}/triage`, {
      headers: await bearer(request, 'nurse'),
      data: { expectedResources: 2, birthDate: '1961-07-02', chiefComplaint: 'chest pain on exertion', vitals: { heartRate: 96, respiratoryRate: 18, spo2: 97 } },
    });
    expect(triaged.status()).toBe(200);
    return { patient, entry, level: ((await triaged.json()) as { finalLevel: number }).finalLevel };
  }
  return { patient, entry, level: undefined };
}

/** A draft note of a patient in consultation with the doctor, written through the API. */
async function draftNote(request: APIRequestContext, family: string) {
  const { entry } = await triagedPatient(request, DEPARTMENT, family, false);
  const doctor = await bearer(request, 'doctor');
  const called = await request.post(`/api/v1/queues/${DEPARTMENT}/call-next`, { headers: doctor, data: { room: 'Room 3', entryId: entry.id } });
  expect(called.status()).toBe(200);
  const started = await request.post(`/api/v1/queues/${DEPARTMENT}/entries/${entry.id}/consultation`, { headers: doctor });
  expect(started.status()).toBe(200);
  // patient-service opens the encounter from queue-service's event
  let encounterId = '';
  await expect.poll(async () => {
    const found = await request.get(`/api/v1/encounters?queueEntryId=${entry.id}`, { headers: doctor });
    if (found.status() === 200) encounterId = ((await found.json()) as { id: string }).id;
    return found.status();
  }, { timeout: 15_000 }).toBe(200);
  const created = await request.post(`/api/v1/encounters/${encounterId}/notes`, {
    headers: doctor, data: { subjective: 'Cough for three days.', plan: 'Initial plan.' },
  });
  expect(created.status()).toBe(201);
  return { noteId: ((await created.json()) as { id: string }).id, entryId: entry.id };
}

/** The visit ends (its draft stays): the doctor's "With me" is not left full of test patients. */
async function finish(request: APIRequestContext, entryId: string) {
  const finished = await request.post(`/api/v1/queues/${DEPARTMENT}/entries/${entryId}/finish`, { headers: await bearer(request, 'doctor') });
  expect(finished.status()).toBe(200);
}

const section = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('the doctor calls a triaged patient, writes a SOAP note kept across a reload, signs it, adds an addendum and finishes', async ({ page, request }) => {
  test.slow(); // a whole visit: check-in, triage, call, note, reload, re-authentication, addendum, PDF, finish
  await signIn(page, 'doctor', '/doctor');
  const signedInAt = Date.now();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
  const department = (await page.getByTestId('live-queue-panel').getAttribute('data-department')) ?? '';
  expect(department).toMatch(/^[0-9a-f-]{36}$/);
  const family = `Doctor${Date.now()}`;
  const { entry, level } = await triagedPatient(request, department, family);

  await page.getByRole('combobox', { name: 'Room' }).click();
  await page.getByRole('option').first().click();
  const row = page.locator(`[data-testid="queue-row"][data-ticket="${entry.ticket}"]`);
  // the list is virtualised and shared with other tests (and load tests): filter it to the patient's status and
  // level, where the newest arrival comes last, and scroll to the end as a user would
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Triaged' }).click();
  await page.getByRole('combobox', { name: 'ESI' }).click();
  await page.getByRole('option', { name: `ESI ${level}`, exact: true }).click();
  await page.keyboard.press('Escape');
  const list = page.getByTestId('live-queue-panel').locator('.mantine-ScrollArea-viewport');
  await expect.poll(async () => {
    if (await row.count() === 0) await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    return row.count();
  }).toBeGreaterThan(0);
  await expect(row).toContainText(family.toUpperCase());
  await row.getByRole('button', { name: `Call ticket ${entry.ticket} to my room` }).click();
  const withMe = page.locator(`[data-testid="with-me-entry"][data-ticket="${entry.ticket}"]`);
  await expect(withMe).toContainText('Called');
  await expect(page.getByRole('button', { name: 'Close notification' })).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'doctor-room-light');

  await withMe.getByRole('button', { name: 'Start consultation' }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/consultation/${department}/${entry.id}$`));
  await expect(page.getByTestId('patient-name')).toContainText(family.toUpperCase());
  await expect(page.getByTestId('patient-header')).toContainText('chest pain on exertion');

  const subjective = `Pain behind the sternum when climbing stairs ${Date.now()}`;
  await section(page, 'Subjective').fill(subjective);
  await section(page, 'Assessment').fill('Suspected stable angina.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('save-status')).toContainText(/Saved \d/);
  await page.reload();
  await expect(section(page, 'Subjective')).toHaveValue(subjective);
  await expect(section(page, 'Assessment')).toHaveValue('Suspected stable angina.');
  // the summary tab opens first: this visit's encounter, cited; then the full history
  await expect(page.getByTestId('patient-summary')).toContainText('chest pain on exertion');
  await expectAccessible(page);
  await screenshot(page, 'doctor-summary-light');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('Encounter');
  await expectAccessible(page);
  await screenshot(page, 'doctor-consultation-light');
  await page.getByTestId('theme-switch').click();
  await page.mouse.move(600, 500); // no tooltip over the screenshot
  await expectAccessible(page);
  await screenshot(page, 'doctor-consultation-dark');
  await page.getByTestId('theme-switch').click();

  // the suite asks for a password entered in the last 3 s: wait until the sign-in is older than that
  await expect.poll(() => Date.now() - signedInAt, { timeout: 10_000 }).toBeGreaterThan(3_500);
  await page.getByTestId('sign-note').click();
  const reauth = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(reauth).toBeVisible();
  await expectAccessible(page);
  await reauth.getByRole('textbox', { name: 'Password', exact: true }).fill('medi-demo-doctor');
  await reauth.getByRole('button', { name: 'Confirm' }).click();
  const signed = page.getByTestId('signed-note');
  await expect(signed).toContainText(subjective);
  await expect(page.getByTestId('signature')).toContainText('Signed by doctor');

  // an addendum is signed too: the password again if the last entry is older than the window
  // the signed note renders again once its signature arrives: type (again) until the text has stuck
  await expect(async () => {
    await signed.getByRole('textbox', { name: 'New addendum' }).fill('ECG normal at rest.');
    await expect(signed.getByRole('button', { name: 'Add addendum' })).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await signed.getByRole('button', { name: 'Add addendum' }).click();
  const added = page.getByTestId('addenda').getByText('ECG normal at rest.');
  await expect(reauth.or(added)).toBeVisible();
  if (await reauth.isVisible()) {
    await reauth.getByRole('textbox', { name: 'Password', exact: true }).fill('medi-demo-doctor');
    await reauth.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(added).toBeVisible();

  const pdf = page.waitForResponse((r) => r.url().endsWith('/pdf'));
  const popup = page.waitForEvent('popup');
  await signed.getByRole('button', { name: 'Print / PDF' }).click();
  expect((await pdf).status()).toBe(200);
  await (await popup).close();

  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByRole('button', { name: 'Finish consultation' }).click();
  await expect(page).toHaveURL(/\/doctor$/);
  await expect(page.locator(`[data-testid="with-me-entry"][data-ticket="${entry.ticket}"]`)).toHaveCount(0);
});

test('two screens edit the same draft: the later save shows both versions and "Keep mine" wins', async ({ browser, request }) => {
  const { noteId, entryId } = await draftNote(request, `Conflict${Date.now()}`);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, 'doctor', `/doctor/notes/${noteId}`);
  await signIn(second, 'doctor', `/doctor/notes/${noteId}`);
  await expect(section(first, 'Plan')).toHaveValue('Initial plan.');
  await expect(section(second, 'Plan')).toHaveValue('Initial plan.');

  await section(first, 'Plan').fill('Plan from the first screen.');
  await expect(first.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(first.getByTestId('save-status')).toContainText(/Saved \d/);

  await section(second, 'Plan').fill('Plan from the second screen.');
  const conflict = second.getByTestId('note-conflict');
  await expect(conflict).toBeVisible();
  await expect(second.getByTestId('conflict-mine')).toContainText('Plan from the second screen.');
  await expect(second.getByTestId('conflict-theirs')).toContainText('Plan from the first screen.');
  await expectAccessible(second);
  await screenshot(second, 'doctor-conflict-light');
  await second.getByRole('button', { name: 'Keep mine' }).click();
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(section(second, 'Plan')).toHaveValue('Plan from the second screen.');

  await first.reload();
  await expect(section(first, 'Plan')).toHaveValue('Plan from the second screen.');
  await first.context().close();
  await second.context().close();
  await finish(request, entryId);
});

test('an unsigned draft is listed under "Awaiting my signature" and opens the note', async ({ page, request }) => {
  const family = `Awaiting${Date.now()}`;
  const { noteId, entryId } = await draftNote(request, family);
  await signIn(page, 'doctor', '/doctor/signatures');
  const row = page.locator(`[data-testid="awaiting-row"][data-note="${noteId}"]`);
  await expect(row).toContainText(`${family.toUpperCase()}, Grace`); // whose note it is
  await expectAccessible(page);
  await row.getByRole('link', { name: /Open the note/ }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/notes/${noteId}$`));
  await expect(section(page, 'Subjective')).toHaveValue('Cough for three days.');
  await expectAccessible(page);
  await finish(request, entryId);
});

test('a document is filed from the consultation and previewed', async ({ page, request }) => {
  const { entryId } = await draftNote(request, `Document${Date.now()}`);
  await signIn(page, 'doctor', `/doctor/consultation/${DEPARTMENT}/${entryId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const documents = page.getByTestId('documents');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await documents.locator('input[type="file"]').setInputFiles({ name: 'ecg.png', mimeType: 'image/png', buffer: png });
  const title = `ECG ${Date.now()}`;
  await documents.getByRole('textbox', { name: 'Title' }).fill(title);
  await documents.getByRole('button', { name: 'Upload' }).click();
  await documents.getByRole('button', { name: `View ${title}` }).click();
  await expect(page.getByRole('dialog', { name: title }).getByRole('img', { name: title })).toBeVisible();
  await expectAccessible(page);
  await finish(request, entryId);
});

test('a called patient who does not come is a no-show; a patient in consultation is transferred with a reason', async ({ page, request }) => {
  const absent = await triagedPatient(request, DEPARTMENT, `Absent${Date.now()}`, false);
  const moving = await triagedPatient(request, DEPARTMENT, `Moving${Date.now()}`, false);
  const doctor = await bearer(request, 'doctor');
  for (const { entry } of [absent, moving]) {
    const called = await request.post(`/api/v1/queues/${DEPARTMENT}/call-next`, { headers: doctor, data: { room: 'Room 2', entryId: entry.id } });
    expect(called.status()).toBe(200);
  }
  await page.addInitScript((department) => localStorage.setItem('medi.department', department), DEPARTMENT);
  await signIn(page, 'doctor', '/doctor');
  const absentRow = page.locator(`[data-testid="with-me-entry"][data-ticket="${absent.entry.ticket}"]`);
  await absentRow.getByRole('button', { name: 'No-show' }).click();
  const dialog = page.getByRole('dialog', { name: `Ticket ${absent.entry.ticket} did not come?` });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Record no-show' }).click();
  await expect(absentRow).toHaveCount(0);

  const movingRow = page.locator(`[data-testid="with-me-entry"][data-ticket="${moving.entry.ticket}"]`);
  await movingRow.getByRole('button', { name: 'Start consultation' }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/consultation/${DEPARTMENT}/${moving.entry.id}$`));
  await page.getByRole('button', { name: 'Transfer' }).click();
  const transfer = page.getByRole('dialog', { name: `Transfer ticket ${moving.entry.ticket}` });
  await expect(transfer.getByRole('button', { name: 'Transfer' })).toBeDisabled();
  await transfer.getByRole('combobox', { name: 'To department' }).click();
  await page.getByRole('option').first().click();
  await transfer.getByRole('textbox', { name: 'Reason' }).fill('Needs the emergency team');
  await expectAccessible(page);
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(page).toHaveURL(/\/doctor$/);
  await expect(movingRow).toHaveCount(0);
});
