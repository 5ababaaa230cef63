package dev.medi.queue.service;

import dev.medi.platform.events.QueueEvents;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.QueueStatus;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueTransitionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Housekeeping on a timer, safe with several replicas: per department, under the department's lock,
 * marks SLA breaches when they happen (an event each, once), applies aging, and closes the day at the
 * department's auto-close time. Also refreshes the waiting gauges. Each replica may run it; the lock and the
 * once-only markers make a second run a no-op. (Old Idempotency-Keys are {@link IdempotencyKeyExpiry}'s job.)
 */
@ApplicationScoped
public class SlaMonitor {

    private static final String END_OF_DAY = "end-of-day close";

    private final DepartmentRepository departments;
    private final DepartmentSequenceRepository sequences;
    private final QueueEntryRepository entries;
    private final QueueTransitionRepository transitions;
    private final QueueEventPublisher events;
    private final QueuePriority rules;
    private final QueueMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    SlaMonitor(DepartmentRepository departments, DepartmentSequenceRepository sequences, QueueEntryRepository entries,
               QueueTransitionRepository transitions, QueueEventPublisher events, QueuePriority rules,
               QueueMetrics metrics) {
        this.departments = departments;
        this.sequences = sequences;
        this.entries = entries;
        this.transitions = transitions;
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Scheduled(every = "${medi.queue.sla.check-every}", delayed = "${medi.queue.sla.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        Instant now = clock.instant();
        return departments.all()
                .flatMap(all -> Multi.createFrom().iterable(all).filter(Department::active)
                        .onItem().transformToUniAndConcatenate(department -> check(department.id(), now)
                                .onFailure().recoverWithItem(failure -> {
                                    Log.warnf("SLA check of department %s failed: %s", department.id(), failure.getClass().getSimpleName());
                                    return null;
                                }))
                        .collect().asList()
                        .call(() -> entries.waitingCounts().invoke(counts -> metrics.waiting(
                                all.stream().collect(Collectors.toMap(Department::id, Department::code)), counts))))
                .replaceWithVoid();
    }

    /** One department, one transaction: breaches, aging, and the daily close. */
    @WithTransaction
    Uni<Void> check(UUID departmentId, Instant now) {
        return sequences.lockDepartment(departmentId)
                .chain(() -> departments.findById(departmentId))
                .flatMap(department -> (department.autoCloseDue(now) ? close(department, now) : age(department, now)));
    }

    private Uni<Void> age(Department department, Instant now) {
        return entries.agingCandidates(department.id(), now).flatMap(waiting -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(entry -> {
                    boolean reprioritised = entry.reprioritise(department.slaTargets(), rules, now);
                    if (entry.markBreachIfDue(now)) {
                        metrics.slaBreached(entry);
                        Log.infof("SLA breached by entry %s in department %s", entry.id(), department.id());
                        return events.record(QueueEvents.SLA_BREACHED, entry, QueueEventPublisher.BY_ITSELF);
                    }
                    return reprioritised ? events.record(QueueEvents.REPRIORITISED, entry, QueueEventPublisher.BY_ITSELF) : Uni.createFrom().nullItem();
                })
                .collect().asList()).replaceWithVoid();
    }

    /** Entries still waiting at the close are cancelled, called ones that never came are no-shows. */
    private Uni<Void> close(Department department, Instant now) {
        department.autoClosed(now);
        return entries.active(department.id()).flatMap(active -> Multi.createFrom().iterable(active)
                .filter(entry -> entry.status().waiting() || entry.status() == QueueStatus.CALLED)
                .onItem().transformToUniAndConcatenate(entry -> {
                    boolean waiting = entry.status().waiting();
                    var transition = waiting ? entry.cancel("system", END_OF_DAY, now) : entry.noShow("system", END_OF_DAY, now);
                    return transitions.persist(transition).chain(() -> events.record(
                            waiting ? QueueEvents.CANCELLED : QueueEvents.NO_SHOW, entry,
                            QueueEventPublisher.BY_ITSELF));
                })
                .collect().asList()
                .invoke(closed -> Log.infof("department %s closed for the day: %d entries", department.id(), closed.size())))
                .replaceWithVoid();
    }
}
