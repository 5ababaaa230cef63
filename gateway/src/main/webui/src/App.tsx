import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/problem';
import { SessionProvider, useSession, useSignedIn } from './auth/SessionContext';
import { forgetServerStateOnSignOut } from './auth/forgetOnSignOut';
import { session } from './auth/session';
import type { Role } from './auth/claims';
import { NAVIGATION } from './features/nav';
import { AppLayout } from './layout/AppLayout';
import { theme } from './layout/theme';
import { EnrolPage } from './pages/EnrolPage';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordResetPages';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PageLoader } from './ui/PageLoader';

// one bundle per role: a receptionist's browser never loads the doctor's editor or the admin's charts
const ReceptionRoutes = lazy(() => import('./features/reception/ReceptionRoutes'));
const NurseRoutes = lazy(() => import('./features/nurse/NurseRoutes'));
const DoctorRoutes = lazy(() => import('./features/doctor/DoctorRoutes'));
const AdminRoutes = lazy(() => import('./features/admin/AdminRoutes'));
const AccountPage = lazy(() => import('./pages/AccountPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // a refusal or a missing record does not get better by asking again
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

forgetServerStateOnSignOut(session, queryClient);

const colorSchemeManager = localStorageColorSchemeManager({ key: 'medi.color-scheme' });

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignedOutOnly><SignInPage /></SignedOutOnly>} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/enrol" element={<RequireSession enrolment><EnrolPage /></RequireSession>} />
      <Route path="/" element={<RequireSession><HomeRedirect /></RequireSession>} />
      <Route path="/account" element={<RequireSession><AppLayout><AccountPage /></AppLayout></RequireSession>} />
      <Route path="/reception/*" element={<RequireSession role="receptionist"><AppLayout><ReceptionRoutes /></AppLayout></RequireSession>} />
      <Route path="/nurse/*" element={<RequireSession role="nurse"><AppLayout><NurseRoutes /></AppLayout></RequireSession>} />
      <Route path="/doctor/*" element={<RequireSession role="doctor"><AppLayout><DoctorRoutes /></AppLayout></RequireSession>} />
      <Route path="/admin/*" element={<RequireSession role="admin"><AppLayout><AdminRoutes /></AppLayout></RequireSession>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * The signed-in part: without a session, to the sign-in screen (keeping where the user wanted to go); a session
 * held to second-factor enrolment goes to /enrol; a role's screens need that role.
 */
function RequireSession({ children, role, enrolment }: { children: ReactNode; role?: Role; enrolment?: boolean }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'starting') return <PageLoader />;
  if (state.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  const mustEnrol = state.claims.second_factor_enrolment_required === true;
  if (mustEnrol && !enrolment) return <Navigate to="/enrol" replace />;
  if (!mustEnrol && enrolment) return <Navigate to="/" replace />;
  if (role && !state.claims.groups.includes(role)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function SignedOutOnly({ children }: { children: ReactNode }) {
  const state = useSession();
  if (state.status === 'starting') return <PageLoader />;
  if (state.status === 'signed-in') return <Navigate to="/" replace />;
  return <>{children}</>;
}

/** "/" opens the first screen of the user's first role. */
function HomeRedirect() {
  const { roles } = useSignedIn();
  const first = roles[0];
  return <Navigate to={first ? NAVIGATION[first].home : '/account'} replace />;
}
