import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { authApi, unwrap, type AuthSchemas } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { formatDateTime } from '../../ui/badges';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog';
import { notify } from './notify';

type Client = AuthSchemas['ClientView'];

const SCOPES = [
  { value: 'queue.read', label: 'queue.read — read queues' },
  { value: 'queue.write', label: 'queue.write — check in, move entries' },
  { value: 'patient.read', label: 'patient.read — read patient records' },
  { value: 'patient.write', label: 'patient.write — register and update patients' },
] as const;

const clientForm = z.object({
  name: z.string().trim().min(1, 'A name is required').max(128),
  scopes: z.array(z.string()).min(1, 'Choose at least one scope'),
});

/** Machine clients (kiosks, integrations) with the client-credentials grant. */
export function ClientsPage() {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Client>();
  const [confirmation, setConfirmation] = useState<Confirmation>();
  const clients = useQuery({ queryKey: ['admin', 'clients'], queryFn: () => unwrap(authApi.GET('/api/v1/clients')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'clients'] });

  const toggle = (client: Client) => {
    const id = client.id ?? '';
    setConfirmation(client.active === false ? {
      title: `Enable ${client.name ?? ''}`, confirmLabel: 'Enable client',
      message: 'The client can get tokens again with its existing secret.',
      action: () => unwrap(authApi.POST('/api/v1/clients/{id}/enable', { params: { path: { id } } })),
      onDone: () => { notify(`${client.name ?? ''} is enabled.`); void refresh(); },
    } : {
      title: `Disable ${client.name ?? ''}`, confirmLabel: 'Disable client', danger: true,
      message: 'The client gets no new tokens; what it holds expires within minutes. Devices using it stop working.',
      action: () => unwrap(authApi.POST('/api/v1/clients/{id}/disable', { params: { path: { id } } })),
      onDone: () => { notify(`${client.name ?? ''} is disabled.`); void refresh(); },
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>API clients</Title>
        <Button onClick={() => setCreating(true)}>New client</Button>
      </Group>
      {clients.isError && <Alert color="red" role="alert">{describeError(clients.error)}</Alert>}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="clients-table">
          <Table.Thead>
            <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Client id</Table.Th><Table.Th>Scopes</Table.Th><Table.Th>Created</Table.Th><Table.Th>Status</Table.Th><Table.Th>Action</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(clients.data ?? []).map((client) => (
              <Table.Tr key={client.id} data-testid="client-row" data-client-id={client.clientId}>
                <Table.Td>{client.name}</Table.Td>
                <Table.Td><Code>{client.clientId}</Code></Table.Td>
                <Table.Td><Text size="sm">{(client.scopes ?? []).join(', ')}</Text></Table.Td>
                <Table.Td>{formatDateTime(client.createdAt)}</Table.Td>
                <Table.Td><Text size="sm" fw={client.active === false ? 700 : 400} data-testid="client-status">{client.active === false ? 'Disabled' : 'Active'}</Text></Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => toggle(client)} aria-label={`${client.active === false ? 'Enable' : 'Disable'} ${client.name ?? ''}`}>
                    {client.active === false ? 'Enable' : 'Disable'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {clients.isSuccess && clients.data.length === 0 && <Text c="dimmed">No API clients yet.</Text>}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New API client" centered>
        {creating && <ClientForm onCreated={(c) => { setCreating(false); setCreated(c); void refresh(); }} onCancel={() => setCreating(false)} />}
      </Modal>
      <SecretDialog client={created} onClose={() => setCreated(undefined)} />
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(undefined)} />
    </Stack>
  );
}

function ClientForm({ onCreated, onCancel }: { onCreated: (client: Client) => void; onCancel: () => void }) {
  const [error, setError] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', scopes: [] as string[] },
    validate: schemaResolver(clientForm, { sync: true }),
  });
  const create = useMutation({
    mutationFn: (v: { name: string; scopes: string[] }) => unwrap(authApi.POST('/api/v1/clients', { body: { name: v.name.trim(), scopes: v.scopes } })),
    onSuccess: onCreated,
    onError: (e) => {
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/\[\d*\]$/, ''), v])));
      setError(Object.keys(fields).length ? undefined : describeError(e));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <TextInput label="Name" description="Which device or system uses it, e.g. Waiting-room kiosk 2" required data-autofocus
          key={form.key('name')} {...form.getInputProps('name')} />
        <Checkbox.Group label="Scopes" description="Only what the client needs" withAsterisk key={form.key('scopes')} {...form.getInputProps('scopes')}>
          <Stack gap={6} mt={6}>{SCOPES.map((s) => <Checkbox key={s.value} value={s.value} label={s.label} />)}</Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create client</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secret exists in this answer only: shown once, with a copy button; closing the dialog forgets it. */
function SecretDialog({ client, onClose }: { client: Client | undefined; onClose: () => void }) {
  return (
    <Modal opened={client !== undefined} onClose={onClose} title="Client created — copy the secret now" centered size="lg"
      closeOnClickOutside={false}>
      {client && (
        <Stack>
          <Alert color="red.9" variant="outline" title="Shown once" data-testid="secret-warning">
            <Text size="sm">This is the only time the secret is shown. Store it in the device&apos;s configuration or a secret
              store now; Medi OS keeps only a hash. If it is lost, create a new client and disable this one.</Text>
          </Alert>
          <Text size="sm">Client id</Text>
          <Code block data-testid="created-client-id">{client.clientId}</Code>
          <Text size="sm">Client secret</Text>
          <Code block data-testid="client-secret">{client.clientSecret}</Code>
          <Group justify="flex-end">
            <CopyButton value={client.clientSecret ?? ''}>
              {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>}
            </CopyButton>
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
