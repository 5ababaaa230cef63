package dev.medi.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.testing.DemoData;
import dev.medi.devstack.LocalStack;
import dev.medi.devstack.MediService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A bounded run of the API fuzzer (schemathesis, pinned in {@code platform/system-tests/schemathesis}) against each
 * service's own OpenAPI document, on the packaged suite (production profile, real PostgreSQL and Kafka): with a
 * signed-in token of each role, every operation gets generated valid and invalid requests, and the run fails on
 * any 5xx, any answer whose status code, content type, headers or body the document does not declare, and any
 * 405 without {@code Allow} (see {@link #CHECKS}). The gateway's document covers its own endpoints (the streams).
 *
 * <p>Bounded: 5 generated cases per operation and run, one worker, a fixed seed (the same cases every run;
 * {@code -Dmedi.fuzz.seed=...} explores others, {@code -Dmedi.fuzz.max-examples=...} more), and a hard limit per
 * run. The reports (JUnit XML, NDJSON with every request) are written to
 * {@code target/schemathesis/<service>-<role>/}; a failure's message quotes the fuzzer's account with a curl
 * command that reproduces it.
 */
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Everything schemathesis 4.32 checks about an answer, except the checks that judge the request side. */
    static final String CHECKS = String.join(",",
            "not_a_server_error",            // no 5xx
            "status_code_conformance",       // the status code is documented for the operation
            "content_type_conformance",      // the Content-Type is documented for that status code
            "response_headers_conformance",  // documented headers are present and valid
            "response_schema_conformance",   // the body matches the documented schema (nullable fields included)
            "unsupported_method",            // an undocumented method answers 405 with Allow
            "allow_header_conformance",      // Allow lists exactly the documented methods
            "ignored_auth");                 // a secured operation refuses requests without a valid token

    static final int MAX_EXAMPLES = Integer.getInteger("medi.fuzz.max-examples", 5);
    static final long SEED = Long.getLong("medi.fuzz.seed", 20261204L);
    static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    /**
     * Which roles fuzz which service, in this order: enough roles that every operation is reached with a role allowed
     * to use it (patient-service: doctor has every clinical operation, admin the administrative ones and
     * registration; the nurse's and receptionist's are subsets, and each patient-service run takes a minute). auth-service
     * comes last: its runs try sign-ins (throttled per address) and admin may change accounts; every token is
     * signed in before the first run (a token lives 10 minutes, the whole test about half of that).
     */
    static final Map<MediService, List<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(MediService.QUEUE, DemoData.USERS);
        ROLES.put(MediService.PATIENT, List.of(DemoData.DOCTOR, DemoData.ADMIN));
        ROLES.put(MediService.GATEWAY, List.of(DemoData.NURSE));
        ROLES.put(MediService.AUTH, List.of(DemoData.NURSE, DemoData.ADMIN));
    }

    @TempDir
    static Path home;

    private static LocalStack stack;
    private static Path schemathesis;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    /**
     * Where the fuzzer reads a service's API description: the one place to change when the description moves
     * (ADR 0008: the management interface).
     */
    static URI openApiUrl(LocalStack stack, MediService service) {
        return URI.create(stack.service(service).managementUrl() + "/q/openapi?format=json");
    }

    @BeforeAll
    static void startTheSuiteAndTheFuzzer() throws Exception {
        Path root = Path.of(System.getProperty("medi.project-root", "../..")).toAbsolutePath().normalize();
        schemathesis = install(root);
        stack = LocalStack.start(new LocalStack.Options(root, home, false, "prod"));
        for (List<String> roles : ROLES.values()) {
            for (String role : roles) {
                TOKENS.computeIfAbsent(role, ApiFuzzTest::signIn);
            }
        }
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyServiceAnswersAsItsOpenApiDocumentSays() {
        List<DynamicTest> runs = new ArrayList<>();
        ROLES.forEach((service, roles) -> roles.forEach(role -> runs.add(DynamicTest.dynamicTest(
                service.module() + " as " + role, () -> fuzz(service, role)))));
        return runs.stream();
    }

    private static void fuzz(MediService service, String role) throws Exception {
        Path reports = Path.of("target", "schemathesis", service.module() + "-" + role).toAbsolutePath();
        Files.createDirectories(reports);
        Path document = reports.resolve("openapi.json");
        HttpResponse<Path> fetched = HTTP.send(HttpRequest.newBuilder(openApiUrl(stack, service)).build(),
                HttpResponse.BodyHandlers.ofFile(document));
        assertEquals(200, fetched.statusCode(), "no OpenAPI document at " + openApiUrl(stack, service));

        Path output = reports.resolve("output.txt");
        List<String> command = List.of(schemathesis.toString(), "run", document.toString(),
                "--url", stack.service(service).baseUrl(),
                "--header", "Authorization: Bearer " + TOKENS.get(role),
                "--checks", CHECKS,
                "--max-examples", Integer.toString(MAX_EXAMPLES),
                "--seed", Long.toString(SEED),
                // CPython 3.11's ast.parse is not thread-safe and Hypothesis calls it while generating
                "--workers", "1",
                "--request-timeout", "15",
                "--generation-database", "none",
                "--no-color",
                "--output-truncate", "false",
                "--report", "junit,ndjson", "--report-dir", reports.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(reports.toFile()).start();
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the fuzz run of " + service.module() + " as " + role + " took longer than " + RUN_LIMIT + ", see " + output);
        }
        if (process.exitValue() != 0) {
            String account = Files.readString(output, StandardCharsets.UTF_8);
            fail("the fuzzer found answers that contradict the OpenAPI document of " + service.module() + " (as " + role
                    + "; reports in " + reports + "):\n" + account);
        }
    }

    /** The project's pinned schemathesis, installed into a virtualenv on first use. */
    private static Path install(Path root) throws IOException, InterruptedException {
        Path script = root.resolve("platform/system-tests/schemathesis/install");
        Process process = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || path.isEmpty()) {
            fail("could not install schemathesis with " + script);
        }
        return Path.of(path);
    }

    /** Signs in through the gateway as a demo account, like every screen does. */
    private static String signIn(String user) {
        try {
            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/auth/login"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DemoData.loginBody(user)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            return JSON.readTree(login.body()).path("accessToken").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
