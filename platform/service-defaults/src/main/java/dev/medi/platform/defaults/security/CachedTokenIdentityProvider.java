package dev.medi.platform.defaults.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers a bearer token from the {@link VerifiedTokenCache} on the calling (event-loop) thread. Quarkus's
 * own provider, {@code MpJwtValidator}, moves every token to a worker thread
 * ({@code quarkus.smallrye-jwt.blocking-authentication=true}, because fetching the key set blocks); that hop
 * is only needed when the token must really be verified. Asked first (higher priority); a token it does
 * not hold gets no answer here, so Quarkus asks {@code MpJwtValidator}, whose parser
 * ({@link CachingJwtParser}) verifies and stores it.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokenCache cache;

    CachedTokenIdentityProvider(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of {@code MpJwtValidator}, which keeps the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // only the bearer tokens MpJwtValidator would handle
        if (!cache.enabled() || !(request.getToken() instanceof JsonWebTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        JsonWebToken token;
        try {
            token = cache.find(request.getToken().getToken());
        } catch (ParseException expired) {
            return Uni.createFrom().failure(new AuthenticationFailedException(expired));
        }
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(identityOf(token, request));
    }

    /** The identity MpJwtValidator builds for a verified token (Quarkus 3.33), so both paths look alike. */
    private static SecurityIdentity identityOf(JsonWebToken token, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(request.getToken())
                .addRoles(token.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, token);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return identity.build();
    }
}
