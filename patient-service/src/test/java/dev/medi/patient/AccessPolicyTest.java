package dev.medi.patient;

import dev.medi.patient.AccessPolicy.Basis;
import dev.medi.patient.AccessPolicy.Decision;
import dev.medi.patient.AccessPolicy.Facts;
import dev.medi.patient.AccessPolicy.Operation;
import dev.medi.patient.AccessPolicy.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    private static final Facts LINKED = new Facts(true, false);
    private static final Facts GRANTED = new Facts(false, true);

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
        assertEquals(Decision.allow(Basis.DEPARTMENT), decide(role, Operation.READ, LINKED));
        assertEquals(Decision.allow(Basis.DEPARTMENT), decide(role, Operation.UPDATE, LINKED));
        assertEquals(Decision.allow(Basis.DEPARTMENT), decide(role, Operation.READ_CLINICAL, new Facts(true, true)));
        assertEquals(Outcome.DENIED, decide(role, Operation.READ, Facts.NONE).outcome());
        assertEquals(Outcome.DENIED, decide(role, Operation.ENTER_IN_ERROR, LINKED).outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "doctor"})
    void breakGlassOpensOtherPatientsToClinicalStaff(String role) {
        assertEquals(Decision.allow(Basis.BREAK_GLASS), decide(role, Operation.BREAK_GLASS, Facts.NONE));
        assertEquals(Decision.allow(Basis.BREAK_GLASS), decide(role, Operation.READ, GRANTED));
        assertEquals(Decision.allow(Basis.BREAK_GLASS), decide(role, Operation.WRITE_CLINICAL, GRANTED));
    }

    @Test
    void recordsEnteredInErrorAreGoneForAllButAdmins() {
        for (String role : Set.of("receptionist", "nurse", "doctor")) {
            assertEquals(Outcome.GONE, AccessPolicy.decide(Set.of(role), Operation.READ, PatientStatus.ENTERED_IN_ERROR,
                    new Facts(true, true)).outcome());
        }
        assertEquals(Decision.allow(Basis.ADMIN), AccessPolicy.decide(Set.of("admin"), Operation.READ,
                PatientStatus.ENTERED_IN_ERROR, Facts.NONE));
    }

    @Test
    void severalRolesGetTheWidestAccess() {
        assertEquals(Decision.allow(Basis.FRONT_DESK),
                AccessPolicy.decide(Set.of("nurse", "receptionist"), Operation.READ, PatientStatus.ACTIVE, Facts.NONE));
        assertEquals(Decision.allow(Basis.DEPARTMENT),
                AccessPolicy.decide(Set.of("nurse", "receptionist"), Operation.READ_CLINICAL, PatientStatus.ACTIVE, LINKED));
    }

    @Test
    void unknownRolesGetNothing() {
        assertEquals(Outcome.DENIED, decide("auditor", Operation.READ, new Facts(true, true)).outcome());
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
