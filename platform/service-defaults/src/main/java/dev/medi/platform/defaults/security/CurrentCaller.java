package dev.medi.platform.defaults.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, made once per request from its verified access token. Resources
 * inject this instead of the token and pass {@code caller.get()} to the services:
 *
 * <pre>{@code
 * QueueResource(CheckInService checkIns, CurrentCaller caller) { ... }
 * return checkIns.checkIn(caller.get(), departmentId, ...);
 * }</pre>
 *
 * Only for requests (JAX-RS resources, and Vert.x routes while their request context is active); event
 * consumers and jobs act as a service and build their {@code Caller} themselves.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /**
     * @throws UnauthorizedException (401) when the request carries no verified token: a route that forgot its
     *                               {@code @RolesAllowed} still cannot act for nobody
     */
    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous() || token.getRawToken() == null) {
                throw new UnauthorizedException();
            }
            caller = Caller.of(token);
        }
        return caller;
    }
}
