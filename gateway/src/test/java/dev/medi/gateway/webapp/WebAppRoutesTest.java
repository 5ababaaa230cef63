package dev.medi.gateway.webapp;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app as the gateway serves it (its document is a test stand-in: src/test/resources/webapp-fixture): the
 * document at / and at deep links, never cached, under the app's Content-Security-Policy; hashed assets cached for
 * good; everything that is not a browser navigation to the app left to the routes behind.
 */
@QuarkusTest
class WebAppRoutesTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String FIXTURE_MARK = "data-fixture=\"webapp\"";

    @Test
    void theRootIsTheAppsDocumentNeverCachedUnderTheStrictPolicy() {
        Response root = given().accept(BROWSER_ACCEPT).get("/");
        root.then().statusCode(200);
        assertTrue(root.contentType().startsWith("text/html"), root.contentType());
        assertTrue(root.asString().contains(FIXTURE_MARK));
        assertEquals("no-cache", root.header("Cache-Control"));
        assertEquals(WebAppRoutes.APP_POLICY, root.header("Content-Security-Policy"));
        assertEquals(1, root.headers().getValues("Content-Security-Policy").size());
        assertTrue(root.header("Content-Security-Policy").contains("script-src 'self';"), "no inline scripts");
        assertEquals("nosniff", root.header("X-Content-Type-Options"));
        assertEquals("no-referrer", root.header("Referrer-Policy"));
        assertEquals("DENY", root.header("X-Frame-Options"));
        assertEquals(1, root.headers().getValues("X-Request-Id").size());

        // also asked for by name, and without an Accept header (the document is the app's either way)
        Response byName = given().get("/index.html");
        byName.then().statusCode(200);
        assertTrue(byName.asString().contains(FIXTURE_MARK));
        assertEquals("no-cache", byName.header("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nurse/triage", "/reception", "/doctor/room/", "/reset-password?token=abc.def-ghi"})
    void aDeepLinkOpenedInTheBrowserGetsTheDocument(String link) {
        Response page = given().accept(BROWSER_ACCEPT).urlEncodingEnabled(false).get(link);
        page.then().statusCode(200);
        assertTrue(page.asString().contains(FIXTURE_MARK), link);
        assertEquals("no-cache", page.header("Cache-Control"));
        assertEquals(WebAppRoutes.APP_POLICY, page.header("Content-Security-Policy"));
    }

    @Test
    void aPathThatIsNotANavigationIsNotTheDocument() {
        // a script or a client asking for JSON gets the plain 404 of an unknown path
        Response json = given().accept("application/json").get("/nurse/triage");
        json.then().statusCode(404);
        assertFalse(json.asString().contains(FIXTURE_MARK));
        // only GET and HEAD navigate
        Response post = given().accept(BROWSER_ACCEPT).contentType("application/x-www-form-urlencoded").body("a=b").post("/nurse/triage");
        assertNotEquals(200, post.statusCode());
        assertFalse(post.asString().contains(FIXTURE_MARK));
    }

    @Test
    void anUnknownApiPathIsStillAProblemNotTheDocument() {
        Response unknown = given().auth().oauth2(TestTokens.forRoles("receptionist")).accept(BROWSER_ACCEPT)
                .get("/api/v1/no-such-thing");
        unknown.then().statusCode(404);
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
        assertFalse(unknown.asString().contains(FIXTURE_MARK));

        Response anonymous = given().accept(BROWSER_ACCEPT).get("/api/v1/no-such-thing");
        anonymous.then().statusCode(401);
        assertFalse(anonymous.asString().contains(FIXTURE_MARK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ws/nothing", "/q/health", "/.well-known/nothing", "/fhir", "/assets/missing-00000000.js", "/board/missing.html"})
    void theReservedPrefixesNeverFallBackToTheDocument(String path) {
        Response response = given().accept(BROWSER_ACCEPT).get(path);
        assertFalse(response.asString().contains(FIXTURE_MARK), path);
        assertNotEquals(WebAppRoutes.APP_POLICY, response.header("Content-Security-Policy"), path);
    }

    @Test
    void hashedAssetsAreCachedForGoodAndAMissingOneIsNot() {
        Response asset = given().get("/assets/fixture-0a1b2c3d.js");
        asset.then().statusCode(200);
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));
        assertEquals("nosniff", asset.header("X-Content-Type-Options"));

        Response missing = given().accept(BROWSER_ACCEPT).get("/assets/missing-00000000.js");
        missing.then().statusCode(404);
        assertFalse(String.valueOf(missing.header("Cache-Control")).contains("immutable"), "a 404 is never cached for good");
    }

    @Test
    void aFileOfTheAppIsServedAsItselfEvenToABrowser() {
        Response file = given().accept(BROWSER_ACCEPT).get("/webapp-fixture.txt");
        file.then().statusCode(200);
        assertTrue(file.asString().startsWith("a file of the app"));
        assertFalse(file.asString().contains(FIXTURE_MARK));
    }

    @Test
    void theWaitingRoomBoardStaysAsItWas() {
        Response board = given().accept(BROWSER_ACCEPT).get("/board/");
        board.then().statusCode(200);
        assertFalse(board.asString().contains(FIXTURE_MARK));
        assertTrue(board.asString().contains("board.js"));
        String policy = board.header("Content-Security-Policy");
        assertNotEquals(WebAppRoutes.APP_POLICY, policy);
        assertTrue(policy.contains("style-src 'self';"), "the board keeps its stricter policy: " + policy);
    }
}
