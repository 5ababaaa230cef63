import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { unwrap, authApi } from '../api/client';
import { describeError } from '../api/problem';
import { AuthLayout } from './AuthLayout';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: schemaResolver(z.object({ email: z.email('Enter the e-mail address of your account') }), { sync: true }),
  });
  const submit = form.onSubmit(async ({ email }) => {
    setError(undefined);
    try {
      await unwrap(authApi.POST('/api/v1/auth/password-reset', { body: { email } }));
      setSent(true);
    } catch (e) {
      setError(describeError(e));
    }
  });
  return (
    <AuthLayout title="Reset your password" footer={<Anchor component={Link} to="/sign-in">Back to sign-in</Anchor>}>
      {sent ? (
        <Alert color="green" role="status">If an account has this address, a link to set a new password is on its way. It works for 30 minutes.</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <TextInput label="E-mail" type="email" autoComplete="email" required autoFocus
              key={form.key('email')} {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting}>Send the link</Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

export const newPasswordRules = z.object({
  newPassword: z.string().min(12, 'At least 12 characters').max(128, 'At most 128 characters'),
  confirm: z.string(),
}).refine((v) => v.newPassword === v.confirm, { message: 'The two entries differ', path: ['confirm'] });

/** The e-mail link's page: /reset-password?token=… */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newPassword: '', confirm: '' },
    validate: schemaResolver(newPasswordRules, { sync: true }),
  });
  const submit = form.onSubmit(async ({ newPassword }) => {
    setError(undefined);
    try {
      await unwrap(authApi.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword } }));
      setDone(true);
    } catch (e) {
      setError(describeError(e));
    }
  });
  return (
    <AuthLayout title="Choose a new password" footer={<Anchor component={Link} to="/sign-in">Back to sign-in</Anchor>}>
      {!token ? (
        <Alert color="red" role="alert">This link is incomplete. Open the link from the e-mail again, or ask for a new one.</Alert>
      ) : done ? (
        <Stack>
          <Alert color="green" role="status">Your password is set. Every other session of your account has ended.</Alert>
          <Button component={Link} to="/sign-in">Sign in</Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">At least 12 characters. A few unrelated words are easy to remember and hard to guess.</Text>
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <PasswordInput label="New password" autoComplete="new-password" required autoFocus
              key={form.key('newPassword')} {...form.getInputProps('newPassword')} />
            <PasswordInput label="New password again" autoComplete="new-password" required
              key={form.key('confirm')} {...form.getInputProps('confirm')} />
            <Button type="submit" loading={form.submitting}>Set password</Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
