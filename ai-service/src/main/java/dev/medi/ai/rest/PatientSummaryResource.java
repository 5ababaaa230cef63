package dev.medi.ai.rest;

import dev.medi.ai.service.PatientSummaryService;
import dev.medi.ai.summary.PatientSummary;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/ai/patients/{patientId}/summary")
@Produces(MediaType.APPLICATION_JSON)
public class PatientSummaryResource {

    private final PatientSummaryService summaries;
    private final CurrentCaller caller;
    private final JsonWebToken token;

    PatientSummaryResource(PatientSummaryService summaries, CurrentCaller caller, JsonWebToken token) {
        this.summaries = summaries;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "A patient's summary for the doctor",
            description = "Problems (from signed notes' assessments), recent encounters, abnormal vital signs and the "
                    + "latest signed notes; every statement cites the record items it comes from. The same access rule "
                    + "as patient-service (department link or break-glass), checked there with the caller's token; "
                    + "every read is audited. Kept until a record event of the patient makes it stale.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientSummary.class)))
    @APIResponse(responseCode = "403", description = "No access to the patient, or not a doctor")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "patient-service did not answer")
    public Uni<PatientSummary> summary(@PathParam("patientId") UUID patientId) {
        return summaries.summary(caller.get(), patientId, token.getRawToken());
    }
}
