import { Title } from '@mantine/core';
import { Route, Routes } from 'react-router';

/** The admin screens (routes under /admin). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Title order={2}>Admin</Title>} />
    </Routes>
  );
}
