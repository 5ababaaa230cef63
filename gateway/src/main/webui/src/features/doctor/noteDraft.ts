import type { PatientSchemas } from '../../api/client';

type Note = PatientSchemas['NoteView'];
type UpdateNote = PatientSchemas['UpdateNote'];

/** The four sections of a SOAP note as the editor holds them (never null: a blank section is ''). */
export interface Soap {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
}

export const SECTIONS: { key: keyof Soap; label: string; hint: string }[] = [
  { key: 'subjective', label: 'Subjective', hint: 'History of the complaint as the patient tells it' },
  { key: 'objective', label: 'Objective', hint: 'Examination, vital signs, results' },
  { key: 'assessment', label: 'Assessment', hint: 'Diagnosis or differential' },
  { key: 'plan', label: 'Plan', hint: 'Treatment, prescriptions, follow-up' },
];

export const EMPTY_SOAP: Soap = { subjective: '', objective: '', assessment: '', plan: '' };

export function soapOf(note: Note | undefined): Soap {
  return {
    subjective: note?.subjective ?? '',
    objective: note?.objective ?? '',
    assessment: note?.assessment ?? '',
    plan: note?.plan ?? '',
  };
}

export function sameSoap(a: Soap, b: Soap): boolean {
  return SECTIONS.every(({ key }) => a[key] === b[key]);
}

export function isBlank(soap: Soap): boolean {
  return SECTIONS.every(({ key }) => !soap[key].trim());
}

/** The request body: a blank section is sent as null (the API keeps "no text", not an empty string). */
export function toBody(soap: Soap): UpdateNote {
  return {
    subjective: soap.subjective.trim() ? soap.subjective : null,
    objective: soap.objective.trim() ? soap.objective : null,
    assessment: soap.assessment.trim() ? soap.assessment : null,
    plan: soap.plan.trim() ? soap.plan : null,
  };
}

/** What the doctor typed and had not saved yet, with the version it was typed over. */
export interface StoredDraft {
  soap: Soap;
  /** The note's version the text was typed over; null for a note not created yet. */
  baseVersion: number | null;
}

const PREFIX = 'medi.note-draft.';

/**
 * Unsaved text per note (or per encounter before the note exists), in this tab's sessionStorage only: a reload
 * or a crash between typing and the autosave loses nothing; closing the tab forgets it. Removed as soon as the
 * server has the text, so it holds only what exists nowhere else.
 */
export const draftStore = {
  scopeOfNote: (noteId: string) => `note:${noteId}`,
  scopeOfEncounter: (encounterId: string) => `encounter:${encounterId}`,
  load(scope: string, storage: Storage = sessionStorage): StoredDraft | undefined {
    try {
      const raw = storage.getItem(PREFIX + scope);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<StoredDraft>;
      if (!parsed.soap || typeof parsed.soap !== 'object') return undefined;
      return { soap: { ...EMPTY_SOAP, ...parsed.soap }, baseVersion: typeof parsed.baseVersion === 'number' ? parsed.baseVersion : null };
    } catch {
      return undefined;
    }
  },
  save(scope: string, draft: StoredDraft, storage: Storage = sessionStorage): void {
    try {
      storage.setItem(PREFIX + scope, JSON.stringify(draft));
    } catch {
      // storage full or disabled: the autosave still runs
    }
  },
  clear(scope: string, storage: Storage = sessionStorage): void {
    storage.removeItem(PREFIX + scope);
  },
  /** Every unsaved draft of this tab (on an explicit sign-out: the next user of the screen must not find them). */
  clearAll(storage: Storage = sessionStorage): void {
    for (const key of Object.keys(storage)) {
      if (key.startsWith(PREFIX)) storage.removeItem(key);
    }
  },
};

export type Restored =
  /** Nothing unsaved: the server's text. */
  | { kind: 'server'; soap: Soap }
  /** Unsaved text typed over the version the server still has: restore it and save it. */
  | { kind: 'unsaved'; soap: Soap }
  /** Unsaved text typed over an older version: someone saved meanwhile; the doctor chooses. */
  | { kind: 'conflict'; soap: Soap };

/** What the editor starts with, given the server's note (if it exists yet) and what this tab kept. */
export function restore(server: { soap: Soap; version: number } | undefined, stored: StoredDraft | undefined): Restored {
  if (!stored) return { kind: 'server', soap: server?.soap ?? EMPTY_SOAP };
  if (!server) return isBlank(stored.soap) ? { kind: 'server', soap: EMPTY_SOAP } : { kind: 'unsaved', soap: stored.soap };
  if (sameSoap(stored.soap, server.soap)) return { kind: 'server', soap: server.soap };
  if (stored.baseVersion === null || stored.baseVersion === server.version) return { kind: 'unsaved', soap: stored.soap };
  return { kind: 'conflict', soap: stored.soap };
}

/**
 * An explicit sign-out drops this tab's unsaved drafts (the next person at the screen must not find them). An idle
 * or expired session keeps them: the same doctor signs in again in this tab and finds the text they were typing.
 */
export function forgetDraftsOnSignOut(session: { subscribe: (l: () => void) => () => void; getState: () => { status: string; reason?: string } }): () => void {
  return session.subscribe(() => {
    const state = session.getState();
    if (state.status === 'signed-out' && state.reason === 'signed-out') draftStore.clearAll();
  });
}
