package dev.medi.patient.rest;

import dev.medi.patient.service.PatientHistoryService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A patient's history: encounters and vital signs (later notes) in one list, newest first. */
@Path("/api/v1/patients/{patientId}/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "History")
@SecurityRequirement(name = "jwt")
public class PatientHistoryResource {

    private final PatientHistoryService history;
    private final CurrentCaller caller;

    PatientHistoryResource(PatientHistoryService history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "patientHistory", summary = "A patient's history",
            description = "Encounters (at their start) and sets of vital signs (at their measurement), newest first; "
                    + "pass next as after for older items. Clinical staff of the patient's departments (or "
                    + "break-glass) and admins. Audited as patient.history.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    public Uni<HistoryPage> page(@PathParam("patientId") UUID patientId,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                 @QueryParam("after") @Size(max = 300) String after) {
        return history.page(caller.get(), patientId, limit, after)
                .map(page -> new HistoryPage(page.items().stream().map(HistoryPage.Item::of).toList(), page.next()));
    }
}
