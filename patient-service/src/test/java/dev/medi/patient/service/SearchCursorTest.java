package dev.medi.patient.service;

import dev.medi.patient.repository.PatientSearchRepository.Position;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
