package dev.medi.queue.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.QueueEvents;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.QueueTransition;
import dev.medi.queue.TriageRecord;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueTransitionRepository;
import dev.medi.queue.repository.TriageRecordRepository;
import dev.medi.triage.TriageAssessment;
import dev.medi.triage.TriageEngine;
import dev.medi.triage.TriageResult;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Nurse triage: the ESI engine proposes a level from the inputs (always recomputed here, never taken from
 * the client), the nurse confirms it or sets another with a reason. Every assessment is kept.
 */
@ApplicationScoped
public class TriageService {

    /** A stored triage with the engine's view of it. */
    public record Triaged(QueueEntry entry, TriageRecord record, TriageResult engine) {
    }

    private final TriageEngine engine = new TriageEngine();
    private final DepartmentRepository departments;
    private final DepartmentSequenceRepository sequences;
    private final QueueEntryRepository entries;
    private final QueueTransitionRepository transitions;
    private final TriageRecordRepository records;
    private final QueueEventPublisher events;
    private final QueuePriority rules;
    private final Clock clock = Clock.systemUTC();

    TriageService(DepartmentRepository departments, DepartmentSequenceRepository sequences, QueueEntryRepository entries,
                  QueueTransitionRepository transitions, TriageRecordRepository records, QueueEventPublisher events,
                  QueuePriority rules) {
        this.departments = departments;
        this.sequences = sequences;
        this.entries = entries;
        this.transitions = transitions;
        this.records = records;
        this.events = events;
        this.rules = rules;
    }

    /** The engine's proposal, stored nowhere (the triage screen shows it while the nurse fills in the form). */
    public TriageResult evaluate(TriageAssessment assessment) {
        return engine.assess(assessment);
    }

    /**
     * @param finalLevel     the level the nurse sets; {@code null} accepts the engine's
     * @param overrideReason required when {@code finalLevel} differs from the engine's
     */
    @WithTransaction
    public Uni<Triaged> triage(Caller caller, UUID departmentId, UUID entryId, TriageAssessment assessment,
                               Integer finalLevel, String overrideReason) {
        caller.requireDepartment(departmentId);
        TriageResult result = engine.assess(assessment);
        int level = finalLevel == null ? result.level().value() : finalLevel;
        if (level != result.level().value() && (overrideReason == null || overrideReason.isBlank())) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "The level differs from the ESI engine's (" + result.level().value() + "): give a reason for the override.",
                    List.of(new Problem.FieldError("overrideReason", "is required when finalLevel differs from the engine's level")));
        }
        Instant now = clock.instant();
        return sequences.lockDepartment(departmentId)
                .chain(() -> departments.findById(departmentId)).map(Departments::found)
                .flatMap(department -> entries.findById(entryId).map(entry -> Departments.inDepartment(entry, departmentId))
                        .flatMap(entry -> {
                            QueueTransition transition = entry.triage(level, caller.username(), department.slaTargets(), rules, now);
                            TriageRecord record = TriageRecord.of(entry.id(), assessment, result, level, overrideReason,
                                    caller.username(), now);
                            return transitions.persist(transition)
                                    .call(() -> records.persist(record))
                                    .call(() -> events.record(QueueEvents.TRIAGED, entry, record.eventData(), caller))
                                    .replaceWith(new Triaged(entry, record, result));
                        }));
    }
}
