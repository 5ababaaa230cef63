package dev.medi.devstack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.util.List;

/**
 * Mints access tokens with the local signing key, in exactly the format auth-service issues:
 * RS256, {@code kid}, {@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code groups} (roles),
 * {@code departments}, {@code iat}, {@code exp}, {@code jti}. For the local run and for tests.
 */
public final class DevTokens {

    /** Issuer every service expects ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://auth.medi-os.local";
    /** Audience every service expects ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "medi-os";
    /** Access tokens live at most ten minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private final DevKeys keys;

    public DevTokens(DevKeys keys) {
        this.keys = keys;
    }

    /** A token for {@code username} holding {@code roles}, allowed to see {@code departments}. */
    public String accessToken(String username, List<String> roles, List<String> departments) {
        return accessToken(username, roles, departments, DEFAULT_TTL);
    }

    /** The {@code sub} of this signer's tokens for {@code username}: a user id, stable per name. */
    public static String userId(String username) {
        return java.util.UUID.nameUUIDFromBytes(("medi-dev-user:" + username)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public String accessToken(String username, List<String> roles, List<String> departments, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        // like auth-service: sub is the user's id (stable per name here), upn the user name
        claims.setSubject(userId(username));
        claims.setClaim("upn", username);
        claims.setStringListClaim("groups", roles);
        claims.setStringListClaim("departments", departments);
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expiry = NumericDate.fromSeconds(now.getValue() + ttl.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setGeneratedJwtId();
        return sign(claims);
    }

    /** Signs arbitrary claims with the local key (tests use it to build malformed tokens). */
    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
