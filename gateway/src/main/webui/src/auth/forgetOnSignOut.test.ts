import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { forgetServerStateOnSignOut } from './forgetOnSignOut';
import { Session } from './session';

function jwt(claims: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
}

describe('forgetServerStateOnSignOut', () => {
  const fetchMock = vi.fn(async (url: string) => url.endsWith('/login')
    ? new Response(JSON.stringify({ accessToken: jwt({ sub: 'u1', upn: 'nurse', groups: ['nurse'], exp: Math.floor(Date.now() / 1000) + 600 }) }), { status: 200 })
    : new Response(null, { status: 204 }));

  it('keeps cached answers while signed in and drops them all on sign-out', async () => {
    const session = new Session({ fetch: fetchMock as unknown as typeof fetch, currentRoute: () => '/nurse' });
    const client = new QueryClient();
    const stop = forgetServerStateOnSignOut(session, client);
    await session.signIn('nurse', 'secret');
    client.setQueryData(['patient-display-names'], new Map([['e1|p1', { name: 'DOE, Jane' }]]));
    session.recordActivity();
    expect(client.getQueryData(['patient-display-names'])).toBeDefined();

    await session.signOut();
    expect(client.getQueryData(['patient-display-names'])).toBeUndefined();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    stop();
  });
});
