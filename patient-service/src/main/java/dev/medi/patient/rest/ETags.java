package dev.medi.patient.rest;

import dev.medi.patient.record.Patient;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import jakarta.ws.rs.core.EntityTag;

/** ETag = the record's version; {@code If-Match} carries it back (as auth-service's UserResource does). */
final class ETags {

    private ETags() {
    }

    static EntityTag of(Patient patient) {
        return new EntityTag(Long.toString(patient.version()));
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) → 3; 428 when absent. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the record as you last read it.");
        }
        return parse(ifMatch);
    }

    /** As {@link #required}, but {@code null} when absent. */
    static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The If-Match value is not an ETag of this record.");
        }
    }
}
