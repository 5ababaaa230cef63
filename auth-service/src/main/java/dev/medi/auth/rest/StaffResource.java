package dev.medi.auth.rest;

import dev.medi.auth.service.UserService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The staff directory: display names of a department's active staff, for any staff member of that department
 * (choosing a colleague, "signed by" labels). Only what a colleague may know; account administration stays in
 * {@link UserResource}.
 */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Staff")
@SecurityRequirement(name = "jwt")
public class StaffResource {

    private final UserService users;
    private final CurrentCaller caller;

    StaffResource(UserService users, CurrentCaller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "staffList", summary = "Active staff of a department",
            description = "Any staff role, for a department the caller works in (admins: any). Disabled accounts are "
                    + "left out. Ordered by display name.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffDirectory.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this department")
    public Uni<StaffDirectory> list(
            @Parameter(description = "The department (id)", required = true)
            @QueryParam("departmentId") @NotBlank String departmentId,
            @Parameter(description = "Only staff with this role")
            @QueryParam("role") @Pattern(regexp = dev.medi.auth.rest.Roles.PATTERN) String role) {
        Caller current = caller.get();
        return users.staff(current, departmentId(departmentId), role)
                .map(found -> new StaffDirectory(found.stream().map(user -> StaffMemberView.of(user, current)).toList()));
    }

    /** JAX-RS would answer an unparsable UUID query parameter with 404; this is a bad request. */
    private static UUID departmentId(String value) {
        try {
            UUID id = UUID.fromString(value.strip());
            if (id.toString().equalsIgnoreCase(value.strip())) { // fromString also takes "1-2-3-4-5"
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ProblemException(ProblemType.VALIDATION, "The query has invalid parameters.",
                List.of(new Problem.FieldError("departmentId", "must be a UUID")));
    }
}
