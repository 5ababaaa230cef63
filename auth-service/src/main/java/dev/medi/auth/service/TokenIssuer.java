package dev.medi.auth.service;

import dev.medi.auth.ApiClient;
import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Issues access tokens (RS256 JWT) and refresh tokens (opaque random values). */
@ApplicationScoped
public class TokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final SigningKeys keys;

    TokenIssuer(AuthConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /**
     * {@code iss}, {@code aud}, {@code sub} (user id), {@code upn} (user name), {@code groups} (roles),
     * {@code departments}, {@code sid} (the session), {@code amr} (RFC 8176: {@code pwd}, plus {@code otp}
     * after a second factor), {@code auth_time} (OpenID Connect: when the user last entered the password — the
     * login that started the session; refreshes keep it, so a service can demand a recent sign-in, e.g. for
     * signing a clinical note), {@code iat}, {@code exp}, {@code jti}; header {@code kid}, {@code alg=RS256}.
     * <p>
     * A user whose role requires a second factor they have not set up yet gets a token without roles
     * ({@code groups} empty) and {@code second_factor_enrolment_required=true}: it opens the account
     * endpoints (to enrol) and nothing else.
     */
    public String accessToken(User user, UUID sessionId, boolean secondFactor, boolean enrolmentOnly, Instant authenticatedAt,
                              Instant now) {
        List<String> departments = user.departments().stream().map(UUID::toString).toList();
        var token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id().toString())
                .upn(user.username())
                .groups(enrolmentOnly ? new HashSet<>() : new HashSet<>(user.roles()))
                .claim("departments", departments)
                .claim("amr", secondFactor ? List.of("pwd", "otp", "mfa") : List.of("pwd"));
        if (enrolmentOnly) {
            token.claim("second_factor_enrolment_required", true);
        }
        return token
                .claim("jti", UUID.randomUUID().toString())
                .claim("sid", sessionId.toString())
                .claim("auth_time", authenticatedAt.getEpochSecond())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws()
                .keyId(keys.current().keyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.current().privateKey());
    }

    /**
     * A token for a hospital system: {@code sub} and {@code client_id} = the client id, {@code scope} =
     * the granted scopes (space-separated, RFC 8693), no staff roles, no refresh token.
     */
    public String clientToken(ApiClient client, List<String> scopes, Instant now) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(client.clientId())
                .upn(client.clientId())
                .claim("client_id", client.clientId())
                .claim("scope", String.join(" ", scopes))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws()
                .keyId(keys.current().keyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.current().privateKey());
    }

    public long accessTokenTtlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }

    /** 256 random bits, URL-safe: the refresh token handed to the client (only its hash is stored). */
    public String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
