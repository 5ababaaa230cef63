package dev.medi.auth.service;

import dev.medi.auth.config.AuthConfig;
import dev.medi.devstack.DevKeys;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Key rotation: the JWKS publishes current, next and previous; only the current key signs. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void currentNextAndPreviousArePublishedCurrentSigns() {
        DevKeys current = DevKeys.loadOrCreate(dir.resolve("current"));
        DevKeys next = DevKeys.loadOrCreate(dir.resolve("next"));
        DevKeys previous = DevKeys.loadOrCreate(dir.resolve("previous"));
        SigningKeys keys = new SigningKeys(keys(current.privateKeyPem(), next.privateKeyPem(), previous.privateKeyPem()));

        JsonObject jwks = keys.jwks();
        List<String> kids = jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList();
        assertEquals(List.of(current.keyId(), next.keyId(), previous.keyId()), kids);
        assertEquals(current.keyId(), keys.current().keyId(), "kid = RFC 7638 thumbprint, as the devstack computes it");
        jwks.getJsonArray("keys").forEach(k -> assertFalse(((JsonObject) k).containsKey("d"), "no private part"));
    }

    @Test
    void withoutACurrentKeyTheServiceRefusesToStart() {
        assertThrows(IllegalStateException.class, () -> new SigningKeys(keys(null, null, null)));
    }

    private static AuthConfig.Keys keys(Path current, Path next, Path previous) {
        return new AuthConfig.Keys() {
            public Optional<String> current() {
                return Optional.empty();
            }

            public Optional<Path> currentLocation() {
                return Optional.ofNullable(current);
            }

            public Optional<String> next() {
                return Optional.empty();
            }

            public Optional<Path> nextLocation() {
                return Optional.ofNullable(next);
            }

            public Optional<String> previous() {
                return Optional.empty();
            }

            public Optional<Path> previousLocation() {
                return Optional.ofNullable(previous);
            }
        };
    }
}
