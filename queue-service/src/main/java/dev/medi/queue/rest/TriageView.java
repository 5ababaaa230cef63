package dev.medi.queue.rest;

import dev.medi.queue.TriageRecord;
import dev.medi.queue.service.TriageService;
import dev.medi.triage.TriageResult;

import java.time.Instant;
import java.util.List;

/** The engine's proposal, and once stored, what the nurse decided. */
public record TriageView(int engineLevel, String rule, String explanation, List<String> dangerZoneVitals,
                         Integer finalLevel, String overrideReason, String assessedBy, Instant assessedAt,
                         QueueEntryView entry) {

    static TriageView proposal(TriageResult result) {
        return new TriageView(result.level().value(), result.rule().name(), result.explanation(),
                result.dangerZoneVitalsExceeded(), null, null, null, null, null);
    }

    static TriageView of(TriageService.Triaged triaged) {
        TriageRecord record = triaged.record();
        TriageResult result = triaged.engine();
        return new TriageView(result.level().value(), result.rule().name(), result.explanation(),
                result.dangerZoneVitalsExceeded(), record.finalLevel(), record.overrideReason(), record.assessedBy(),
                record.assessedAt(), QueueEntryView.of(triaged.entry()));
    }
}
