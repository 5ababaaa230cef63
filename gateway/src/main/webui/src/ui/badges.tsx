import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SlaState } from '../live/queueModel';

/**
 * A filled badge's colours: a Mantine palette shade behind black or white text, chosen so the label keeps WCAG AA
 * contrast (4.5:1) whatever the theme — the palette shades and black/white do not change between light and dark,
 * and a filled badge does not let the page show through (badges.test.ts checks every pair).
 */
export interface BadgeTone {
  hue: 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'violet' | 'grape' | 'teal' | 'cyan' | 'gray';
  shade: number;
  text: 'black' | 'white';
}

/** ESI colours as emergency departments print them: 1 red … 5 blue (black text on the light ones). */
export const ESI_TONES: Record<number, BadgeTone> = {
  1: { hue: 'red', shade: 9, text: 'white' },
  2: { hue: 'orange', shade: 5, text: 'black' },
  3: { hue: 'yellow', shade: 4, text: 'black' },
  4: { hue: 'green', shade: 4, text: 'black' },
  5: { hue: 'blue', shade: 9, text: 'white' },
};

export const STATUS_TONES: Record<string, { label: string; tone: BadgeTone }> = {
  ARRIVED: { label: 'Waiting for triage', tone: { hue: 'gray', shade: 7, text: 'white' } },
  TRIAGED: { label: 'Triaged', tone: { hue: 'blue', shade: 8, text: 'white' } },
  CALLED: { label: 'Called', tone: { hue: 'violet', shade: 7, text: 'white' } },
  IN_CONSULTATION: { label: 'In consultation', tone: { hue: 'grape', shade: 8, text: 'white' } },
  FINISHED: { label: 'Finished', tone: { hue: 'teal', shade: 9, text: 'white' } },
  CANCELLED: { label: 'Cancelled', tone: { hue: 'gray', shade: 8, text: 'white' } },
  TRANSFERRED: { label: 'Transferred', tone: { hue: 'cyan', shade: 9, text: 'white' } },
  LEFT_WITHOUT_BEING_SEEN: { label: 'Left without being seen', tone: { hue: 'orange', shade: 5, text: 'black' } },
  NO_SHOW: { label: 'No-show', tone: { hue: 'yellow', shade: 5, text: 'black' } },
};

export const SLA_TONES: Record<'BREACHED' | 'DUE_SOON', { label: string; tone: BadgeTone }> = {
  BREACHED: { label: 'SLA breached', tone: { hue: 'red', shade: 9, text: 'white' } },
  DUE_SOON: { label: 'SLA due soon', tone: { hue: 'orange', shade: 5, text: 'black' } },
};

const UNKNOWN_TONE: BadgeTone = { hue: 'gray', shade: 7, text: 'white' };

/** A filled badge in exactly these colours (no automatic contrast guess, no theme-dependent shade), never cut short in a narrow table cell. */
function ToneBadge({ tone, style, ...props }: { tone: BadgeTone } & BadgeProps & { 'aria-label'?: string; children?: ReactNode }) {
  return (
    <Badge variant="filled" autoContrast={false} {...props}
      style={{ minWidth: 'max-content', backgroundColor: `var(--mantine-color-${tone.hue}-${tone.shade})`, color: `var(--mantine-color-${tone.text})`, ...(typeof style === 'object' ? style : {}) }} />
  );
}

export function EsiBadge({ level, ...props }: { level: number | null | undefined } & BadgeProps) {
  const tone = level ? ESI_TONES[level] : undefined;
  if (!level || !tone) {
    return <Badge variant="default" miw="max-content" {...props} aria-label="Not triaged yet">ESI –</Badge>;
  }
  return <ToneBadge tone={tone} {...props} aria-label={`ESI level ${level}`}>ESI {level}</ToneBadge>;
}

export function statusLabel(status: string | null | undefined): string {
  return (status && STATUS_TONES[status]?.label) ?? status ?? 'Unknown';
}

export function StatusBadge({ status, ...props }: { status: string | null | undefined } & BadgeProps) {
  const known = status ? STATUS_TONES[status] : undefined;
  return <ToneBadge tone={known?.tone ?? UNKNOWN_TONE} {...props}>{known?.label ?? status ?? 'Unknown'}</ToneBadge>;
}

export function SlaBadge({ state, ...props }: { state: SlaState | undefined } & BadgeProps) {
  if (!state) return null;
  if (state === 'OK') return <Badge variant="default" miw="max-content" {...props}>Within SLA</Badge>;
  const { label, tone } = SLA_TONES[state];
  return <ToneBadge tone={tone} {...props}>{label}</ToneBadge>;
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
