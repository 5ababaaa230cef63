import { LineChart } from '@mantine/charts';
import { Alert, Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatTime } from '../../ui/badges';
import { INTERPRETATIONS, VITAL_SIGNS, latestBySign, signOf } from './vitalSigns';

type Observation = PatientSchemas['ObservationView'];

const CHARTS: { title: string; codes: string[]; colors: string[] }[] = [
  { title: 'Heart rate (/min)', codes: ['8867-4'], colors: ['red.7'] },
  { title: 'SpO₂ (%)', codes: ['2708-6'], colors: ['blue.7'] },
  { title: 'Respiratory rate (/min)', codes: ['9279-1'], colors: ['teal.7'] },
  { title: 'Blood pressure (mmHg)', codes: ['8480-6', '8462-4'], colors: ['violet.7', 'grape.5'] },
  { title: 'Temperature (°C)', codes: ['8310-5'], colors: ['orange.7'] },
];

export function useObservations(patientId: string | undefined) {
  return useQuery({
    queryKey: ['observations', patientId],
    enabled: !!patientId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients/{patientId}/observations', {
      params: { path: { patientId: patientId ?? '' }, query: { limit: 200 } },
    })),
  });
}

/**
 * The patient's recent vital signs: the latest value of each with its flag, and a small chart per sign over time
 * (a chart per sign, because heart rate and temperature share no scale).
 */
export function VitalsChart({ patientId }: { patientId: string | undefined }) {
  const observations = useObservations(patientId);
  const items: Observation[] = observations.data?.items ?? [];
  const latest = latestBySign(items);
  const charts = CHARTS.map((chart) => ({ ...chart, data: seriesOf(items, chart.codes) })).filter((c) => c.data.length > 0);

  return (
    <Paper withBorder p="md" data-testid="vitals-chart">
      <Title order={3} size="h4" mb="xs">Recent vital signs</Title>
      {!patientId && <Text size="sm" c="dimmed">A walk-in has no record yet: vitals are kept once the patient is registered and linked.</Text>}
      {observations.isError && <Alert color="red">{describeError(observations.error)}</Alert>}
      {patientId && observations.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">No vital signs recorded yet.</Text>}
      {latest.size > 0 && (
        <Group gap="xs" mb="sm" data-testid="latest-vitals">
          {VITAL_SIGNS.filter((s) => latest.has(s.code)).map((s) => {
            const o = latest.get(s.code)!;
            const flag = INTERPRETATIONS[o.interpretation ?? ''];
            return (
              <Badge key={s.code} size="lg" {...flagBadgeProps(flag)}
                title={`${s.label} at ${formatTime(o.effectiveAt)}${flag ? ` — ${flag.label}` : ''}`}>
                {s.label} {o.value ?? o.valueCode}{s.unit === '0–10' ? '/10' : ` ${s.unit}`}{flag?.abnormal ? ` · ${flag.label}` : ''}
              </Badge>
            );
          })}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {charts.map((chart) => (
          <figure key={chart.title} style={{ margin: 0 }}>
            <Text component="figcaption" size="sm" fw={600}>{chart.title}</Text>
            <LineChart h={140} data={chart.data} dataKey="time" withDots connectNulls curveType="linear" withLegend={false}
              series={chart.codes.map((code, i) => ({ name: code, label: signOf(code)?.label ?? code, color: chart.colors[i] ?? 'gray.6' }))}
              yAxisProps={{ domain: ['auto', 'auto'], width: 40 }} />
          </figure>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** A normal value reads as plain text in a frame; an abnormal one stands out in the flag's colour. */
export function flagBadgeProps(flag: (typeof INTERPRETATIONS)[string] | undefined) {
  return flag?.abnormal
    ? { variant: 'filled' as const, color: flag.color, c: flag.text }
    : { variant: 'default' as const };
}

/** Points over time, oldest first, one row per measurement time with a column per LOINC code. */
function seriesOf(items: Observation[], codes: string[]): Record<string, string | number>[] {
  const byTime = new Map<string, Record<string, string | number>>();
  for (const o of items) {
    const code = signOf(o.code)?.code;
    if (!code || !codes.includes(code) || o.value == null || !o.effectiveAt) continue;
    const row = byTime.get(o.effectiveAt) ?? { time: formatTime(o.effectiveAt), at: o.effectiveAt };
    row[code] = o.value;
    byTime.set(o.effectiveAt, row);
  }
  return [...byTime.values()].sort((a, b) => String(a.at).localeCompare(String(b.at)));
}
