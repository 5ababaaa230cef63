package dev.medi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.devstack.LocalStack;
import dev.medi.devstack.MediService;
import dev.medi.platform.testing.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinic web app on the packaged suite: the browser tests ({@code npm run e2e} in gateway/src/main/webui,
 * Playwright driving Debian's Chromium) against the gateway, and the OpenAPI documents the app's client is generated
 * from checked against what each running service describes. One suite start serves both.
 */
class WebAppEndToEndTest {

    private static final Duration E2E_LIMIT = Duration.ofMinutes(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 46.0 and 46 are one value (JavaScript writes the committed files and drops the ".0"). */
    private static final java.util.Comparator<JsonNode> SAME_NUMBER_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    @TempDir
    static Path home;

    private static Path root;
    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        root = Path.of(System.getProperty("medi.project-root", "../..")).toAbsolutePath().normalize();
        // a signature needs a password entered in the last 3 s (5 min in production), so the doctor's test meets the
        // re-authentication dialog without waiting minutes
        stack = LocalStack.start(new LocalStack.Options(root, home, false, "prod",
                Map.of("medi.patient.notes.signing-max-auth-age", "3s")));
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Path webui() {
        return root.resolve("gateway/src/main/webui");
    }

    @Test
    void theBrowserTestsPassAgainstThePackagedSuite() throws Exception {
        assertTrue(Files.isDirectory(webui().resolve("node_modules")),
                "gateway/src/main/webui/node_modules is missing: the gateway's build runs npm ci (not with -Dwebui.skip)");
        List<String> command = List.of("npm", "run", "e2e", "--silent");
        ProcessBuilder builder = new ProcessBuilder(command).directory(webui().toFile()).redirectErrorStream(true);
        builder.environment().put("MEDI_BASE_URL", stack.gatewayUrl());
        builder.environment().put("MEDI_DEPARTMENT", DemoData.GENERAL);
        builder.environment().putIfAbsent("MEDI_CHROMIUM", "/usr/bin/chromium");
        Process process = builder.start();
        List<String> tail = new ArrayList<>();
        Thread streaming = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    synchronized (tail) {
                        tail.add(line);
                        if (tail.size() > 40) {
                            tail.remove(0);
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        }, "e2e-output");
        streaming.start();
        if (!process.waitFor(E2E_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        streaming.join(10_000);
        synchronized (tail) {
            assertEquals(0, process.exitValue(), "npm run e2e failed (report: gateway/src/main/webui/e2e/.output):\n"
                    + String.join("\n", tail));
        }
    }

    /**
     * The app's API types are generated from gateway/src/main/webui/openapi/*.json: each must be what its service
     * describes, or the app is typed against an API that is not there.
     */
    @Test
    void theCommittedOpenApiDocumentsAreWhatTheServicesDescribe() throws Exception {
        List<String> stale = new ArrayList<>();
        for (MediService service : MediService.values()) {
            String name = service.module().replace("-service", "");
            Path committed = webui().resolve("openapi").resolve(name + ".json");
            HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(
                    URI.create(stack.service(service).managementUrl() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), service + " /q/openapi");
            if (!Files.exists(committed) || !JSON.readTree(live.body()).equals(SAME_NUMBER_VALUE, JSON.readTree(committed.toFile()))) {
                stale.add(root.relativize(committed).toString());
            }
        }
        assertTrue(stale.isEmpty(), "OpenAPI documents differ from the running services: " + stale + ". Refresh them: "
                + "mvn -B -o -q package -DskipTests -Dwebui.skip && (cd gateway/src/main/webui && npm run openapi), "
                + "then commit openapi/*.json");
    }
}
