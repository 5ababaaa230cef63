package dev.medi.auth.rest;

import dev.medi.auth.service.SigningKeys;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys every service verifies access tokens with (RFC 7517), current and next. */
@Path("/.well-known/jwks.json")
@Tag(name = "Authentication")
@PermitAll
public class JwksResource {

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response jwks() {
        JsonObject jwks = keys.jwks();
        // Verifiers cache it; a rotation publishes the next key well before it signs.
        return Response.ok(jwks.encode()).header("Cache-Control", "public, max-age=300").build();
    }
}
