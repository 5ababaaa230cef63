import type { QueueSchemas } from '../../api/client';

export type QueueStatistics = QueueSchemas['QueueStatisticsView'];

export const ESI_LEVELS = [1, 2, 3, 4, 5] as const;

export interface LevelFigure {
  /** 1–5, or `null` for entries not triaged yet. */
  level: number | null;
  count: number;
}

export interface WaitFigure {
  /** "ESI 1" … "ESI 5", "Untriaged", "All". */
  label: string;
  level: number | null;
  seen: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface HourFigure {
  /** "07:00" — the wall-clock hour in the department's zone. */
  hour: string;
  arrivals: number;
  finished: number;
}

/** What the operations dashboard shows, ready to render: no null checks in the view. */
export interface DashboardModel {
  waitingNow: { total: number; untriaged: number; byEsi: LevelFigure[] };
  slaBreaches: { total: number; untriaged: number; byEsi: LevelFigure[] };
  /** One line per ESI level (1–5), then untriaged and all. */
  waits: WaitFigure[];
  /** Median and p90 in minutes per ESI level, for the bar chart (levels nobody was seen at show 0). */
  waitChart: { level: string; median: number; p90: number }[];
  /** 24 buckets, 00:00 to 23:00. */
  hourly: HourFigure[];
  totals: { arrived: number; finished: number; cancelled: number; transferred: number; noShow: number; leftWithoutBeingSeen: number };
  leftWithoutBeingSeen: { count: number; rate: number | null };
  triageOverrides: { triaged: number; overridden: number; rate: number | null };
  generatedAt: string | undefined;
}

const n = (value: number | null | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const maybe = (value: number | null | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function byLevel(list: { esiLevel?: number | null; count?: number | null }[] | null | undefined): LevelFigure[] {
  return ESI_LEVELS.map((level) => ({ level, count: n(list?.find((c) => c.esiLevel === level)?.count) }));
}

function hours(list: QueueSchemas['HourCount'][] | null | undefined): number[] {
  const buckets = Array.from({ length: 24 }, () => 0);
  for (const h of list ?? []) {
    if (typeof h.hour === 'number' && h.hour >= 0 && h.hour < 24) buckets[h.hour] = (buckets[h.hour] ?? 0) + n(h.count);
  }
  return buckets;
}

const minutes = (seconds: number | null): number => (seconds === null ? 0 : Math.round((seconds / 60) * 10) / 10);

/**
 * The statistics answer → the dashboard's figures. Missing parts (an older service, a day without data) become
 * zeros, or `null` where "no value" differs from zero (a median when nobody was seen, a rate with nothing to
 * divide by).
 */
export function toDashboard(stats: QueueStatistics | undefined): DashboardModel {
  const waiting = stats?.waitingNow;
  const breaches = stats?.slaBreaches;
  const waitsByEsi = stats?.waits?.byEsi ?? [];
  const waits: WaitFigure[] = [
    ...ESI_LEVELS.map((level) => {
      const w = waitsByEsi.find((x) => x.esiLevel === level);
      return { label: `ESI ${level}`, level, seen: n(w?.seen), medianSeconds: maybe(w?.medianSeconds), p90Seconds: maybe(w?.p90Seconds) };
    }),
    { label: 'Untriaged', level: null, seen: n(stats?.waits?.untriaged?.seen),
      medianSeconds: maybe(stats?.waits?.untriaged?.medianSeconds), p90Seconds: maybe(stats?.waits?.untriaged?.p90Seconds) },
    { label: 'All', level: null, seen: n(stats?.waits?.all?.seen),
      medianSeconds: maybe(stats?.waits?.all?.medianSeconds), p90Seconds: maybe(stats?.waits?.all?.p90Seconds) },
  ];
  const arrivals = hours(stats?.arrivalsPerHour);
  const finished = hours(stats?.finishedPerHour);
  const totals = stats?.totals;
  return {
    waitingNow: { total: n(waiting?.total), untriaged: n(waiting?.untriaged), byEsi: byLevel(waiting?.byEsi) },
    slaBreaches: { total: n(breaches?.total), untriaged: n(breaches?.untriaged), byEsi: byLevel(breaches?.byEsi) },
    waits,
    waitChart: waits.slice(0, 5).map((w) => ({ level: w.label, median: minutes(w.medianSeconds), p90: minutes(w.p90Seconds) })),
    hourly: arrivals.map((count, hour) => ({ hour: `${String(hour).padStart(2, '0')}:00`, arrivals: count, finished: finished[hour] ?? 0 })),
    totals: {
      arrived: n(totals?.arrived), finished: n(totals?.finished), cancelled: n(totals?.cancelled),
      transferred: n(totals?.transferred), noShow: n(totals?.noShow), leftWithoutBeingSeen: n(totals?.leftWithoutBeingSeen),
    },
    leftWithoutBeingSeen: { count: n(stats?.leftWithoutBeingSeen?.count), rate: maybe(stats?.leftWithoutBeingSeen?.rate) },
    triageOverrides: {
      triaged: n(stats?.triageOverrides?.triaged), overridden: n(stats?.triageOverrides?.overridden),
      rate: maybe(stats?.triageOverrides?.rate),
    },
    generatedAt: stats?.generatedAt ?? undefined,
  };
}

/** 0.0423 → "4.2 %"; no rate → "–". */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${(Math.round(rate * 1000) / 10).toLocaleString('en', { maximumFractionDigits: 1 })} %`;
}

/** Seconds → "12 min", "1 h 05 min", "< 1 min"; no value → "–". */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return '–';
  const m = Math.round(seconds / 60);
  if (m < 1) return '< 1 min';
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Today as YYYY-MM-DD in an IANA zone (the department's day, not the browser's). */
export function todayIn(zone: string | undefined, now: Date = new Date()): string {
  try {
    // en-CA formats dates as YYYY-MM-DD
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
