package dev.medi.auth.rest;

import dev.medi.auth.service.UserService;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The signed-in user's own account: profile, display preferences, password. */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Account")
@SecurityRequirement(name = "jwt")
public class AccountResource {

    private final UserService users;
    private final JsonWebToken token;

    AccountResource(UserService users, JsonWebToken token) {
        this.users = users;
        this.token = token;
    }

    @GET
    public Uni<UserView> get() {
        return users.own(Caller.of(token)).map(UserView::of);
    }

    @PATCH
    @Path("/preferences")
    public Uni<UserView> preferences(@Valid @NotNull PreferencesRequest request) {
        return users.setPreferences(Caller.of(token), request.theme(), request.locale()).map(UserView::of);
    }

    /** Other sessions of the user end; the one making the change (the token's {@code sid}) stays. */
    @POST
    @Path("/password")
    public Uni<Response> changePassword(@Valid @NotNull ChangePasswordRequest request) {
        String sid = token.getClaim("sid");
        return users.changePassword(Caller.of(token), sid == null ? null : UUID.fromString(sid),
                        request.currentPassword(), request.newPassword())
                .map(ignored -> Response.noContent().build());
    }
}
