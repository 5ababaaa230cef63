import { createTheme, Modal, Notification, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authApi, unwrap } from '../api/client';

export const theme = createTheme({
  primaryColor: 'blue',
  // shade 8 in light: links and filled buttons keep WCAG AA contrast (4.5:1) on white
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  // clinical screens are read at a glance: a touch larger than Mantine's default
  fontSizes: { xs: '0.8rem', sm: '0.9rem', md: '1rem', lg: '1.125rem', xl: '1.3rem' },
  // darker shades keep text on coloured badges above WCAG AA contrast
  autoContrast: true,
  luminanceThreshold: 0.35,
  components: {
    // every dialog's close button has a name for screen readers
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

type ThemeChoice = 'light' | 'dark' | 'system';

export function useAccount() {
  return useQuery({ queryKey: ['account'], queryFn: () => unwrap(authApi.GET('/api/v1/account')), staleTime: 60_000 });
}

/** The theme is stored in the account, so it follows the user to any screen; applied when the account loads. */
export function useThemePreference() {
  const { setColorScheme } = useMantineColorScheme();
  const queryClient = useQueryClient();
  const account = useAccount();
  const stored = account.data?.theme as ThemeChoice | null | undefined;

  useEffect(() => {
    if (stored) setColorScheme(toScheme(stored));
  }, [stored, setColorScheme]);

  const mutation = useMutation({
    mutationFn: (choice: ThemeChoice) => unwrap(authApi.PATCH('/api/v1/account/preferences', { body: { theme: choice } })),
    onMutate: (choice) => setColorScheme(toScheme(choice)),
    onSuccess: (user) => queryClient.setQueryData(['account'], user),
  });
  return { choice: stored ?? 'system', save: (choice: ThemeChoice) => mutation.mutate(choice), saving: mutation.isPending };
}

function toScheme(choice: ThemeChoice): MantineColorScheme {
  return choice === 'system' ? 'auto' : choice;
}
