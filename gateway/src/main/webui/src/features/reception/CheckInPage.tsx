import { Alert, Anchor, Button, Card, Grid, Group, Kbd, SegmentedControl, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { patientApi, queueApi, unwrap, type PatientSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import { formatName } from '../queue/patientNames';
import { TicketDialog, type Ticket } from './TicketDialog';

type PatientSummary = PatientSchemas['PatientSummary'];

/** Find the patient as you type (keyboard only: ↑ ↓ Enter), or take a walk-in, then check in with the complaint. */
export function CheckInPage() {
  const { id: departmentId, department } = useCurrentDepartment();
  const [mode, setMode] = useState<'registered' | 'walk-in'>('registered');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [highlight, setHighlight] = useState(0);
  const [selected, setSelected] = useState<PatientSummary>();
  const [arrivalName, setArrivalName] = useState('');
  const [complaint, setComplaint] = useState('');
  const [ticket, setTicket] = useState<Ticket>();
  // one key per check-in attempt: a retry after a lost answer does not check the patient in twice
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const search = useQuery({
    queryKey: ['patient-search', debounced],
    enabled: mode === 'registered' && debounced.length >= 2,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients', { params: { query: { q: debounced, limit: 8 } } })),
    placeholderData: (previous) => previous,
  });
  const results = search.data?.items ?? [];

  const checkIn = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/check-ins', {
      params: { path: { departmentId: departmentId ?? '' }, header: { 'Idempotency-Key': idempotencyKey } },
      body: mode === 'registered' ? { patientId: selected?.id ?? null, chiefComplaint: complaint.trim() }
        : { arrivalName: arrivalName.trim(), chiefComplaint: complaint.trim() },
    })),
    onSuccess: (entry) => {
      setTicket({ ticket: entry.ticket ?? '', departmentName: department?.name ?? '', arrivedAt: entry.arrivedAt ?? undefined });
      setSelected(undefined);
      setQuery('');
      setArrivalName('');
      setComplaint('');
      setIdempotencyKey(crypto.randomUUID());
    },
  });

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setHighlight((h) => Math.min(h + 1, results.length - 1)); }
    if (event.key === 'ArrowUp') { event.preventDefault(); setHighlight((h) => Math.max(h - 1, 0)); }
    if (event.key === 'Enter' && results[highlight]) { event.preventDefault(); setSelected(results[highlight]); }
  };

  const ready = complaint.trim().length > 0 && (mode === 'registered' ? !!selected : arrivalName.trim().length > 0);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Check-in</Title>
        <Group>
          <Anchor component={Link} to="/reception/register">Register a new patient</Anchor>
          {departmentId && <Anchor href={`/board/?department=${departmentId}`} target="_blank" rel="noopener">Waiting-room board ↗</Anchor>}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <SegmentedControl mb="md" value={mode} onChange={(v) => { setMode(v as typeof mode); setSelected(undefined); }}
              data={[{ value: 'registered', label: 'Registered patient' }, { value: 'walk-in', label: 'Walk-in (register later)' }]} />
            {mode === 'registered' ? (
              <Stack gap="xs">
                <TextInput label="Find patient" description={<>Name, birth date (YYYY-MM-DD), MRN or phone — typos are fine. <Kbd>↑</Kbd> <Kbd>↓</Kbd> <Kbd>Enter</Kbd></>}
                  value={query} onChange={(e) => { setQuery(e.currentTarget.value); setHighlight(0); }} onKeyDown={onSearchKey}
                  autoFocus aria-controls="patient-results" data-testid="patient-search" />
                {search.isError && <Alert color="red">{describeError(search.error)}</Alert>}
                <Stack gap={4} id="patient-results" role="listbox" aria-label="Matching patients">
                  {results.map((p, index) => (
                    <UnstyledButton key={p.id} role="option" aria-selected={selected?.id === p.id} onClick={() => setSelected(p)}
                      p="xs" bd={`1px solid ${index === highlight ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-default-border)'}`}
                      bg={selected?.id === p.id ? 'var(--mantine-color-blue-light)' : undefined} style={{ borderRadius: 6 }} data-testid="patient-result">
                      <Group justify="space-between">
                        <Text fw={600}>{formatName(p.name)}</Text>
                        <Text size="sm" c="dimmed">{p.birthDate} · {p.sex} · MRN {p.mrn}</Text>
                      </Group>
                    </UnstyledButton>
                  ))}
                  {debounced.length >= 2 && search.isSuccess && results.length === 0 && (
                    <Text size="sm" c="dimmed">No match. <Anchor component={Link} to="/reception/register">Register the patient</Anchor> or check in as a walk-in.</Text>
                  )}
                </Stack>
              </Stack>
            ) : (
              <TextInput label="Name as given at the desk" description="Linked to a record once the patient is registered"
                value={arrivalName} onChange={(e) => setArrivalName(e.currentTarget.value)} maxLength={200} autoFocus required />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <form onSubmit={(e) => { e.preventDefault(); if (ready) checkIn.mutate(); }}>
              <Stack>
                <Text fw={600}>{mode === 'registered' ? (selected ? formatName(selected.name) : 'Choose a patient') : (arrivalName || 'Walk-in')}</Text>
                <Textarea label="Chief complaint" value={complaint} onChange={(e) => setComplaint(e.currentTarget.value)}
                  maxLength={500} autosize minRows={2} required data-testid="chief-complaint" />
                {checkIn.isError && <Alert color="red" role="alert">{describeError(checkIn.error)}</Alert>}
                <Button type="submit" disabled={!ready || !departmentId} loading={checkIn.isPending}>Check in</Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
      </Grid>
      <TicketDialog ticket={ticket} onClose={() => setTicket(undefined)} />
    </Stack>
  );
}
