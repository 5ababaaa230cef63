import { Title } from '@mantine/core';
import { Route, Routes } from 'react-router';

/** The nurse screens (routes under /nurse). */
export default function NurseRoutes() {
  return (
    <Routes>
      <Route index element={<Title order={2}>Nurse</Title>} />
    </Routes>
  );
}
