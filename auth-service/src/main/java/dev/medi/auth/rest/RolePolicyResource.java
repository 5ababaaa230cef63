package dev.medi.auth.rest;

import dev.medi.auth.service.SecondFactorService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Per-role security policy (admins only): which roles must sign in with a second factor. */
@Path("/api/v1/role-policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users")
@SecurityRequirement(name = "jwt")
public class RolePolicyResource {

    private final SecondFactorService secondFactors;
    private final CurrentCaller caller;

    RolePolicyResource(SecondFactorService secondFactors, CurrentCaller caller) {
        this.secondFactors = secondFactors;
        this.caller = caller;
    }

    @GET
    public Uni<List<RolePolicyView>> list() {
        return secondFactors.policies().map(all -> all.stream().map(RolePolicyView::of).toList());
    }

    /** Audited. Holders of the role without a second factor are limited to enrolment from their next sign-in or refresh. */
    @PUT
    @Path("/{role}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RolePolicyView> set(@PathParam("role") @Pattern(regexp = dev.medi.auth.rest.Roles.PATTERN) String role,
                                   @Valid @NotNull RolePolicyRequest request) {
        return secondFactors.requireForRole(caller.get(), role, request.secondFactorRequired()).map(RolePolicyView::of);
    }
}
