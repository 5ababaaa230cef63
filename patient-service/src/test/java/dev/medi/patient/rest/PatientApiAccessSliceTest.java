package dev.medi.patient.rest;

import dev.medi.patient.service.AuditQueryService;
import dev.medi.patient.service.BreakGlassService;
import dev.medi.patient.service.ClinicalReadService;
import dev.medi.patient.service.DocumentService;
import dev.medi.patient.service.EncounterService;
import dev.medi.patient.service.NoteService;
import dev.medi.patient.service.ObservationService;
import dev.medi.patient.service.PatientHistoryService;
import dev.medi.patient.service.PatientSearchService;
import dev.medi.patient.service.PatientService;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.Endpoint;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static dev.medi.platform.testing.ProblemAssertions.assertValidationFailed;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 401/403/400 matrix of every patient-service endpoint under {@code /api/v1}, with the use cases mocked:
 * each refusal is a problem and comes before any service runs (the mocks see no call). A row's path may carry an
 * invalid query (a GET has no body to break). Which patients a caller may see is the access policy's business,
 * below the resources: that and the behaviour behind the checks are tested against the database in the resource
 * tests. The FHIR API ({@code /fhir/r4}, OperationOutcome answers) is covered by its own tests.
 */
@QuarkusTest
class PatientApiAccessSliceTest {

    /** A signed, valid token whose role is none of the staff roles. */
    private static final String NO_STAFF_ROLE = "visitor";
    private static final String PATIENT = "/api/v1/patients/" + UUID.randomUUID();
    private static final String ENCOUNTER = "/api/v1/encounters/" + UUID.randomUUID();
    private static final String NOTE = "/api/v1/notes/" + UUID.randomUUID();
    private static final String DOCUMENT = "/api/v1/documents/" + UUID.randomUUID();
    private static final Map<String, String> IF_MATCH = Map.of("If-Match", "\"1\"");

