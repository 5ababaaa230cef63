package dev.medi.patient.service;

import dev.medi.patient.repository.PatientSearchRepository.Position;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one codec of the opaque cursors of paged lists (REST search and lists, FHIR searches): where the previous
 * page ended, bound to the list it came from by a fingerprint of its criteria (a hash, not reversible), so it
 * cannot be replayed against another patient, query or filter. A cursor carries no patient data (URLs end up in
 * logs): only positions (ids, times, scores).
 *
 * <p>Encoded as base64url of {@code version|field|...|fingerprint}; the version names the kind of position:
 * <ul>
 *   <li>{@code 1}: a ranked search hit ({@link Position}: tier, score, id) — front-desk search;</li>
 *   <li>{@code k1}: a newest-first {@link Keyset} (time, id, kind) — encounters, vital signs, history;</li>
 *   <li>{@code f1}: an id — FHIR Patient search (id order).</li>
 * </ul>
 * Anything else — garbage, another kind, another list — decodes to empty; as a request parameter that is a 400.
 */
public final class SearchCursor {

    /**
     * A position in a newest-first list of a patient's clinical records (time, then id).
     *
     * @param kind for lists mixing kinds (history): the kind of the last item, so equal times and ids stay ordered
     */
    public record Keyset(Instant at, UUID id, String kind) {

        public Keyset(Instant at, UUID id) {
            this(at, id, "");
        }
    }

    private static final String RANK = "1";
    private static final String KEYSET = "k1";
    private static final String ID = "f1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SearchCursor() {
    }

    // ---- ranked search hits (front-desk search) ----

    public static String encode(Position position, String fingerprint) {
        return encode(RANK, fingerprint, Integer.toString(position.tier()), Double.toString(position.score()),
                position.id().toString());
    }

    /** The position, if {@code cursor} is well-formed and was made for the query with {@code fingerprint}. */
    public static Optional<Position> decode(String cursor, String fingerprint) {
        return decode(cursor, RANK, fingerprint, 3, fields -> {
            double score = Double.parseDouble(fields.get(1));
            return Double.isNaN(score) || Double.isInfinite(score) ? null
                    : new Position(Integer.parseInt(fields.get(0)), score, UUID.fromString(fields.get(2)));
        });
    }

    // ---- newest-first clinical lists ----

    /** The cursor of {@code position} in the list {@code scope} (any text naming the list and its criteria). */
    public static String encode(Keyset position, String scope) {
        return encode(KEYSET, hash(scope), Long.toString(position.at().getEpochSecond()),
                Integer.toString(position.at().getNano()), position.id().toString(), position.kind());
    }

    /** The position, if {@code cursor} is well-formed and was made for {@code scope}. */
    public static Optional<Keyset> decodeKeyset(String cursor, String scope) {
        return decode(cursor, KEYSET, hash(scope), 4, fields -> new Keyset(
                Instant.ofEpochSecond(Long.parseLong(fields.get(0)), Integer.parseInt(fields.get(1))),
                UUID.fromString(fields.get(2)), fields.get(3)));
    }

    /** As {@link #decodeKeyset}, for the query parameter {@code name}: {@code null} stays {@code null}; a foreign cursor is a 400. */
    public static Keyset keysetParameter(String name, String cursor, String scope) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return decodeKeyset(cursor.strip(), scope).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                "The cursor does not belong to this list; start again from the first page.",
                List.of(new Problem.FieldError(name, "is not a cursor of this list"))));
    }

    // ---- id order ----

    public static String encode(UUID lastId, String fingerprint) {
        return encode(ID, fingerprint, lastId.toString());
    }

    /** The last id of the previous page, if {@code cursor} is well-formed and belongs to the search. */
    public static Optional<UUID> decodeId(String cursor, String fingerprint) {
        return decode(cursor, ID, fingerprint, 1, fields -> UUID.fromString(fields.get(0)));
    }

    // ---- fingerprints ----

    /** A short hash of the query's criteria, in order (not reversible into them). */
    public static String fingerprint(Object... criteria) {
        StringBuilder canonical = new StringBuilder();
        for (Object criterion : criteria) {
            canonical.append(criterion == null ? "\u0000" : criterion.toString()).append('\u0001');
        }
        return hash(canonical.toString());
    }

    /** A short hash of {@code canonical} (the criteria written in one canonical form by the caller). */
    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the codec ----

    private static String encode(String version, String fingerprint, String... fields) {
        List<String> parts = new ArrayList<>(fields.length + 2);
        parts.add(version);
        parts.addAll(List.of(fields));
        parts.add(fingerprint);
        return ENCODER.encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in {@code cursor}, if it is base64url of {@code version|count fields|fingerprint} and {@code read}
     * makes a position of the fields (a field that does not parse, or {@code null} from {@code read}: empty).
     */
    private static <T> Optional<T> decode(String cursor, String version, String fingerprint, int count,
                                          Function<List<String>, T> read) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != count + 2 || !version.equals(parts[0]) || !parts[count + 1].equals(fingerprint)) {
                return Optional.empty();
            }
            return Optional.ofNullable(read.apply(List.of(parts).subList(1, count + 1)));
        } catch (IllegalArgumentException | DateTimeException e) { // also NumberFormatException
            return Optional.empty();
        }
    }
}
