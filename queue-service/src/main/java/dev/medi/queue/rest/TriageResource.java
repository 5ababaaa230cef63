package dev.medi.queue.rest;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Roles;
import dev.medi.queue.service.TriageService;
import dev.medi.triage.TriageAssessment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The ESI engine on its own: what the triage screen shows while the nurse fills in the form. Stores nothing. */
@Path("/api/v1/triage/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triage")
@SecurityRequirement(name = "jwt")
public class TriageResource {

    private final TriageService triage;

    TriageResource(TriageService triage) {
        this.triage = triage;
    }

    @POST
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    public TriageView evaluate(@Valid @NotNull TriageRequest request) {
        return TriageView.proposal(triage.evaluate(assessment(request, LocalDate.now(ZoneOffset.UTC))));
    }

    /** The engine's own checks (impossible combinations) answer 400 like Bean Validation does. */
    static TriageAssessment assessment(TriageRequest request, LocalDate today) {
        try {
            return request.assessment(today);
        } catch (IllegalArgumentException e) {
            // the engine's messages name the field, never the value
            throw new ProblemException(ProblemType.VALIDATION, e.getMessage());
        }
    }
}
