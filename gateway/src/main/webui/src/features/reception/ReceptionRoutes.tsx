import { Title } from '@mantine/core';
import { Route, Routes } from 'react-router';

/** The reception screens (routes under /reception). */
export default function ReceptionRoutes() {
  return (
    <Routes>
      <Route index element={<Title order={2}>Reception</Title>} />
    </Routes>
  );
}
