package dev.medi.gateway.routing;

import dev.medi.platform.testing.RawHttp;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies without a length (chunked) are counted on their way through the proxy (edge limit 11 MiB). */
@QuarkusTest
class StreamedBodyLimitTest {

    @Test
    void aChunkedBodyOverTheLimitGetsA413ProblemNotA502() throws Exception {
        byte[] body = new byte[13 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).sendChunked(head(), body);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonObject problem = new JsonObject(answer.body());
        assertEquals("https://medi-os.dev/problems/payload-too-large", problem.getString("type"));
        assertEquals(413, problem.getInteger("status"));
    }

    @Test
    void aChunkedBodyUnderTheLimitStillReachesTheService() throws Exception {
        byte[] body = new byte[200 * 1024];
        Arrays.fill(body, (byte) 'b');
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).sendChunked(head(), body);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"uri\""), answer.body());
    }

    private static String head() {
        return "POST /api/v1/queues/abc/check-ins HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/octet-stream\r\nAuthorization: Bearer " + TestTokens.forRoles("receptionist");
    }
}
