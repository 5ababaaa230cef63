import { Button, Group, Menu, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import type { QueueEntry, QueueRow } from '../../live/queueModel';
import { LiveQueueTable } from '../queue/LiveQueueTable';
import { LinkPatientDialog } from './LinkPatientDialog';

type Ending = { row: QueueRow; kind: 'cancel' | 'left-without-being-seen' };

/** The live queue of the department, with what a receptionist may do: link a walk-in to a record, cancel, left without being seen. */
export function ReceptionQueuePage() {
  const { id: departmentId, department } = useCurrentDepartment();
  const [ending, setEnding] = useState<Ending>();
  const [linking, setLinking] = useState<QueueEntry>();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Live queue{department?.name ? ` — ${department.name}` : ''}</Title>
        {departmentId && <Button component="a" variant="light" href={`/board/?department=${departmentId}`} target="_blank" rel="noopener">Waiting-room board ↗</Button>}
      </Group>
      <LiveQueueTable departmentId={departmentId} actions={(row) => (row.position !== undefined || !row.entry.patientId) && (
        <Menu withinPortal position="bottom-end">
          <Menu.Target><Button size="xs" variant="default" aria-label={`Actions for ticket ${row.entry.ticket}`}>⋯</Button></Menu.Target>
          <Menu.Dropdown>
            {!row.entry.patientId && <Menu.Item onClick={() => setLinking(row.entry)}>Link to patient…</Menu.Item>}
            {row.position !== undefined && <>
              <Menu.Item onClick={() => setEnding({ row, kind: 'left-without-being-seen' })}>Left without being seen</Menu.Item>
              <Menu.Item color="red" onClick={() => setEnding({ row, kind: 'cancel' })}>Cancel check-in</Menu.Item>
            </>}
          </Menu.Dropdown>
        </Menu>
      )} />
      <EndEntryDialog departmentId={departmentId} ending={ending} onClose={() => setEnding(undefined)} />
      <LinkPatientDialog departmentId={departmentId} entry={linking} onClose={() => setLinking(undefined)} />
    </Stack>
  );
}

function EndEntryDialog({ departmentId, ending, onClose }: { departmentId: string | undefined; ending: Ending | undefined; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const end = useMutation({
    mutationFn: () => {
      const path = { departmentId: departmentId ?? '', entryId: ending?.row.entry.id ?? '' };
      return ending?.kind === 'cancel'
        ? unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/cancel', { params: { path }, body: { reason } }))
        : unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/left-without-being-seen', { params: { path }, body: { reason } }));
    },
    onSuccess: () => {
      notifications.show({ message: `Ticket ${ending?.row.entry.ticket} left the queue.` });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal opened={ending !== undefined} onClose={onClose} centered
      title={ending?.kind === 'cancel' ? `Cancel ticket ${ending.row.entry.ticket}` : `Ticket ${ending?.row.entry.ticket ?? ''} left without being seen`}>
      <form onSubmit={(e) => { e.preventDefault(); end.mutate(); }}>
        <Stack>
          <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={500} data-autofocus />
          {end.isError && <Text c="red" role="alert">{describeError(end.error)}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Back</Button>
            <Button type="submit" color="red" disabled={!reason.trim()} loading={end.isPending}>Confirm</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
