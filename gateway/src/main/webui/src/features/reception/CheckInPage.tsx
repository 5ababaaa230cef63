import { Alert, Anchor, Button, Card, Grid, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useCurrentDepartment } from '../../departments/departments';
import { formatName } from '../queue/patientNames';
import { PatientSearch, type PatientSummary } from './PatientSearch';
import { TicketDialog, type Ticket } from './TicketDialog';

/** Find the patient as you type (keyboard only: ↑ ↓ Enter), or take a walk-in, then check in with the complaint. */
export function CheckInPage() {
  const { id: departmentId, department } = useCurrentDepartment();
  const [mode, setMode] = useState<'registered' | 'walk-in'>('registered');
  const [selected, setSelected] = useState<PatientSummary>();
  const [arrivalName, setArrivalName] = useState('');
  const [complaint, setComplaint] = useState('');
  const [ticket, setTicket] = useState<Ticket>();
  const [round, setRound] = useState(0); // a new search box (empty) for the next patient
  // one key per check-in attempt: a retry after a lost answer does not check the patient in twice
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const checkIn = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/check-ins', {
      params: { path: { departmentId: departmentId ?? '' }, header: { 'Idempotency-Key': idempotencyKey } },
      body: mode === 'registered' ? { patientId: selected?.id ?? null, chiefComplaint: complaint.trim() }
        : { arrivalName: arrivalName.trim(), chiefComplaint: complaint.trim() },
    })),
    onSuccess: (entry) => {
      setTicket({ ticket: entry.ticket ?? '', departmentName: department?.name ?? '', arrivedAt: entry.arrivedAt ?? undefined });
      setSelected(undefined);
      setArrivalName('');
      setComplaint('');
      setIdempotencyKey(crypto.randomUUID());
      setRound((r) => r + 1);
      setTried(false);
    },
  });

  // shown after a submit attempt, cleared as the receptionist fixes them
  const [tried, setTried] = useState(false);
  const errors = {
    patient: mode === 'registered' && !selected ? 'Choose the patient from the list, or check in as a walk-in' : undefined,
    arrivalName: mode === 'walk-in' && !arrivalName.trim() ? 'Enter the name given at the desk' : undefined,
    complaint: !complaint.trim() ? 'Enter the chief complaint' : undefined,
  };
  const ready = !errors.patient && !errors.arrivalName && !errors.complaint;
  const submit = () => {
    setTried(true);
    if (ready && departmentId && !checkIn.isPending) checkIn.mutate();
  };

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
              <PatientSearch key={round} selected={selected} onSelect={setSelected} autoFocus
                noMatch={<><Anchor component={Link} to="/reception/register">Register the patient</Anchor> or check in as a walk-in.</>} />
            ) : (
              <TextInput label="Name as given at the desk" description="Linked to a record once the patient is registered"
                value={arrivalName} onChange={(e) => setArrivalName(e.currentTarget.value)} maxLength={200} autoFocus required error={tried && errors.arrivalName} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
              <Stack>
                <Text fw={600}>{mode === 'registered' ? (selected ? formatName(selected.name) : 'Choose a patient') : (arrivalName || 'Walk-in')}</Text>
                {tried && errors.patient && <Alert color="red" role="alert">{errors.patient}</Alert>}
                <Textarea label="Chief complaint" value={complaint} onChange={(e) => setComplaint(e.currentTarget.value)}
                  maxLength={500} autosize minRows={2} required data-testid="chief-complaint" error={tried && errors.complaint} />
                {checkIn.isError && <Alert color="red" role="alert">{describeError(checkIn.error)}</Alert>}
                <Button type="submit" disabled={!departmentId} loading={checkIn.isPending}>Check in</Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
      </Grid>
      <TicketDialog ticket={ticket} onClose={() => setTicket(undefined)} />
    </Stack>
  );
}
