import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { createForm, etagOfUser, formErrors, generatePassword, matchesUser, toUpdate, type User, type UserFormValues } from './users';

const user: User = {
  id: 'u1', username: 'jdoe', displayName: 'Jane Doe', email: 'jane@clinic.example', roles: ['nurse'],
  departments: ['d1'], active: true, version: 4,
};
const values = (over: Partial<UserFormValues> = {}): UserFormValues => ({
  username: 'jdoe', displayName: 'Jane Doe', email: 'jane@clinic.example', roles: ['nurse'], departments: ['d1'], initialPassword: '', ...over,
});

describe('users', () => {
  it('finds an account by any word of its names, e-mail or roles', () => {
    expect(matchesUser(user, '')).toBe(true);
    expect(matchesUser(user, 'jane NURSE')).toBe(true);
    expect(matchesUser(user, 'clinic.example')).toBe(true);
    expect(matchesUser(user, 'jane doctor')).toBe(false);
  });

  it('sends only what changed', () => {
    expect(toUpdate(user, values())).toEqual({});
    expect(toUpdate(user, values({ roles: ['nurse', 'doctor'], displayName: ' Jane D. ' })))
      .toEqual({ roles: ['nurse', 'doctor'], displayName: 'Jane D.' });
    expect(toUpdate(user, values({ departments: [] }))).toEqual({ departments: [] });
  });

  it('uses the version as the entity tag', () => {
    expect(etagOfUser(user)).toBe('"4"');
  });

  it('checks a new account like the server does', () => {
    const ok = createForm.safeParse(values({ username: 'new.nurse', initialPassword: 'correct horse battery' }));
    expect(ok.success).toBe(true);
    const bad = createForm.safeParse(values({ username: 'x', roles: [], initialPassword: 'short' }));
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['username', 'roles', 'initialPassword']));
    const withName = createForm.safeParse(values({ username: 'jdoe', initialPassword: 'my-jdoe-password-1' }));
    expect(withName.error?.issues[0]?.message).toBe('Must not contain the user name');
  });

  it('puts the server\'s field errors on the form fields, a conflict on name and e-mail', () => {
    const invalid = new ApiError(400, { type: 'https://medi-os.dev/problems/validation', status: 400, title: 'Invalid', errors: [{ field: 'initialPassword', message: 'is too common' }, { field: 'roles[0]', message: 'unknown role' }] });
    expect(formErrors(invalid)).toEqual({ initialPassword: 'is too common', roles: 'unknown role' });
    const taken = new ApiError(409, { type: 'https://medi-os.dev/problems/conflict', status: 409, title: 'Conflict', detail: 'An account with this user name or e-mail address exists.' });
    expect(formErrors(taken)).toEqual({ username: 'An account with this user name or e-mail address exists.', email: 'An account with this user name or e-mail address exists.' });
    expect(formErrors(new Error('x'))).toEqual({});
  });

  it('generates a 16-character password from the given randomness', () => {
    const password = generatePassword((n) => Uint32Array.from({ length: n }, (_, i) => i));
    expect(password).toBe('ABCDEFGHJKLMNPQR');
    expect(generatePassword()).toMatch(/^[A-Za-z0-9-]{16}$/);
  });
});
