import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { formatTime } from '../../ui/badges';

export interface Ticket {
  ticket: string;
  departmentName: string;
  arrivedAt: string | undefined;
}

/** The ticket to hand over (printed or shown): the number the waiting-room board calls, nothing about the patient. */
export function TicketDialog({ ticket, onClose }: { ticket: Ticket | undefined; onClose: () => void }) {
  return (
    <Modal opened={ticket !== undefined} onClose={onClose} title="Checked in" centered>
      {ticket && (
        <Stack align="center" gap="xs" className="ticket" data-testid="ticket">
          <Text size="sm">{ticket.departmentName}</Text>
          <Title order={2} style={{ fontSize: '3.5rem', letterSpacing: '0.05em' }} data-testid="ticket-number">{ticket.ticket}</Title>
          <Text size="sm">Arrived {formatTime(ticket.arrivedAt)}. Please watch the screen in the waiting room.</Text>
          <Group className="no-print" mt="md">
            <Button variant="default" onClick={onClose}>Close</Button>
            <Button onClick={() => window.print()} data-autofocus>Print ticket</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
