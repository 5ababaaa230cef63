import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { patientApi, unwrap, type PatientSchemas } from '../../api/client';
import { ApiError, describeError } from '../../api/problem';
import { useLinkPatient } from './LinkPatientDialog';

type Candidate = PatientSchemas['Candidate'];

const registration = z.object({
  family: z.string().trim().min(1, 'Family name is required').max(100),
  given: z.string().trim().max(200),
  birthDate: z.iso.date('Birth date as YYYY-MM-DD').refine((d) => d <= new Date().toISOString().slice(0, 10), 'Birth date is in the future'),
  sex: z.enum(['male', 'female', 'other', 'unknown'], 'Choose one'),
  phone: z.string().trim().regex(/^(\+?([ ()./-]*[0-9]){4,15}[ ()./-]*)?$/, 'A phone number, digits with optional +'),
  email: z.union([z.literal(''), z.email('An e-mail address')]),
});

/**
 * Registration with the duplicate check: pick the existing record, or register anyway on purpose. Opened from a
 * walk-in's "Link to patient…" (?link=entry&department=…), the record registered or picked is linked to the entry.
 */
export function RegisterPatientPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const linking = params.get('link') && params.get('department')
    ? { entryId: params.get('link') ?? '', departmentId: params.get('department') ?? '', ticket: params.get('ticket') ?? '', name: params.get('name') ?? '' }
    : undefined;
  const link = useLinkPatient(linking?.departmentId);
  const [candidates, setCandidates] = useState<Candidate[]>();
  const [error, setError] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { family: '', given: '', birthDate: '', sex: '', phone: '', email: '' },
    validate: schemaResolver(registration, { sync: true }),
  });

  const register = async (force: boolean) => {
    const v = form.getValues();
    setError(undefined);
    try {
      const patient = await unwrap(patientApi.POST('/api/v1/patients', {
        params: { query: { force } },
        body: {
          name: { family: v.family.trim(), given: v.given.trim() ? v.given.trim().split(/\s+/) : [] },
          birthDate: v.birthDate, sex: v.sex, phone: v.phone.trim() || null, email: v.email.trim() || null,
        },
      }));
      notifications.show({ color: 'green', message: `Registered ${v.family.toUpperCase()}, ${v.given} (MRN ${patient.mrn ?? ''}).` });
      if (linking && patient.id) await linkTo(patient.id);
      else navigate('/reception', { replace: false });
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'possible-duplicate') {
        setCandidates(((e.problem as { candidates?: Candidate[] } | undefined)?.candidates) ?? []);
      } else if (e instanceof ApiError && Object.keys(e.fieldErrors()).length > 0) {
        form.setErrors(e.fieldErrors());
      } else {
        setError(describeError(e));
      }
    }
  };

  /** Links the walk-in's entry, then back to the live queue where the row now shows the patient's name. */
  async function linkTo(patientId: string) {
    if (!linking) return;
    try {
      await link.mutateAsync({ entryId: linking.entryId, patientId });
      notifications.show({ color: 'green', message: `Ticket ${linking.ticket} is now linked to the patient's record.` });
      navigate('/reception/queue');
    } catch (e) {
      setError(`The patient's record is ready, but ticket ${linking.ticket} was not linked: ${describeError(e)}`);
    }
  }

  return (
    <Stack maw={820}>
      <Title order={2}>Register patient</Title>
      {linking && (
        <Alert color="blue" data-testid="linking-notice">
          Registering the walk-in of ticket {linking.ticket}{linking.name ? ` (${linking.name})` : ''}: the record is linked to the ticket.
        </Alert>
      )}
      <Card withBorder>
        <form onSubmit={form.onSubmit(() => void register(false))} noValidate>
          <Stack>
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Family name" required autoFocus key={form.key('family')} {...form.getInputProps('family')} />
              <TextInput label="Given names" key={form.key('given')} {...form.getInputProps('given')} />
              <TextInput label="Birth date" placeholder="YYYY-MM-DD" required key={form.key('birthDate')} {...form.getInputProps('birthDate')} />
              <Select label="Sex" required data={[{ value: 'female', label: 'Female' }, { value: 'male', label: 'Male' }, { value: 'other', label: 'Other' }, { value: 'unknown', label: 'Unknown' }]}
                key={form.key('sex')} {...form.getInputProps('sex')} />
              <TextInput label="Phone" type="tel" key={form.key('phone')} {...form.getInputProps('phone')} />
              <TextInput label="E-mail" type="email" key={form.key('email')} {...form.getInputProps('email')} />
            </SimpleGrid>
            <Group><Button type="submit" loading={form.submitting}>Register</Button></Group>
          </Stack>
        </form>
      </Card>
      {candidates && (
        <Card withBorder data-testid="duplicate-warning">
          <Alert color="yellow" title="This patient may already be registered" mb="sm">
            Check the records below with the patient. Registering twice splits their history.
          </Alert>
          <Table>
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Birth date</Table.Th><Table.Th>MRN</Table.Th><Table.Th>Matched on</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.familyName?.toUpperCase()}, {(c.givenNames ?? []).join(' ')}</Table.Td>
                  <Table.Td>{c.birthDate}</Table.Td><Table.Td>{c.mrn}</Table.Td><Table.Td>{(c.matchedOn ?? []).join(', ')}</Table.Td>
                  <Table.Td><Button size="xs" onClick={() => (linking && c.id ? void linkTo(c.id) : navigate('/reception'))}>Use this record</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="md" justify="space-between">
            <Text size="sm" c="dimmed">Registering anyway is recorded with your name.</Text>
            <Button color="orange" variant="light" onClick={() => void register(true)}>Register anyway — a different person</Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
