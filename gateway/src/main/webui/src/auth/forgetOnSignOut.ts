import type { QueryClient } from '@tanstack/react-query';
import type { Session } from './session';

/**
 * Drops every cached server answer (patient names, notes, the audit log…) the moment a session ends — signed out,
 * idle or expired — so the next person at a shared workstation never sees the previous user's data, not even for
 * a frame while their own queries load. Returns the unsubscribe function.
 */
export function forgetServerStateOnSignOut(session: Session, client: QueryClient): () => void {
  let previous = session.getState().status;
  return session.subscribe(() => {
    const status = session.getState().status;
    if (previous === 'signed-in' && status !== 'signed-in') {
      void client.cancelQueries();
      client.clear();
    }
    previous = status;
  });
}
