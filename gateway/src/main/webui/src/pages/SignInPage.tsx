import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { ApiError, describeError } from '../api/problem';
import { useSession, useSessionObject } from '../auth/SessionContext';
import { AuthLayout } from './AuthLayout';

const credentials = z.object({
  username: z.string().trim().min(1, 'Enter your user name').max(128),
  password: z.string().min(1, 'Enter your password').max(128),
  oneTimeCode: z.string().regex(/^(\d{6})?$/, 'Six digits from your authenticator app'),
});

/** Where to go after signing in: the route kept at an idle sign-out, else the user's home. */
export function SignInPage() {
  const session = useSessionObject();
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '', oneTimeCode: '' },
    validate: schemaResolver(credentials, { sync: true }),
  });

  const reason = state.status === 'signed-out' ? state.reason : undefined;
  const returnTo = (location.state as { from?: string } | null)?.from ??
    (state.status === 'signed-out' ? state.returnTo : undefined);

  const submit = form.onSubmit(async (values) => {
    if (step === 'code' && values.oneTimeCode.length !== 6) {
      form.setFieldError('oneTimeCode', 'Six digits from your authenticator app');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await session.signIn(values.username.trim(), values.password,
        step === 'code' ? values.oneTimeCode : undefined);
      if (result.outcome === 'second-factor-required') {
        setStep('code');
      } else {
        navigate(returnTo && !returnTo.startsWith('/sign-in') ? returnTo : '/', { replace: true });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        const wait = e.headers?.get('Retry-After');
        setError(`Too many attempts. Try again${wait ? ` in ${wait} seconds` : ' shortly'}.`);
      } else if (e instanceof ApiError && e.status === 401) {
        setError(step === 'code' ? 'That code did not work. Check the time on your phone and try again.'
          : 'User name or password is not right.');
        form.setFieldValue('oneTimeCode', '');
      } else {
        setError(describeError(e));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={step === 'code' ? 'Second factor' : 'Sign in'}
      footer="For clinic staff. Patient data is audited.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {reason === 'idle' && <Alert color="yellow" role="status">You were signed out after 15 minutes without activity. Sign in to continue where you were.</Alert>}
          {reason === 'expired' && <Alert color="yellow" role="status">Your session ended. Sign in again.</Alert>}
          {error && <Alert color="red" role="alert">{error}</Alert>}
          {step === 'password' ? (
            <>
              <TextInput label="User name" autoComplete="username" autoFocus required
                key={form.key('username')} {...form.getInputProps('username')} />
              <PasswordInput label="Password" autoComplete="current-password" required
                key={form.key('password')} {...form.getInputProps('password')} />
            </>
          ) : (
            <TextInput label="Authenticator code" description="Six digits from the authenticator app on your phone"
              inputMode="numeric" autoComplete="one-time-code" autoFocus required maxLength={6}
              key={form.key('oneTimeCode')} {...form.getInputProps('oneTimeCode')} />
          )}
          <Button type="submit" loading={busy} fullWidth>{step === 'code' ? 'Verify' : 'Sign in'}</Button>
          {step === 'password'
            ? <Anchor component={Link} to="/forgot-password" size="sm" ta="center">Forgot your password?</Anchor>
            : <Anchor component="button" type="button" size="sm" onClick={() => setStep('password')}>Back</Anchor>}
        </Stack>
      </form>
    </AuthLayout>
  );
}
