package dev.medi.auth.rest;

import dev.medi.auth.service.AuthService;
import dev.medi.auth.service.ClientService;
import dev.medi.auth.service.PasswordResetService;
import dev.medi.auth.service.SecondFactorService;
import dev.medi.auth.service.UserService;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.Endpoint;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static dev.medi.platform.testing.ProblemAssertions.assertValidationFailed;

/**
 * The 401/403/400 matrix of auth-service's API, with the services mocked: each refusal is a problem, and comes
 * before any use case runs (the mocks see no call). Sign-in and password-reset requests are public, so only their
 * input is checked ({@code allowedRole} null: sent without a token); the account endpoints take any signed-in
 * user, so they have no 403. Needs no data: feedback in seconds; the behaviour behind the checks is tested
 * against the database in the resource tests.
 */
@QuarkusTest
class AuthApiAccessSliceTest {

    private static final String USER = "/api/v1/users/" + UUID.randomUUID();
    private static final String CLIENT = "/api/v1/clients/" + UUID.randomUUID();

    @InjectMock
    AuthService auth;
    @InjectMock
    UserService users;
    @InjectMock
    PasswordResetService passwordResets;
    @InjectMock
    SecondFactorService secondFactors;
    @InjectMock
    ClientService clients;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                // public: input only
                new Endpoint("POST", "/api/v1/auth/login", null, null, "{\"username\":\"nurse\",\"password\":\"\"}"),
                new Endpoint("POST", "/api/v1/auth/refresh", null, null, "{\"refreshToken\":\"" + "x".repeat(257) + "\"}"),
                new Endpoint("POST", "/api/v1/auth/logout", null, null, "{\"refreshToken\":\"" + "x".repeat(257) + "\"}"),
                new Endpoint("POST", "/api/v1/auth/password-reset", null, null, "{\"email\":\"not an address\"}"),
                new Endpoint("POST", "/api/v1/auth/password-reset/confirm", null, null, "{\"token\":\"t\",\"newPassword\":\"\"}"),
                // any signed-in user
                new Endpoint("GET", "/api/v1/account", DemoData.NURSE, null, null),
                new Endpoint("PATCH", "/api/v1/account/preferences", DemoData.NURSE, null, "{\"theme\":\"neon\"}"),
                new Endpoint("POST", "/api/v1/account/password", DemoData.DOCTOR, null, "{\"currentPassword\":\"x\",\"newPassword\":\"\"}"),
                new Endpoint("POST", "/api/v1/account/second-factor", DemoData.DOCTOR, null, null),
                new Endpoint("POST", "/api/v1/account/second-factor/confirm", DemoData.DOCTOR, null, "{\"code\":\"12345\"}"),
                new Endpoint("POST", "/api/v1/account/second-factor/removal", DemoData.DOCTOR, null, "{\"currentPassword\":\"\"}"),
                // any staff role
                new Endpoint("GET", "/api/v1/staff?departmentId=" + DemoData.GENERAL, DemoData.RECEPTIONIST, null, null),
                // admins only
                new Endpoint("POST", "/api/v1/users", DemoData.ADMIN, DemoData.NURSE,
                        "{\"username\":\"x\",\"email\":\"x@clinic.example\",\"displayName\":\"X\",\"roles\":[\"nurse\"],"
                                + "\"departments\":[],\"initialPassword\":\"Long-enough-password-1\"}"),
                new Endpoint("GET", "/api/v1/users", DemoData.ADMIN, DemoData.DOCTOR, null),
                new Endpoint("GET", USER, DemoData.ADMIN, DemoData.RECEPTIONIST, null),
                new Endpoint("PATCH", USER, DemoData.ADMIN, DemoData.DOCTOR, "{\"email\":\"not an address\"}",
                        Map.of("If-Match", "\"1\"")),
                new Endpoint("POST", USER + "/password-reset", DemoData.ADMIN, DemoData.NURSE, null),
                new Endpoint("POST", USER + "/second-factor-reset", DemoData.ADMIN, DemoData.NURSE, null),
                new Endpoint("GET", "/api/v1/role-policies", DemoData.ADMIN, DemoData.DOCTOR, null),
                new Endpoint("PUT", "/api/v1/role-policies/nurse", DemoData.ADMIN, DemoData.NURSE, "{}"),
                new Endpoint("POST", "/api/v1/clients", DemoData.ADMIN, DemoData.DOCTOR, "{\"name\":\"Lab\",\"scopes\":[\"everything\"]}"),
                new Endpoint("GET", "/api/v1/clients", DemoData.ADMIN, DemoData.DOCTOR, null),
                new Endpoint("POST", CLIENT + "/disable", DemoData.ADMIN, DemoData.RECEPTIONIST, null),
                new Endpoint("POST", CLIENT + "/enable", DemoData.ADMIN, DemoData.RECEPTIONIST, null));
    }

    static Stream<Endpoint> signedInOnly() {
        return endpoints().filter(endpoint -> endpoint.allowedRole() != null);
    }

    static Stream<Endpoint> roleRestricted() {
        return endpoints().filter(endpoint -> endpoint.wrongRole() != null);
    }

    static Stream<Endpoint> withInput() {
        return endpoints().filter(endpoint -> endpoint.invalidBody() != null);
    }

    @AfterEach
    void noUseCaseRan() {
        Mockito.verifyNoInteractions(auth, users, passwordResets, secondFactors, clients);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedInOnly")
    void withoutATokenIsA401Problem(Endpoint endpoint) {
        assertUnauthorized(endpoint.call(null, endpoint.invalidBody()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleRestricted")
    void aRoleNotAllowedIsA403Problem(Endpoint endpoint) {
        assertForbidden(endpoint.call(TestTokens.forRoles(endpoint.wrongRole()), endpoint.invalidBody()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withInput")
    void invalidInputIsA400Problem(Endpoint endpoint) {
        String token = endpoint.allowedRole() == null ? null : TestTokens.forRoles(endpoint.allowedRole());
        assertValidationFailed(endpoint.call(token, endpoint.invalidBody()));
    }
}
