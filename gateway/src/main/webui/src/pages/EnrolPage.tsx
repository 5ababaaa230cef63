import { Alert, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useSessionObject } from '../auth/SessionContext';
import { AuthLayout } from './AuthLayout';
import { SecondFactorSetup } from './SecondFactorSetup';

/**
 * A role of this user requires a second factor and it is not set up: the session can open the account and
 * nothing else until it is. After confirming, a refresh brings the roles back.
 */
export function EnrolPage() {
  const session = useSessionObject();
  const navigate = useNavigate();
  return (
    <AuthLayout title="Set up your second factor">
      <Stack>
        <Alert color="blue">Your role requires a second factor. Set it up once; from then on, sign-in asks for a code from your phone.</Alert>
        <SecondFactorSetup onDone={() => void session.refresh().then(() => navigate('/', { replace: true }))} />
      </Stack>
    </AuthLayout>
  );
}