    @InjectMock
    PatientService patients;
    @InjectMock
    PatientSearchService search;
    @InjectMock
    BreakGlassService breakGlass;
    @InjectMock
    EncounterService encounters;
    @InjectMock
    ObservationService observations;
    @InjectMock
    NoteService notes;
    @InjectMock
    DocumentService documents;
    @InjectMock
    PatientHistoryService history;
    @InjectMock
    AuditQueryService audit;
    @InjectMock
    ClinicalReadService clinical;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                // patients
                new Endpoint("POST", "/api/v1/patients", DemoData.RECEPTIONIST, DemoData.NURSE, "{\"sex\":\"female\"}"),
                new Endpoint("GET", "/api/v1/patients?q=x", DemoData.RECEPTIONIST, NO_STAFF_ROLE, null),
                new Endpoint("GET", PATIENT, DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("PATCH", PATIENT, DemoData.RECEPTIONIST, NO_STAFF_ROLE, "{\"email\":\"not an address\"}", IF_MATCH),
                new Endpoint("POST", PATIENT + "/entered-in-error", DemoData.RECEPTIONIST, NO_STAFF_ROLE, "{\"reason\":\" \"}"),
                new Endpoint("POST", PATIENT + "/break-glass", DemoData.DOCTOR, NO_STAFF_ROLE, "{\"reason\":\"now\"}"),
                new Endpoint("GET", PATIENT + "/history?limit=0", DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("GET", PATIENT + "/export", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                // encounters
                new Endpoint("POST", PATIENT + "/encounters", DemoData.NURSE, DemoData.RECEPTIONIST, "{\"encounterClass\":\"HOME\"}"),
                new Endpoint("GET", PATIENT + "/encounters?limit=101", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                new Endpoint("GET", ENCOUNTER, DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("POST", ENCOUNTER + "/close", DemoData.DOCTOR, DemoData.ADMIN, "{\"outcome\":\"finished\"}"),
                // observations
                new Endpoint("POST", PATIENT + "/observations", DemoData.NURSE, DemoData.RECEPTIONIST, "{\"vitals\":[]}"),
                new Endpoint("GET", PATIENT + "/observations?limit=0", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                // notes
                new Endpoint("POST", ENCOUNTER + "/notes", DemoData.DOCTOR, DemoData.RECEPTIONIST,
                        "{\"subjective\":\"Cough\",\"signer\":\"\"}"),
                new Endpoint("GET", PATIENT + "/notes", DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("GET", "/api/v1/notes?awaiting-signature=you", DemoData.DOCTOR, DemoData.NURSE, null),
                new Endpoint("GET", "/api/v1/notes/awaiting-my-signature", DemoData.DOCTOR, DemoData.NURSE, null),
                new Endpoint("GET", NOTE, DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("PUT", NOTE, DemoData.NURSE, DemoData.RECEPTIONIST, "{\"plan\":\"" + "x".repeat(20_001) + "\"}", IF_MATCH),
                new Endpoint("GET", NOTE + "/versions", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                new Endpoint("POST", NOTE + "/sign", DemoData.DOCTOR, DemoData.RECEPTIONIST, null),
                new Endpoint("PUT", NOTE + "/signer", DemoData.NURSE, DemoData.ADMIN, "{\"signer\":\"\",\"reason\":\"away\"}"),
                new Endpoint("POST", NOTE + "/addenda", DemoData.DOCTOR, DemoData.RECEPTIONIST, "{\"text\":\"\"}"),
                new Endpoint("GET", NOTE + "/pdf", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                // documents
                new Endpoint("POST", PATIENT + "/documents", DemoData.NURSE, NO_STAFF_ROLE, null,
                        Map.of("Content-Type", "application/pdf")),
                new Endpoint("GET", PATIENT + "/documents", DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("GET", DOCUMENT, DemoData.RECEPTIONIST, NO_STAFF_ROLE, null),
                new Endpoint("GET", DOCUMENT + "/content", DemoData.DOCTOR, NO_STAFF_ROLE, null),
                new Endpoint("POST", DOCUMENT + "/entered-in-error", DemoData.NURSE, NO_STAFF_ROLE, "{}"),
                // audit
                new Endpoint("GET", "/api/v1/audit?outcome=maybe", DemoData.ADMIN, DemoData.DOCTOR, null));
    }

    /** Rows whose request breaks an input rule: an invalid body, or an invalid query on the path. */
    static Stream<Endpoint> endpointsWithInput() {
        return endpoints().filter(endpoint -> endpoint.invalidBody() != null || endpoint.path().contains("?"));
    }

    @AfterEach
    void noUseCaseRan() {
        Mockito.verifyNoInteractions(patients, search, breakGlass, encounters, observations, notes, documents, history,
                audit, clinical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenIsA401Problem(Endpoint endpoint) {
        assertUnauthorized(endpoint.call(null, endpoint.invalidBody()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aRoleNotAllowedIsA403Problem(Endpoint endpoint) {
        assertForbidden(endpoint.call(token(endpoint.wrongRole()), endpoint.invalidBody()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithInput")
    void invalidInputIsA400Problem(Endpoint endpoint) {
        assertValidationFailed(endpoint.call(token(endpoint.allowedRole()), endpoint.invalidBody()));
    }

    /** The platform's one mapper names an element of a list by its position (ADR 0013). */
    @Test
    void aFieldOfAListElementIsNamedWithItsPosition() {
        Endpoint record = new Endpoint("POST", PATIENT + "/observations", DemoData.NURSE, DemoData.RECEPTIONIST, null);
        assertValidationFailed(record.call(token(DemoData.NURSE), "{\"vitals\":[{\"code\":\"8867-4\",\"value\":72,"
                + "\"unit\":\"/min\"},{\"code\":\" \",\"value\":37,\"unit\":\"Cel\"}]}"))
                .body("errors.field", equalTo(List.of("vitals[1].code")));
    }

    private static String token(String role) {
        return TestTokens.forRolesIn(List.of(DemoData.GENERAL, DemoData.EMERGENCY), role);
    }
}
