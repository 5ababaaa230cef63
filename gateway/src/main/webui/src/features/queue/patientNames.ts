import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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
 * patient-service learns of a check-in from the queue's event a moment after the queue shows it: until then it does
 * not disclose the patient to this desk. A registered patient's entry that came back undisclosed is asked for again
 * a few times (1 s, 2 s, 4 s later) before the answer is taken as final.
 */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];
const attempts = new WeakMap<QueryClient, Map<string, number>>();

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
    // asked again when a retry forgets an answer: never served from an earlier identical request
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const page = await unwrap(patientApi.POST('/api/v1/patients/display', { body: { queueEntryIds: missing } }));
      const found = new Map<string, DisplayedPatient>();
      for (const item of page.items ?? []) {
        if (item.queueEntryId) {
          found.set(item.queueEntryId, { name: formatName(item.name), birthDate: item.birthDate ?? undefined, patientId: item.patientId ?? undefined });
        }
      }
      const retry: string[] = [];
      const tried = attempts.get(queryClient) ?? new Map<string, number>();
      attempts.set(queryClient, tried);
      queryClient.setQueryData<Map<string, DisplayedPatient>>(NAMES, (old) => {
        const next = new Map(old);
        for (const id of missing) {
          const key = keys.get(id) ?? id;
          next.set(key, found.get(id) ?? UNDISCLOSED);
          const attempt = tried.get(key) ?? 0;
          if (!found.has(id) && !key.endsWith('|') && attempt < RETRY_DELAYS_MS.length) {
            tried.set(key, attempt + 1);
            retry.push(key);
          }
        }
        return next;
      });
      for (const key of retry) {
        setTimeout(() => queryClient.setQueryData<Map<string, DisplayedPatient>>(NAMES, (old) => {
          const next = new Map(old);
          if (next.get(key) === UNDISCLOSED) next.delete(key);
          return next;
        }), RETRY_DELAYS_MS[(tried.get(key) ?? 1) - 1]);
      }
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
