import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notify } from './notify';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useDepartmentList } from '../../departments/departments';
import { entryKey } from './doctorApi';

interface EntryProps {
  departmentId: string | undefined;
  entryId: string;
  ticket: string;
  onDone?: () => void;
}

function useEntryRefresh(departmentId: string | undefined, entryId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: entryKey(departmentId, entryId) });
}

/** The consultation is over: the entry leaves the queue (its encounter is closed as completed). */
export function FinishButton({ departmentId, entryId, ticket, onDone }: EntryProps) {
  const [opened, setOpened] = useState(false);
  const refresh = useEntryRefresh(departmentId, entryId);
  const finish = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/finish', {
      params: { path: { departmentId: departmentId ?? '', entryId } },
    })),
    onSuccess: () => {
      refresh();
      notify({ color: 'green', message: `Consultation of ticket ${ticket} finished.` });
      setOpened(false);
      onDone?.();
    },
  });
  return (
    <>
      <Button onClick={() => setOpened(true)}>Finish</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Finish the consultation of ticket ${ticket}?`} centered>
        <Stack>
          <Text size="sm">The patient leaves the queue and the encounter is closed. Notes stay editable until signed.</Text>
          {finish.isError && <Alert color="red" role="alert">{describeError(finish.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>Back</Button>
            <Button onClick={() => finish.mutate()} loading={finish.isPending} data-autofocus>Finish consultation</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Called but did not come to the room. */
export function NoShowButton({ departmentId, entryId, ticket, onDone }: EntryProps) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = useEntryRefresh(departmentId, entryId);
  const noShow = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/no-show', {
      params: { path: { departmentId: departmentId ?? '', entryId } },
      body: { reason: reason.trim() || null },
    })),
    onSuccess: () => {
      refresh();
      notify({ message: `Ticket ${ticket} recorded as a no-show.` });
      setOpened(false);
      onDone?.();
    },
  });
  return (
    <>
      <Button variant="default" color="orange" onClick={() => setOpened(true)}>No-show</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Ticket ${ticket} did not come?`} centered>
        <form onSubmit={(e) => { e.preventDefault(); noShow.mutate(); }}>
          <Stack>
            <Text size="sm">The patient leaves the queue as a no-show.</Text>
            <TextInput label="Reason (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} data-autofocus />
            {noShow.isError && <Alert color="red" role="alert">{describeError(noShow.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>Back</Button>
              <Button type="submit" loading={noShow.isPending}>Record no-show</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** To another department's queue, keeping the arrival time and priority; a reason is required. */
export function TransferButton({ departmentId, entryId, ticket, onDone }: EntryProps) {
  const [opened, setOpened] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const departments = useDepartmentList();
  const refresh = useEntryRefresh(departmentId, entryId);
  const others = (departments.data ?? []).filter((d) => d.id && d.id !== departmentId && d.active !== false);
  const transfer = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/transfer', {
      params: { path: { departmentId: departmentId ?? '', entryId } },
      body: { departmentId: target ?? '', reason: reason.trim() },
    })),
    onSuccess: (entry) => {
      refresh();
      const name = others.find((d) => d.id === target)?.name ?? 'the other department';
      notify({ color: 'green', message: `Ticket ${ticket} transferred to ${name} (new ticket ${entry.ticket ?? ''}).` });
      setOpened(false);
      onDone?.();
    },
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>Transfer</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Transfer ticket ${ticket}`} centered>
        <form onSubmit={(e) => { e.preventDefault(); transfer.mutate(); }}>
          <Stack>
            <Select label="To department" required value={target} onChange={setTarget} comboboxProps={{ withinPortal: true }}
              data={others.map((d) => ({ value: d.id ?? '', label: d.name ?? d.code ?? '' }))} data-autofocus />
            <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
            {transfer.isError && <Alert color="red" role="alert">{describeError(transfer.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>Back</Button>
              <Button type="submit" disabled={!target || !reason.trim()} loading={transfer.isPending}>Transfer</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
