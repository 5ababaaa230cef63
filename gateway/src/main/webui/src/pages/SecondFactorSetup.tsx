import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { authApi, unwrap, type AuthSchemas } from '../api/client';
import { describeError } from '../api/problem';

type Enrolment = AuthSchemas['SecondFactorEnrolmentView'];

/**
 * Setting up an authenticator app: a new secret shown once as a QR code (and as text for typing in), then the
 * first code confirms it. Used on the account page and, when a role requires it, right after sign-in.
 */
export function SecondFactorSetup({ onDone }: { onDone: () => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(await unwrap(authApi.POST('/api/v1/account/second-factor')));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!/^\d{6}$/.test(code)) {
      setError('Enter the six digits the app shows.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(authApi.POST('/api/v1/account/second-factor/confirm', { body: { code } }));
      onDone();
    } catch (e) {
      setError(describeError(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Stack>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Text size="sm">You need an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).</Text>
        <Button onClick={() => void start()} loading={busy}>Set up the authenticator app</Button>
      </Stack>
    );
  }
  return (
    <Stack>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Text size="sm">1. Scan this code with the app.</Text>
      {enrolment.qrCode && <Image src={enrolment.qrCode} alt="QR code for the authenticator app" w={200} h={200} fit="contain" bg="white" p="xs" />}
      <Text size="sm">Cannot scan? Type this key into the app: <Code data-testid="totp-secret">{enrolment.secret}</Code></Text>
      <Text size="sm">2. Enter the six digits the app shows.</Text>
      <Group align="end">
        <TextInput label="Code" value={code} onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric" autoComplete="one-time-code" w={140} />
        <Button onClick={() => void confirm()} loading={busy}>Confirm</Button>
      </Group>
    </Stack>
  );
}
