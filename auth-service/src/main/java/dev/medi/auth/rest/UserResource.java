package dev.medi.auth.rest;

import dev.medi.auth.User;
import dev.medi.auth.service.PasswordResetService;
import dev.medi.auth.service.SecondFactorService;
import dev.medi.auth.service.UserService;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Account administration: admins only. Updates need {@code If-Match} with the current ETag. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users")
@SecurityRequirement(name = "jwt")
public class UserResource {

    private final UserService users;
    private final PasswordResetService passwordResets;
    private final SecondFactorService secondFactors;
    private final CurrentCaller caller;

    UserResource(UserService users, PasswordResetService passwordResets, SecondFactorService secondFactors,
                 CurrentCaller caller) {
        this.users = users;
        this.secondFactors = secondFactors;
        this.passwordResets = passwordResets;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag of the account", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The user name or e-mail address is taken")
    @APIResponse(responseCode = "503", description = "Too many password checks at once; try again")
    public Uni<Response> create(@Valid @NotNull CreateUserRequest request) {
        return users.create(caller.get(), request.username(), request.email(), request.displayName(),
                        request.roles(), request.departments(), request.initialPassword())
                .map(user -> Response.created(UriBuilder.fromPath("/api/v1/users/{id}").build(user.id()))
                        .tag(etag(user)).entity(UserView.of(user)).build());
    }

    @GET
    public Uni<UserPage> list(@QueryParam("after") @Size(max = 64) String after,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return users.page(after, limit + 1).map(page -> {
            List<UserView> items = page.stream().limit(limit).map(UserView::of).toList();
            String next = page.size() > limit ? items.get(items.size() - 1).username() : null;
            return new UserPage(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The account; ETag = version", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return users.get(id).map(user -> Response.ok(UserView.of(user)).tag(etag(user)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Updated; ETag = new version", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The e-mail address is taken")
    @APIResponse(responseCode = "412", description = "The account changed since it was read (If-Match)")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull UpdateUserRequest request) {
        long expectedVersion = versionFrom(ifMatch);
        return users.update(caller.get(), id, expectedVersion, new UserService.Changes(request.email(),
                        request.displayName(), request.roles(), request.departments(), request.active()))
                .map(user -> Response.ok(UserView.of(user)).tag(etag(user)).build());
    }

    /** Ends the account's sessions and mails it a reset link. */
    @POST
    @Path("/{id}/password-reset")
    @APIResponse(responseCode = "202", description = "Sessions ended; a reset link is being sent")
    public Uni<Response> forcePasswordReset(@PathParam("id") UUID id) {
        return passwordResets.force(caller.get(), id).map(ignored -> Response.accepted().build());
    }

    /** Removes the account's second factor (lost phone) and ends its sessions; the user enrols again. */
    @POST
    @Path("/{id}/second-factor-reset")
    @APIResponse(responseCode = "200", description = "Second factor removed; ETag = new version", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Uni<Response> resetSecondFactor(@PathParam("id") UUID id) {
        return secondFactors.reset(caller.get(), id).map(user -> Response.ok(UserView.of(user)).tag(etag(user)).build());
    }

    static EntityTag etag(User user) {
        return new EntityTag(Long.toString(user.version()));
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) → 3. */
    static long versionFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the account as you last read it.");
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The If-Match value is not an ETag of this account.");
        }
    }
}
