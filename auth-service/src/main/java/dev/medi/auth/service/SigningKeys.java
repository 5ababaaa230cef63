package dev.medi.auth.service;

import dev.medi.auth.config.AuthConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The token signing keys. The current key signs; the next key, if configured, is only published, so
 * that every verifier already has it when it becomes current; the previous key stays published after a
 * rotation until the tokens it signed have expired (rotation without a failed request).
 * Key ids are RFC 7638 thumbprints, so the same key always has the same {@code kid}.
 */
@ApplicationScoped
public class SigningKeys {

    /** A private key with its public half and id. */
    public record SigningKey(String keyId, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    }

    private final SigningKey current;
    private final Optional<SigningKey> next;
    private final Optional<SigningKey> previous;
    private final JsonObject jwks;

    @jakarta.inject.Inject
    SigningKeys(AuthConfig config) {
        this(config.keys());
    }

    SigningKeys(AuthConfig.Keys keys) {
        this.current = load(keys.current(), keys.currentLocation())
                .orElseThrow(() -> new IllegalStateException(
                        "no signing key: set medi.auth.keys.current (PEM) or medi.auth.keys.current-location"));
        this.next = load(keys.next(), keys.nextLocation());
        this.previous = load(keys.previous(), keys.previousLocation());
        this.jwks = buildJwks(); // the keys are fixed for the life of the process: build the set once
    }

    public SigningKey current() {
        return current;
    }

    /** The JSON Web Key Set of all published keys (public parts only). */
    public JsonObject jwks() {
        return jwks.copy();
    }

    private JsonObject buildJwks() {
        List<SigningKey> published = new ArrayList<>();
        published.add(current);
        next.filter(key -> !key.keyId().equals(current.keyId())).ifPresent(published::add);
        previous.filter(key -> published.stream().noneMatch(p -> p.keyId().equals(key.keyId()))).ifPresent(published::add);
        JsonArray keys = new JsonArray();
        for (SigningKey key : published) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.keyId());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            keys.add(new JsonObject(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        }
        return new JsonObject().put("keys", keys);
    }

    private static Optional<SigningKey> load(Optional<String> pem, Optional<Path> location) {
        Optional<String> text = pem.filter(value -> !value.isBlank()).or(() -> location.map(SigningKeys::read));
        return text.map(SigningKeys::parse);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("signing key not readable: " + file, e);
        }
    }

    private static SigningKey parse(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            String keyId = new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
            return new SigningKey(keyId, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // Never include the key material in the message.
            throw new IllegalStateException("the signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
