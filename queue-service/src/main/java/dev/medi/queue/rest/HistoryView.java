package dev.medi.queue.rest;

import dev.medi.queue.service.QueueSnapshotService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry and everything that happened to it, across transfers, oldest first. */
public record HistoryView(QueueEntryView entry, List<Transition> transitions, List<Triage> triages) {

    public record Transition(UUID entryId, String from, String to, String actor, Instant at, String reason, String room) {
    }

    public record Triage(UUID entryId, String assessedBy, Instant assessedAt, int engineLevel, String engineRule,
                         int finalLevel, String overrideReason, Integer heartRate, Integer respiratoryRate, Integer spo2,
                         Integer systolicBp, Integer diastolicBp, BigDecimal temperatureCelsius, Integer pain,
                         String consciousness) {
    }

    static HistoryView of(QueueSnapshotService.History history) {
        return new HistoryView(QueueEntryView.of(history.entry()),
                history.transitions().stream().map(t -> new Transition(t.entryId(), t.from() == null ? null : t.from().name(),
                        t.to().name(), t.actor(), t.at(), t.reason(), t.room())).toList(),
                history.triages().stream().map(r -> new Triage(r.entryId(), r.assessedBy(), r.assessedAt(), r.engineLevel(),
                        r.engineRule(), r.finalLevel(), r.overrideReason(), r.heartRate(), r.respiratoryRate(), r.spo2(),
                        r.systolicBp(), r.diastolicBp(), r.temperatureCelsius(), r.pain(), r.consciousness())).toList());
    }
}
