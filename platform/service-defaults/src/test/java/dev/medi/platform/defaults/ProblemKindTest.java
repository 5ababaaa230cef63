package dev.medi.platform.defaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The open catalogue: a service's own kind, extension members and headers, without a mapper of its own. */
class ProblemKindTest {

    /** How a service declares its kinds. */
    enum WardProblem implements ProblemKind {
        BED_TAKEN("bed-taken", "Bed already taken", 409);

        private final String slug;
        private final String title;
        private final int status;

        WardProblem(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }

        @Override
        public String slug() {
            return slug;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public int status() {
            return status;
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePlatformKindsKeepTheirUris() {
        assertEquals(URI.create("https://medi-os.dev/problems/validation"), ProblemType.VALIDATION.uri());
        assertEquals("not-found", ProblemType.NOT_FOUND.slug());
        assertEquals(ProblemKind.BASE, ProblemType.BASE);
    }

    @Test
    void aServiceKindGetsItsUriUnderTheCommonBase() {
        assertEquals(URI.create("https://medi-os.dev/problems/bed-taken"), WardProblem.BED_TAKEN.uri());
        ProblemKind gone = ProblemKind.of("entered-in-error", "Record entered in error", 410);
        assertEquals(URI.create("https://medi-os.dev/problems/entered-in-error"), gone.uri());
        assertEquals(410, gone.status());
    }

    @Test
    void aDeclaredKindIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ProblemKind.of("Bed Taken", "Bed taken", 409));
        assertThrows(IllegalArgumentException.class, () -> ProblemKind.of("bed-taken", "Bed taken", 200));
    }

    @Test
    void extensionMembersAreWrittenAfterTheStandardOnesInTheirOrder() throws Exception {
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        extensions.put("candidates", List.of(Map.of("id", "p-1")));
        extensions.put("bed", "B12");
        ProblemException e = new ProblemException(WardProblem.BED_TAKEN, "The bed is taken.", extensions);
        Response response = ProblemResponses.response(e, null);
        assertEquals(409, response.getStatus());
        assertEquals("{\"type\":\"https://medi-os.dev/problems/bed-taken\",\"title\":\"Bed already taken\","
                        + "\"status\":409,\"detail\":\"The bed is taken.\",\"candidates\":[{\"id\":\"p-1\"}],\"bed\":\"B12\"}",
                json.writeValueAsString(response.getEntity()));
    }

    @Test
    void aProblemWithoutExtensionsIsWrittenAsBefore() throws Exception {
        Problem problem = ProblemResponses.problem(ProblemType.CONFLICT, "Taken.", null,
                List.of(new Problem.FieldError("bed", "taken")));
        assertEquals("{\"type\":\"https://medi-os.dev/problems/conflict\",\"title\":\"Conflict with the current state\","
                + "\"status\":409,\"detail\":\"Taken.\",\"errors\":[{\"field\":\"bed\",\"message\":\"taken\"}]}",
                json.writeValueAsString(problem));
    }

    @Test
    void anExtensionCannotReplaceAStandardMember() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProblemException(WardProblem.BED_TAKEN, "x", Map.of("status", 200)));
    }

    @Test
    void aPlain401GetsTheBearerChallenge() {
        Response response = ProblemResponses.response(new ProblemException(ProblemType.UNAUTHORIZED, "Sign in."), null);
        assertEquals(List.of("Bearer"), response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void a401WithItsOwnChallengeCarriesExactlyThatOne() {
        ProblemKind reauthenticate = ProblemKind.of("reauthentication-required", "Sign in again to sign", 401);
        String challenge = "Bearer error=\"insufficient_user_authentication\", max_age=300";
        ProblemException e = new ProblemException(reauthenticate, "Sign in again.", null, null,
                Map.of("WWW-Authenticate", challenge));
        Response response = ProblemResponses.response(e, null);
        assertEquals(401, response.getStatus());
        assertEquals(List.of(challenge), response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void rateLimitingStillSaysWhenToRetry() {
        Response response = ProblemResponses.response(new RateLimitedException("Slow down.", Duration.ofSeconds(7)), null);
        assertEquals(429, response.getStatus());
        assertEquals(List.of("7"), response.getHeaders().get("Retry-After"));
    }
}
