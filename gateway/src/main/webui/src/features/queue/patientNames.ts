import { useQuery } from '@tanstack/react-query';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';

type HumanName = PatientSchemas['HumanName'];

export function formatName(name: HumanName | null | undefined): string | undefined {
  if (!name) return undefined;
  const given = (name.given ?? []).join(' ');
  return [name.family?.toUpperCase(), given].filter(Boolean).join(', ') || undefined;
}

/**
 * Names of the registered patients behind queue entries, as patient-service discloses them to this user (entries
 * they may not see are simply absent, and every name shown is audited there). Asked for in one request per screen.
 */
export function usePatientNames(entryIds: string[]) {
  const ids = [...new Set(entryIds)].sort().slice(0, 200);
  return useQuery({
    queryKey: ['patient-display', ids],
    enabled: ids.length > 0,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const page = await unwrap(patientApi.POST('/api/v1/patients/display', { body: { queueEntryIds: ids } }));
      const byEntry = new Map<string, { name: string | undefined; birthDate: string | undefined; patientId: string | undefined }>();
      for (const item of page.items ?? []) {
        if (item.queueEntryId) {
          byEntry.set(item.queueEntryId, { name: formatName(item.name), birthDate: item.birthDate ?? undefined, patientId: item.patientId ?? undefined });
        }
      }
      return byEntry;
    },
  });
}
