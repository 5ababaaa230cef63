import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// the API clients take fetch when they are created: the mock is in place before any import
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = mock;
  return mock;
});

vi.mock('../../departments/departments', () => ({
  useCurrentDepartment: () => ({ id: 'dep-1', department: { id: 'dep-1', name: 'General practice' }, departments: [] }),
}));

import { CheckInPage } from './CheckInPage';
import { json, renderScreen, sent } from './testing';

const PATIENT = { id: 'p-1', mrn: '1000000001', name: { family: 'Lovelace', given: ['Ada'] }, birthDate: '1985-12-10', sex: 'female' };

describe('check-in form', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      if (url.pathname === '/api/v1/patients') return json({ items: [PATIENT] });
      if (url.pathname.endsWith('/check-ins')) return json({ id: 'e-1', ticket: 'GEN-001', arrivedAt: new Date().toISOString() }, 201);
      return json({ status: 404, title: 'Not Found' }, 404);
    });
  });

  it('shows what is missing and sends nothing', async () => {
    const user = userEvent.setup();
    renderScreen(<CheckInPage />);
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('Choose the patient from the list, or check in as a walk-in')).toBeInTheDocument();
    expect(screen.getByText('Enter the chief complaint')).toBeInTheDocument();

    await user.click(screen.getByText('Walk-in (register later)'));
    await user.type(screen.getByTestId('chief-complaint'), 'twisted ankle');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('Enter the name given at the desk')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('checks a registered patient in once, with an idempotency key', async () => {
    const user = userEvent.setup();
    renderScreen(<CheckInPage />);
    await user.type(screen.getByTestId('patient-search'), 'lovel');
    await user.click(await screen.findByRole('option', { name: /LOVELACE, Ada/ }));
    await user.type(screen.getByTestId('chief-complaint'), 'chest pain');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByTestId('ticket-number')).toHaveTextContent('GEN-001');

    const checkIns = (await sent(fetchMock)).filter((r) => r.method === 'POST');
    expect(checkIns).toEqual([{ method: 'POST', path: '/api/v1/queues/dep-1/check-ins', body: { patientId: 'p-1', chiefComplaint: 'chest pain' } }]);
    const request = fetchMock.mock.calls.find(([input]) => input instanceof Request && input.method === 'POST')?.[0] as Request;
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.queryByText('Enter the chief complaint')).not.toBeInTheDocument());
  });
});
