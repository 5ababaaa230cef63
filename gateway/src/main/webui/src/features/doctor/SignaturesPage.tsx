import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { patientApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatDateTime } from '../../ui/badges';
import { formatName } from '../queue/patientNames';
import { usePatient } from './doctorApi';

/** The drafts this doctor is to sign, oldest first; each opens the note. */
export function SignaturesPage() {
  const awaiting = useQuery({
    queryKey: ['awaiting-my-signature'],
    queryFn: () => unwrap(patientApi.GET('/api/v1/notes/awaiting-my-signature')),
  });
  const items = awaiting.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>Awaiting my signature</Title>
      {awaiting.isError && <Alert color="red">{describeError(awaiting.error)}</Alert>}
      <Paper withBorder p="sm">
        {awaiting.isSuccess && items.length === 0 ? <Text c="dimmed" p="md">Nothing to sign.</Text> : (
          <Table striped highlightOnHover aria-label="Notes awaiting my signature" data-testid="awaiting-signature">
            <Table.Thead>
              <Table.Tr><Table.Th>Patient</Table.Th><Table.Th>Drafted</Table.Th><Table.Th>By</Table.Th><Table.Th>Last change</Table.Th><Table.Th>Origin</Table.Th><Table.Th><span className="visually-hidden">Open</span></Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id} data-testid="awaiting-row" data-note={n.id}>
                  <Table.Td><PatientName patientId={n.patientId ?? undefined} /></Table.Td>
                  <Table.Td>{formatDateTime(n.createdAt)}</Table.Td>
                  <Table.Td>{n.createdBy}</Table.Td>
                  <Table.Td>version {n.version}</Table.Td>
                  <Table.Td>{n.aiGenerated ? <Badge color="violet.8" variant="filled">AI draft</Badge> : 'Written'}</Table.Td>
                  <Table.Td><Button size="xs" component={Link} to={`/doctor/notes/${n.id ?? ''}`} aria-label={`Open the note drafted ${formatDateTime(n.createdAt)}`}>Open</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

/** Whose note it is: the doctor wrote or was addressed the note, so the record is theirs to read (an audited read). */
function PatientName({ patientId }: { patientId: string | undefined }) {
  const patient = usePatient(patientId);
  if (patient.isError) return <Text size="sm" c="dimmed">Not available</Text>;
  if (!patient.data) return <Text size="sm" c="dimmed">…</Text>;
  return <Text size="sm" fw={600}>{formatName(patient.data.name) ?? '—'}{patient.data.mrn ? <Text span size="xs" c="dimmed"> · MRN {patient.data.mrn}</Text> : null}</Text>;
}
