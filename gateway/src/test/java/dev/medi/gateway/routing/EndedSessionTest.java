package dev.medi.gateway.routing;

import dev.medi.gateway.support.AuthEvents;
import dev.medi.platform.testing.ServiceEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A signed-out session's or a disabled user's access token is refused at the edge for ordinary requests too,
 * within seconds of auth-service's event, although it has not expired; the user's other sessions go on.
 */
@QuarkusTest
class EndedSessionTest {

    private static final AuthEvents auth = new AuthEvents();

    @AfterAll
    static void closeProducer() {
        auth.close();
    }

    @BeforeEach
    void gatewayIsReady() {
        ServiceEndpoints.awaitReady(ServiceEndpoints.managementUrl());
    }

    @Test
    void aSignedOutSessionsTokenIsRefusedWhileTheUsersOtherSessionGoesOn() {
        String user = AuthEvents.newUser();
        String session = UUID.randomUUID().toString();
        String token = AuthEvents.token(user, session, List.of(), Duration.ofMinutes(10));
        String otherDevice = AuthEvents.token(user, UUID.randomUUID().toString(), List.of(), Duration.ofMinutes(10));
        String path = "/api/v1/patients/" + UUID.randomUUID();
        given().auth().oauth2(token).get(path).then().statusCode(200);

        auth.sessionRevoked(user, session);

        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(token).get(path).statusCode() == 401);
        given().auth().oauth2(token).get(path).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(otherDevice).get(path).then().statusCode(200);
    }

    @Test
    void aDisabledUsersTokensAreRefused() {
        String user = AuthEvents.newUser();
        String token = AuthEvents.token(user, UUID.randomUUID().toString(), List.of(), Duration.ofMinutes(10));
        String path = "/api/v1/patients/" + UUID.randomUUID();
        given().auth().oauth2(token).get(path).then().statusCode(200);

        auth.userDisabled(user);

        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(token).get(path).statusCode() == 401);
        String someoneElse = AuthEvents.token(AuthEvents.newUser(), UUID.randomUUID().toString(), List.of(), Duration.ofMinutes(10));
        given().auth().oauth2(someoneElse).get(path).then().statusCode(200);
    }
}
