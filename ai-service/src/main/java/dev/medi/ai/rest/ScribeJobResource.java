package dev.medi.ai.rest;

import dev.medi.ai.service.ScribeJobService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The scribe as a service: a doctor sends a consultation transcript, gets a job at once (202) and follows it until
 * the draft note lands in the encounter's record (patient-service, ADR 0019). Doctors only; every check of the
 * encounter and the patient is patient-service's, made with the caller's token.
 */
@Path("/api/v1/ai/scribe-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scribe")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.DOCTOR)
public class ScribeJobResource {

    private final ScribeJobService jobs;
    private final CurrentCaller caller;
    private final JsonWebToken token;

    ScribeJobResource(ScribeJobService jobs, CurrentCaller caller, JsonWebToken token) {
        this.jobs = jobs;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Operation(summary = "Draft a SOAP note from a consultation transcript",
            description = "The transcript is plain text with speaker labels (\"Doctor: …\") or segments "
                    + "[{speaker, text, start?}]. The job runs in the background; its draft becomes a draft note with "
                    + "AI provenance on the encounter, for the doctor to edit and sign.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued; Location points at it",
            content = @Content(schema = @Schema(implementation = ScribeJobView.class)))
    @APIResponse(responseCode = "400", description = "Empty transcript, no segments, both forms, unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The encounter's patient is not in your department's care",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown-encounter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "transcript-too-large (medi.ai.scribe-jobs.max-transcript-size)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "token-budget-spent: the department's daily AI budget is used; "
            + "Retry-After says when it renews (midnight)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "patient-service cannot be reached (nothing is stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull ScribeJobRequest request) {
        var submission = new ScribeJobService.Submission(request.encounterId(), request.transcript(),
                request.segments() == null ? null : request.segments().stream()
                        .map(s -> new ScribeJobService.SegmentInput(s.speaker(), s.text(), s.start())).toList());
        return jobs.submit(caller.get(), token.getRawToken(), submission)
                .map(job -> Response.accepted(ScribeJobView.of(job))
                        .location(UriBuilder.fromPath("/api/v1/ai/scribe-jobs/{id}").build(job.id())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A scribe job with its transcript and, once succeeded, its checked draft")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ScribeJobView.class)))
    @APIResponse(responseCode = "403", description = "Neither the requester nor a doctor who may read the encounter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScribeJobView> get(@PathParam("id") UUID id) {
        return jobs.get(caller.get(), token.getRawToken(), id).map(ScribeJobView::of);
    }

    @GET
    @Operation(summary = "The scribe jobs of an encounter or of a patient, newest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The jobs, without transcripts and drafts",
            content = @Content(schema = @Schema(implementation = ScribeJobView.Page.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of encounterId and patientId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your department's patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScribeJobView.Page> list(@QueryParam("encounterId") UUID encounterId,
                                        @QueryParam("patientId") UUID patientId) {
        if ((encounterId == null) == (patientId == null)) {
            throw new ProblemException(ProblemType.VALIDATION, "Give exactly one of encounterId and patientId.");
        }
        var found = encounterId != null ? jobs.ofEncounter(token.getRawToken(), encounterId)
                : jobs.ofPatient(token.getRawToken(), patientId);
        return found.map(list -> new ScribeJobView.Page(list.stream().map(ScribeJobView::summary).toList()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Cancel a queued or running scribe job")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ScribeJobView.class)))
    @APIResponse(responseCode = "409", description = "job-ended: the job succeeded, failed or was cancelled before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScribeJobView> cancel(@PathParam("id") UUID id) {
        return jobs.cancel(caller.get(), token.getRawToken(), id).map(ScribeJobView::of);
    }
}
