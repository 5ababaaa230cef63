package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.access.AuditEntry;
import dev.medi.patient.repository.AuditEntryRepository;
import dev.medi.platform.defaults.RequestIds;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.outbox.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of patient data: every read and write, per patient, into the local {@code audit_log}
 * (queryable by admins) and onto {@code medi.audit.v1} through the outbox, both inside the caller's
 * transaction. Identifiers only.
 */
@ApplicationScoped
public class PatientAudit {

    public static final String TARGET_PATIENT = "patient";

    /** Actions, {@code <resource>.<verb>}. */
    public static final String CREATE = "patient.create";
    public static final String READ = "patient.read";
    public static final String UPDATE = "patient.update";
    /** One record per patient returned by a search. */
    public static final String SEARCH = "patient.search";
    /**
     * One record per patient whose display data (name, birth date, sex, MRN) a list of queue entries showed
     * ({@code POST /api/v1/patients/display}).
     */
    public static final String DISPLAY = "patient.display";
    /** One record per likely duplicate shown when a registration was stopped. */
    public static final String DUPLICATE_CHECK = "patient.duplicate-check";
    /** Registered although likely duplicates were shown. */
    public static final String DUPLICATE_OVERRIDE = "patient.duplicate-override";
    public static final String ENTERED_IN_ERROR = "patient.entered-in-error";
    public static final String BREAK_GLASS = "patient.break-glass";
    /**
     * A registered patient checked in to (or transferred into) a department's queue, from queue-service's event:
     * actor the user who did it (the event's actor; {@code queue-service} for an event without one), basis
     * {@code queue-entry} with the entry's id (ADR 0006).
     */
    public static final String CHECK_IN = "patient.check-in";
    /** Clinical data (target: the patient; the record's id is in the request's logs and the response). */
    public static final String ENCOUNTER_OPEN = "encounter.open";
    public static final String ENCOUNTER_READ = "encounter.read";
    public static final String ENCOUNTER_CLOSE = "encounter.close";
    /** A list or search of a patient's encounters. */
    public static final String ENCOUNTER_SEARCH = "encounter.search";
    public static final String OBSERVATION_CREATE = "observation.create";
    public static final String OBSERVATION_READ = "observation.read";
    /** A list or search of a patient's observations. */
    public static final String OBSERVATION_SEARCH = "observation.search";
    /** The patient's history (encounters, vitals, ...), a page of it. */
    public static final String HISTORY = "patient.history";
    /** The whole record as a FHIR Bundle: {@code /api/v1/patients/{id}/export} and FHIR {@code $everything}. */
    public static final String EXPORT = "patient.export";

    /** Access basis of writes made by a consumer of another service's events (no user behind them). */
    public static final String BASIS_EVENT = "event";

    /** Targets other than the patient record itself: one document, one clinical note. */
    public static final String TARGET_DOCUMENT = "document";
    public static final String TARGET_NOTE = "note";

    /** Documents (issue 5 item 5). A list is one record per patient; the others one per document. */
    public static final String DOCUMENT_CREATE = "document.create";
    public static final String DOCUMENT_READ = "document.read";
    public static final String DOCUMENT_LIST = "document.list";
    public static final String DOCUMENT_DOWNLOAD = "document.download";
    public static final String DOCUMENT_ENTERED_IN_ERROR = "document.entered-in-error";

    /** Clinical notes (issue 5 item 6): one record per note, a list one per note shown. */
    public static final String NOTE_CREATE = "note.create";
    public static final String NOTE_READ = "note.read";
    public static final String NOTE_UPDATE = "note.update";
    public static final String NOTE_VERSIONS = "note.versions";
    public static final String NOTE_SIGN = "note.sign";
    /** A draft given to another doctor to sign (PUT /api/v1/notes/{id}/signer); the reason stays with the note. */
    public static final String NOTE_REASSIGN = "note.reassign";
    public static final String NOTE_ADDENDUM = "note.addendum";
    public static final String NOTE_LIST = "note.list";
    public static final String NOTE_PDF = "note.pdf";

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";

    /** What an operation touched when it is not the patient record itself: a document, a note. */
    public record Target(String type, String id) {
        public static Target patient(UUID patientId) {
            return new Target(TARGET_PATIENT, patientId.toString());
        }
    }

    /**
     * A patient touched by one operation, and why access was allowed ({@code null} when denied): a basis code,
     * optionally followed by {@code :} and the id of the queue entry, encounter or grant it relied on.
     */
    public record Accessed(UUID patientId, String basis) {
    }

    /** The code of an audited basis ({@code queue-entry} of {@code queue-entry:<id>}). */
    static String basisCode(String basis) {
        if (basis == null) {
            return null;
        }
        int colon = basis.indexOf(':');
        return colon < 0 ? basis : basis.substring(0, colon);
    }

    /** The id an audited basis relied on, or {@code null}. */
    static String basisReference(String basis) {
        if (basis == null) {
            return null;
        }
        int colon = basis.indexOf(':');
        return colon < 0 ? null : basis.substring(colon + 1);
    }

    private final AuditEntryRepository entries;
    private final AuditTrail trail;
    private final Clock clock = Clock.systemUTC();

    PatientAudit(AuditEntryRepository entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    /**
     * One record; call inside the transaction of the operation.
     *
     * @param basis as {@link AccessPolicy.Decision#auditBasis()}: a basis code, optionally {@code :} and the id of
     *              the queue entry, encounter or grant it relied on; {@code null} when denied
     */
    public Uni<Void> record(Caller caller, String action, UUID patientId, String outcome, String basis) {
        return recordAll(caller, action, List.of(new Accessed(patientId, basis)), outcome);
    }

    /**
     * One record about {@code target} (a document, a note) of the patient; call inside the transaction of the
     * operation. The target's id is the Kafka key on {@code medi.audit.v1}; the patient id stays searchable locally.
     */
    public Uni<Void> record(Caller caller, String action, Target target, UUID patientId, String outcome,
                            String basis) {
        List<String> roles = caller.roles().stream().sorted().toList();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        AuditEntry entry = AuditEntry.of(TimeOrderedIds.next(), clock.instant(), caller.username(), roles, action,
                target.type(), target.id(), patientId, outcome, basisCode(basis), basisReference(basis),
                requestId == null ? null : requestId.toString());
        return entries.persist(entry).chain(() -> trail.record(caller.username(), roles, action, target.type(),
                target.id(), outcome));
    }

    /** One record per patient, in order; call inside the transaction of the operation. */
    public Uni<Void> recordAll(Caller caller, String action, List<Accessed> patients, String outcome) {
        List<String> roles = caller.roles().stream().sorted().toList();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        String request = requestId == null ? null : requestId.toString();
        Uni<Void> chain = Uni.createFrom().voidItem();
        // all local entries first, then all outbox rows: consecutive inserts of one table go out as one batch
        for (Accessed accessed : patients) {
            AuditEntry entry = AuditEntry.of(TimeOrderedIds.next(), clock.instant(), caller.username(), roles, action,
                    TARGET_PATIENT, accessed.patientId().toString(), accessed.patientId(), outcome,
                    basisCode(accessed.basis()), basisReference(accessed.basis()), request);
            chain = chain.chain(() -> entries.persist(entry)).replaceWithVoid();
        }
        for (Accessed accessed : patients) {
            chain = chain.chain(() -> trail.record(caller.username(), roles, action, TARGET_PATIENT,
                    accessed.patientId().toString(), outcome));
        }
        return chain;
    }
}
