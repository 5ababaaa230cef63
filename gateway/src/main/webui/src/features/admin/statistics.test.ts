import { describe, expect, it } from 'vitest';
import { formatRate, formatWait, toDashboard, todayIn, type QueueStatistics } from './statistics';

const day: QueueStatistics = {
  departmentId: '0193a000-0000-7000-8000-000000000001',
  date: '2026-12-05',
  zone: 'Europe/Berlin',
  generatedAt: '2026-12-05T14:00:00Z',
  waitingNow: { total: 7, untriaged: 2, byEsi: [{ esiLevel: 2, count: 1 }, { esiLevel: 3, count: 4 }] },
  slaBreaches: { total: 5, untriaged: 2, byEsi: [{ esiLevel: 1, count: 0 }, { esiLevel: 3, count: 3 }] },
  waits: {
    all: { seen: 20, medianSeconds: 1500, p90Seconds: 4000 },
    untriaged: { seen: 1, medianSeconds: 300, p90Seconds: 300 },
    byEsi: [{ esiLevel: 2, seen: 4, medianSeconds: 420, p90Seconds: 900 }, { esiLevel: 4, seen: 0, medianSeconds: null, p90Seconds: null }],
  },
  arrivalsPerHour: [{ hour: 8, count: 5 }, { hour: 9, count: 3 }, { hour: 24, count: 99 }],
  finishedPerHour: [{ hour: 9, count: 2 }],
  leftWithoutBeingSeen: { count: 1, rate: 0.0625 },
  triageOverrides: { triaged: 12, overridden: 3, rate: 0.25 },
  totals: { arrived: 16, finished: 9, cancelled: 1, transferred: 0, noShow: 0, leftWithoutBeingSeen: 1 },
};

describe('statistics → dashboard', () => {
  it('gives every ESI level a figure, in order, zero where the answer has none', () => {
    const model = toDashboard(day);
    expect(model.waitingNow).toEqual({ total: 7, untriaged: 2, byEsi: [
      { level: 1, count: 0 }, { level: 2, count: 1 }, { level: 3, count: 4 }, { level: 4, count: 0 }, { level: 5, count: 0 }] });
    expect(model.slaBreaches.total).toBe(5);
    expect(model.slaBreaches.untriaged).toBe(2);
    expect(model.slaBreaches.byEsi.map((l) => l.count)).toEqual([0, 0, 3, 0, 0]);
  });

  it('keeps "nobody seen" apart from a zero wait and charts waits in minutes', () => {
    const model = toDashboard(day);
    expect(model.waits.map((w) => w.label)).toEqual(['ESI 1', 'ESI 2', 'ESI 3', 'ESI 4', 'ESI 5', 'Untriaged', 'All']);
    expect(model.waits[1]).toEqual({ label: 'ESI 2', level: 2, seen: 4, medianSeconds: 420, p90Seconds: 900 });
    expect(model.waits[3]!.medianSeconds).toBeNull();
    expect(model.waits[6]!.p90Seconds).toBe(4000);
    expect(model.waitChart[1]).toEqual({ level: 'ESI 2', median: 7, p90: 15 });
    expect(model.waitChart[3]).toEqual({ level: 'ESI 4', median: 0, p90: 0 });
  });

  it('spreads arrivals and finished over 24 hours and ignores an hour out of range', () => {
    const model = toDashboard(day);
    expect(model.hourly).toHaveLength(24);
    expect(model.hourly[8]).toEqual({ hour: '08:00', arrivals: 5, finished: 0 });
    expect(model.hourly[9]).toEqual({ hour: '09:00', arrivals: 3, finished: 2 });
    expect(model.hourly.reduce((sum, h) => sum + h.arrivals, 0)).toBe(8);
  });

  it('passes rates and totals through, and a rate with nothing to divide by stays empty', () => {
    const model = toDashboard(day);
    expect(model.leftWithoutBeingSeen).toEqual({ count: 1, rate: 0.0625 });
    expect(model.triageOverrides).toEqual({ triaged: 12, overridden: 3, rate: 0.25 });
    expect(model.totals.arrived).toBe(16);
    const empty = toDashboard({ ...day, leftWithoutBeingSeen: { count: 0, rate: null }, triageOverrides: null });
    expect(empty.leftWithoutBeingSeen.rate).toBeNull();
    expect(empty.triageOverrides).toEqual({ triaged: 0, overridden: 0, rate: null });
  });

  it('turns no answer at all into an empty day', () => {
    const model = toDashboard(undefined);
    expect(model.waitingNow.total).toBe(0);
    expect(model.hourly.every((h) => h.arrivals === 0 && h.finished === 0)).toBe(true);
    expect(model.waits.every((w) => w.medianSeconds === null)).toBe(true);
    expect(model.generatedAt).toBeUndefined();
  });
});

describe('formatting', () => {
  it('formats rates and waits', () => {
    expect(formatRate(0.0625)).toBe('6.3 %');
    expect(formatRate(0)).toBe('0 %');
    expect(formatRate(null)).toBe('–');
    expect(formatWait(null)).toBe('–');
    expect(formatWait(20)).toBe('< 1 min');
    expect(formatWait(1500)).toBe('25 min');
    expect(formatWait(3900)).toBe('1 h 05 min');
  });

  it('takes today in the department\'s zone, not the browser\'s', () => {
    const lateEvening = new Date('2026-12-05T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-05');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-12-06');
    expect(todayIn('Not/AZone', lateEvening)).toBe('2026-12-05');
  });
});
