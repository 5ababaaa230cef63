import { Title } from '@mantine/core';
import { Route, Routes } from 'react-router';

/** The doctor screens (routes under /doctor). */
export default function DoctorRoutes() {
  return (
    <Routes>
      <Route index element={<Title order={2}>Doctor</Title>} />
    </Routes>
  );
}
