package dev.medi.auth.rest;

import dev.medi.auth.service.SecondFactorService;
import dev.medi.auth.service.UserService;
import dev.medi.platform.defaults.security.CurrentCaller;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    private final SecondFactorService secondFactors;
    private final CurrentCaller caller;
    /** For the session id ({@code sid}), which is not part of the {@code Caller}. */
    private final JsonWebToken token;

    AccountResource(UserService users, SecondFactorService secondFactors, CurrentCaller caller, JsonWebToken token) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.caller = caller;
        this.token = token;
    }

    @GET
    public Uni<UserView> get() {
        return users.own(caller.get()).map(UserView::of);
    }

    @PATCH
    @Path("/preferences")
    public Uni<UserView> preferences(@Valid @NotNull PreferencesRequest request) {
        return users.setPreferences(caller.get(), request.theme(), request.locale()).map(UserView::of);
    }

    /** Other sessions of the user end; the one making the change (the token's {@code sid}) stays. */
    @POST
    @Path("/password")
    @APIResponse(responseCode = "204", description = "Changed; the user's other sessions ended")
    @APIResponse(responseCode = "401", description = "Wrong current password")
    @APIResponse(responseCode = "503", description = "Too many password checks at once; try again")
    public Uni<Response> changePassword(@Valid @NotNull ChangePasswordRequest request) {
        return users.changePassword(caller.get(), sessionId(),
                        request.currentPassword(), request.newPassword())
                .map(ignored -> Response.noContent().build());
    }

    /** Starts setting up an authenticator app: a new secret, shown once. */
    @POST
    @Path("/second-factor")
    @Consumes(MediaType.WILDCARD) // no body
    public Uni<SecondFactorEnrolmentView> enrolSecondFactor() {
        return secondFactors.enrol(caller.get()).map(SecondFactorEnrolmentView::of);
    }

    /**
     * Activates the second factor with a first code. This session counts as verified: refresh it to get
     * a token with the user's roles when a role requires the second factor.
     */
    @POST
    @Path("/second-factor/confirm")
    @APIResponse(responseCode = "200", description = "Second factor active")
    @APIResponse(responseCode = "409", description = "No set-up started, or the second factor is already active")
    public Uni<UserView> confirmSecondFactor(@Valid @NotNull SecondFactorConfirmation request) {
        return secondFactors.confirm(caller.get(), sessionId(), request.code()).map(UserView::of);
    }

    /** Switches the second factor off (password re-entered); 409 while one of the user's roles requires it. */
    @POST
    @Path("/second-factor/removal")
    @APIResponse(responseCode = "200", description = "Second factor off")
    @APIResponse(responseCode = "401", description = "Wrong current password")
    @APIResponse(responseCode = "409", description = "A role of the user requires the second factor")
    @APIResponse(responseCode = "503", description = "Too many password checks at once; try again")
    public Uni<UserView> removeSecondFactor(@Valid @NotNull SecondFactorRemoval request) {
        return secondFactors.disable(caller.get(), request.currentPassword()).map(UserView::of);
    }

    private UUID sessionId() {
        String sid = token.getClaim("sid");
        return sid == null ? null : UUID.fromString(sid);
    }
}
