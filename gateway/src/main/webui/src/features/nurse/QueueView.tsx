import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentDepartment } from '../../departments/departments';
import { LiveQueueTable } from '../queue/LiveQueueTable';

/** The whole live queue of the department for the nurse: triage who is waiting, take vitals of who is registered. */
export function NurseQueueView() {
  const { id, department } = useCurrentDepartment();
  return (
    <Stack>
      <Title order={2}>Live queue{department?.name ? ` — ${department.name}` : ''}</Title>
      <LiveQueueTable departmentId={id} actions={(row) => (
        <Group gap={4} wrap="nowrap">
          {row.entry.status === 'ARRIVED' && (
            <Button size="xs" component={Link} to={`/nurse/triage/${row.entry.id}`} aria-label={`Triage ticket ${row.entry.ticket}`}>Triage</Button>
          )}
          {row.entry.patientId && (
            <Button size="xs" variant="default" component={Link} to={`/nurse/vitals/${row.entry.id}`} aria-label={`Vital signs of ticket ${row.entry.ticket}`}>Vitals</Button>
          )}
        </Group>
      )} />
    </Stack>
  );
}
