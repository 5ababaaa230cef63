import { Alert, Badge, Button, Card, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notify } from './notify';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { queueApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { useSignedIn } from '../../auth/SessionContext';
import { departmentChoice, useCurrentDepartment } from '../../departments/departments';
import { useLiveQueue } from '../../live/LiveQueue';
import { WAITING, type QueueRow } from '../../live/queueModel';
import { EsiBadge, StatusBadge, formatDuration } from '../../ui/badges';
import { LiveQueueTable } from '../queue/LiveQueueTable';
import { usePatientNames } from '../queue/patientNames';
import { entryKey, summaryQuery, useRooms } from './doctorApi';
import { roomChoice, useRoomChoice } from './roomChoice';
import { NoShowButton } from './EntryActions';

/**
 * The doctor's room: which department and room they work in (kept on this device), who is with them, and the
 * department's live queue to call the next patient — or a chosen one — to the room.
 */
export function MyRoomPage() {
  const { id: departmentId, department, departments } = useCurrentDepartment();
  const { userId } = useSignedIn();
  const rooms = useRooms(departmentId);
  const chosenRoom = useRoomChoice(departmentId);
  const activeRooms = (rooms.data ?? []).filter((r) => r.active !== false && r.name);
  const room = activeRooms.some((r) => r.name === chosenRoom) ? chosenRoom : null;
  const { rows } = useLiveQueue(departmentId);
  const withMe = rows.filter((r) => r.entry.calledBy === userId && (r.entry.status === 'CALLED' || r.entry.status === 'IN_CONSULTATION'));
  const waiting = rows.filter((r) => r.entry.status && WAITING.has(r.entry.status)).length;
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const call = useMutation({
    mutationFn: (entryId: string | undefined) => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/call-next', {
      params: { path: { departmentId: departmentId ?? '' } },
      body: { room: room ?? '', entryId: entryId ?? null },
    })),
    onSuccess: (entry) => {
      queryClient.setQueryData(entryKey(departmentId, entry.id ?? undefined), entry);
      // the summary is computed now, while the patient walks to the room
      if (entry.patientId) void queryClient.prefetchQuery(summaryQuery(entry.patientId));
      notify({ color: 'green', message: `Ticket ${entry.ticket ?? ''} called to ${entry.room ?? 'your room'}.` });
    },
    onError: (error) => notify({ color: 'red', title: 'Not called', message: describeError(error) }),
  });

  return (
    <Stack>
      <Title order={2}>My room</Title>
      <Card withBorder>
        <Group align="end" wrap="wrap">
          <Select label="Department" w={220} allowDeselect={false} value={departmentId ?? null}
            data={departments.map((d) => ({ value: d.id ?? '', label: d.name ?? d.code ?? '' }))}
            onChange={(value) => value && departmentChoice.set(value)} data-testid="room-department" />
          <Select label="Room" w={220} placeholder={rooms.isLoading ? 'Loading rooms…' : 'Choose your room'} value={room}
            data={activeRooms.map((r) => r.name ?? '')} allowDeselect={false} data-testid="room-select"
            onChange={(value) => value && departmentId && roomChoice.set(departmentId, value)}
            error={rooms.isSuccess && activeRooms.length === 0 ? 'This department has no room yet: ask an administrator.' : undefined} />
          <Button size="md" disabled={!room || waiting === 0} loading={call.isPending && call.variables === undefined}
            onClick={() => call.mutate(undefined)} data-testid="call-next">
            Call next{waiting > 0 ? ` (${waiting} waiting)` : ''}
          </Button>
        </Group>
        {rooms.isError && <Alert color="red" mt="sm">{describeError(rooms.error)}</Alert>}
        {!room && activeRooms.length > 0 && <Text size="sm" c="dimmed" mt="xs">Choose the room you work in to call patients.</Text>}
      </Card>

      <WithMe rows={withMe} departmentId={departmentId} onOpen={(id) => navigate(`/doctor/consultation/${departmentId ?? ''}/${id}`)} />

      <Title order={3} size="h4">Waiting list{department?.name ? ` — ${department.name}` : ''}</Title>
      <LiveQueueTable departmentId={departmentId} actions={(row) => row.position !== undefined && (
        // never disabled: a list of only disabled buttons would be a scroll region no keyboard can reach
        <Button size="xs" loading={call.isPending && call.variables === row.entry.id}
          onClick={() => room ? call.mutate(row.entry.id ?? undefined) : notify({ color: 'orange', message: 'Choose your room first.' })} aria-label={`Call ticket ${row.entry.ticket} to my room`}>
          Call
        </Button>
      )} />
    </Stack>
  );
}

/** The patients this doctor called (waiting at the door) or is seeing now. */
function WithMe({ rows, departmentId, onOpen }: { rows: QueueRow[]; departmentId: string | undefined; onOpen: (entryId: string) => void }) {
  const names = usePatientNames(rows.filter((r) => r.entry.id && r.entry.patientId).map((r) => ({ id: r.entry.id ?? '', patientId: r.entry.patientId })));
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (entryId: string) => unwrap(queueApi.POST('/api/v1/queues/{departmentId}/entries/{entryId}/consultation', {
      params: { path: { departmentId: departmentId ?? '', entryId } },
    })),
    onSuccess: (entry) => {
      queryClient.setQueryData(entryKey(departmentId, entry.id ?? undefined), entry);
      onOpen(entry.id ?? '');
    },
    onError: (error) => notify({ color: 'red', title: 'Consultation not started', message: describeError(error) }),
  });
  return (
    <Card withBorder data-testid="with-me">
      <Title order={3} size="h4" mb="xs">With me</Title>
      {rows.length === 0 && <Text size="sm" c="dimmed">Nobody yet. Call the next patient, or a patient from the list.</Text>}
      <Stack gap="xs">
        {rows.map((row) => {
          const e = row.entry;
          const name = (e.id ? names.data.get(e.id)?.name : undefined) ?? e.arrivalName ?? (e.patientId ? 'Registered patient' : 'Walk-in');
          return (
            <Paper key={e.id} withBorder p="xs" data-testid="with-me-entry" data-ticket={e.ticket}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="sm">
                <Text fw={700}>{e.ticket}</Text>
                <Text fw={600}>{name}</Text>
                <EsiBadge level={e.esiLevel} />
                <StatusBadge status={e.status} />
                {e.room && <Badge variant="default">{e.room}</Badge>}
                <Text size="sm" c="dimmed">{e.chiefComplaint} · waited {formatDuration(row.waitedSeconds)}</Text>
              </Group>
              <Group gap="xs">
                {e.status === 'CALLED' ? (
                  <>
                    <Button size="sm" onClick={() => start.mutate(e.id ?? '')} loading={start.isPending && start.variables === e.id}>
                      Start consultation
                    </Button>
                    <NoShowButton departmentId={departmentId} entryId={e.id ?? ''} ticket={e.ticket ?? ''} />
                  </>
                ) : (
                  <Button size="sm" component={Link} to={`/doctor/consultation/${departmentId ?? ''}/${e.id ?? ''}`}>Open consultation</Button>
                )}
              </Group>
            </Group>
            </Paper>
          );
        })}
      </Stack>
    </Card>
  );
}
