package dev.medi.gateway;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headers every answer of the edge carries: no caching of API answers (patient data), nosniff, no referrer,
 * a Content-Security-Policy that forbids framing, HSTS behind TLS, and exactly one request id, also on answers
 * the proxy forwards from a service that set its own.
 */
@QuarkusTest
class EdgeHeadersTest {

    @Test
    void aForwardedAnswerCarriesOneRequestIdAndIsNeverCached() {
        Response response = given().auth().oauth2(TestTokens.forRoles("receptionist")).header("X-Request-Id", "edge-test-0001")
                .get("/api/v1/patients/" + java.util.UUID.randomUUID());
        response.then().statusCode(200);
        assertEquals(java.util.List.of("edge-test-0001"), response.headers().getValues("X-Request-Id"));
        assertEquals(java.util.List.of("no-store"), response.headers().getValues("Cache-Control"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("default-src 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
        assertEquals(1, response.headers().getValues("X-Content-Type-Options").size());
    }

    @Test
    void theGatewaysOwnAnswersCarryThemToo() {
        // refused before anything is forwarded, and not routed at all
        Response refused = given().get("/api/v1/queues/" + java.util.UUID.randomUUID() + "/snapshot");
        refused.then().statusCode(401);
        assertEquals(1, refused.headers().getValues("X-Request-Id").size());
        assertEquals("no-store", refused.header("Cache-Control"));
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));

        Response unknown = given().get("/nothing-here");
        unknown.then().statusCode(404);
        assertEquals("nosniff", unknown.header("X-Content-Type-Options"));
        assertEquals(1, unknown.headers().getValues("X-Request-Id").size());
    }

    @Test
    void aServicesOwnCachingRuleIsKept() {
        Response keys = given().get("/.well-known/jwks.json");
        keys.then().statusCode(200);
        assertEquals(java.util.List.of("public, max-age=300"), keys.headers().getValues("Cache-Control"));
    }

    @Test
    void theBoardPageMayRunOnlyItsOwnScriptsAndCannotBeFramed() {
        Response page = given().get("/board/");
        page.then().statusCode(200);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("style-src 'self'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        // inline styles and scripts would be blocked by that policy: the page has none
        assertTrue(!page.asString().contains("<style") && !page.asString().contains("<script>"), "inline code in the page");
    }

    @Test
    void strictTransportSecurityOnlyBehindTls() {
        Response plain = given().get("/board/");
        assertNull(plain.header("Strict-Transport-Security"), "not over plain HTTP (RFC 6797 8.1)");
        Response behindTls = given().header("X-Forwarded-Proto", "https").get("/board/");
        assertEquals("max-age=31536000; includeSubDomains", behindTls.header("Strict-Transport-Security"));
    }
}
