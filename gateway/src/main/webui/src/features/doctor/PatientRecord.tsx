import { Alert, Badge, Button, FileInput, Group, Modal, Paper, Select, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { notify } from './notify';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { patientApi, unwrap } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatDateTime } from '../../ui/badges';
import { unwrapBlob, useDocuments, useHistory, type DocumentView, type Encounter, type HistoryItem, type NoteSummary } from './doctorApi';

/** Encounters, notes, documents and vital-sign sets of the patient, newest first. */
export function HistoryTimeline({ patientId }: { patientId: string }) {
  const history = useHistory(patientId);
  const items = (history.data?.items ?? []).filter((i) => ['encounter', 'note', 'document', 'vitals'].includes(i.kind ?? ''));
  return (
    <Paper withBorder p="md" data-testid="history">
      <Title order={3} size="h4" mb="sm">History</Title>
      {history.isError && <Alert color="red">{describeError(history.error)}</Alert>}
      {history.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">Nothing recorded yet.</Text>}
      <Timeline bulletSize={14} lineWidth={2}>
        {items.map((item) => <Timeline.Item key={`${item.kind}-${item.id}`} title={<HistoryTitle item={item} />}>
          <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
        </Timeline.Item>)}
      </Timeline>
    </Paper>
  );
}

function HistoryTitle({ item }: { item: HistoryItem }) {
  switch (item.kind) {
    case 'encounter': {
      const e = item.detail as Encounter;
      return <Text size="sm" fw={600}>Encounter{e.reason ? ` — ${e.reason}` : ''} <Text span size="xs" c="dimmed">{e.status}{e.outcome ? `, ${e.outcome}` : ''}</Text></Text>;
    }
    case 'note': {
      const n = item.detail as NoteSummary;
      return (
        <Group gap={6}>
          <Text size="sm" fw={600} component={Link} to={`/doctor/notes/${n.id ?? ''}`} td="underline">Note</Text>
          <Badge size="xs" variant="filled" color={n.status === 'signed' ? 'teal.9' : 'gray.7'}>{n.status}</Badge>
          {n.aiGenerated && <Badge size="xs" variant="filled" color="violet.8">AI draft</Badge>}
          <Text size="xs" c="dimmed">{n.createdBy}</Text>
        </Group>
      );
    }
    case 'document': {
      const d = item.detail as DocumentView;
      return <Text size="sm" fw={600}>Document — {d.title} <Text span size="xs" c="dimmed">{d.category}</Text></Text>;
    }
    default:
      return <Text size="sm" fw={600}>Vital signs</Text>;
  }
}

const CATEGORIES = ['referral', 'lab-result', 'imaging', 'prescription', 'consent', 'other'];

/** The patient's documents: preview (images and PDF, fetched with the session) and upload. */
export function DocumentsPanel({ patientId }: { patientId: string }) {
  const documents = useDocuments(patientId);
  const [preview, setPreview] = useState<DocumentView>();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<string | null>('other');
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: () => unwrap(patientApi.POST('/api/v1/patients/{patientId}/documents', {
      params: { path: { patientId }, query: { title: title.trim(), category: category ?? 'other', fileName: file?.name ?? 'document' } },
      // the raw file is the body, with its own Content-Type
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': file?.type ?? 'application/octet-stream' },
    })),
    onSuccess: () => {
      notify({ color: 'green', message: 'Document filed.' });
      setFile(null);
      setTitle('');
      void queryClient.invalidateQueries({ queryKey: ['patient-documents', patientId] });
      void queryClient.invalidateQueries({ queryKey: ['patient-history', patientId] });
    },
  });
  const items = (documents.data?.items ?? []).filter((d) => !d.enteredInError);
  return (
    <Paper withBorder p="md" data-testid="documents">
      <Title order={3} size="h4" mb="sm">Documents</Title>
      {documents.isError && <Alert color="red">{describeError(documents.error)}</Alert>}
      {documents.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">No documents.</Text>}
      {items.length > 0 && (
        <Table verticalSpacing={4} aria-label="Documents">
          <Table.Thead><Table.Tr><Table.Th>Title</Table.Th><Table.Th>Category</Table.Th><Table.Th>Filed</Table.Th><Table.Th><span className="visually-hidden">Actions</span></Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.title}</Table.Td><Table.Td>{d.category}</Table.Td><Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                <Table.Td><Button size="xs" variant="light" onClick={() => setPreview(d)} aria-label={`View ${d.title ?? 'document'}`}>View</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={(e) => { e.preventDefault(); upload.mutate(); }}>
        <Group align="end" mt="sm" wrap="wrap">
          <FileInput label="File (PDF, PNG, JPEG)" accept="application/pdf,image/png,image/jpeg" value={file} onChange={setFile} w={200} clearable />
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={180} maxLength={200} />
          <Select label="Category" data={CATEGORIES} value={category} onChange={setCategory} w={140} allowDeselect={false} />
          <Button type="submit" disabled={!file || !title.trim()} loading={upload.isPending}>Upload</Button>
        </Group>
        {upload.isError && <Alert color="red" mt="xs" role="alert">{describeError(upload.error)}</Alert>}
      </form>
      <DocumentPreview document={preview} onClose={() => setPreview(undefined)} />
    </Paper>
  );
}

function DocumentPreview({ document, onClose }: { document: DocumentView | undefined; onClose: () => void }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!document?.id) return;
    let objectUrl: string | undefined;
    let cancelled = false;
    setError(undefined);
    unwrapBlob(patientApi.GET('/api/v1/documents/{id}/content', { params: { path: { id: document.id } }, parseAs: 'blob', headers: { Accept: '*/*' } }))
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((e: unknown) => !cancelled && setError(describeError(e)));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [document?.id]);
  const isImage = document?.contentType?.startsWith('image/');
  return (
    <Modal opened={!!document} onClose={onClose} title={document?.title ?? 'Document'} size="xl" centered>
      {error && <Alert color="red">{error}</Alert>}
      {!url && !error && <Text size="sm">Loading…</Text>}
      {url && (isImage
        ? <img src={url} alt={document?.title ?? 'Document'} style={{ maxWidth: '100%' }} />
        : <iframe src={url} title={document?.title ?? 'Document'} style={{ width: '100%', height: '70vh', border: 0 }} />)}
    </Modal>
  );
}
