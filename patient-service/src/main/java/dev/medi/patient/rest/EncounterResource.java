package dev.medi.patient.rest;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.encounter.EncounterOutcome;
import dev.medi.patient.service.EncounterService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** One encounter by id: read, close. */
@Path("/api/v1/encounters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Encounters")
@SecurityRequirement(name = "jwt")
public class EncounterResource {

    private final EncounterService encounters;
    private final CurrentCaller caller;

    EncounterResource(EncounterService encounters, CurrentCaller caller) {
        this.encounters = encounters;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "encounterByQueueEntry", summary = "The encounter of a queue entry",
            description = "As GET /api/v1/encounters/{id}. 404 when the entry has no encounter (yet: it is opened when "
                    + "the entry goes into consultation) or the caller may not read it. Audited as encounter.read.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterView.class)))
    public Uni<Response> byQueueEntry(@QueryParam("queueEntryId") @NotNull UUID queueEntryId) {
        return encounters.byQueueEntry(caller.get(), queueEntryId).map(encounter -> Response.ok(EncounterView.of(encounter))
                .tag(new EntityTag(Long.toString(encounter.version()))).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "encounterGet", summary = "Read an encounter", description = "Clinical staff of the patient's departments (or "
            + "break-glass) and admins. Audited as encounter.read.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return encounters.get(caller.get(), id).map(encounter -> Response.ok(EncounterView.of(encounter))
                .tag(new EntityTag(Long.toString(encounter.version()))).build());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(operationId = "encounterClose", summary = "Close an encounter", description = "With its outcome; once (a second close is 409). "
            + "Audited as encounter.close.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterView.class)))
    @APIResponse(responseCode = "409", description = "Already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> close(@PathParam("id") UUID id, @Valid @NotNull CloseEncounterRequest request) {
        return encounters.close(caller.get(), id, Coded.find(EncounterOutcome.class, request.outcome()).orElseThrow(),
                        request.endedAt())
                .map(encounter -> Response.ok(EncounterView.of(encounter))
                        .tag(new EntityTag(Long.toString(encounter.version()))).build());
    }
}
