import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { queueApi, unwrap, type QueueSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import { EsiBadge, StatusBadge, formatDuration, formatTime } from '../../ui/badges';
import { usePatientNames } from '../queue/patientNames';

type EntryView = QueueSchemas['QueueEntryView'];

const PAGE = 100;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The local day as the API counts it: its date and the browser's time zone. */
function today(): { date: string; zone: string } {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { date, zone };
}

/** The day's ended entries of the department (finished, transferred, cancelled, left without being seen, no-show). */
export function EndedTodayPage() {
  const { id: departmentId, department } = useCurrentDepartment();
  const { date, zone } = today();
  const ended = useInfiniteQuery({
    queryKey: ['ended-entries', departmentId, date, zone],
    enabled: !!departmentId,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(queueApi.GET('/api/v1/queues/{departmentId}/entries', {
      params: { path: { departmentId: departmentId ?? '' }, query: { state: 'ended', date, zone, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) } },
    })),
    getNextPageParam: (last) => last.next ?? undefined,
    refetchInterval: 60_000,
  });
  const entries: EntryView[] = ended.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const names = usePatientNames(entries.filter((e) => e.id && e.patientId).map((e) => ({ id: e.id ?? '', patientId: e.patientId })));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Finished today{department?.name ? ` — ${department.name}` : ''}</Title>
        <Text c="dimmed" size="sm" data-testid="ended-count">{ended.isSuccess ? `${entries.length}${ended.hasNextPage ? '+' : ''} ended` : ''}</Text>
      </Group>
      {ended.isError && <Alert color="red" role="alert">{describeError(ended.error)}</Alert>}
      <Paper withBorder p="sm">
        {ended.isPending ? <Text c="dimmed" p="md">Loading…</Text> : (
          <Table striped verticalSpacing="xs" aria-label="Ended today" data-testid="ended-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ticket</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Complaint</Table.Th><Table.Th>ESI</Table.Th>
                <Table.Th>Outcome</Table.Th><Table.Th>Arrived</Table.Th><Table.Th>Called</Table.Th><Table.Th>Ended</Table.Th><Table.Th>In department</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => {
                const shown = e.id ? names.data.get(e.id) : undefined;
                const stay = e.arrivedAt && e.endedAt ? (Date.parse(e.endedAt) - Date.parse(e.arrivedAt)) / 1000 : undefined;
                return (
                  <Table.Tr key={e.id} data-testid="ended-row" data-ticket={e.ticket} data-status={e.status}>
                    <Table.Td fw={700} style={NOWRAP}>{e.ticket}</Table.Td>
                    <Table.Td>{shown?.name ?? e.arrivalName ?? (e.patientId ? 'Registered patient' : 'Walk-in')}</Table.Td>
                    <Table.Td maw={240}><Text size="sm" truncate>{e.chiefComplaint}</Text></Table.Td>
                    <Table.Td><EsiBadge level={e.esiLevel} /></Table.Td>
                    <Table.Td><StatusBadge status={e.status} /></Table.Td>
                    <Table.Td style={NOWRAP}>{formatTime(e.arrivedAt)}</Table.Td>
                    <Table.Td style={NOWRAP}>{formatTime(e.calledAt)}</Table.Td>
                    <Table.Td style={NOWRAP}>{formatTime(e.endedAt)}</Table.Td>
                    <Table.Td>{stay === undefined ? '–' : formatDuration(stay)}</Table.Td>
                  </Table.Tr>
                );
              })}
              {entries.length === 0 && <Table.Tr><Table.Td colSpan={9}><Text c="dimmed" ta="center" p="md">No one has left the queue today.</Text></Table.Td></Table.Tr>}
            </Table.Tbody>
          </Table>
        )}
        {ended.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button variant="default" onClick={() => void ended.fetchNextPage()} loading={ended.isFetchingNextPage}>Show earlier</Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
