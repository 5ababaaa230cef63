package dev.medi.ai.rest;

import dev.medi.ai.service.TriageSuggestionService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * The triage assistant: a suggested ESI level for the triage form, and the latest suggestion of a queue entry. A
 * suggestion, never a decision: the nurse sets the final level in queue-service.
 */
@Path("/api/v1/ai/triage-suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triage assistant")
@SecurityRequirement(name = "jwt")
public class TriageSuggestionResource {

    private final TriageSuggestionService service;
    private final CurrentCaller caller;

    TriageSuggestionResource(TriageSuggestionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @APIResponse(responseCode = "200", description = "The suggestion, stored",
            content = @Content(schema = @Schema(implementation = TriageSuggestionView.class)))
    @APIResponse(responseCode = "400", description = "Empty complaint, age or vitals out of range, unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a nurse or doctor of the department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TriageSuggestionView> suggest(@Valid @NotNull TriageSuggestionRequest request) {
        return service.suggest(caller.get(), new TriageSuggestionService.Request(request.departmentId(),
                        request.queueEntryId(), request.chiefComplaint(), request.ageYears(), request.vitals()))
                .map(TriageSuggestionView::of);
    }

    @GET
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @APIResponse(responseCode = "200", description = "The entry's latest suggestion, with the nurse's level once triaged",
            content = @Content(schema = @Schema(implementation = TriageSuggestionView.class)))
    @APIResponse(responseCode = "400", description = "queueEntryId missing or not an id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The entry is in another department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No suggestion for this entry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TriageSuggestionView> latest(@Parameter(description = "the queue entry", required = true)
                                            @QueryParam("queueEntryId") @Size(max = 36) String queueEntryId) {
        return service.latest(caller.get(), TriageSuggestionService.id("queueEntryId", queueEntryId))
                .map(TriageSuggestionView::of);
    }
}
