import { Stack, Title } from '@mantine/core';
import { useCurrentDepartment } from '../../departments/departments';
import { LiveQueueTable } from '../queue/LiveQueueTable';

/** The whole live queue of the department, read-only for the nurse. */
export function NurseQueueView() {
  const { id, department } = useCurrentDepartment();
  return (
    <Stack>
      <Title order={2}>Live queue{department?.name ? ` — ${department.name}` : ''}</Title>
      <LiveQueueTable departmentId={id} />
    </Stack>
  );
}
