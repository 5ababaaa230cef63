package dev.medi.patient.fhir;

import dev.medi.patient.service.SearchCursor;
import dev.medi.patient.service.RecordReader;
import dev.medi.patient.service.PatientReadService;
import dev.medi.patient.service.ClinicalReadService;
import dev.medi.patient.config.PatientConfig;
import dev.medi.patient.fhir.PatientSearchParameters.Parameter;
import dev.medi.patient.service.RecordGoneException;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.RequestIds;
import dev.medi.platform.defaults.security.CurrentCaller;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * FHIR R4 REST API at {@code /fhir/r4}: CapabilityStatement, Patient read and Patient search, JSON only. Every
 * answer, errors included, is FHIR: errors are OperationOutcomes (the exception mappers of this class; the
 * failures raised before it, such as a rejected token, are answered by {@link FhirHttpRoutes}). Access rules and
 * audit live in {@link PatientReadService}.
 */
@Path(FhirResource.BASE_PATH)
@Tag(name = "FHIR R4", description = "HL7 FHIR R4 (4.0.1), JSON. Errors are OperationOutcome resources.")
public class FhirResource {

    /** Where the API is served; links use the public {@link FhirConfig#baseUrl()}. */
    public static final String BASE_PATH = "/fhir/r4";

    private final FhirR4 fhir;
    private final PatientReadService patients;
    private final ClinicalReadService clinical;
    private final FhirConfig config;
    private final PatientConfig patientConfig;
    private final SecurityIdentity identity;
    private final CurrentCaller staff;
    private final String version;
    private final Instant started = Instant.now();

    FhirResource(FhirR4 fhir, PatientReadService patients, ClinicalReadService clinical, FhirConfig config,
                 PatientConfig patientConfig, SecurityIdentity identity, CurrentCaller staff,
                 @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.fhir = fhir;
        this.patients = patients;
        this.clinical = clinical;
        this.config = config;
        this.patientConfig = patientConfig;
        this.identity = identity;
        this.staff = staff;
        this.version = version;
    }

