package dev.medi.patient.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a newest-first list of a patient's clinical records (time, then id): the opaque cursor of the
 * next page. Bound to the list it came from by a fingerprint of its criteria (not reversible), so it cannot be
 * replayed against another patient or filter; carries no clinical data (URLs end up in logs).
 *
 * @param kind for lists mixing kinds (history): the kind of the last item, so equal times and ids stay ordered
 */
public record Keyset(Instant at, UUID id, String kind) {

    private static final String VERSION = "k1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Keyset(Instant at, UUID id) {
        this(at, id, "");
    }

    public String encode(String scope) {
        return ENCODER.encodeToString(String.join("|", VERSION, Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano()), id.toString(), kind, fingerprint(scope)).getBytes(StandardCharsets.UTF_8));
    }

    /** The position, if {@code cursor} is well-formed and was made for {@code scope}. */
    public static Optional<Keyset> decode(String cursor, String scope) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 6 || !VERSION.equals(parts[0]) || !parts[5].equals(fingerprint(scope))) {
                return Optional.empty();
            }
            return Optional.of(new Keyset(Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2])),
                    UUID.fromString(parts[3]), parts[4]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #decode}, for a query parameter: {@code null} stays {@code null}; a foreign cursor is a 400. */
    public static Keyset parameter(String name, String cursor, String scope) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return decode(cursor.strip(), scope).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                "The cursor does not belong to this list; start again from the first page.",
                List.of(new Problem.FieldError(name, "is not a cursor of this list"))));
    }

    private static String fingerprint(String scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
