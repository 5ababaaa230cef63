package dev.medi.patient.rest;

import dev.medi.patient.service.EncounterService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.Caller;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A patient's encounters: opened directly by a nurse or doctor, listed newest first. Access (clinical staff of
 * the patient's departments, break-glass, admins) and audit are {@code EncounterService}'s.
 */
@Path("/api/v1/patients/{patientId}/encounters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Encounters")
@SecurityRequirement(name = "jwt")
public class PatientEncounterResource {

    private final EncounterService encounters;
    private final CurrentCaller caller;

    PatientEncounterResource(EncounterService encounters, CurrentCaller caller) {
        this.encounters = encounters;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(operationId = "encounterOpen", summary = "Open an encounter",
            description = "Nurses and doctors, in one of their departments, for a patient of their departments (or "
                    + "under break-glass). Links the patient to the department. Audited as encounter.open.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EncounterView.class)))
    @APIResponse(responseCode = "403", description = "Not your department or not your patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(@PathParam("patientId") UUID patientId, @Valid @NotNull OpenEncounterRequest request) {
        // attending: the caller's user id (the token subject), as the queue names the doctor who called the entry
        Caller who = caller.get();
        return encounters.open(who, who.subject(), patientId, request.toCommand())
                .map(encounter -> Response.created(UriBuilder.fromPath("/api/v1/encounters/{id}").build(encounter.id()))
                        .tag(new EntityTag(Long.toString(encounter.version()))).entity(EncounterView.of(encounter)).build());
    }

    @GET
    @Operation(operationId = "encounterList", summary = "A patient's encounters", description = "Newest first; pass next as after for older ones. "
            + "Audited as encounter.search.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterPage.class)))
    public Uni<EncounterPage> list(@PathParam("patientId") UUID patientId,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                   @QueryParam("after") @Size(max = 300) String after) {
        return encounters.list(caller.get(), patientId, limit, after)
                .map(page -> new EncounterPage(page.items().stream().map(EncounterView::of).toList(), page.next()));
    }
}
