import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/SessionContext';
import { json, renderScreen, sent } from '../features/reception/testing';
import { SignInPage } from './SignInPage';

function jwt(claims: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
}

describe('sign-in form', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => json({
      accessToken: jwt({ sub: 'u1', upn: 'receptionist', groups: ['receptionist'], departments: [], exp: Math.floor(Date.now() / 1000) + 600 }),
    }));
  });

  function renderSignIn() {
    const session = new Session({ fetch: fetchMock, currentRoute: () => '/sign-in' });
    renderScreen(<SessionProvider session={session}><SignInPage /></SessionProvider>, '/sign-in');
    return session;
  }

  it('asks for the user name and password and sends nothing', async () => {
    const user = userEvent.setup();
    renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your user name')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect((await sent(fetchMock)).filter((r) => r.path === '/api/v1/auth/login')).toEqual([]);
  });

  it('signs in once with valid credentials', async () => {
    const user = userEvent.setup();
    const session = renderSignIn();
    await user.type(screen.getByRole('textbox', { name: 'User name' }), ' receptionist ');
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'medi-demo-receptionist');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(session.getState().status).toBe('signed-in'));
    const logins = (await sent(fetchMock)).filter((r) => r.path === '/api/v1/auth/login');
    expect(logins).toHaveLength(1);
    expect(logins[0]?.body).toMatchObject({ username: 'receptionist', password: 'medi-demo-receptionist' });
  });
});
