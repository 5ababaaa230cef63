import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { describeError } from '../api/problem';
import { useSessionObject, useSignedIn } from './SessionContext';
import { reauthentication } from './reauthentication';

/** The password (and second-factor code) again, for an action that needs a recent sign-in. */
export function ReauthDialog() {
  const session = useSessionObject();
  const { claims } = useSignedIn();
  const pending = useSyncExternalStore(reauthentication.subscribe, reauthentication.current);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = (confirmed: boolean) => {
    setPassword('');
    setCode('');
    setNeedsCode(false);
    setError(undefined);
    pending?.resolve(confirmed);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await session.signIn(claims.upn ?? '', password, needsCode ? code : undefined);
      if (result.outcome === 'second-factor-required') setNeedsCode(true);
      else close(true);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={pending !== undefined} onClose={() => close(false)} title="Confirm it is you" centered>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">{pending?.reason} Enter your password to continue; nothing you wrote is lost.</Text>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <PasswordInput label="Password" value={password} onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password" required data-autofocus />
          {needsCode && (
            <TextInput label="Authenticator code" value={code} onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>Cancel</Button>
            <Button type="submit" loading={busy}>Confirm</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
