package dev.medi.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The mapping convention and the settings parsing, without any network. */
class SecretsSettingsTest {

    @Test
    void conventionPrefixesAndReplacesDots() {
        SecretMapping mapping = SecretMapping.parse(" smallrye.jwt.sign.key ", "medi-");

        assertEquals(new SecretMapping("smallrye.jwt.sign.key", "medi-smallrye-jwt-sign-key", "latest"), mapping);
        assertEquals("projects/p1/secrets/medi-smallrye-jwt-sign-key/versions/latest", mapping.resourceName("p1"));
    }

    @Test
    void explicitIdIsUsedAsWrittenWithOptionalVersion() {
        assertEquals(new SecretMapping("smallrye.jwt.sign.key", "medi-jwt-signing-key", "latest"),
                SecretMapping.parse("smallrye.jwt.sign.key=medi-jwt-signing-key", "other-"));
        assertEquals(new SecretMapping("smallrye.jwt.sign.key", "medi-jwt-signing-key", "7"),
                SecretMapping.parse("smallrye.jwt.sign.key = medi-jwt-signing-key:7", "other-"));
    }

    @Test
    void invalidEntriesAreRejectedWithTheEntryNamed() {
        IllegalArgumentException quoted = assertThrows(IllegalArgumentException.class,
                () -> SecretMapping.parse("quarkus.datasource.\"users\".password", "medi-"));
        assertTrue(quoted.getMessage().contains("property=secret-id"), quoted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretMapping.parse("a.b=medi-x:v1", "medi-"));
        assertThrows(IllegalArgumentException.class, () -> SecretMapping.parse("a.b=medi/x", "medi-"));
        assertThrows(IllegalArgumentException.class, () -> SecretMapping.parse("=medi-x", "medi-"));
    }

    @Test
    void defaultsApplyWhenOnlyProjectIdIsSet() {
        SecretsSettings settings = SecretsSettings.read(Map.of("medi.secrets.gcp.project-id", "p1",
                "medi.secrets.gcp.keys", "a.b,,c.d=x-y:2")::get).orElseThrow();

        assertEquals("p1", settings.projectId());
        assertEquals(Optional.empty(), settings.endpoint());
        assertEquals(270, settings.ordinal());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
        assertEquals(List.of(new SecretMapping("a.b", "medi-a-b", "latest"), new SecretMapping("c.d", "x-y", "2")),
                settings.mappings());
    }

    @Test
    void customPrefixApplies() {
        SecretsSettings settings = SecretsSettings.read(Map.of("medi.secrets.gcp.project-id", "p1",
                "medi.secrets.gcp.prefix", "medi-staging-", "medi.secrets.gcp.keys", "a.b")::get).orElseThrow();

        assertEquals("medi-staging-a-b", settings.mappings().get(0).secretId());
    }

    @Test
    void noProjectIdMeansSwitchedOff() {
        assertEquals(Optional.empty(), SecretsSettings.read(Map.of("medi.secrets.gcp.keys", "a.b")::get));
        assertEquals(Optional.empty(), SecretsSettings.read(Map.of("medi.secrets.gcp.project-id", " ")::get));
    }

    @Test
    void duplicatePropertyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SecretsSettings.read(Map.of(
                "medi.secrets.gcp.project-id", "p1", "medi.secrets.gcp.keys", "a.b, a.b=other")::get));
    }

    @Test
    void timeoutForms() {
        assertEquals(Duration.ofMillis(500), SecretsSettings.parseTimeout("500ms"));
        assertEquals(Duration.ofSeconds(3), SecretsSettings.parseTimeout("3s"));
        assertEquals(Duration.ofSeconds(3), SecretsSettings.parseTimeout("3"));
        assertEquals(Duration.ofMinutes(1), SecretsSettings.parseTimeout("1m"));
        assertEquals(Duration.ofSeconds(2), SecretsSettings.parseTimeout("PT2S"));
        assertThrows(IllegalArgumentException.class, () -> SecretsSettings.parseTimeout("soon"));
        assertThrows(IllegalArgumentException.class, () -> SecretsSettings.parseTimeout("0s"));
    }

    @Test
    void retrySettingsSpendOneBudget() {
        var retry = SecretManagerFetcher.retrySettings(Duration.ofMillis(800));

        assertEquals(Duration.ofMillis(800), retry.getTotalTimeoutDuration());
        assertEquals(Duration.ofMillis(800), retry.getMaxRpcTimeoutDuration());
        assertEquals(3, retry.getMaxAttempts());
    }
}
