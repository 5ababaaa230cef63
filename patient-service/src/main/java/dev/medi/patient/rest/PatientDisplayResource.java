package dev.medi.patient.rest;

import dev.medi.patient.service.PatientDisplayService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Display data of the patients of a set of queue entries. POST although it changes nothing: it reads a set of up to
 * 200 ids, which would not fit a URL (and ids of who is in the queue do not belong in access logs either).
 */
@Path("/api/v1/patients/display")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Patients")
@SecurityRequirement(name = "jwt")
public class PatientDisplayResource {

    private final PatientDisplayService display;
    private final CurrentCaller caller;

    PatientDisplayResource(PatientDisplayService display, CurrentCaller caller) {
        this.display = display;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "patientDisplay", summary = "Patients of queue entries",
            description = "For each entry with a registered patient the caller may see (as a search would show it, and "
                    + "an entry of the caller's departments unless admin): name, birth date, sex, MRN. Others are left "
                    + "out. Audited as patient.display, one record per patient.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientDisplayList.class)))
    public Uni<PatientDisplayList> display(@Valid @NotNull PatientDisplayRequest request) {
        return display.display(caller.get(), request.queueEntryIds())
                .map(found -> new PatientDisplayList(found.stream().map(PatientDisplayView::of).toList()));
    }
}
