import { Alert, Badge, Button, Grid, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { CONSCIOUSNESS_CODE, CONSCIOUSNESS_LEVELS, INTERPRETATIONS, VITAL_SIGNS, signOf } from './vitalSigns';
import { flagBadgeProps } from './VitalsChart';

type Vital = PatientSchemas['Vital'];
type Observation = PatientSchemas['ObservationView'];

/**
 * One set of vital signs measured together. patient-service checks each value against what is physiologically
 * possible (problem+json field errors) and flags it against the reference range for the patient's age; the flags
 * come back with the saved set and are shown at once.
 */
export function VitalsForm({ patientId, encounterId }: { patientId: string; encounterId?: string | null }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, number | undefined>>({});
  const [consciousness, setConsciousness] = useState<string | null>(null);
  const [saved, setSaved] = useState<Observation[]>([]);

  const vitals: Vital[] = [
    ...VITAL_SIGNS.filter((s) => values[s.code] !== undefined).map((s) => ({ code: s.code, value: values[s.code], unit: s.ucum })),
    ...(consciousness ? [{ code: CONSCIOUSNESS_CODE, valueCode: consciousness }] : []),
  ];
  const record = useMutation({
    mutationFn: (submitted: Vital[]) => unwrap(patientApi.POST('/api/v1/patients/{patientId}/observations', {
      params: { path: { patientId } }, body: { vitals: submitted, encounterId: encounterId ?? null },
    })),
    onSuccess: (page) => {
      setSaved(page.items ?? []);
      setValues({});
      setConsciousness(null);
      const abnormal = (page.items ?? []).filter((o) => INTERPRETATIONS[o.interpretation ?? '']?.abnormal).length;
      notifications.show({ color: abnormal ? 'orange' : 'green', message: abnormal ? `Vital signs recorded — ${abnormal} outside the normal range.` : 'Vital signs recorded.' });
      void queryClient.invalidateQueries({ queryKey: ['observations', patientId] });
    },
  });
  // field errors name the submitted list's index (vitals[2].value): map them back to the sign
  const errorsBySign = new Map<string, string>();
  if (record.error instanceof ApiError) {
    for (const [field, message] of Object.entries(record.error.fieldErrors())) {
      const index = /vitals\[(\d+)\]/.exec(field)?.[1];
      const code = index !== undefined ? record.variables?.[Number(index)]?.code : undefined;
      if (code) errorsBySign.set(code, message);
    }
  }
  const fieldError = (code: string) => errorsBySign.get(code);

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">Record vital signs</Title>
      <form onSubmit={(e) => { e.preventDefault(); record.mutate(vitals); }}>
        <Grid>
          {VITAL_SIGNS.map((s) => (
            <Grid.Col key={s.code} span={{ base: 6, sm: 4, lg: 3 }}>
              <NumberInput label={`${s.label} (${s.unit})`} min={s.min} max={s.max} decimalScale={s.decimals ?? 0}
                value={values[s.code] ?? ''} error={fieldError(s.code)}
                onChange={(v) => setValues((old) => ({ ...old, [s.code]: typeof v === 'number' ? v : undefined }))} />
            </Grid.Col>
          ))}
          <Grid.Col span={{ base: 6, sm: 4, lg: 3 }}>
            <Select label="Consciousness (ACVPU)" clearable data={CONSCIOUSNESS_LEVELS} value={consciousness} onChange={setConsciousness} />
          </Grid.Col>
        </Grid>
        {record.isError && <Alert color="red" mt="sm" role="alert">{describeError(record.error)}</Alert>}
        <Group mt="md">
          <Button type="submit" loading={record.isPending} disabled={vitals.length === 0}>Record {vitals.length || ''} value{vitals.length === 1 ? '' : 's'}</Button>
          <Text size="sm" c="dimmed">Each value is checked and flagged against the range for the patient's age.</Text>
        </Group>
      </form>
      {saved.length > 0 && (
        <Stack gap={4} mt="md" data-testid="recorded-vitals" aria-live="polite">
          <Text size="sm" fw={600}>Just recorded</Text>
          <Group gap="xs">
            {saved.map((o) => {
              const flag = INTERPRETATIONS[o.interpretation ?? ''];
              const sign = signOf(o.code);
              return (
                <Badge key={o.id} size="lg" {...flagBadgeProps(flag)} data-flag={o.interpretation}>
                  {sign?.label ?? o.display} {o.value ?? CONSCIOUSNESS_LEVELS.find((l) => l.value === o.valueCode)?.label ?? o.valueCode}
                  {flag ? ` · ${flag.label}` : ''}
                </Badge>
              );
            })}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
