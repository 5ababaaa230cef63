package dev.medi.ai.summary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A patient's summary for the doctor: problems, recent encounters, abnormal vital signs and the latest signed notes.
 * Every statement cites the record items it comes from, so the doctor can open each one; nothing is stated that the
 * record does not say.
 *
 * @param engine how the statements were made: {@code offline} (deterministic, from the record's items)
 * @param stale  true while a newer record event has not yet been folded in (the next read recomputes it)
 */
public record PatientSummary(UUID patientId, Instant computedAt, String engine, List<Statement> statements) {

    public PatientSummary {
        statements = List.copyOf(statements);
    }

    /** The sections, in the order the doctor reads them. */
    public enum Section { PROBLEMS, ENCOUNTERS, ABNORMAL_VITALS, SIGNED_NOTES }

    /** One statement and the items it rests on. */
    public record Statement(Section section, String text, List<Citation> citations) {

        public Statement {
            citations = List.copyOf(citations);
        }
    }

    /**
     * A record item: {@code kind} is {@code encounter}, {@code observation} or {@code note}, as in patient-service's
     * history; {@code at} is when it happened.
     */
    public record Citation(String kind, UUID id, Instant at) {
    }
}
