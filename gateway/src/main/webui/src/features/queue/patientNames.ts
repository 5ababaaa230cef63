import { useQuery, useQueryClient } from '@tanstack/react-query';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';

type HumanName = PatientSchemas['HumanName'];

export interface DisplayedPatient {
  name: string | undefined;
  birthDate: string | undefined;
  patientId: string | undefined;
}

/** An entry to name: its id, and its patient when known (a walk-in linked later gets asked for again). */
export type NamedEntry = string | { id: string; patientId?: string | null };

export function formatName(name: HumanName | null | undefined): string | undefined {
  if (!name) return undefined;
  const given = (name.given ?? []).join(' ');
  return [name.family?.toUpperCase(), given].filter(Boolean).join(', ') || undefined;
}

const NAMES = ['patient-display-names'] as const;
const MAX_PER_REQUEST = 200;
const UNDISCLOSED: DisplayedPatient = { name: undefined, birthDate: undefined, patientId: undefined };

/**
 * Names of the registered patients behind queue entries, as patient-service discloses them to this user (entries
 * they may not see are simply absent, and every name shown is audited there). Each entry is asked for once per
 * session: a queue change only asks for the entries not seen yet, so the audit log records what a user was shown,
 * not every re-render. The cache is server state and goes with everything else on sign-out.
 */
export function usePatientNames(entries: NamedEntry[]) {
  const queryClient = useQueryClient();
  const known = useQuery({
    queryKey: NAMES,
    queryFn: () => queryClient.getQueryData<Map<string, DisplayedPatient>>(NAMES) ?? new Map<string, DisplayedPatient>(),
    staleTime: Infinity,
  });
  const keys = new Map<string, string>();
  for (const entry of entries) {
    const id = typeof entry === 'string' ? entry : entry.id;
    const patient = typeof entry === 'string' ? '' : entry.patientId ?? '';
    if (id) keys.set(id, `${id}|${patient}`);
  }
  const missing = [...keys.entries()].filter(([, key]) => !known.data?.has(key)).map(([id]) => id).sort().slice(0, MAX_PER_REQUEST);

  useQuery({
    queryKey: ['patient-display', missing],
    enabled: known.isSuccess && missing.length > 0,
    queryFn: async () => {
      const page = await unwrap(patientApi.POST('/api/v1/patients/display', { body: { queueEntryIds: missing } }));
      const found = new Map<string, DisplayedPatient>();
      for (const item of page.items ?? []) {
        if (item.queueEntryId) {
          found.set(item.queueEntryId, { name: formatName(item.name), birthDate: item.birthDate ?? undefined, patientId: item.patientId ?? undefined });
        }
      }
      queryClient.setQueryData<Map<string, DisplayedPatient>>(NAMES, (old) => {
        const next = new Map(old);
        for (const id of missing) next.set(keys.get(id) ?? id, found.get(id) ?? UNDISCLOSED);
        return next;
      });
      return missing.length;
    },
  });

  const byEntry = new Map<string, DisplayedPatient>();
  for (const [id, key] of keys) {
    const shown = known.data?.get(key);
    if (shown && shown !== UNDISCLOSED) byEntry.set(id, shown);
  }
  return { data: byEntry, isLoading: missing.length > 0 };
}
