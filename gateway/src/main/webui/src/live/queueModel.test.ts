import { describe, expect, it } from 'vitest';
import { fromSnapshot, rows, slaState } from './queueModel';

const at = (iso: string) => Date.parse(iso);

describe('queue order and SLA', () => {
  it('orders waiting entries by priority then arrival, called ones after them', () => {
    const queue = fromSnapshot({ departmentId: 'd', sequence: 1, entries: [
      { entry: { id: 'late-urgent', status: 'TRIAGED', priority: 1, arrivedAt: '2026-12-05T10:20:00Z' } },
      { entry: { id: 'early-minor', status: 'TRIAGED', priority: 4, arrivedAt: '2026-12-05T10:00:00Z' } },
      { entry: { id: 'CALLED', status: 'CALLED', priority: 1, arrivedAt: '2026-12-05T09:00:00Z' } },
      { entry: { id: 'early-urgent', status: 'ARRIVED', priority: 1, arrivedAt: '2026-12-05T10:10:00Z' } },
    ] }, 0);
    const list = rows(queue, at('2026-12-05T10:30:00Z'));
    expect(list.map((r) => r.entry.id)).toEqual(['early-urgent', 'late-urgent', 'early-minor', 'CALLED']);
    expect(list.map((r) => r.position)).toEqual([1, 2, 3, undefined]);
    expect(list[0]!.waitedSeconds).toBe(20 * 60);
  });

  it('is due soon in the last fifth of the target and breached after it', () => {
    const entry = { arrivedAt: '2026-12-05T10:00:00Z', slaDueAt: '2026-12-05T11:00:00Z' };
    expect(slaState(entry, at('2026-12-05T10:47:00Z'))).toBe('OK');
    expect(slaState(entry, at('2026-12-05T10:49:00Z'))).toBe('DUE_SOON');
    expect(slaState(entry, at('2026-12-05T11:00:01Z'))).toBe('BREACHED');
  });
});
