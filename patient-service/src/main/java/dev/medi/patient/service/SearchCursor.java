package dev.medi.patient.service;

import dev.medi.patient.repository.PatientSearchRepository.Position;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code after} value of search pages: the keyset of the last hit (tier, score, id) and a
 * fingerprint of the query, so a cursor cannot be replayed against another query. Carries no patient data
 * (URLs end up in logs).
 */
public final class SearchCursor {

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SearchCursor() {
    }

    public static String encode(Position position, String fingerprint) {
        String plain = String.join("|", VERSION, Integer.toString(position.tier()), Double.toString(position.score()),
                position.id().toString(), fingerprint);
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, if {@code cursor} is well-formed and was made for the query with {@code fingerprint}. */
    public static Optional<Position> decode(String cursor, String fingerprint) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !parts[4].equals(fingerprint)) {
                return Optional.empty();
            }
            double score = Double.parseDouble(parts[2]);
            if (Double.isNaN(score) || Double.isInfinite(score)) {
                return Optional.empty();
            }
            return Optional.of(new Position(Integer.parseInt(parts[1]), score, UUID.fromString(parts[3])));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            return Optional.empty();
        }
    }

    /** A short hash of the query's criteria (not reversible into them). */
    public static String fingerprint(Object... criteria) {
        StringBuilder canonical = new StringBuilder();
        for (Object criterion : criteria) {
            canonical.append(criterion == null ? "\u0000" : criterion.toString()).append('\u0001');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
