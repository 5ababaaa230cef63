import { Alert, Badge, Group, MultiSelect, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLiveQueue } from '../../live/LiveQueue';
import type { QueueRow } from '../../live/queueModel';
import { EsiBadge, SlaBadge, StatusBadge, formatDuration, formatTime } from '../../ui/badges';
import { usePatientNames } from './patientNames';

const ROW_HEIGHT = 52;

export interface LiveQueueTableProps {
  departmentId: string | undefined;
  /** Extra cells at the end of each row (the screen's actions). */
  actions?: (row: QueueRow) => ReactNode;
  /** Pre-filter (e.g. the nurse's worklist: only untriaged and triaged). */
  include?: (row: QueueRow) => boolean;
  filters?: boolean;
}

/**
 * The live queue of a department: every change anywhere shows within a second (the app's one stream), ordered
 * as queue-service orders it, SLA timers ticking. Virtualised, so 500 entries scroll and update smoothly.
 */
/** The list's scroll box is focusable, so keyboard users scroll it (and sideways on a narrow screen) with the arrow keys. */
const SCROLLABLE_REGION = { tabIndex: 0, role: 'region', 'aria-label': 'Live queue, scrollable' } as const;

export function LiveQueueTable({ departmentId, actions, include, filters = true }: LiveQueueTableProps) {
  const { rows, queue, error } = useLiveQueue(departmentId);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [levels, setLevels] = useState<string[]>([]);
  const [sla, setSla] = useState<string[]>([]);
  const visible = useMemo(() => rows.filter((row) =>
    (!include || include(row)) &&
    (statuses.length === 0 || statuses.includes(row.entry.status ?? '')) &&
    (levels.length === 0 || levels.includes(String(row.entry.esiLevel ?? 'none'))) &&
    (sla.length === 0 || sla.includes(row.slaState ?? 'NONE'))), [rows, include, statuses, levels, sla]);
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => viewport.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  // names only for the rows on screen: a name is disclosed (and audited) when someone can actually see it
  const names = usePatientNames(items.map((item) => visible[item.index]!.entry)
    .filter((e) => e.id && e.patientId).map((e) => ({ id: e.id ?? '', patientId: e.patientId })));
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <Paper withBorder p="sm" data-testid="live-queue-panel" data-department={departmentId}>
      {filters && (
        <Group mb="sm" align="end">
          <MultiSelect label="Status" placeholder="All" clearable w={220} value={statuses} onChange={setStatuses}
            data={[{ value: 'ARRIVED', label: 'Waiting for triage' }, { value: 'TRIAGED', label: 'Triaged' },
              { value: 'CALLED', label: 'Called' }, { value: 'IN_CONSULTATION', label: 'In consultation' }]} />
          <MultiSelect label="ESI" placeholder="All" clearable w={180} value={levels} onChange={setLevels}
            data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: `ESI ${l}` })).concat({ value: 'none', label: 'Not triaged' })} />
          <MultiSelect label="SLA" placeholder="All" clearable w={200} value={sla} onChange={setSla}
            data={[{ value: 'BREACHED', label: 'Breached' }, { value: 'DUE_SOON', label: 'Due soon' }, { value: 'OK', label: 'Within SLA' }]} />
          <Badge variant="default" size="lg" ml="auto" data-testid="queue-count">{visible.length} shown</Badge>
        </Group>
      )}
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      {!queue && !error ? <Text c="dimmed" p="md">Loading the live queue…</Text> : (
        <ScrollArea.Autosize mah="calc(100vh - 260px)" viewportRef={viewport} type="auto"
          viewportProps={SCROLLABLE_REGION}>
          <Table striped highlightOnHover stickyHeader verticalSpacing="xs" aria-label="Live queue" data-testid="live-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th><Table.Th>Ticket</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Complaint</Table.Th>
                <Table.Th>ESI</Table.Th><Table.Th>Status</Table.Th><Table.Th>Waiting</Table.Th><Table.Th>SLA</Table.Th>
                {actions && <Table.Th><span className="visually-hidden">Actions</span></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
              {items.map((item) => {
                const row = visible[item.index]!;
                return <QueueTableRow key={row.entry.id} row={row} name={row.entry.id ? names.data?.get(row.entry.id)?.name : undefined} actions={actions} />;
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
              {visible.length === 0 && <Table.Tr><Table.Td colSpan={9}><Text c="dimmed" ta="center" p="md">No one in this view.</Text></Table.Td></Table.Tr>}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

/**
 * One row. Memoised: scrolling re-renders the table (the virtualiser's window moves), but a row whose entry, clock
 * tick and name did not change is not rendered again — the queue's rows are new objects only when the queue changes
 * or the one-second clock ticks.
 */
const QueueTableRow = memo(function QueueTableRow({ row, name, actions }: { row: QueueRow; name: string | undefined; actions: ((row: QueueRow) => ReactNode) | undefined }) {
  const e = row.entry;
  return (
    <Table.Tr data-testid="queue-row" data-ticket={e.ticket} style={{ height: ROW_HEIGHT }}>
      <Table.Td>{row.position ?? '–'}</Table.Td>
      <Table.Td fw={700}>{e.ticket}</Table.Td>
      <Table.Td>{name ?? e.arrivalName ?? (e.patientId ? 'Registered patient' : 'Walk-in')}
        {!e.patientId && <Badge size="xs" variant="default" ml={6}>walk-in</Badge>}</Table.Td>
      <Table.Td maw={240}><Text size="sm" truncate>{e.chiefComplaint}</Text></Table.Td>
      <Table.Td><EsiBadge level={e.esiLevel} /></Table.Td>
      <Table.Td><StatusBadge status={e.status} />{e.room && <Text size="xs" c="dimmed">{e.room}</Text>}</Table.Td>
      <Table.Td title={`Arrived ${formatTime(e.arrivedAt)}`}>{formatDuration(row.waitedSeconds)}</Table.Td>
      <Table.Td><SlaBadge state={row.slaState} /></Table.Td>
      {actions && <Table.Td>{actions(row)}</Table.Td>}
    </Table.Tr>
  );
});
