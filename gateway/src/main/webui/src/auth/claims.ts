/** The access token's claims the app reads (auth-service's TokenIssuer). Only for display and routing: every
 *  service verifies the token itself. */
export interface AccessClaims {
  sub: string;
  upn?: string;
  groups: string[];
  departments: string[];
  sid?: string;
  exp: number;
  iat?: number;
  auth_time?: number;
  amr?: string[];
  second_factor_enrolment_required?: boolean;
}

export type Role = 'receptionist' | 'nurse' | 'doctor' | 'admin';
export const ROLES: readonly Role[] = ['receptionist', 'nurse', 'doctor', 'admin'];

export function decodeClaims(token: string): AccessClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  const raw = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Partial<AccessClaims>;
  if (typeof raw.sub !== 'string' || typeof raw.exp !== 'number') throw new Error('Token without sub or exp');
  return {
    ...raw,
    sub: raw.sub,
    exp: raw.exp,
    groups: Array.isArray(raw.groups) ? raw.groups : [],
    departments: Array.isArray(raw.departments) ? raw.departments : [],
  };
}

export function rolesOf(claims: AccessClaims): Role[] {
  return ROLES.filter((role) => claims.groups.includes(role));
}
