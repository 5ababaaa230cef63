package dev.medi.ai.rest;

import dev.medi.ai.service.TriageSuggestionService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the triage assistant's suggestions compare with the nurses' final levels: the admin dashboard's figures. */
@Path("/api/v1/ai/triage-agreement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage assistant")
@SecurityRequirement(name = "jwt")
public class TriageAgreementResource {

    private final TriageSuggestionService service;
    private final CurrentCaller caller;

    TriageAgreementResource(TriageSuggestionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The day's agreement, under- and over-triage",
            content = @Content(schema = @Schema(implementation = TriageAgreementView.class)))
    @APIResponse(responseCode = "400", description = "departmentId, date or zone missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TriageAgreementView> agreement(
            @Parameter(description = "the department", required = true)
            @QueryParam("departmentId") @Size(max = 36) String departmentId,
            @Parameter(description = "YYYY-MM-DD: the day of the nurses' triages", required = true)
            @QueryParam("date") @Size(max = 10) String date,
            @Parameter(description = "IANA time zone of the day; default UTC")
            @QueryParam("zone") @Size(max = 64) String zone) {
        return service.agreement(caller.get(), TriageSuggestionService.id("departmentId", departmentId),
                        TriageSuggestionService.day(date), TriageSuggestionService.zone(zone))
                .map(TriageAgreementView::of);
    }
}
