package dev.medi.patient.access;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.record.PatientStatus;
import dev.medi.platform.defaults.security.Roles;

import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with one patient's record. Plain rules over the caller's roles and two facts about the
 * caller and the patient, so every endpoint (records, encounters, vitals, history, export, FHIR; notes and
 * documents to come) asks the same question through {@code PatientAccess}.
 *
 * <ul>
 *   <li><b>admin</b>: everything, including records entered in error; never needs break-glass.</li>
 *   <li><b>receptionist</b> (front desk): register, search, read and correct demographics, mark a record
 *       entered in error; no clinical data.</li>
 *   <li><b>nurse, doctor</b> (clinical staff): patients in a care relationship with one of their departments
 *       (ADR 0006): an active entry in that department's queue, an open encounter there, or an encounter there
 *       that ended less than the follow-up period ago (not as no-show or cancelled); or any patient after
 *       break-glass, for a limited time, audited and flagged. A check-in that is cancelled, or a visit that
 *       ended without an encounter, leaves nothing. Read and update demographics and clinical data; no
 *       entered-in-error marking.</li>
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

    /**
     * Why access was allowed; recorded with every audit entry, with the id of the queue entry, encounter or grant
     * it relied on ({@link Decision#auditBasis()}). Audit records written before ADR 0006 say {@code department}.
     */
    public enum Basis implements Coded {
        ADMIN("admin"), FRONT_DESK("front-desk"),
        /** An active entry in the queue of one of the caller's departments. */
        QUEUE_ENTRY("queue-entry"),
        /** An open encounter in one of the caller's departments. */
        ENCOUNTER("encounter"),
        /** An encounter in one of the caller's departments ended less than the follow-up period ago. */
        FOLLOW_UP("follow-up"),
        BREAK_GLASS("break-glass");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

    }

    /**
     * A care relationship of the patient with one of the caller's departments: what kind ({@link Basis#QUEUE_ENTRY},
     * {@link Basis#ENCOUNTER}, {@link Basis#FOLLOW_UP}) and the id of the queue entry or encounter.
     */
    public record Care(Basis kind, UUID reference) {
        public Care {
            if (kind != Basis.QUEUE_ENTRY && kind != Basis.ENCOUNTER && kind != Basis.FOLLOW_UP) {
                throw new IllegalArgumentException("not a care relationship: " + kind);
            }
            java.util.Objects.requireNonNull(reference);
        }

        /** {@code kind:id}, as the care SQL answers it. */
        public static Care parse(String text) {
            int colon = text.indexOf(':');
            return new Care(Coded.find(Basis.class, text.substring(0, colon)).orElseThrow(), UUID.fromString(text.substring(colon + 1)));
        }
    }

    public enum Outcome { ALLOWED, DENIED, GONE }

    /**
     * What the rules need to know about caller and patient beyond roles.
     *
     * @param care            the patient's care relationship with one of the caller's departments, or {@code null}
     * @param breakGlassGrant the caller's unexpired break-glass grant for the patient, or {@code null}
     */
    public record Facts(Care care, UUID breakGlassGrant) {
        public static final Facts NONE = new Facts(null, null);
    }

    /**
     * The answer: allowed with a basis (and the id of the queue entry, encounter or grant it relied on), or refused
     * with a reason safe to show the caller.
     */
    public record Decision(Outcome outcome, Basis basis, UUID basisReference, String detail) {

        static Decision allow(Basis basis) {
            return new Decision(Outcome.ALLOWED, basis, null, null);
        }

        static Decision allow(Basis basis, UUID reference) {
            return new Decision(Outcome.ALLOWED, basis, reference, null);
        }

        static Decision deny(String detail) {
            return new Decision(Outcome.DENIED, null, null, detail);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        /** The basis as audited: {@code admin}, or {@code queue-entry:<id>} with the id it relied on; null if refused. */
        public String auditBasis() {
            if (basis == null) {
                return null;
            }
            return basisReference == null ? basis.code() : basis.code() + ":" + basisReference;
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
            return new Decision(Outcome.GONE, null, null, "This record was entered in error.");
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
            if (facts.care() != null) {
                return Decision.allow(facts.care().kind(), facts.care().reference());
            }
            if (facts.breakGlassGrant() != null) {
                return Decision.allow(Basis.BREAK_GLASS, facts.breakGlassGrant());
            }
            return Decision.deny("The patient is not in the queue or an encounter of your departments. "
                    + "Use break-glass access if you must see the record.");
        }
        return Decision.deny("Your role does not allow this operation on patient records.");
    }
}
