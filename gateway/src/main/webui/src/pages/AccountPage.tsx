import { Alert, Badge, Button, Card, Group, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { authApi, unwrap } from '../api/client';
import { describeError } from '../api/problem';
import { useAccount, useThemePreference } from '../layout/theme';
import { useDepartmentList } from '../departments/departments';
import { SecondFactorSetup } from './SecondFactorSetup';

const passwordChange = z.object({
  currentPassword: z.string().min(1, 'Enter your current password'),
  newPassword: z.string().min(12, 'At least 12 characters').max(128, 'At most 128 characters'),
  confirm: z.string(),
}).refine((v) => v.newPassword === v.confirm, { message: 'The two entries differ', path: ['confirm'] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: 'Choose a password you have not used here', path: ['newPassword'] });

/** Everyone's own account: who they are, theme, password, second factor. */
export default function AccountPage() {
  const account = useAccount();
  const departments = useDepartmentList().data ?? [];
  const { choice, save } = useThemePreference();
  const user = account.data;
  return (
    <Stack maw={720}>
      <Title order={2}>Account</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">{user?.displayName ?? user?.username ?? '…'}</Title>
        <Text size="sm" c="dimmed">{user?.username} · {user?.email}</Text>
        <Group gap="xs" mt="sm">
          {(user?.roles ?? []).map((role) => <Badge key={role} variant="light">{role}</Badge>)}
          {(user?.departments ?? []).map((id) => (
            <Badge key={id} variant="outline">{departments.find((d) => d.id === id)?.name ?? id}</Badge>
          ))}
        </Group>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs" id="theme-label">Theme</Title>
        <SegmentedControl aria-labelledby="theme-label" value={choice} onChange={(v) => save(v as 'light' | 'dark' | 'system')}
          data={[{ value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }, { value: 'system', label: 'As the system' }]} />
        <Text size="sm" c="dimmed" mt="xs">Saved in your account: it follows you to any screen.</Text>
      </Card>
      <ChangePassword />
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">Second factor</Title>
        {user?.secondFactorEnabled ? <SecondFactorOn /> : <SecondFactorOff />}
      </Card>
    </Stack>
  );
}

function ChangePassword() {
  const [error, setError] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: schemaResolver(passwordChange, { sync: true }),
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setError(undefined);
    try {
      await unwrap(authApi.POST('/api/v1/account/password', { body: { currentPassword, newPassword } }));
      form.reset();
      notifications.show({ color: 'green', message: 'Password changed. Your other sessions have ended.' });
    } catch (e) {
      setError(describeError(e));
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="password-title">
      <Title order={3} size="h4" mb="xs" id="password-title">Change password</Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={360}>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <PasswordInput label="Current password" autoComplete="current-password" required key={form.key('currentPassword')} {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" description="At least 12 characters" autoComplete="new-password" required key={form.key('newPassword')} {...form.getInputProps('newPassword')} />
          <PasswordInput label="New password again" autoComplete="new-password" required key={form.key('confirm')} {...form.getInputProps('confirm')} />
          <Group><Button type="submit" loading={form.submitting}>Change password</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}

function SecondFactorOff() {
  const queryClient = useQueryClient();
  const [setting, setSetting] = useState(false);
  if (!setting) {
    return (
      <Stack gap="xs">
        <Text size="sm">Off. A code from your phone at sign-in protects patient data if your password leaks.</Text>
        <Group><Button variant="light" onClick={() => setSetting(true)}>Set up</Button></Group>
      </Stack>
    );
  }
  return <SecondFactorSetup onDone={() => {
    setSetting(false);
    void queryClient.invalidateQueries({ queryKey: ['account'] });
    notifications.show({ color: 'green', message: 'Second factor on. Sign-in now asks for a code.' });
  }} />;
}

function SecondFactorOn() {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const remove = async () => {
    setError(undefined);
    try {
      await unwrap(authApi.POST('/api/v1/account/second-factor/removal', { body: { currentPassword: password } }));
      setPassword('');
      void queryClient.invalidateQueries({ queryKey: ['account'] });
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Stack gap="xs" maw={360}>
      <Text size="sm">On: sign-in asks for a code from your authenticator app.</Text>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <PasswordInput label="Current password, to switch it off" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
      <Group><Button variant="default" color="red" disabled={!password} onClick={() => void remove()}>Switch off</Button></Group>
    </Stack>
  );
}
