import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from './session';

function jwt(claims: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
}

const MINUTE = 60_000;

describe('Session', () => {
  let now: number;
  let refreshes: number;
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    now = Date.parse('2026-12-05T10:00:00Z');
    vi.setSystemTime(now);
    refreshes = 0;
    fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/v1/auth/refresh' || url === '/api/v1/auth/login') {
        if (url.endsWith('refresh')) refreshes += 1;
        const t = Date.now();
        return new Response(JSON.stringify({ accessToken: jwt({ sub: 'u1', upn: 'nurse', groups: ['nurse'], exp: Math.floor(t / 1000) + 600 }) }), { status: 200 });
      }
      return new Response(null, { status: 204 });
    });
  });
  afterEach(() => vi.useRealTimers());

  function session() {
    return new Session({ now: () => Date.now(), fetch: fetchMock as unknown as typeof fetch, currentRoute: () => '/nurse/triage/42' });
  }

  it('keeps the access token in memory only, never in web storage', async () => {
    const s = session();
    await s.signIn('nurse', 'secret');
    expect(s.accessToken()).toMatch(/\.sig$/);
    expect(Object.keys(localStorage)).toEqual(['medi.signed-in']);
    expect(localStorage.getItem('medi.signed-in')).toBe('1');
    expect(sessionStorage.length).toBe(0);
  });

  it('refreshes silently before expiry while the user is active', async () => {
    const s = session();
    await s.signIn('nurse', 'secret');
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    s.recordActivity();
    await vi.advanceTimersByTimeAsync(4 * MINUTE + 1000); // exp − 60 s
    expect(refreshes).toBe(1);
  });

  it('does not keep an idle session alive: warns at 13 minutes, signs out at 15 keeping the route', async () => {
    const s = session();
    await s.signIn('nurse', 'secret');
    await vi.advanceTimersByTimeAsync(13 * MINUTE - 1000);
    expect(s.isWarning()).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.isWarning()).toBe(true);
    expect(refreshes).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(s.getState()).toEqual({ status: 'signed-out', reason: 'idle', returnTo: '/nurse/triage/42' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/logout', expect.anything());
  });

  it('a refresh answered after the idle sign-out does not sign the user in again', async () => {
    let answerRefresh: (response: Response) => void = () => undefined;
    const s = session();
    await s.signIn('nurse', 'secret');
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/v1/auth/refresh') return new Promise<Response>((resolve) => { answerRefresh = resolve; });
      return new Response(null, { status: 204 });
    });
    // a background request asks for a fresh token just before the idle limit; its refresh is still on its way ...
    await vi.advanceTimersByTimeAsync(15 * MINUTE - 1000);
    vi.setSystemTime(Date.now() + 10 * MINUTE); // ... with the token already expired on this clock
    const pending = s.freshToken();
    await vi.advanceTimersByTimeAsync(2000); // the idle limit passes: signed out
    expect(s.getState()).toMatchObject({ status: 'signed-out', reason: 'idle' });
    answerRefresh(new Response(JSON.stringify({ accessToken: jwt({ sub: 'u1', upn: 'nurse', groups: ['nurse'], exp: Math.floor(Date.now() / 1000) + 600 }) }), { status: 200 }));
    expect(await pending).toBeUndefined();
    expect(s.getState()).toMatchObject({ status: 'signed-out', reason: 'idle' });
  });

  it('"stay signed in" closes the warning, refreshes and restarts the idle clock', async () => {
    const s = session();
    await s.signIn('nurse', 'secret');
    await vi.advanceTimersByTimeAsync(13 * MINUTE + 1000);
    expect(s.isWarning()).toBe(true);
    await s.staySignedIn();
    expect(s.isWarning()).toBe(false);
    expect(refreshes).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(s.getState().status).toBe('signed-in');
  });

  it('shares one refresh between concurrent callers (rotation would see two as reuse)', async () => {
    const s = session();
    await s.signIn('nurse', 'secret');
    await Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    expect(refreshes).toBe(1);
  });

  it('answers a second-factor-required problem with the code step', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ type: 'https://medi-os.dev/problems/second-factor-required', title: 'x', status: 401 }), { status: 401 }));
    const s = session();
    await expect(s.signIn('doctor', 'pw')).resolves.toEqual({ outcome: 'second-factor-required' });
    expect(s.getState().status).not.toBe('signed-in');
  });
});
