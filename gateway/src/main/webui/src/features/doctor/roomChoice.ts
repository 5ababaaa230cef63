import { useSyncExternalStore } from 'react';

/** The room a doctor works in, per department, kept on this device (not patient data). */
const PREFIX = 'medi.doctor.room.';
const listeners = new Set<() => void>();

export const roomChoice = {
  get(departmentId: string | undefined): string | null {
    return departmentId ? localStorage.getItem(PREFIX + departmentId) : null;
  },
  set(departmentId: string, room: string): void {
    localStorage.setItem(PREFIX + departmentId, room);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useRoomChoice(departmentId: string | undefined): string | null {
  return useSyncExternalStore(roomChoice.subscribe, () => roomChoice.get(departmentId));
}
