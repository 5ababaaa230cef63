import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AuthPaths, components as AuthComponents } from './schema/auth';
import type { paths as PatientPaths, components as PatientComponents } from './schema/patient';
import type { paths as QueuePaths, components as QueueComponents } from './schema/queue';
import type { paths as AiPaths, components as AiComponents } from './schema/ai';
import { ApiError, isProblem } from './problem';
import { session } from '../auth/session';

/**
 * Typed clients of the services' APIs (all behind the gateway, same origin). Types come from the generated
 * OpenAPI schema only.
 */
export type AuthSchemas = AuthComponents['schemas'];
export type PatientSchemas = PatientComponents['schemas'];
export type QueueSchemas = QueueComponents['schemas'];
export type AiSchemas = AiComponents['schemas'];

const retryable = new Map<string, Request>();

/**
 * Adds the access token; on a 401 that a refresh can cure (the token ran out between check and use) refreshes
 * once and repeats the request. A 401 asking for a new password entry (reauthentication-required) is the
 * caller's to handle: it is a question for the user, not for the session.
 */
const withAccessToken: Middleware = {
  async onRequest({ request, id }) {
    const token = await session.freshToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (request.method !== 'GET') retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id }) {
    const original = retryable.get(id) ?? request;
    retryable.delete(id);
    if (response.status !== 401 || !session.accessToken()) return response;
    if (response.headers.get('WWW-Authenticate')?.includes('insufficient_user_authentication')) return response;
    if (!(await session.refresh())) return response;
    const again = new Request(original);
    again.headers.set('Authorization', `Bearer ${session.accessToken() ?? ''}`);
    return fetch(again);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};

function client<Paths extends object>() {
  const c = createClient<Paths>({ baseUrl: '', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  c.use(withAccessToken);
  return c;
}

export const authApi = client<AuthPaths>();
export const patientApi = client<PatientPaths>();
export const queueApi = client<QueuePaths>();
export const aiApi = client<AiPaths>();

/**
 * The body of a successful answer, or an {@link ApiError} carrying the problem — the shape TanStack Query
 * and forms work with.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined, response.headers);
  }
  return data as T;
}

/** The entity tag of an answer, for If-Match on the next update (optimistic concurrency). */
export function etagOf(response: Response): string | undefined {
  return response.headers.get('ETag') ?? undefined;
}
