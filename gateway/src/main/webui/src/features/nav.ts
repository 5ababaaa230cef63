import type { Role } from '../auth/claims';

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The navigation of each role (kept out of the role modules so the menu shows before a module is loaded).
 * Each role's screens live in features/<role> and load on first use.
 */
export const NAVIGATION: Record<Role, { title: string; home: string; items: NavItem[] }> = {
  receptionist: {
    title: 'Reception',
    home: '/reception',
    items: [
      { to: '/reception', label: 'Check-in' },
      { to: '/reception/queue', label: 'Live queue' },
      { to: '/reception/ended', label: 'Finished today' },
      { to: '/reception/register', label: 'Register patient' },
    ],
  },
  nurse: {
    title: 'Nursing',
    home: '/nurse',
    items: [
      { to: '/nurse', label: 'Triage worklist' },
      { to: '/nurse/queue', label: 'Live queue' },
    ],
  },
  doctor: {
    title: 'Doctor',
    home: '/doctor',
    items: [
      { to: '/doctor', label: 'My room' },
      { to: '/doctor/signatures', label: 'Awaiting my signature' },
    ],
  },
  admin: {
    title: 'Administration',
    home: '/admin',
    items: [
      { to: '/admin', label: 'Operations' },
      { to: '/admin/users', label: 'Users' },
      { to: '/admin/clients', label: 'API clients' },
      { to: '/admin/departments', label: 'Departments' },
      { to: '/admin/policies', label: 'Role policies' },
      { to: '/admin/audit', label: 'Audit log' },
    ],
  },
};
