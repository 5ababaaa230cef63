import { Alert, Group, Kbd, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';
import { describeError } from '../../api/problem';
import { formatName } from '../queue/patientNames';

export type PatientSummary = PatientSchemas['PatientSummary'];

export interface PatientSearchProps {
  selected: PatientSummary | undefined;
  onSelect: (patient: PatientSummary) => void;
  /** What to offer when nothing matches (register, walk-in…). */
  noMatch?: ReactNode;
  autoFocus?: boolean;
}

/** Find a registered patient as you type (keyboard only: ↑ ↓ Enter); typos are tolerated by patient-service. */
export function PatientSearch({ selected, onSelect, noMatch, autoFocus }: PatientSearchProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [highlight, setHighlight] = useState(0);

  const search = useQuery({
    queryKey: ['patient-search', debounced],
    enabled: debounced.length >= 2,
    queryFn: () => unwrap(patientApi.GET('/api/v1/patients', { params: { query: { q: debounced, limit: 8 } } })),
    placeholderData: (previous) => previous,
  });
  const results = debounced.length >= 2 ? search.data?.items ?? [] : [];

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setHighlight((h) => Math.min(h + 1, results.length - 1)); }
    if (event.key === 'ArrowUp') { event.preventDefault(); setHighlight((h) => Math.max(h - 1, 0)); }
    if (event.key === 'Enter' && results[highlight]) { event.preventDefault(); onSelect(results[highlight]); }
  };

  return (
    <Stack gap="xs">
      <TextInput label="Find patient" description={<>Name, birth date (YYYY-MM-DD), MRN or phone — typos are fine. <Kbd>↑</Kbd> <Kbd>↓</Kbd> <Kbd>Enter</Kbd></>}
        value={query} onChange={(e) => { setQuery(e.currentTarget.value); setHighlight(0); }} onKeyDown={onKey}
        autoFocus={autoFocus} data-autofocus={autoFocus || undefined} aria-controls={listId} data-testid="patient-search" />
      {search.isError && <Alert color="red">{describeError(search.error)}</Alert>}
      <Stack gap={4} id={listId} role="listbox" aria-label="Matching patients">
        {results.map((p, index) => (
          <UnstyledButton key={p.id} role="option" aria-selected={selected?.id === p.id} onClick={() => onSelect(p)}
            p="xs" bd={`1px solid ${index === highlight ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-default-border)'}`}
            bg={selected?.id === p.id ? 'var(--mantine-color-blue-light)' : undefined} style={{ borderRadius: 6 }} data-testid="patient-result">
            <Group justify="space-between">
              <Text fw={600}>{formatName(p.name)}</Text>
              <Text size="sm" c="dimmed">{p.birthDate} · {p.sex} · MRN {p.mrn}</Text>
            </Group>
          </UnstyledButton>
        ))}
        {debounced.length >= 2 && search.isSuccess && results.length === 0 && (
          <Text size="sm" c="dimmed">No match. {noMatch}</Text>
        )}
      </Stack>
    </Stack>
  );
}

