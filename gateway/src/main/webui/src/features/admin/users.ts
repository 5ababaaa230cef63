import { z } from 'zod';
import type { AuthSchemas } from '../../api/client';
import { ApiError } from '../../api/problem';
import { ROLES } from '../../auth/claims';

export type User = AuthSchemas['UserView'];
export type CreateUser = AuthSchemas['CreateUserRequest'];
export type UpdateUser = AuthSchemas['UpdateUserRequest'];

export const ROLE_LABELS: Record<string, string> = {
  receptionist: 'Receptionist', nurse: 'Nurse', doctor: 'Doctor', admin: 'Administrator',
};

/** Search over the loaded accounts: every word must appear in the user name, display name or e-mail. */
export function matchesUser(user: User, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [user.username, user.displayName, user.email, ...(user.roles ?? [])].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The same rules as auth-service (CreateUserRequest, the password policy's length), so most mistakes show before sending. */
export const userForm = z.object({
  username: z.string().trim().min(3, 'At least 3 characters').max(64).regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, . _ - only'),
  displayName: z.string().trim().min(1, 'A display name is required').max(128),
  email: z.email('An e-mail address').max(254),
  roles: z.array(z.enum(ROLES)).min(1, 'Choose at least one role'),
  departments: z.array(z.string()).max(50),
  initialPassword: z.string(),
});
export type UserFormValues = z.infer<typeof userForm>;

export const createForm = userForm.extend({
  initialPassword: z.string().min(12, 'At least 12 characters').max(128),
}).refine((v) => !v.initialPassword.toLowerCase().includes(v.username.trim().toLowerCase()) || v.username.trim().length < 3, {
  path: ['initialPassword'], message: 'Must not contain the user name',
});

export function toCreate(v: UserFormValues): CreateUser {
  return {
    username: v.username.trim(), displayName: v.displayName.trim(), email: v.email.trim(),
    roles: v.roles, departments: v.departments, initialPassword: v.initialPassword,
  };
}

/** Only what changed, so an update never rewrites a field the admin did not touch. */
export function toUpdate(original: User, v: UserFormValues): UpdateUser {
  const patch: UpdateUser = {};
  if (v.displayName.trim() !== (original.displayName ?? '')) patch.displayName = v.displayName.trim();
  if (v.email.trim() !== (original.email ?? '')) patch.email = v.email.trim();
  const same = (a: readonly string[], b: readonly string[] | null | undefined) =>
    a.length === (b ?? []).length && a.every((x) => (b ?? []).includes(x));
  if (!same(v.roles, original.roles)) patch.roles = v.roles;
  if (!same(v.departments, original.departments)) patch.departments = v.departments;
  return patch;
}

/** The account's version as the ETag auth-service gives it ("3"), for If-Match. */
export function etagOfUser(user: User): string {
  return `"${user.version ?? 0}"`;
}

/** Field errors of a refused create/update, keyed like the form; a taken name or address becomes a field error too. */
export function formErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const key = field.replace(/^[a-z]+\./, '').replace(/\[\d*\]$/, '');
    errors[key in userForm.shape ? key : field] = message;
  }
  if (error.status === 409 && Object.keys(errors).length === 0) {
    const message = error.problem?.detail ?? 'Taken by another account';
    errors.username = message;
    errors.email = message;
  }
  return errors;
}

/** A password that meets the policy: 16 characters from an unambiguous alphabet, from the browser's CSPRNG. */
export function generatePassword(random: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n))): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-';
  return Array.from(random(16), (x) => alphabet[x % alphabet.length]).join('');
}
