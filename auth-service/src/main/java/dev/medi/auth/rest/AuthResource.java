package dev.medi.auth.rest;

import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.service.AuthService;
import dev.medi.auth.service.ClientService;
import dev.medi.auth.service.PasswordResetService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.input.StorableText;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sign-in, token refresh and sign-out. Open to anonymous callers by nature; everything else is not. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@PermitAll
public class AuthResource {

    private final AuthService auth;
    private final ClientService clients;
    private final PasswordResetService passwordResets;
    private final AuthConfig config;

    AuthResource(AuthService auth, ClientService clients, PasswordResetService passwordResets, AuthConfig config) {
        this.auth = auth;
        this.clients = clients;
        this.passwordResets = passwordResets;
        this.config = config;
    }

    /**
     * OAuth 2 token endpoint for hospital systems, client-credentials grant only (RFC 6749 §4.4):
     * form fields {@code grant_type=client_credentials}, {@code client_id}, {@code client_secret}
     * (or HTTP Basic), optional {@code scope}.
     */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "200", description = "Access token (OAuth 2 token response)")
    @APIResponse(responseCode = "400", description = "grant_type other than client_credentials")
    @APIResponse(responseCode = "401", description = "Unknown client or wrong secret")
    @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; try again")
    public Uni<Response> token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                               @FormParam("client_secret") String clientSecret, @FormParam("scope") String scope,
                               @HeaderParam("Authorization") String authorization, @Context HttpServerRequest http) {
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(ProblemType.VALIDATION, "Only grant_type=client_credentials is supported here.",
                    List.of(new Problem.FieldError("grant_type", "must be client_credentials")));
        }
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        // the one form endpoint: JSON and addresses are checked by the platform (StrictJson, RequestLimits)
        if (!StorableText.isStorable(id) || !StorableText.isStorable(secret) || !StorableText.isStorable(scope)) {
            throw new ProblemException(ProblemType.VALIDATION, "A field contains a character that cannot be stored.");
        }
        if (id == null || secret == null || id.length() > 64 || secret.length() > 128) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Unknown client or wrong secret.");
        }
        Set<String> requested = scope == null || scope.isBlank() ? Set.of()
                : Set.of(scope.strip().split("\\s+"));
        return clients.token(id, secret, requested, clientAddress(http)).map(token -> Response.ok(Map.of(
                        "access_token", token.accessToken(),
                        "token_type", "Bearer",
                        "expires_in", token.expiresInSeconds(),
                        "scope", String.join(" ", token.scopes())))
                .header("Cache-Control", "no-store").build());
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @POST
    @Path("/login")
    @APIResponse(responseCode = "200", description = "Signed in; the refresh token in the body or an HttpOnly cookie", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong user name, password or code (type unauthorized), or the code is missing (type second-factor-required)")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; try again")
    public Uni<Response> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        boolean inBody = request.refreshTokenIn() == LoginRequest.RefreshTokenDelivery.BODY;
        return auth.login(request.username(), request.password(), request.oneTimeCode(), clientAddress(http))
                .map(tokens -> tokenResponse(tokens, inBody));
    }

    /**
     * The caller's address. Quarkus replaces the peer with the {@code X-Forwarded-For} client only when the
     * peer is one of {@code quarkus.http.proxy.trusted-proxies} (the gateway); from anyone else the header
     * is ignored, so a caller cannot pick a fresh address per attempt.
     */
    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /** The refresh token comes from the cookie (browsers) or the body (API clients). */
    @POST
    @Path("/refresh")
    @APIResponse(responseCode = "200", description = "New access and refresh token", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "No, unknown, expired or reused refresh token: sign in again")
    public Uni<Response> refresh(@Valid RefreshRequest body, @Context HttpHeaders headers) {
        String fromBody = body == null ? null : body.refreshToken();
        String token = fromBody != null ? fromBody : cookie(headers);
        if (token == null || token.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "No refresh token: sign in again.");
        }
        return auth.refresh(token).map(tokens -> tokenResponse(tokens, fromBody != null));
    }

    @POST
    @Path("/logout")
    @APIResponse(responseCode = "204", description = "Signed out (also when the token was unknown)")
    public Uni<Response> logout(@Valid RefreshRequest body, @Context HttpHeaders headers) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie(headers);
        return auth.logout(token).map(ignored -> Response.noContent().cookie(refreshCookie("", 0)).build());
    }

    /** Always 202, whether or not an account has this address. */
    @POST
    @Path("/password-reset")
    @APIResponse(responseCode = "202", description = "Accepted, whether or not an account has this address")
    @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After")
    public Uni<Response> requestPasswordReset(@Valid @NotNull PasswordResetRequest request, @Context HttpServerRequest http) {
        return passwordResets.request(request.email(), clientAddress(http)).map(ignored -> Response.accepted().build());
    }

    @POST
    @Path("/password-reset/confirm")
    @APIResponse(responseCode = "204", description = "Password set; every session of the account ended")
    @APIResponse(responseCode = "400", description = "Unknown or expired token, or a password that does not meet the policy")
    @APIResponse(responseCode = "503", description = "Too many password checks at once; try again")
    public Uni<Response> confirmPasswordReset(@Valid @NotNull PasswordResetConfirmation request) {
        return passwordResets.confirm(request.token(), request.newPassword()).map(ignored -> Response.noContent().build());
    }

    private Response tokenResponse(AuthService.Tokens tokens, boolean refreshTokenInBody) {
        TokenResponse body = new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresInSeconds(),
                refreshTokenInBody ? tokens.refreshToken() : null);
        Response.ResponseBuilder response = Response.ok(body).header("Cache-Control", "no-store");
        if (!refreshTokenInBody) {
            response.cookie(refreshCookie(tokens.refreshToken(), (int) config.sessionAbsoluteLifetime().toSeconds()));
        }
        return response.build();
    }

    private NewCookie refreshCookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(config.refreshCookie().name())
                .value(value)
                .path(config.refreshCookie().path())
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAgeSeconds)
                .build();
    }

    private String cookie(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(config.refreshCookie().name());
        return cookie == null ? null : cookie.getValue();
    }
}
