import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh" component="main">
      <Stack align="center">
        <Title order={1} size="h2">Page not found</Title>
        <Text c="dimmed">This address does not lead to a screen of Medi OS.</Text>
        <Button component={Link} to="/">Go to my start screen</Button>
      </Stack>
    </Center>
  );
}
