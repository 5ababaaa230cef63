package dev.medi.queue.rest;

import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.Endpoint;
import dev.medi.platform.testing.TestTokens;
import dev.medi.queue.service.CheckInService;
import dev.medi.queue.service.DepartmentService;
import dev.medi.queue.service.QueueFlowService;
import dev.medi.queue.service.QueueSnapshotService;
import dev.medi.queue.service.TriageService;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The 401/403/400 matrix of every authenticated queue-service endpoint, with the services mocked: each refusal
 * is a problem, and comes before any use case runs (the mocks see no call). Needs no data, so it gives feedback
 * in seconds; the behaviour behind the checks is tested against the database in the resource tests.
 */
@QuarkusTest
class QueueApiAccessSliceTest {

    /** A signed, valid token whose role is none of the staff roles. */
    private static final String NO_STAFF_ROLE = "visitor";
    private static final String QUEUE = "/api/v1/queues/" + DemoData.GENERAL;
    private static final String ENTRY = QUEUE + "/entries/" + UUID.randomUUID();
    private static final String DEPARTMENT = "/api/v1/departments/" + DemoData.GENERAL;
    private static final String ROOM = DEPARTMENT + "/rooms/" + UUID.randomUUID();
    private static final String TOO_LONG = "x".repeat(501);

    @InjectMock
    CheckInService checkIns;
    @InjectMock
    TriageService triage;
    @InjectMock
    QueueFlowService flow;
    @InjectMock
    QueueSnapshotService snapshots;
    @InjectMock
    DepartmentService departments;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", QUEUE + "/check-ins", DemoData.RECEPTIONIST, DemoData.DOCTOR,
                        "{\"arrivalName\":\"A\",\"chiefComplaint\":\"\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                new Endpoint("GET", QUEUE + "/snapshot", DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("GET", ENTRY, DemoData.RECEPTIONIST, NO_STAFF_ROLE, null),
                new Endpoint("GET", ENTRY + "/history", DemoData.NURSE, DemoData.RECEPTIONIST, null),
                new Endpoint("POST", ENTRY + "/triage", DemoData.NURSE, DemoData.RECEPTIONIST, "{\"ageYears\":151}"),
                new Endpoint("POST", QUEUE + "/call-next", DemoData.DOCTOR, DemoData.NURSE, "{\"room\":\"\"}"),
                new Endpoint("POST", ENTRY + "/consultation", DemoData.DOCTOR, DemoData.NURSE, null),
                new Endpoint("POST", ENTRY + "/finish", DemoData.DOCTOR, DemoData.RECEPTIONIST, null),
                new Endpoint("POST", ENTRY + "/transfer", DemoData.NURSE, DemoData.RECEPTIONIST,
                        "{\"departmentId\":\"" + DemoData.EMERGENCY + "\",\"reason\":\"\"}"),
                new Endpoint("POST", ENTRY + "/left-without-being-seen", DemoData.RECEPTIONIST, DemoData.ADMIN,
                        "{\"reason\":\"" + TOO_LONG + "\"}"),
                new Endpoint("POST", ENTRY + "/no-show", DemoData.NURSE, DemoData.RECEPTIONIST, "{\"reason\":\"" + TOO_LONG + "\"}"),
                new Endpoint("POST", ENTRY + "/cancel", DemoData.RECEPTIONIST, DemoData.DOCTOR, "{\"reason\":\"\"}"),
                new Endpoint("PUT", ENTRY + "/priority-override", DemoData.ADMIN, DemoData.NURSE, "{\"priority\":9,\"reason\":\"x\"}"),
                new Endpoint("POST", "/api/v1/triage/evaluations", DemoData.NURSE, DemoData.RECEPTIONIST, "{\"ageYears\":-1}"),
                new Endpoint("GET", "/api/v1/departments", DemoData.RECEPTIONIST, NO_STAFF_ROLE, null),
                new Endpoint("POST", "/api/v1/departments", DemoData.ADMIN, DemoData.NURSE, "{\"code\":\"gen\",\"name\":\"\"}"),
                new Endpoint("GET", DEPARTMENT, DemoData.DOCTOR, NO_STAFF_ROLE, null),
                new Endpoint("PATCH", DEPARTMENT, DemoData.ADMIN, DemoData.DOCTOR, "{\"autoCloseAt\":\"25:00\"}",
                        Map.of("If-Match", "\"1\"")),
                new Endpoint("GET", DEPARTMENT + "/rooms", DemoData.NURSE, NO_STAFF_ROLE, null),
                new Endpoint("POST", DEPARTMENT + "/rooms", DemoData.ADMIN, DemoData.DOCTOR, "{\"name\":\"\"}"),
                new Endpoint("POST", ROOM + "/disable", DemoData.ADMIN, DemoData.DOCTOR, null),
                new Endpoint("POST", ROOM + "/enable", DemoData.ADMIN, DemoData.RECEPTIONIST, null));
    }

    static Stream<Endpoint> endpointsWithInput() {
        return endpoints().filter(endpoint -> endpoint.invalidBody() != null);
    }

    @AfterEach
    void noUseCaseRan() {
        Mockito.verifyNoInteractions(checkIns, triage, flow, snapshots, departments);
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

    private static String token(String role) {
        return TestTokens.forRolesIn(List.of(DemoData.GENERAL, DemoData.EMERGENCY), role);
    }
}
