package dev.medi.patient.service;

import dev.medi.patient.repository.PatientSearchRepository.Position;
import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchCursorTest {

    private final String fingerprint = SearchCursor.fingerprint("anna", null, null, null);

    @Test
    void aCursorRoundTripsExactly() {
        Position position = new Position(1, 0.7142857142857143, UUID.randomUUID());
        String cursor = SearchCursor.encode(position, fingerprint);
        assertEquals(Optional.of(position), SearchCursor.decode(cursor, fingerprint));
        assertFalse(cursor.contains("anna"), "no query text in the cursor");
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        String cursor = SearchCursor.encode(new Position(0, 1.0, UUID.randomUUID()), fingerprint);
        assertEquals(Optional.empty(), SearchCursor.decode(cursor, SearchCursor.fingerprint("anne", null, null, null)));
        assertNotEquals(fingerprint, SearchCursor.fingerprint(null, "anna", null, null));
    }

    @Test
    void garbageIsRefused() {
        assertEquals(Optional.empty(), SearchCursor.decode("not a cursor!", fingerprint));
        assertEquals(Optional.empty(), SearchCursor.decode(encode("1|x|0.5|" + UUID.randomUUID() + "|" + fingerprint), fingerprint));
        assertEquals(Optional.empty(), SearchCursor.decode(encode("1|1|NaN|" + UUID.randomUUID() + "|" + fingerprint), fingerprint));
        assertEquals(Optional.empty(), SearchCursor.decode(encode("2|1|0.5|" + UUID.randomUUID() + "|" + fingerprint), fingerprint));
        assertEquals(Optional.empty(), SearchCursor.decode(encode("1|1|0.5|not-a-uuid|" + fingerprint), fingerprint));
    }

    @Test
    void aKeysetRoundTripsForItsListOnly() {
        Keyset position = new Keyset(Instant.parse("2026-03-01T10:15:30.123456789Z"), UUID.randomUUID(), "note");
        String cursor = SearchCursor.encode(position, "history:" + position.id());
        assertEquals(Optional.of(position), SearchCursor.decodeKeyset(cursor, "history:" + position.id()));
        assertEquals(Optional.empty(), SearchCursor.decodeKeyset(cursor, "history:" + UUID.randomUUID()));
        assertEquals(Optional.empty(), SearchCursor.decode(cursor, fingerprint), "a keyset is not a search hit");
    }

    @Test
    void aForeignKeysetParameterIsACleanValidationProblem() {
        assertNull(SearchCursor.keysetParameter("after", " ", "encounters"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> SearchCursor.keysetParameter("after", "bm90IGEgY3Vyc29y", "encounters"));
        assertEquals(ProblemType.VALIDATION, refused.kind());
        assertEquals("after", refused.errors().get(0).field());
        assertEquals(Optional.empty(), SearchCursor.decodeKeyset(encode("k1|x|0|" + UUID.randomUUID() + "||"
                + SearchCursor.hash("encounters")), "encounters"));
    }

    @Test
    void anIdCursorRoundTripsForItsSearchOnly() {
        UUID last = UUID.randomUUID();
        String cursor = SearchCursor.encode(last, fingerprint);
        assertEquals(Optional.of(last), SearchCursor.decodeId(cursor, fingerprint));
        assertEquals(Optional.empty(), SearchCursor.decodeId(cursor, SearchCursor.hash("other")));
        assertEquals(Optional.empty(), SearchCursor.decodeId(encode("f1|not-a-uuid|" + fingerprint), fingerprint));
    }

    @Test
    void theEncodingsOfEarlierReleasesStillDecode() {
        // cursors handed out before the codecs were merged (k1 and f1 were separate classes) must keep working
        UUID id = UUID.fromString("01a24499-97f8-7a57-b5f5-ca812986b3dc");
        assertEquals(Optional.of(new Keyset(Instant.ofEpochSecond(1700000000, 5), id, "")),
                SearchCursor.decodeKeyset(encode("k1|1700000000|5|" + id + "||" + SearchCursor.hash("s")), "s"));
        assertEquals(Optional.of(id), SearchCursor.decodeId(encode("f1|" + id + "|abc"), "abc"));
        assertEquals(Optional.of(new Position(1, 0.5, id)), SearchCursor.decode(encode("1|1|0.5|" + id + "|abc"), "abc"));
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
