package dev.medi.patient.note;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who signs, and how recently they proved who they are. A signature is a legal attestation, so the session
 * alone is not enough: the signer must have entered their password within {@code maxAge} (the token's
 * {@code auth_time}, which auth-service keeps across refreshes; else its {@code iat}).
 *
 * @param signer          user name
 * @param doctor          holds the doctor role (only doctors sign)
 * @param authenticatedAt when the signer last signed in
 * @param maxAge          how old that sign-in may be
 * @param at              now: the signing time
 */
public record Signature(String signer, boolean doctor, Instant authenticatedAt, Duration maxAge, Instant at) {

    public Signature {
        Objects.requireNonNull(signer);
        Objects.requireNonNull(maxAge);
        Objects.requireNonNull(at);
    }

    /** @throws NoteSignatureException when not a doctor (403) or not recently authenticated (401) */
    void require(String what) {
        if (!doctor) {
            throw NoteSignatureException.notADoctor("Only doctors sign " + what + ".");
        }
        // a token from the future (clock skew) counts as fresh; one without a time is stale
        if (authenticatedAt == null || authenticatedAt.plus(maxAge).isBefore(at)) {
            throw NoteSignatureException.staleAuthentication("Signing needs a sign-in within the last "
                    + maxAge.toMinutes() + " minutes. Sign in again with your password, then sign.");
        }
    }
}