    @GET
    @Path("metadata")
    @Operation(operationId = "fhirCapabilities", summary = "CapabilityStatement",
            description = "What this server supports. No token needed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    public Uni<Response> metadata(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Uni.createFrom().item(() -> {
            FhirFormat format = format(uri, headers);
            return ok(FhirCapabilities.build(baseUrl(), started, version), format).build();
        });
    }

    @GET
    @Path("Patient/{id}")
    @Operation(operationId = "fhirPatientRead", summary = "Read a Patient",
            description = "meta.versionId is the record's version (also the weak ETag). Needs the scope patient.read "
                    + "(hospital systems) or a staff role allowed by the access policy. Audited. Records entered in "
                    + "error: 410 Gone.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @APIResponse(responseCode = "404", description = "Unknown id (OperationOutcome)",
            content = @Content(mediaType = FhirR4.FHIR_JSON))
    @APIResponse(responseCode = "410", description = "Entered in error (OperationOutcome)",
            content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> read(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        UUID patientId = uuidOrNull(id);
        if (patientId == null) {
            throw FhirException.notFound("No Patient with this id.");
        }
        return patients.read(caller, patientId).map(patient -> ok(FhirPatientMapper.toFhir(patient), format)
                .tag(new EntityTag(Long.toString(patient.version()), true))
                .lastModified(Date.from(patient.updatedAt()))
                .build());
    }

    @GET
    @Path("Patient")
    @Operation(operationId = "fhirPatientSearch", summary = "Search Patients",
            description = "Parameters: _id, name, family, given, birthdate, gender, identifier, telecom, phone, email, "
                    + "active; _count, _cursor (from the next link). Answers a searchset Bundle. Unknown parameters: "
                    + "400 unless Prefer: handling=lenient. Every patient returned is audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @APIResponse(responseCode = "400", description = "Unknown parameter or bad value (OperationOutcome)",
            content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> search(@Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        List<Parameter> parameters = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : uri.getQueryParameters(true).entrySet()) {
            entry.getValue().forEach(value -> parameters.add(new Parameter(entry.getKey(), value)));
        }
        PatientSearchParameters.Query query = PatientSearchParameters.parse(parameters, lenient(headers),
                patientConfig.search().maxLimit(), patientConfig.phone().defaultCountryCode());
        int count = query.count() == null ? patientConfig.search().defaultLimit() : query.count();
        String fingerprint = PatientSearchParameters.fingerprint(query.used());
        UUID after = query.cursor() == null ? null : SearchCursor.decodeId(query.cursor(), fingerprint)
                .orElseThrow(() -> FhirException.invalidParameter("_cursor", "is not a cursor of this search."));
        String base = baseUrl();
        return patients.search(caller, query.criteria(), count, after).map(page -> {
            Bundle bundle = new Bundle();
            bundle.setId(UUID.randomUUID().toString());
            bundle.getMeta().setLastUpdatedElement(FhirPatientMapper.instant(Instant.now()));
            bundle.setType(Bundle.BundleType.SEARCHSET);
            bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
            bundle.addLink().setRelation("self").setUrl(link(base, query, count, query.cursor(), uri));
            if (page.more()) {
                bundle.addLink().setRelation("next")
                        .setUrl(link(base, query, count, SearchCursor.encode(page.lastId(), fingerprint), uri));
            }
            for (dev.medi.patient.record.Patient patient : page.patients()) {
                bundle.addEntry().setFullUrl(base + "/Patient/" + patient.id())
                        .setResource(FhirPatientMapper.toFhir(patient))
                        .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            }
            if (!query.ignored().isEmpty()) {
                bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                        .setResource(OperationOutcomes.issue(OperationOutcome.IssueSeverity.WARNING, IssueType.NOTSUPPORTED,
                                "Ignored (Prefer: handling=lenient): " + String.join(", ", query.ignored())))
                        .getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
            }
            return ok(bundle, format).build();
        });
    }

    @GET
    @Path("Patient/{id}/{operation}")
    @Operation(operationId = "fhirPatientEverything", summary = "Patient $everything",
            description = "A searchset Bundle: the Patient, all its Encounters and vital-sign Observations. Needs "
                    + "clinical access to the patient (or the scope patient.read). Audited as patient.export.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> everything(@PathParam("id") String id, @PathParam("operation") String operation,
                                    @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!"$everything".equals(operation)) {
            throw FhirException.notSupported("This interaction on Patient is not supported; see " + BASE_PATH + "/metadata.");
        }
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        UUID patientId = uuidOrNull(id);
        if (patientId == null) {
            throw FhirException.notFound("No Patient with this id.");
        }
        String base = baseUrl();
        return clinical.everything(caller, patientId)
                .map(record -> ok(FhirBundles.everything(record, base, Bundle.BundleType.SEARCHSET), format).build());
    }

    @GET
    @Path("Encounter/{id}")
    @Operation(operationId = "fhirEncounterRead", summary = "Read an Encounter",
            description = "Clinical access to its patient (or the scope patient.read). Audited as encounter.read.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> readEncounter(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        UUID encounterId = uuidOrNull(id);
        if (encounterId == null) {
            throw FhirException.notFound("No Encounter with this id.");
        }
        return clinical.readEncounter(caller, encounterId).map(encounter -> ok(FhirClinicalMapper.toFhir(encounter), format)
                .tag(new EntityTag(Long.toString(encounter.version()), true))
                .lastModified(Date.from(encounter.updatedAt()))
                .build());
    }

    @GET
    @Path("Encounter")
    @Operation(operationId = "fhirEncounterSearch", summary = "Search a patient's Encounters",
            description = "patient (or subject) required; date, status; _count, _cursor. Newest first. Audited as "
                    + "encounter.search.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> searchEncounters(@Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        ClinicalSearchParameters.Query query = ClinicalSearchParameters.parse("Encounter", parameters(uri), lenient(headers),
                patientConfig.search().maxLimit());
        int count = query.count() == null ? patientConfig.search().defaultLimit() : query.count();
        String scope = "Encounter?" + PatientSearchParameters.fingerprint(query.used());
        SearchCursor.Keyset after = clinicalCursor(query.cursor(), scope);
        String base = baseUrl();
        return clinical.searchEncounters(caller, query.filter(), count, after).map(page -> ok(FhirBundles.searchset(base, "Encounter",
                query, count, page.next() == null ? null : SearchCursor.encode(page.next(), scope), uri,
                page.items().stream().map(FhirClinicalMapper::toFhir).toList()), format).build());
    }

    @GET
    @Path("Observation/{id}")
    @Operation(operationId = "fhirObservationRead", summary = "Read an Observation (vital sign)",
            description = "Clinical access to its patient (or the scope patient.read). A blood pressure is one panel "
                    + "(85354-9) with systolic and diastolic components. Audited as observation.read.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> readObservation(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        UUID observationId = uuidOrNull(id);
        if (observationId == null) {
            throw FhirException.notFound("No Observation with this id.");
        }
        return clinical.readObservation(caller, observationId).map(rows -> ok(FhirClinicalMapper.toFhir(rows).get(0), format)
                .tag(new EntityTag("1", true))
                .lastModified(Date.from(rows.get(0).recordedAt()))
                .build());
    }

    @GET
    @Path("Observation")
    @Operation(operationId = "fhirObservationSearch", summary = "Search a patient's vital signs",
            description = "patient (or subject) required; category (vital-signs), code (LOINC), date; _count, _cursor. "
                    + "Newest first. Audited as observation.search.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    @SecurityRequirement(name = "jwt")
    public Uni<Response> searchObservations(@Context UriInfo uri, @Context HttpHeaders headers) {
        RecordReader caller = FhirCallers.requireReader(identity, staff);
        FhirFormat format = format(uri, headers);
        ClinicalSearchParameters.Query query = ClinicalSearchParameters.parse("Observation", parameters(uri),
                lenient(headers), patientConfig.search().maxLimit());
        int count = query.count() == null ? patientConfig.search().defaultLimit() : query.count();
        String scope = "Observation?" + PatientSearchParameters.fingerprint(query.used());
        SearchCursor.Keyset after = clinicalCursor(query.cursor(), scope);
        String base = baseUrl();
        return clinical.searchObservations(caller, query.filter(), count, after).map(page -> ok(FhirBundles.searchset(base,
                "Observation", query, count, page.next() == null ? null : SearchCursor.encode(page.next(), scope), uri,
                FhirClinicalMapper.toFhir(page.items())), format).build());
    }

    private static List<Parameter> parameters(UriInfo uri) {
        List<Parameter> parameters = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : uri.getQueryParameters(true).entrySet()) {
            entry.getValue().forEach(value -> parameters.add(new Parameter(entry.getKey(), value)));
        }
        return parameters;
    }

    private static SearchCursor.Keyset clinicalCursor(String cursor, String scope) {
        return cursor == null ? null : SearchCursor.decodeKeyset(cursor, scope)
                .orElseThrow(() -> FhirException.invalidParameter("_cursor", "is not a cursor of this search."));
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> root() {
        throw FhirException.notSupported("System-level interactions are not supported; see " + BASE_PATH + "/metadata.");
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> unsupported(@PathParam("path") String path) {
        String type = path.split("/", 2)[0];
        if (type.equals("Patient") || type.equals("Encounter") || type.equals("Observation")) {
            throw FhirException.notSupported("This interaction on " + type + " is not supported; see " + BASE_PATH
                    + "/metadata.");
        }
        throw new FhirException(404, IssueType.NOTSUPPORTED,
                "This resource type or operation is not supported by this server; see " + BASE_PATH + "/metadata.");
    }

    // ---- errors: OperationOutcome for everything raised in this class ----

    @ServerExceptionMapper
    Response fhirError(FhirException e, HttpServerRequest request) {
        return error(e.status(), e.code(), e.diagnostics(), request);
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, HttpServerRequest request) {
        return error(e.kind().status(), OperationOutcomes.forStatus(e.kind().status()), e.detail(), request);
    }

    @ServerExceptionMapper
    Response gone(RecordGoneException e, HttpServerRequest request) {
        return error(410, IssueType.DELETED, e.getMessage(), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(HttpServerRequest request) {
        return error(401, IssueType.LOGIN, OperationOutcomes.standardDiagnostics(401), request);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return error(403, IssueType.FORBIDDEN, OperationOutcomes.standardDiagnostics(403), request);
    }

    @ServerExceptionMapper
    Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        return error(status, OperationOutcomes.forStatus(status), OperationOutcomes.standardDiagnostics(status), request);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpServerRequest request) {
        // the message may quote data (SQL, values): log the type and where, not the text
        StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Log.errorf("unhandled %s at %s (request %s)", e.getClass().getName(), origin,
                request == null ? "-" : request.getHeader(RequestIds.HEADER));
        return error(500, IssueType.EXCEPTION, OperationOutcomes.standardDiagnostics(500), request);
    }

    private Response error(int status, IssueType code, String diagnostics, HttpServerRequest request) {
        FhirFormat format = request == null ? FhirFormat.DEFAULT
                : FhirFormat.lenient(request.getParam("_format"), request.getHeader(HttpHeaders.ACCEPT));
        Response.ResponseBuilder response = Response.status(status).type(format.contentType())
                .entity(fhir.encode(OperationOutcomes.error(code, diagnostics), false));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    // ---- helpers ----

    private Response.ResponseBuilder ok(IBaseResource resource, FhirFormat format) {
        return Response.ok(fhir.encode(resource, format.pretty())).type(format.contentType());
    }

    private static FhirFormat format(UriInfo uri, HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        return FhirFormat.negotiate(uri.getQueryParameters().getFirst("_format"),
                accept == null || accept.isEmpty() ? null : String.join(",", accept),
                uri.getQueryParameters().getFirst("_pretty"));
    }

    /** {@code Prefer: handling=lenient} (FHIR §3.1.1.5.4): ignore unknown search parameters. */
    private static boolean lenient(HttpHeaders headers) {
        List<String> prefer = headers.getRequestHeader("Prefer");
        return prefer != null && prefer.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).replace(" ", "")
                .contains("handling=lenient"));
    }

    String baseUrl() {
        return baseUrl(config);
    }

    /** {@link FhirConfig#baseUrl()} without a trailing slash; never the request's Host. */
    static String baseUrl(FhirConfig config) {
        String base = config.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String link(String base, PatientSearchParameters.Query query, int count, String cursor, UriInfo uri) {
        StringBuilder url = new StringBuilder(base).append("/Patient?");
        for (Parameter parameter : query.used()) {
            url.append(parameter.name()).append('=').append(encode(parameter.value())).append('&');
        }
        String format = uri.getQueryParameters().getFirst("_format");
        if (format != null && !format.isBlank()) {
            url.append("_format=").append(encode(format)).append('&');
        }
        url.append("_count=").append(count);
        if (cursor != null) {
            url.append("&_cursor=").append(encode(cursor));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
