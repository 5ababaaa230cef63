import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSessionObject } from './SessionContext';

/** Two minutes before the idle limit: a countdown and "stay signed in". */
export function IdleWarning() {
  const session = useSessionObject();
  const warning = useSyncExternalStore((l) => session.subscribe(l), () => session.isWarning());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!warning) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [warning]);
  const seconds = Math.max(0, Math.round((session.idleDeadline() - now) / 1000));
  return (
    <Modal opened={warning} onClose={() => void session.staySignedIn()} title="Still there?" centered
      closeOnClickOutside={false} data-testid="idle-warning">
      <Text mb="md" aria-live="polite">
        For patient privacy you will be signed out in{' '}
        <strong>{Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}</strong> unless you continue.
        What you typed stays on this screen.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void session.signOut()}>Sign out now</Button>
        <Button onClick={() => void session.staySignedIn()} data-autofocus>Stay signed in</Button>
      </Group>
    </Modal>
  );
}
