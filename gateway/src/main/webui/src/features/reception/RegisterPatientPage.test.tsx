import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// the API clients take fetch when they are created: the mock is in place before any import
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = mock;
  return mock;
});

import { RegisterPatientPage } from './RegisterPatientPage';
import { json, renderScreen, sent } from './testing';

describe('registration form', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => json({ id: 'p-9', mrn: '1000000009' }, 201));
  });

  it('shows each invalid field and sends nothing', async () => {
    const user = userEvent.setup();
    renderScreen(<RegisterPatientPage />, '/reception/register');
    await user.type(screen.getByRole('textbox', { name: 'Birth date' }), '2199-01-01');
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), 'call me');
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Family name is required')).toBeInTheDocument();
    expect(screen.getByText('Birth date is in the future')).toBeInTheDocument();
    expect(screen.getByText('Choose one')).toBeInTheDocument();
    expect(screen.getByText('A phone number, digits with optional +')).toBeInTheDocument();
    expect(screen.getByText('An e-mail address')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a valid registration once', async () => {
    const user = userEvent.setup();
    renderScreen(<RegisterPatientPage />, '/reception/register');
    await user.type(screen.getByRole('textbox', { name: 'Family name' }), 'Hopper');
    await user.type(screen.getByRole('textbox', { name: 'Given names' }), 'Grace Brewster');
    await user.type(screen.getByRole('textbox', { name: 'Birth date' }), '1906-12-09');
    await user.click(screen.getByRole('combobox', { name: 'Sex' }));
    await user.click(await screen.findByRole('option', { name: 'Female', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/Registered HOPPER, Grace Brewster \(MRN 1000000009\)/)).toBeInTheDocument();
    expect(await sent(fetchMock)).toEqual([{
      method: 'POST', path: '/api/v1/patients',
      body: { name: { family: 'Hopper', given: ['Grace', 'Brewster'] }, birthDate: '1906-12-09', sex: 'female', phone: null, email: null },
    }]);
  });
});
