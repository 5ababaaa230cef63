import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AiSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatDateTime } from '../../ui/badges';
import { usePatientSummary } from './doctorApi';

type Statement = AiSchemas['Statement'];
type Citation = AiSchemas['Citation'];

const SECTIONS: { key: Statement['section']; title: string }[] = [
  { key: 'PROBLEMS', title: 'Problems' },
  { key: 'ENCOUNTERS', title: 'Recent encounters' },
  { key: 'ABNORMAL_VITALS', title: 'Abnormal vital signs' },
  { key: 'SIGNED_NOTES', title: 'Latest signed notes' },
];

/** Where a statement comes from: a note opens; an encounter or a measurement is named with its time. */
function CitationLink({ citation }: { citation: Citation }) {
  const when = formatDateTime(citation.at ?? null);
  if (citation.kind === 'note' && citation.id) {
    return <Anchor component={Link} to={`/doctor/notes/${citation.id}`} size="xs">note of {when}</Anchor>;
  }
  return <Text span size="xs" c="dimmed">{citation.kind} of {when}</Text>;
}

/** The patient's summary: every statement with the record items it cites (issue 14, item 4). */
export function PatientSummaryPanel({ patientId }: { patientId: string }) {
  const summary = usePatientSummary(patientId);
  if (summary.isPending) return <Group><Loader size="sm" /><Text size="sm">Summarising the record…</Text></Group>;
  if (summary.isError) return <Alert color="red">{describeError(summary.error)}</Alert>;
  const statements = summary.data.statements ?? [];
  return (
    <Stack gap="sm" data-testid="patient-summary">
      <Text size="xs" c="dimmed">
        From the record as of {formatDateTime(summary.data.computedAt ?? null)} — each line names where it comes from.
      </Text>
      {statements.length === 0 && <Text size="sm" c="dimmed">Nothing recorded yet.</Text>}
      {SECTIONS.map(({ key, title }) => {
        const inSection = statements.filter((s) => s.section === key);
        if (inSection.length === 0) return null;
        return (
          <Stack key={key} gap={4}>
            <Title order={4} size="sm">{title}</Title>
            {inSection.map((s, i) => (
              <div key={i} data-testid="summary-statement" data-section={key}>
                <Text size="sm">{s.text}</Text>
                <Group gap={6}>
                  <Badge size="xs" variant="default">source</Badge>
                  {(s.citations ?? []).map((c, j) => <CitationLink key={j} citation={c} />)}
                </Group>
              </div>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
