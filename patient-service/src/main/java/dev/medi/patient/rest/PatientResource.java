package dev.medi.patient.rest;

import dev.medi.patient.service.BreakGlassService;
import dev.medi.patient.service.PatientSearchService;
import dev.medi.patient.service.PatientService;
import dev.medi.patient.service.PossibleDuplicateException;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Patient records: registration with a duplicate check, front-desk search, read, correction (If-Match),
 * entered-in-error and break-glass. Who may do what to which patient is decided below this class
 * ({@code AccessPolicy} through {@code PatientAccess}); every patient read or written is audited.
 */
@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Patients")
@SecurityRequirement(name = "jwt")
public class PatientResource {

    private final PatientService patients;
    private final PatientSearchService search;
    private final BreakGlassService breakGlass;
    private final CurrentCaller caller;

    PatientResource(PatientService patients, PatientSearchService search, BreakGlassService breakGlass,
                    CurrentCaller caller) {
        this.patients = patients;
        this.search = search;
        this.breakGlass = breakGlass;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(summary = "Register a patient",
            description = "Checks for likely duplicates first (same birth date and a similar name, or the same phone "
                    + "number). If there are any, nothing is created and the answer is 409 with the candidates; send "
                    + "force=true to register anyway (recorded on the patient and in the audit trail).")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag of the new record",
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Likely duplicates (type possible-duplicate, with candidates), "
            + "or an identifier already held by another patient (type conflict)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = DuplicateWarning.class)))
    public Uni<Response> register(
            @Parameter(description = "register although likely duplicates exist") @QueryParam("force") @DefaultValue("false") boolean force,
            @Valid @NotNull RegisterPatientRequest request) {
        return patients.register(caller.get(), request.toDemographics(), force)
                .onFailure(PossibleDuplicateException.class)
                .transform(duplicate -> DuplicateWarning.problem((PossibleDuplicateException) duplicate))
                .map(patient -> Response.created(UriBuilder.fromPath("/api/v1/patients/{id}").build(patient.id()))
                        .tag(ETags.of(patient)).entity(PatientView.of(patient)).build());
    }

    @GET
    @Operation(summary = "Search patients",
            description = "q: name fragments in any order (case-, accent- and typo-tolerant), or an MRN or identifier "
                    + "value (exact matches first). birthDate, phone and mrn filter exactly. At least one criterion. "
                    + "Front desk and admins search everyone; nurses and doctors only patients of their departments "
                    + "or under break-glass. Records entered in error are never returned.")
    @APIResponse(responseCode = "200", description = "Best matches first; next is the cursor of the following page",
            content = @Content(schema = @Schema(implementation = PatientPage.class)))
    @APIResponse(responseCode = "400", description = "No criterion, an MRN with wrong check digits, a bad cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> search(@QueryParam("q") @Size(min = 2, max = 200) String q,
                                   @Parameter(description = "YYYY-MM-DD") @QueryParam("birthDate") @Size(max = 10) String birthDate,
                                   @QueryParam("phone") @Size(max = 40) String phone,
                                   @QueryParam("mrn") @Size(max = 20) String mrn,
                                   @QueryParam("limit") Integer limit,
                                   @QueryParam("after") @Size(max = 200) String after) {
        boolean nameQuery = q != null && !q.isBlank();
        long started = System.nanoTime();
        return search.search(caller.get(), new PatientSearchService.Criteria(q, date("birthDate", birthDate), phone, mrn),
                        limit, after)
                .map(page -> Response.ok(new PatientPage(page.items().stream()
                                .map(found -> PatientSummary.of(found, nameQuery)).toList(), page.next()))
                        // W3C Server-Timing: the time spent in the service, for browser dev tools and the benchmark
                        .header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f",
                                (System.nanoTime() - started) / 1e6))
                        .build());
    }

    @GET
    @Path("/{id: " + NoteResource.ID + "}") // not "display" or other words of sibling paths
    @Operation(summary = "Read a patient", description = "ETag = version. Records entered in error: admins only (410 for others).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "403", description = "Not a patient of your departments (audited as denied)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Entered in error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return patients.get(caller.get(), id)
                .map(patient -> Response.ok(PatientView.of(patient)).tag(ETags.of(patient)).build());
    }

    @PATCH
    @Path("/{id: " + NoteResource.ID + "}")
    @Operation(summary = "Correct a patient's details",
            description = "Needs If-Match with the ETag as last read. Absent fields stay; given fields replace; "
                    + "fields named in clear are removed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", description = "Changed meanwhile: reload and apply again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull UpdatePatientRequest request) {
        long expectedVersion = ETags.required(ifMatch);
        return patients.update(caller.get(), id, expectedVersion, request.toChanges())
                .map(patient -> Response.ok(PatientView.of(patient)).tag(ETags.of(patient)).build());
    }

    @POST
    @Path("/{id}/entered-in-error")
    @Operation(summary = "Retire a record registered by mistake",
            description = "Front desk and admins. The record is kept with the reason, leaves the search, releases "
                    + "its identifiers and can no longer change. If-Match is optional.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "412", description = "If-Match given and the record changed meanwhile")
    @APIResponse(responseCode = "409", description = "Already entered in error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> enteredInError(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                        @Valid @NotNull EnteredInErrorRequest request) {
        Long expectedVersion = ETags.optional(ifMatch);
        return patients.markEnteredInError(caller.get(), id, expectedVersion, request.reason())
                .map(patient -> Response.ok(PatientView.of(patient)).tag(ETags.of(patient)).build());
    }

    @POST
    @Path("/{id}/break-glass")
    @Operation(summary = "Emergency access to a patient outside your departments",
            description = "Nurses and doctors. Grants read and update access for a limited time (60 minutes by "
                    + "default); audited as patient.break-glass, and every access under it is flagged.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = BreakGlassView.class)))
    @APIResponse(responseCode = "403", description = "Not clinical staff (audited as denied)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> breakGlass(@PathParam("id") UUID id, @Valid @NotNull BreakGlassRequest request) {
        return breakGlass.breakGlass(caller.get(), id, request.reason())
                .map(grant -> Response.status(Response.Status.CREATED).entity(BreakGlassView.of(grant)).build());
    }

    /** A query parameter as a date; JAX-RS would answer an unparsable one with 404. */
    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The search has invalid parameters.",
                    List.of(new Problem.FieldError(name, "must be a date, YYYY-MM-DD")));
        }
    }
}
