import { ApiError } from '../api/problem';

/**
 * A step-up sign-in (RFC 9470): signing a note needs a password entered in the last few minutes. The action
 * asks the user again, then repeats itself once with the new token; what the user typed stays where it is.
 */
type Pending = { resolve: (confirmed: boolean) => void; reason: string };

let pending: Pending | undefined;
const listeners = new Set<() => void>();

export const reauthentication = {
  current(): Pending | undefined {
    return pending;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Opens the dialog; true once the user signed in again, false if they cancelled. */
  request(reason: string): Promise<boolean> {
    pending?.resolve(false);
    return new Promise<boolean>((resolve) => {
      pending = {
        reason,
        resolve: (confirmed) => {
          pending = undefined;
          listeners.forEach((l) => l());
          resolve(confirmed);
        },
      };
      listeners.forEach((l) => l());
    });
  },
};

export function needsReauthentication(error: unknown): boolean {
  return error instanceof ApiError && (error.kind === 'reauthentication-required' ||
    (error.status === 401 && (error.headers?.get('WWW-Authenticate') ?? '').includes('insufficient_user_authentication')));
}

/** Runs `action`; when the server asks for a fresh sign-in, asks the user and runs it once more. */
export async function withReauthentication<T>(action: () => Promise<T>, reason: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!needsReauthentication(error)) throw error;
    if (!(await reauthentication.request(reason))) throw error;
    return action();
  }
}
