import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentDepartment } from '../../departments/departments';
import { LiveQueueTable } from '../queue/LiveQueueTable';

/** Who is waiting for triage, longest SLA pressure first in queue order, timers counting; one click to triage. */
export function TriageWorklistPage() {
  const { id } = useCurrentDepartment();
  return (
    <Stack>
      <Title order={2}>Triage worklist</Title>
      <Text size="sm" c="dimmed">Patients not yet triaged, in queue order. The list updates live.</Text>
      <LiveQueueTable departmentId={id} filters={false} include={(row) => row.entry.status === 'ARRIVED'}
        actions={(row) => (
          <Button size="xs" component={Link} to={`/nurse/triage/${row.entry.id}`} aria-label={`Triage ticket ${row.entry.ticket}`}>Triage</Button>
        )} />
    </Stack>
  );
}
