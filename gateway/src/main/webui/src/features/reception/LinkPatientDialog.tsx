import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import type { QueueEntry } from '../../live/queueModel';
import { formatName } from '../queue/patientNames';
import { PatientSearch, type PatientSummary } from './PatientSearch';

/** Links a walk-in's queue entry to a registered patient (POST …/entries/{id}/patient). */
export function useLinkPatient(departmentId: string | undefined) {
  return useMutation({
    mutationFn: ({ entryId, patientId }: { entryId: string; patientId: string }) =>
      unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/patient', {
        params: { path: { departmentId: departmentId ?? '', entryId } },
        body: { patientId },
      })),
  });
}

/** Where "Register new" goes: the registration form, which links the entry once the patient is registered. */
export function registerAndLinkPath(departmentId: string, entry: QueueEntry): string {
  const params = new URLSearchParams({ link: entry.id ?? '', department: departmentId, ticket: entry.ticket ?? '' });
  if (entry.arrivalName) params.set('name', entry.arrivalName);
  return `/reception/register?${params.toString()}`;
}

/** The ⋯ menu's "Link to patient…": find the record the walk-in turned out to have, or register them now. */
export function LinkPatientDialog({ departmentId, entry, onClose }: { departmentId: string | undefined; entry: QueueEntry | undefined; onClose: () => void }) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<PatientSummary>();
  const link = useLinkPatient(departmentId);
  const close = () => { setSelected(undefined); link.reset(); onClose(); };
  const confirm = () => {
    if (!entry?.id || !selected?.id) return;
    link.mutate({ entryId: entry.id, patientId: selected.id }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: `Ticket ${entry.ticket} is now linked to ${formatName(selected.name) ?? 'the patient'}.` });
        close();
      },
    });
  };
  return (
    <Modal opened={entry !== undefined} onClose={close} centered size="lg"
      title={`Link ticket ${entry?.ticket ?? ''} (${entry?.arrivalName ?? 'walk-in'}) to a patient`}>
      {entry && (
        <Stack>
          <PatientSearch selected={selected} onSelect={setSelected} autoFocus />
          <Text size="sm">{selected ? <>Link to <b>{formatName(selected.name)}</b>, born {selected.birthDate}, MRN {selected.mrn}.</> : 'Choose the patient’s record above.'}</Text>
          {link.isError && <Alert color="red" role="alert">{describeError(link.error)}</Alert>}
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={() => { navigate(registerAndLinkPath(departmentId ?? '', entry)); close(); }}>Register new patient and link</Anchor>
            <Group>
              <Button variant="default" onClick={close}>Back</Button>
              <Button onClick={confirm} disabled={!selected} loading={link.isPending}>Link</Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
