import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { describeError } from '../../api/problem';

export interface Confirmation {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Red for what cannot be undone or locks someone out. */
  danger?: boolean;
  action: () => Promise<unknown>;
  onDone?: () => void;
}

/** "Are you sure?" before a destructive action; the server's refusal stays in the dialog. */
export function ConfirmDialog({ confirmation: asked, onClose }: { confirmation: Confirmation | undefined; onClose: () => void }) {
  // the last question stays rendered while the dialog fades out (a nameless dialog for a moment otherwise)
  const [confirmation, setConfirmation] = useState(asked);
  if (asked && asked !== confirmation) setConfirmation(asked);
  const run = useMutation({
    mutationFn: () => confirmation?.action() ?? Promise.resolve(),
    onSuccess: () => {
      confirmation?.onDone?.();
      onClose();
    },
  });
  const close = () => {
    run.reset();
    onClose();
  };
  return (
    <Modal opened={asked !== undefined} onClose={close} title={confirmation?.title} centered>
      <Stack>
        <Text size="sm">{confirmation?.message}</Text>
        {run.isError && <Alert color="red" role="alert">{describeError(run.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>Back</Button>
          <Button color={confirmation?.danger ? 'red.9' : undefined} loading={run.isPending} onClick={() => run.mutate()} data-autofocus>
            {confirmation?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
