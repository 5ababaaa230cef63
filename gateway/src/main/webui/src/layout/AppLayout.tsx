import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Select, Text, UnstyledButton, VisuallyHidden, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink as RouterNavLink, useLocation } from 'react-router';
import { IdleWarning } from '../auth/IdleWarning';
import { ReauthDialog } from '../auth/ReauthDialog';
import { useSessionObject, useSignedIn } from '../auth/SessionContext';
import { departmentChoice, useCurrentDepartment } from '../departments/departments';
import { NAVIGATION } from '../features/nav';
import { ConnectionIndicator, LiveQueueProvider } from '../live/LiveQueue';
import { Logo } from '../ui/Logo';
import { PageLoader } from '../ui/PageLoader';
import { ThemeSwitch } from './ThemeSwitch';

/** The signed-in frame: header (department, live status, account), the role's navigation, the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { roles, claims, departments: mine } = useSignedIn();
  const session = useSessionObject();
  const { id: departmentId, departments } = useCurrentDepartment();
  const location = useLocation();
  const followed = [...new Set([...mine, ...(departmentId ? [departmentId] : [])])];

  return (
    <LiveQueueProvider departments={followed}>
      <a href="#main" className="skip-link">Skip to content</a>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
              <UnstyledButton component={Link} to="/" aria-label="Medi OS home">
                <Group gap={6} wrap="nowrap"><Logo /><Title order={1} size="h4" visibleFrom="xs">Medi OS</Title></Group>
              </UnstyledButton>
              {departments.length > 0 && (
                <Select aria-label="Department" size="sm" w={200} allowDeselect={false} value={departmentId ?? null}
                  data={departments.map((d) => ({ value: d.id ?? '', label: d.name ?? d.code ?? '' }))}
                  onChange={(value) => value && departmentChoice.set(value)} comboboxProps={{ withinPortal: true }} />
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <ConnectionIndicator />
              <ThemeSwitch />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label="Account menu" data-testid="account-menu">
                    <Group gap={4} wrap="nowrap">
                      <IconUserCircle size={22} aria-hidden />
                      <Text size="sm" visibleFrom="md">{claims.upn}</Text>
                      <IconChevronDown size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>Account</Menu.Item>
                  <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void session.signOut()}>Sign out</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          <ScrollArea>
            {roles.map((role) => (
              <div key={role}>
                {roles.length > 1 && <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm">{NAVIGATION[role].title}</Text>}
                {NAVIGATION[role].items.map((item) => (
                  <NavLink key={item.to} component={RouterNavLink} to={item.to} end label={item.label} onClick={close}
                    active={location.pathname === item.to} />
                ))}
              </div>
            ))}
            {roles.length === 0 && <VisuallyHidden>No role screens</VisuallyHidden>}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense fallback={<PageLoader />}>{children}</Suspense>
        </AppShell.Main>
      </AppShell>
      <IdleWarning />
      <ReauthDialog />
    </LiveQueueProvider>
  );
}
