package dev.medi.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry's guards: every legal transition works and records itself, every illegal one is refused. */
class QueueEntryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final QueuePriority RULES = new QueuePriority(3, Duration.ofMinutes(30), 1);
    private static final Department GENERAL = Department.create(UUID.randomUUID(), "GEN", "General",
            ZoneId.of("Europe/Berlin"), LocalTime.of(23, 59), SlaTargets.DEFAULT, NOW);
    private static final Department EMERGENCY = Department.create(UUID.randomUUID(), "EMR", "Emergency",
            ZoneId.of("Europe/Berlin"), LocalTime.of(23, 59), SlaTargets.DEFAULT, NOW);
    private static final UUID DOCTOR = UUID.randomUUID();

    /** An action that moves an entry to a target status. */
    private enum Action {
        TRIAGE(QueueStatus.TRIAGED), CALL(QueueStatus.CALLED), START(QueueStatus.IN_CONSULTATION),
        FINISH(QueueStatus.FINISHED), TRANSFER(QueueStatus.TRANSFERRED), LEAVE(QueueStatus.LEFT_WITHOUT_BEING_SEEN),
        NO_SHOW(QueueStatus.NO_SHOW), CANCEL(QueueStatus.CANCELLED);

        final QueueStatus target;

        Action(QueueStatus target) {
            this.target = target;
        }

        QueueTransition apply(QueueEntry entry) {
            return switch (this) {
                case TRIAGE -> entry.triage(3, "nurse", SlaTargets.DEFAULT, RULES, NOW);
                case CALL -> entry.call(DOCTOR, "Room 1", "doctor", NOW);
                case START -> entry.startConsultation("doctor", NOW);
                case FINISH -> entry.finish("doctor", NOW);
                case TRANSFER -> entry.transferTo(EMERGENCY.id(), "nurse", "needs emergency care", NOW);
                case LEAVE -> entry.leftWithoutBeingSeen("desk", "left", NOW);
                case NO_SHOW -> entry.noShow("doctor", "did not come", NOW);
                case CANCEL -> entry.cancel("desk", "registered twice", NOW);
            };
        }
    }

    /** The shortest way from ARRIVED to each status. */
    private static QueueEntry entryIn(QueueStatus status) {
        QueueEntry entry = arrival();
        List<Action> path = switch (status) {
            case ARRIVED -> List.of();
            case TRIAGED -> List.of(Action.TRIAGE);
            case CALLED -> List.of(Action.CALL);
            case IN_CONSULTATION -> List.of(Action.CALL, Action.START);
            case FINISHED -> List.of(Action.CALL, Action.START, Action.FINISH);
            case TRANSFERRED -> List.of(Action.TRANSFER);
            case LEFT_WITHOUT_BEING_SEEN -> List.of(Action.LEAVE);
            case NO_SHOW -> List.of(Action.CALL, Action.NO_SHOW);
            case CANCELLED -> List.of(Action.CANCEL);
        };
        path.forEach(action -> action.apply(entry));
        assertEquals(status, entry.status());
        return entry;
    }

    private static QueueEntry arrival() {
        return QueueEntry.checkIn(UUID.randomUUID(), GENERAL, "GEN-001", null, "Jo Doe", "  chest pain ", "desk", RULES, NOW);
    }

    static Stream<Arguments> everyStatusAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (QueueStatus from : QueueStatus.values()) {
            for (Action action : Action.values()) {
                cases.add(Arguments.of(from, action));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStatusAndAction")
    void legalTransitionsApplyAndRecordThemselvesIllegalOnesAreRefused(QueueStatus from, Action action) {
        QueueEntry entry = entryIn(from);
        Set<QueueStatus> legal = EnumSet.noneOf(QueueStatus.class);
        legal.addAll(expectedNext(from));
        if (legal.contains(action.target)) {
            QueueTransition transition = action.apply(entry);
            assertEquals(action.target, entry.status());
            assertEquals(from, transition.from());
            assertEquals(action.target, transition.to());
            assertEquals(NOW, transition.at());
        } else {
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class, () -> action.apply(entry));
            assertEquals(from, refused.from());
            assertEquals(from, entry.status(), "a refused transition changes nothing");
        }
    }

    /** The lifecycle as the issue describes it, written out independently of QueueStatus.next(). */
    private static Set<QueueStatus> expectedNext(QueueStatus from) {
        return switch (from) {
            case ARRIVED, TRIAGED -> Set.of(QueueStatus.TRIAGED, QueueStatus.CALLED, QueueStatus.TRANSFERRED,
                    QueueStatus.LEFT_WITHOUT_BEING_SEEN, QueueStatus.CANCELLED);
            case CALLED -> Set.of(QueueStatus.IN_CONSULTATION, QueueStatus.TRANSFERRED, QueueStatus.LEFT_WITHOUT_BEING_SEEN,
                    QueueStatus.NO_SHOW);
            case IN_CONSULTATION -> Set.of(QueueStatus.FINISHED, QueueStatus.TRANSFERRED);
            default -> Set.of();
        };
    }

    @Test
    void aCheckInStartsAsArrivedWithTicketDueTimeAndPriority() {
        QueueEntry entry = arrival();
        assertEquals(QueueStatus.ARRIVED, entry.status());
        assertEquals("GEN-001", entry.ticket());
        assertEquals("chest pain", entry.chiefComplaint());
        assertNull(entry.esiLevel());
        assertEquals(3, entry.priority(), "not yet triaged counts as ESI 3");
        assertEquals(NOW.plus(Duration.ofMinutes(30)), entry.slaDueAt());
        assertEquals(QueueStatus.ARRIVED, entry.arrival("desk", null, NOW).to());
        assertNull(entry.arrival("desk", null, NOW).from());
    }

    @Test
    void triageSetsTheLevelAndTheDueTimeOfThatLevel() {
        QueueEntry entry = arrival();
        entry.triage(2, "nurse", SlaTargets.DEFAULT, RULES, NOW);
        assertEquals(2, entry.esiLevel());
        assertEquals(2, entry.priority());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), entry.slaDueAt());
        entry.triage(4, "nurse", SlaTargets.DEFAULT, RULES, NOW); // re-triage
        assertEquals(4, entry.priority());
        assertThrows(IllegalArgumentException.class, () -> entry.triage(6, "nurse", SlaTargets.DEFAULT, RULES, NOW));
    }

    @Test
    void aTransferContinuesWithTheSameArrivalLevelAndPriority() {
        QueueEntry entry = arrival();
        entry.triage(2, "nurse", SlaTargets.DEFAULT, RULES, NOW);
        Instant later = NOW.plus(Duration.ofMinutes(5));
        entry.transferTo(EMERGENCY.id(), "nurse", "needs resus", later);
        QueueEntry continued = entry.continueIn(EMERGENCY, "EMR-007", "nurse", RULES, later);
        assertEquals(QueueStatus.TRIAGED, continued.status());
        assertEquals(entry.arrivedAt(), continued.arrivedAt());
        assertEquals(2, continued.esiLevel());
        assertEquals(entry.priority(), continued.priority());
        assertEquals(entry.id(), continued.snapshot().transferredFrom());
        assertEquals(EMERGENCY.id(), entry.snapshot().transferredTo());
        assertNotEquals(entry.id(), continued.id());
        assertThrows(IllegalArgumentException.class, () -> arrival().transferTo(GENERAL.id(), "nurse", "same", NOW));
    }

    @Test
    void theBreachIsMarkedOnceAndOnlyForWaitingEntries() {
        QueueEntry entry = arrival();
        entry.triage(2, "nurse", SlaTargets.DEFAULT, RULES, NOW);
        assertFalse(entry.markBreachIfDue(NOW.plus(Duration.ofMinutes(10))), "exactly at the target is not a breach");
        Instant late = NOW.plus(Duration.ofMinutes(11));
        assertTrue(entry.markBreachIfDue(late));
        assertEquals(late, entry.slaBreachedAt());
        assertFalse(entry.markBreachIfDue(late.plusSeconds(60)), "once only");

        QueueEntry called = arrival();
        called.call(DOCTOR, "Room 1", "doctor", NOW);
        assertFalse(called.markBreachIfDue(NOW.plus(Duration.ofHours(5))));
    }

    @Test
    void anOverrideReplacesTheComputedPriorityUntilCleared() {
        QueueEntry entry = arrival();
        entry.triage(4, "nurse", SlaTargets.DEFAULT, RULES, NOW);
        QueueTransition override = entry.overridePriority(1, "admin", "frail, deteriorating", SlaTargets.DEFAULT, RULES, NOW);
        assertEquals(1, entry.priority());
        assertEquals(QueueStatus.TRIAGED, override.to());
        assertTrue(override.reason().contains("frail"));
        entry.overridePriority(null, "admin", "back to normal", SlaTargets.DEFAULT, RULES, NOW);
        assertEquals(4, entry.priority());
        entry.call(DOCTOR, "Room 1", "doctor", NOW);
        assertThrows(IllegalTransitionException.class,
                () -> entry.overridePriority(1, "admin", "too late", SlaTargets.DEFAULT, RULES, NOW));
    }
}
