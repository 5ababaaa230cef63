package dev.medi.auth;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.testing.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins {@link DemoData} to what this service really seeds ({@link DemoUsers}): every test elsewhere that signs in
 * as a demo account relies on it.
 */
@QuarkusTest
class DemoDataTest {

    @Test
    void everyDemoAccountSignsInWithItsPasswordAndHoldsItsRoleInTheDemoDepartments() {
        assertEquals(DemoData.USERS, DemoUsers.ROLES);
        for (String user : DemoData.USERS) {
            assertEquals(DemoData.passwordOf(user), DemoUsers.passwordOf(user));
            String token = given().contentType(ContentType.JSON).body(DemoData.loginBody(user))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8));
            assertEquals(user, claims.getString("upn"));
            assertEquals(List.of(user), claims.getJsonArray("groups").getList(), user);
            assertEquals(Set.copyOf(DemoData.DEPARTMENTS), Set.copyOf(claims.getJsonArray("departments").getList()), user);
        }
    }
}
