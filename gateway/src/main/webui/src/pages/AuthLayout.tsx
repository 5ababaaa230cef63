import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../ui/Logo';

/** The frame of the screens before sign-in: centred card, product name, nothing else to distract. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap="xs" justify="center">
          <Logo size={36} />
          <Title order={1} size="h2">Medi OS</Title>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={2} size="h3" mb="md">{title}</Title>
          {children}
        </Paper>
        {footer && <Text size="sm" ta="center" c="dimmed">{footer}</Text>}
      </Stack>
    </Center>
  );
}

