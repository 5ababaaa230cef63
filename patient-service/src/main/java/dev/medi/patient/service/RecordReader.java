package dev.medi.patient.service;

import dev.medi.platform.defaults.security.Caller;

import java.util.Set;

/**
 * Who reads patient records through the read-only interfaces (FHIR, export): a member of staff, judged by the
 * {@code AccessPolicy}, or a hospital system holding a client token with the scope {@link #PATIENT_READ}, which
 * may read every active patient.
 */
public sealed interface RecordReader {

    /** Scope a client needs to read and search patients. */
    String PATIENT_READ = "patient.read";

    /** Access basis recorded for hospital systems (client tokens); not (yet) an {@code AccessPolicy.Basis}. */
    String API_CLIENT_BASIS = "api-client";

    /** The caller as the audit trail records it: user name or client id, and roles (none for a client). */
    Caller auditCaller();

    record Staff(Caller caller) implements RecordReader {
        @Override
        public Caller auditCaller() {
            return caller;
        }
    }

    /** A hospital system; its token was checked for {@link #PATIENT_READ} at the edge. */
    record ApiClient(String clientId, Set<String> scopes) implements RecordReader {
        @Override
        public Caller auditCaller() {
            return new Caller(clientId, Set.of(), Set.of());
        }
    }
}
