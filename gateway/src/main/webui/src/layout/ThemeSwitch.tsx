import { ActionIcon, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useThemePreference } from './theme';

/** Light ↔ dark in one click (the account page also offers "as the system"). */
export function ThemeSwitch() {
  const computed = useComputedColorScheme('light');
  const { save } = useThemePreference();
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size="lg" onClick={() => save(next)} aria-label={`Switch to ${next} theme`} data-testid="theme-switch">
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
