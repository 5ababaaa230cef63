import { Anchor, Group, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NoteEditor } from './NoteEditor';

/** One note by its id (from "Awaiting my signature" or the history): the same editor, signing and addenda. */
export function NotePage() {
  const { noteId = '' } = useParams();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Clinical note</Title>
        <Anchor component={Link} to="/doctor/signatures">Awaiting my signature</Anchor>
      </Group>
      <NoteEditor key={noteId} noteId={noteId} />
    </Stack>
  );
}
