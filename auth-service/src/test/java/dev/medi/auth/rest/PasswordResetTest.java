package dev.medi.auth.rest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PasswordResetTest {

    private static final String PASSWORD = "violet tram at dawn 47";
    private static final String NEW_PASSWORD = "amber kite over harbour 9";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @Inject
    MockMailbox mailbox;

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        String username = createAccount();
        String email = username + "@clinic.example";
        String refreshToken = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");

        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase()))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        String token = awaitResetToken(email);

        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "qwerty123456"))
                .post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).body("errors.field", hasItem("newPassword"));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", NEW_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "another fine passphrase 3"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String unknown = "nobody-" + UUID.randomUUID() + "@clinic.example";
        given().contentType(ContentType.JSON).body(Map.of("email", unknown))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        String known = createAccount() + "@clinic.example";
        given().contentType(ContentType.JSON).body(Map.of("email", known))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        awaitResetToken(known);
        assertTrue(mailbox.getMailsSentTo(unknown) == null || mailbox.getMailsSentTo(unknown).isEmpty());
    }

    @Test
    void madeUpTokensAndBadInputAreRejected() {
        given().contentType(ContentType.JSON).body(Map.of("token", "made-up", "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", "not an address"))
                .post("/api/v1/auth/password-reset").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anAdminCanForceAReset() {
        String username = createAccount();
        String refreshToken = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
        String id = given().auth().oauth2(UserResourceTest.signIn("admin")).queryParam("after", username.substring(0, 6))
                .get("/api/v1/users").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.username == '" + username + "' }.id");
        given().auth().oauth2(UserResourceTest.signIn("admin")).post("/api/v1/users/{id}/password-reset", id)
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        awaitResetToken(username + "@clinic.example");
        given().auth().oauth2(UserResourceTest.signIn("nurse")).post("/api/v1/users/{id}/password-reset", id)
                .then().statusCode(403);
    }

    private String awaitResetToken(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Mail> mails = mailbox.getMailsSentTo(email.toLowerCase());
            return mails != null && !mails.isEmpty();
        });
        Mail mail = mailbox.getMailsSentTo(email.toLowerCase()).get(0);
        assertEquals("Reset your Medi OS password", mail.getSubject());
        Matcher matcher = TOKEN.matcher(mail.getText());
        assertTrue(matcher.find(), "the mail carries a link with a token");
        return matcher.group(1);
    }

    private static String createAccount() {
        String username = "reset." + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Reset",
                        "roles", List.of("nurse"), "departments", List.of(), "initialPassword", PASSWORD))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }
}
