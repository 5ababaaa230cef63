package dev.medi.auth.service;

import dev.medi.auth.config.AuthConfig;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. Secrets are
 * encrypted with AES-256-GCM before they reach the database, bound to the account id, so a copied
 * row is useless for another account and a database dump yields no secrets.
 */
@ApplicationScoped
public class SecondFactor {

    /** What a user needs to set up an authenticator app. */
    public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri, String encryptedSecret) {
    }

    static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig.SecondFactor config;
    private final SecretGenerator secrets = new DefaultSecretGenerator(32); // 160 bits, RFC 4226's recommendation
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final SecretKeySpec key;

    @jakarta.inject.Inject
    SecondFactor(AuthConfig config) {
        this(config.secondFactor());
    }

    SecondFactor(AuthConfig.SecondFactor config) {
        this.config = config;
        this.key = new SecretKeySpec(loadKey(config), "AES");
    }

    public Enrolment enrol(UUID userId, String accountName) {
        String secret = secrets.generate();
        QrData data = new QrData.Builder()
                .label(accountName)
                .secret(secret)
                .issuer(config.issuerName())
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build();
        String qr;
        try {
            qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(new ZxingPngQrGenerator().generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
        return new Enrolment(secret, data.getUri(), qr, encrypt(userId, secret));
    }

    /**
     * The time step {@code code} is valid for, within the allowed drift, or empty. Comparison in constant
     * time; the caller refuses steps already used.
     */
    public OptionalLong verify(UUID userId, String encryptedSecret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        String secret = decrypt(userId, encryptedSecret);
        long current = now.getEpochSecond() / PERIOD_SECONDS;
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - config.allowedDriftSteps(); step <= current + config.allowedDriftSteps(); step++) {
            // check every step (no early exit) so the time taken says nothing about which one matched
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII)) && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    private String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }

    String encrypt(UUID userId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(userId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret encryption failed", e);
        }
    }

    String decrypt(UUID userId, String encrypted) {
        try {
            byte[] all = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(userId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret decryption failed (wrong key?)", e);
        }
    }

    private static byte[] loadKey(AuthConfig.SecondFactor config) {
        String encoded = config.encryptionKey().orElseGet(() -> config.encryptionKeyLocation()
                .map(path -> readOrCreate(path, config.createMissingKey()))
                .orElseThrow(() -> new IllegalStateException(
                        "no second-factor key: set medi.auth.second-factor.encryption-key (Base64, 32 bytes)")));
        byte[] key = Base64.getDecoder().decode(encoded.strip());
        if (key.length != 32) {
            throw new IllegalStateException("medi.auth.second-factor.encryption-key must be 32 bytes (Base64)");
        }
        return key;
    }

    private static String readOrCreate(Path path, boolean create) {
        try {
            if (Files.notExists(path) && create) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temp = Files.createTempFile(parent, "totp", ".key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key));
                try {
                    Files.move(temp, path); // no REPLACE_EXISTING: a key once written is never replaced
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(temp); // another process created it first: use theirs
                }
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the second-factor key", e);
        }
    }
}
