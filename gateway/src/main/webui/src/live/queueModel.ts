import type { QueueSchemas } from '../api/client';

/** One entry as the snapshot and the events carry it. */
export type QueueEntry = QueueSchemas['QueueEntrySnapshot'];
export type QueueSnapshot = QueueSchemas['QueueSnapshot'];
export type SlaState = 'OK' | 'DUE_SOON' | 'BREACHED';

export const WAITING = new Set(['ARRIVED', 'TRIAGED']);
export const ACTIVE = new Set(['ARRIVED', 'TRIAGED', 'CALLED', 'IN_CONSULTATION']);

/** A department's live queue: what the snapshot said, with every event after it applied. */
export interface DepartmentQueue {
  departmentId: string;
  sequence: number;
  entries: ReadonlyMap<string, QueueEntry>;
  /** When the queue last changed here (for "updated … ago" and tests). */
  updatedAt: number;
}

export type ApplyResult =
  | { outcome: 'applied'; queue: DepartmentQueue }
  /** Already in the snapshot (an event at or below its sequence): ignored. */
  | { outcome: 'stale'; queue: DepartmentQueue }
  /** One or more events are missing: the client resyncs. */
  | { outcome: 'gap'; queue: DepartmentQueue };

export function fromSnapshot(snapshot: QueueSnapshot, now: number): DepartmentQueue {
  const entries = new Map<string, QueueEntry>();
  for (const item of snapshot.entries ?? []) {
    if (item.entry?.id) entries.set(item.entry.id, item.entry);
  }
  return { departmentId: snapshot.departmentId ?? '', sequence: snapshot.sequence ?? 0, entries, updatedAt: now };
}

/** Applies one event; per department the sequence grows by exactly one. */
export function applyEvent(queue: DepartmentQueue, sequence: number, entry: QueueEntry | undefined, now: number): ApplyResult {
  if (sequence <= queue.sequence) return { outcome: 'stale', queue };
  if (sequence !== queue.sequence + 1) return { outcome: 'gap', queue };
  const entries = new Map(queue.entries);
  if (entry?.id) {
    if (entry.status && ACTIVE.has(entry.status)) entries.set(entry.id, entry);
    else entries.delete(entry.id); // ended entries leave the live queue
  }
  return { outcome: 'applied', queue: { ...queue, sequence, entries, updatedAt: now } };
}

export interface QueueRow {
  entry: QueueEntry;
  /** 1-based place among the waiting entries; undefined once called. */
  position: number | undefined;
  waitedSeconds: number;
  slaState: SlaState | undefined;
}

/**
 * The department's entries in queue order, as queue-service orders them (QueuePriority): waiting entries by
 * priority (1 first) then arrival, then those already called or in consultation. SLA states tick with the clock.
 */
export function rows(queue: DepartmentQueue, now: number): QueueRow[] {
  const list = [...queue.entries.values()];
  const waiting = list.filter((e) => e.status && WAITING.has(e.status)).sort(byPriorityThenArrival);
  const others = list.filter((e) => !(e.status && WAITING.has(e.status))).sort(byArrival);
  return [
    ...waiting.map((entry, index) => ({ entry, position: index + 1, waitedSeconds: waited(entry, now), slaState: slaState(entry, now) })),
    ...others.map((entry) => ({ entry, position: undefined, waitedSeconds: waited(entry, now), slaState: undefined })),
  ];
}

/** Breached once past the due time; due soon in the last fifth of the target (at least the last minute). */
export function slaState(entry: QueueEntry, now: number): SlaState | undefined {
  if (!entry.slaDueAt || !entry.arrivedAt) return undefined;
  const due = Date.parse(entry.slaDueAt);
  const target = due - Date.parse(entry.arrivedAt);
  if (now > due) return 'BREACHED';
  const warning = Math.max(target / 5, 60_000);
  return now > due - warning ? 'DUE_SOON' : 'OK';
}

function waited(entry: QueueEntry, now: number): number {
  return entry.arrivedAt ? Math.max(0, Math.floor((now - Date.parse(entry.arrivedAt)) / 1000)) : 0;
}

function byPriorityThenArrival(a: QueueEntry, b: QueueEntry): number {
  return (a.priority ?? 3) - (b.priority ?? 3) || byArrival(a, b);
}

function byArrival(a: QueueEntry, b: QueueEntry): number {
  return (a.arrivedAt ?? '').localeCompare(b.arrivedAt ?? '');
}
