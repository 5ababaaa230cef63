package dev.medi.queue.rest;

import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.MediInfrastructure;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service verifies every access token itself (against auth-service's JWKS, here the test resource's):
 * each forged, misdirected, stale or wrong kind of token is refused with 401 and changes nothing.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final String GENERAL = DemoData.GENERAL;
    private static final String CHECK_INS = "/api/v1/queues/{dept}/check-ins";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Beyond the 30 s clock skew the services allow. */
    private static final long BEYOND_SKEW_SECONDS = 120;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = MediInfrastructure.KEY_ID)
    String trustedKeyId;

    @ConfigProperty(name = MediInfrastructure.VERIFICATION_KEY)
    String verificationKeyPem;

    @Test
    void aValidTokenChecksInSoTheRejectionsBelowAreAboutTheToken() {
        long before = storedEntries();
        request(TestTokens.tokens().sign(receptionistClaims()))
                .post(CHECK_INS, GENERAL)
                .then().statusCode(201);
        assertEquals(before + 1, storedEntries());
    }

    @Test
    void anUnsignedTokenIsRejected() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(receptionistClaims().toJson());
        jws.setKeyIdHeaderValue(trustedKeyId);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        String unsigned = jws.getCompactSerialization();
        assertEquals("", unsigned.split("\\.", -1)[2], "alg none carries no signature");
        assertRejected(unsigned);
    }

    @Test
    void aTokenSignedWithHs256UsingThePublicKeyAsTheSecretIsRejected() throws IOException, JoseException {
        // Algorithm confusion: a verifier that let the token pick the algorithm would check this HMAC with
        // the public key it trusts. Both the PEM text and the DER bytes a verifier might hold are tried.
        String pem = Files.readString(Path.of(verificationKeyPem));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        for (byte[] secret : new byte[][] {pem.getBytes(StandardCharsets.US_ASCII), der}) {
            assertRejected(sign(receptionistClaims(), AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret), trustedKeyId));
        }
    }

    @Test
    void aTokenSignedByAnotherKeyWithAnUnknownKidIsRejected() throws JoseException {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        String strangerKid = stranger.calculateBase64urlEncodedThumbprint("SHA-256");
        assertRejected(sign(receptionistClaims(), AlgorithmIdentifiers.RSA_USING_SHA256, stranger.getPrivateKey(), strangerKid));
    }

    @Test
    void aTokenSignedByAnotherKeyCarryingTheTrustedKidIsRejected() throws JoseException {
        RsaJsonWebKey impostor = RsaJwkGenerator.generateJwk(2048);
        assertRejected(sign(receptionistClaims(), AlgorithmIdentifiers.RSA_USING_SHA256, impostor.getPrivateKey(), trustedKeyId));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        JwtClaims claims = receptionistClaims();
        claims.setIssuer("https://evil.example");
        assertRejected(TestTokens.tokens().sign(claims));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        JwtClaims claims = receptionistClaims();
        claims.setAudience("another-system");
        assertRejected(TestTokens.tokens().sign(claims));
    }

    @Test
    void aTokenWithoutAudienceIsRejected() {
        JwtClaims claims = receptionistClaims();
        claims.unsetClaim("aud");
        assertRejected(TestTokens.tokens().sign(claims));
    }

    @Test
    void anExpiredTokenIsRejected() {
        JwtClaims claims = receptionistClaims();
        long now = NumericDate.now().getValue();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 600 - BEYOND_SKEW_SECONDS));
        claims.setExpirationTime(NumericDate.fromSeconds(now - BEYOND_SKEW_SECONDS));
        assertRejected(TestTokens.tokens().sign(claims));
    }

    @Test
    void aTokenNotYetValidIsRejected() {
        JwtClaims claims = receptionistClaims();
        claims.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + BEYOND_SKEW_SECONDS));
        assertRejected(TestTokens.tokens().sign(claims));
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRejected() {
        String[] parts = TestTokens.tokens().sign(receptionistClaims()).split("\\.");
        JwtClaims escalated = receptionistClaims();
        escalated.setStringListClaim("groups", "admin");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(escalated.toJson().getBytes(StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        // auth-service's refresh tokens are 32 random bytes, base64url: opaque, 43 characters.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        assertEquals(43, refreshToken.length());
        assertRejected(refreshToken);
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderIsRejected() {
        long before = storedEntries();
        given().contentType(ContentType.JSON).body(Map.of("arrivalName", "A", "chiefComplaint", "cough"))
                .post(CHECK_INS, GENERAL)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
        assertEquals(before, storedEntries(), "nothing stored");
    }

    private void assertRejected(String token) {
        long before = storedEntries();
        request(token).post(CHECK_INS, GENERAL)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"))
                .body("status", equalTo(401));
        assertEquals(before, storedEntries(), "nothing stored");
    }

    private static RequestSpecification request(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("arrivalName", "Test Arrival", "chiefComplaint", "cough"));
    }

    /** Claims of a valid receptionist access token, as auth-service issues them. */
    private static JwtClaims receptionistClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://auth.medi-os.local");
        claims.setAudience("medi-os");
        claims.setSubject("test.receptionist");
        claims.setClaim("upn", "test.receptionist");
        claims.setStringListClaim("groups", "receptionist");
        claims.setStringListClaim("departments", GENERAL);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(JwtClaims claims, String algorithm, Key key, String keyId) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    private long storedEntries() {
        return Databases.count(dataSource, "select count(*) from queue_entries");
    }
}
