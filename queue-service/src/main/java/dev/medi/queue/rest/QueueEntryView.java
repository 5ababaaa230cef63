package dev.medi.queue.rest;

import dev.medi.queue.QueueEntry;

import java.time.Instant;
import java.util.UUID;

/** A queue entry as the API shows it (the same fields as the entry in queue events). */
public record QueueEntryView(
        UUID id,
        UUID departmentId,
        String ticket,
        UUID patientId,
        String arrivalName,
        String status,
        String chiefComplaint,
        Instant arrivedAt,
        Integer esiLevel,
        int priority,
        Integer priorityOverride,
        Instant slaDueAt,
        Instant slaBreachedAt,
        UUID calledBy,
        String room,
        Instant calledAt,
        Instant consultationStartedAt,
        Instant endedAt,
        UUID transferredTo,
        UUID transferredFrom,
        long version) {

    static QueueEntryView of(QueueEntry entry) {
        var snapshot = entry.snapshot();
        return new QueueEntryView(entry.id(), entry.departmentId(), entry.ticket(), entry.patientId(), entry.arrivalName(),
                entry.status().name(), entry.chiefComplaint(), entry.arrivedAt(), entry.esiLevel(), entry.priority(),
                entry.priorityOverride(), entry.slaDueAt(), entry.slaBreachedAt(), entry.calledBy(), entry.room(),
                entry.calledAt(), entry.consultationStartedAt(), entry.endedAt(), snapshot.transferredTo(),
                snapshot.transferredFrom(), entry.version());
    }
}
