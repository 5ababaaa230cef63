package dev.medi.patient.rest;

import dev.medi.patient.service.ObservationService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A patient's vital signs: record a set, list them. */
@Path("/api/v1/patients/{patientId}/observations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Observations")
@SecurityRequirement(name = "jwt")
public class ObservationResource {

    private final ObservationService observations;
    private final CurrentCaller caller;

    ObservationResource(ObservationService observations, CurrentCaller caller) {
        this.observations = observations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(operationId = "observationRecord", summary = "Record vital signs",
            description = "One set measured together; each sign by LOINC code with its UCUM unit. Every value is "
                    + "checked (known code, right unit, possible value, blood pressure as a pair) before anything is "
                    + "stored; each observation is flagged against the reference range of the patient's age. "
                    + "Audited as observation.create.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ObservationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid vitals; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@PathParam("patientId") UUID patientId, @Valid @NotNull RecordVitalsRequest request) {
        return observations.record(caller.get(), patientId, request.toCommand())
                .map(recorded -> Response.status(Response.Status.CREATED)
                        .entity(new ObservationPage(recorded.stream().map(ObservationView::of).toList(), null)).build());
    }

    @GET
    @Operation(operationId = "observationList", summary = "A patient's vital signs",
            description = "Newest first. code: a LOINC code (59408-5 and 2708-6 both find SpO2); since: an instant "
                    + "or a date (YYYY-MM-DD, from its start in UTC). Audited as observation.search.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ObservationPage.class)))
    public Uni<ObservationPage> list(@PathParam("patientId") UUID patientId,
                                     @QueryParam("code") @Size(max = 20) String code,
                                     @QueryParam("since") @Size(max = 40) String since,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                     @QueryParam("after") @Size(max = 300) String after) {
        return observations.list(caller.get(), patientId, code, instant("since", since), limit, after)
                .map(page -> new ObservationPage(page.items().stream().map(ObservationView::of).toList(), page.next()));
    }

    /** An instant or a date (start of the day, UTC); JAX-RS would answer an unparsable one with 404. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The query has invalid parameters.",
                    List.of(new Problem.FieldError(name, "must be an instant (2026-03-01T10:00:00Z) or a date (2026-03-01)")));
        }
    }
}
