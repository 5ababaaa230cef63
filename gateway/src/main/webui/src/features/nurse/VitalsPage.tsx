import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import { EsiBadge } from '../../ui/badges';
import { usePatientNames } from '../queue/patientNames';
import { VitalsChart } from '../vitals/VitalsChart';
import { VitalsForm } from '../vitals/VitalsForm';

/** Vital signs of a waiting patient: record a set (flagged against the age's range) and see the trend. */
export function VitalsPage() {
  const { entryId = '' } = useParams();
  const { id: departmentId } = useCurrentDepartment();
  const entry = useQuery({
    queryKey: ['queue-entry', departmentId, entryId],
    enabled: !!departmentId,
    queryFn: () => unwrap(queueApi.GET('/api/v1/queues/{departmentId}/entries/{entryId}', { params: { path: { departmentId: departmentId ?? '', entryId } } })),
  });
  const patientId = entry.data?.patientId ?? undefined;
  const names = usePatientNames(entry.data?.id && patientId ? [{ id: entry.data.id, patientId }] : []);
  const patient = entry.data?.id ? names.data.get(entry.data.id) : undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Vital signs {entry.data?.ticket ? `— ticket ${entry.data.ticket}` : ''}</Title>
        <Anchor component={Link} to="/nurse/queue">Back to the queue</Anchor>
      </Group>
      {entry.isError && <Alert color="red">{describeError(entry.error)}</Alert>}
      {entry.data && (
        <Group>
          <Text fw={600} data-testid="vitals-patient">{patient?.name ?? entry.data.arrivalName ?? 'Walk-in'}</Text>
          <EsiBadge level={entry.data.esiLevel} />
          <Text c="dimmed">{entry.data.chiefComplaint}</Text>
        </Group>
      )}
      {entry.data && !patientId && (
        <Alert color="yellow" title="Not registered yet">
          Vital signs are filed in the patient's record. Ask reception to register this walk-in and link the ticket; until
          then, the vitals taken at triage travel with the ticket.
        </Alert>
      )}
      {patientId && <VitalsForm patientId={patientId} />}
      {patientId && <VitalsChart patientId={patientId} />}
    </Stack>
  );
}
