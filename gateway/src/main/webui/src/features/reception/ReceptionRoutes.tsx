import { Route, Routes } from 'react-router';
import { CheckInPage } from './CheckInPage';
import { EndedTodayPage } from './EndedTodayPage';
import { ReceptionQueuePage } from './ReceptionQueuePage';
import { RegisterPatientPage } from './RegisterPatientPage';

/** The receptionist's screens (routes under /reception). */
export default function ReceptionRoutes() {
  return (
    <Routes>
      <Route index element={<CheckInPage />} />
      <Route path="queue" element={<ReceptionQueuePage />} />
      <Route path="register" element={<RegisterPatientPage />} />
      <Route path="ended" element={<EndedTodayPage />} />
    </Routes>
  );
}
