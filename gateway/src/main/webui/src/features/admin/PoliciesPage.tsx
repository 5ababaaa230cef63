import { Alert, Card, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi, unwrap, type AuthSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { ROLES } from '../../auth/claims';
import { formatDateTime } from '../../ui/badges';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog';
import { notify } from './notify';
import { ROLE_LABELS } from './users';

type Policy = AuthSchemas['RolePolicyView'];
type Role = (typeof ROLES)[number];

/** Per role: whether signing in needs a second factor (an authenticator code). */
export function PoliciesPage() {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation>();
  const policies = useQuery({ queryKey: ['admin', 'role-policies'], queryFn: () => unwrap(authApi.GET('/api/v1/role-policies')) });
  const byRole = new Map((policies.data ?? []).map((p) => [p.role ?? '', p]));
  const put = (role: Role, secondFactorRequired: boolean) =>
    unwrap(authApi.PUT('/api/v1/role-policies/{role}', { params: { path: { role } }, body: { secondFactorRequired } }));
  const set = useMutation({
    mutationFn: ({ role, required }: { role: Role; required: boolean }) => put(role, required),
    onSuccess: (policy) => {
      notify(`${ROLE_LABELS[policy.role ?? ''] ?? policy.role}: second factor ${policy.secondFactorRequired ? 'required' : 'optional'}.`);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'role-policies'] });
    },
  });

  const change = (role: Role, required: boolean) => {
    if (required) { set.mutate({ role, required }); return; }
    // weakening sign-in is asked for
    setConfirmation({
      title: `Make the second factor optional for ${ROLE_LABELS[role]}s`, confirmLabel: 'Make optional', danger: true,
      message: `${ROLE_LABELS[role]}s can then sign in with a password alone. A stolen password is enough to use their accounts.`,
      action: () => put(role, false),
      onDone: () => { notify(`${ROLE_LABELS[role]}: second factor optional.`); void queryClient.invalidateQueries({ queryKey: ['admin', 'role-policies'] }); },
    });
  };

  return (
    <Stack maw={900}>
      <Title order={2}>Role policies</Title>
      <Text size="sm">When a role requires a second factor, its members set up an authenticator app at their next sign-in and
        enter a code each time. A person with several roles follows the strictest.</Text>
      {(policies.isError || set.isError) && <Alert color="red" role="alert">{describeError(policies.error ?? set.error)}</Alert>}
      <Card withBorder>
        <Table data-testid="policies-table">
          <Table.Thead><Table.Tr><Table.Th>Role</Table.Th><Table.Th>Second factor required</Table.Th><Table.Th>Last changed</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {ROLES.map((role) => {
              const policy: Policy | undefined = byRole.get(role);
              return (
                <Table.Tr key={role} data-testid="policy-row" data-role={role}>
                  <Table.Td fw={600}>{ROLE_LABELS[role]}</Table.Td>
                  <Table.Td>
                    <Switch checked={policy?.secondFactorRequired === true} disabled={!policies.isSuccess || set.isPending}
                      onChange={(e) => change(role, e.currentTarget.checked)}
                      label={policy?.secondFactorRequired ? 'Required' : 'Optional'} aria-label={`Second factor required for ${ROLE_LABELS[role]}`} />
                  </Table.Td>
                  <Table.Td><Text size="sm">{policy?.updatedAt ? `${formatDateTime(policy.updatedAt)} by ${policy.updatedBy ?? '–'}` : '–'}</Text></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(undefined)} />
    </Stack>
  );
}
