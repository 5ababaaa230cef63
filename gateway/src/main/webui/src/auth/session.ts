import { ApiError, isProblem } from '../api/problem';
import { decodeClaims, type AccessClaims } from './claims';

/**
 * The signed-in session, outside React so the API client, the live queue and the tests share one.
 *
 * - The access token lives in memory only; the refresh token is auth-service's HttpOnly cookie, so a reload
 *   restores the session with one refresh and no script can read a long-lived secret.
 * - A silent refresh runs shortly before the access token expires, but only if the user did something since
 *   the last one: a refresh is activity to auth-service (its 15-minute idle limit), and an unattended screen
 *   must not keep a session alive.
 * - Two minutes before the idle limit the warning shows; "stay signed in" refreshes; at the limit the session
 *   ends and the app returns to the sign-in screen, keeping the route to come back to.
 */
export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out'; reason?: SignOutReason; returnTo?: string }
  | { status: 'signed-in'; token: string; claims: AccessClaims };

export type SignOutReason = 'signed-out' | 'idle' | 'expired';

export type SignInResult = { outcome: 'signed-in' } | { outcome: 'second-factor-required' };

export interface SessionOptions {
  /** auth-service's idle limit (medi.auth.session-idle-timeout). */
  idleLimitMs: number;
  /** How long before the idle limit the warning shows. */
  warningMs: number;
  /** How long before the access token's expiry the silent refresh runs. */
  refreshLeadMs: number;
  now: () => number;
  fetch: typeof fetch;
  /** The route to come back to after an idle sign-out. */
  currentRoute: () => string;
}

const DEFAULTS: SessionOptions = {
  idleLimitMs: 15 * 60_000,
  warningMs: 2 * 60_000,
  refreshLeadMs: 60_000,
  now: () => Date.now(),
  fetch: (input, init) => globalThis.fetch(input, init),
  currentRoute: () => window.location.pathname + window.location.search,
};

type Listener = () => void;

/** Only "there may be a refresh cookie"; no token, no user data. */
const SESSION_HINT = 'medi.signed-in';

export class Session {
  private state: SessionState = { status: 'starting' };
  private readonly options: SessionOptions;
  private readonly listeners = new Set<Listener>();
  private lastActivity: number;
  private lastRefresh: number;
  private refreshing: Promise<boolean> | undefined;
  /** Counts sign-outs: a refresh answered after one belongs to the ended session and is discarded. */
  private signOuts = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private warningTimer: ReturnType<typeof setTimeout> | undefined;
  private warning = false;

  constructor(options: Partial<SessionOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.lastActivity = this.options.now();
    this.lastRefresh = this.lastActivity;
  }

  getState(): SessionState {
    return this.state;
  }

  /** True while the idle warning is showing. */
  isWarning(): boolean {
    return this.warning;
  }

