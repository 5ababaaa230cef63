import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { queueApi, unwrap, type QueueSchemas } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';

export type Department = QueueSchemas['DepartmentView'];

export function useDepartmentList() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(queueApi.GET('/api/v1/departments')),
    staleTime: 5 * 60_000,
  });
}

const KEY = 'medi.department';
const listeners = new Set<() => void>();

/** The department the screens show; the choice stays on this device (not patient data). */
export const departmentChoice = {
  get(): string | null {
    return localStorage.getItem(KEY);
  },
  set(id: string): void {
    localStorage.setItem(KEY, id);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * The current department: the device's choice if the user works there (admins: any), else the user's first.
 */
export function useCurrentDepartment(): { id: string | undefined; department: Department | undefined; departments: Department[] } {
  const { departments: mine, hasRole } = useSignedIn();
  const chosen = useSyncExternalStore(departmentChoice.subscribe, departmentChoice.get);
  const list = useDepartmentList().data ?? [];
  const allowed = hasRole('admin') ? list : list.filter((d) => d.id && mine.includes(d.id));
  const id = chosen && (allowed.some((d) => d.id === chosen) || (!list.length && mine.includes(chosen)))
    ? chosen : (allowed[0]?.id ?? mine[0] ?? undefined);
  return { id: id ?? undefined, department: list.find((d) => d.id === id), departments: allowed };
}
