package dev.medi.auth.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertTrue(policy.violations("violet tram at dawn 47", "nurse.jones").isEmpty());
        assertTrue(policy.violations("Ünïcödé pässwörd ☕ ok", "nurse.jones").isEmpty(), "any characters allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "elevenchars"})
    void fewerThanTwelveCharactersAreRejected(String password) {
        assertTrue(policy.violations(password, "nurse").contains("must be at least 12 characters"));
    }

    @Test
    void moreThan128CharactersAreRejected() {
        assertTrue(policy.violations("x".repeat(129) + " not common", "nurse").contains("must be at most 128 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qazwsxedcrfv", "QWERTY123456", "LeaveMeAlone", "PASSWORD123456", "password1234!!", "iloveyou12345"})
    void commonPasswordsAndCommonPasswordsWithDigitsAppendedAreRejected(String password) {
        assertTrue(policy.violations(password, "nurse").contains("is too common"), password);
    }

    @Test
    void thePasswordMustNotContainTheUserName() {
        assertEquals(java.util.List.of("must not contain the user name"),
                policy.violations("my name is nurse.jones ok", "Nurse.Jones"));
    }
}
