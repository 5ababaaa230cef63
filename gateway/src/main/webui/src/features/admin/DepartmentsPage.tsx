import { Alert, Button, Card, Grid, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { etagOf, queueApi, unwrap, type QueueSchemas } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { useDepartmentList, type Department } from '../../departments/departments';
import { EsiBadge } from '../../ui/badges';
import { notify } from './notify';

type SlaTargets = QueueSchemas['SlaTargetsInput'];
const LEVELS = [1, 2, 3, 4, 5] as const;
const slaKey = (level: number) => `esi${level}` as keyof SlaTargets;
const DEFAULT_SLA: SlaTargets = { esi1: 0, esi2: 10, esi3: 30, esi4: 60, esi5: 120 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DepartmentForm = UseFormReturnType<DepartmentValues, DepartmentValues, any>;

interface DepartmentValues {
  name: string;
  timeZone: string;
  autoCloseAt: string;
  sla: SlaTargets;
}

/** Departments: name, time zone, daily close, waiting-time targets per ESI level, rooms. */
export function DepartmentsPage() {
  const list = useDepartmentList();
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const departments = list.data ?? [];
  const current = selected ?? departments[0]?.id ?? undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Departments</Title>
        <Button onClick={() => setCreating(true)}>New department</Button>
      </Group>
      {list.isError && <Alert color="red" role="alert">{describeError(list.error)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="xs">
            <Stack gap={4} role="list" aria-label="Departments">
              {departments.map((d) => (
                <UnstyledButton key={d.id} role="listitem" p="xs" onClick={() => setSelected(d.id ?? undefined)} data-testid="department-item"
                  aria-current={d.id === current ? 'true' : undefined}
                  bg={d.id === current ? 'var(--mantine-primary-color-light)' : undefined} style={{ borderRadius: 6 }}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{d.name}</Text>
                    <Text size="sm">{d.code}{d.active === false ? ' · inactive' : ''}</Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {current && <DepartmentEditor key={current} id={current} />}
        </Grid.Col>
      </Grid>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New department" centered size="lg">
        {creating && <CreateDepartment onDone={(id) => { setCreating(false); setSelected(id); }} onCancel={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

function SlaInputs({ form }: { form: DepartmentForm }) {
  return (
    <div>
      <Text size="sm" fw={500}>Waiting-time targets (minutes from arrival to being seen)</Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} mt={4}>
        {LEVELS.map((level) => (
          <NumberInput key={form.key(`sla.${slaKey(level)}`)} {...form.getInputProps(`sla.${slaKey(level)}`)}
            label={<Group gap={4}><EsiBadge level={level} size="sm" /><span>target</span></Group>} aria-label={`ESI ${level} target (minutes)`}
            min={0} max={1440} allowDecimal={false} suffix=" min" data-testid={`sla-esi${level}`} />
        ))}
      </SimpleGrid>
    </div>
  );
}

const validateDepartment = {
  name: (v: string) => (v.trim() ? null : 'A name is required'),
  autoCloseAt: (v: string) => (!v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'HH:MM, e.g. 23:59'),
  sla: Object.fromEntries(LEVELS.map((l) => [slaKey(l), (v: number) => (Number.isInteger(v) && v >= 0 && v <= 1440 ? null : '0–1440')])),
};

function applyErrors(form: DepartmentForm, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = Object.entries(error.fieldErrors()).map(([k, v]) => [k.replace(/^slaTargets\./, 'sla.'), v] as const);
  form.setErrors(Object.fromEntries(fields));
  return fields.length > 0;
}

function DepartmentEditor({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  // read with its ETag: the update says which version it changes
  const department = useQuery({
    queryKey: ['admin', 'department', id],
    queryFn: async () => {
      const answer = await queueApi.GET('/api/v1/departments/{id}', { params: { path: { id } } });
      const view = await unwrap(Promise.resolve(answer));
      return { view, etag: etagOf(answer.response) ?? `"${view.version ?? 0}"` };
    },
  });
  const form = useForm<DepartmentValues>({
    mode: 'uncontrolled',
    initialValues: { name: '', timeZone: '', autoCloseAt: '', sla: DEFAULT_SLA },
    validate: validateDepartment,
  });
  const view = department.data?.view;
  // each version read (first load, after a save, after someone else's change) becomes the form's values
  useEffect(() => {
    if (!view) return;
    const values = toValues(view);
    form.setInitialValues(values);
    form.setValues(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view?.version, view?.id]);

  const save = useMutation({
    mutationFn: (v: DepartmentValues) => unwrap(queueApi.PATCH('/api/v1/departments/{id}', {
      params: { path: { id }, header: { 'If-Match': department.data?.etag ?? '' } },
      body: { name: v.name.trim(), timeZone: v.timeZone.trim() || null, autoCloseAt: v.autoCloseAt || null, slaTargets: v.sla },
    })),
    onSuccess: () => {
      setError(undefined);
      notify('Department saved.');
      void queryClient.invalidateQueries({ queryKey: ['admin', 'department', id] });
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 412) {
        setError('Someone else changed this department since you opened it. It has been reloaded with their changes: check them and make yours again.');
        void queryClient.invalidateQueries({ queryKey: ['admin', 'department', id] });
        return;
      }
      setError(applyErrors(form, e) ? undefined : describeError(e));
    },
  });

  if (department.isError) return <Alert color="red" role="alert">{describeError(department.error)}</Alert>;
  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="department-form">
          <Stack>
            <Title order={3} size="h4">{view?.name ?? '…'} <Text span c="dimmed" size="sm">({view?.code})</Text></Title>
            {error && <Alert color="orange" role="alert" data-testid="department-error">{error}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
              <TextInput label="Time zone" description="IANA, e.g. Europe/Berlin" key={form.key('timeZone')} {...form.getInputProps('timeZone')} />
              <TextInput label="Daily close" description="Open entries end at HH:MM" key={form.key('autoCloseAt')} {...form.getInputProps('autoCloseAt')} />
            </SimpleGrid>
            <SlaInputs form={form} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={save.isPending}>Undo changes</Button>
              <Button type="submit" loading={save.isPending} disabled={!department.data}>Save</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Rooms departmentId={id} />
    </Stack>
  );
}

function toValues(view: Department): DepartmentValues {
  return {
    name: view.name ?? '', timeZone: view.timeZone ?? '', autoCloseAt: (view.autoCloseAt ?? '').slice(0, 5),
    sla: { ...DEFAULT_SLA, ...(view.slaTargets ?? {}) },
  };
}

function Rooms({ departmentId }: { departmentId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const key = ['admin', 'rooms', departmentId];
  const rooms = useQuery({ queryKey: key, queryFn: () => unwrap(queueApi.GET('/api/v1/departments/{id}/rooms', { params: { path: { id: departmentId } } })) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () => unwrap(queueApi.POST('/api/v1/departments/{id}/rooms', { params: { path: { id: departmentId } }, body: { name: name.trim() } })),
    onSuccess: (room) => { notify(`Room ${room.name ?? ''} added.`); setName(''); void refresh(); },
  });
  const setActive = useMutation({
    mutationFn: ({ roomId, active }: { roomId: string; active: boolean }) => active
      ? unwrap(queueApi.POST('/api/v1/departments/{id}/rooms/{roomId}/enable', { params: { path: { id: departmentId, roomId } } }))
      : unwrap(queueApi.POST('/api/v1/departments/{id}/rooms/{roomId}/disable', { params: { path: { id: departmentId, roomId } } })),
    onSuccess: (room) => { notify(`Room ${room.name ?? ''} ${room.active ? 'enabled' : 'disabled'}.`); void refresh(); },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Rooms</Title>
      {(rooms.isError || setActive.isError) && <Alert color="red" role="alert">{describeError(rooms.error ?? setActive.error)}</Alert>}
      <Table data-testid="rooms-table">
        <Table.Thead><Table.Tr><Table.Th>Room</Table.Th><Table.Th>Status</Table.Th><Table.Th>Action</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(rooms.data ?? []).map((room) => (
            <Table.Tr key={room.id}>
              <Table.Td>{room.name}</Table.Td>
              <Table.Td><Text size="sm" fw={room.active === false ? 700 : 400}>{room.active === false ? 'Disabled — not offered to doctors' : 'In use'}</Text></Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" loading={setActive.isPending && setActive.variables?.roomId === room.id}
                  onClick={() => setActive.mutate({ roomId: room.id ?? '', active: room.active === false })}
                  aria-label={`${room.active === false ? 'Enable' : 'Disable'} room ${room.name ?? ''}`}>
                  {room.active === false ? 'Enable' : 'Disable'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) add.mutate(); }}>
        <Group align="flex-end" mt="sm">
          <TextInput label="New room" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100}
            error={add.isError ? describeError(add.error) : undefined} />
          <Button type="submit" variant="light" disabled={!name.trim()} loading={add.isPending}>Add room</Button>
        </Group>
      </form>
    </Card>
  );
}

function CreateDepartment({ onDone, onCancel }: { onDone: (id: string | undefined) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [error, setError] = useState<string>();
  const form = useForm<DepartmentValues>({
    mode: 'uncontrolled',
    initialValues: { name: '', timeZone: '', autoCloseAt: '', sla: DEFAULT_SLA },
    validate: validateDepartment,
  });
  const create = useMutation({
    mutationFn: (v: DepartmentValues) => unwrap(queueApi.POST('/api/v1/departments', {
      body: { code, name: v.name.trim(), timeZone: v.timeZone.trim() || null, autoCloseAt: v.autoCloseAt || null, slaTargets: v.sla },
    })),
    onSuccess: (d) => { notify(`Department ${d.name ?? ''} created.`); void queryClient.invalidateQueries({ queryKey: ['departments'] }); onDone(d.id ?? undefined); },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) { setCodeError(e.problem?.detail ?? 'This code is taken'); return; }
      const codeField = e instanceof ApiError ? e.fieldErrors().code : undefined;
      setCodeError(codeField);
      setError(applyErrors(form, e) || codeField ? undefined : describeError(e));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => {
      if (!/^[A-Z0-9]{2,6}$/.test(code)) { setCodeError('2–6 capital letters or digits'); return; }
      setCodeError(undefined);
      create.mutate(v);
    })} noValidate>
      <Stack>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Code" description="2–6 capitals or digits, e.g. PED; cannot change" required value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} error={codeError} data-autofocus />
          <TextInput label="Name" required key={form.key('name')} {...form.getInputProps('name')} />
          <TextInput label="Time zone" description="IANA; empty: the clinic's default" key={form.key('timeZone')} {...form.getInputProps('timeZone')} />
          <TextInput label="Daily close" description="HH:MM; empty: the default" key={form.key('autoCloseAt')} {...form.getInputProps('autoCloseAt')} />
        </SimpleGrid>
        <SlaInputs form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create department</Button>
        </Group>
      </Stack>
    </form>
  );
}