  /** When the session ends for inactivity unless the user does something (ms since epoch). */
  idleDeadline(): number {
    return this.lastActivity + this.options.idleLimitMs;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  accessToken(): string | undefined {
    return this.state.status === 'signed-in' ? this.state.token : undefined;
  }

  /**
   * The access token for a request the user just asked for: refreshed first when it expires within a few
   * seconds (after a quiet spell the token may have run out while the session is still alive).
   */
  async freshToken(): Promise<string | undefined> {
    if (this.state.status !== 'signed-in') return undefined;
    if (this.state.claims.exp * 1000 - this.options.now() < 5_000) await this.refresh();
    return this.accessToken();
  }

  /**
   * On page load: the refresh cookie, if any, gives a fresh access token. The cookie is HttpOnly, so a
   * non-secret hint in local storage says whether there may be one (no pointless 401 before the first sign-in).
   */
  async restore(): Promise<void> {
    if (localStorage.getItem(SESSION_HINT) !== '1') {
      this.setState({ status: 'signed-out' });
      return;
    }
    const ok = await this.refresh();
    if (!ok && this.state.status === 'starting') this.setState({ status: 'signed-out' });
  }

  async signIn(username: string, password: string, oneTimeCode?: string): Promise<SignInResult> {
    const response = await this.options.fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ username, password, oneTimeCode: oneTimeCode || undefined, refreshTokenIn: 'COOKIE' }),
    });
    if (!response.ok) {
      const error = await toApiError(response);
      if (error.kind === 'second-factor-required') return { outcome: 'second-factor-required' };
      throw error;
    }
    this.accept(await response.json());
    return { outcome: 'signed-in' };
  }

  /**
   * A fresh access token through the refresh cookie; concurrent callers share one request (auth-service
   * rotates the refresh token: two parallel refreshes would look like reuse and end the session).
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** The user did something: the idle clock restarts (and an open warning closes). */
  recordActivity(): void {
    if (this.state.status !== 'signed-in') return;
    this.lastActivity = this.options.now();
    if (this.warning) {
      this.warning = false;
      this.emit();
    }
    this.scheduleIdle();
  }

  /** "Stay signed in" on the warning: activity, and a refresh so auth-service's idle clock restarts too. */
  async staySignedIn(): Promise<boolean> {
    this.recordActivity();
    return this.refresh();
  }

  async signOut(reason: SignOutReason = 'signed-out'): Promise<void> {
    const returnTo = reason === 'signed-out' ? undefined : this.options.currentRoute();
    this.signOuts += 1;
    this.clearTimers();
    this.warning = false;
    this.setState({ status: 'signed-out', reason, returnTo });
    try {
      await this.options.fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' });
    } catch {
      // the session ends at auth-service's idle limit anyway; nothing of it is left in this page
    }
  }

  /** A token from a new password entry (re-authentication before signing): replaces the current one. */
  accept(body: unknown): void {
    const token = (body as { accessToken?: unknown }).accessToken;
    if (typeof token !== 'string') throw new Error('The sign-in answer carries no access token');
    const claims = decodeClaims(token);
    this.lastRefresh = this.options.now();
    if (this.state.status !== 'signed-in') this.lastActivity = this.lastRefresh;
    localStorage.setItem(SESSION_HINT, '1');
    this.setState({ status: 'signed-in', token, claims });
    this.scheduleRefresh(claims);
    this.scheduleIdle();
  }

  /** Stops every timer (tests, and before the page goes away). */
  dispose(): void {
    this.clearTimers();
    this.listeners.clear();
  }

  private async doRefresh(): Promise<boolean> {
    const signOutsBefore = this.signOuts;
    let response: Response;
    try {
      response = await this.options.fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      // offline for a moment: keep the current token, try again shortly (if any time is left)
      if (this.state.status === 'signed-in') this.retryRefreshSoon();
      return false;
    }
    // the user was signed out (idle, or by hand) while this refresh was on its way: its answer, even a new token,
    // must not sign them in again — the sign-out revoked the session, and the next refresh would end it as "expired"
    if (this.signOuts !== signOutsBefore) return false;
    if (response.ok) {
      const body: unknown = await response.json();
      if (this.signOuts !== signOutsBefore) return false;
      this.accept(body);
      return true;
    }
    if (response.status === 401) {
      const wasSignedIn = this.state.status === 'signed-in';
      this.clearTimers();
      this.setState({ status: 'signed-out', reason: wasSignedIn ? 'expired' : undefined,
        returnTo: wasSignedIn ? this.options.currentRoute() : undefined });
      return false;
    }
    if (this.state.status === 'signed-in') this.retryRefreshSoon();
    else this.setState({ status: 'signed-out' });
    return false;
  }

  private scheduleRefresh(claims: AccessClaims): void {
    clearTimeout(this.refreshTimer);
    const due = claims.exp * 1000 - this.options.refreshLeadMs - this.options.now();
    this.refreshTimer = setTimeout(() => this.refreshIfActive(claims), Math.max(due, 0));
  }

  /**
   * Only an active user's session is kept alive; an idle one runs into the warning instead. Checked again every
   * few seconds until the token expires, so activity just after the first check still gets a refresh in time.
   */
  private refreshIfActive(claims: AccessClaims): void {
    if (this.lastActivity > this.lastRefresh && !this.warning) {
      void this.refresh();
      return;
    }
    const remaining = claims.exp * 1000 - this.options.now();
    if (remaining <= 0) return; // the next request or "stay signed in" refreshes first (freshToken)
    this.refreshTimer = setTimeout(() => this.refreshIfActive(claims), Math.min(10_000, remaining));
  }

  private retryRefreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 5_000);
  }

  private scheduleIdle(): void {
    clearTimeout(this.warningTimer);
    clearTimeout(this.idleTimer);
    const now = this.options.now();
    const deadline = this.lastActivity + this.options.idleLimitMs;
    this.warningTimer = setTimeout(() => {
      this.warning = true;
      this.emit();
    }, Math.max(deadline - this.options.warningMs - now, 0));
    this.idleTimer = setTimeout(() => void this.signOut('idle'), Math.max(deadline - now, 0));
  }

  private clearTimers(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.warningTimer);
  }

  private setState(state: SessionState): void {
    if (state.status === 'signed-out') localStorage.removeItem(SESSION_HINT);
    this.state = state;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return new ApiError(response.status, isProblem(body) ? body : undefined, response.headers);
}

/** The app's one session. */
export const session = new Session();
