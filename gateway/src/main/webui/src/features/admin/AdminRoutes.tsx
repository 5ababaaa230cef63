import { Route, Routes } from 'react-router';
import { AuditPage } from './AuditPage';
import { ClientsPage } from './ClientsPage';
import { DashboardPage } from './DashboardPage';
import { DepartmentsPage } from './DepartmentsPage';
import { PoliciesPage } from './PoliciesPage';
import { UsersPage } from './UsersPage';

/** The admin screens (routes under /admin). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="clients" element={<ClientsPage />} />
      <Route path="departments" element={<DepartmentsPage />} />
      <Route path="policies" element={<PoliciesPage />} />
      <Route path="audit" element={<AuditPage />} />
    </Routes>
  );
}
