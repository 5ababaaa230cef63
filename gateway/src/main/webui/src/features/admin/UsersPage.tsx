import { ActionIcon, Alert, Button, Checkbox, Group, Menu, Modal, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconDots, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { authApi, unwrap } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { ROLES } from '../../auth/claims';
import { useSignedIn } from '../../auth/SessionContext';
import { useDepartmentList } from '../../departments/departments';
import { notify } from './notify';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog';
import {
  createForm, etagOfUser, formErrors, generatePassword, matchesUser, ROLE_LABELS, toCreate, toUpdate, userForm,
  type User, type UserFormValues,
} from './users';

const USERS = ['admin', 'users'];

/** Staff accounts: find, create, change roles and departments, disable, reset second factor or password. */
export function UsersPage() {
  const queryClient = useQueryClient();
  const { userId } = useSignedIn();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new'>();
  const [confirmation, setConfirmation] = useState<Confirmation>();
  const departments = useDepartmentList().data ?? [];
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id.slice(0, 8);

  const pages = useInfiniteQuery({
    queryKey: USERS,
    queryFn: ({ pageParam }) => unwrap(authApi.GET('/api/v1/users', { params: { query: { limit: 200, after: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const all = useMemo(() => pages.data?.pages.flatMap((p) => p.items ?? []) ?? [], [pages.data]);
  const shown = all.filter((u) => matchesUser(u, search));
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS });

  const setActive = (user: User, active: boolean) => unwrap(authApi.PATCH('/api/v1/users/{id}', {
    params: { path: { id: user.id ?? '' }, header: { 'If-Match': etagOfUser(user) } }, body: { active },
  }));

  const ask = (user: User, kind: 'disable' | 'enable' | 'second-factor' | 'password') => {
    const who = `${user.displayName ?? ''} (${user.username ?? ''})`;
    const id = user.id ?? '';
    const confirmations: Record<typeof kind, Confirmation> = {
      disable: {
        title: `Disable ${user.username}`, danger: true, confirmLabel: 'Disable account',
        message: `${who} can no longer sign in and their sessions end. The account and its history are kept; you can enable it again.`,
        action: () => setActive(user, false), onDone: () => notify(`${user.username} is disabled.`),
      },
      enable: {
        title: `Enable ${user.username}`, confirmLabel: 'Enable account',
        message: `${who} can sign in again with their password.`,
        action: () => setActive(user, true), onDone: () => notify(`${user.username} is enabled.`),
      },
      'second-factor': {
        title: `Reset the second factor of ${user.username}`, danger: true, confirmLabel: 'Reset second factor',
        message: `${who} must set up their authenticator app again at the next sign-in. Do this only after checking who asks (e.g. a lost phone).`,
        action: () => unwrap(authApi.POST('/api/v1/users/{id}/second-factor-reset', { params: { path: { id } } })),
        onDone: () => notify(`Second factor of ${user.username} removed.`),
      },
      password: {
        title: `Send a password reset to ${user.username}`, danger: true, confirmLabel: 'End sessions and send link',
        message: `${who}'s sessions end now and a reset link is sent to ${user.email ?? 'their e-mail address'}.`,
        action: () => unwrap(authApi.POST('/api/v1/users/{id}/password-reset', { params: { path: { id } } })),
        onDone: () => notify(`A reset link is on its way to ${user.username}.`),
      },
    };
    const chosen = confirmations[kind];
    setConfirmation({ ...chosen, onDone: () => { chosen.onDone?.(); void refresh(); } });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Users</Title>
        <Button onClick={() => setEditing('new')}>New user</Button>
      </Group>
      <TextInput label="Search" placeholder="Name, user name, e-mail or role" leftSection={<IconSearch size={16} aria-hidden />}
        value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} data-testid="user-search" />
      {pages.isError && <Alert color="red" role="alert">{describeError(pages.error)}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User name</Table.Th><Table.Th>Name</Table.Th><Table.Th>E-mail</Table.Th><Table.Th>Roles</Table.Th>
              <Table.Th>Departments</Table.Th><Table.Th>2nd factor</Table.Th><Table.Th>Status</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
                <Table.Td><Text size="sm" ff="monospace">{user.username}</Text></Table.Td>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td><Text size="sm">{(user.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join(', ')}</Text></Table.Td>
                <Table.Td><Text size="sm">{(user.departments ?? []).map(departmentName).join(', ') || '–'}</Text></Table.Td>
                <Table.Td>{user.secondFactorEnabled ? 'Yes' : 'No'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {user.active === false
                    ? <Text size="sm" fw={700} data-testid="user-status">Disabled</Text>
                    : <Text size="sm" data-testid="user-status">Active</Text>}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="default" aria-label={`Actions for ${user.username}`}><IconDots size={16} aria-hidden /></ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing(user)}>Edit roles and departments</Menu.Item>
                      <Menu.Item onClick={() => ask(user, 'password')}>Send password reset</Menu.Item>
                      <Menu.Item onClick={() => ask(user, 'second-factor')} disabled={!user.secondFactorEnabled}>Reset second factor</Menu.Item>
                      <Menu.Divider />
                      {user.active === false
                        ? <Menu.Item onClick={() => ask(user, 'enable')}>Enable</Menu.Item>
                        : <Menu.Item color="red" onClick={() => ask(user, 'disable')} disabled={user.id === userId}>Disable</Menu.Item>}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.isSuccess && shown.length === 0 && <Text c="dimmed">No account matches.</Text>}
      {pages.hasNextPage && (
        <Group><Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>Load more accounts</Button>
          <Text size="sm" c="dimmed">The search looks at the {all.length} accounts loaded.</Text></Group>
      )}
      <UserDialog editing={editing} onClose={() => setEditing(undefined)} onSaved={() => void refresh()} />
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(undefined)} />
    </Stack>
  );
}

function UserDialog({ editing, onClose, onSaved }: { editing: User | 'new' | undefined; onClose: () => void; onSaved: () => void }) {
  return (
    <Modal opened={editing !== undefined} onClose={onClose} size="lg" centered
      title={editing === 'new' ? 'New user' : `Edit ${editing?.username ?? ''}`}>
      {/* a fresh form per account: the key resets it */}
      {editing && <UserForm key={editing === 'new' ? 'new' : editing.id ?? ''} editing={editing} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function UserForm({ editing, onClose, onSaved }: { editing: User | 'new'; onClose: () => void; onSaved: () => void }) {
  const isNew = editing === 'new';
  const departments = useDepartmentList().data ?? [];
  const [error, setError] = useState<string>();
  const form = useForm<UserFormValues>({
    mode: 'uncontrolled',
    initialValues: isNew
      ? { username: '', displayName: '', email: '', roles: [], departments: [], initialPassword: '' }
      : {
        username: editing.username ?? '', displayName: editing.displayName ?? '', email: editing.email ?? '',
        roles: (editing.roles ?? []).filter((r): r is UserFormValues['roles'][number] => (ROLES as readonly string[]).includes(r)),
        departments: editing.departments ?? [], initialPassword: '',
      },
    validate: schemaResolver(isNew ? createForm : userForm, { sync: true }),
  });

  const save = useMutation({
    mutationFn: (values: UserFormValues) => isNew
      ? unwrap(authApi.POST('/api/v1/users', { body: toCreate(values) }))
      : unwrap(authApi.PATCH('/api/v1/users/{id}', {
        params: { path: { id: editing.id ?? '' }, header: { 'If-Match': etagOfUser(editing) } }, body: toUpdate(editing, values),
      })),
    onSuccess: (user) => {
      notify(isNew ? `Account ${user.username ?? ''} created.` : `${user.username ?? ''} saved.`);
      onSaved();
      onClose();
    },
    onError: (e) => {
      const fields = formErrors(e);
      form.setErrors(fields);
      if (e instanceof ApiError && e.status === 412) {
        setError('Someone else changed this account since you opened it. The list is reloaded: close and edit it again.');
        onSaved();
      } else if (Object.keys(fields).length === 0) {
        setError(describeError(e));
      } else {
        setError(undefined);
      }
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="User name" required disabled={!isNew} description={isNew ? 'Letters, digits, . _ -; cannot change later' : undefined}
            key={form.key('username')} {...form.getInputProps('username')} data-autofocus={isNew || undefined} />
          <TextInput label="Display name" required key={form.key('displayName')} {...form.getInputProps('displayName')} />
          <TextInput label="E-mail" type="email" required description="Password reset links go here"
            key={form.key('email')} {...form.getInputProps('email')} />
          {isNew && (
            <PasswordInput label="Initial password" required description="At least 12 characters; hand it over in person"
              key={form.key('initialPassword')} {...form.getInputProps('initialPassword')}
              rightSectionWidth={90}
              rightSection={<Button size="compact-xs" variant="light" onClick={() => form.setFieldValue('initialPassword', generatePassword())}>Generate</Button>} />
          )}
        </SimpleGrid>
        <Checkbox.Group label="Roles" withAsterisk key={form.key('roles')} {...form.getInputProps('roles')}>
          <Group mt={6}>{ROLES.map((r) => <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />)}</Group>
        </Checkbox.Group>
        <Checkbox.Group label="Departments" description="Where the person works: their queues and patients" key={form.key('departments')} {...form.getInputProps('departments')}>
          <Group mt={6}>{departments.map((d) => <Checkbox key={d.id} value={d.id ?? ''} label={d.name ?? d.code} />)}</Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{isNew ? 'Create account' : 'Save'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
