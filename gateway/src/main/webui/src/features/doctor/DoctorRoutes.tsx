import { Route, Routes } from 'react-router';
import { session } from '../../auth/session';
import { forgetDraftsOnSignOut } from './noteDraft';
import { ConsultationPage } from './ConsultationPage';
import { MyRoomPage } from './MyRoomPage';
import { NotePage } from './NotePage';
import { SignaturesPage } from './SignaturesPage';

forgetDraftsOnSignOut(session);

/** The doctor screens (routes under /doctor). */
export default function DoctorRoutes() {
  return (
    <Routes>
      <Route index element={<MyRoomPage />} />
      <Route path="consultation/:departmentId/:entryId" element={<ConsultationPage />} />
      <Route path="signatures" element={<SignaturesPage />} />
      <Route path="notes/:noteId" element={<NotePage />} />
    </Routes>
  );
}
