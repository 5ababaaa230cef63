import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage';

/** The admin screens (routes under /admin). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
    </Routes>
  );
}
