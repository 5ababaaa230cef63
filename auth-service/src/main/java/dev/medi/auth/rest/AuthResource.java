package dev.medi.auth.rest;

import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.service.AuthService;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in, token refresh and sign-out. Open to anonymous callers by nature; everything else is not. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@PermitAll
public class AuthResource {

    private final AuthService auth;
    private final AuthConfig config;

    AuthResource(AuthService auth, AuthConfig config) {
        this.auth = auth;
        this.config = config;
    }

    @POST
    @Path("/login")
    public Uni<Response> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        boolean inBody = request.refreshTokenIn() == LoginRequest.RefreshTokenDelivery.BODY;
        return auth.login(request.username(), request.password(), clientAddress(http))
                .map(tokens -> tokenResponse(tokens, inBody));
    }

    /** The caller's address: the gateway's X-Forwarded-For when trusted, else the peer. */
    private String clientAddress(HttpServerRequest http) {
        String forwarded = config.throttle().trustForwardedFor() ? http.getHeader("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /** The refresh token comes from the cookie (browsers) or the body (API clients). */
    @POST
    @Path("/refresh")
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
    public Uni<Response> logout(@Valid RefreshRequest body, @Context HttpHeaders headers) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie(headers);
        return auth.logout(token).map(ignored -> Response.noContent().cookie(refreshCookie("", 0)).build());
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
