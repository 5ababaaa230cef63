import './admin.css';
import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage';
import { UsersPage } from './UsersPage';

/** The admin screens (routes under /admin). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="users" element={<UsersPage />} />
    </Routes>
  );
}
