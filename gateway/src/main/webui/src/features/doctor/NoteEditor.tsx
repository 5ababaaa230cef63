import { Alert, Badge, Button, Card, Grid, Group, Loader, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notify } from './notify';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { patientApi } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { withReauthentication } from '../../auth/reauthentication';
import { formatDateTime } from '../../ui/badges';
import { noteKey, patientNotesKey, unwrapBlob, unwrapNote, useNote, type Note, type TaggedNote } from './doctorApi';
import { SECTIONS, draftStore, restore, sameSoap, isBlank, soapOf, toBody, type Soap } from './noteDraft';

const AUTOSAVE_DELAY_MS = 1000;

/** "AI draft — edited by dr.x": wherever a note carries AI provenance. */
export function ProvenanceBadge({ note }: { note: Pick<Note, 'provenance' | 'updatedBy' | 'createdAt' | 'updatedAt'> | undefined }) {
  if (!note?.provenance?.aiGenerated) return null;
  const edited = note.updatedBy && note.updatedAt && note.createdAt && note.updatedAt !== note.createdAt;
  const details = [note.provenance.model && `model ${note.provenance.model}`, note.provenance.promptVersion && `prompt ${note.provenance.promptVersion}`]
    .filter(Boolean).join(', ');
  return (
    <Tooltip label={details || 'Drafted by the AI assistant'}>
      <Badge color="violet.8" variant="filled" data-testid="ai-provenance">
        AI draft{edited ? ` — edited by ${note.updatedBy}` : ''}
      </Badge>
    </Tooltip>
  );
}

/**
 * A clinical note: an existing one by id, or a new draft of an encounter created on the first words typed.
 * Drafts are edited with autosave; signed notes are read-only with addenda and the PDF.
 */
export function NoteEditor({ noteId, encounterId, onCreated }: { noteId?: string; encounterId?: string; onCreated?: (noteId: string) => void }) {
  const queryClient = useQueryClient();
  const [createdId, setCreatedId] = useState<string>();
  const id = noteId ?? createdId;
  const loaded = useNote(id);
  if (id && loaded.isError) return <Alert color="red">{describeError(loaded.error)}</Alert>;
  if (id && !loaded.data) return <Group><Loader size="sm" /><Text>Loading the note…</Text></Group>;
  if (loaded.data?.note.status === 'signed') return <SignedNote tagged={loaded.data} />;
  return (
    <DraftEditor key={encounterId ?? id} initial={loaded.data} encounterId={encounterId}
      onCreated={(tagged) => {
        const created = tagged.note.id ?? '';
        queryClient.setQueryData(noteKey(created), tagged);
        setCreatedId(created);
        onCreated?.(created);
      }} />
  );
}

type SaveState = 'saved' | 'saving' | 'dirty' | 'error' | 'conflict';

