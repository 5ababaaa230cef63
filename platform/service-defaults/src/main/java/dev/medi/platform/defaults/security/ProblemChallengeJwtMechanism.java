package dev.medi.platform.defaults.security;

import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Set;

/**
 * The bearer-token mechanism of smallrye-jwt, unchanged, except that its 401 challenge carries a problem
 * body: requests stopped by the HTTP security layer (before any resource) get the same error shape as
 * everything else.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeJwtMechanism implements HttpAuthenticationMechanism {

    private final JWTAuthMechanism delegate;

    ProblemChallengeJwtMechanism(JWTAuthMechanism delegate) {
        this.delegate = delegate;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return delegate.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        ProblemResponses.end(context.response(), context.request(), ProblemType.UNAUTHORIZED,
                "A valid access token is required.");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }
}
