import type { PatientSchemas } from '../../api/client';

type Entry = PatientSchemas['AuditEntryView'];

/** The audit action of a break-glass grant (patient-service). */
export const BREAK_GLASS_ACTION = 'patient.break-glass';

/** A break-glass grant, or an access that relied on one (access basis "break-glass"): both are for review. */
export function isBreakGlass(entry: Pick<Entry, 'action' | 'accessBasis'>): boolean {
  return entry.action === BREAK_GLASS_ACTION || entry.accessBasis === 'break-glass';
}
