package dev.medi.patient.fhir;

import dev.medi.patient.fhir.PatientSearchParameters.Parameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code _cursor} of the {@code next} link: the id of the last patient of the page and a fingerprint
 * of the search's criteria, so a cursor cannot be replayed against another search. Carries no patient data
 * (URLs end up in logs).
 */
final class FhirSearchCursor {

    private static final String VERSION = "f1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private FhirSearchCursor() {
    }

    static String encode(UUID lastId, String fingerprint) {
        return ENCODER.encodeToString(String.join("|", VERSION, lastId.toString(), fingerprint)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The last id of the previous page, if {@code cursor} is well-formed and belongs to the search. */
    static Optional<UUID> decode(String cursor, String fingerprint) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[2].equals(fingerprint)) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A short hash of the criteria, independent of their order (not reversible into them). */
    static String fingerprint(List<Parameter> criteria) {
        StringBuilder canonical = new StringBuilder();
        criteria.stream().sorted(Comparator.comparing(Parameter::name).thenComparing(Parameter::value))
                .forEach(p -> canonical.append(p.name()).append('\u0000').append(p.value()).append('\u0001'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
