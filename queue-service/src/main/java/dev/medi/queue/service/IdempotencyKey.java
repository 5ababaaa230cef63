package dev.medi.queue.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.queue.repository.IdempotencyKeyRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The check-in's Idempotency-Key rule (draft-ietf-httpapi-idempotency-key-header), in one place: a key is
 * required, at most {@value #MAX_LENGTH} characters, compared without surrounding blanks, and scoped to the
 * caller (two desks may pick the same key). A repeat of the same request with the same key replays the first
 * answer; the same key with a different request is refused (422). Keys are forgotten after
 * {@code medi.queue.idempotency.retention} ({@link IdempotencyKeyExpiry}).
 *
 * @param caller      whose key it is (the user name)
 * @param value       the key as sent, stripped
 * @param requestHash fingerprint of what was asked for, to tell a retry from a different request
 */
public record IdempotencyKey(String caller, String value, String requestHash) {

    /** Header that makes a check-in safe to retry. */
    public static final String HEADER = "Idempotency-Key";

    static final int MAX_LENGTH = 200;

    /**
     * The header as sent, checked before anything else of the request is looked at.
     *
     * @return the key without surrounding blanks
     * @throws ProblemException 400 when missing, blank or too long
     */
    public static String require(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "Send an Idempotency-Key header (a new random value per check-in, at most 200 characters).",
                    List.of(new Problem.FieldError(HEADER, "is required")));
        }
        return header.strip();
    }

    /** The key of a check-in of {@code arrival} into {@code departmentId}. */
    static IdempotencyKey ofCheckIn(Caller caller, String key, UUID departmentId, CheckInService.Arrival arrival) {
        String canonical = departmentId + "\n" + arrival.patientId() + "\n" + arrival.arrivalName() + "\n"
                + arrival.chiefComplaint();
        return new IdempotencyKey(caller.username(), key, sha256(canonical));
    }

    /**
     * What a request whose key was already claimed gets: the entry the first request created.
     *
     * @throws ProblemException 422 when the key was claimed by a different request
     */
    UUID replayOf(IdempotencyKeyRepository.Claim claim) {
        if (claim == null || !claim.requestHash().equals(requestHash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different check-in. Use a new key for a new request.");
        }
        return claim.entryId();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
