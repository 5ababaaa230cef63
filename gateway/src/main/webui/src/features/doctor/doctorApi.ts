import { useQuery } from '@tanstack/react-query';
import { aiApi, etagOf, patientApi, queueApi, unwrap, type PatientSchemas, type QueueSchemas } from '../../api/client';
import { ApiError, isProblem } from '../../api/problem';

export type Note = PatientSchemas['NoteView'];
export type NoteSummary = PatientSchemas['Summary'];
export type Encounter = PatientSchemas['EncounterView'];
export type DocumentView = PatientSchemas['DocumentView'];
export type HistoryItem = PatientSchemas['Item'];
export type Patient = PatientSchemas['PatientView'];
export type QueueEntryView = QueueSchemas['QueueEntryView'];

/** A note with the entity tag to send back as If-Match. */
export interface TaggedNote {
  note: Note;
  etag: string;
}

/** As {@link unwrap}, keeping the answer's ETag (a note's ETag is its version). */
export async function unwrapNote(call: Promise<{ data?: Note; error?: unknown; response: Response }>): Promise<TaggedNote> {
  const { data, error, response } = await call;
  if (!response.ok || !data) throw new ApiError(response.status, isProblem(error) ? error : undefined, response.headers);
  return { note: data, etag: etagOf(response) ?? `"${data.version ?? 0}"` };
}

export const noteKey = (noteId: string | undefined) => ['note', noteId] as const;
export const patientNotesKey = (patientId: string | undefined) => ['patient-notes', patientId] as const;
export const entryKey = (departmentId: string | undefined, entryId: string | undefined) => ['queue-entry', departmentId, entryId] as const;

export function useRooms(departmentId: string | undefined) {
  return useQuery({
    queryKey: ['rooms', departmentId],
    enabled: !!departmentId,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(queueApi.GET('/api/v1/departments/{id}/rooms', { params: { path: { id: departmentId ?? '' } } })),
  });
}

export function useQueueEntry(departmentId: string | undefined, entryId: string | undefined) {
  return useQuery({
    queryKey: entryKey(departmentId, entryId),
    enabled: !!departmentId && !!entryId,
    queryFn: () => unwrap(queueApi.GET('/api/v1/queues/{departmentId}/entries/{entryId}', {
      params: { path: { departmentId: departmentId ?? '', entryId: entryId ?? '' } },
    })),
  });
}

export function usePatient(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patient', patientId],
    enabled: !!patientId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients/{id}', { params: { path: { id: patientId ?? '' } } })),
  });
}

/**
 * The encounter of a queue entry. patient-service opens it from queue-service's event when the consultation
 * starts, so right after "Start consultation" it may not be there yet: a 404 is asked again for half a minute.
 */
export function useEncounterOf(entryId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['encounter-of-entry', entryId],
    enabled: enabled && !!entryId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/encounters', { params: { query: { queueEntryId: entryId ?? '' } } })),
    retry: (failures, error) => error instanceof ApiError && error.status === 404 ? failures < 30 : failures < 2,
    retryDelay: 1000,
  });
}

export function usePatientNotes(patientId: string | undefined) {
  return useQuery({
    queryKey: patientNotesKey(patientId),
    enabled: !!patientId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients/{patientId}/notes', { params: { path: { patientId: patientId ?? '' } } })),
  });
}

export function useNote(noteId: string | undefined) {
  return useQuery({
    queryKey: noteKey(noteId),
    enabled: !!noteId,
    // the editor owns the text once loaded: a background refetch must not replace what the doctor is typing
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    queryFn: () => unwrapNote(patientApi.GET('/api/v1/notes/{id}', { params: { path: { id: noteId ?? '' } } })),
  });
}

export function useHistory(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patient-history', patientId],
    enabled: !!patientId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients/{patientId}/history', {
      params: { path: { patientId: patientId ?? '' }, query: { limit: 50 } },
    })),
  });
}

export function useDocuments(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patient-documents', patientId],
    enabled: !!patientId,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients/{patientId}/documents', { params: { path: { patientId: patientId ?? '' } } })),
  });
}

/** A binary answer (PDF, image) as a Blob, or an ApiError with the problem. */
export async function unwrapBlob(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Blob> {
  const { data, error, response } = await call;
  if (!response.ok || !(data instanceof Blob)) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined, response.headers);
  }
  return data;
}

/** Age in whole years (months under two), as a clinician writes it: "34 y", "7 mo". */
export function ageOf(birthDate: string | null | undefined, today = new Date()): string | undefined {
  if (!birthDate) return undefined;
  const born = new Date(`${birthDate}T00:00:00`);
  if (Number.isNaN(born.getTime())) return undefined;
  let months = (today.getFullYear() - born.getFullYear()) * 12 + today.getMonth() - born.getMonth();
  if (today.getDate() < born.getDate()) months -= 1;
  if (months >= 24) return `${Math.floor(months / 12)} y`;
  if (months >= 1) return `${months} mo`;
  return `${Math.max(0, Math.floor((today.getTime() - born.getTime()) / 86_400_000))} d`;
}

/**
 * The patient's summary from ai-service (problems, encounters, abnormal vitals, signed notes — each statement cited).
 * Asked for when the doctor calls the patient, so it is ready when the consultation opens.
 */
export function summaryQuery(patientId: string | undefined) {
  return {
    queryKey: ['ai-summary', patientId] as const,
    enabled: !!patientId,
    staleTime: 60_000,
    queryFn: () => unwrap(aiApi.GET('/api/v1/ai/patients/{patientId}/summary', { params: { path: { patientId: patientId ?? '' } } })),
  };
}

export function usePatientSummary(patientId: string | undefined) {
  return useQuery(summaryQuery(patientId));
}
