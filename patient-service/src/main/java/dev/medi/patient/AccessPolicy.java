package dev.medi.patient;

import dev.medi.platform.defaults.security.Roles;

import java.util.Set;

/**
 * Who may do what with one patient's record. Plain rules over the caller's roles and two facts about the
 * caller and the patient, so every endpoint (records, encounters, vitals, history, export, FHIR; notes and
 * documents to come) asks the same question through {@code PatientAccess}.
 *
 * <ul>
 *   <li><b>admin</b>: everything, including records entered in error; never needs break-glass.</li>
 *   <li><b>receptionist</b> (front desk): register, search, read and correct demographics, mark a record
 *       entered in error; no clinical data.</li>
 *   <li><b>nurse, doctor</b> (clinical staff): patients linked to one of their departments (the patient was
 *       in that department's queue or had an encounter there: {@code patient_department_links}), or any
 *       patient after break-glass, for a limited time, audited and flagged. Read and update demographics and
 *       (later) clinical data; no entered-in-error marking.</li>
 *   <li>Records entered in error: admins only; everyone else is told the record is gone.</li>
 * </ul>
 * A caller with several roles gets the widest access any of them gives.
 */
public final class AccessPolicy {

    /** What the caller wants to do with the record. */
    public enum Operation {
        READ, UPDATE, ENTER_IN_ERROR, BREAK_GLASS,
        /** Encounters, vitals, history, export (notes, documents to come): clinical staff and admins, never the front desk. */
        READ_CLINICAL, WRITE_CLINICAL
    }

    /** Why access was allowed; recorded with every audit entry. */
    public enum Basis {
        ADMIN("admin"), FRONT_DESK("front-desk"), DEPARTMENT("department"), BREAK_GLASS("break-glass");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public enum Outcome { ALLOWED, DENIED, GONE }

    /**
     * What the rules need to know about caller and patient beyond roles.
     *
     * @param linkedToCallerDepartment the patient is linked to one of the caller's departments
     * @param activeBreakGlass         the caller holds an unexpired break-glass grant for the patient
     */
    public record Facts(boolean linkedToCallerDepartment, boolean activeBreakGlass) {
        public static final Facts NONE = new Facts(false, false);
    }

    /** The answer: allowed with a basis, or refused with a reason safe to show the caller. */
    public record Decision(Outcome outcome, Basis basis, String detail) {

        static Decision allow(Basis basis) {
            return new Decision(Outcome.ALLOWED, basis, null);
        }

        static Decision deny(String detail) {
            return new Decision(Outcome.DENIED, null, detail);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    private AccessPolicy() {
    }

    /** Whether {@link #decide} needs {@link Facts} (department links, grants) for this caller; saves the lookups. */
    public static boolean needsFacts(Set<String> roles, Operation operation) {
        if (roles.contains(Roles.ADMIN)) {
            return false;
        }
        boolean clinical = roles.contains(Roles.NURSE) || roles.contains(Roles.DOCTOR);
        boolean frontDeskCovers = roles.contains(Roles.RECEPTIONIST)
                && (operation == Operation.READ || operation == Operation.UPDATE || operation == Operation.ENTER_IN_ERROR);
        return clinical && !frontDeskCovers && operation != Operation.BREAK_GLASS && operation != Operation.ENTER_IN_ERROR;
    }

    public static Decision decide(Set<String> roles, Operation operation, PatientStatus status, Facts facts) {
        boolean admin = roles.contains(Roles.ADMIN);
        boolean frontDesk = roles.contains(Roles.RECEPTIONIST);
        boolean clinical = roles.contains(Roles.NURSE) || roles.contains(Roles.DOCTOR);
        if (status == PatientStatus.ENTERED_IN_ERROR && !admin) {
            return new Decision(Outcome.GONE, null, "This record was entered in error.");
        }
        if (operation == Operation.BREAK_GLASS) {
            return clinical ? Decision.allow(Basis.BREAK_GLASS)
                    : Decision.deny(admin ? "Admins have full access; break-glass is for clinical staff."
                    : "Break-glass access is for clinical staff.");
        }
        if (admin) {
            return Decision.allow(Basis.ADMIN);
        }
        if (frontDesk && (operation == Operation.READ || operation == Operation.UPDATE
                || operation == Operation.ENTER_IN_ERROR)) {
            return Decision.allow(Basis.FRONT_DESK);
        }
        if (clinical && operation != Operation.ENTER_IN_ERROR) {
            if (facts.linkedToCallerDepartment()) {
                return Decision.allow(Basis.DEPARTMENT);
            }
            if (facts.activeBreakGlass()) {
                return Decision.allow(Basis.BREAK_GLASS);
            }
            return Decision.deny("The patient is not in the queue or an encounter of your departments. "
                    + "Use break-glass access if you must see the record.");
        }
        return Decision.deny("Your role does not allow this operation on patient records.");
    }
}
