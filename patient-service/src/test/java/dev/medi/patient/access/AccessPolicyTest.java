package dev.medi.patient.access;

import dev.medi.patient.record.PatientStatus;
import dev.medi.patient.access.AccessPolicy.Basis;
import dev.medi.patient.access.AccessPolicy.Decision;
import dev.medi.patient.access.AccessPolicy.Facts;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.access.AccessPolicy.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    private static final UUID ENTRY = UUID.randomUUID();
    private static final UUID GRANT = UUID.randomUUID();
    private static final Facts LINKED = new Facts(new AccessPolicy.Care(Basis.QUEUE_ENTRY, ENTRY), null);
    private static final Facts GRANTED = new Facts(null, GRANT);
    private static final Facts BOTH = new Facts(new AccessPolicy.Care(Basis.QUEUE_ENTRY, ENTRY), GRANT);

    private static Decision decide(String role, Operation operation, Facts facts) {
        return AccessPolicy.decide(Set.of(role), operation, PatientStatus.ACTIVE, facts);
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = "BREAK_GLASS", mode = EnumSource.Mode.EXCLUDE)
    void adminsMayDoEverythingButBreakGlass(Operation operation) {
        assertEquals(Decision.allow(Basis.ADMIN), decide("admin", operation, Facts.NONE));
        assertEquals(Outcome.DENIED, decide("admin", Operation.BREAK_GLASS, Facts.NONE).outcome());
    }

    @Test
    void theFrontDeskHandlesDemographicsButNoClinicalData() {
        assertEquals(Decision.allow(Basis.FRONT_DESK), decide("receptionist", Operation.READ, Facts.NONE));
        assertEquals(Decision.allow(Basis.FRONT_DESK), decide("receptionist", Operation.UPDATE, Facts.NONE));
        assertEquals(Decision.allow(Basis.FRONT_DESK), decide("receptionist", Operation.ENTER_IN_ERROR, Facts.NONE));
        assertEquals(Outcome.DENIED, decide("receptionist", Operation.READ_CLINICAL, LINKED).outcome());
        assertEquals(Outcome.DENIED, decide("receptionist", Operation.BREAK_GLASS, Facts.NONE).outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "doctor"})
    void clinicalStaffSeeTheirDepartmentsPatients(String role) {
        assertEquals(Decision.allow(Basis.QUEUE_ENTRY, ENTRY), decide(role, Operation.READ, LINKED));
        assertEquals(Decision.allow(Basis.QUEUE_ENTRY, ENTRY), decide(role, Operation.UPDATE, LINKED));
        assertEquals(Decision.allow(Basis.QUEUE_ENTRY, ENTRY), decide(role, Operation.READ_CLINICAL, BOTH));
        assertEquals(Outcome.DENIED, decide(role, Operation.READ, Facts.NONE).outcome());
        assertEquals(Outcome.DENIED, decide(role, Operation.ENTER_IN_ERROR, LINKED).outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "doctor"})
    void breakGlassOpensOtherPatientsToClinicalStaff(String role) {
        assertEquals(Decision.allow(Basis.BREAK_GLASS), decide(role, Operation.BREAK_GLASS, Facts.NONE));
        assertEquals(Decision.allow(Basis.BREAK_GLASS, GRANT), decide(role, Operation.READ, GRANTED));
        assertEquals(Decision.allow(Basis.BREAK_GLASS, GRANT), decide(role, Operation.WRITE_CLINICAL, GRANTED));
        assertEquals("break-glass:" + GRANT, decide(role, Operation.READ, GRANTED).auditBasis());
    }

    @Test
    void recordsEnteredInErrorAreGoneForAllButAdmins() {
        for (String role : Set.of("receptionist", "nurse", "doctor")) {
            assertEquals(Outcome.GONE, AccessPolicy.decide(Set.of(role), Operation.READ, PatientStatus.ENTERED_IN_ERROR,
                    BOTH).outcome());
        }
        assertEquals(Decision.allow(Basis.ADMIN), AccessPolicy.decide(Set.of("admin"), Operation.READ,
                PatientStatus.ENTERED_IN_ERROR, Facts.NONE));
    }

    @Test
    void severalRolesGetTheWidestAccess() {
        assertEquals(Decision.allow(Basis.FRONT_DESK),
                AccessPolicy.decide(Set.of("nurse", "receptionist"), Operation.READ, PatientStatus.ACTIVE, Facts.NONE));
        assertEquals(Decision.allow(Basis.QUEUE_ENTRY, ENTRY),
                AccessPolicy.decide(Set.of("nurse", "receptionist"), Operation.READ_CLINICAL, PatientStatus.ACTIVE, LINKED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "doctor"})
    void theAuditNamesTheCareRelationshipReliedOn(String role) {
        UUID encounter = UUID.randomUUID();
        Facts followUp = new Facts(AccessPolicy.Care.parse("follow-up:" + encounter), null);
        assertEquals(Decision.allow(Basis.FOLLOW_UP, encounter), decide(role, Operation.READ_CLINICAL, followUp));
        assertEquals("follow-up:" + encounter, decide(role, Operation.READ_CLINICAL, followUp).auditBasis());
        assertEquals("queue-entry:" + ENTRY, decide(role, Operation.READ, LINKED).auditBasis());
        assertEquals("admin", decide("admin", Operation.READ, Facts.NONE).auditBasis());
    }

    @Test
    void unknownRolesGetNothing() {
        assertEquals(Outcome.DENIED, decide("auditor", Operation.READ, BOTH).outcome());
    }

    @Test
    void factsAreLookedUpOnlyWhenTheyMatter() {
        assertFalse(AccessPolicy.needsFacts(Set.of("admin"), Operation.READ));
        assertFalse(AccessPolicy.needsFacts(Set.of("receptionist"), Operation.READ));
        assertFalse(AccessPolicy.needsFacts(Set.of("nurse"), Operation.BREAK_GLASS));
        assertTrue(AccessPolicy.needsFacts(Set.of("doctor"), Operation.READ));
        assertTrue(AccessPolicy.needsFacts(Set.of("receptionist", "doctor"), Operation.READ_CLINICAL));
    }
}
