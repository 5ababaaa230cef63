package dev.medi.queue.service;

import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.QueueSnapshot;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.QueueTransition;
import dev.medi.queue.TriageRecord;
import dev.medi.queue.config.QueueConfig;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueTransitionRepository;
import dev.medi.queue.repository.TriageRecordRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading the queue: the department snapshot with positions and estimates, the public board, an entry's history. */
@ApplicationScoped
public class QueueSnapshotService {

    /** A ticket on the waiting-room board: no name, no patient id, no complaint. */
    public record BoardTicket(String ticket, String status, String room) {
    }

    public record Board(UUID departmentId, String department, long sequence, Instant generatedAt, List<BoardTicket> tickets) {
    }

    /** An entry with everything that happened to it, following transfers back to the first department. */
    public record History(QueueEntry entry, List<QueueTransition> transitions, List<TriageRecord> triages) {
    }

    private final DepartmentRepository departments;
    private final DepartmentSequenceRepository sequences;
    private final QueueEntryRepository entries;
    private final QueueTransitionRepository transitions;
    private final TriageRecordRepository triages;
    private final QueueConfig config;
    private final Clock clock = Clock.systemUTC();

    QueueSnapshotService(DepartmentRepository departments, DepartmentSequenceRepository sequences,
                         QueueEntryRepository entries, QueueTransitionRepository transitions,
                         TriageRecordRepository triages, QueueConfig config) {
        this.departments = departments;
        this.sequences = sequences;
        this.entries = entries;
        this.transitions = transitions;
        this.triages = triages;
        this.config = config;
    }

    /**
     * The live queue at one sequence number: a repeatable-read transaction that starts by reading the sequence
     * (see {@link DepartmentSequenceRepository#readConsistent}), so the entries read next are the state at exactly it.
     */
    @WithTransaction
    public Uni<QueueSnapshot> snapshot(Caller caller, UUID departmentId) {
        caller.requireDepartment(departmentId);
        Instant now = clock.instant();
        return sequences.readConsistent(departmentId)
                .flatMap(sequence -> departments.findById(departmentId).map(Departments::found)
                        .flatMap(department -> entries.active(departmentId)
                                .flatMap(active -> estimate(departmentId, now)
                                        .map(perPosition -> new QueueSnapshot(departmentId, sequence, now,
                                                items(department, active, perPosition, now))))));
    }

    /** Public board of a department: ticket, status and room of the active entries. */
    @WithTransaction
    public Uni<Board> board(UUID departmentId) {
        Instant now = clock.instant();
        return sequences.readConsistent(departmentId)
                .flatMap(sequence -> departments.findById(departmentId).map(Departments::found)
                        .flatMap(department -> entries.active(departmentId).map(active -> new Board(departmentId,
                                department.name(), sequence, now, active.stream()
                                .map(entry -> new BoardTicket(entry.ticket(), entry.status().name(), entry.room()))
                                .toList()))));
    }

    @WithSession
    public Uni<History> history(Caller caller, UUID departmentId, UUID entryId) {
        caller.requireDepartment(departmentId);
        return entries.findById(entryId).map(entry -> Departments.inDepartment(entry, departmentId))
                .flatMap(entry -> lineage(entry, new ArrayList<>())
                        .flatMap(ids -> transitions.ofEntries(ids)
                                .flatMap(moves -> triages.ofEntries(ids).map(assessments -> new History(entry, moves, assessments)))));
    }

    /** This entry and the entries it continues after transfers, oldest first. */
    private Uni<List<UUID>> lineage(QueueEntry entry, List<UUID> seen) {
        seen.add(0, entry.id());
        UUID previous = entry.snapshot().transferredFrom();
        if (previous == null || seen.contains(previous) || seen.size() > 20) {
            return Uni.createFrom().item(seen);
        }
        return entries.findById(previous).flatMap(earlier -> earlier == null ? Uni.createFrom().item(seen) : lineage(earlier, seen));
    }

    /**
     * Average consultation length (recent ones in the department, or the configured default when there are
     * fewer than three) divided among the doctors active in the department.
     */
    private Uni<Duration> estimate(UUID departmentId, Instant now) {
        return entries.consultationStats(departmentId, now.minus(config.estimate().window()))
                .flatMap(stats -> entries.activeDoctors(departmentId, now.minus(config.estimate().activeDoctorWindow()))
                        .map(doctors -> {
                            long samples = ((Number) stats[0]).longValue();
                            Duration consultation = samples < 3 ? config.estimate().defaultConsultation()
                                    : Duration.ofMillis(Math.round(((Number) stats[1]).doubleValue() * 1000));
                            return consultation.dividedBy(Math.max(1, doctors));
                        }));
    }

    private static List<QueueSnapshot.Item> items(Department department, List<QueueEntry> active, Duration perPosition,
                                                  Instant now) {
        List<QueueSnapshot.Item> items = new ArrayList<>(active.size());
        int position = 0;
        for (QueueEntry entry : active) {
            long waited = Duration.between(entry.arrivedAt(), now).toSeconds();
            if (entry.status().waiting()) {
                position++;
                Duration target = entry.esiLevel() == null ? Duration.between(entry.arrivedAt(), entry.slaDueAt())
                        : department.slaTargets().forLevel(entry.esiLevel());
                items.add(new QueueSnapshot.Item(entry.snapshot(), position, waited,
                        QueuePriority.slaState(entry.slaDueAt(), target, now).name(),
                        perPosition.multipliedBy(position - 1).toSeconds()));
            } else {
                items.add(new QueueSnapshot.Item(entry.snapshot(), null, waited, null, null));
            }
        }
        // waiting entries first (in queue order), then those already called or in consultation
        items.sort((a, b) -> Boolean.compare(a.position() == null, b.position() == null));
        return items;
    }
}
