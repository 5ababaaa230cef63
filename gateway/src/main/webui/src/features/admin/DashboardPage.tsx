import { AreaChart, BarChart } from '@mantine/charts';
import { Alert, Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { departmentChoice, useCurrentDepartment } from '../../departments/departments';
import { useStreamState } from '../../live/LiveQueue';
import { EsiBadge, formatTime } from '../../ui/badges';
import { formatRate, formatWait, toDashboard, todayIn, type LevelFigure } from './statistics';

const REFRESH_MS = 15_000;

/** The day of a department at a glance: who waits now, breaches, waits by ESI level, flow per hour. */
export function DashboardPage() {
  const { id: departmentId, department, departments } = useCurrentDepartment();
  const zone = department?.timeZone ?? 'UTC';
  const today = todayIn(zone);
  const [chosenDate, setChosenDate] = useState<string>();
  const date = chosenDate && chosenDate <= today ? chosenDate : today;
  const isToday = date === today;
  const queryClient = useQueryClient();
  const queryKey = ['admin', 'statistics', departmentId, date, zone];

  const statistics = useQuery({
    queryKey,
    enabled: !!departmentId,
    queryFn: () => unwrap(queueApi.GET('/api/v1/queues/{departmentId}/statistics', {
      params: { path: { departmentId: departmentId ?? '' }, query: { date, zone } },
    })),
    // today's figures move: every 15 s, and soon after a change in the live queue (below); a past day does not
    refetchInterval: isToday ? REFRESH_MS : false,
    placeholderData: (previous, query) => (query?.queryKey[2] === departmentId ? previous : undefined),
  });

  // the live stream follows the department chosen here (the header's choice): a queue event refreshes the figures
  const sequence = useStreamState().queues.get(departmentId ?? '')?.sequence;
  const [settled] = useDebouncedValue(sequence, 1_000);
  useEffect(() => {
    if (settled !== undefined && isToday) void queryClient.invalidateQueries({ queryKey: ['admin', 'statistics', departmentId] });
  }, [settled, isToday, departmentId, queryClient]);

  const model = useMemo(() => toDashboard(statistics.data), [statistics.data]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Operations{department?.name ? ` — ${department.name}` : ''}</Title>
        <Group align="flex-end">
          <Select label="Department" w={220} allowDeselect={false} value={departmentId ?? null} data-testid="dashboard-department"
            data={departments.map((d) => ({ value: d.id ?? '', label: d.name ?? d.code ?? '' }))}
            onChange={(value) => value && departmentChoice.set(value)} />
          <TextInput label="Date" type="date" w={170} value={date} max={today} data-testid="dashboard-date"
            onChange={(e) => setChosenDate(e.currentTarget.value || undefined)} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="dashboard-updated">
        {isToday ? 'Today' : `A past day (${date})`}
        {model.generatedAt ? ` · figures as of ${formatTime(model.generatedAt)}` : ''}
        {isToday ? ' · refreshed every 15 s and on every queue change' : ''} · times in {zone}
      </Text>
      {statistics.isError && <Alert color="red" role="alert">{describeError(statistics.error)}</Alert>}

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} data-testid="dashboard-metrics">
        <Metric label="Waiting now" value={model.waitingNow.total} testId="metric-waiting"
          detail={<LevelBadges figures={model.waitingNow.byEsi} untriaged={model.waitingNow.untriaged} />} />
        <Metric label="SLA breaches" value={model.slaBreaches.total} testId="metric-breaches" alert={model.slaBreaches.total > 0}
          detail={<LevelBadges figures={model.slaBreaches.byEsi} untriaged={model.slaBreaches.untriaged} />} />
        <Metric label="Arrived" value={model.totals.arrived} testId="metric-arrived"
          detail={<Text size="xs" c="dimmed">{model.totals.cancelled} cancelled · {model.totals.transferred} transferred</Text>} />
        <Metric label="Finished" value={model.totals.finished} testId="metric-finished"
          detail={<Text size="xs" c="dimmed">{model.totals.noShow} no-show</Text>} />
        <Metric label="Left without being seen" value={formatRate(model.leftWithoutBeingSeen.rate)} testId="metric-lwbs"
          detail={<Text size="xs" c="dimmed">{model.leftWithoutBeingSeen.count} of {model.totals.arrived} arrived</Text>} />
        <Metric label="Triage overrides" value={formatRate(model.triageOverrides.rate)} testId="metric-overrides"
          detail={<Text size="xs" c="dimmed">{model.triageOverrides.overridden} of {model.triageOverrides.triaged} triaged</Text>} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="figure" m={0}>
          <Text component="figcaption" fw={600} mb="xs" id="chart-hourly">Arrivals and finished per hour</Text>
          <BarChart h={220} data={model.hourly} dataKey="hour" withLegend aria-labelledby="chart-hourly"
            series={[{ name: 'arrivals', label: 'Arrivals', color: 'blue.7' }, { name: 'finished', label: 'Finished', color: 'teal.8' }]}
            xAxisProps={{ interval: 2 }} yAxisProps={{ allowDecimals: false, width: 32 }} />
        </Paper>
        <Paper withBorder p="md" component="figure" m={0}>
          <Text component="figcaption" fw={600} mb="xs" id="chart-waits">Wait to be seen by ESI level (minutes)</Text>
          <BarChart h={220} data={model.waitChart} dataKey="level" withLegend aria-labelledby="chart-waits"
            series={[{ name: 'median', label: 'Median', color: 'indigo.7' }, { name: 'p90', label: '90th percentile', color: 'orange.8' }]}
            yAxisProps={{ width: 32 }} />
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Waits by ESI level</Title>
          <Table striped data-testid="waits-table">
            <Table.Thead>
              <Table.Tr><Table.Th>Level</Table.Th><Table.Th ta="right">Seen</Table.Th><Table.Th ta="right">Median</Table.Th><Table.Th ta="right">90th percentile</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.waits.map((w) => (
                <Table.Tr key={w.label}>
                  <Table.Td>{w.level ? <EsiBadge level={w.level} /> : <Text size="sm" fw={w.label === 'All' ? 700 : 400}>{w.label}</Text>}</Table.Td>
                  <Table.Td ta="right">{w.seen}</Table.Td>
                  <Table.Td ta="right">{formatWait(w.medianSeconds)}</Table.Td>
                  <Table.Td ta="right">{formatWait(w.p90Seconds)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">Flow over the day</Title>
          <AreaChart h={200} data={cumulative(model.hourly)} dataKey="hour" withLegend curveType="step"
            series={[{ name: 'arrived', label: 'Arrived so far', color: 'blue.7' }, { name: 'finished', label: 'Finished so far', color: 'teal.8' }]}
            xAxisProps={{ interval: 3 }} yAxisProps={{ allowDecimals: false, width: 32 }} withDots={false} />
          <Text size="xs" c="dimmed" mt="xs">The gap between the lines is the work still open from today&apos;s arrivals.</Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function cumulative(hourly: { hour: string; arrivals: number; finished: number }[]) {
  let arrived = 0;
  let finished = 0;
  return hourly.map((h) => ({ hour: h.hour, arrived: (arrived += h.arrivals), finished: (finished += h.finished) }));
}

function Metric({ label, value, detail, testId, alert }: { label: string; value: number | string; detail?: ReactNode; testId: string; alert?: boolean }) {
  return (
    <Card withBorder padding="sm" data-testid={testId} data-value={value}
      style={alert ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}>
      <Text size="sm" c="dimmed" fw={600}>{label}</Text>
      <Text fz={32} fw={700} lh={1.2} data-testid={`${testId}-value`} c={alert ? 'red.8' : undefined}
        style={alert ? { color: 'light-dark(var(--mantine-color-red-8), var(--mantine-color-red-4))' } : undefined}>{value}</Text>
      {detail}
    </Card>
  );
}

function LevelBadges({ figures, untriaged }: { figures: LevelFigure[]; untriaged?: number }) {
  const shown = figures.filter((f) => f.count > 0);
  return (
    <Group gap={4} mt={4}>
      {shown.map((f) => <Badge key={f.level} size="sm" variant="default" aria-label={`ESI ${f.level}: ${f.count}`}>ESI {f.level}: {f.count}</Badge>)}
      {untriaged ? <Badge size="sm" variant="default">Untriaged: {untriaged}</Badge> : null}
      {shown.length === 0 && !untriaged && <Text size="xs" c="dimmed">none</Text>}
    </Group>
  );
}
