import { Alert, Autocomplete, Badge, Button, Code, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatDateTime } from '../../ui/badges';
import { BREAK_GLASS_ACTION, isBreakGlass } from './audit';

type Entry = PatientSchemas['AuditEntryView'];

const ACTIONS = [
  'patient.read', 'patient.search', 'patient.display', 'patient.create', 'patient.update', 'patient.history', 'patient.export',
  'patient.break-glass', 'patient.check-in', 'patient.duplicate-override', 'patient.entered-in-error', 'encounter.open',
  'encounter.read', 'encounter.close', 'note.create', 'note.read', 'note.sign', 'note.update', 'note.addendum', 'note.pdf',
  'observation.create', 'observation.read', 'document.create', 'document.read', 'document.download',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


interface Filters {
  patientId: string;
  actor: string;
  action: string;
  outcome: string;
}
const EMPTY: Filters = { patientId: '', actor: '', action: '', outcome: '' };

/** The patient-data audit log (patient-service): who did what to which record, newest first. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [review, setReview] = useState<'all' | 'break-glass'>('all');
  const [detail, setDetail] = useState<Entry>();
  const [invalid, setInvalid] = useState<Partial<Record<keyof Filters, string>>>({});

  // break-glass review asks the server for the grants; each grant leads to the accesses made under it
  const action = review === 'break-glass' ? BREAK_GLASS_ACTION : filters.action;
  const pages = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters, action],
    queryFn: ({ pageParam }) => unwrap(patientApi.GET('/api/v1/audit', {
      params: { query: {
        limit: 50, before: pageParam,
        patientId: filters.patientId || undefined, actor: filters.actor || undefined,
        action: action || undefined, outcome: filters.outcome || undefined,
      } },
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const entries = pages.data?.pages.flatMap((p) => p.items ?? []) ?? [];

  const apply = (next: Filters) => {
    const errors: typeof invalid = {};
    if (next.patientId && !UUID.test(next.patientId.trim())) errors.patientId = 'A patient id (UUID)';
    if (next.action && !/^[a-z-]+\.[a-z-]+$/.test(next.action.trim())) errors.action = 'Like patient.read';
    setInvalid(errors);
    if (Object.keys(errors).length === 0) {
      setFilters({ patientId: next.patientId.trim(), actor: next.actor.trim(), action: next.action.trim(), outcome: next.outcome });
    }
  };
  const underGrant = (grant: Entry) => {
    const next = { ...EMPTY, actor: grant.actor ?? '', patientId: grant.patientId ?? '' };
    setDraft(next);
    setReview('all');
    apply(next);
    setDetail(undefined);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Audit log</Title>
        <SegmentedControl value={review} onChange={(v) => setReview(v as typeof review)} data-testid="audit-mode"
          data={[{ value: 'all', label: 'All entries' }, { value: 'break-glass', label: 'Break-glass review' }]} />
      </Group>
      {review === 'break-glass' && (
        <Alert color="red" variant="light" title="Break-glass review">
          Emergency accesses to patients outside the person&apos;s departments. Check each reason; open a grant to see every
          access made under it.
        </Alert>
      )}
      <form onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} style={{ alignItems: 'end' }}>
          <TextInput label="Patient id" value={draft.patientId} onChange={(e) => setDraft({ ...draft, patientId: e.currentTarget.value })}
            error={invalid.patientId} data-testid="audit-patient" />
          <TextInput label="Actor (user name)" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
            data-testid="audit-actor" />
          <Autocomplete label="Action" data={ACTIONS} value={draft.action} onChange={(v) => setDraft({ ...draft, action: v })}
            error={invalid.action} disabled={review === 'break-glass'} placeholder={review === 'break-glass' ? BREAK_GLASS_ACTION : 'Any'} />
          <Select label="Outcome" value={draft.outcome || null} onChange={(v) => setDraft({ ...draft, outcome: v ?? '' })} clearable placeholder="Any"
            data={[{ value: 'success', label: 'Success' }, { value: 'denied', label: 'Denied' }, { value: 'failed', label: 'Failed' }]} />
          <Group>
            <Button type="submit">Filter</Button>
            <Button variant="default" onClick={() => { setDraft(EMPTY); apply(EMPTY); }}>Clear</Button>
          </Group>
        </SimpleGrid>
      </form>
      {pages.isError && <Alert color="red" role="alert">{describeError(pages.error)}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover data-testid="audit-table">
          <Table.Thead>
            <Table.Tr><Table.Th>Time</Table.Th><Table.Th>Actor</Table.Th><Table.Th>Action</Table.Th><Table.Th>Patient</Table.Th>
              <Table.Th>Outcome</Table.Th><Table.Th>Basis</Table.Th><Table.Th>Detail</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const flagged = isBreakGlass(entry);
              return (
                <Table.Tr key={entry.id} data-testid="audit-row" data-break-glass={flagged || undefined}
                  style={flagged ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-8)', background: 'var(--mantine-color-red-light)' } : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actor}<Text size="xs">{(entry.actorRoles ?? []).join(', ')}</Text></Table.Td>
                  <Table.Td><Code>{entry.action}</Code></Table.Td>
                  <Table.Td><Text size="xs" ff="monospace">{entry.patientId ?? '–'}</Text></Table.Td>
                  <Table.Td><Text size="sm" fw={entry.outcome === 'success' ? 400 : 700}>{entry.outcome}</Text></Table.Td>
                  <Table.Td>{flagged ? <Badge color="red.9" variant="filled">Break-glass</Badge> : <Text size="sm">{entry.accessBasis ?? '–'}</Text>}</Table.Td>
                  <Table.Td><Button size="xs" variant="default" onClick={() => setDetail(entry)} aria-label={`Details of ${entry.action ?? 'entry'} at ${formatDateTime(entry.at)}`}>Details</Button></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.isSuccess && entries.length === 0 && <Text>No entries match.</Text>}
      {pages.hasNextPage && (
        <Group><Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>Older entries</Button></Group>
      )}
      <Modal opened={detail !== undefined} onClose={() => setDetail(undefined)} title="Audit entry" centered size="lg">
        {detail && (
          <Stack>
            <Table data-testid="audit-detail">
              <Table.Tbody>
                {([
                  ['Time', formatDateTime(detail.at)], ['Actor', detail.actor], ['Roles', (detail.actorRoles ?? []).join(', ')],
                  ['Action', detail.action], ['Outcome', detail.outcome], ['Patient', detail.patientId],
                  ['Target', detail.targetType ? `${detail.targetType} ${detail.targetId ?? ''}` : undefined],
                  ['Access basis', detail.accessBasis], ['Basis reference', detail.accessBasisRef], ['Request id', detail.requestId],
                  ['Entry id', detail.id],
                ] as const).map(([label, value]) => (
                  <Table.Tr key={label}><Table.Th w={160}>{label}</Table.Th><Table.Td style={{ wordBreak: 'break-all' }}>{value || '–'}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {detail.action === BREAK_GLASS_ACTION && detail.actor && detail.patientId && (
              <Group justify="flex-end"><Button onClick={() => underGrant(detail)}>Accesses by {detail.actor} to this patient</Button></Group>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