function DraftEditor({ initial, encounterId, onCreated }: { initial: TaggedNote | undefined; encounterId?: string; onCreated: (tagged: TaggedNote) => void }) {
  const queryClient = useQueryClient();
  const noteId = useRef(initial?.note.id ?? undefined);
  const etag = useRef(initial?.etag);
  const version = useRef<number | null>(initial?.note.version ?? null);
  const baseline = useRef<Soap>(soapOf(initial?.note));
  const scope = () => noteId.current ? draftStore.scopeOfNote(noteId.current) : draftStore.scopeOfEncounter(encounterId ?? '');
  const [start] = useState(() => restore(initial ? { soap: soapOf(initial.note), version: initial.note.version ?? 0 } : undefined, draftStore.load(scope())));
  const [soap, setSoap] = useState<Soap>(start.soap);
  const current = useRef<Soap>(start.soap);
  const [meta, setMeta] = useState<Note | undefined>(initial?.note);
  const [state, setState] = useState<SaveState>(start.kind === 'server' ? 'saved' : start.kind === 'conflict' ? 'conflict' : 'dirty');
  const [savedAt, setSavedAt] = useState<Date | undefined>(initial?.note.updatedAt ? new Date(initial.note.updatedAt) : undefined);
  const [error, setError] = useState<string>();
  const [theirs, setTheirs] = useState<TaggedNote | undefined>(start.kind === 'conflict' ? initial : undefined);
  const conflict = useRef(start.kind === 'conflict');
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [signing, setSigning] = useState(false);

  const invalidateLists = () => {
    void queryClient.invalidateQueries({ queryKey: patientNotesKey(meta?.patientId ?? undefined) });
    void queryClient.invalidateQueries({ queryKey: ['awaiting-my-signature'] });
  };

  const accept = (tagged: TaggedNote, saved: Soap) => {
    etag.current = tagged.etag;
    version.current = tagged.note.version ?? null;
    baseline.current = saved;
    setMeta(tagged.note);
    setSavedAt(new Date());
    queryClient.setQueryData(noteKey(tagged.note.id ?? undefined), tagged);
    if (sameSoap(current.current, saved)) {
      draftStore.clear(scope());
      setState('saved');
    } else {
      draftStore.save(scope(), { soap: current.current, baseVersion: version.current });
      setState('dirty');
    }
  };

  const showConflict = async () => {
    conflict.current = true;
    setState('conflict');
    try {
      setTheirs(await unwrapNote(patientApi.GET('/api/v1/notes/{id}', { params: { path: { id: noteId.current ?? '' } } })));
    } catch (e) {
      setError(describeError(e));
    }
  };

  const save = (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (conflict.current) return Promise.resolve(false);
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const text = current.current;
    if (noteId.current ? sameSoap(text, baseline.current) : isBlank(text)) return Promise.resolve(true);
    setState('saving');
    const run = (async () => {
      try {
        if (!noteId.current) {
          const tagged = await unwrapNote(patientApi.POST('/api/v1/encounters/{encounterId}/notes', {
            params: { path: { encounterId: encounterId ?? '' } }, body: toBody(text),
          }));
          draftStore.clear(scope());
          noteId.current = tagged.note.id ?? undefined;
          accept(tagged, text);
          onCreated(tagged);
          invalidateLists();
        } else {
          accept(await unwrapNote(patientApi.PUT('/api/v1/notes/{id}', {
            params: { path: { id: noteId.current }, header: { 'If-Match': etag.current ?? '' } }, body: toBody(text),
          })), text);
        }
        setError(undefined);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 412) {
          await showConflict();
        } else {
          setState('error');
          setError(describeError(e));
        }
        return false;
      } finally {
        inFlight.current = undefined;
        if (again.current) {
          again.current = false;
          if (!conflict.current) void save();
        }
      }
    })();
    inFlight.current = run;
    return run;
  };

  const change = (key: keyof Soap, value: string) => {
    const next = { ...current.current, [key]: value };
    current.current = next;
    setSoap(next);
    draftStore.save(scope(), { soap: next, baseVersion: version.current });
    if (!conflict.current) {
      setState('dirty');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    }
  };

  // text restored from this tab is saved at once; leaving the screen saves what is pending
  useEffect(() => {
    if (start.kind === 'unsaved') void save();
    return () => {
      clearTimeout(timer.current);
      if (!conflict.current) void save();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const keepMine = async () => {
    if (!theirs) return;
    setState('saving');
    const text = current.current;
    try {
      accept(await unwrapNote(patientApi.PUT('/api/v1/notes/{id}', {
        params: { path: { id: noteId.current ?? '' }, header: { 'If-Match': theirs.etag } }, body: toBody(text),
      })), text);
      conflict.current = false;
      setTheirs(undefined);
      setError(undefined);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await showConflict();
      else { setState('error'); setError(describeError(e)); }
    }
  };

  const takeTheirs = () => {
    if (!theirs) return;
    const text = soapOf(theirs.note);
    current.current = text;
    setSoap(text);
    conflict.current = false;
    setTheirs(undefined);
    accept(theirs, text);
  };

  const sign = async () => {
    setSigning(true);
    try {
      while (inFlight.current) await inFlight.current;
      if (!(await save()) || !noteId.current) return;
      const id = noteId.current;
      const tagged = await withReauthentication(() => unwrapNote(patientApi.POST('/api/v1/notes/{id}/sign', {
        params: { path: { id }, header: { 'If-Match': etag.current ?? '' } },
      })), 'Signing a note needs a recent sign-in.');
      conflict.current = true; // nothing more to save: the note is signed
      draftStore.clear(scope());
      queryClient.setQueryData(noteKey(id), tagged);
      invalidateLists();
      notify({ color: 'green', message: 'Note signed.' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await showConflict();
      else notify({ color: 'red', title: 'Not signed', message: describeError(e) });
    } finally {
      setSigning(false);
    }
  };

  return (
    <Card withBorder data-testid="note-editor">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h4">{noteId.current ? 'Draft note' : 'New note'}</Title>
          <ProvenanceBadge note={meta} />
        </Group>
        <SaveStatus state={state} savedAt={savedAt} />
      </Group>
      {error && <Alert color="red" mb="sm" role="alert">{error}</Alert>}
      {state === 'conflict' ? (
        <ConflictView mine={soap} theirs={theirs} onKeepMine={() => void keepMine()} onTakeTheirs={takeTheirs} />
      ) : (
        <Stack gap="sm">
          {SECTIONS.map((s) => (
            <Textarea key={s.key} label={s.label} description={s.hint} autosize minRows={2} maxRows={12} maxLength={20000}
              value={soap[s.key]} onChange={(e) => change(s.key, e.currentTarget.value)} onBlur={() => void save()} />
          ))}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">Saved automatically as you type. Signing needs your password if you signed in more than a few minutes ago.</Text>
            <Button onClick={() => void sign()} loading={signing} disabled={!noteId.current || state === 'error'} data-testid="sign-note">Sign</Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: Date | undefined }) {
  const label = state === 'saving' ? 'Saving…'
    : state === 'saved' ? (savedAt ? `Saved ${savedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}` : 'Saved')
      : 'Not saved';
  return (
    <Text size="sm" c={state === 'saved' ? 'dimmed' : state === 'error' || state === 'conflict' ? 'red.8' : undefined} role="status"
      aria-live="polite" data-testid="save-status" data-state={state}>
      {label}
    </Text>
  );
}

/** Someone saved this draft meanwhile: both texts side by side; the doctor's text is never dropped silently. */
function ConflictView({ mine, theirs, onKeepMine, onTakeTheirs }: { mine: Soap; theirs: TaggedNote | undefined; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const other = soapOf(theirs?.note);
  return (
    <Stack data-testid="note-conflict">
      <Alert color="orange">
        <Text fw={700} size="sm">Someone else saved this note meanwhile.</Text>
        {theirs?.note.updatedBy ? `${theirs.note.updatedBy} saved it` : 'It was saved elsewhere'}{theirs?.note.updatedAt ? ` at ${formatDateTime(theirs.note.updatedAt)}` : ''}.
        Choose which text to keep; the other is kept in the note's versions.
      </Alert>
      <Grid>
        {([['Your text', mine, 'conflict-mine'], ['Their text', other, 'conflict-theirs']] as const).map(([title, text, testId]) => (
          <Grid.Col key={title} span={{ base: 12, sm: 6 }}>
            <Paper withBorder p="sm" data-testid={testId}>
              <Title order={4} size="h5" mb="xs">{title}</Title>
              {SECTIONS.map((s) => (
                <div key={s.key}>
                  <Text size="xs" fw={700}>{s.label}</Text>
                  <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{text[s.key] || '—'}</Text>
                </div>
              ))}
            </Paper>
          </Grid.Col>
        ))}
      </Grid>
      <Group justify="flex-end">
        <Button variant="default" onClick={onTakeTheirs} disabled={!theirs}>Take theirs</Button>
        <Button onClick={onKeepMine} disabled={!theirs}>Keep mine</Button>
      </Group>
    </Stack>
  );
}

/** A signed note: read-only, with its addenda (each signed), a new addendum, and the PDF. */
export function SignedNote({ tagged }: { tagged: TaggedNote }) {
  const { note } = tagged;
  const queryClient = useQueryClient();
  const [addendum, setAddendum] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const addAddendum = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const updated = await withReauthentication(() => unwrapNote(patientApi.POST('/api/v1/notes/{id}/addenda', {
        params: { path: { id: note.id ?? '' } }, body: { text: addendum },
      })), 'Adding an addendum signs it: it needs a recent sign-in.');
      queryClient.setQueryData(noteKey(note.id ?? undefined), updated);
      setAddendum('');
      notify({ color: 'green', message: 'Addendum added.' });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="signed-note">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h4">Signed note</Title>
          <Badge color="teal.9" variant="filled">Signed</Badge>
          <ProvenanceBadge note={note} />
        </Group>
        <PdfButton noteId={note.id ?? ''} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm" data-testid="signature">Signed by {note.signedBy ?? '—'} on {formatDateTime(note.signedAt)}</Text>
      {SECTIONS.map((s) => (
        <div key={s.key}>
          <Text size="sm" fw={700}>{s.label}</Text>
          <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{note[s.key] || '—'}</Text>
        </div>
      ))}
      {note.attestation && <Text size="xs" c="dimmed" mb="xs">{note.attestation}</Text>}
      <Title order={4} size="h5" mt="sm">Addenda</Title>
      <Stack gap="xs" data-testid="addenda">
        {(note.addenda ?? []).length === 0 && <Text size="sm" c="dimmed">None.</Text>}
        {(note.addenda ?? []).map((a) => (
          <Paper key={a.id} withBorder p="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
            <Text size="xs" c="dimmed">{a.signedBy} · {formatDateTime(a.signedAt)}</Text>
          </Paper>
        ))}
      </Stack>
      <Textarea mt="sm" label="New addendum" autosize minRows={2} maxLength={20000} value={addendum} onChange={(e) => setAddendum(e.currentTarget.value)} />
      {error && <Alert color="red" mt="xs" role="alert">{error}</Alert>}
      <Group justify="flex-end" mt="xs">
        <Button onClick={() => void addAddendum()} loading={busy} disabled={!addendum.trim()}>Add addendum</Button>
      </Group>
    </Card>
  );
}

/** The signed note's PDF in a new tab (downloaded when the browser blocks the tab). */
function PdfButton({ noteId }: { noteId: string }) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    const tab = window.open('', '_blank');
    setBusy(true);
    try {
      const blob = await unwrapBlob(patientApi.GET('/api/v1/notes/{id}/pdf', {
        params: { path: { id: noteId } }, parseAs: 'blob', headers: { Accept: 'application/pdf' },
      }));
      const url = URL.createObjectURL(blob);
      if (tab) {
        tab.location.href = url;
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = `note-${noteId}.pdf`;
        link.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      notify({ color: 'red', title: 'No PDF', message: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  return <Button variant="default" onClick={() => void open()} loading={busy}>Print / PDF</Button>;
}
