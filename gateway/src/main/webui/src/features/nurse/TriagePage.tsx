import { Alert, Badge, Button, Card, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { queueApi, unwrap, type QueueSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import { EsiBadge } from '../../ui/badges';
import { usePatientNames } from '../queue/patientNames';
import { VitalsChart } from '../vitals/VitalsChart';

type Vitals = QueueSchemas['VitalsInput'];
type TriageRequest = QueueSchemas['TriageRequest'];

const VITAL_FIELDS: { key: keyof Vitals; label: string; unit: string; min: number; max: number; decimals?: number }[] = [
  { key: 'heartRate', label: 'Heart rate', unit: '/min', min: 0, max: 350 },
  { key: 'respiratoryRate', label: 'Respiratory rate', unit: '/min', min: 0, max: 150 },
  { key: 'spo2', label: 'SpO₂', unit: '%', min: 0, max: 100 },
  { key: 'systolicBp', label: 'Systolic BP', unit: 'mmHg', min: 0, max: 350 },
  { key: 'diastolicBp', label: 'Diastolic BP', unit: 'mmHg', min: 0, max: 300 },
  { key: 'temperatureCelsius', label: 'Temperature', unit: '°C', min: 20, max: 46, decimals: 1 },
  { key: 'pain', label: 'Pain', unit: '0–10', min: 0, max: 10 },
];

/**
 * Triage: the ESI engine's proposal and explanation update as the nurse types; danger-zone vitals are marked;
 * the nurse accepts the proposal or overrides it with a reason.
 */
export function TriagePage() {
  const { entryId = '' } = useParams();
  const { id: departmentId } = useCurrentDepartment();
  const navigate = useNavigate();
  const [vitals, setVitals] = useState<Vitals>({});
  const [flags, setFlags] = useState({ lifeSavingIntervention: false, highRisk: false, newConfusionLethargyOrDisorientation: false, severePainOrDistress: false });
  const [resources, setResources] = useState<number>(1);
  const [age, setAge] = useState<number | undefined>();
  const [ageUnit, setAgeUnit] = useState<AgeUnit>('years');
  const [override, setOverride] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const entry = useQuery({
    queryKey: ['queue-entry', departmentId, entryId],
    enabled: !!departmentId,
    queryFn: () => unwrap(queueApi.GET('/api/v1/queues/{departmentId}/entries/{entryId}', { params: { path: { departmentId: departmentId ?? '', entryId } } })),
  });
  const patientId = entry.data?.patientId ?? undefined;
  const names = usePatientNames(entry.data?.id && patientId ? [{ id: entry.data.id, patientId }] : []);
  const patient = entry.data?.id ? names.data.get(entry.data.id) : undefined;
  // the ESI danger-zone vitals depend on age: from the record when there is one, else asked at the desk
  const birthDate = patient?.birthDate;
  const request: TriageRequest = { ...flags, expectedResources: resources, chiefComplaint: entry.data?.chiefComplaint ?? null, vitals,
    ...(birthDate ? { birthDate } : age === undefined ? {} : { [AGE_FIELDS[ageUnit]]: age }) };
  const ageKnown = !!birthDate || age !== undefined;
  const [debounced] = useDebouncedValue(request, 250);
  const proposal = useQuery({
    queryKey: ['triage-evaluation', debounced],
    enabled: ageKnown && !names.isLoading,
    queryFn: () => unwrap(queueApi.POST('/api/v1/triage/evaluations', { body: debounced })),
    placeholderData: (previous) => previous,
  });
  const danger = new Set(proposal.data?.dangerZoneVitals ?? []);
  const finalLevel = override ? Number(override) : proposal.data?.engineLevel ?? null;

  const save = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/triage', {
      params: { path: { departmentId: departmentId ?? '', entryId } },
      body: { ...request, finalLevel, overrideReason: override ? reason.trim() : null },
    })),
    onSuccess: (view) => {
      notifications.show({ color: 'green', message: `Ticket ${view.entry?.ticket ?? ''} triaged ESI ${view.finalLevel ?? ''}.` });
      navigate('/nurse');
    },
  });
  const overriding = override !== null && Number(override) !== proposal.data?.engineLevel;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Triage {entry.data?.ticket ? `— ticket ${entry.data.ticket}` : ''}</Title>
        {entry.data && (
          <Text data-testid="triage-patient">
            <Text span fw={600}>{patient?.name ?? entry.data.arrivalName ?? (patientId ? 'Registered patient' : 'Walk-in')}</Text>
            {' · '}<Text span c="dimmed">{entry.data.chiefComplaint}</Text>
          </Text>
        )}
      </Group>
      {entry.isError && <Alert color="red">{describeError(entry.error)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">Vital signs</Title>
            <Grid>
              {VITAL_FIELDS.map((f) => (
                <Grid.Col key={f.key} span={{ base: 6, sm: 4 }}>
                  <NumberInput label={`${f.label} (${f.unit})`} min={f.min} max={f.max} decimalScale={f.decimals ?? 0}
                    value={(vitals[f.key] as number | null | undefined) ?? ''}
                    onChange={(v) => setVitals((old) => ({ ...old, [f.key]: typeof v === 'number' ? v : null }))}
                    error={danger.has(f.key) ? 'Danger zone' : undefined} data-danger={danger.has(f.key) || undefined} />
                </Grid.Col>
              ))}
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <Select label="Consciousness (AVPU)" clearable value={vitals.consciousness ?? null}
                  onChange={(v) => setVitals((old) => ({ ...old, consciousness: (v as Vitals['consciousness']) ?? null }))}
                  data={['ALERT', 'VOICE', 'PAIN', 'UNRESPONSIVE']} error={danger.has('consciousness') ? 'Danger zone' : undefined} />
              </Grid.Col>
              {birthDate ? (
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <Text size="sm" fw={500}>Age</Text>
                  <Text data-testid="age-from-record">{ageText(birthDate)} <Text span size="xs" c="dimmed">(from the record)</Text></Text>
                </Grid.Col>
              ) : (
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <Group gap={4} align="end" wrap="nowrap">
                    <NumberInput label="Age" required min={0} max={AGE_LIMITS[ageUnit]} value={age ?? ''} w="55%"
                      onChange={(v) => setAge(typeof v === 'number' ? v : undefined)} />
                    <Select aria-label="Age unit" value={ageUnit} allowDeselect={false} w="45%"
                      onChange={(v) => setAgeUnit((v as AgeUnit | null) ?? 'years')}
                      data={[{ value: 'years', label: 'years' }, { value: 'months', label: 'months' }, { value: 'days', label: 'days' }]} />
                  </Group>
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <NumberInput label="Expected resources" min={0} max={20} value={resources} onChange={(v) => setResources(typeof v === 'number' ? v : 0)} />
              </Grid.Col>
            </Grid>
            <Stack gap="xs" mt="md">
              <Checkbox label="Needs a life-saving intervention now" checked={flags.lifeSavingIntervention} onChange={(e) => setFlags({ ...flags, lifeSavingIntervention: e.currentTarget.checked })} />
              <Checkbox label="High-risk situation" checked={flags.highRisk} onChange={(e) => setFlags({ ...flags, highRisk: e.currentTarget.checked })} />
              <Checkbox label="New confusion, lethargy or disorientation" checked={flags.newConfusionLethargyOrDisorientation} onChange={(e) => setFlags({ ...flags, newConfusionLethargyOrDisorientation: e.currentTarget.checked })} />
              <Checkbox label="Severe pain or distress" checked={flags.severePainOrDistress} onChange={(e) => setFlags({ ...flags, severePainOrDistress: e.currentTarget.checked })} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder aria-live="polite" data-testid="esi-proposal">
              <Title order={3} size="h4" mb="xs">ESI engine</Title>
              <Group><EsiBadge level={proposal.data?.engineLevel} size="xl" />{proposal.data?.rule && <Badge variant="default">{proposal.data.rule}</Badge>}</Group>
              <Text size="sm" mt="xs">{!ageKnown ? 'Enter the age: the danger-zone vital signs depend on it.'
                : proposal.data?.explanation ?? 'Type the vital signs to see the proposal.'}</Text>
              {proposal.isError && <Alert color="red" mt="xs">{describeError(proposal.error)}</Alert>}
            </Card>
            <Card withBorder style={{ borderStyle: 'dashed' }}>
              <Title order={3} size="h4">AI suggestion</Title>
              <Text size="sm" c="dimmed">The AI triage assistant (ai-service) will show its suggested level and the presentations it matched here.</Text>
            </Card>
            <Card withBorder>
              <Select label="Final ESI level" description="Leave as proposed to accept the engine's level" clearable placeholder={proposal.data?.engineLevel ? `Accept ESI ${proposal.data.engineLevel}` : 'Proposal pending'}
                value={override} onChange={setOverride} data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: `ESI ${l}` }))} />
              {overriding && <Textarea mt="sm" label="Reason for overriding the engine" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />}
              {save.isError && <Alert color="red" mt="sm" role="alert">{describeError(save.error)}</Alert>}
              <Button mt="md" fullWidth onClick={() => save.mutate()} loading={save.isPending}
                disabled={!finalLevel || (overriding && !reason.trim())}>
                {overriding ? `Override to ESI ${finalLevel}` : `Accept ESI ${finalLevel ?? ''}`}
              </Button>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {patientId && <VitalsChart patientId={patientId} />}
    </Stack>
  );
}

type AgeUnit = 'years' | 'months' | 'days';
const AGE_FIELDS = { years: 'ageYears', months: 'ageMonths', days: 'ageDays' } as const;
const AGE_LIMITS: Record<AgeUnit, number> = { years: 150, months: 1800, days: 55000 };

/** "34 years", "7 months", "12 days" from a birth date, as a triage nurse says it. */
export function ageText(birthDate: string, today = new Date()): string {
  const born = new Date(`${birthDate}T00:00:00`);
  let months = (today.getFullYear() - born.getFullYear()) * 12 + today.getMonth() - born.getMonth();
  if (today.getDate() < born.getDate()) months -= 1;
  if (months >= 24) return `${Math.floor(months / 12)} years`;
  if (months >= 1) return `${months} months`;
  const days = Math.floor((today.getTime() - born.getTime()) / 86_400_000);
  return `${days} day${days === 1 ? '' : 's'}`;
}
