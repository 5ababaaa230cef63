import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { notify } from './notify';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useNow } from '../../live/LiveQueue';
import { EsiBadge, StatusBadge, formatDuration } from '../../ui/badges';
import { formatName } from '../queue/patientNames';
import { VitalsChart } from '../vitals/VitalsChart';
import { PatientSummaryPanel } from './PatientSummaryPanel';
import { ageOf, entryKey, useEncounterOf, usePatient, usePatientNotes, useQueueEntry, type QueueEntryView } from './doctorApi';
import { FinishButton, NoShowButton, TransferButton } from './EntryActions';
import { NoteEditor } from './NoteEditor';
import { DocumentsPanel, HistoryTimeline } from './PatientRecord';

const ENCOUNTER_STATES = new Set(['IN_CONSULTATION', 'FINISHED', 'TRANSFERRED']);

/** One patient with the doctor: who they are, the note of this encounter, their history, vitals and documents. */
export function ConsultationPage() {
  const { departmentId = '', entryId = '' } = useParams();
  const entry = useQueueEntry(departmentId, entryId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const e = entry.data;
  const patientId = e?.patientId ?? undefined;
  const encounter = useEncounterOf(entryId, !!patientId && ENCOUNTER_STATES.has(e?.status ?? ''));
  const back = () => navigate('/doctor');

  const start = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/consultation', { params: { path: { departmentId, entryId } } })),
    onSuccess: (view) => queryClient.setQueryData(entryKey(departmentId, entryId), view),
    onError: (error) => notify({ color: 'red', title: 'Consultation not started', message: describeError(error) }),
  });

  if (entry.isError) return <Alert color="red">{describeError(entry.error)}</Alert>;
  if (!e) return <Group><Loader size="sm" /><Text>Loading…</Text></Group>;
  const active = e.status === 'CALLED' || e.status === 'IN_CONSULTATION';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Consultation — ticket {e.ticket}</Title>
        <Anchor component={Link} to="/doctor">Back to my room</Anchor>
      </Group>
      <PatientHeader entry={e} />
      <Group data-testid="entry-actions">
        {e.status === 'CALLED' && <Button onClick={() => start.mutate()} loading={start.isPending}>Start consultation</Button>}
        {e.status === 'IN_CONSULTATION' && <FinishButton departmentId={departmentId} entryId={entryId} ticket={e.ticket ?? ''} onDone={back} />}
        {active && <TransferButton departmentId={departmentId} entryId={entryId} ticket={e.ticket ?? ''} onDone={back} />}
        {e.status === 'CALLED' && <NoShowButton departmentId={departmentId} entryId={entryId} ticket={e.ticket ?? ''} onDone={back} />}
        {!active && <Text size="sm" c="dimmed">This visit is no longer in the queue ({e.status?.toLowerCase().replace(/_/g, ' ')}).</Text>}
      </Group>
      {!patientId ? (
        <Alert color="yellow" title="Walk-in, not registered yet">
          Notes, history, vital signs and documents are kept in the patient's record. Ask reception to register this
          patient and link the ticket.
        </Alert>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {!ENCOUNTER_STATES.has(e.status ?? '') ? (
              <Card withBorder><Text size="sm" c="dimmed">The note opens once the consultation has started.</Text></Card>
            ) : encounter.data?.id ? (
              <EncounterNotes patientId={patientId} encounterId={encounter.data.id} />
            ) : encounter.isError ? (
              <Alert color="red">{describeError(encounter.error)}</Alert>
            ) : (
              <Card withBorder><Group><Loader size="sm" /><Text size="sm">Opening the encounter…</Text></Group></Card>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Tabs defaultValue="summary" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="summary">Summary</Tabs.Tab>
                <Tabs.Tab value="history">History</Tabs.Tab>
                <Tabs.Tab value="documents">Documents</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="summary" pt="xs"><PatientSummaryPanel patientId={patientId} /></Tabs.Panel>
              <Tabs.Panel value="history" pt="xs"><HistoryTimeline patientId={patientId} /></Tabs.Panel>
              <Tabs.Panel value="documents" pt="xs"><DocumentsPanel patientId={patientId} /></Tabs.Panel>
            </Tabs>
          </Grid.Col>
          <Grid.Col span={12}><VitalsChart patientId={patientId} /></Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function PatientHeader({ entry }: { entry: QueueEntryView }) {
  const patient = usePatient(entry.patientId ?? undefined);
  const now = useNow();
  const p = patient.data;
  const until = entry.calledAt ? Date.parse(entry.calledAt) : now;
  const waited = entry.arrivedAt ? (until - Date.parse(entry.arrivedAt)) / 1000 : 0;
  const name = entry.patientId ? (formatName(p?.name) ?? (patient.isLoading ? '…' : 'Registered patient')) : (entry.arrivalName ?? 'Walk-in');
  return (
    <Card withBorder data-testid="patient-header">
      <Group gap="md" wrap="wrap">
        <Text fw={700} size="lg" data-testid="patient-name">{name}</Text>
        {!entry.patientId && <Badge variant="default">walk-in</Badge>}
        {p?.birthDate && <Text>{ageOf(p.birthDate)}</Text>}
        {p?.sex && <Text>{p.sex}</Text>}
        {p?.mrn && <Text>MRN {p.mrn}</Text>}
        <EsiBadge level={entry.esiLevel} />
        <StatusBadge status={entry.status} />
        {entry.room && <Badge variant="default">{entry.room}</Badge>}
        <Text size="sm">waited {formatDuration(waited)}</Text>
      </Group>
      <Text mt={4}><Text span fw={600}>Chief complaint:</Text> {entry.chiefComplaint ?? '—'}</Text>
      {(p?.allergies ?? []).length > 0 && (
        <Text size="sm" c="red.8" fw={600} mt={4}>Allergies: {(p?.allergies ?? []).map((a) => a.substance + (a.severity ? ` (${a.severity})` : "")).join(', ')}</Text>
      )}
      {patient.isError && <Alert color="red" mt="xs">{describeError(patient.error)}</Alert>}
    </Card>
  );
}

/** The notes of this encounter: the draft being written (or a new one), signed ones read-only. */
function EncounterNotes({ patientId, encounterId }: { patientId: string; encounterId: string }) {
  const notes = usePatientNotes(patientId);
  const [writingNew, setWritingNew] = useState(false);
  if (notes.isError) return <Alert color="red">{describeError(notes.error)}</Alert>;
  if (!notes.data) return <Group><Loader size="sm" /><Text size="sm">Loading notes…</Text></Group>;
  const mine = (notes.data.items ?? []).filter((n) => n.encounterId === encounterId);
  const draft = mine.find((n) => n.status === 'draft');
  const signed = mine.filter((n) => n.status === 'signed');
  return (
    <Stack>
      {/* one editor instance from the first word to the signature: a remount mid-typing would race its own saves */}
      {draft || writingNew || signed.length === 0
        ? <NoteEditor key={`current-${encounterId}`} noteId={draft?.id ?? undefined} encounterId={encounterId} onCreated={() => void notes.refetch()} />
        : <Button variant="light" onClick={() => setWritingNew(true)}>Write another note</Button>}
      {signed.map((n) => <NoteEditor key={n.id} noteId={n.id ?? undefined} />)}
    </Stack>
  );
}
