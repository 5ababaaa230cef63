import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEPARTMENT, expectAccessible, signIn } from './helpers';

// Issue 13 item 10: a whole day in one department, every role in its own browser, everything through the screens:
// the receptionist registers a patient and checks them in, the nurse triages, the doctor calls, writes and signs a
// note (with re-authentication), and the administrator's dashboard counts the arrival and the finished visit.
const DEPARTMENT_NAME = process.env.MEDI_DEPARTMENT_NAME ?? 'General practice';

async function desk(browser: Browser, user: 'receptionist' | 'nurse' | 'doctor' | 'admin', to: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, to);
  return page;
}

/** The header's department choice (kept per device): each desk works in the same department. */
async function chooseDepartment(page: Page) {
  const select = page.getByRole('banner').getByRole('combobox', { name: 'Department', exact: true });
  if ((await select.inputValue()) !== DEPARTMENT_NAME) {
    await select.click();
    await page.getByRole('option', { name: DEPARTMENT_NAME, exact: true }).click();
  }
  await expect(select).toHaveValue(DEPARTMENT_NAME);
}

async function metric(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** A birth date of this run's own: the duplicate check would otherwise match an earlier run's patient. */
function birthDate(stamp: number): string {
  return new Date(Date.UTC(1945, 0, 1) + (stamp % 20_000) * 86_400_000).toISOString().slice(0, 10);
}

test('a whole day: registered and checked in, triaged, called, a signed note, and the dashboard counts it', async ({ browser }) => {
  test.slow(); // four desks and a visit from arrival to signed note
  const stamp = Date.now();
  const family = `Day${stamp}`;

  // the administrator watches the department's dashboard all along
  const admin = await desk(browser, 'admin', '/admin');
  await admin.getByTestId('dashboard-department').click();
  await admin.getByRole('option', { name: DEPARTMENT_NAME, exact: true }).click();
  await expect(admin.getByTestId('dashboard-updated')).toContainText('figures as of');
  const arrivedBefore = await metric(admin, 'metric-arrived');
  const finishedBefore = await metric(admin, 'metric-finished');

  // reception: register the patient, then find them by name (keyboard only) and check them in
  const reception = await desk(browser, 'receptionist', '/reception');
  await chooseDepartment(reception);
  await reception.getByRole('link', { name: 'Register a new patient' }).click();
  await reception.getByRole('textbox', { name: 'Family name' }).fill(family);
  await reception.getByRole('textbox', { name: 'Given names' }).fill('Marie');
  await reception.getByRole('textbox', { name: 'Birth date' }).fill(birthDate(stamp));
  await reception.getByRole('combobox', { name: 'Sex' }).click();
  await reception.getByRole('option', { name: 'Female', exact: true }).click();
  await reception.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(reception).toHaveURL(/\/reception$/);
  const search = reception.getByTestId('patient-search');
  await search.fill(family.slice(0, -1)); // the last digit left out: the search is prefix- and typo-tolerant
  await expect(reception.getByTestId('patient-result').filter({ hasText: family.toUpperCase() })).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(reception.getByText(`${family.toUpperCase()}, Marie`).first()).toBeVisible();
  await reception.getByTestId('chief-complaint').fill('palpitations since this morning');
  const checkedIn = reception.waitForResponse((r) => r.url().includes('/check-ins') && r.request().method() === 'POST');
  await reception.getByRole('button', { name: 'Check in' }).click();
  const checkIn = await checkedIn;
  expect(checkIn.status()).toBe(201);
  const entry = (await checkIn.json()) as { id: string; ticket: string };
  await expect(reception.getByTestId('ticket-number')).toHaveText(entry.ticket);

  // the dashboard counts the arrival from the live event
  await expect.poll(() => metric(admin, 'metric-arrived'), { timeout: 6_000 }).toBeGreaterThan(arrivedBefore);

  // nurse: the patient is on the worklist with their name; triage accepts the engine's proposal
  const nurse = await desk(browser, 'nurse', '/nurse');
  await chooseDepartment(nurse);
  await expect(nurse.getByTestId('live-queue-panel')).toHaveAttribute('data-department', DEPARTMENT);
  const worklistRow = nurse.locator(`[data-ticket="${entry.ticket}"]`);
  await expect(worklistRow).toContainText(family.toUpperCase());
  await worklistRow.getByRole('link', { name: `Triage ticket ${entry.ticket}` }).click();
  await expect(nurse.getByTestId('triage-patient')).toContainText(family.toUpperCase());
  await expect(nurse.getByTestId('age-from-record')).toBeVisible();
  await nurse.getByRole('textbox', { name: 'Expected resources' }).fill('2');
  await nurse.getByRole('textbox', { name: 'Heart rate (/min)' }).fill('104');
  await nurse.getByRole('textbox', { name: 'SpO₂ (%)' }).fill('97');
  const accept = nurse.getByRole('button', { name: /^Accept ESI \d$/ });
  await expect(accept).toBeEnabled();
  const level = Number(((await accept.textContent()) ?? '').replace(/\D/g, ''));
  await accept.click();
  await expect(nurse).toHaveURL(/\/nurse$/);
  await expect(worklistRow).toHaveCount(0);

  // doctor: calls this patient to the room, starts the consultation, writes and signs the note
  const doctor = await desk(browser, 'doctor', '/doctor');
  const signedInAt = Date.now();
  const roomDepartment = doctor.getByTestId('room-department');
  if ((await roomDepartment.inputValue()) !== DEPARTMENT_NAME) {
    await roomDepartment.click();
    await doctor.getByRole('option', { name: DEPARTMENT_NAME, exact: true }).click();
  }
  await doctor.getByRole('combobox', { name: 'Room' }).click();
  await doctor.getByRole('option').first().click();
  // the list is virtualised and other tests leave patients in it: narrow it to this level, newest last
  await doctor.getByRole('combobox', { name: 'Status' }).click();
  await doctor.getByRole('option', { name: 'Triaged' }).click();
  await doctor.getByRole('combobox', { name: 'ESI' }).click();
  await doctor.getByRole('option', { name: `ESI ${level}`, exact: true }).click();
  await doctor.keyboard.press('Escape');
  const row = doctor.locator(`[data-testid="queue-row"][data-ticket="${entry.ticket}"]`);
  const list = doctor.getByTestId('live-queue-panel').locator('.mantine-ScrollArea-viewport');
  await expect.poll(async () => {
    if (await row.count() === 0) await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    return row.count();
  }).toBeGreaterThan(0);
  await expect(row).toContainText(family.toUpperCase());
  await row.getByRole('button', { name: `Call ticket ${entry.ticket} to my room` }).click();
  const withMe = doctor.locator(`[data-testid="with-me-entry"][data-ticket="${entry.ticket}"]`);
  await withMe.getByRole('button', { name: 'Start consultation' }).click();
  await expect(doctor.getByTestId('patient-name')).toContainText(family.toUpperCase());
  await expect(doctor.getByTestId('patient-header')).toContainText('palpitations since this morning');
  const subjective = `Palpitations since 7 am, no chest pain ${stamp}`;
  await doctor.getByRole('textbox', { name: 'Subjective', exact: true }).fill(subjective);
  await doctor.getByRole('textbox', { name: 'Assessment', exact: true }).fill('Sinus tachycardia, likely caffeine.');
  await doctor.getByRole('textbox', { name: 'Plan', exact: true }).fill('Reduce coffee; review in a week.');
  await expect(doctor.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // the suite wants a password entered in the last 3 s to sign: the sign-in is older by now, so it asks again
  await expect.poll(() => Date.now() - signedInAt, { timeout: 10_000 }).toBeGreaterThan(3_500);
  await doctor.getByTestId('sign-note').click();
  const reauth = doctor.getByRole('dialog', { name: 'Confirm it is you' });
  await reauth.getByRole('textbox', { name: 'Password', exact: true }).fill('medi-demo-doctor');
  await reauth.getByRole('button', { name: 'Confirm' }).click();
  await expect(doctor.getByTestId('signed-note')).toContainText(subjective);
  await expect(doctor.getByTestId('signature')).toContainText('Signed by doctor');
  await doctor.getByRole('button', { name: 'Finish', exact: true }).click();
  await doctor.getByRole('button', { name: 'Finish consultation' }).click();
  await expect(doctor).toHaveURL(/\/doctor$/);

  // the reception's live queue no longer has the patient; the dashboard counts the finished visit
  await expect.poll(() => metric(admin, 'metric-finished'), { timeout: 6_000 }).toBeGreaterThan(finishedBefore);
  await reception.goto('/reception/ended');
  await expect(reception.locator(`[data-testid="ended-row"][data-ticket="${entry.ticket}"]`)).toContainText('Finished');
  await expectAccessible(reception);
});
