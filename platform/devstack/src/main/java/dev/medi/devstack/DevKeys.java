package dev.medi.devstack;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local signing key pair for access tokens: RSA 2048, generated once per machine into a directory
 * outside the repository. Production keys come from the secret store, never from here.
 *
 * @param privateKeyPem PKCS#8 PEM of the signing key (file mode 600)
 * @param publicKeyPem  X.509 SubjectPublicKeyInfo PEM that services verify with
 * @param keyId         the {@code kid} header: RFC 7638 thumbprint of the public key
 */
public record DevKeys(Path privateKeyPem, Path publicKeyPem, String keyId) {

    private static final String PRIVATE_FILE = "jwt-signing-key.pem";
    private static final String PUBLIC_FILE = "jwt-verification-key.pem";

    /** Loads the key pair from {@code directory}, generating it on first use. */
    public static DevKeys loadOrCreate(Path directory) {
        try {
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Path publicFile = directory.resolve(PUBLIC_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(directory);
                RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
                writePem(publicFile, "PUBLIC KEY", jwk.getPublicKey().getEncoded());
                writePem(privateFile, "PRIVATE KEY", jwk.getPrivateKey().getEncoded());
                try {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: nothing more to tighten
                }
            }
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
            String keyId = new RsaJsonWebKey((RSAPublicKey) publicKey)
                    .calculateBase64urlEncodedThumbprint("SHA-256");
            return new DevKeys(privateFile, publicFile, keyId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException("could not create the development signing key", e);
        }
    }

    /** The public half, as published in the JWKS. */
    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(readPem(publicKeyPem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable verification key " + publicKeyPem, e);
        }
    }

    public PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKeyPem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing key " + privateKeyPem, e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] readPem(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
