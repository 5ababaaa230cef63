import { Route, Routes } from 'react-router';
import { TriagePage } from './TriagePage';
import { TriageWorklistPage } from './TriageWorklistPage';
import { NurseQueueView } from './QueueView';
import { VitalsPage } from './VitalsPage';

/** The nurse's screens (routes under /nurse). */
export default function NurseRoutes() {
  return (
    <Routes>
      <Route index element={<TriageWorklistPage />} />
      <Route path="queue" element={<NurseQueueView />} />
      <Route path="triage/:entryId" element={<TriagePage />} />
      <Route path="vitals/:entryId" element={<VitalsPage />} />
    </Routes>
  );
}
