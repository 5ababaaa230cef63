import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { rolesOf, type AccessClaims, type Role } from './claims';
import { session as appSession, type Session, type SessionState } from './session';

const SessionContext = createContext<Session>(appSession);

export function SessionProvider({ session = appSession, children }: { session?: Session; children: ReactNode }) {
  useEffect(() => {
    if (session.getState().status === 'starting') void session.restore();
    // any key or pointer press counts as activity for the idle limit
    const onActivity = () => session.recordActivity();
    window.addEventListener('pointerdown', onActivity, { passive: true });
    window.addEventListener('keydown', onActivity, { passive: true });
    return () => {
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
    };
  }, [session]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSessionObject(): Session {
  return useContext(SessionContext);
}

export function useSession(): SessionState {
  const session = useSessionObject();
  return useSyncExternalStore((listener) => session.subscribe(listener), () => session.getState());
}

export interface SignedIn {
  claims: AccessClaims;
  roles: Role[];
  userId: string;
  departments: string[];
  hasRole: (role: Role) => boolean;
}

/** The signed-in user; only under the signed-in part of the app (RequireSession). */
export function useSignedIn(): SignedIn {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside a signed-in route');
  const roles = rolesOf(state.claims);
  return {
    claims: state.claims,
    roles,
    userId: state.claims.sub,
    departments: state.claims.departments,
    hasRole: (role) => roles.includes(role),
  };
}
