package dev.medi.queue.rest;

import dev.medi.queue.QueueEntry;

import java.time.Instant;
import java.util.UUID;

/** A queue entry as the API shows it. */
public record QueueEntryView(
        UUID id,
        UUID departmentId,
        UUID patientId,
        String status,
        String chiefComplaint,
        Instant arrivedAt,
        long version) {

    static QueueEntryView of(QueueEntry entry) {
        return new QueueEntryView(entry.id(), entry.departmentId(), entry.patientId(), entry.status().name(),
                entry.chiefComplaint(), entry.arrivedAt(), entry.version());
    }
}
