import { Badge, type BadgeProps } from '@mantine/core';
import type { SlaState } from '../live/queueModel';

/** ESI colours as emergency departments print them: 1 red … 5 blue; untriaged grey. */
// explicit shades: the theme's filled shade (8) of green, orange and red is below 4.5:1 with either text colour
const ESI_COLOURS: Record<number, string> = { 1: 'red.9', 2: 'orange.5', 3: 'yellow', 4: 'green.5', 5: 'blue' };

export function EsiBadge({ level, ...props }: { level: number | null | undefined } & BadgeProps) {
  if (!level) {
    return <Badge variant="default" {...props} aria-label="Not triaged yet">ESI –</Badge>;
  }
  return (
    <Badge color={ESI_COLOURS[level] ?? 'gray'} variant="filled" autoContrast {...props} aria-label={`ESI level ${level}`}>
      ESI {level}
    </Badge>
  );
}

const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  ARRIVED: { label: 'Waiting for triage', color: 'gray' },
  TRIAGED: { label: 'Triaged', color: 'blue' },
  CALLED: { label: 'Called', color: 'violet' },
  'IN_CONSULTATION': { label: 'In consultation', color: 'grape' },
  FINISHED: { label: 'Finished', color: 'teal' },
  CANCELLED: { label: 'Cancelled', color: 'dark' },
  TRANSFERRED: { label: 'Transferred', color: 'cyan' },
  'LEFT_WITHOUT_BEING_SEEN': { label: 'Left without being seen', color: 'orange' },
  'NO_SHOW': { label: 'No-show', color: 'orange' },
};

export function statusLabel(status: string | null | undefined): string {
  return (status && STATUS_LABELS[status]?.label) ?? status ?? 'Unknown';
}

export function StatusBadge({ status, ...props }: { status: string | null | undefined } & BadgeProps) {
  const known = status ? STATUS_LABELS[status] : undefined;
  return <Badge color={known?.color ?? 'gray'} variant="light" {...props}>{known?.label ?? status ?? 'Unknown'}</Badge>;
}

export function SlaBadge({ state, ...props }: { state: SlaState | undefined } & BadgeProps) {
  if (!state) return null;
  const { label, color } = state === 'BREACHED' ? { label: 'SLA breached', color: 'red.9' }
    : state === 'DUE_SOON' ? { label: 'SLA due soon', color: 'orange.5' } : { label: 'Within SLA', color: 'green' };
  return <Badge color={color} variant={state === "OK" ? "default" : "filled"} {...props}>{label}</Badge>;
}

/** 0:42, 12:05, 2:03:10 — minutes and seconds, hours when needed. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '–';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}
